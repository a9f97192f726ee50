"""Where each character of an edited working copy came from in the original,
kept as runs rather than two numbers per character.

Between edits a working copy is the original shifted by a constant: a run
of characters each of which came from the character that many places away.
What an edit writes (a decoded entity, an inserted line break, blanked
markup) is a run whose characters all came from the same range. A plan of
50,000 characters with one heading break is two shifted runs and a break,
not 100,000 numbers built, copied and kept."""

from __future__ import annotations

import bisect
from typing import Sequence


class OffsetMap:
    """For each working-copy offset ``w`` below ``length``: the original
    range ``[start_of(w), end_of(w))`` that character came from.

    A run starting at ``at[i]`` is either shifted (``shift[i]`` is a number:
    the character came from ``w + shift[i]``, one character long) or fixed
    (``shift[i]`` is None: every character came from ``first[i]:final[i]``)."""

    __slots__ = ("length", "at", "shift", "first", "final", "monotone")

    def __init__(self, length: int) -> None:
        self.length = length
        self.at: list[int] = [0]
        self.shift: list[int | None] = [0]
        self.first: list[int] = [0]
        self.final: list[int] = [0]
        self.monotone = True  # (False once pieces were put in another order: a page's columns read in turn)

    def start_of(self, w: int) -> int:
        i = bisect.bisect_right(self.at, w) - 1
        shift = self.shift[i]
        return w + shift if shift is not None else self.first[i]

    def end_of(self, w: int) -> int:
        i = bisect.bisect_right(self.at, w) - 1
        shift = self.shift[i]
        return w + shift + 1 if shift is not None else self.final[i]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """``(start_of(a), end_of(b - 1))`` for ``0 <= a < b <= length`` — in a map
        whose pieces were put in another order, the original range holding them all."""
        if not self.monotone:
            pieces = self.segments(a, b)
            return min(s for s, _ in pieces), max(e for _, e in pieces)
        at = self.at
        i = bisect.bisect_right(at, a) - 1
        shift = self.shift[i]
        start = a + shift if shift is not None else self.first[i]
        if i + 1 < len(at) and at[i + 1] < b:  # (the span goes on past its first run)
            i = bisect.bisect_right(at, b - 1, i + 1) - 1
            shift = self.shift[i]
        return start, (b + shift if shift is not None else self.final[i])

    def edited(self, edits: Sequence[tuple[int, int, str]], original_length: int) -> "OffsetMap":
        """The map of the text made by applying ``(start, end, replacement)``
        edits (sorted, not overlapping) to this map's text: an unedited
        character keeps where it came from; each character of a replacement
        came from the whole range it replaces, or, inserted, from where the
        next character comes from; what is deleted belongs to the character
        before it (the gloss of "環(huán)")."""
        out = _Builder(self.monotone)
        last = 0
        for start, end, replacement in edits:
            self._copy(last, start, out)
            if end > start:
                first, final = self.start_of(start), self.end_of(end - 1)
            else:
                first = final = self.start_of(start) if start < self.length else original_length
            if replacement:
                out.fixed(len(replacement), first, final if end > start else first)
            elif end > start and out.length and self.monotone:
                out.set_last_end(final)  # (not where pieces were reordered: the range would take in another's words)
            last = end
        self._copy(last, self.length, out)
        return out.done()

    def segments(self, a: int, b: int) -> list[tuple[int, int]]:
        """The original ranges the characters ``[a, b)`` came from, in the working copy's order, each
        stretch that goes on in the original as one."""
        out: list[tuple[int, int]] = []
        if b <= a:
            return [(self.start_of(a), self.start_of(a))] if a < self.length else [(0, 0)]
        at, count = self.at, len(self.at)
        i = bisect.bisect_right(at, a) - 1
        while i < count and at[i] < b:
            piece_start, piece_end = max(at[i], a), min(at[i + 1] if i + 1 < count else self.length, b)
            shift = self.shift[i]
            first, final = (piece_start + shift, piece_end + shift) if shift is not None else (self.first[i], self.final[i])
            if out and out[-1][1] == first:
                out[-1] = (out[-1][0], final)
            elif not (out and shift is None and out[-1] == (first, final)):
                out.append((first, final))
            i += 1
        return out

    def put_in_order(self, pieces: Sequence[tuple[int, int, int]]) -> "OffsetMap":
        """The map of a text made of this map's text's pieces ``(start, end, breaks_from)`` in the order given,
        each followed by a line break that came from the character at ``breaks_from`` (its line's end)."""
        out = _Builder(monotone=False)
        for start, end, breaks_from in pieces:
            self._copy(start, end, out)
            origin = self.start_of(breaks_from) if breaks_from < self.length else self.end_of(self.length - 1)
            out.fixed(1, origin, origin + 1)
        return out.done()

    def _copy(self, a: int, b: int, out: "_Builder") -> None:
        """This map's characters ``[a, b)``, appended to ``out``."""
        if b <= a:
            return
        at, count = self.at, len(self.at)
        i = bisect.bisect_right(at, a) - 1
        while i < count and at[i] < b:
            piece_start = max(at[i], a)
            piece_end = min(at[i + 1] if i + 1 < count else self.length, b)
            shift = self.shift[i]
            if shift is not None:
                out.shifted(piece_end - piece_start, piece_start + shift)
            else:
                out.fixed(piece_end - piece_start, self.first[i], self.final[i])
            i += 1


class _Builder:
    """An OffsetMap written from its first character to its last."""

    __slots__ = ("map", "length", "monotone")

    def __init__(self, monotone: bool = True) -> None:
        self.map = OffsetMap(0)
        self.map.at, self.map.shift, self.map.first, self.map.final = [], [], [], []
        self.length = 0
        self.monotone = monotone

    def _run(self, count: int, shift: int | None, first: int, final: int) -> None:
        m = self.map
        if m.at and m.shift[-1] == shift and (shift is not None or (m.first[-1], m.final[-1]) == (first, final)):
            self.length += count  # (the run before goes on)
            return
        m.at.append(self.length)
        m.shift.append(shift)
        m.first.append(first)
        m.final.append(final)
        self.length += count

    def shifted(self, count: int, origin: int) -> None:
        """``count`` characters, the first from ``origin``, each from the next."""
        if count > 0:
            self._run(count, origin - self.length, 0, 0)

    def fixed(self, count: int, first: int, final: int) -> None:
        """``count`` characters, each from ``[first, final)``."""
        if count > 0:
            self._run(count, None, first, final)

    def set_last_end(self, final: int) -> None:
        """The last character written came from its start up to ``final``."""
        m = self.map
        w = self.length - 1
        start = w + m.shift[-1] if m.shift[-1] is not None else m.first[-1]
        if m.at[-1] == w:
            m.at.pop()
            m.shift.pop()
            m.first.pop()
            m.final.pop()
        self.length = w
        self.fixed(1, start, final)

    def done(self) -> OffsetMap:
        m = self.map
        m.length = self.length
        m.monotone = self.monotone
        if not m.at:
            m.at, m.shift, m.first, m.final = [0], [0], [0], [0]
        return m
