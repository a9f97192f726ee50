"""A table a page break cut, as a PDF or a Word file exported to text gives it.

Between two rows stand the page's number ("—2—"), the words that say the table
goes on ("续表") and its header again; a row the break split goes on in a row
of the next page whose number cell is empty ("7 | 促进农村劳动力稳岗就业。…加大以工代赈实施力度， | … |
省发展改革委、省商务厅、" then " | 在重点工程项目中推广以工代赈方式，… |  | 省交通运输厅、省水利厅 | ",
province-table-page-breaks-2025). The run of rows goes on over the page's
lines, the header again is no row, and the split row is one row again.
"""

from __future__ import annotations

from policyx.extract.tables.cells import Cell, joined
from policyx.rules.tables import TableRules
from policyx.text.formats.layout import PAGE_NUMBER_LINE


def is_page_break(text: str, rules: TableRules) -> bool:
    """A line a page break puts between a table's rows: the page's number, or "续表"."""
    return bool(PAGE_NUMBER_LINE.match(text) or rules.continued.match(text))


def another_table(header: str, row: str, separator: str) -> bool:
    """Whether a row after a page break opens another table: not the header again, nor a numbered row,
    nor one whose number cell is empty (a row the break split), but words in the first cell."""
    if row == header.strip():
        return False
    first = row.split(separator, 1)[0].strip()
    return bool(first) and not first[0].isdigit()


def across_page_breaks(rows: list[list[Cell | None]]) -> list[list[Cell | None]]:
    """The rows with the header's repeats taken out, and each row a break split joined again
    (the first after a repeat, with no number, onto the row before the break)."""
    if len(rows) < 3:
        return rows
    header = _keys(rows[0])
    out = [rows[0]]
    after_break = False
    for row in rows[1:]:
        if _keys(row) == header:
            after_break = True
            continue
        if after_break and len(out) > 1 and (row[0] is None or not row[0].key.strip()) and any(row[1:]):
            out[-1] = _joined(out[-1], row)
        else:
            out.append(row)
        after_break = False
    return out


def _keys(row: list[Cell | None]) -> list[str]:
    return [c.key.strip() if c is not None else "" for c in row]


def _joined(above: list[Cell | None], below: list[Cell | None]) -> list[Cell | None]:
    """Each cell of the row the break split, its words on both pages."""
    width = max(len(above), len(below))
    cells: list[Cell | None] = []
    for i in range(width):
        a = above[i] if i < len(above) else None
        b = below[i] if i < len(below) else None
        cells.append(a or b if a is None or b is None else joined(a, b))
    return cells
