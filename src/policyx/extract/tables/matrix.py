"""A responsibility matrix: a column for each department, its cells a mark
("●" leads, "○" takes part) or nothing (province-responsibility-matrix-2026):

    序号  重点任务            责任单位                              完成时限
                             省发展改革委  省工业和信息化厅  省科技厅 …
    1     严把新上“两高”项目准入关  ●       ○                 …     2026年6月底前
    注：●为牵头单位，○为配合单位。

The departments stand in the header, or on a second header row under a
merged cell; the notes under the table may say what each mark means."""

from __future__ import annotations

from policyx.extract.clauses import ParsedClause, UnitLists
from policyx.extract.tables.cells import Cell, ParsedTable
from policyx.rules import RuleSet
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized

MIN_DEPARTMENTS = 3  # columns of marks: fewer are a table's yes/no columns, not a matrix
MAX_DEPARTMENT_CHARS = 20  # a department's name in a header cell


def matrix_columns(rows: list[list[Cell | None]], width: int,
                   rules: TableRules) -> tuple[list[list[Cell | None]], dict[int, Cell]]:
    """The rows with the departments in the header row (a second header row
    of them merged into the first), and the department columns' header cells
    by column; no column where the table is no matrix."""
    marks = {mark for mark, _ in rules.matrix_marks}
    if len(rows) < 3 or not marks:
        return rows, {}
    for names, body in ((rows[1], rows[2:]), (rows[0], rows[1:])):
        columns = {j: cell for j, cell in enumerate(names)
                   if cell is not None and len(cell.text.strip()) <= MAX_DEPARTMENT_CHARS
                   and rules.matrix_department.search(cell.key.strip()) and _holds_marks(body, j, marks)}
        if len(columns) >= MIN_DEPARTMENTS:
            if names is rows[0]:
                return rows, columns
            header = [columns.get(j, rows[0][j] if j < len(rows[0]) else None) for j in range(width)]
            return [header, *body], columns
    return rows, {}


def _has_mark(cell: Cell | None, marks: set[str]) -> bool:
    return cell is not None and cell.text.strip() in marks


def _holds_marks(body: list[list[Cell | None]], column: int, marks: set[str]) -> bool:
    """Whether a column's cells below the header are marks or empty, one a mark at least."""
    cells = [row[column] for row in body if column < len(row) and row[column] is not None]
    return bool(cells) and all(_has_mark(c, marks) for c in cells)


def mark_roles(p: ParsedTable, rules: TableRules) -> dict[str, str]:
    """What each mark of a matrix says: the notes' reading ("●为牵头单位"),
    else the rules'; 〇, the numeral, as ○ says."""
    roles = dict(rules.matrix_marks)
    for note in p.table.footnotes:
        for m in rules.matrix_legend.finditer(note):
            roles[m.group("mark")] = "participants" if m.group("role") in _TAKING_PART else "lead"
    if "○" in roles:
        roles["〇"] = roles["○"]
    return roles


_TAKING_PART = ("配合", "参与", "协办", "协同")


def matrix_departments(p: ParsedTable, row: list[Cell | None], norm: Normalized, rules: RuleSet,
                       lists: UnitLists) -> ParsedClause:
    """The departments a matrix's row marks, each in the role its mark says
    (``p.marks``: :func:`mark_roles`), at the department's header cell."""
    parsed = ParsedClause()
    for column, header in p.departments.items():
        cell = row[column] if column < len(row) else None
        role = p.marks.get(cell.text.strip()) if cell is not None else None
        if role is None:
            continue
        read = lists.read(norm.text[header.start:header.end], header.start, "lead" if role == "lead" else "participant",
                          rules.departments, rules.responsibility)
        parsed.lead += read.lead
        parsed.participants += read.participants
        parsed.implementers += read.implementers
    return parsed
