"""department-unknown: a department name the rules' registry does not know.

Found while extracting; reported as the extraction's warning says it.
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "department-unknown"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, context.task_of(w.line, w.span), w.span)
