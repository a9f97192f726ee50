"""A plan's baselines: the rows of its indicator tables that look back.

A five-year plan often opens with a table of the previous plan's targets and
what was achieved ("专栏1 “十二五”环境保护规划指标完成情况": 十二五规划目标 |
2015年完成情况). Its rows are indicator rows like any other, but their target
column is for a year before the plan's own: they are where the plan starts
from, not what it sets. They are kept apart, as ``Document.baselines``.
"""

from __future__ import annotations

from typing import Iterable

from policyx.model import Target


def split_baselines(targets: Iterable[Target], plan_year: int | None) -> tuple[tuple[Target, ...], tuple[Target, ...]]:
    """(the plan's targets, its baselines): a table row due before the plan's year is a baseline.

    >>> from policyx.model import Target
    >>> row = Target(raw="75", metric="城镇污水集中处理率", comparator="=", value=75, unit="%", year=2015,
    ...              baseline_year=None, span=(0, 2), value_span=(0, 2), line=127, source="table")
    >>> split_baselines([row], 2017)[1] == (row,)
    True
    """
    keep: list[Target] = []
    past: list[Target] = []
    for t in targets:
        looks_back = plan_year is not None and t.source == "table" and t.year is not None and t.year < plan_year
        (past if looks_back else keep).append(t)
    return tuple(keep), tuple(past)
