"""Pages of two columns side by side, as a PDF's layout copy gives a gazette
(pdftotext -layout of a 政府公报): each line holds a line of the left column,
a run of spaces and a line of the right column, and the text reads down the
left column, then down the right (gazette-two-column-pdf-2026).

Found page by page (a page ends at its number's line, "· 30 ·", or a form
feed): a page is of two columns when most of its lines are split by one
run of spaces with prose on both sides — not a table's cells, which a line
holds several of, nor a note's few words. Its lines are then put in reading
order, left pieces first (Normalized.put_in_order): every offset still maps
to the file, so each item keeps its file's line.
"""

from __future__ import annotations

import statistics
import unicodedata
from typing import Callable

from policyx.text.formats.layout import PAGE_NUMBER_LINE
from policyx.text.stored_patterns import compiled

_GAP = compiled(r"(?<=\S) {3,}+(?=\S)")  # (pdftotext pads the columns apart with spaces)
_SPLIT_SHARE = 0.3  # of a page's lines with words, at least, are split (a page whose right column ends early)…
_MIN_SPLIT = 6  # …and at least so many
_MIN_SIDE = 24  # display columns: the median width of each side, a column of prose
_MOST_TABLE_LIKE = 0.2  # of the split lines, at most, hold several gaps (a table's rows do)
_RIGHT_ONLY_SHARE = 0.6  # of the left column's width: a line indented so far holds the right column alone
_FURNITURE = 16  # display columns: a page's head ("××省人民政府公报   2026年第6期") has a side no wider

Piece = tuple[int, int, int]  # working-copy start, end, and the end of its line


def column_order(text: str, as_written: Callable[[int, int], str] | None = None) -> tuple[list[Piece], int] | None:
    """The pieces of ``text`` in reading order, and the number of pages read as two columns — None when none is.
    (``as_written``: a span's words in the file, where a working copy blanked a page's number as noise.)"""
    if _GAP.search(text) is None:
        return None  # (no line holds words a run of spaces apart: most plans)
    lines = _lines(text)
    out: list[Piece] = []
    pages = 0
    for page in _pages(text, lines, as_written or (lambda a, b: text[a:b])):
        pieces = _read_down(text, page)
        if pieces is None:
            out.extend((start, end, end) for start, end in page)
        else:
            out.extend(pieces)
            pages += 1
    return (out, pages) if pages else None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        if end == -1:
            if start < len(text):
                spans.append((start, len(text)))
            break
        spans.append((start, end))
        start = end + 1
    return spans


def _pages(text: str, lines: list[tuple[int, int]], as_written: Callable[[int, int], str]) -> list[list[tuple[int, int]]]:
    """The lines, page by page: a page number's line or a form feed ends a page."""
    pages: list[list[tuple[int, int]]] = [[]]
    for start, end in lines:
        pages[-1].append((start, end))
        words = text[start:end] if text[start:end].strip() else as_written(start, end)
        if "\f" in words or words.strip() and PAGE_NUMBER_LINE.match(words):
            pages.append([])
    return [p for p in pages if p]


def _width(words: str) -> int:
    """Display columns: a wide (Chinese) character takes two, as a layout copy counts them."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in words)


def _measure(text: str, worded: list[tuple[int, int]]) -> tuple[dict, float, float] | None:
    """A two-column page's gaps by line, its left column's width and where its right column starts
    (display columns); None for a page of another layout."""
    gaps = {s: list(_GAP.finditer(text, s, e)) for s, e in worded}
    split = [(s, e) for s, e in worded if gaps[s]]
    if len(split) < _MIN_SPLIT or len(split) < _SPLIT_SHARE * len(worded) \
            or sum(1 for s, _ in split if len(gaps[s]) > 1) > _MOST_TABLE_LIKE * len(split):
        return None
    widest = {s: max(gaps[s], key=lambda g: g.end() - g.start()) for s, _ in split}
    left_width = statistics.median(_width(text[s:widest[s].start()].strip()) for s, _ in split)
    right_width = statistics.median(_width(text[widest[s].end():e].strip()) for s, e in split)
    if left_width < _MIN_SIDE or right_width < _MIN_SIDE:
        return None
    return gaps, left_width, statistics.median(_width(text[s:widest[s].end()]) for s, _ in split)


def _read_down(text: str, page: list[tuple[int, int]]) -> list[Piece] | None:
    """A two-column page's pieces, left column first; None for a page of another layout."""
    worded = [(s, e) for s, e in page if text[s:e].strip()]
    measured = _measure(text, worded)
    if measured is None:
        return None
    gaps, left_width, right_at = measured
    lefts: list[Piece] = []
    rights: list[Piece] = []
    foot: list[Piece] = []  # (the page's number, after both columns)
    for k, (start, end) in enumerate(page):
        words = text[start:end]
        indent = len(words) - len(words.lstrip(" "))
        if k == len(page) - 1 and PAGE_NUMBER_LINE.match(words.strip() or "-0-"):
            foot.append((start, end, end))  # (its last line, blanked as noise or not)
        elif not words.strip():
            lefts.append((start, end, end))
        elif gaps.get(start):
            gap = _nearest(text, start, gaps[start], right_at)
            if (start, end) == worded[0] and min(_width(text[start:gap.start()].strip()),
                                                 _width(text[gap.end():end])) <= _FURNITURE:
                lefts.append((start, end, end))  # (the page's head, kept whole)
            else:
                lefts.append((start, gap.start(), end))
                rights.append((gap.end(), end, end))
        elif _width(words[:indent]) >= _RIGHT_ONLY_SHARE * left_width:
            rights.append((start + indent, end, end))
        else:
            lefts.append((start, end, end))
    return lefts + rights + foot


def _nearest(text: str, start: int, gaps: list, right_at: float):
    """Of a line's gaps (in order), the one after which the words start nearest the right column's start
    (the widths summed as the line is read: a line of many gaps is read once)."""
    best, best_off, width, at = gaps[0], None, 0, start
    for gap in gaps:
        width += _width(text[at:gap.end()])
        at = gap.end()
        off = abs(width - right_at)
        if best_off is None or off < best_off:
            best, best_off = gap, off
    return best
