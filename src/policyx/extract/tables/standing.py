"""A standing clause written over a task table or in its notes: the units it
names carry out every row ("说明：各县（市、区）人民政府、洛阳高新区管委会、伊滨区管委会
负责本辖区各项任务的具体落实，表中不再逐项列出。", city-two-row-header-table-2026), as
one in the text does every later task."""

from __future__ import annotations

from policyx.extract.clauses import ParsedClause, as_written, read_unit_list, standing_statement
from policyx.extract.tables.cells import ParsedTable
from policyx.model import DepartmentRef, Task, replaced
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized

LINES_ABOVE = 3  # the lines over a table's header where its note may stand
REACH_ABOVE = 600  # …looked for within this many characters


def standing_over(p: ParsedTable, norm: Normalized, rules: RuleSet) -> tuple[DepartmentRef, ...]:
    """The units a standing clause just over the table, or in its notes, hands every row."""
    start, end = p.table.span
    above = [line for line in norm.lines(max(0, start - REACH_ABOVE), start) if line.text.strip() and line.end <= start]
    under = [line for line in norm.lines(end, p.notes_end) if line.text.strip()] if p.notes_end > end else []
    for line in (*above[-LINES_ABOVE:], *under):
        refs = standing_statement(norm.text, line.start, line.end, rules.departments, rules.responsibility)
        if refs:
            return as_written(refs, norm.source, "clause.standing")
    for line in under:
        refs = _carried_out(norm.text, line.start, line.end, rules)
        if refs:
            return as_written(refs, norm.source, "table.note")
    return ()


def _carried_out(text: str, start: int, end: int, rules: RuleSet) -> list[DepartmentRef]:
    """The local governments a sentence of a table's notes hands every row
    ("…。各市州人民政府负责抓好落实。"), a sentence of its own."""
    for m in rules.tables.note_carried_out.finditer(text, start, end):
        if text[m.start() - 1] in _SENTENCE_OPENS and not text[m.end():end].lstrip("。.；; \t")[:1].strip():
            parsed = ParsedClause()
            read_unit_list(m.group("units"), m.start("units"), "implementer", rules.departments, rules.responsibility,
                           parsed)
            return parsed.implementers
    return []


_SENTENCE_OPENS = frozenset("。.；;：:\n \t")


def with_standing(task: Task, refs: tuple[DepartmentRef, ...]) -> Task:
    """The row's task with the standing units among those who carry it out."""
    known = {r.canonical for r in (*task.lead, *task.participants, *task.implementers)}
    added = tuple(r for r in refs if r.canonical not in known)
    return replaced(task, implementers=(*task.implementers, *added)) if added else task
