"""deadline-unparsed: a year written in a task that no deadline rule read."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding
from policyx.model import Document

ID = "deadline-unparsed"


def check(context: CheckContext) -> Iterable[Finding]:
    doc = context.doc
    # a year written (rules/deadlines.yaml: date_like), unless the words around it make it no
    # deadline by design (not_a_deadline: a baseline, the past, a table column) or it stands in a title
    date_like, not_a_deadline = context.rules.deadlines.date_like, context.rules.deadlines.not_a_deadline
    for t in doc.tasks:
        covered = [d.span for d in t.deadlines]
        clauses = [c.span for c in (*t.subclauses, *([t.clause] if t.clause else []))] + list(doc.noise)
        for m in date_like.finditer(t.text):
            start = t.span[0] + m.start()
            written = "".join(m.group(0).split())
            if any(a <= start < b for a, b in (*covered, *clauses)) \
                    or any(written in "".join(d.raw.split()) for d in t.deadlines):  # a wording repeated is one deadline
                continue
            before, after = t.text[max(0, m.start() - 4):m.start()], t.text[m.end() - 1:m.end() + 6]
            in_title = "《" in t.text[max(0, m.start() - 40):m.start()] and "》" in t.text[m.end():m.end() + 40]
            if not_a_deadline.search(before) or not_a_deadline.search(after) or in_title:
                continue
            phrase = t.text[m.start():m.end() + 6].split("，")[0].split(",")[0]
            yield Finding(ID, "", f"date-like phrase {phrase!r} was not read as a deadline",
                          _line(doc, start), t.id, (start, t.span[0] + m.end()))


def _line(doc: Document, offset: int) -> int:
    for t in doc.tasks:
        if t.span[0] <= offset < t.span[1]:
            return t.line + t.text[: offset - t.span[0]].count("\n")
    return 0
