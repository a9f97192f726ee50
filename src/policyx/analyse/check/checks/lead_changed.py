"""lead-changed (with --against): the lead of a task differs in function from the parent plan's."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "lead-changed"


def check(context: CheckContext) -> Iterable[Finding]:
    d = context.against_parent
    if d is None:
        return
    for pair in d.matched:
        for c in pair.changes:
            if c.field == "lead":
                yield Finding(ID, "", f"task {pair.b.id} {pair.b.title!r}: lead {c.b or '—'} where the parent has {c.a or '—'}",
                              pair.b.line, pair.b.id)
