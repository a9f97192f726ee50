"""The year a target is due, from the sentence around it: the deadlines
written in it, the year it opens with, or the last deadline before it."""

from __future__ import annotations

import bisect
from typing import Sequence

import regex

from policyx.model import Deadline, Target, copier
from policyx.text.stored_patterns import compiled

# punctuation that ends a sentence
_SENTENCE_STOPS = "。;；\n"
_ANY_SENTENCE_STOP = compiled(f"[{regex.escape(_SENTENCE_STOPS)}]")


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


class Deadlines:
    """A stretch's deadlines in the order they start, for the look-ups of
    each of its targets: bisections, not a pass over them all (a page run
    onto one line holds thousands of targets and of deadlines)."""

    __slots__ = ("ordered", "starts", "dated", "dated_starts")

    def __init__(self, deadlines: Sequence[Deadline]) -> None:
        self.ordered = sorted(deadlines, key=lambda d: d.span[0])
        self.starts = [d.span[0] for d in self.ordered]
        self.dated = [d for d in self.ordered if d.kind == "by" and d.date]
        self.dated_starts = [d.span[0] for d in self.dated]

    def within(self, start: int, end: int) -> list[Deadline]:
        """Those that start in [start, end)."""
        return self.ordered[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def year_for(self, position: int, sentence_start: int, sentence_end: int, opening_year: int | None = None,
                 dates_it=None) -> int | None:
        """The year a target is due: the last 'by' deadline in its sentence
        before the number, else the year its clause or sentence opens with
        ("2025年全市…低于43微克/立方米"), else the first deadline after the
        number in its sentence — when ``dates_it(deadline)`` says it dates the
        target, not a clause of its own after it — else the latest one before."""
        starts = self.dated_starts
        first = bisect.bisect_left(starts, sentence_start)  # (the sentence's first)
        past = bisect.bisect_left(starts, sentence_end)  # (past its last)
        upto = bisect.bisect_right(starts, position)  # (past the last at or before the number)
        if first < min(upto, past):
            chosen = self.dated[min(upto, past) - 1]
        elif opening_year is not None:
            return opening_year
        elif first < past:
            if dates_it is not None and not dates_it(self.dated[first]):
                return None  # (its sentence's deadline dates a clause of its own: no other sentence's)
            chosen = self.dated[first]
        elif upto:
            chosen = self.dated[upto - 1]
        else:
            return None
        return int(chosen.date[:4])  # type: ignore[index]


# a list of years a 分别 distributes over the values after it: "2021年、2022年…分别达到62%、66%"
_YEAR_LIST = compiled(r"(?:(?:19|20)[0-9]{2}[ \t]{0,2}年(?:底|末)?[ \t]{0,2}[、和及与][ \t]{0,2}){1,9}"
                           r"(?:19|20)[0-9]{2}[ \t]{0,2}年(?:底|末)?")
_YEAR = compiled(r"(?:19|20)[0-9]{2}")
YEAR_LIST_REACH = 48  # characters before the values within which their list of years is looked for


def listed_years(text: str, start: int, end: int, count: int,
                 baseline: regex.Pattern | None) -> tuple[tuple[int, ...], int] | None:
    """The years of the last list of ``count`` years between ``start`` and
    ``end`` (at most YEAR_LIST_REACH characters back, in one clause), one a
    value of a list, and where the list ends; None when there is no such list,
    or when its first year is a ``baseline``'s (the rules' 比…年: "比2020年、
    2021年分别下降5%、6%" measures from them)."""
    window_start = max(start, end - YEAR_LIST_REACH)
    last = None
    for m in _YEAR_LIST.finditer(text, window_start, end):
        last = m
    if last is None or _ANY_SENTENCE_STOP.search(text, last.end(), end) or _measured_from(text, last, baseline):
        return None
    years = tuple(int(y) for y in _YEAR.findall(last.group()))
    return (years, last.end()) if len(years) == count else None


def _measured_from(text: str, years: regex.Match, baseline: regex.Pattern | None) -> bool:
    """Whether the list's first year is the year a baseline phrase names."""
    if baseline is None:
        return False
    found = baseline.search(text, max(0, years.start() - _BASE_WORDS), years.end())
    return found is not None and found.start("year") == years.start()


_BASE_WORDS = 6  # characters of a baseline's words before its year at most ("相比", "对比", …)


WITH_YEAR = copier(Target, "year")  # (a copy of a target with its year)


def in_their_years(targets: list[Target], years: tuple[int, ...] | None) -> list[Target]:
    """"2021年、2022年…分别达到62%、66%": a year for each value (None: as they are)."""
    return targets if years is None else [WITH_YEAR(t, year) for t, year in zip(targets, years)]
