"""A set of half-open spans of a text, asked whether it holds an offset or a
stretch: sorted and merged once, each question a bisection (a plan may hold
thousands of spans and ask about each of thousands of items)."""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator


class Spans:
    """Sorted, merged half-open spans with a fast containment test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        starts, ends = self.starts, self.ends
        for start, end in sorted(spans):
            if ends and start <= ends[-1]:
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)

    def pairs(self) -> Iterator[tuple[int, int]]:
        """The merged spans, in order."""
        return zip(self.starts, self.ends)

    def covers(self, start: int, end: int | None = None) -> bool:
        """Is [start, end) (or the point ``start``) inside one of the spans?"""
        if not self.starts:
            return False
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and start < self.ends[i] and (end is None or end <= self.ends[i])

    def overlaps(self, start: int, end: int) -> bool:
        """Does [start, end) share a character with one of the spans?

        >>> Spans([(2, 4)]).overlaps(3, 6), Spans([(2, 4)]).overlaps(4, 6)
        (True, False)
        """
        i = bisect.bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end

    def gaps(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of [start, end) outside every span, in order: each
        begins where a span ends (or at ``start``) and ends where the next
        begins (or at ``end``); the spans are merged, so no two touch.

        >>> Spans([(2, 4), (6, 7)]).gaps(0, 10)
        [(0, 2), (4, 6), (7, 10)]
        """
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end, first)
        begins = [start, *self.ends[first:last]]
        finishes = self.starts[first:last]
        finishes.append(end)
        return [(a, b) for a, b in zip(begins, finishes) if a < b]

    def __contains__(self, offset: int) -> bool:
        return self.covers(offset)
