"""A schedule's times over its items: a line that only names a month or a
quarter ("一月份", "第二季度（4—6月）", the rules whose ``heads`` is set) says
when the items under it are due — each task that starts after it, up to the
next such line or the end of the section that holds it. A task under a
quarter that opens with a month of its own ("4月：…") keeps to its month.
"""

from __future__ import annotations

import bisect

from policyx.extract.tasks.paragraphs import SectionIndex
from policyx.model import Deadline, Section, Task, copier
from policyx.rules import RuleSet

_WITH_DEADLINES = copier(Task, "deadlines")
_OWN_MONTH = "deadline.schedule_month"  # ("4月：完成…": the item's own month)


def date_by_schedule(tasks: tuple[Task, ...], sections: tuple[Section, ...], text: str, deadlines: list[Deadline],
                     rules: RuleSet) -> tuple[Task, ...]:
    """The tasks, each under a schedule's month or quarter due at its end too."""
    heads = [d for d in deadlines if d.rule in rules.deadlines.headings]
    if not heads:
        return tasks  # (most plans: no line that is only a time)
    index = SectionIndex(sections, text)
    scopes = []
    for k, head in enumerate(heads):
        end = _section_end(index, head.span[1], heads[k + 1].span[0] if k + 1 < len(heads) else len(text), text)
        scopes.append((head.span[1], end, head))
    starts = [start for start, _, _ in scopes]
    out = []
    for task in tasks:
        at = bisect.bisect_right(starts, task.span[0]) - 1
        head = scopes[at][2] if at >= 0 and task.span[0] < scopes[at][1] else None
        if head is None or any(d.date == head.date and d.kind == "by" for d in task.deadlines) \
                or head.rule != "deadline.schedule_month_heading" and any(d.rule == _OWN_MONTH for d in task.deadlines):
            out.append(task)
        else:
            out.append(_WITH_DEADLINES(task, (head, *task.deadlines)))
    return tuple(out)


def _section_end(index: SectionIndex, offset: int, limit: int, text: str) -> int:
    """Where the items of a schedule's line ending at ``offset`` end. Over numbered items ("二月份" right
    over "5.…"): at the first heading of a higher rank than theirs. Over paragraphs ("3月" under "（一）准备
    阶段", then "制定实施方案。…"): at the next heading of the rank of the section that holds the line, or
    higher ("（二）实施阶段"). Never past ``limit`` (the next such line: each heading is looked at once)."""
    after = bisect.bisect_right(index.starts, offset)
    holder = index.innermost(offset)
    if after < len(index.starts) and not text[offset:index.starts[after]].strip():
        rank = index.headings[after].level - 1  # (items right under the line: up to a heading over them)
    else:
        rank = holder.level if holder is not None else 0
    for k in range(after, len(index.headings)):
        heading = index.headings[k]
        if heading.span[0] >= limit or heading.level <= rank:
            return min(heading.span[0], limit)
    return limit
