"""deadline-outside-plan: a deadline before the plan's year, or more than
35 years after it."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding

ID = "deadline-outside-plan"
HORIZON_YEARS = 35


def check(context: CheckContext) -> Iterable[Finding]:
    year = context.plan_year
    if not year:
        return
    for t in context.doc.tasks:
        for d in t.deadlines:
            if d.date and d.kind == "by" and int(d.date[:4]) < year:
                yield Finding(ID, "", f"deadline {d.raw} ({d.date}) is before the plan's year {year}", d.line, t.id, d.span)
            elif d.date and int(d.date[:4]) > year + HORIZON_YEARS:
                yield Finding(ID, "", f"deadline {d.raw} ({d.date}) is more than {HORIZON_YEARS} years after the "
                              f"plan's year {year}", d.line, t.id, d.span)
