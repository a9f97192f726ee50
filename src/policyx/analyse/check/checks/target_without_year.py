"""target-without-year: a numeric target with no year by which it is due."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding
from policyx.model import Task

ID = "target-without-year"


def check(context: CheckContext) -> Iterable[Finding]:
    for t in context.doc.tasks:
        recurring = [d.span for d in t.deadlines if d.kind == "every"]
        for target in t.targets:
            # "每年新增铁路货运量50万吨" is due every year, not in none
            if target.year is None and not any(_same_sentence(t, span, target.span) for span in recurring):
                yield Finding(ID, "", f"target {target.raw!r} ({target.metric or 'no metric'}) has no year",
                              target.line, t.id, target.span)
    for target in context.doc.targets:
        if target.year is None:
            yield Finding(ID, "", f"plan target {target.raw!r} has no year", target.line, None, target.span)


def _same_sentence(task: Task, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two spans inside a task's text lie in one sentence?"""
    lo, hi = min(a[0], b[0]) - task.span[0], max(a[1], b[1]) - task.span[0]
    return 0 <= lo and hi <= len(task.text) and not any(ch in "。；;\n" for ch in task.text[lo:hi])
