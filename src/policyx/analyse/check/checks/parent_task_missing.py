"""parent-task-missing (with --against): a task of the parent plan with no counterpart here."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "parent-task-missing"


def check(context: CheckContext) -> Iterable[Finding]:
    d = context.against_parent
    if d is None:
        return
    for t in d.only_a:
        yield Finding(ID, "", f"parent task {t.id} {t.title!r} (line {t.line} of {context.parent.info.id}) "
                      "has no counterpart here", None, None)
