"""What a plan's note says of how its lists read, applied to a task table's unit cells: the first unit leads
("列第一位者为牵头单位"), or those before a semicolon do ("分号前为牵头单位")."""

from __future__ import annotations

from dataclasses import replace

from policyx.extract.clauses.conventions import parted_at_semicolon
from policyx.extract.tables.cells import Cell, ParsedTable, cell_at
from policyx.model import Task
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized


def plan_convention(parsed: list[ParsedTable], norm: Normalized, rules: RuleSet, effect: str) -> bool:
    """Whether the plan states a convention of this ``effect`` on who of a list leads ("注：责任单位有两个及以上的，
    列第一位者为牵头单位", county-key-projects-2026; "分号前为牵头单位", city-slash-and-semicolon-unit-lists-2026):
    then so it is in its tables' unit columns too."""
    return any(p.table.kind == "task" for p in parsed) and any(
        c.effect == effect and c.pattern.search(norm.text) for c in rules.responsibility.conventions)


def as_the_plan_says(task: Task, row: list[Cell | None], at: dict[str, int], norm: Normalized, rules: RuleSet,
                      first_leads: bool, semicolon_leads: bool) -> Task:
    """A row's task of a table with no participants' column, its units read as the plan's note on lists says."""
    if semicolon_leads:
        task = _after_the_semicolon_take_part(task, cell_at(row, at, "lead"), norm)
    return _first_of_the_list_leads(task, rules.departments) if first_leads else task


def _after_the_semicolon_take_part(task: Task, cell: Cell | None, norm: Normalized) -> Task:
    """The leads a row's unit cell lists after its first semicolon take part ("市住建局；市发改委、市财政局")."""
    parted = parted_at_semicolon(task.lead, norm.text, cell.start, cell.end) if cell is not None and len(task.lead) > 1 else None
    if parted is None:
        return task
    before, after = parted
    return replace(task, lead=tuple(before), participants=(*after, *task.participants))


def _first_of_the_list_leads(task: Task, registry) -> Task:
    """A row's first listed unit leads, the others take part — a named
    government too ("凯里市人民政府、黄平县人民政府", "岑巩县人民政府、州生态环境局岑巩分局",
    prefecture-river-water-quality-2025); governments of every place of a
    level (各县, 乡镇人民政府) and park committees carry the task out."""
    listed = sorted((*task.lead, *(r for r in task.implementers if a_places_own(r, registry) and not registry.level_named.match(r.raw))),
                    key=lambda r: r.span[0] if r.span else 0)
    if len(listed) < 2 and not (listed and not task.lead):
        return task
    first, *others = listed
    return replace(task, lead=(first,), participants=(*others, *task.participants),
                   implementers=tuple(r for r in task.implementers if r not in listed))


def a_places_own(ref, registry) -> bool:
    """A government a row names that is one place's own: not every place's of a
    level (各县市人民政府), nor a park's committee, which carries the work out."""
    return not (registry.is_every_government(ref.name) or registry.park_committee.search(ref.name))
