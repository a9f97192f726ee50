"""Pages of two columns side by side, as a PDF's layout copy gives a gazette
(pdftotext -layout of a 政府公报): each line holds a line of the left column,
a run of spaces and a line of the right column, and the text reads down the
left column, then down the right (gazette-two-column-pdf-2026).

Found page by page (a page ends at its number's line, "· 30 ·", or a form
feed): a page is of two columns when most of its lines are split by one
run of spaces with prose on both sides — not a table's cells, which a line
holds several of, nor a note's few words. Its lines are then put in reading
order, left pieces first (the working copy is made of them in that order by
``Normalized``, through ``OffsetMap.put_in_order``): every offset still maps
to the file, so each item keeps its file's line.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from typing import Callable

from policyx.text.formats.layout import PAGE_NUMBER_LINE
from policyx.text.stored_patterns import compiled

_GAP = compiled(r"(?<=\S) {3,}+(?=\S)")  # (pdftotext pads the columns apart with spaces)
_SPLIT_SHARE = 0.3  # of a page's lines with words, at least, are split (a page whose right column ends early)…
_MIN_SPLIT = 6  # …and at least so many
_MIN_SIDE = 24  # display columns: the median width of each side, a column of prose
_MOST_TABLE_LIKE = 0.2  # of the split lines, at most, hold several gaps (a table's rows do)
_RIGHT_ONLY_SHARE = 0.6  # of the left column's width: a line indented so far holds the right column alone
# (a page beside a page of two columns: its last, a column of short lines, a right column that ends early)
_MIN_SPLIT_BESIDE, _SPLIT_SHARE_BESIDE, _MIN_SIDE_BESIDE = 3, 0.15, 12
_PUNCTUATION = compiled(r"[，。；、：,;:]")
_PROSE_SHARE = 0.3  # of a column's lines, at least, hold a stop or a comma
_PARAGRAPH_INDENT = 8  # spaces: a paragraph's first line is indented two characters (four spaces) or so…
_INDENTED_LINES = 2  # …and a page holds a few such lines

Piece = tuple[int, int, int]  # working-copy start, end, and the end of its line


def column_order(text: str, as_written: Callable[[int, int], str] | None = None) -> tuple[list[Piece], int] | None:
    """The pieces of ``text`` in reading order, and the number of pages read as two columns — None when none is.
    A two-column page's running head (its first line, the same on two pages or more), its number and the blank
    lines around them are left out: a paragraph goes on over them from one page to the next.
    (``as_written``: a span's words in the file, where a working copy blanked a page's number as noise.)"""
    if _GAP.search(text) is None:
        return None  # (no line holds words a run of spaces apart: most plans)
    pages = _pages(text, _lines(text), as_written or (lambda a, b: text[a:b]))
    heads = Counter(_squeezed(text, page) for page in pages)
    read = [_read_down(text, page, heads) for page in pages]
    if not any(read):
        return None
    # (a page beside a page of two columns needs less to be one too: a last page, a column of short lines)
    read = [r if r is not None else _read_down(text, page, heads, relaxed=True) for r, page in zip(read, pages)]
    out: list[Piece] = []
    for pieces, page in zip(read, pages):
        out.extend(pieces if pieces is not None else ((start, end, end) for start, end in page))
    return out, sum(1 for r in read if r is not None)


def _squeezed(text: str, page: list[tuple[int, int]]) -> str:
    """A page's first line with words, without its spaces (a running head is the same on every page)."""
    first = next(((s, e) for s, e in page if text[s:e].strip()), None)
    return "".join(text[first[0]:first[1]].split()) if first else ""


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's span, without its line end ("\r\n" too: a Windows file's)."""
    spans, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        if end == -1:
            if start < len(text):
                spans.append((start, len(text)))
            break
        spans.append((start, end - 1 if end > start and text[end - 1] == "\r" else end))
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


def _measure(text: str, worded: list[tuple[int, int]], relaxed: bool) -> tuple[dict, float, float] | None:
    """A two-column page's gaps by line, its left column's width and where its right column starts
    (display columns); None for a page of another layout: a table's rows (cells a line, words with no stop
    in them, no paragraph indented), a list of short lines."""
    gaps = {s: list(_GAP.finditer(text, s, e)) for s, e in worded}
    split = [(s, e) for s, e in worded if gaps[s]]
    fewest, share, side = (_MIN_SPLIT_BESIDE, _SPLIT_SHARE_BESIDE, _MIN_SIDE_BESIDE) if relaxed \
        else (_MIN_SPLIT, _SPLIT_SHARE, _MIN_SIDE)
    if len(split) < fewest or len(split) < share * len(worded) \
            or sum(1 for s, _ in split if len(gaps[s]) > 1) > _MOST_TABLE_LIKE * len(split):
        return None
    widest = {s: max(gaps[s], key=lambda g: g.end() - g.start()) for s, _ in split}
    lefts = [text[s:widest[s].start()] for s, _ in split]
    rights = [text[widest[s].end():e] for s, e in split]
    left_width = statistics.median(_width(w.strip()) for w in lefts)
    if left_width < side or statistics.median(_width(w.strip()) for w in rights) < side:
        return None
    if not (_prose(lefts) and _prose(rights) and _indented(text, worded)):
        return None
    return gaps, left_width, statistics.median(_width(text[s:widest[s].end()]) for s, _ in split)


def _prose(sides: list[str]) -> bool:
    """Whether a column's lines are a text's, many holding a stop or a comma (a table's cells mostly hold none)."""
    return sum(1 for words in sides if _PUNCTUATION.search(words)) >= _PROSE_SHARE * len(sides)


def _indented(text: str, worded: list[tuple[int, int]]) -> bool:
    """Whether some lines open a paragraph indented from the page's margin (a layout copy of a text; a table's
    rows start at its margin)."""
    leads = [len(text[s:e]) - len(text[s:e].lstrip(" ")) for s, e in worded]
    margin = min(leads)
    return sum(1 for lead in leads if margin + 2 <= lead <= margin + _PARAGRAPH_INDENT) >= _INDENTED_LINES


def _read_down(text: str, page: list[tuple[int, int]], heads: Counter, relaxed: bool = False) -> list[Piece] | None:
    """A two-column page's pieces, left column first, without its furniture; None for a page of another layout."""
    body = _body(text, page, heads)
    worded = [(s, e) for s, e in body if text[s:e].strip()]
    measured = _measure(text, worded, relaxed) if worded else None
    if measured is None:
        return None
    gaps, left_width, right_at = measured
    lefts: list[Piece] = []
    rights: list[Piece] = []
    for start, end in body:
        words = text[start:end]
        indent = len(words) - len(words.lstrip(" "))
        if not words.strip():
            lefts.append((start, end, end))
        elif gaps.get(start):
            gap = _nearest(text, start, gaps[start], right_at)
            lefts.append((start, gap.start(), end))
            rights.append((gap.end(), end, end))
        elif _width(words[:indent]) >= _RIGHT_ONLY_SHARE * left_width:
            rights.append((start + indent, end, end))
        else:
            lefts.append((start, end, end))
    return lefts + rights


def _body(text: str, page: list[tuple[int, int]], heads: Counter) -> list[tuple[int, int]]:
    """A page's lines without its running head (its first line, when other pages open with it too), its
    number's line and the blank lines before and after them."""
    first, last = 0, len(page)
    while first < last and not text[page[first][0]:page[first][1]].strip():
        first += 1
    if first < last and heads[_squeezed(text, page)] > 1:
        first += 1
    while last > first and (not text[page[last - 1][0]:page[last - 1][1]].strip()
                            or PAGE_NUMBER_LINE.match(text[page[last - 1][0]:page[last - 1][1]])):
        last -= 1
    while first < last and not text[page[first][0]:page[first][1]].strip():
        first += 1
    return page[first:last]


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
