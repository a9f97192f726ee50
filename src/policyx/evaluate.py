"""Scoring policyx against hand-written gold annotations.

Sections are matched by line.  Tasks are matched one to one by an optimal
assignment on a score of ``0.5 + 0.5 · title similarity`` for tasks on the
same line and ``0.6 · title similarity`` otherwise (difflib ratio); a pair
scoring under 0.5 is no match, so a task on another line needs a title at
least 0.83 alike.  For matched tasks each department field is compared as
a set of names (level prefix and 等 removed): exact when the sets are equal,
and counted per name for precision and recall.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from collections import Counter
from decimal import Decimal

from .matching import match, text_similarity
from .model import Deadline, Document, Target, Task

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

    def as_dict(self) -> dict:
        return {
            "document": self.document,
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "exact": {k: {"right": r, "total": t, "share": round(r / t, 4) if t else 1.0} for k, (r, t) in self.exact.items()},
            "misses": list(self.misses),
        }


def score_sections(gold: list[dict], doc: Document, report: Report) -> None:
    """Headings found (by line), and for found ones: level, title and parent."""
    by_line = {s.line: s for s in doc.sections}
    line_of = {s.id: s.line for s in doc.sections}
    gold_lines = {g["line"] for g in gold}
    counts = report.counts("sections")
    right = 0
    for g in gold:
        s = by_line.get(g["line"])
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
        if s.line not in gold_lines:
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


def target_key(t: Target) -> str:
    """How a target is written in gold files: ">= 94 %", "= 0.57 -"."""
    return f"{t.comparator} {_number(t.value)} {t.unit or '-'}"


def normalise_target_key(text: str) -> str:
    comparator, value, *unit = text.split()
    return f"{comparator} {_number(value)} {unit[0] if unit else '-'}"


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
    first, last = gold["lines"]
    got = [target_key(t) for t in doc.targets if first <= t.line <= last]
    want = [normalise_target_key(t) for t in gold["targets"]]
    _compare(report, "document_targets", want, got, f"lines {first}-{last}")


def _names(refs) -> set[str]:
    return {ref.name for ref in refs}


def _task_score(g: dict, t: Task) -> float:
    similarity = text_similarity(g.get("title", ""), t.title)
    return 0.5 + 0.5 * similarity if g.get("line") == t.line else 0.6 * similarity


def score_tasks(gold: list[dict], doc: Document, report: Report, *, fields: tuple[str, ...] = TASK_FIELDS) -> None:
    """Task detection (precision/recall) and, per matched task, each field."""
    tasks = [t for t in doc.tasks if t.source == "body"] if not any(g.get("source") == "table" for g in gold) else list(doc.tasks)
    pairs = match(gold, tasks, _task_score, threshold=MATCH_THRESHOLD)
    matched_gold = {i for i, _, _ in pairs}
    matched_tasks = {j for _, j, _ in pairs}
    detection = report.counts("tasks")
    detection.tp += len(pairs)
    detection.fn += len(gold) - len(pairs)
    detection.fp += len(tasks) - len(pairs)
    for i, g in enumerate(gold):
        if i not in matched_gold:
            report.misses.append(f"task missing: line {g.get('line')} {g.get('title')!r}")
    for j, t in enumerate(tasks):
        if j not in matched_tasks:
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
                _compare(report, name, sorted(set(g[name] or [])), sorted(_names(getattr(t, name))), where)
        if "deadlines" in g:
            _compare(report, "deadlines", list(g["deadlines"]), [deadline_key(d) for d in t.deadlines], where)
        if "targets" in g:
            _compare(report, "targets", [normalise_target_key(x) for x in g["targets"]], [target_key(x) for x in t.targets], where)
