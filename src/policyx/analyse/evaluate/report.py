"""What a scoring adds to: true/false positives and negatives per field, the
share of items exactly right, and a line for each miss."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


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


def compare_keys(report: Report, name: str, want: list[str], got: list[str], where: str) -> None:
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
