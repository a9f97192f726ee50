"""A sheet's cells merged down its rows, which a copy leaves empty under
the top row that kept their value ("same as above")."""

from __future__ import annotations

from policyx.extract.tables.cells import Cell, ParsedTable, work_cell


_MERGED_DOWN = ("lead", "participants", "implementers", "deadline")


def continues(row: list[Cell | None], at: dict[str, int]) -> bool:
    """Whether a row goes on with the task of the row above: it has neither
    a number (序号) nor a task heading of its own, in a table with one of
    those columns (a ledger pasted from a spreadsheet, its merged cells lost)."""
    task = at.get("task") if at.get("task") != at.get("work") else None
    own = [row[i] for i in (at.get("index"), task) if i is not None and i < len(row)]
    return bool(own) and all(c is None for c in own)


def merges_cells(p: ParsedTable, at: dict[str, int]) -> bool:
    """Whether a sheet's numbered rows with their work leave their lead cell
    empty, two of them at least: cells merged down the rows, whose value the
    top row alone kept (city-cell-subitems-2026) — such a row's empty
    department and date cells are then the ones above it, within its group."""
    lead, index = at.get("lead"), at.get("index")
    if p.table.form != "tab" or lead is None or index is None:
        return False
    blank = sum(1 for row in p.cells if index < len(row) and row[index] is not None and work_cell(row, at) is not None
                and (lead >= len(row) or row[lead] is None))
    return blank >= MERGED_ROWS  # (one row with no lead is a row with no lead)


MERGED_ROWS = 2  # numbered rows with an empty lead cell that show a sheet's merged cells


def merged_filled(row: list[Cell | None], above: list[Cell | None], at: dict[str, int]) -> list[Cell | None]:
    """The row with its empty department and deadline cells taken from the
    row above: "same as above" where the merged cell was."""
    filled = list(row)
    lead = at.get("lead")
    if lead is not None and lead < len(row) and row[lead] is not None:
        return filled  # (a row naming its own lead had no merged cells: its empty cells are empty)
    for role in _MERGED_DOWN:
        i = at.get(role)
        if i is not None and i < len(above) and (i >= len(row) or row[i] is None):
            filled.extend([None] * (i + 1 - len(filled)))  # (a sheet's row loses its last empty cells)
            filled[i] = above[i]
    return filled


def dittoed(row: list[Cell | None], above: list[Cell | None], at: dict[str, int], ditto) -> list[Cell | None]:
    """The row with each department or date cell that says it is the one above it ("同上", "〃": ``ditto``)
    taken from the row above; another such cell is empty (a group's name merged down: the row's own words
    title it)."""
    if not any(c is not None and ditto.match(c.text) for c in row):
        return row
    taken = {at[role] for role in _MERGED_DOWN if role in at}
    return [(above[i] if i in taken and i < len(above) else None) if c is not None and ditto.match(c.text) else c
            for i, c in enumerate(row)]
