"""body-table-mismatch: the body and the plan's own task table disagree.

Found while extracting; reported as the extraction's warning says it.
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "body-table-mismatch"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, context.task_of(w.line, w.span), w.span)
