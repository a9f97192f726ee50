"""Scoring headings (``*.sections.yaml``)."""

from __future__ import annotations

from policyx.analyse.evaluate.report import Report
from policyx.analyse.matching import text_similarity
from policyx.model import Document


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
