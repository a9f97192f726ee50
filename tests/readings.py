"""What the written-forms tests read off a plan, shared by their files."""

from __future__ import annotations

from policyx import extract_text


def table_rows(text: str):
    """(title, lead, participants, due dates) of each task a table's row gives."""
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [d.date for d in t.deadlines])
            for t in extract_text(text).tasks if t.source == "table"]
