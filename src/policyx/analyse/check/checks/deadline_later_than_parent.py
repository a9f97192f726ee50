"""deadline-later-than-parent (with --against): a deadline later than the parent plan's for the same task."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "deadline-later-than-parent"


def check(context: CheckContext) -> Iterable[Finding]:
    d = context.against_parent
    if d is None:
        return
    for pair in d.matched:
        for c in pair.changes:
            if c.field == "deadlines" and c.direction == "later":
                yield Finding(ID, "", f"task {pair.b.id} {pair.b.title!r}: deadline {c.b} is later than the parent's {c.a}",
                              c.line_b, pair.b.id)
