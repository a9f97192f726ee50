"""Deadlines: "2016年底前", "自2017年起", "每季度", "持续开展" → kind and date.

The grammar is data (``rules/deadlines.yaml``); this module turns a match's
named groups into a date.  Overlapping matches are resolved by one policy,
:func:`resolve_overlaps`: longest span, then earliest start, then lower
priority number, then rule id.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

import regex

from policyx.model import Deadline
from policyx.text.anchored import AnchoredText
from policyx.text.numerals import DIGIT_OF, read_number
from policyx.text.sentences import SENTENCE_END
from policyx.rules.deadlines import DeadlineRule, DeadlineRules
from policyx.text.stored_patterns import compiled

# digit tables that read numbers (the words of deadlines are in rules/deadlines.yaml)
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Titles of other documents: 《水质较好湖泊生态环境保护总体规划(2013-2020年)》
TITLE_QUOTE = compiled(r"《[^《》\n]{0,80}》")


def read_year(text: str) -> int | None:
    """"2016" → 2016; "二〇二〇" → 2020 (digit by digit, as years are written)."""
    if text.isascii():
        return int(text) if text.isdigit() else None
    digits = "".join(DIGIT_OF.get(ch, "") for ch in text)
    if len(digits) == len(text):
        return int(digits)
    return read_number(text)


def _month(text: str) -> int | None:
    """"6" → 6; "六" → 6, "十二" → 12."""
    return int(text) if text.isascii() else read_number(text)


@functools.lru_cache(maxsize=4096)
def _iso(year: int, month: int, day: int) -> str | None:
    """The ISO date, None for a day the calendar lacks (a plan names the same few dates again and again)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_Dates = list[tuple[str | None, str | None]]  # (date, start) pairs


def _year(rule: DeadlineRule, groups: dict, reference_year: int | None, rules: DeadlineRules) -> int | None:
    """The year a match names: written out, relative to the plan's year
    (今年底前: none without it), or the plan's year for a rule that says so."""
    year = read_year(groups["year"]) if groups.get("year") else None
    if groups.get("rel"):
        shift = rules.relative_years.get(groups["rel"])
        return reference_year + shift if reference_year and shift is not None else None
    if rule.plan_year and year is None:
        return reference_year
    return year


def _last_day(year: int, month: int) -> str | None:
    return _iso(year, month, calendar.monthrange(year, month)[1])


# Date forms that need no year, or read their own: (rule, groups, year, rules) → pairs.

def _fixed(rule: DeadlineRule, groups: dict, year: int | None, rules: DeadlineRules) -> _Dates:
    return [(rule.value, None)]


def _no_date(rule: DeadlineRule, groups: dict, year: int | None, rules: DeadlineRules) -> _Dates:
    """No date, but a start if the match names a year (自2017年起)."""
    return [(None, _iso(year, 1, 1) if year else None)]


def _plan_period(rule: DeadlineRule, groups: dict, year: int | None, rules: DeadlineRules) -> _Dates:
    """The Nth five-year plan runs from 1951 + 5N: 十四五 is 2021–2025."""
    n = read_number(groups["plan"])
    if n is None:
        return []
    first = 1951 + 5 * int(n)
    return [(_iso(first + 4, 12, 31), _iso(first, 1, 1))]


def _each_year_end(rule: DeadlineRule, groups: dict, year: int | None, rules: DeadlineRules) -> _Dates:
    """A list of years: the end of each."""
    return [(_iso(int(y.group("year")), 12, 31), None) for y in rules.year_in_list.finditer(groups["years"])]


_YEARLESS_FORMS = {
    "fixed": _fixed,
    "none": _no_date,
    "plan_period": _plan_period,
    "each_year_end": _each_year_end,
}


# Date forms within the match's year: (groups, year, month or None, rules) → pairs.

def _year_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    return [(_iso(year, 12, 31), None)]


def _year_start(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    return [(_iso(year, 1, 1), None)]


def _quarter_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    month = month or QUARTERS[groups["quarter"]] * 3  # "第四季度(11月份)": the month named
    return [(_last_day(year, month), None)]


def _half_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    """上半年 ends on 06-30, 下半年 on 12-31 (the months are the rules')."""
    return [(_last_day(year, rules.half_end_months.get(groups.get("half"), 12)), None)]


def _month_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    return [(_last_day(year, month), None)] if month else []


def _ten_days_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    """上旬 ends on the 10th, 中旬 on the 20th, 下旬 on the month's last day (the days are the rules')."""
    day = rules.ten_days_end.get(groups.get("xun") or "", 31)
    return [(_last_day(year, month) if day >= 28 else _iso(year, month, day), None)] if month else []


def _month_start(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    return [(_iso(year, month, 1), None)] if month else []


def _day(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    return [(_iso(year, month, int(groups["day"])), None)] if month else []


def _year2_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    """A span of years (2018—2020年): due at the end of the second, from the first."""
    end = read_year(groups["year2"])
    return [(_iso(end, 12, 31) if end else None, _iso(year, 1, 1))]


def _month2_end(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    """A stretch within a year (2026年4月1日—5月31日, 2026年4月—10月): due at its
    end (its day, else its month's last), from its start; one that ends in an
    earlier month ends the next year (2026年11月—2月)."""
    if not month:
        return []
    end_month = int(groups["month2"])
    end_year = year + 1 if end_month < month else year
    end = _iso(end_year, end_month, int(groups["day2"])) if groups.get("day2") else _last_day(end_year, end_month)
    start = _iso(year, month, int(groups["day"])) if groups.get("day") else _iso(year, month, 1)
    return [(end, start)]


def _festival(groups: dict, year: int, month: int | None, rules: DeadlineRules) -> _Dates:
    """A festival's day in the year: a lunar one by the Chinese calendar (春节 2026 is 02-17)."""
    day = rules.festivals.get(groups.get("festival") or "")
    if day is None:
        return []
    calendar_name, month, date = day
    if calendar_name == "solar":
        return [(_iso(year, month, date), None)]
    from lunardate import LunarDate  # (only for a plan that names one)

    try:
        return [(LunarDate(year, month, date).to_solar_date().isoformat(), None)]
    except ValueError:  # (a year outside the calendar's tables, 1900–2099)
        return []


def festivals_after(deadlines: list[Deadline], plan_date: str | None, rules: DeadlineRules) -> list[Deadline]:
    """A festival the plan names with no year, whose day in the plan's year is before the plan's date, is the
    next year's ("春节前" in a winter plan of 2025-11-10 is due by 2026-02-17)."""
    if not plan_date or not rules.festivals:
        return deadlines
    out = []
    for d in deadlines:
        name = next((f for f in rules.festivals if f in d.raw), None) if d.rule == FESTIVAL_RULE else None
        if name is not None and d.date and d.date < plan_date and "年" not in d.raw:
            later = _festival({"festival": name}, int(d.date[:4]) + 1, None, rules)
            d = replace(d, date=later[0][0]) if later else d
        out.append(d)
    return out


FESTIVAL_RULE = "deadline.festival"

_DATED_FORMS = {
    "year_end": _year_end,
    "year_end_start": _year_end,
    "year_start": _year_start,
    "quarter_end": _quarter_end,
    "half_end": _half_end,
    "month_end": _month_end,
    "ten_days_end": _ten_days_end,
    "month_start": _month_start,
    "day": _day,
    "year2_end": _year2_end,
    "month2_end": _month2_end,
    "festival": _festival,
}


def _dates(rule: DeadlineRule, m: regex.Match, rules: DeadlineRules, reference_year: int | None = None) -> _Dates:
    """(date, start) pairs a match stands for: several for a list of years.
    A relative year (今年底前) needs the plan's year; without it there is none."""
    groups = m.groupdict()
    year = _year(rule, groups, reference_year, rules)
    if rule.date in _YEARLESS_FORMS:
        return _YEARLESS_FORMS[rule.date](rule, groups, year, rules)
    if year is None:
        return []
    month = _month(groups["month"]) if groups.get("month") else None
    form = _DATED_FORMS.get(rule.date)
    return form(groups, year, month, rules) if form else []


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    rule: DeadlineRule
    match: regex.Match


def resolve_overlaps(hits: Iterable[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits: longest span first, then earliest start, then
    lower priority number, then rule id (so ties are deterministic)."""
    starts: list[int] = []  # of the chosen hits, sorted; chosen hits never overlap
    ends: list[int] = []
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, h.rule.priority, h.rule.id)):
        i = bisect.bisect_right(starts, hit.start)
        if i and ends[i - 1] > hit.start:  # the hit before it reaches into it
            continue
        if i < len(starts) and starts[i] < hit.end:  # the hit after it starts inside it
            continue
        starts.insert(i, hit.start)
        ends.insert(i, hit.end)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def mask_titles(text: str) -> str:
    """Blank the titles of other documents (《…》), keeping every offset."""
    if "《" not in text:
        return text  # (every title opens with one; most tasks name none)
    return TITLE_QUOTE.sub(lambda m: " " * len(m.group(0)), text)


def _hits(masked: str, offset: int, rules: DeadlineRules, exclude: Sequence[tuple[int, int]]) -> list[_Hit]:
    """Every rule's matches, overlapping or not, outside the excluded spans."""
    hits = []
    text = AnchoredText(masked, rules.anchor_chars)  # each rule runs only on the lines that hold its anchors
    for rule in rules.rules:
        for m in text.matches(rule.pattern, rule.anchors, rule.stops, rule.long_stops):
            start, end = m.span()
            # the match may open or end with a space the pattern allowed; trim it
            while start < end and masked[start].isspace():
                start += 1
            while end > start and masked[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            if exclude and any(a <= offset + start < b for a, b in exclude):
                continue
            hits.append(_Hit(start, end, rule, m))
    return hits


def _period(hit: _Hit, rules: DeadlineRules) -> str | None:
    """The period a recurring deadline names (每季度), as the rules read it."""
    if "period" not in hit.rule.pattern.groupindex or not hit.match.group("period"):
        return None
    return rules.periods.get(hit.match.group("period"))


def _continues(previous: Deadline | None, hit: _Hit, masked: str, offset: int) -> bool:
    """Whether a recurring deadline follows a 'from' one with nothing but a
    separator between them: "自2018年起每季度" is every quarter from 2018-01-01."""
    return (hit.rule.kind == "every" and previous is not None and previous.kind == "from"
            and not masked[previous.span[1] - offset:hit.start].strip(" \t,，、"))


def deadline_hits(text: str, offset: int, rules: DeadlineRules,
                  exclude: Sequence[tuple[int, int]] = ()) -> tuple[str, list[_Hit]]:
    """The deadline phrases of a stretch, overlaps resolved, before they are
    read as dates: what :func:`find_deadlines` reads, whatever the plan's year."""
    masked = mask_titles(text)
    return masked, resolve_overlaps(_hits(masked, offset, rules, exclude))


# what ends the sentence a year written in a deadline holds for (a later one without a year)
_STOP = compiled("[\n" + regex.escape(SENTENCE_END) + "]")


def find_deadlines(
    text: str, offset: int, rules: DeadlineRules, original: str, line_of, *,
    exclude: Sequence[tuple[int, int]] = (), reference_year: int | None = None,
    hits: tuple[str, list[_Hit]] | None = None,
) -> list[Deadline]:
    """Deadlines in a stretch of working-copy text (``offset`` is its start in
    the document); ``exclude`` holds absolute spans to skip (nested clauses);
    ``reference_year`` is the plan's year, for 今年 and 明年; ``hits``, when
    given, are the stretch's :func:`deadline_hits` (found once, read again
    for another year)."""
    masked, found = hits if hits is not None else deadline_hits(text, offset, rules, exclude)
    out: list[Deadline] = []
    previous: Deadline | None = None
    written = (None, 0)  # the last year a hit wrote out, and where that hit ended
    for hit in found:
        period = _period(hit, rules)
        groups = hit.match.groupdict()
        year = reference_year
        if written[0] is not None:
            if _STOP.search(masked, written[1], hit.start):
                written = (None, 0)  # (a new sentence: each stretch of text is searched once)
            else:
                written = (written[0], max(written[1], hit.start))
        if hit.rule.plan_year and not groups.get("year") and not groups.get("rel") and written[0] is not None:
            year = written[0]  # "2021年6月底前制定…,12月底前实现…": December of 2021
        if groups.get("year"):
            written = (read_year(groups["year"]), hit.end)
        for date, start in _dates(hit.rule, hit.match, rules, year):
            if hit.rule.kind in ("by", "from") and date is None:
                continue
            span = (offset + hit.start, offset + hit.end)
            if _continues(previous, hit, masked, offset):
                start = previous.date  # type: ignore[union-attr]
            out.append(
                Deadline(
                    raw=original[span[0]:span[1]],
                    kind=hit.rule.kind,
                    date=date,
                    span=span,
                    line=line_of(span[0]),
                    rule=hit.rule.id,
                    period=period,
                    start=start,
                    approximate=hit.rule.approximate,
                )
            )
            previous = out[-1]
    return out
