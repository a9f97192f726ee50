"""no-structure: a plan with no recognisable section structure.

Found while extracting; reported as the extraction's warning says it.
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "no-structure"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, None, w.span)
