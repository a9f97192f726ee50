"""deadline-unparsed: a year written in a task that no deadline rule read."""

from __future__ import annotations

from typing import Iterable

import regex

from policyx.analyse.check.context import CheckContext, Finding
from policyx.model import Document

ID = "deadline-unparsed"
_DATE_LIKE = regex.compile(r"(?:19|20)[0-9]{2}\s*年|[一二][〇零九][〇零一二三四五六七八九]{2}年")
# a year that is not a deadline by design: a baseline, the past, a table column, a document title
_NOT_A_DEADLINE = regex.compile(
    r"(?:比|较|对比|相比|同比|与|由|和|从)\s*$|^\s*年?\s*(?:的|以来|以前|现状|完成情况|基准|数据|为基|度|平均|均值|同期|全年)"
)


def check(context: CheckContext) -> Iterable[Finding]:
    doc = context.doc
    for t in doc.tasks:
        covered = [d.span for d in t.deadlines]
        clauses = [c.span for c in (*t.subclauses, *([t.clause] if t.clause else []))] + list(doc.noise)
        for m in _DATE_LIKE.finditer(t.text):
            start = t.span[0] + m.start()
            written = "".join(m.group(0).split())
            if any(a <= start < b for a, b in (*covered, *clauses)) \
                    or any(written in "".join(d.raw.split()) for d in t.deadlines):  # a wording repeated is one deadline
                continue
            before, after = t.text[max(0, m.start() - 4):m.start()], t.text[m.end() - 1:m.end() + 6]
            in_title = "《" in t.text[max(0, m.start() - 40):m.start()] and "》" in t.text[m.end():m.end() + 40]
            if _NOT_A_DEADLINE.search(before) or _NOT_A_DEADLINE.search(after) or in_title:
                continue
            phrase = t.text[m.start():m.end() + 6].split("，")[0].split(",")[0]
            yield Finding(ID, "", f"date-like phrase {phrase!r} was not read as a deadline",
                          _line(doc, start), t.id, (start, t.span[0] + m.end()))


def _line(doc: Document, offset: int) -> int:
    for t in doc.tasks:
        if t.span[0] <= offset < t.span[1]:
            return t.line + t.text[: offset - t.span[0]].count("\n")
    return 0
