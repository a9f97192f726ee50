"""task-without-clause: a task with no responsibility clause in a plan whose other tasks have one.

Found while extracting; reported as the extraction's warning says it.
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "task-without-clause"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, None, w.span)
