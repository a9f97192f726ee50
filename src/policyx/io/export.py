"""Rows for the spreadsheets analysts pass around: CSV and Excel (.xlsx).

Each view gives a ``Sheet`` — a name, a header and rows of plain values —
built from the same objects the terminal views print (``analyse.views``),
so the numbers in a sheet are the numbers `policyx tasks` shows:

- ``task_sheet``: one row per task with lead / participants / implementers
  / deadlines / targets / line;
- ``timeline_sheet``: one row per deadline (the `timeline` view);
- ``department_sheet``: one row per department with its counts;
- ``table_sheets``: one sheet per table of the plan; ``tables_long`` puts
  them in one sheet for CSV (the union of their columns).

``to_csv`` writes UTF-8 (with a byte-order mark on request, for Excel);
``to_xlsx`` writes a workbook with a bold header row, frozen panes, a filter
and column widths that fit Chinese (a CJK character counts two columns).
Cells are never read as formulas.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from policyx.model import Deadline, DepartmentRef, Table, Target, Task

LIST_SEPARATOR = "、"
ITEM_SEPARATOR = "；"
MAX_WIDTH = 60  # columns wider than this wrap their text
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


# -- the views as rows ---------------------------------------------------------------------


def _names(refs: Iterable[DepartmentRef]) -> str:
    return LIST_SEPARATOR.join(r.shown for r in refs)


def deadline_label(d: Deadline) -> str:
    """2016年底前 (by 2016-12-31); 每季度 (every quarter); 持续开展 (ongoing)."""
    if d.date:
        what = f"{d.kind} {d.date}"
    elif d.kind == "every":
        what = f"every {d.period}" if d.period else "every"
    else:
        what = d.kind
    return f"{d.raw} ({what})"


def target_label(t: Target) -> str:
    """城市污水处理率 >= 85 % (2020): metric, comparator, value, unit, year."""
    parts = [t.metric or "", t.comparator, f"{t.value_label}{' ' + t.unit if t.unit else ''}"]
    year = f" ({t.year})" if t.year else ""
    return " ".join(p for p in parts if p) + year


TASK_COLUMNS = ("plan", "id", "section", "title", "lead", "participants", "implementers", "deadlines",
                "deadline_dates", "targets", "line", "clause", "source")


def task_sheet(plan_id: str, tasks: Sequence[Task]) -> Sheet:
    rows = []
    for t in tasks:
        rows.append((
            plan_id, t.id, t.section or "", t.title, _names(t.lead), _names(t.participants), _names(t.implementers),
            ITEM_SEPARATOR.join(deadline_label(d) for d in t.deadlines),
            ITEM_SEPARATOR.join(d.date or d.kind for d in t.deadlines),
            ITEM_SEPARATOR.join(target_label(x) for x in t.targets),
            t.line, t.clause.text if t.clause else "", t.source,
        ))
    return Sheet("tasks", TASK_COLUMNS, rows)


def quarter(date: str | None) -> str:
    """2016-12-31 → 2016 Q4; None → ''."""
    if not date:
        return ""
    return f"{date[:4]} Q{(int(date[5:7]) - 1) // 3 + 1}"


TIMELINE_COLUMNS = ("plan", "year", "quarter", "date", "kind", "as_written", "task", "title", "lead", "line")


def timeline_sheet(plan_id: str, entries: Sequence) -> Sheet:
    """``entries``: ``analyse.views.timeline``; tasks without a deadline have kind none."""
    rows = [(plan_id, e.year or "", quarter(e.date), e.date or "", e.kind, e.raw, e.task, e.title,
             LIST_SEPARATOR.join(e.lead), e.line) for e in entries]
    return Sheet("timeline", TIMELINE_COLUMNS, rows)


DEPARTMENT_COLUMNS = ("plan", "department", "function", "as_written", "leads", "takes_part", "carries_out",
                      "lead_tasks", "participant_tasks", "implementer_tasks")


def department_sheet(plan_id: str, loads: Sequence) -> Sheet:
    """``loads``: ``analyse.views.department_load``."""
    rows = [(plan_id, r.canonical, r.function or "", LIST_SEPARATOR.join(r.names), len(r.leads), len(r.participates),
             len(r.implements), " ".join(r.leads), " ".join(r.participates), " ".join(r.implements)) for r in loads]
    return Sheet("departments", DEPARTMENT_COLUMNS, rows)


def table_sheets(plan_id: str, tables: Sequence[Table]) -> list[Sheet]:
    """One sheet per table: its line, its group heading, its own columns."""
    sheets = []
    for t in tables:
        groups = t.row_groups or (None,) * len(t.rows)
        rows = [(line, group or "", *row) for line, group, row in zip(t.row_lines, groups, t.rows)]
        sheets.append(Sheet(t.id, ("line", "group", *t.columns), rows))
    return sheets


def tables_long(plan_id: str, tables: Sequence[Table]) -> Sheet:
    """Every table in one sheet: table, title, kind, line, group, then the
    union of the tables' columns (in order of first use); each row fills its own."""
    union: list[str] = []
    for t in tables:
        union.extend(c for c in t.columns if c not in union)
    rows = []
    for t in tables:
        groups = t.row_groups or (None,) * len(t.rows)
        for line, group, row in zip(t.row_lines, groups, t.rows):
            cells = dict(zip(t.columns, row))
            rows.append((plan_id, t.id, t.title or "", t.kind, line, group or "", *(cells.get(c, "") for c in union)))
    return Sheet("tables", ("plan", "table", "title", "kind", "line", "group", *union), rows)


# -- writing -------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    return "" if value is None else value


def to_csv(sheet: Sheet, *, bom: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(sheet.columns)
    writer.writerows(tuple(_plain(v) for v in row) for row in sheet.rows)
    return ("\ufeff" if bom else "") + out.getvalue()


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    base = (name.translate(_SHEET_FORBIDDEN).strip("'") or "sheet")[:31]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """A workbook, one worksheet per sheet: bold header row, frozen below it,
    an autofilter, widths from the widest cell (CJK counted double, wrapped
    past MAX_WIDTH)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets or (Sheet("empty", ("(nothing)",), []),):
        ws = book.create_sheet(sheet_title(sheet.name, taken))
        widths = [display_width(str(c)) for c in sheet.columns]
        ws.append(list(sheet.columns))
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in sheet.rows:
            values = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else _plain(v) for v in row]
            ws.append(values)
            for i, v in enumerate(values):
                widths[i] = max(widths[i], max((display_width(part) for part in str(v).split("\n")), default=0))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # plan text, never a formula
        for i, width in enumerate(widths, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = min(width, MAX_WIDTH) + 2
            if width > MAX_WIDTH:
                for cell in ws[letter][1:]:
                    cell.alignment = wrap
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
