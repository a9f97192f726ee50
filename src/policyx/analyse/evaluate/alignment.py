"""Scoring a diff's task alignment against a hand-made one (``*.alignment.yaml``)."""

from __future__ import annotations

from policyx.analyse.evaluate.report import Report
from policyx.analyse.matching import text_similarity
from policyx.model import Document


def score_alignment(gold: dict, a: Document, b: Document, report: Report) -> None:
    """Task alignment of a diff against a hand-made one (pairs named by line and title)."""
    from policyx.analyse.diff import diff_plans

    pool_a = [(m["a_line"], m["a_title"]) for m in gold["matched"]] + [(t["line"], t["title"]) for t in gold["only_a"]]
    pool_b = [(m["b_line"], m["b_title"]) for m in gold["matched"]] + [(t["line"], t["title"]) for t in gold["only_b"]]
    want = {(m["a_line"], m["a_title"], m["b_line"], m["b_title"]) for m in gold["matched"]}
    d = diff_plans(a, b)
    got = {_as_in_gold(p.a.line, p.a.title, pool_a) + _as_in_gold(p.b.line, p.b.title, pool_b) for p in d.matched}
    counts = report.counts("alignment")
    counts.tp += len(want & got)
    counts.fp += len(got - want)
    counts.fn += len(want - got)
    for pair in sorted(want - got):
        report.misses.append(f"alignment missing: {pair}")
    for pair in sorted(got - want):
        report.misses.append(f"alignment wrong: {pair}")


def _as_in_gold(line: int, title: str, pool: list[tuple[int, str]]) -> tuple[int, str]:
    """A task as the gold names it: the gold task on its line titled most
    alike, else its own line and title."""
    same_line = [p for p in pool if p[0] == line]
    return max(same_line, key=lambda p: text_similarity(p[1], title)) if same_line else (line, title)
