"""attribution-unread: a document that divides tasks among offices (责任分工)
none of whose tasks names a department — its attributions are written in a
form policyx does not read (a task table run together into lines), so the
reading answers nobody's "who leads this"."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "attribution-unread"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, None, w.span)
