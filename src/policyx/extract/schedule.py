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
        end = _section_end(index, head.span[1], len(text))
        if k + 1 < len(heads):
            end = min(end, heads[k + 1].span[0])
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


def _section_end(index: SectionIndex, offset: int, length: int) -> int:
    """Where the items of a schedule's line at ``offset`` end: with the section over the heading that follows
    it ("二月份" stands in item 4.'s section, over item 5.: with 二、, which holds both), or at that heading when
    no section holds it ("第四季度" over unnumbered items, then 三、)."""
    after = bisect.bisect_right(index.starts, offset)
    if after == len(index.starts):
        holder = index.innermost(offset)
        return holder.end if holder is not None else length
    following = index.headings[after]
    holder = index.innermost(offset)
    while holder is not None and holder.level >= following.level:
        holder = index.by_id.get(holder.parent) if holder.parent else None
    return holder.end if holder is not None else following.span[0]
