"""target-looser-than-parent (with --against): a target looser than the parent plan's for the same indicator."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "target-looser-than-parent"


def check(context: CheckContext) -> Iterable[Finding]:
    d = context.against_parent
    if d is None:
        return
    for pair in d.matched:
        for c in pair.changes:
            if c.field == "targets" and c.direction == "looser":
                yield Finding(ID, "", f"task {pair.b.id} {pair.b.title!r}: target {c.b} is looser than the parent's {c.a}",
                              c.line_b, pair.b.id)
    for c in d.targets:
        if c.direction == "looser":
            yield Finding(ID, "", f"plan target {c.b} is looser than the parent's {c.a}", c.line_b, None)
