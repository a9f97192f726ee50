"""A saved page's table (``<table>`` of ``<tr>`` rows of ``<td>`` cells): its tags are noise and the boundary
between two cells a tab (``noise.html_cell_boundary``), so each row reads as a sheet's. Here: a row written over
several lines ("<td>4月底前完成排查<br>" / "11月底前完成整改</td></tr>", or a cell a line) is made one line again,
a cell merged down over the rows below it (``rowspan="3"``) leaves each of them a cell "〃" in its column (the one above), and
one merged across (``colspan="2"``) an empty cell beside it, so that the cells stand under their headers (city-plan-saved-as-html-with-table-2026 in tests/data/written).
The file's lines and every offset stay the file's."""

from __future__ import annotations

from policyx.extract.tables.quoted import MAX_CELL_LINES
from policyx.text.normalize import Normalized
from policyx.text.stored_patterns import compiled

MAX_ROWSPAN = 200  # rows one merged cell may run down over, at most
MAX_COLUMNS = 64  # columns of a row read for merged cells, at most


def html_rows(norm: Normalized) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The line breaks inside a saved page's table rows to take out, as :meth:`Normalized.join_lines` takes
    them (nothing to blank)."""
    if _ROW_OPEN.search(norm.original) is None:
        return [], []
    lines = norm.lines()
    written = [norm.source[line.start:line.end] for line in lines]  # (each line as the file has it, its tags too)
    joins: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        opened = _ROW_OPEN.search(written[i])
        if opened is None or _ROW_CLOSE.search(written[i], opened.end()):  # (a row that closes on its line)
            i += 1
            continue
        j = next((k for k in range(i + 1, min(len(lines), i + MAX_CELL_LINES))
                  if _ROW_CLOSE.search(written[k]) or _NOT_A_ROWS_CELL.search(written[k])), None)
        if j is None or _NOT_A_ROWS_CELL.search(written[j]):
            # (a page laid out in a table: its cell holds the plan's paragraphs, or a table of its own — no row's cells)
            i += 1
            continue
        joins += [(lines[k].end, lines[k + 1].start) for k in range(i, j)]
        i = j + 1
    return joins, []


def merged_cells(norm: Normalized) -> list[tuple[int, int, str]]:
    """Same-length edits giving each row under a cell merged down (``rowspan``) a cell "〃" in its column (the
    one above it, ``tables.ditto_cell``), and a row with a cell merged across (``colspan``) an empty cell for each
    column it covers past its first: written over a blanked tag's spaces where the cell is missing."""
    if _SPAN.search(norm.original) is None:
        return []
    text, edits = norm.text, []  # (where, what: a tab, or a tab and a ditto mark)
    pending: dict[int, int] = {}  # column → rows below still under its merged cell
    headers: set[int] = set()  # (the columns a table's first row merges down: a header's, empty cells below)
    first = True
    for line in norm.lines():
        tags = _CELL_TAG.findall(norm.source[line.start:line.end])
        boundaries = [k for k in range(line.start, line.end) if text[k] == "\t"] if tags else ()
        if not tags or len(boundaries) != len(tags) - 1:
            pending, first = {}, True  # (no row, or a row that is not one line of its cells: not read further)
            continue
        starts = [line.start, *(b + 1 for b in boundaries), line.start + len(text[line.start:line.end].rstrip(" "))]
        below = _row_cells(starts, tags, pending, edits, headers)
        headers = set(below) if first else headers
        pending, first = {c: n for c, n in below.items() if n > 0}, False
    return [(at, at + len(cell), cell) for at, cell in edits if text[at:at + len(cell)] == " " * len(cell)]


def _row_cells(starts: list[int], tags: list[str], pending: dict[int, int], edits: list[tuple[int, str]],
               headers: set[int]) -> dict[int, int]:
    """One row's cells (``starts``: where each begins, then where the row's words end; ``tags``: each cell's
    attributes): the places of its missing cells added to ``edits`` ("〃", but empty under a header merged down
    from the table's first row, ``headers``); the columns merged down into the next row."""
    below: dict[int, int] = {}
    column = across = 0  # (``across``: the columns the cell before covers past its first: empty cells here)
    for cell, attributes in enumerate([*tags, None]):
        at = starts[cell]
        while (across or pending.get(column, 0) > 0) and column < MAX_COLUMNS:  # (a merged cell stands here)
            if across:  # (an empty cell beside the one merged across)
                edits.append((at, "\t"))
                at, across = at + 1, across - 1
            else:  # (a cell that is the one above it, then its boundary)
                cell = "\t" if column in headers else "〃\t"
                edits.append((at, cell))
                at, below[column] = at + len(cell), pending[column] - 1
            column += 1
        if attributes is None or column >= MAX_COLUMNS:
            break
        down, wide = _ROWSPAN.search(attributes), _COLSPAN.search(attributes)
        if down is not None and 1 < int(down.group(1)) <= MAX_ROWSPAN:
            below[column] = int(down.group(1)) - 1
        across = min(int(wide.group(1)), MAX_COLUMNS) - 1 if wide is not None and int(wide.group(1)) > 1 else 0
        column += 1
    return below


_ROW_OPEN = compiled(r"(?i)<tr\b[^<>\n]{0,300}>")
_ROW_CLOSE = compiled(r"(?i)</tr\s*>")
_CELL_TAG = compiled(r"(?i)<t[dh]\b([^<>\n]{0,300})>")
_SPAN = compiled(r"(?i)(?:row|col)span\s*=")
_ROWSPAN = compiled(r"(?i)rowspan\s*=\s*[\"']?([0-9]{1,4})")
_COLSPAN = compiled(r"(?i)colspan\s*=\s*[\"']?([0-9]{1,4})")
# a paragraph's, a list's or a table's tag on a line before the row's end: the row is a page's layout, not a row of cells
_NOT_A_ROWS_CELL = compiled(r"(?i)<(?:p|div|ul|ol|li|table|tr|h[1-6]|section|article)\b")
