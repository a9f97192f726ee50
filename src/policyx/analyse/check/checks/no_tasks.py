"""no-tasks: a plan with responsibility clauses or numbered items that yields no task.

An error where the plan states attributions (policyx could not read the form
its tasks are written in), a warning where it only has numbered items.
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "no-tasks"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        severity = "error" if "clause" in w.message else "warning"
        yield Finding(ID, severity, w.message, w.line, None, w.span)
