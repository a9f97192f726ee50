"""Running a pattern only on the lines that hold one of its anchor
characters (:func:`policyx.text.anchors.line_anchors` reads them from the
pattern): one text, and how rare each character asked about is in it."""

from __future__ import annotations

from typing import Iterator

import regex

from policyx.text.anchors import Anchors

SAMPLE_STEP = 8


class AnchoredText:
    """One text, and for each character asked about roughly how often it occurs there."""

    __slots__ = ("text", "_sample", "_counts", "_windows")

    def __init__(self, text: str) -> None:
        self.text = text
        # how rare an anchor is, judged on every SAMPLE_STEP-th character of a long text: any
        # choice of anchor set finds the same matches, and counting each of the deadline
        # rules' ~85 anchor characters through the whole text was a sixth of their search
        self._sample = text[::SAMPLE_STEP] if len(text) > SAMPLE_STEP * 512 else text
        self._counts: dict[str, int] = {}
        self._windows: dict[frozenset[str], list[tuple[int, int]]] = {}

    def _count(self, ch: str) -> int:
        n = self._counts.get(ch)
        if n is None:
            n = self._counts[ch] = self._sample.count(ch)
        return n

    def windows(self, anchors: Anchors) -> list[tuple[int, int]]:
        """``(start, end)`` of the runs of lines holding a character of the
        rarest anchor set (each line with its newline)."""
        best = min(anchors, key=lambda chars: sum(self._count(c) for c in chars))
        found = self._windows.get(best)
        if found is None:
            found = self._windows[best] = self._lines_holding(best)
        return found

    def _lines_holding(self, chars: frozenset[str]) -> list[tuple[int, int]]:
        text = self.text
        lines: set[tuple[int, int]] = set()
        for ch in chars:
            at = text.find(ch)
            while at != -1:
                start = text.rfind("\n", 0, at) + 1
                stop = text.find("\n", at)
                stop = len(text) if stop == -1 else stop + 1
                lines.add((start, stop))
                at = text.find(ch, stop)
        out: list[tuple[int, int]] = []
        for start, stop in sorted(lines):
            if out and start == out[-1][1]:
                out[-1] = (out[-1][0], stop)
            else:
                out.append((start, stop))
        return out

    def finditer(self, pattern: regex.Pattern, anchors: Anchors | None) -> Iterator[regex.Match]:
        """The matches of ``pattern`` over the whole text, looked for only
        where ``anchors`` allow (everywhere when there are none)."""
        if not anchors:
            yield from pattern.finditer(self.text)
            return
        for start, end in self.windows(anchors):
            yield from pattern.finditer(self.text, start, end)
