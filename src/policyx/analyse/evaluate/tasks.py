"""Scoring tasks (``*.tasks.yaml``): which gold tasks were found, and for each
one found, its title, departments, deadlines and targets.

A gold task and an extracted one are paired by an optimal assignment (see
the package docstring for the score); the pairs then have their fields
compared one by one.
"""

from __future__ import annotations

from collections import Counter

from policyx.analyse.evaluate.keys import deadline_key, name_key, normalise_target_key, target_key, title_similarity
from policyx.analyse.evaluate.report import Report, compare_keys
from policyx.analyse.matching import match
from policyx.model import Document, Task

TASK_FIELDS = ("lead", "participants", "implementers")
MATCH_THRESHOLD = 0.5
SAME_LINE_MIN_SIMILARITY = 0.2
# the lead right on every gold task that names one, matched or not: [right, total]
LEAD_END_TO_END = "lead end to end"


def _task_scorer(gold: list[dict], tasks: list[Task]):
    gold_per_line = Counter(g.get("line") for g in gold)
    tasks_per_line = Counter(t.line for t in tasks)

    def score(g: dict, t: Task) -> float:
        similarity = title_similarity(g.get("title", ""), t.title)
        if g.get("line") == t.line:
            crowded = gold_per_line[t.line] > 1 or tasks_per_line[t.line] > 1
            if not crowded or similarity >= SAME_LINE_MIN_SIMILARITY:
                return 0.5 + 0.5 * similarity
        return 0.6 * similarity

    return score


def score_tasks(gold: list[dict], doc: Document, report: Report, *, fields: tuple[str, ...] = TASK_FIELDS,
                unscored_lines: tuple[int, ...] = (), registry=None) -> None:
    """Task detection (precision/recall) and, per matched task, each field."""
    tasks = _scored_tasks(gold, doc)
    pairs = match(gold, tasks, _task_scorer(gold, tasks), threshold=MATCH_THRESHOLD)
    _score_detection(gold, tasks, pairs, set(unscored_lines), report)
    report.exact.setdefault("title", [0, 0])  # reported even when no task is matched
    for i, j, _ in sorted(pairs):
        _score_matched_task(gold[i], tasks[j], report, fields, registry)


def _scored_tasks(gold: list[dict], doc: Document) -> list[Task]:
    """A plan's tasks: those of its text, and the rows of its tables that
    restate none of them — and those that do on a line where the gold lists a
    table's row (a gold that counts a table's rows as tasks, all or some)."""
    rows = {g.get("line") for g in gold if g.get("source") == "table"}
    return [t for t in doc.tasks if t.source == "body" or t.restates is None or t.line in rows]


def _score_detection(gold: list[dict], tasks: list[Task], pairs, unscored_lines: set[int], report: Report) -> None:
    """Gold tasks found, missed and invented; an invented task on a line the
    excerpt cuts (``unscored_lines``) counts neither way."""
    matched_gold = {i for i, _, _ in pairs}
    matched_tasks = {j for _, j, _ in pairs}
    unscored = {j for j, t in enumerate(tasks) if j not in matched_tasks and t.line in unscored_lines}
    detection = report.counts("tasks")
    detection.tp += len(pairs)
    detection.fn += len(gold) - len(pairs)
    detection.fp += len(tasks) - len(pairs) - len(unscored)
    report.exact.setdefault(LEAD_END_TO_END, [0, 0])[1] += sum(1 for g in gold if "lead" in g)
    for i, g in enumerate(gold):
        if i not in matched_gold:
            report.misses.append(f"task missing: line {g.get('line')} {g.get('title')!r}")
    for j, t in enumerate(tasks):
        if j not in matched_tasks and j not in unscored:
            report.misses.append(f"task invented: line {t.line} {t.title!r} ({t.id})")


def _score_matched_task(g: dict, t: Task, report: Report, fields: tuple[str, ...], registry) -> None:
    """The fields of a matched pair: title, each department field, deadlines
    and targets (a field the gold task leaves out is not scored)."""
    titles = report.exact["title"]
    titles[1] += 1
    if g.get("title") == t.title:
        titles[0] += 1
    else:
        report.misses.append(f"title of line {t.line}: want {g.get('title')!r}, got {t.title!r}")
    where = f"line {t.line} {t.title!r}"
    for name in fields:
        if name in g:
            _score_departments(name, g[name] or [], getattr(t, name), report, where, registry)
    if "deadlines" in g:
        compare_keys(report, "deadlines", list(g["deadlines"]), [deadline_key(d) for d in t.deadlines], where)
    if "targets" in g:
        compare_keys(report, "targets", [normalise_target_key(x) for x in g["targets"]],
                     [target_key(x) for x in t.targets], where)


def _score_departments(name: str, gold_names: list[str], refs, report: Report, where: str, registry) -> None:
    """One department field; departments compare as sets of names (a name
    listed twice is one department)."""
    want = sorted({name_key(n, registry) for n in gold_names})
    got = sorted({name_key(ref.name, registry) for ref in refs})
    compare_keys(report, name, want, got, where)
    if name == "lead" and want == got:
        report.exact[LEAD_END_TO_END][0] += 1
