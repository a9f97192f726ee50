"""A target's metric: the noun phrase its number measures, best effort.

Mechanism only.  The words that end a clause or are trimmed off a metric come
from ``rules/targets.yaml`` through :class:`~policyx.rules.targets.TargetRules`;
everything here is positions in the working-copy text.
"""

from __future__ import annotations

import re
from typing import Sequence

import regex

from policyx.model import Deadline
from policyx.rules.targets import TargetRules
from policyx.text.anchors import char_memo, first_chars

_OPEN = "(（[【〔"
_CLOSE = ")）]】〕"
# the longest metric read after its number when nothing stops it
_AFTER_METRIC_LIMIT = 30
# asides in brackets a metric after its number may hold, and their length
_ASIDES_IN_METRIC = 2
_ASIDE_LIMIT = 12
# punctuation between a deadline phrase and the metric it is cut from
_SEPARATORS = " ,，、:："


CLAUSE_LIMIT = 80  # characters a clause is looked for back from its end


def clause_start(text: str, end: int, stop: regex.Pattern, limit: int = CLAUSE_LIMIT) -> int:
    """Where the clause ending at ``end`` starts: back to the previous stop or
    comma, stepping over bracketed asides ("地级城市（各盟市，含满洲里市，下同）")."""
    floor = max(0, end - limit)
    window = text[floor:end][::-1]  # nearest first: most clauses are short
    stops = char_memo(stop)
    depth = 0
    for mark in _marks(stop).finditer(window):
        ch = mark.group()
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if not depth:
                return end - mark.start()  # the number stands inside an aside: "（国家考核的47个断面…不低于91.5%"
            depth -= 1
        elif not depth and stops[ch]:
            return end - mark.start()
    return floor


def _marks(stop: regex.Pattern) -> re.Pattern:
    """A search for the characters clause_start looks at: the brackets and
    those ``stop`` may match — every character when those are not known (a
    class such as \\p{P}, a negated set)."""
    if stop not in _MARKS:
        chars = first_chars(stop.pattern, stop.flags)
        _MARKS[stop] = re.compile("(?s:.)" if chars is None else
                                  "[" + "".join(re.escape(c) for c in sorted({*chars, *_OPEN, *_CLOSE})) + "]")
    return _MARKS[stop]


_MARKS: dict[regex.Pattern, re.Pattern] = {}


def subject_before(text: str, end: int, rules: TargetRules, clause: int | None = None) -> tuple[int, int]:
    """The subject before a comparator, trimmed of filler words at both ends
    (``clause``: where its clause starts, when known)."""
    start = clause_start(text, end, rules.metric_stop) if clause is None else clause
    phrase = text[start:end]
    stripped = phrase.lstrip()
    trimmed = rules.trim_start.sub("", stripped)
    year = rules.sentence_year.match(trimmed)  # ("2025年全市PM2.5浓度": the target's year, no part of its metric)
    if year:
        trimmed = trimmed[year.end():]
    start += (len(phrase) - len(stripped)) + (len(stripped) - len(trimmed))
    tail = rules.trim_end.search(text[start:end])
    if tail:
        end = start + tail.start()
    return start, end


def strip_time(text: str, start: int, end: int, deadlines: Sequence[Deadline], base: int,
               rules: TargetRules) -> tuple[int, int]:
    """Cut a deadline phrase out of a metric: at its start ("到2020年,全区用水
    总量") the metric begins after it; at its end ("处置率应于2020年底前") the
    metric ends before it, when only punctuation and modal words (``after_deadline``)
    follow it.  ``base`` is where ``text`` starts in the document (deadline spans
    are absolute)."""
    for d in deadlines:
        a, b = d.span[0] - base, d.span[1] - base
        if start <= a and b <= end:
            if text[start:a].strip(_SEPARATORS) and rules.after_deadline.fullmatch(text[b:end]):
                end = a
            else:
                start = max(start, b)
    return past_separators(text, start, end), end


def past_separators(text: str, start: int, end: int, separators: str = _SEPARATORS) -> int:
    """``start`` moved past the ``separators`` that follow it (up to ``end``)."""
    while start < end and text[start] in separators:
        start += 1
    return start


def metric_before(text: str, end: int, rules: TargetRules, deadlines: Sequence[Deadline], base: int,
                  clause: int | None = None) -> tuple[int, int]:
    """The metric written before its comparator ending at ``end``: the clause's
    subject without the deadline in it, trimmed once more once that is gone
    ("到2020年,全区用水总量控制在…"). ``clause``: where the clause starts, when known."""
    start, end = subject_before(text, end, rules, clause)
    start, end = strip_time(text, start, end, deadlines, base, rules)
    change = rules.change_from.search(text, start, end)  # (森林覆盖率由23%提高到…: the metric ends before 由)
    if change:
        end = change.start()
    trailing = rules.trim_end.search(text, start, end)
    if trailing:
        end = trailing.start()
    return start, end


def metric_after(text: str, position: int, rules: TargetRules) -> tuple[int, int]:
    """The metric written after its number ("50%以上的国家级园区"): from
    ``position`` (just after the linking word) to the next stop outside a
    short aside in brackets ("55%左右的县（市、区）通过…" is not cut at 、)."""
    search = rules.after_metric_stop.search
    at = position
    for _ in range(_ASIDES_IN_METRIC + 1):
        stop = search(text, at)
        if stop is None:
            return position, min(len(text), position + _AFTER_METRIC_LIMIT)
        close = _aside_closing(text, position, stop.start())
        if close is None:
            break
        at = close + 1
    return position, stop.start()


def _aside_closing(text: str, start: int, stop: int) -> int | None:
    """Where an aside in brackets open at ``stop`` (opened after ``start``)
    closes, if it does within a few characters; None when none is open."""
    opened = max(text.rfind(c, start, stop) for c in _OPEN)
    if opened == -1 or any(text.find(c, opened, stop) != -1 for c in _CLOSE):
        return None
    closes = [i for c in _CLOSE if (i := text.find(c, stop, stop + _ASIDE_LIMIT)) != -1]
    return min(closes) if closes else None


def distribute(subject: str, count: int) -> list[str]:
    """One metric per value.  "县城、城市污水处理率" with two values gives
    县城污水处理率 and 城市污水处理率: the last part's tail, after a modifier as
    long as the first part, is shared by the shorter parts."""
    subject = subject.strip()
    if count == 1:
        return [subject]
    parts = [p.strip() for p in _split_outside_brackets(subject, "、")]
    if len(parts) != count or not all(parts):
        return [subject] * count
    last = parts[-1]
    first = _without_asides(parts[0])  # "旗县（市、区）、城市污水处理率": the modifier is 旗县
    tail = last[len(first):] if len(last) > len(first) else ""
    return [p if p == last or not tail or p.endswith(tail) else p + tail for p in parts]


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where no bracket is open ("旗县（市、区）、城市"
    is two parts, not three)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == separator and not depth:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _without_asides(text: str) -> str:
    """``text`` without what stands in brackets."""
    out, depth = [], 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif not depth:
            out.append(ch)
    return "".join(out)
