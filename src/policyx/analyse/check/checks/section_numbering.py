"""section-numbering: a heading number that leaves a gap, repeats or comes out of order.

Found while extracting; reported as the extraction's warning says it.
"""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "section-numbering"


def check(context: CheckContext) -> Iterable[Finding]:
    for w in context.warnings(ID):
        yield Finding(ID, "", w.message, w.line, None, w.span)
