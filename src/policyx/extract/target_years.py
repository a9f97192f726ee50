"""The year a target is due, from the sentence around it: the deadlines
written in it, the year it opens with, or the last deadline before it."""

from __future__ import annotations

import bisect
from typing import Sequence

import regex

from policyx.model import Deadline

# punctuation that ends a sentence
_SENTENCE_STOPS = "。;；\n"
_ANY_SENTENCE_STOP = regex.compile(f"[{regex.escape(_SENTENCE_STOPS)}]")


class Sentences:
    """Where the stops of a text stand, each in order, found when first asked
    for: the sentence around each of a long line's targets is then two
    bisections, not a search back and forth through the line."""

    __slots__ = ("text", "_stops")

    def __init__(self, text: str) -> None:
        self.text = text
        self._stops: list[list[int]] | None = None

    def stops(self) -> list[list[int]]:
        """Where each stop stands, by stop, in the order of ``_SENTENCE_STOPS``."""
        if self._stops is None:
            self._stops = [[] for _ in _SENTENCE_STOPS]
            for stop in _ANY_SENTENCE_STOP.finditer(self.text):
                self._stops[_SENTENCE_STOPS.index(stop.group())].append(stop.start())
        return self._stops

    def start_of(self, position: int) -> int:
        """Where the sentence holding ``position`` starts: after the last stop before it."""
        return max(p[i - 1] if (i := bisect.bisect_left(p, position)) else -1 for p in self.stops()) + 1

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding ``text[start:end]``: from after the last stop
        before it to the first of the stops, in the order of ``_SENTENCE_STOPS``,
        found after it (not necessarily the nearest one)."""
        sentence_start = self.start_of(start)
        for positions in self.stops():
            i = bisect.bisect_left(positions, end)
            if i < len(positions):
                return sentence_start, positions[i]
        return sentence_start, len(self.text)


def year_for(position: int, sentence_start: int, sentence_end: int, deadlines: Sequence[Deadline],
             opening_year: int | None = None) -> int | None:
    """The year a target is due: the last 'by' deadline in its sentence before
    the number, else the year its clause or sentence opens with ("2025年全市…
    低于43微克/立方米"), else the first deadline after the number in its
    sentence, else the latest one before."""
    dated = [d for d in deadlines if d.kind == "by" and d.date]
    in_sentence = [d for d in dated if sentence_start <= d.span[0] < sentence_end]
    before = [d for d in in_sentence if d.span[0] <= position]
    if before:
        chosen = before[-1]
    elif opening_year is not None:
        return opening_year
    elif in_sentence:
        chosen = in_sentence[0]
    else:
        earlier = [d for d in dated if d.span[0] <= position]
        if not earlier:
            return None
        chosen = earlier[-1]
    return int(chosen.date[:4])  # type: ignore[index]
