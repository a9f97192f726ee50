"""Excel workbooks (.xlsx with openpyxl, .xls with xlrd): each visible sheet
a table.

A sheet whose name is not Excel's default ("附表1", "任务分工") is written
as a line before its table, so that it heads the table as a caption does in
a text file. Merged ranges are cells spanning rows or columns; a title row
across the sheet is a caption line (see layout.py). Dates are written as
Chinese dates ("2016年12月31日"), which the deadline rules read; whole
numbers without ".0". Each line keeps the sheet and the sheet's own row and
column numbers (1-based, as Excel shows them).
"""

from __future__ import annotations

import datetime as dt
import io

import regex

from policyx.errors import InputError
from policyx.text.formats.layout import ExtractedText, GridCell, TextBuilder, emit_table, reader_library
from policyx.text.stored_patterns import compiled

_DEFAULT_NAME = compiled(r"^\s*(?:sheet|工作表|表)\s*(?:[0-9]+\s*)?$", regex.IGNORECASE)
# a sheet with more cells than this is no plan's table: read its first rows only
MAX_CELLS = 200_000


def read_sheets(data: bytes, name: str, kind: str) -> ExtractedText:
    builder = TextBuilder()
    sheets = _xls_sheets(data, name) if kind == "xls" else _xlsx_sheets(data, name)
    for title, cells in sheets:
        if not cells:
            continue
        if not _DEFAULT_NAME.match(title):
            builder.add(title, sheet=title)
        emit_table(builder, cells)
        builder.blank()
    if not builder.lines:
        raise InputError(f"{name}: the workbook has no text in its sheets")
    return builder.result("utf-8")


def cell_text(value) -> str:
    """A cell's value as a plan writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            value = value.date()
        else:
            return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    return str(value).strip()


def _grid(values: dict[tuple[int, int], str], merged: list[tuple[int, int, int, int]], sheet: str) -> list[GridCell]:
    """GridCells of a sheet from its non-empty values ``{(row, col): text}``
    (1-based) and merged ranges ``(first row, first col, last row, last col)``."""
    if not values:
        return []
    top = min(r for r, _ in values)
    left = min(c for _, c in values)
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merged}
    cells = []
    for (r, c), text in sorted(values.items()):
        rowspan, colspan = spans.get((r, c), (1, 1))
        cells.append(GridCell(text, r - top, c - left, rowspan, colspan, {"sheet": sheet, "row": r, "cell": c}))
    return cells


def _xlsx_sheets(data: bytes, name: str):
    openpyxl = reader_library("openpyxl", "openpyxl>=3.1", "Excel files", name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # a damaged package fails in zipfile, the XML parser or openpyxl
        raise InputError(f"{name}: a damaged Excel .xlsx file, it cannot be opened ({_reason(exc)})") from None
    out = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        values: dict[tuple[int, int], str] = {}
        for row in sheet.iter_rows():
            for cell in row:
                text = cell_text(cell.value)
                if text:
                    values[(cell.row, cell.column)] = text
            if len(values) > MAX_CELLS:
                break
        merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
        out.append((sheet.title, _grid(values, merged, sheet.title)))
    return out


def _xls_sheets(data: bytes, name: str):
    xlrd = reader_library("xlrd", "xlrd>=2.0", ".xls files", name)
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd.XLRDError, struct errors, CompDocError …
        reason = _reason(exc)
        if "encrypt" in reason.lower():
            raise InputError(f"{name}: a password-protected Excel file: open it with its password and save a copy "
                             "without one") from None
        raise InputError(f"{name}: a damaged Excel .xls file, it cannot be opened ({reason})") from None
    out = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if getattr(sheet, "visibility", 0):
            continue
        values: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        value = xlrd.xldate_as_datetime(value, book.datemode)
                    except (ValueError, OverflowError):
                        pass
                text = cell_text(value)
                if text:
                    values[(r + 1, c + 1)] = text
            if len(values) > MAX_CELLS:
                break
        merged = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        out.append((sheet.name, _grid(values, merged, sheet.name)))
    return out


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
