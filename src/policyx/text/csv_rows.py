"""A sheet exported as comma-separated values (CSV) inside a plan's text: its
rows read as a tab-separated table.

A spreadsheet saved as CSV ("序号,任务名称,具体内容,牵头单位,…") parts its
cells with commas and wraps a cell holding a comma, a quote or a line break in
double quotes, so one row may span several lines of the file. policyx reads
tables whose cells a tab parts; this module finds the stretch of CSV records
and gives the edits, each as long as what it replaces, that make it one: a
separator becomes a tab, a cell's wrapping quotes and the second of a doubled
quote become spaces, a line break inside a cell a space. Offsets stay the
file's, so every task keeps the line its row starts on.

A stretch is CSV when at least ``MIN_RECORDS`` records in a row have the same
number of separators (at least ``MIN_SEPARATORS``), one of them is a
header (every cell filled, each short, no sentence in it) and at least two
are numbered rows (a whole number in the first cell) (the Python ``csv`` module's rules are
the ones read: RFC 4180 quoting). One pass over the text; no pattern.
"""

from __future__ import annotations

MIN_SEPARATORS = 3  # a table of four columns at least
MIN_RECORDS = 3  # a header and two rows
MAX_HEADER_CELL = 12  # characters in a header cell ("截至9月底进展情况")
MIN_NUMBERED_ROWS = 2  # rows whose first cell is a whole number (序号): prose parted by commas has none
MAX_RECORD = 4000  # characters in one record: a longer "cell" is prose with an unclosed quote


def csv_edits(text: str) -> list[tuple[int, int, str]]:
    """Same-length edits that turn the CSV stretches of ``text`` into tab-separated rows."""
    if text.count(",") < MIN_SEPARATORS * MIN_RECORDS or "\n" not in text or not _holds_a_header(text):
        return []
    edits: list[tuple[int, int, str]] = []
    run: list[_Record] = []
    position = 0
    while position < len(text):
        record = _read_record(text, position)
        if run and (record.separators != run[0].separators or not _row_shaped(record)):
            edits += _stretch_edits(run)
            run = []
        if record.separators >= MIN_SEPARATORS and _row_shaped(record):
            run.append(record)
        position = record.end
    edits += _stretch_edits(run)
    return edits


class _Record:
    __slots__ = ("start", "end", "separators", "cells", "edits")

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.separators = 0
        self.cells: list[str] = []
        self.edits: list[tuple[int, int, str]] = []


def _read_record(text: str, start: int) -> _Record:
    """The record from ``start`` to its line end (after it), cell by cell."""
    record = _Record(start)
    position = start
    length = len(text)
    line_end = -1  # (looked for again only past it: a long line of commas is read once)
    while True:
        if text.startswith('"', position):
            position = _quoted_cell(text, position, record)
        else:
            if line_end < position:
                line_end = text.find("\n", position)
                line_end = length if line_end == -1 else line_end
            comma = text.find(",", position, line_end)
            end = line_end if comma == -1 else comma
            record.cells.append(text[position:end].strip("\r"))
            position = end
        if record.separators >= 0 and position < length and text[position] == ",":
            record.edits.append((position, position + 1, "\t"))
            record.separators += 1
            position += 1
            continue
        if text.startswith("\r\n", position):
            position += 1
        if position < length and text[position] != "\n":  # (words after a closing quote: no CSV cell)
            record.separators = 0
            end = text.find("\n", position)
            position = length if end == -1 else end
        record.end = position + 1 if position < length else length
        return record


def _quoted_cell(text: str, start: int, record: _Record) -> int:
    """Reads the quoted cell at ``start``; where it ends (after its closing quote)."""
    position = start + 1
    limit = min(len(text), start + MAX_RECORD)
    edits = [(start, start + 1, " ")]
    while position < limit:
        quote = text.find('"', position, limit)
        if quote == -1:
            break
        if text.startswith('""', quote):
            edits.append((quote + 1, quote + 2, " "))
            position = quote + 2
            continue
        edits.append((quote, quote + 1, " "))
        edits += [(i, i + 1, " ") for i in range(start, quote) if text[i] in "\r\n"]
        record.edits += edits
        record.cells.append(text[start + 1:quote].replace('""', '"'))
        return quote + 1
    record.cells.append(text[start:limit])  # (an unclosed quote: this record is no CSV's)
    record.separators = -1
    return limit


def _stretch_edits(run: list[_Record]) -> list[tuple[int, int, str]]:
    if len(run) < MIN_RECORDS or not any(_is_header(r) for r in run) \
            or sum(1 for r in run if r.cells[0].strip().isdigit()) < MIN_NUMBERED_ROWS:
        return []
    return sorted(edit for record in run for edit in record.edits)


def _row_shaped(record: _Record) -> bool:
    """A header, a numbered row, or a row with an empty cell (a title block, a group's row, a merged
    cell) — not a line of prose whose half-width commas part every cell ("（一）加强…,…,…")."""
    cells = record.cells
    return cells[0].strip().isdigit() or any(not cell.strip() for cell in cells) or _header_cells(cells)


def _is_header(record: _Record) -> bool:
    return _header_cells(record.cells)


def _header_cells(cells: list[str]) -> bool:
    return all(0 < len(cell.strip()) <= MAX_HEADER_CELL and not cell.strip().isdigit() and "。" not in cell
               for cell in cells)


def _holds_a_header(text: str) -> bool:
    """Whether a line of ``text`` is a header's: at least ``MIN_SEPARATORS``
    commas, every cell between them filled and short (the rest is read only then)."""
    return any(line.count(",") >= MIN_SEPARATORS and _header_cells(line.rstrip("\r").split(","))
               for line in text.split("\n"))
