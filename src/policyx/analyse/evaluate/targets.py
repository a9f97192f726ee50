"""Scoring the plan's own targets, outside its tasks (``*.targets.yaml``)."""

from __future__ import annotations

from policyx.analyse.evaluate.keys import normalise_target_key, target_key
from policyx.analyse.evaluate.report import Report, compare_keys
from policyx.model import Document


def score_document_targets(gold: dict, doc: Document, report: Report) -> None:
    """The plan's own targets (outside tasks) on the gold's lines; ``lines: []``
    says the plan states none, so that every one found is a false one."""
    lines = gold["lines"]
    want = [normalise_target_key(t) for t in gold["targets"]]
    if lines in ([], None):
        compare_keys(report, "document_targets", want, [target_key(t) for t in doc.targets], "the whole plan")
        return
    if isinstance(lines, list) and len(lines) > 2:  # (the lines themselves: a paragraph across a page's two columns)
        got = [target_key(t) for t in doc.targets if t.line in set(lines)]
        compare_keys(report, "document_targets", want, got, f"lines {', '.join(map(str, lines))}")
        return
    first, last = (lines, lines) if isinstance(lines, int) else (lines[0], lines[-1])
    got = [target_key(t) for t in doc.targets if first <= t.line <= last]
    compare_keys(report, "document_targets", want, got, f"lines {first}-{last}")
