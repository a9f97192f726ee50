"""Ruled tables in a PDF, found by pdfplumber from the lines drawn around
their cells, and put together again across pages.

On each page a table is a grid of cells, some spanning rows or columns.
A table that goes on over a page break — the first thing on the next page,
as wide as the one that ended the page before — is one table: its repeated
header rows are dropped; a first row that only goes on with the unfinished
cells of the row above (a row the break split) is joined to it; and empty
cells on the left of the first new row take the cells above them, which
span the break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyx.text.formats.layout import GridCell, join_lines
from policyx.text.stored_patterns import compiled

_FINISHED = compiled(r"[。；;！？!?)）]$")  # on a stripped text


@dataclass(eq=False)
class _Cell:
    text: str
    page: int


@dataclass(eq=False)
class Fragment:
    """A table's part on one page: ``grid[r][c]`` is the cell covering that
    place (shared by the places a cell spans)."""

    page: int
    bbox: tuple[float, float, float, float]
    grid: list[list[_Cell]]

    @property
    def width(self) -> int:
        return len(self.grid[0]) if self.grid else 0


@dataclass
class Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    header_rows: int = 1

    def cells(self, number: int) -> list[GridCell]:
        """GridCells of the whole table; each keeps its page, this table's
        number, the row (1-based, counted through the pages) and column."""
        seen: dict[int, GridCell] = {}
        out: list[GridCell] = []
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                found = seen.get(id(cell))
                if found is None:
                    found = GridCell(cell.text, r, c, 1, 1, {"page": cell.page, "table": number, "row": r + 1, "cell": c + 1})
                    seen[id(cell)] = found
                    out.append(found)
                elif found.row == r:
                    found.colspan = max(found.colspan, c - found.col + 1)
                else:
                    found.rowspan = max(found.rowspan, r - found.row + 1)
        return out


def _snap(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(bounds: list[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))


def page_fragments(page, number: int) -> list[Fragment]:
    """The ruled tables of a page, two columns wide or more."""
    fragments = []
    for found in page.find_tables():
        boxes = [tuple(b) for b in found.cells]
        if not boxes:
            continue
        xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
        ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
        if len(xs) < 3 or len(ys) < 2:
            continue
        texts = _cell_texts(page, boxes, found.bbox)
        grid: list[list[_Cell | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
        for box, text in zip(boxes, texts):
            c0, c1 = _index(xs, box[0]), _index(xs, box[2])
            r0, r1 = _index(ys, box[1]), _index(ys, box[3])
            cell = _Cell(text, number)
            for r in range(r0, max(r0 + 1, r1)):
                for c in range(c0, max(c0 + 1, c1)):
                    if grid[r][c] is None:
                        grid[r][c] = cell
        for r, row in enumerate(grid):  # a place no cell covers: an empty cell of its own
            for c, cell in enumerate(row):
                if cell is None:
                    grid[r][c] = _Cell("", number)
        fragments.append(Fragment(number, tuple(found.bbox), grid))  # type: ignore[arg-type]
    return fragments


def _cell_texts(page, boxes: list[tuple], bbox) -> list[str]:
    """Each cell's text: its chars' lines, joined where the line was wrapped
    at the cell's right edge."""
    from pdfplumber.utils.text import chars_to_textmap

    x0, top, x1, bottom = bbox
    chars = [ch for ch in page.chars if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1 and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom]
    owned: list[list[dict]] = [[] for _ in boxes]
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for i, (bx0, btop, bx1, bbottom) in enumerate(boxes):
            if bx0 <= cx <= bx1 and btop <= cy <= bbottom:
                owned[i].append(ch)
                break
    texts = []
    for box, mine in zip(boxes, owned):
        if not mine:
            texts.append("")
            continue
        lines = [ln for ln in chars_to_textmap(mine).extract_text_lines(strip=True, return_chars=False) if ln["text"].strip()]
        size = max((ch.get("size", 10) for ch in mine), default=10)
        # a line ends short of the cell's edge where the author broke it, not the writer
        wrapped = [ln["x1"] >= box[2] - max(2.5 * size, 0.4 * (box[2] - box[0])) for ln in lines]
        texts.append(join_lines([ln["text"] for ln in lines], wrapped))
    return texts


def stitch(items: list) -> dict[int, Table]:
    """Tables by the id of their first fragment; ``items`` are the pages'
    lines and fragments in reading order (running heads and feet dropped)."""
    tables: dict[int, Table] = {}
    current: Table | None = None
    previous = None
    for item in items:
        if not isinstance(item, Fragment):
            current = None
        elif current is not None and isinstance(previous, Fragment) and item.page == previous.page + 1 \
                and item.width == previous.width and _first_on_page(items, item):
            _go_on(current, item.grid)
        else:
            current = Table(rows=[list(r) for r in item.grid])
            tables[id(item)] = current
        previous = item
    return tables


def _first_on_page(items: list, fragment: Fragment) -> bool:
    for item in items:
        if getattr(item, "page", None) == fragment.page:
            return item is fragment
    return False


def _texts(row: list[_Cell]) -> list[str]:
    return [regex.sub(r"\s+", "", c.text) for c in row]


def _go_on(table: Table, grid: list[list[_Cell]]) -> None:
    """Add a fragment on the next page to ``table`` (see the module docstring)."""
    rows = [list(r) for r in grid]
    repeated = 0
    while repeated < min(3, len(rows), len(table.rows)) and _texts(rows[repeated]) == _texts(table.rows[repeated]) \
            and any(_texts(rows[repeated])):
        repeated += 1
    if repeated:
        table.header_rows = max(table.header_rows, repeated)
        rows = rows[repeated:]
    if not rows or not table.rows:
        table.rows.extend(rows)
        return
    last = table.rows[-1]
    first = rows[0]
    if _split_row(last, first):
        for c, cell in enumerate(first):
            above = last[c]
            if cell.text and above is not cell:
                above.text = join_lines([above.text, cell.text], [True])
        _replace(rows, {id(first[c]): last[c] for c in range(len(first))})
        rows = rows[1:]
    elif rows:
        leading = next((c for c, cell in enumerate(first) if cell.text.strip()), len(first))
        _replace(rows, {id(first[c]): last[c] for c in range(leading) if last[c].text.strip()})
    table.rows.extend(rows)


def _split_row(last: list[_Cell], first: list[_Cell]) -> bool:
    """The first row on the new page only goes on with unfinished cells of
    the last row on the page before, and leaves empty a cell that was
    finished there. A group heading across the table is no row to split."""
    if len({id(cell) for cell in last}) < 2:
        return False
    filled = [c for c, cell in enumerate(first) if cell.text.strip()]
    finished_there = [c for c, cell in enumerate(first) if not cell.text.strip() and last[c].text.strip()]
    return bool(filled) and bool(finished_there) and \
        all(last[c].text.strip() and not _FINISHED.search(last[c].text.rstrip()) for c in filled)


def _replace(rows: list[list[_Cell]], mapping: dict[int, _Cell]) -> None:
    for row in rows:
        for c, cell in enumerate(row):
            if id(cell) in mapping:
                row[c] = mapping[id(cell)]
