"""A task table row's dates: its deadline column's bare year or month, the
year its goal column names, and which of the dates in its cells are the row's."""

from __future__ import annotations

import calendar
import datetime as dt

from policyx.extract.deadlines import QUARTERS
from policyx.extract.tables.cells import _TRAILING_DEADLINE, Cell, ParsedTable
from policyx.model import Deadline
from policyx.rules import RuleSet
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized
from policyx.text.numerals import read_number
from policyx.text.stored_patterns import compiled


def goal_year(p: ParsedTable, at: dict[str, int], goal: Cell, norm: Normalized, rules: RuleSet,
              column: int | None = None) -> list[Deadline]:
    """A row's goal under a column of one year's goals ("2025年水质目标") is due by that year's end
    (``column``: the goal's column, if not the first of goals)."""
    year = _HEADER_YEAR.match(p.table.columns[at["target"] if column is None else column])
    if year is None:
        return []
    return [Deadline(raw=norm.source[goal.start:goal.end].strip(), kind="by", date=f"{year.group(1)}-12-31",
                     span=(goal.start, goal.end), line=goal.line, rule="table.goal_year")]


_HEADER_YEAR = compiled(r"[ \t]{0,4}+((?:19|20)[0-9]{2})[ \t]{0,2}+年(?!度)[^0-9]{0,6}目标")


def period_end(header: str, year: int | None, rules: TableRules) -> str | None:
    """The last day of the month or quarter a column's header names, in ``year``."""
    found = rules.period_header.match(header.replace(" ", ""))
    if found is None or year is None:
        return None
    month = read_number(found.group("month")) if found.group("month") else 3 * (read_number(found.group("quarter")) or 0)
    if not month or not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def period_milestones(p: ParsedTable, row: list[Cell | None], year: int | None, norm: Normalized,
                      rules: TableRules) -> list[tuple[Cell, Deadline | None]]:
    """A row's milestones in its month or quarter columns, each with its date
    (none in a plan whose year is not known); an empty cell or a placeholder is none."""
    out = []
    for column, role in enumerate(p.roles):
        cell = row[column] if role == "period" and column < len(row) else None
        if cell is None or not HOLDS_WORDS.search(cell.key):
            continue
        date = period_end(p.table.columns[column], year, rules)
        out.append((cell, Deadline(raw=norm.source[cell.start:cell.end].strip(), kind="by", date=date, span=(cell.start, cell.end),
                                   line=cell.line, rule=PERIOD_RULE) if date else None))
    return out


PERIOD_RULE = "table.period_column"  # (the rule of a month's or a quarter's milestone: the row's, not an item's it restates)
HOLDS_WORDS = compiled(r"[0-9]|\p{Han}(?<!无)")  # (not a placeholder: "—", "/", "无")


_PART_ENDS = {"上旬": "10", "中旬": "20"}  # (下旬, 底, 末: the month's last day)


def deadline_cell(cell: Cell | None, norm: Normalized, rules: TableRules, plan_year: int | None = None) -> list[Deadline]:
    """A deadline column's bare "2016年12月" or "2016年": due by the end of it; a schedule's "3月2日（周一）" or
    "3月上旬", in the plan's year. (In running text such a date may only say when something happened.)"""
    if cell is None:
        return []
    match = rules.deadline_cell.fullmatch(norm.text, cell.start, cell.end)
    if match:
        year = int(match.group("year"))
        month = int(match.group("month")) if match.group("month") else 12
        day_written = match.groupdict().get("day")
    else:
        match = rules.deadline_cell_in_year.fullmatch(norm.text, cell.start, cell.end) if plan_year else None
        if not match:
            return []
        year, day_written = plan_year, match.group("day2") or match.group("day") or _PART_ENDS.get(match.group("part") or "")
        if match.group("quarter"):
            month = 3 * QUARTERS[match.group("quarter")]
        elif match.group("half"):
            month = 6 if match.group("half") == "上" else 12
        else:
            month = int(match.group("month2") or match.group("month"))
    last = calendar.monthrange(year, month)[1]
    day = min(last, int(day_written)) if day_written else last
    date = dt.date(year, month, day).isoformat()
    return [Deadline(raw=norm.source[cell.start:cell.end].strip(), kind="by", date=date, span=(cell.start, cell.end),
                     line=cell.line, rule="table.deadline_cell")]


def row_deadlines(work: Cell, in_work: list, in_column: list, norm: Normalized):
    """A row's deadlines: its deadline column's and its work item's, each
    mention (the gold conventions: a column's 持续推进 beside "6月底前实现…", or
    the same date in both), else the trailing "(2016年底前)" of the work item,
    else any deadline in the work item."""
    if in_column:
        return sorted({*in_column, *in_work}, key=lambda d: d.span[0])
    text = norm.text[work.start:work.end]
    found = in_work
    trailing = _TRAILING_DEADLINE.search(text)
    if trailing:
        inside = [d for d in found if d.span[0] >= work.start + trailing.start()]
        if inside:
            return inside
    return found


def a_years_target(deadline: Deadline) -> bool:
    """A deadline that is only a year ("到2027年", "2027年达到…"), not a date due ("2025年6月底前", "年底前")."""
    return deadline.kind == "by" and bool(deadline.date) and deadline.date.endswith("-12-31") \
        and not any(word in deadline.raw for word in _DUE_WORDS)


_DUE_WORDS = ("底", "末", "前", "月")


def in_order(deadlines: list[Deadline], more: list[Deadline]) -> list[Deadline]:
    """Both lists' deadlines, each once, in the order they stand."""
    return sorted(dict.fromkeys([*deadlines, *more]), key=lambda d: d.span)
