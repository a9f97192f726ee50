"""The working copy of a plan's text, its map back to the original, and the line index.

Most of the normalisation is one character for one: full-width ASCII becomes
half-width, the ideographic space a space, a lone carriage return a newline,
traditional characters simplified ones, and web noise (HTML tags and
remnants, page chrome) is blanked with spaces. A few edits change the length:
an HTML entity is decoded (``&#12289;`` → ``、``), an anti-scraping pinyin
gloss is deleted (``環(huán)保`` → ``环保``), and a line break is inserted
before a heading marker that a crawler ran into the text before it
(``…精准性（一）研究…``). Where there are such edits the working copy keeps,
for each of its characters, the range of the original it came from:
:meth:`Normalized.original_span` and ``source[a:b]`` give the original text
of any working-copy span, and :meth:`Normalized.line_of` the file's line.
"""

from __future__ import annotations

import bisect
import html
import itertools
from dataclasses import dataclass
from typing import Iterable, Sequence

import regex

from policyx.model import maker, slot_init
from policyx.text.columns import column_order
from policyx.text.csv_rows import csv_edits
from policyx.text.fold import fold, sentence_dots
from policyx.text.noise import NoiseRule, blanked, noise_edits
from policyx.text.numerals import numeral_edits
from policyx.text.spans import Spans
from policyx.text.offset_map import OffsetMap
from policyx.text.rows import BOX_BARS
from policyx.text.script import comparable, to_simplified  # noqa: F401  (comparable: read from here too)
from policyx.text.stored_patterns import compiled

_LONE_CR = compiled(r"\r(?!\n)")
_LINE_END = compiled(r"\r\n|\r|\n")


def _newlines(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


# Paragraphs that a web copy ran together on one line: two or more spaces
# after a sentence end ("…不再列出）　　推进水产生态健康养殖。…"). The working
# copy breaks the line there (one space becomes a newline, so offsets stay);
# line numbers are still those of the file. Not before a bracket: a clause
# after spaces stays with its sentence.
_RUN_TOGETHER = compiled(
    r"(?<=[。;!?」”)])[ ]{2,}(?=[^\s(\[【〔" + BOX_BARS + "])"  # (nor before a box-drawn table's bar: "…建设。      │")
    # …or before what opens a heading: "…严格控制污染物排放　　（一）狠抓工业污染防治",
    # or "…加大退税减税政策实施力度　　1.加大增值税留抵退税政策力度,…"
    r"|(?<=\S)[ ]{2,}(?=[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,4}\)|第[一二三四五六七八九十]{1,3}[章节]"
    r"|[0-9]{1,3}[.、](?![0-9])|\([0-9]{1,3}\))"
    # …or before a table's row, or after one: its cells' tabs ("…任务　　67\t环保厅\t…")
    r"|(?<=\S)[ ]{2,}(?=[^\s]{1,40}\t)|(?<![ ])(?<=\t[^\t\n]{0,400})[ ]{2,}(?=\S)"
)


# a gap between two cells of a table's row copied as text: spaces after words that end no sentence
_CELL_GAP = compiled(r"(?<=[^\s。;!?」”)])[ ]{2,}+(?=\S)")
_GAPPED_ROW = 2  # such gaps in a line: a row of cells ("1    推进城镇老旧小区改造     新开工…"), no run-together text
# (a row opens with its number, or an id, "ZC-01", and a gap)
_NUMBERED_ROW = compiled(r"[ \t]{0,8}+(?:[A-Z]{1,4}-?)?[0-9]{1,3}[ \t]{2,8}+\S")


def _outside_gapped_rows(working: str, breaks: list[int]) -> list[int]:
    """The breaks that do not stand in a table's row whose cells runs of
    spaces part: a line that opens with its number and a gap and parts words
    by more gaps (city-plan-space-columns-2026: "…各县(市、区)　 2026年12月底前")."""
    kept, judged = [], {}
    for position in breaks:
        start = working.rfind("\n", 0, position) + 1
        gapped = judged.get(start)
        if gapped is None:
            end = working.find("\n", position)
            gaps = _CELL_GAP.finditer(working, start, end if end >= 0 else len(working))
            gapped = judged[start] = _NUMBERED_ROW.match(working, start) is not None \
                and sum(1 for _ in zip(range(_GAPPED_ROW), gaps)) >= _GAPPED_ROW
        if not gapped:
            kept.append(position)
    return kept


def _spaces_in_the_file(original: str) -> bool:
    """Real spaces, not blanked web noise nor a CSV cell's line break (:mod:`.csv_rows`)."""
    return original.isspace() and "\n" not in original and "\r" not in original


def _soft_breaks(working: str, norm: "Normalized") -> str:
    if "  " not in working:
        return working  # (every break is at two spaces or more)
    source = norm.original if norm._map is None else _Aligned(norm.original, norm._map)
    breaks = [m.start() for m in _RUN_TOGETHER.finditer(working)
              if _spaces_in_the_file(source[m.start():m.end()])]
    if breaks:
        breaks = _outside_gapped_rows(working, breaks)
    if not breaks:
        return working
    pieces, last = [], 0
    for position in breaks:  # (each break replaces one space: the text keeps its length)
        pieces += (working[last:position], "\n")
        last = position + 1
    pieces.append(working[last:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, of the working copy (a run-together paragraph is a line of its own)
    start: int
    end: int  # exclusive, before the newline
    text: str  # the working-copy text of the line


Line.__init__ = slot_init(Line)  # type: ignore[method-assign]  (half the cost of the frozen one)
_new_line = maker(Line)  # (every line of a plan: without the class call)


def _lines_of(text: str, starts: list[int]) -> list[Line]:
    """The lines of ``text``, which start at ``starts`` (after each newline)."""
    ends = [start - 1 for start in itertools.islice(starts, 1, None)]
    ends.append(len(text))
    if "\r" not in text:  # (the words of every line cut in one call)
        return list(map(_new_line, range(1, len(starts) + 1), starts, ends, text.split("\n")))
    lines = []
    for number, first, last in zip(range(1, len(starts) + 1), starts, ends):
        if last > first and text[last - 1] == "\r":
            last -= 1
        lines.append(_new_line(number, first, last, text[first:last]))
    return lines


class _Aligned:
    """The original text seen through the working copy's offsets:
    ``aligned[a:b]`` is the original text that working-copy span came from."""

    __slots__ = ("original", "map")

    def __init__(self, original: str, offset_map: OffsetMap) -> None:
        self.original, self.map = original, offset_map

    def __len__(self) -> int:
        return self.map.length

    def span(self, a: int, b: int) -> tuple[int, int]:
        m = self.map
        n = m.length
        if 0 <= a < b <= n:
            return m.span(a, b)  # (the common case, without the clamping below)
        a, b = max(0, min(a, n)), max(0, min(b, n))
        if b <= a:
            point = m.start_of(a) if a < n else len(self.original)
            return point, point
        return m.span(a, b)

    def __getitem__(self, key):
        if not self.map.monotone and isinstance(key, slice):  # (pieces in another order: each piece's words)
            a, b, _ = key.indices(self.map.length)
            return "".join(self.original[s:e] for s, e in self.map.segments(a, b)) if b > a else ""
        if type(key) is slice and key.step is None and type(key.start) is int and type(key.stop) is int \
                and 0 <= key.start < key.stop <= self.map.length:
            start, end = self.map.span(key.start, key.stop)  # (as span() reads it)
            return self.original[start:end]
        if isinstance(key, slice):
            a, b, _ = key.indices(self.map.length)
            start, end = self.span(a, b)
            return self.original[start:end]
        start, end = self.span(key, key + 1 if key >= 0 else self.map.length + key + 1)
        return self.original[start:end][:1] or " "


def _edit(text: str, offset_map: OffsetMap | None, edits: Sequence[tuple[int, int, str]],
          original_length: int) -> tuple[str, OffsetMap]:
    """Apply ``(start, end, replacement)`` edits (sorted, not overlapping) to
    ``text``, carrying the map to the original along."""
    if offset_map is None:
        offset_map = OffsetMap(len(text))
    return _applied(text, edits), offset_map.edited(edits, original_length)


def _with_numerals(edits: list[tuple[int, int, str]], numerals: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The noise edits and the numerals' edits that overlap none of them, in order."""
    if not numerals:
        return edits
    taken = Spans((start, end) for start, end, _ in edits)
    return sorted([*edits, *(e for e in numerals if not taken.overlaps(e[0], e[1]))])


def _applied(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    last = 0
    for start, end, replacement in edits:
        pieces += (text[last:start], replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


class Normalized:
    """A plan's original text, its working copy, the map between them and a line index."""

    __slots__ = ("original", "text", "source", "noise_spans", "_noise_actions", "_map", "_line_starts",
                 "_file_line_starts", "_lines", "two_column_pages")

    def __init__(self, original: str, noise: Iterable[NoiseRule] | regex.Pattern | None = None) -> None:
        self.original = original
        working = fold(original)
        # a lone "\r" (old Mac files) ends a line too; "\r\n" keeps its "\n"
        working = _LONE_CR.sub("\n", working)
        working = sentence_dots(to_simplified(working))
        rows = csv_edits(original) if len(working) == len(original) else ()
        if rows:  # (found on the original: folding makes "，" a ","; a cell's line breaks become spaces)
            working = _applied(working, rows)
        if isinstance(noise, regex.Pattern):
            noise = [NoiseRule(noise)]
        edits, spans = noise_edits(working, noise or ())
        if len(working) == len(original):  # (shares in Chinese numerals: "百分之九十五"; found on the original)
            edits = _with_numerals(edits, numeral_edits(original))
        self._map: OffsetMap | None = None
        if any(len(replacement) != end - start for start, end, replacement in edits):
            working, self._map = _edit(working, None, edits, len(original))
        elif edits:  # (each as long as what it replaces: no map)
            working = _applied(working, edits)
        self._file_line_starts = _newlines(original) if "\r" not in original else \
            [0, *(m.end() for m in _LINE_END.finditer(original))]
        # found before any edit, on a copy as long as the original: its offsets are the original's
        self.noise_spans = tuple((a, b) for a, b, _ in spans)
        self._noise_actions = tuple(action for _, _, action in spans)
        # (a page's two columns side by side read one after the other, before a run of spaces breaks a line)
        working, self.two_column_pages = self._in_reading_order(working)
        self.text = _soft_breaks(working, self)
        self.source: str | _Aligned = original if self._map is None else _Aligned(original, self._map)
        # (most plans' working copy breaks its lines where the file does: one list, one int per line, kept;
        # so it does, unlooked at, when no edit moved a character and no line was broken at run-together
        # paragraphs or a block's tag: folding, simplifying and blanking never make or take a newline, a
        # lone "\r" became one; a CSV cell's line breaks are taken)
        if self._map is None and self.text is working and "break" not in self._noise_actions and not rows:
            self._line_starts = self._file_line_starts
        else:
            line_starts = _newlines(self.text)
            self._line_starts = self._file_line_starts if line_starts == self._file_line_starts else line_starts
        self._lines: list[Line] | None = None

    @property
    def edited(self) -> bool:
        """True when the working copy's offsets differ from the original's."""
        return self._map is not None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's offsets of a working-copy span."""
        if self._map is None:
            return start, end
        source = getattr(self, "source", None)  # the working copy's map, once made (not during __init__)
        if isinstance(source, _Aligned) and source.map is self._map:
            return source.span(start, end)
        return _Aligned(self.original, self._map).span(start, end)

    def span_map(self):
        """:meth:`original_span` as one call, for many look-ups: the map's own
        when the working copy has one (without the checks of each call)."""
        source = getattr(self, "source", None)
        if self._map is not None and isinstance(source, _Aligned) and source.map is self._map:
            return source.span
        return self.original_span

    def clean(self, start: int, end: int, glosses: bool = True) -> str:
        """The original's words for a working-copy span, without the web noise
        inside it: markup and page chrome dropped, entities decoded ("&quot;"
        is '"'); pinyin glosses stay, as written, unless ``glosses`` is false
        (a table cell's words). An item's ``span`` still points into the
        original; its words are these."""
        if self._map is None and not self.noise_spans:
            return self.original[start:end]  # (nothing masked, nothing moved: most plans)
        if self._map is not None and not self._map.monotone:  # (a page's columns read in turn: each piece's words)
            return "".join(self._clean_original(a, b, glosses) for a, b in self._map.segments(start, end) if b > a)
        return self._clean_original(*self.original_span(start, end), glosses)

    def _clean_original(self, a: int, b: int, glosses: bool) -> str:
        """:meth:`clean` of the original's ``[a, b)``."""
        spans = self.noise_spans
        first = bisect.bisect_right(spans, (a, len(self.original) + 1)) - 1
        if (first < 0 or spans[first][1] <= a) and (first + 1 == len(spans) or spans[first + 1][0] >= b):
            return self.original[a:b]  # (no noise inside: most of a plan's words, around its few noise spans)
        return self._without_noise(a, b, first, glosses)

    def _without_noise(self, a: int, b: int, first: int, glosses: bool) -> str:
        """:meth:`clean` of the original's ``[a, b)``, from the noise span ``first`` (the last starting at or before a)."""
        pieces, position = [], a
        for i in range(max(first, 0), len(self.noise_spans)):
            s, e = self.noise_spans[i]
            if s >= b:
                break
            s, e = max(s, position), min(e, b)
            action = self._noise_actions[i]
            if e <= s or (action == "delete" and glosses):
                continue  # a pinyin gloss is part of the words as written ("領(lǐng)導(dǎo)")
            pieces.append(self.original[position:s])
            if action == "decode":
                pieces.append(html.unescape(self.original[s:e]))
            position = e
        if not pieces:
            return self.original[a:b]
        pieces.append(self.original[position:b])
        return "".join(pieces)

    def _in_reading_order(self, working: str) -> tuple[str, int]:
        """The working copy with its pages of two columns side by side read down the left column, then the
        right (text/columns.py), each piece a line of its own, every offset still mapped to the original; and
        the number of such pages."""
        source = self.original if self._map is None else _Aligned(self.original, self._map)
        found = column_order(working, lambda a, b: source[a:b])
        if found is None:
            return working, 0
        pieces, pages = found
        base = self._map if self._map is not None else OffsetMap(len(working))
        self._map = base.put_in_order(pieces)
        return "".join(working[a:b] + "\n" for a, b, _ in pieces), pages

    def respell(self, edits: Iterable[tuple[int, int, str]]) -> None:
        """Replace working-copy spans by as many other characters, none a newline (offsets and lines stay)."""
        edits = sorted(e for e in edits if e[1] - e[0] == len(e[2]) and "\n" not in e[2])
        if edits:
            self.text, self._lines = _applied(self.text, edits), None

    def insert_breaks(self, offsets: Iterable[int]) -> None:
        """Start a line at each offset (a heading run into the text before it)."""
        points = sorted({o for o in offsets if 0 < o < len(self.text) and self.text[o - 1] != "\n"})
        if not points:
            return
        self._apply([(o, o, "\n") for o in points])

    def join_lines(self, joins: Iterable[tuple[int, int]], blanks: Iterable[tuple[int, int]] = ()) -> None:
        """Take out each working-copy span of ``joins`` (a line break a PDF copy
        made inside a paragraph, with a page's foot in it) and blank each of
        ``blanks`` (a page's foot between paragraphs): as web noise, neither
        is among :meth:`clean`'s words."""
        edits = sorted([(a, b, "") for a, b in joins if b > a]
                       + [(a, b, blanked(self.text[a:b])) for a, b in blanks if b > a])
        if not edits:
            return
        dropped = [(self.original_span(a, b), "join" if not replacement else "blank") for a, b, replacement in edits]
        self._apply(edits)
        noise = sorted([*zip(self.noise_spans, self._noise_actions), *dropped])
        self.noise_spans = tuple(span for span, _ in noise)
        self._noise_actions = tuple(action for _, action in noise)

    def _apply(self, edits: list[tuple[int, int, str]]) -> None:
        """The working copy edited, with its map to the original and its lines."""
        self.text, self._map = _edit(self.text, self._map, edits, len(self.original))
        self.source = _Aligned(self.original, self._map)
        self._line_starts = _newlines(self.text)
        self._lines = None

    @property
    def lines_are_the_files(self) -> bool:
        """True when each working line is the file's line of the same number, at the same offsets."""
        return self._map is None and self._line_starts is self._file_line_starts

    @property
    def line_count(self) -> int:
        return len(self._file_line_starts)

    def line_of(self, offset: int) -> int:
        """1-based line number of a working-copy offset, in the original file."""
        if self._map is not None:
            if offset < 0:  # (counted from the end, as an index is)
                offset += self._map.length
            offset = self._map.start_of(offset) if offset < self._map.length else len(self.original)
        return bisect.bisect_right(self._file_line_starts, offset)

    def _working_line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def lines(self, start: int = 0, end: int | None = None) -> list[Line]:
        """The lines (made once), or those that overlap [start, end)."""
        if self._lines is None:
            self._lines = _lines_of(self.text, self._line_starts)
        if start == 0 and end is None:
            return self._lines
        lo = max(0, self._working_line_of(start) - 1)
        hi = len(self._lines) if end is None else self._working_line_of(max(start, end - 1))
        return self._lines[lo:hi]
