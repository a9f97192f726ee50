"""items-without-clauses: a plan whose responsibility clauses stand in a few
of its many numbered items; one task is read per clause, and the items
without one are left out (they may be tasks written without clauses).
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "items-without-clauses"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, None, w.span)
