"""A header written over two rows: a cell merged across columns ("责任单位")
over the names of its parts ("牵头单位 | 配合单位"), the other cells merged
down and left empty on the second row (city-two-row-header-table-2026):

    序号  重点任务  责任单位            完成时限
                    牵头单位  配合单位

The second row's names are the columns' own; the row is no body row."""

from __future__ import annotations

from policyx.extract.tables.cells import DEPARTMENT_ROLES, Cell, column_roles
from policyx.rules.tables import TableRules


def under_merged_header(rows: list[list[Cell | None]], width: int, rules: TableRules) -> list[list[Cell | None]]:
    """The rows with a header's second row of column names merged into the
    first; the rows as they are where the second row is none."""
    if len(rows) < 3:
        return rows
    header, names = rows[0], rows[1]
    named = [j for j, cell in enumerate(names) if cell is not None and cell.text.strip()]
    if not named:
        return rows
    roles = column_roles([names[j].key if j in named else "" for j in range(len(names))], rules)
    if any(roles[j] is None for j in named) or not any(roles[j] in DEPARTMENT_ROLES for j in named):
        return rows  # (a row of the table, or a sheet's notes: every cell of a header's second row names a column)
    merged = [names[j] if j in named else (header[j] if j < len(header) else None) for j in range(width)]
    return [merged, *rows[2:]]
