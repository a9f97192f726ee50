"""Numeric targets: "不低于94%", "控制在550亿立方米以内", "分别达到80%、90%左右".

Grammar in ``rules/targets.yaml``.  Each target carries its comparator, value
(as written: 6.6万亩 is 6.6 with unit 万亩), unit, metric (the noun phrase
the number measures, best effort), the year it is due and, for "比2015年下降",
the baseline year.

A stretch of text is read in three passes, each one a rule id on the targets
it finds: a comparator or a bound around values ("target.comparator",
"target.bound"), a rate's level straight after it ("target.rate_level"), a verb and its object before a count ("target.verb_object",
which may replace a bound's reading of the same number), and phrases with no
number at all (the ``fixed`` rules).
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

import regex

from policyx.extract.deadlines import mask_titles
from policyx.extract.target_gates import Possible, may_hold_bound, possible_families
from policyx.extract.target_values import Value, as_ranges, in_whole_units, read_value, restate
from policyx.extract.target_metrics import (
    CLAUSE_LIMIT, clause_start, distribute, metric_after, metric_before, past_separators, subject_before,
)
from policyx.extract.target_verbs import CHANGES, verb_object_targets
from policyx.extract.target_years import Deadlines, Sentences, in_their_years, listed_years
from policyx.model import Deadline, Target
from policyx.rules.targets import TargetRules
from policyx.text import twins
from policyx.text.presence import Anchors
from policyx.text.spans import Spans

SUPPORT_REACH = 40  # characters before a money value where a word of support makes it a cap
YEAR_REACH = 40  # characters from a clause's start within which a year opening it is read
# the comparators of a cap on support (最高不超过, 每亩补助1500元左右), not of a sum to reach (贷款余额达到3000亿元)
_CAPS = ("<=", "~")


def _has_comparator(m: regex.Match) -> bool:
    """Whether ``m`` comes from the comparator-first pattern (else the
    value-first one, "50%以上")."""
    return "cmp" in m.re.groupindex


def _rule_of(m: regex.Match, with_comparator: bool) -> str:
    """The rule that read a match: its comparator word's, else its bound's
    ("覆盖率90%以上"), else a rate's level after it ("整改率100%")."""
    if with_comparator and not m.group("rate"):
        return "target.comparator"
    return "target.bound" if m.group("bound") else "target.rate_level"


def _of_a_range(comparator: str, values: list) -> str:
    """A range is kept to, reached, not capped or floored: "费用年均增长幅度控制在3%—5%" is "=" 3–5 %."""
    if comparator in ("<=", ">=") and all(v.value_max is not None for v in values):
        return "="
    return comparator


def _bounded(comparator: str | None, bound: str) -> str:
    """A bound refines a level ("达到75%以上" is >= 75) but not a change:
    "增长8%左右" is an increase of about 8 %."""
    if comparator in (None, "=") or (bound == "~" and comparator not in CHANGES):
        return bound
    return comparator  # type: ignore[return-value]


_CLAUSE_REACH = 64  # characters from a target to a deadline in its own clause, at most
_COMPLETION_REACH = 16  # characters of a clause that only completes a deadline ("前全面完成"), at most
_LIST_SEPARATORS = "、，,;；和及与并且 \t"  # (between the targets of a list)


class _Stretch:
    """A stretch of working-copy text starting at ``offset`` in the document,
    with what every pass over it needs.  Match positions are relative to the
    stretch; spans on targets are absolute."""

    def __init__(self, masked: str, offset: int, rules: TargetRules, original: str, line_of: Callable[[int], int],
                 deadlines: Sequence[Deadline], exclude: Sequence[tuple[int, int]]) -> None:
        self.masked = masked
        self.offset = offset
        self.rules = rules
        self.original = original
        self.line_of = line_of
        self.deadlines = Deadlines(deadlines)
        self.exclude = exclude
        self.sentences = Sentences(masked)

    def excluded(self, position: int) -> bool:
        """Whether a match starting at ``position`` lies in a span to skip (a nested clause)."""
        return any(a <= self.offset + position < b for a, b in self.exclude)

    def source(self, start: int, end: int) -> str:
        """The original text of a stretch-relative span."""
        return self.original[self.offset + start:self.offset + end]

    def year_of(self, m: regex.Match) -> int | None:
        start, end = self.sentences.around(m.start(), m.end())
        return self.deadlines.year_for(self.offset + m.start(), self.offset + start, self.offset + end,
                                       self._opening_year(start, m.start()), lambda d: self._dates(d, m.end()))

    def _dates(self, deadline: Deadline, after: int) -> bool:
        """Whether a deadline after a target's number (at ``after``) dates it: one
        in the target's own clause, or one whose clause only completes it
        ("达到90%，2020年底前完成") — not one opening a clause of its own
        ("压减至8个工作日以内，2021年全面推广无纸化单证备案")."""
        start, end = deadline.span[0] - self.offset, deadline.span[1] - self.offset
        # (each look bounded: a page of targets with no stop is read in linear time)
        if start - after <= _CLAUSE_REACH and not self.rules.metric_stop.search(self.masked, after, start):
            return True
        stop = self.rules.metric_stop.search(self.masked, end, end + _COMPLETION_REACH)
        return bool(stop or end + _COMPLETION_REACH >= len(self.masked)) and bool(
            self.rules.completes_deadline.fullmatch(self.masked[end:stop.start() if stop else len(self.masked)]))

    def _opening_year(self, sentence_start: int, position: int) -> int | None:
        """The year written at the start of the clause, else of the sentence, before ``position``."""
        for start in (clause_start(self.masked, position, self.rules.metric_stop), sentence_start):
            # (the pattern is anchored where the clause starts: matched on the few characters from there)
            opening = self.rules.sentence_year.match(self.masked[start:min(position, start + YEAR_REACH)])
            if opening:
                return int(opening.group("year"))
        return None

    # -- comparator and bound matches: "不低于94%", "50%以上" -------------------------------

    def comparator_targets(self, matches: list[regex.Match]) -> list[Target]:
        """The targets of the comparator and bound ``matches`` (_matches)."""
        out: list[Target] = []
        for m in matches:
            if not self.excluded(m.start()):
                out.extend(self._targets_of(m, out[-1] if out else None))
        return out

    def _targets_of(self, m: regex.Match, previous: Target | None) -> list[Target]:
        """The targets one match states, one per value; ``previous`` is the
        target found before it, whose metric a match with none carries on."""
        with_comparator = _has_comparator(m)  # (asked once: each step below reads it)
        comparator = self._comparator(m, with_comparator)
        if comparator is None:
            return []
        values = self._values(m, with_comparator)
        if not values or any(v.unit == "%" and v.value < 0 for v in values) or self._qualifies_noun(m) \
                or comparator in _CAPS and self._caps_support(m, values) or with_comparator and self._change_starts(m) \
                or self.in_condition(m) or self.rules.support_after.match(self.masked, m.end()):
            return []
        baseline, metric_start, metric_end = self._metric_span(m, with_comparator, self._counts(values))
        after = previous.span[1] - self.offset if previous is not None else -1
        if metric_start < after < metric_end and self.masked[after] in _LIST_SEPARATORS:
            # "一季度开工率达到45%以上、上半年达到70%以上": the metric starts after the target listed before
            metric_start = past_separators(self.masked, after, metric_end, _LIST_SEPARATORS)
        years, metric_start = self._listed_years(m, with_comparator, len(values), metric_start, metric_end)
        metrics = distribute(self.source(metric_start, metric_end), len(values))
        if not any(metrics) and previous is not None and previous.line == self.line_of(self.offset + m.start()):
            metrics = [previous.metric or ""] * len(values)  # "…控制在12%以内,到2020年控制在10%以内"
        values = self._drop_unitless(values, metric_start, metric_end, metrics)
        if not values or any(map(self.rules.policy_rate.search, metrics)):
            return []  # (…or a term of the policy: "失业保险费率为1%")
        shared = {
            "comparator": _of_a_range(comparator, values),
            "year": self._year(m, with_comparator),
            "baseline_year": baseline,
            "rule": _rule_of(m, with_comparator),
        }
        single = len(values) == 1
        return in_their_years([self._target(m, v, metric, single, shared) for v, metric in zip(values, metrics)], years)

    def _listed_years(self, m: regex.Match, with_comparator: bool, count: int, metric_start: int,
                      metric_end: int) -> tuple[tuple[int, ...] | None, int]:
        """The years a list of them before 分别 gives the ``count`` values
        ("2021年、2022年…分别达到62%、66%"), and where the metric starts after it."""
        if count < 2 or not with_comparator or not m.group("respectively"):
            return None, metric_start
        found = self.years_listed_before(m, count)
        if found is None:
            return None, metric_start
        years, end = found
        if metric_start < end <= metric_end:
            metric_start = past_separators(self.masked, end, metric_end, _LIST_SEPARATORS)  # (the years are no metric)
        return years, metric_start

    def years_listed_before(self, m: regex.Match, count: int) -> tuple[tuple[int, ...], int] | None:
        """The years of a list of ``count`` of them in the clause before ``m``, and where it ends (:func:`.listed_years`)."""
        return listed_years(self.masked, clause_start(self.masked, m.start(), self.rules.metric_stop), m.start(), count,
                            self.rules.baseline)

    def _comparator(self, m: regex.Match, with_comparator: bool) -> str | None:
        """The comparator a match states: its comparator word's, refined by
        the bound after the values, if any; None if neither reads as one."""
        word = m.group("cmp") if with_comparator else None
        # (a rate's 率 with its level straight after it: "整改率100%")
        comparator = "=" if with_comparator and m.group("rate") else self.rules.comparator_of.get(word) if word else None
        bound = m.group("bound")
        return _bounded(comparator, self.rules.bound_of[bound]) if bound else comparator

    def _values(self, m: regex.Match, with_comparator: bool) -> list[Value]:
        group = "values" if with_comparator else "bare"
        base = m.start(group)
        found = (self._value(v, base, with_comparator) for v in self.rules.value_pattern.finditer(m.group(group)))
        values = in_whole_units([v for v in found if v is not None], self.masked, self.rules)
        return as_ranges(values, self.masked, self.rules)

    def _value(self, v: regex.Match, base: int, with_comparator: bool) -> Value | None:
        """One value read, in the unit the rules state it in; None for a
        number that is not a quantity."""
        value = read_value(v.group("num"))
        unit = v.group("unit")
        if value is None:
            return None
        if not v.group("num")[:1].isdigit() and (not unit or unit in self.rules.digit_units):
            return None  # a Chinese numeral needs a unit: 一流, 一批 are not numbers; nor are 一次投入, 二次开发
        if not unit and not with_comparator:
            return None  # a bare number needs a comparator
        value, stated = restate(value, unit, self.rules)
        return Value(base + v.start(), base + v.end(), value, stated, None, unit)

    def _qualifies_noun(self, m: regex.Match) -> bool:
        """"超过2万平方米的新建公共建筑": a number linked to the noun after it
        describes that noun, unless its clause states a goal; so does a bound
        one run into a noun that a count follows ("500万元以上工业技改项目300个")."""
        masked = self.masked
        if not self.rules.noun_link.match(masked, m.end()) and not (
                m.group("bound") and self.rules.noun_counted.match(masked, m.end())):
            return False
        start = clause_start(masked, m.start(), self.rules.metric_stop)
        return not self.rules.goal_words.search(masked, start, m.end())

    def in_condition(self, m: regex.Match) -> bool:
        """"超过400万元且适宜由中小企业提供的,…": the match's clause names a condition or a base (it ends in
        condition_end: 的, 时, 基础上;
        looked for within CLAUSE_LIMIT: a page of targets with no stop is read in linear time)."""
        stop = self.rules.metric_stop.search(self.masked, m.end(), m.end() + CLAUSE_LIMIT)
        if stop is None and m.end() + CLAUSE_LIMIT < len(self.masked):
            return False  # (a clause that long names no condition it ends on)
        end = stop.start() if stop else len(self.masked)
        return bool(self.rules.condition_end.search(self.masked, max(m.end(), end - 4), end))

    def _change_starts(self, m: regex.Match) -> bool:
        """"由不低于80%提高至不低于90%": where a change starts, not a target."""
        start = m.start("cmp")
        return bool(self.rules.change_from_bound.search(self.masked, max(0, start - 4), start))

    def _caps_support(self, m: regex.Match, values: list[Value]) -> bool:
        """"予以补助，最高不超过500万元": money the plan gives, capped — a
        condition of the support, not a target (asked of a cap's comparators only)."""
        if not all(v.unit and self.rules.money_unit.search(v.unit) for v in values):
            return False
        start = max(0, m.start() - SUPPORT_REACH, self.sentences.start_of(m.start()))
        return bool(self.rules.support_words.search(self.masked, start, m.start()))

    def _metric_span(self, m: regex.Match, with_comparator: bool, counts: bool = False) -> tuple[int | None, int, int]:
        """The baseline year ("比2015年下降") and the span of the metric: the
        noun after the number when linked to it, else the subject before."""
        end = (m.end("cmp") if m.group("rate") else m.start("cmp")) if with_comparator else m.start("bare")
        clause = clause_start(self.masked, end, self.rules.metric_stop)
        baseline, metric_end = self._baseline(clause, end)
        link = self.rules.noun_link.match(self.masked, m.end())
        if link:  # "50%以上的国家级园区": the metric follows
            return baseline, *metric_after(self.masked, link.end(), self.rules)
        # (the subject's clause is this one unless a baseline year moved its end)
        # (the deadlines a metric can hold: those in its clause, at most CLAUSE_LIMIT before its end)
        near = self.deadlines.within(self.offset + max(0, metric_end - CLAUSE_LIMIT), self.offset + metric_end)
        before = metric_before(self.masked, metric_end, self.rules, near, self.offset, clause if metric_end == end else None)
        if counts and before[0] >= before[1] and self.masked[m.end():m.end() + 1].isalpha() \
                and self.rules.after_metric_stop.match(self.masked, m.end()) is None:
            # (no subject before: "新增10家省级以上创新平台" has its noun after the count)
            return baseline, *metric_after(self.masked, m.end(), self.rules)
        return baseline, *before

    def _counts(self, values: list[Value]) -> bool:
        """Whether the values count things ("10家", "2.2万个"), not shares or sums: a noun may follow them."""
        return all(v.unit and v.unit not in self.rules.ratio_units and not self.rules.money_unit.search(v.unit)
                   for v in values)

    def _baseline(self, start: int, metric_end: int) -> tuple[int | None, int]:
        """The last baseline year stated in the clause (from ``start``) before
        the comparator, and where the metric ends: before that statement."""
        baseline = None
        for b in self.rules.baseline.finditer(self.masked, start, metric_end):
            baseline = int(b.group("year"))
            metric_end = b.start()
        return baseline, metric_end

    def _drop_unitless(self, values: list[Value], start: int, end: int, metrics: list[str]) -> list[Value]:
        """Values without a unit stand only for a metric that has none (an
        index, a ratio): the metric's words as the rules read them (simplified,
        利用係數 is a 系数), or the metric carried over from the target before."""
        if all(v.unit is not None for v in values):
            return values
        unitless = self.rules.unitless_metric
        if unitless.search(self.masked, start, end) or unitless.search("".join(metrics)):
            return values
        return [v for v in values if v.unit is not None]

    def _year(self, m: regex.Match, with_comparator: bool) -> int | None:
        """"由2015年的80%提高到2020年的90%": a year between comparator and value is the target's."""
        if with_comparator and m.group("cmp_year"):
            return int(m.group("cmp_year"))
        return self.year_of(m)

    def _target(self, m: regex.Match, v: Value, metric: str, single: bool, shared: dict) -> Target:
        """A match with one value is raw as a whole; with several, each value is."""
        opening = m.start("values") if _has_comparator(m) and m.group("rate") else m.start()  # (not the rate's 率)
        raw_start = self.offset + (opening if single else v.start)
        raw_end = self.offset + (m.end() if single else v.end)
        while raw_start < raw_end and self.original[raw_start].isspace():
            raw_start += 1
        return Target(
            raw=self.original[raw_start:raw_end],
            metric=metric or None,
            value=v.value,
            value_max=v.value_max,
            unit=v.unit,
            span=(raw_start, raw_end),
            value_span=(self.offset + v.start, self.offset + v.end),
            line=self.line_of(raw_start),
            **shared,
        )

    # -- phrases with no number: "施用总量零增长" ---------------------------------------------

    def fixed_targets(self, matches: list[regex.Match]) -> list[Target]:
        """Targets stated by a phrase with no number ("施用总量零增长"), one a match."""
        out: list[Target] = []
        readings = {phrase: (rid, comparator, value) for rid, phrase, comparator, value in self.rules.fixed}
        for m in matches:
            if self.excluded(m.start()):
                continue
            rid, comparator, value = readings[m.group(0)]
            metric_start, metric_end = subject_before(self.masked, m.start(), self.rules)
            span = (self.offset + m.start(), self.offset + m.end())
            out.append(Target(
                raw=self.original[span[0]:span[1]], metric=self.source(metric_start, metric_end).strip() or None,
                comparator=comparator, value=value, unit=None,  # type: ignore[arg-type]
                year=self.year_of(m), baseline_year=None, span=span, value_span=span, line=self.line_of(span[0]),
                rule=rid,
            ))
        return out


def find_targets(
    text: str,
    offset: int,
    rules: TargetRules,
    original: str,
    line_of,
    deadlines: Sequence[Deadline],
    *,
    exclude: Sequence[tuple[int, int]] = (),
    requires: Mapping[str, Anchors] | None = None,
) -> list[Target]:
    """Targets in a stretch of working-copy text starting at ``offset``.

    ``deadlines`` are those found in the same stretch: a target's year is the
    one of a deadline in its sentence, else the latest 到…年 before it in the
    stretch. ``requires`` (``RuleSet.requires``): the characters a pattern's
    matches hold, by rule id — a stretch without them is not searched.
    """
    masked = mask_titles(text)
    possible = possible_families(text, masked, requires)
    if possible is None:
        return []  # (no pattern of any family can match: most headings, most lines)
    matches = _matches(masked, rules, possible)
    verb_objects = list(twins.finditer(rules.verb_object, masked)) if possible.verb_object else []
    phrases = list(rules.fixed_pattern.finditer(masked)) if possible.fixed else []
    if not (matches or verb_objects or phrases):
        return []  # (most stretches with the characters a target needs hold none)
    stretch = _Stretch(masked, offset, rules, original, line_of, deadlines, exclude)
    out = verb_object_targets(stretch, stretch.comparator_targets(matches), verb_objects)
    out.extend(stretch.fixed_targets(phrases))
    out.sort(key=lambda t: t.span[0])
    return out


def _matches(text: str, rules: TargetRules, possible: Possible) -> list[regex.Match]:
    """Comparator-first matches, and value-first ones that do not overlap them."""
    first = list(twins.finditer(rules.pattern, text)) if possible.comparator else []
    if not possible.bound or not may_hold_bound(text, rules):
        return first  # (a list of numbers with no bound word after it is searched no further)
    taken = Spans(m.span() for m in first)
    more = [m for m in rules.bare_pattern.finditer(text) if not taken.overlaps(*m.span())]
    return sorted(first + more, key=lambda m: m.start())
