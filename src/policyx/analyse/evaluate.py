"""Scoring policyx against hand-written gold annotations.

Sections are matched by line.  Tasks are matched one to one by an optimal
assignment on a score of ``0.5 + 0.5 · title similarity`` for tasks on the
same line and ``0.6 · title similarity`` otherwise; a pair scoring under 0.5
is no match, so a task on another line needs a title at least 0.83 alike.
Where a line holds several gold or several extracted tasks (paragraphs run
together on one line), being on the same line proves nothing, and a pair
there needs titles at least 0.2 alike to take the line's bonus.  Title
similarity is difflib's ratio, or 0.9 when one title opens the other.

Department names are compared by identity, not by spelling: traditional and
full-width characters folded, anti-scraping pinyin glosses ("環(huán)") and a
leading level prefix (自治区, 省, 州, 市, 县, 区 …) removed on both sides.  For
matched tasks each department field is compared as a set of such names:
exact when the sets are equal, and counted per name for precision and recall.
Lines a gold file lists in ``unscored_lines`` hold a task the excerpt cuts:
an extracted task left unmatched there is neither a hit nor a false positive.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import regex
import yaml

from policyx.errors import InputError
from policyx.analyse.matching import match, text_similarity
from policyx.model import Deadline, Document, Target, Task

TASK_FIELDS = ("lead", "participants", "implementers")
MATCH_THRESHOLD = 0.5


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class Report:
    """Scores for one document (or, summed, for several)."""

    document: str
    fields: dict[str, Counts] = field(default_factory=dict)
    exact: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, total]
    misses: list[str] = field(default_factory=list)

    def counts(self, name: str) -> Counts:
        return self.fields.setdefault(name, Counts())

    def exact_share(self, name: str) -> float:
        right, total = self.exact.get(name, [0, 0])
        return right / total if total else 1.0

    def merge(self, other: "Report") -> None:
        for name, counts in other.fields.items():
            self.counts(name).add(counts)
        for name, (right, total) in other.exact.items():
            mine = self.exact.setdefault(name, [0, 0])
            mine[0] += right
            mine[1] += total
        self.misses.extend(f"{other.document}: {m}" for m in other.misses)

    def summary(self) -> dict[str, float] | None:
        """The figures that say most in one line: task detection, and the
        lead right on matched tasks and on all gold tasks (end to end)."""
        tasks = self.fields.get("tasks")
        if tasks is None:
            return None
        lead_e2e = self.exact.get("lead end to end", [0, 0])
        return {
            "tasks_precision": round(tasks.precision, 4), "tasks_recall": round(tasks.recall, 4),
            "tasks_f1": round(tasks.f1, 4),
            "lead_exact_matched": round(self.exact_share("lead"), 4),
            "lead_end_to_end": round(lead_e2e[0] / lead_e2e[1], 4) if lead_e2e[1] else 1.0,
        }

    def summary_line(self) -> str | None:
        figures = self.summary()
        if figures is None:
            return None
        return ("tasks P {tasks_precision:.3f} R {tasks_recall:.3f} F1 {tasks_f1:.3f}; lead exact {lead_exact_matched:.3f} "
                "on matched tasks, {lead_end_to_end:.3f} end to end").format(**figures)

    def as_dict(self) -> dict:
        return {
            "document": self.document,
            "summary": self.summary(),
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "exact": {k: {"right": r, "total": t, "share": round(r / t, 4) if t else 1.0} for k, (r, t) in self.exact.items()},
            "misses": list(self.misses),
        }


def score_sections(gold: list[dict], doc: Document, report: Report) -> None:
    """Headings found (by line), and for found ones: level, title and parent."""
    by_line: dict[int, list] = {}
    for section in doc.sections:
        by_line.setdefault(section.line, []).append(section)
    line_of = {s.id: s.line for s in doc.sections}
    counts = report.counts("sections")
    right = 0
    used: set[str] = set()
    for g in gold:
        # several headings may share a line (paragraphs run together): the one titled alike
        here = [s for s in by_line.get(g["line"], []) if s.id not in used]
        s = max(here, key=lambda c: text_similarity(c.title, g.get("title", ""))) if here else None
        if s is not None:
            used.add(s.id)
        if s is None:
            counts.fn += 1
            report.misses.append(f"section missing: line {g['line']} {g.get('marker', '')}{g.get('title', '')}")
            continue
        counts.tp += 1
        parent_line = line_of.get(s.parent) if s.parent else None
        if (s.level, s.title, parent_line) == (g["level"], g["title"], g.get("parent_line")):
            right += 1
        else:
            report.misses.append(
                f"section line {g['line']}: want level {g['level']} {g['title']!r} under {g.get('parent_line')}, "
                f"got level {s.level} {s.title!r} under {parent_line}"
            )
    for s in doc.sections:
        if s.id not in used:
            counts.fp += 1
            report.misses.append(f"section invented: line {s.line} {s.marker}{s.title}")
    report.exact["sections"] = [right, counts.tp]


def deadline_key(d: Deadline) -> str:
    """How a deadline is written in gold files: "by 2016-12-31", "every quarter", "ongoing"."""
    if d.kind == "every":
        return f"every {d.period}"
    if d.kind == "ongoing":
        return "ongoing"
    return f"{d.kind} {d.date}"


def _number(value: Decimal | str) -> str:
    number = Decimal(str(value)).normalize()
    return format(number, "f")


# The gold conventions write no strict comparison ("超过85%" is ">= 85 %"), so a
# strict one is scored as its non-strict form; a unit in either script is one unit.
_SCORED_COMPARATOR = {"<": "<=", ">": ">="}


def _scored_key(comparator: str, value, unit: str | None) -> str:
    from policyx.text.normalize import comparable

    return f"{_SCORED_COMPARATOR.get(comparator, comparator)} {_number(value)} {comparable(unit) if unit and unit != '-' else '-'}"


def target_key(t: Target) -> str:
    """How a target is written in gold files: ">= 94 %", "= 0.57 -"."""
    return _scored_key(t.comparator, t.value, t.unit)


def normalise_target_key(text: str) -> str:
    comparator, value, *unit = text.split()
    return _scored_key(comparator, value, unit[0] if unit else None)


def _compare(report: "Report", name: str, want: list[str], got: list[str], where: str) -> None:
    """Multisets of keys: counts per field and one exact flag."""
    w, g = Counter(want), Counter(got)
    counts = report.counts(name)
    counts.tp += sum((w & g).values())
    counts.fp += sum((g - w).values())
    counts.fn += sum((w - g).values())
    exact = report.exact.setdefault(name, [0, 0])
    exact[1] += 1
    if w == g:
        exact[0] += 1
    else:
        report.misses.append(f"{name} of {where}: missing {sorted((w - g).elements())}, extra {sorted((g - w).elements())}")


def score_document_targets(gold: dict, doc: Document, report: "Report") -> None:
    """The plan's own targets (outside tasks) on the gold's lines."""
    lines = gold["lines"]
    first, last = (lines, lines) if isinstance(lines, int) else (lines[0], lines[-1])
    got = [target_key(t) for t in doc.targets if first <= t.line <= last]
    want = [normalise_target_key(t) for t in gold["targets"]]
    _compare(report, "document_targets", want, got, f"lines {first}-{last}")


_GLOSS = regex.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_TITLE_EDGE = " \t\r\n。.;；,，:：、"
SAME_LINE_MIN_SIMILARITY = 0.2


def name_key(name: str, registry=None) -> str:
    """A department name as compared with gold: one spelling per office.

    >>> name_key("州行政審批服務局") == name_key("行政审批服务局")
    True
    """
    from policyx.text.normalize import comparable

    key = comparable(_GLOSS.sub("", name)).strip()
    if registry is None:
        from policyx.rules import load_rules

        registry = load_rules().departments
    prefix, _, rest = registry.split_prefix(key)
    if prefix and not registry.not_prefix.match(key):
        key = rest
    return key


def _names(refs) -> set[str]:
    return {ref.name for ref in refs}


def title_similarity(a: str, b: str) -> float:
    """difflib's ratio of two titles, or 0.9 when one opens the other
    ("坚持从实际出发" and "坚持从实际出发,宜电则电…" name one task)."""
    a, b = _GLOSS.sub("", a).strip(_TITLE_EDGE), _GLOSS.sub("", b).strip(_TITLE_EDGE)
    if a and b and len(min(a, b, key=len)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return max(0.9, text_similarity(a, b))
    return text_similarity(a, b)


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
    # a plan's tasks: those of its text, and the rows of its tables that restate none of them
    tasks = ([t for t in doc.tasks if t.source == "body" or t.restates is None]
             if not any(g.get("source") == "table" for g in gold) else list(doc.tasks))
    pairs = match(gold, tasks, _task_scorer(gold, tasks), threshold=MATCH_THRESHOLD)
    matched_gold = {i for i, _, _ in pairs}
    matched_tasks = {j for _, j, _ in pairs}
    unscored = {j for j, t in enumerate(tasks) if j not in matched_tasks and t.line in set(unscored_lines)}
    detection = report.counts("tasks")
    detection.tp += len(pairs)
    detection.fn += len(gold) - len(pairs)
    detection.fp += len(tasks) - len(pairs) - len(unscored)
    lead_end_to_end = report.exact.setdefault("lead end to end", [0, 0])
    lead_end_to_end[1] += sum(1 for g in gold if "lead" in g)
    for i, g in enumerate(gold):
        if i not in matched_gold:
            report.misses.append(f"task missing: line {g.get('line')} {g.get('title')!r}")
    for j, t in enumerate(tasks):
        if j not in matched_tasks and j not in unscored:
            report.misses.append(f"task invented: line {t.line} {t.title!r} ({t.id})")
    titles = report.exact.setdefault("title", [0, 0])
    for i, j, _ in sorted(pairs):
        g, t = gold[i], tasks[j]
        titles[1] += 1
        if g.get("title") == t.title:
            titles[0] += 1
        where = f"line {t.line} {t.title!r}"
        for name in fields:
            if name in g:
                # departments compare as sets of names: a name listed twice is one department
                want = sorted({name_key(n, registry) for n in g[name] or []})
                got = sorted({name_key(n, registry) for n in _names(getattr(t, name))})
                _compare(report, name, want, got, where)
                if name == "lead" and want == got:
                    lead_end_to_end[0] += 1
        if "deadlines" in g:
            _compare(report, "deadlines", list(g["deadlines"]), [deadline_key(d) for d in t.deadlines], where)
        if "targets" in g:
            _compare(report, "targets", [normalise_target_key(x) for x in g["targets"]], [target_key(x) for x in t.targets], where)


def target_value_key(t: Target) -> str:
    """An indicator's target as written in gold ("≤62.6", "控制在…"), from a Target."""
    return t.value_text or t.raw


def score_table_rows(gold: dict, doc: Document, report: Report) -> None:
    """Rows of a task table, in order: each gold field the row names
    (subtask or task, lead, participants, deadline) is compared."""
    table_id = gold["table"]
    rows = [t for t in doc.tasks if t.table == table_id]
    want_rows = gold.get("rows", [])

    def key(values: dict) -> tuple:
        return tuple(sorted((k, str(v)) for k, v in values.items()))

    def gold_fields(r: dict) -> dict:
        out = {}
        if "subtask" in r or "task" in r:
            heading = regex.sub(r"^[(（][一二三四五六七八九十]+[)）]", "", r.get("task") or "")
            out["title"] = r.get("subtask") or heading
        for name in ("lead", "participants"):
            if name in r:
                out[name] = list(r[name])
        if "deadline" in r:
            out["deadline"] = r["deadline"]
        return out

    def got_fields(t: Task, wanted: dict) -> dict:
        out = {}
        if "title" in wanted:
            out["title"] = t.title
        for name in ("lead", "participants"):
            if name in wanted:
                out[name] = [d.name for d in getattr(t, name)]
        if "deadline" in wanted:
            out["deadline"] = deadline_key(t.deadlines[0]) if t.deadlines else None
        return out

    want = [gold_fields(r) for r in want_rows]
    got = [got_fields(t, want[0] if want else {}) for t in rows]
    matcher = difflib.SequenceMatcher(None, [key(w) for w in want], [key(g) for g in got], autojunk=False)
    rows_counts = report.counts(f"table rows ({table_id})")
    right = sum(block.size for block in matcher.get_matching_blocks())
    rows_counts.tp += right
    rows_counts.fn += len(want) - right
    rows_counts.fp += len(got) - right
    exact = report.exact.setdefault(f"table rows ({table_id})", [0, 0])
    exact[0] += right
    exact[1] += len(want)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            report.misses.append(f"{table_id} rows {a1 + 1}-{a2}: want {want[a1:a2]}, got {got[b1:b2]}")


def score_indicators(gold: dict, doc: Document, report: Report) -> None:
    """Indicator-table rows (by line): metric, unit, target, baseline, attribute, group."""
    targets = {t.line: t for t in doc.targets if t.source == "table"}
    for table_id, spec in (gold.get("tables") or {}).items():
        counts = report.counts(f"indicators ({table_id})")
        for row in spec.get("rows", []):
            t = targets.get(row["line"])
            if t is None:
                counts.fn += 1
                report.misses.append(f"{table_id} line {row['line']}: indicator {row.get('metric')!r} not read")
                continue
            got = {"metric": t.metric, "unit": t.unit, "target": target_value_key(t), "baseline": t.baseline,
                   "attribute": t.attribute, "group": t.group}
            want = {k: row.get(k) for k in got}
            if got == want:
                counts.tp += 1
            else:
                counts.fp += 1
                counts.fn += 1
                report.misses.append(f"{table_id} line {row['line']}: want {want}, got {got}")


def score_alignment(gold: dict, a: Document, b: Document, report: Report) -> None:
    """Task alignment of a diff against a hand-made one (pairs named by line and title)."""
    from policyx.analyse.diff import diff_plans

    def canonical(line: int, title: str, pool: list[tuple[int, str]]) -> tuple[int, str]:
        same_line = [p for p in pool if p[0] == line]
        return max(same_line, key=lambda p: text_similarity(p[1], title)) if same_line else (line, title)

    pool_a = [(m["a_line"], m["a_title"]) for m in gold["matched"]] + [(t["line"], t["title"]) for t in gold["only_a"]]
    pool_b = [(m["b_line"], m["b_title"]) for m in gold["matched"]] + [(t["line"], t["title"]) for t in gold["only_b"]]
    want = {(m["a_line"], m["a_title"], m["b_line"], m["b_title"]) for m in gold["matched"]}
    d = diff_plans(a, b)
    got = {canonical(p.a.line, p.a.title, pool_a) + canonical(p.b.line, p.b.title, pool_b) for p in d.matched}
    counts = report.counts("alignment")
    counts.tp += len(want & got)
    counts.fp += len(got - want)
    counts.fn += len(want - got)
    for pair in sorted(want - got):
        report.misses.append(f"alignment missing: {pair}")
    for pair in sorted(got - want):
        report.misses.append(f"alignment wrong: {pair}")


GOLD_KINDS = (".sections.yaml", ".tasks.yaml", ".targets.yaml", ".indicators.yaml", ".alignment.yaml")


def gold_files(path: Path) -> list[Path]:
    """Gold files under a directory (or the one file named)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{path}: no such gold file or directory")
    files = sorted(p for p in path.rglob("*.yaml") if p.name.endswith(GOLD_KINDS) or ".table" in p.name)
    if not files:
        raise InputError(f"{path}: no gold files (*.sections.yaml, *.tasks.yaml, …) found")
    return files


def evaluate(path: str | Path, rules=None) -> dict[str, Report]:
    """Score the extractor on every gold file under ``path``; one Report per
    document (the key) plus "all", the sum.

    A gold file names its plan with ``document:`` — a corpus id, or a path
    relative to the gold file.
    """
    from policyx.extract.pipeline import extract_file

    docs: dict[str, Document] = {}

    def load(name: str, base: Path) -> Document:
        candidate = base / name
        target = str(candidate) if candidate.is_file() else name
        if target not in docs:
            docs[target] = extract_file(target, rules)
        return docs[target]

    reports: dict[str, Report] = {}
    for file in gold_files(Path(path)):
        try:
            gold = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"{file}: not valid YAML ({str(exc).splitlines()[0]})") from None
        base = file.parent
        try:
            _score_file(file, gold, base, load, reports)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # a malformed gold file is the user's to fix: say which and where
            raise InputError(f"{file}: not in the gold format ({type(exc).__name__}: {exc}); "
                             "see docs/gold-format.md") from None
    total = Report("all")
    for report in reports.values():
        total.merge(report)
    reports["all"] = total
    return reports


def _score_file(file: Path, gold: dict, base: Path, load, reports: dict[str, "Report"]) -> None:
    if file.name.endswith(".alignment.yaml"):
        a, b = load(gold["a"], base), load(gold["b"], base)
        name = f"{a.info.id} ↔ {b.info.id}"
        score_alignment(gold, a, b, reports.setdefault(name, Report(name)))
        return
    doc = load(gold["document"], base)
    report = reports.setdefault(doc.info.id, Report(doc.info.id))
    if file.name.endswith(".sections.yaml"):
        score_sections(gold["sections"], doc, report)
    elif file.name.endswith(".tasks.yaml"):
        score_tasks(gold["tasks"] or [], doc, report, unscored_lines=tuple(gold.get("unscored_lines") or ()))
    elif file.name.endswith(".targets.yaml"):
        score_document_targets(gold, doc, report)
    elif file.name.endswith(".indicators.yaml"):
        score_indicators(gold, doc, report)
    elif "table" in gold and "rows" in gold:
        score_table_rows(gold, doc, report)
