"""task-without-lead: a task that names no lead department, in a plan whose
tasks carry responsibility clauses — one whose clause names none, and one whose
clause is missing altogether (an attribution removed)."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "task-without-lead"


def check(context: CheckContext) -> Iterable[Finding]:
    if not context.uses_clauses:
        return
    for t in context.doc.tasks:
        if not t.lead:
            why = "its clause names none" if (t.clause or t.subclauses) else "it has no responsibility clause"
            yield Finding(ID, "", f"task {t.id} {t.title!r} names no lead department: {why}", t.line, t.id)
