"""The text a Word, PDF or Excel file gives, and where each stretch of it came
from: a line per paragraph, and a table as tab-separated rows — the form the
table reader takes from a text file, so everything after reading works the
same.

A table arrives as a grid of cells, some spanning rows or columns:

- rows before the header that are one cell across the whole table (a
  sheet's title) are plain lines, and so are such rows after the last data
  row ("注：…");
- the header is one line: of several header rows, each column takes the
  lowest text over it ("完成时限" over "2016年 | 2017年" gives the years);
- a row of one cell across the table between data rows is a group heading
  ("一、严格控制污染物排放"), written as its text and the tabs of the empty
  cells, as the table reader reads group rows;
- a cell spanning rows is carried into every row it spans; a cell spanning
  columns is written in its first column, the others left empty.
"""

from __future__ import annotations

from policyx.errors import InputError

from dataclasses import dataclass, field

from policyx.model import Origin
from policyx.text.stored_patterns import compiled

_CONTROL = compiled(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_ENDS_PHRASE = compiled(r"[。；;，,、：:！？!?）)】」』”]$")
_STARTS_PUNCTUATION = compiled(r"^[。；;，,、：:！？!?）)】」』”]")
_SENTENCE_MARK = compiled(r"[。；;，,：:！？!?]")
_ASCII_WORD_END = compiled(r"[A-Za-z0-9]$")
_ASCII_WORD_START = compiled(r"^[A-Za-z0-9]")
# a line that is only a page number: "— 3 —", "- 3 -", "第3页", "第 3 页 共 10 页"
PAGE_NUMBER_LINE = compiled(
    r"^[ \t\u3000]*(?:[-—–－~·•]{1,3}[ \t\u3000]*[0-9]{1,4}[ \t\u3000]*[-—–－~·•]{1,3}"
    r"|第[ \t\u3000]*[0-9]{1,4}[ \t\u3000]*页(?:[ \t\u3000]*(?:[/，,][ \t\u3000]*)?共[ \t\u3000]*[0-9]{1,4}[ \t\u3000]*页)?"
    r"|[0-9]{1,4}[ \t\u3000]*/[ \t\u3000]*[0-9]{1,4})[ \t\u3000]*$")


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """A file's text and where its stretches came from."""

    text: str
    encoding: str
    origins: tuple[Origin, ...]


def clean(text: str) -> str:
    """A line without control characters, non-breaking spaces as spaces."""
    return _CONTROL.sub("", text.replace("\u00a0", " ").replace("\r", ""))


class TextBuilder:
    """Lines of text, each stretch with the place in the file it came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[Origin] = []
        self.offset = 0

    @property
    def line(self) -> int:
        """The number of the next line (1-based)."""
        return len(self.lines) + 1

    def add(self, text: str, **where) -> None:
        """One line (a paragraph; a text holding line breaks gives several)."""
        for part in clean(text).split("\n"):
            self._append([(part, where)])

    def add_row(self, cells: list[tuple[str, dict]]) -> None:
        """A table row: its cells' texts joined by tabs, each with its place."""
        self._append([(clean(text).replace("\t", " ").replace("\n", " "), where) for text, where in cells])

    def add_joined(self, pieces: list[tuple[str, dict]]) -> None:
        """One line made of pieces from several places (a paragraph a PDF
        broke over lines and pages); neighbours from one place share a stretch."""
        merged: list[tuple[str, dict]] = []
        for text, where in pieces:
            text = clean(text).replace("\n", " ")
            if merged and merged[-1][1] == where:
                merged[-1] = (merged[-1][0] + text, where)
            else:
                merged.append((text, where))
        self._append(merged, "")

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self._append([("", {})])

    def _append(self, pieces: list[tuple[str, dict]], separator: str = "\t") -> None:
        at = self.offset
        for i, (text, where) in enumerate(pieces):
            if where and text:
                self.origins.append(Origin(line=self.line, span=(at, at + len(text)), **where))
            at += len(text) + (len(separator) if i < len(pieces) - 1 else 0)
        self.lines.append(separator.join(text for text, _ in pieces))
        self.offset = at + 1

    def result(self, encoding: str) -> ExtractedText:
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        return ExtractedText("\n".join(self.lines) + "\n", encoding, tuple(self.origins))


def join_lines(lines: list[str], wrapped: list[bool] | None = None) -> str:
    """The lines of one cell as one text. A line the writer wrapped goes on
    without a break (a space between two Latin words or numbers); lines the
    author broke — short names one per line ("市环保局" / "市发改委") — become a
    list joined by 、; other breaks after a phrase just close up."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    if not lines:
        return ""
    out = lines[0]
    for i, line in enumerate(lines[1:], 1):
        glue = ""
        if _ASCII_WORD_END.search(out[-1:]) and _ASCII_WORD_START.search(line):
            glue = " "
        elif not (wrapped and wrapped[i - 1]) and _is_list_item(lines[i - 1]) and _is_list_item(line) \
                and not _ENDS_PHRASE.search(out[-1:]) and not _STARTS_PUNCTUATION.search(line):
            glue = "、"
        out += glue + line
    return out


def _is_list_item(line: str) -> bool:
    return len(line) <= 20 and not _SENTENCE_MARK.search(line)


@dataclass
class GridCell:
    """A cell of a table: its text, its top-left grid position (0-based) and
    span, and its place in the file (origin fields)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    where: dict = field(default_factory=dict)


def emit_table(builder: TextBuilder, cells: list[GridCell], *, header_rows: int = 1) -> None:
    """Write a table's rows (see the module docstring). A grid of one row or
    one column is no table: its cells are written as lines."""
    if not cells:
        return
    at, width = _matrix(cells)
    rows = [r for r in range(len(at)) if any(c is not None and c.text.strip() for c in at[r])]
    if width < 2 or len(rows) < 2:
        for r in rows:
            for cell in _distinct(at[r]):
                if cell.row == r and cell.text.strip():
                    builder.add(cell.text, **cell.where)
        return
    first = 0
    while first < len(rows) and _spans_all(at[rows[first]], width):
        _plain(builder, at[rows[first]][0])
        first += 1
    last = len(rows)
    while last > first + 1 and _spans_all(at[rows[last - 1]], width):
        last -= 1
    header = _header_rows(at, rows[first:last], header_rows) or rows[first:first + 1]
    builder.add_row(_header_cells(at, header, width))
    for r in rows[first + len(header):last]:
        if _spans_all(at[r], width):
            cell = at[r][0]
            builder.add_row([(cell.text, cell.where)] + [("", {})] * (width - 1))  # type: ignore[union-attr]
        else:
            builder.add_row([_cell_text(at[r][c], c) for c in range(width)])
    for r in rows[last:]:
        _plain(builder, at[r][0])


def _header_rows(at: list[list[GridCell | None]], rows: list[int], marked: int) -> list[int]:
    """The header: the rows marked as such, and those the first row's cells
    span down into ("责任单位" over "牵头单位 | 配合单位")."""
    if not rows:
        return []
    spanned = max((c.rowspan for c in _distinct(at[rows[0]]) if c.row == rows[0]), default=1)
    return [r for r in rows if r < rows[0] + max(1, marked, spanned)]


def _matrix(cells: list[GridCell]) -> tuple[list[list[GridCell | None]], int]:
    """The cell covering each place of the grid, and the grid's width."""
    height = max(c.row + c.rowspan for c in cells)
    width = max(c.col + c.colspan for c in cells)
    at: list[list[GridCell | None]] = [[None] * width for _ in range(height)]
    for cell in cells:
        for r in range(cell.row, min(height, cell.row + cell.rowspan)):
            for c in range(cell.col, min(width, cell.col + cell.colspan)):
                at[r][c] = cell
    return at, width


def _distinct(cells: list[GridCell | None]) -> list[GridCell]:
    out: list[GridCell] = []
    for cell in cells:
        if cell is not None and all(cell is not seen for seen in out):
            out.append(cell)
    return out


def _spans_all(row: list[GridCell | None], width: int) -> bool:
    """One cell across the whole row (or one cell with text, the rest empty)."""
    cells = _distinct(row)
    texts = [c for c in cells if c.text.strip()]
    return len(texts) == 1 and texts[0] is row[0] and (len(cells) == 1 or texts[0].colspan >= width - 1)


def _plain(builder: TextBuilder, cell: GridCell | None) -> None:
    if cell is not None and cell.text.strip():
        builder.add(cell.text, **cell.where)


def _header_cells(at: list[list[GridCell | None]], header: list[int], width: int) -> list[tuple[str, dict]]:
    """One header line: each column takes the lowest header text over it."""
    out: list[tuple[str, dict]] = []
    for c in range(width):
        chosen: GridCell | None = None
        for r in header:
            cell = at[r][c]
            if cell is not None and cell.text.strip() and (cell.col == c or chosen is None):
                chosen = cell
        out.append((chosen.text, chosen.where) if chosen is not None and (chosen.col == c or len(header) > 1) else ("", {}))
    return out


def _cell_text(cell: GridCell | None, c: int) -> tuple[str, dict]:
    """A data cell: its text where it starts or spans down into this row,
    nothing where a cell on its left spans into it."""
    if cell is None or cell.col != c:
        return "", {}
    return cell.text, cell.where


def reader_library(module: str, requirement: str, what: str, name: str):
    """The library that reads a format, imported only when such a file is read;
    its absence is one line saying what to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - a dependency of policyx
        raise InputError(f"{name}: reading {what} needs {requirement}: pip install '{requirement}'") from None
