"""Running a pattern only on the lines that hold one of its anchor
characters (:func:`policyx.text.anchors.line_anchors` reads them from the
pattern): one text, and how rare each character asked about is in it.

A pattern that takes no sentence stop either (:func:`policyx.text.anchors.stays_between`)
is run on the sentences that hold one, not on their whole lines: a plan's
line is often a paragraph of several sentences."""

from __future__ import annotations

import bisect
import operator
from collections import Counter
from itertools import accumulate, compress, count

import regex

from policyx.text.anchors import Anchors
from policyx.text.presence import any_char

SAMPLE_STEP = 8
# characters: a piece longer than this is cut at the pattern's ``long_stops`` too (a page
# whose sentences lost their stops: one window of the whole page for every rule). Not
# shorter: the cuts of a plan's long sentences cost more than they save
LONG_PIECE = 1000


class _Counts(dict):
    """``counts[ch]``: how often ``ch`` occurs in a sample of the text: those of
    ``chars`` counted together in one scan, any other when first asked. (A
    sample can miss a character in every line: lines as long as the sample's
    step, a table's rows.)"""

    def __init__(self, text: str, sample: str, chars: frozenset[str]) -> None:
        super().__init__()
        self.text = text
        self.sample = sample
        if chars:
            self.update(dict.fromkeys(chars, 0))
            self.update(Counter(any_char(chars).findall(sample)))

    def __missing__(self, ch: str) -> int:
        n = self[ch] = self.sample.count(ch)
        return n


class _SetCounts(dict):
    """``counts[chars]``: how often the characters of a set occur together in the sample
    (the rules share their anchor sets: "年", "12一二" stand in most deadline rules)."""

    def __init__(self, counts: _Counts) -> None:
        super().__init__()
        self.counts = counts

    def __missing__(self, chars: frozenset[str]) -> int:
        n = sum(map(self.counts.__getitem__, chars))
        if not n and not any(map(self.counts.text.__contains__, chars)):
            n = -1  # (none in the sample, and none in the text: the rarest of all)
        self[chars] = n
        return n


class AnchoredText:
    """One text, and for each character asked about roughly how often it occurs there."""

    __slots__ = ("text", "_counts", "_windows", "_ends", "_longest")

    def __init__(self, text: str, chars: frozenset[str] = frozenset()) -> None:
        """``chars``: the anchor characters that will be asked about (counted in one scan)."""
        self.text = text
        # how rare an anchor is, judged on every SAMPLE_STEP-th character of a long text: any
        # choice of anchor set finds the same matches, and counting each of the deadline
        # rules' ~85 anchor characters through the whole text was a sixth of their search
        self._counts = _SetCounts(_Counts(text, text[::SAMPLE_STEP] if len(text) > SAMPLE_STEP * 512 else text, chars))
        self._windows: dict[tuple[frozenset[str], int], list[tuple[int, int]]] = {}
        self._ends: dict[tuple[str, str], list[int]] = {}
        self._longest: dict[str, int] = {}  # the longest piece's length (its stop left out), by stops

    def windows(self, anchors: Anchors, stops: str = "\n", long_stops: str = "") -> list[tuple[int, int]]:
        """``(start, end)`` of the runs of pieces holding a character of the
        rarest anchor set: the text cut after each character of ``stops`` (a
        newline, and the sentence stops for a pattern that takes none), and a
        piece longer than LONG_PIECE after each of ``long_stops`` too, each
        piece with the stop that ends it."""
        best = min(anchors, key=self._counts.__getitem__)
        if self._counts[best] < 0:
            return []  # (a set of characters one of which every match holds, none of them in the text)
        ends = self._piece_ends(stops, long_stops)
        # (by the pieces themselves: where no piece is long, every set of long stops cuts the same)
        found = self._windows.get((best, id(ends)))
        if found is None:
            found = self._windows[best, id(ends)] = self._pieces_holding(best, ends)
        return found

    def _piece_ends(self, stops: str, long_stops: str = "") -> list[int]:
        """Where each piece of the text cut after each of ``stops`` (and a long
        one after each of ``long_stops``) ends (after its stop)."""
        ends = self._ends.get((stops, long_stops))
        if ends is None:
            if long_stops:
                ends = self._piece_ends(stops)
                if self._longest[stops] > LONG_PIECE:  # (most texts: every sentence short)
                    ends = self._long_pieces_cut(ends, long_stops)
                self._ends[stops, long_stops] = ends
                return ends
            text = cut = self.text
            for stop in stops[1:]:
                cut = cut.replace(stop, stops[0])  # (one split at one character: str.split, not a pattern's)
            lengths = list(map(len, cut.split(stops[0])))
            ends = self._ends[stops, ""] = list(map(operator.add, accumulate(lengths), count(1)))
            ends[-1] = len(text)  # (the last piece has no stop after it)
            self._longest[stops] = max(lengths)
        return ends

    def _long_pieces_cut(self, ends: list[int], long_stops: str) -> list[int]:
        starts = (0, *ends)
        long = list(compress(range(len(ends)), map(LONG_PIECE.__lt__, map(operator.sub, ends, starts))))
        if not long:
            return ends
        after = any_char(frozenset(long_stops))
        text = self.text
        cuts = [m.end() for i in long for m in after.finditer(text, starts[i], ends[i] - 1)]
        return sorted(ends + cuts) if cuts else ends

    def _pieces_holding(self, chars: frozenset[str], ends: list[int]) -> list[tuple[int, int]]:
        text = self.text  # (some of ``chars`` are in it: windows looks no further for a set that has none)
        held: list[int] = []  # piece numbers, ascending for each character
        for ch in chars:
            at = text.find(ch)
            while at != -1:
                piece = bisect.bisect_right(ends, at)
                held.append(piece)
                at = text.find(ch, ends[piece])
        if len(chars) > 1:
            held = sorted(set(held))
        out: list[tuple[int, int]] = []
        last = -2
        for piece in held:
            if piece == last + 1:
                out[-1] = (out[-1][0], ends[piece])
            else:
                out.append((ends[piece - 1] if piece else 0, ends[piece]))
            last = piece
        return out

    def searched(self, anchors: Anchors | None, stops: str = "\n", long_stops: str = "") -> list[tuple[int, int]]:
        """``(start, end)`` of where a pattern with these ``anchors`` is
        searched: its :meth:`windows`, or the whole text when it has none."""
        return self.windows(anchors, stops, long_stops) if anchors else [(0, len(self.text))]

    def matches(self, pattern: regex.Pattern, anchors: Anchors | None, stops: str = "\n",
                long_stops: str = "") -> list[regex.Match]:
        """The matches of ``pattern`` over the whole text, looked for only
        where ``anchors`` allow (everywhere when there are none), in the
        pieces of the text between ``stops``: those of ``finditer`` over each
        window, found by one ``search`` each (most windows hold none: one
        call for them, not an iterator made and asked)."""
        text = self.text
        search = pattern.search
        found: list[regex.Match] = []
        for start, end in self.searched(anchors, stops, long_stops):
            m = search(text, start, end)
            while m is not None:
                if m.end() == m.start():  # (empty: where finditer looks next is its own rule)
                    found.extend(pattern.finditer(text, start, end))
                    break
                found.append(m)
                start = m.end()
                m = search(text, start, end)
        return found
