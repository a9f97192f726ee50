"""A spreadsheet's cell that holds line breaks, as a copy out of the sheet
writes it: in double quotes over several lines (city-cell-subitems-2026)::

    6	培育专精特新企业	"（1）建立专精特新企业梯度培育库…；
    （2）认定省级专精特新中小企业100家…；
    （3）组织专精特新企业参加融资对接…。"	市工业和信息化局	…

Its line breaks are taken out of the working copy and its quotes blanked,
so that the row is one line again (its line numbers stay the file's)."""

from __future__ import annotations

from policyx.text.normalize import Normalized

MAX_CELL_LINES = 20  # lines one quoted cell may run over; an opening quote with no close within is text


def quoted_cells(norm: Normalized) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The working-copy spans to take out (the line breaks inside a quoted
    cell) and to blank (its quotes), as :meth:`Normalized.join_lines` takes them."""
    text = norm.text
    if '\t"' not in text:
        return [], []  # (most plans: no cell opens with a quote)
    lines = norm.lines()
    joins: list[tuple[int, int]] = []
    blanks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        opening = _opening_quote(lines[i].text)
        closing = None
        if opening is not None:
            for j in range(i + 1, min(len(lines), i + MAX_CELL_LINES)):
                closing = _closing_quote(lines[j].text)
                if closing is not None:
                    break
        if closing is None:
            i += 1
            continue
        blanks += [(lines[i].start + opening, lines[i].start + opening + 1),
                   (lines[j].start + closing, lines[j].start + closing + 1)]
        joins += [(lines[k].end, lines[k + 1].start) for k in range(i, j)]
        i = j  # (the closing line may open another such cell after it)
    return joins, blanks


def _opening_quote(line: str) -> int | None:
    """Where the quote opening a row's last cell stands, when the cell does not close on its line."""
    tab = line.rfind("\t")
    if tab < 0:
        return None
    cell = line[tab + 1:]
    words = cell.lstrip(" ")
    if not words.startswith('"') or words.count('"') != 1:
        return None
    return tab + 1 + len(cell) - len(words)


def _closing_quote(line: str) -> int | None:
    """Where the quote closing a cell stands on a line that goes on with it: before a tab, or ending the line."""
    tab = line.find("\t")
    cell = line if tab < 0 else line[:tab]
    words = cell.rstrip(" \r")
    if not words.endswith('"') or words.count('"') != 1:
        return None
    return len(words) - 1
