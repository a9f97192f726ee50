"""Pairing the targets of two plans by indicator, wherever each plan states them.

Every target of a plan — in a task, in its 主要指标 paragraph, in an indicator
table — is a *statement* of an indicator (``indicators.read_metric``). A plan
may state one indicator several times (用水总量 in its 主要指标 and again in a
task); the statements of one indicator are kept together, with every line.
Two plans' indicators pair when they are the same indicator (core, scope and
unit family), and also

- ``split``: one plan sets it for its whole area, the other per place only
  (再生水利用率: 乌鲁木齐市 30%, 其他城市 20% against 城市 60%); compared
  with each place;
- ``subject``: one plan names only what is measured about ("村庄生活垃圾90%
  以上基本得到有效处理" reads as 生活垃圾), the other a measure of it; paired,
  never ranked.

Each pair is compared at one year (a year both plans set it for, else each
plan's latest) and gets a direction: stricter / looser / same / incomparable,
with a note saying why it is incomparable.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from policyx.analyse.indicators import Reading, Scope, Verdict, compare_statements, polarity, read_metric, unit_family
from policyx.model import Target, Task
from policyx.rules.indicators import IndicatorRules


@dataclass(frozen=True, slots=True)
class Statement:
    """One target as a statement of an indicator."""

    target: Target
    task: Task | None  # None for the plan's own targets
    reading: Reading
    family: str

    @property
    def key(self) -> tuple:
        r = self.reading
        return r.core, r.scope.places, r.scope.settlement, self.family

    @property
    def line(self) -> int:
        return self.target.line


@dataclass(frozen=True, slots=True)
class IndicatorPair:
    indicator: str  # the core compared (A's)
    relation: str  # same | split | subject
    a: tuple[Statement, ...]  # the statements compared
    b: tuple[Statement, ...]
    direction: str  # stricter | looser | same | incomparable
    note: str | None
    every_a: tuple[Statement, ...]  # every statement of the indicator in A
    every_b: tuple[Statement, ...]

    @property
    def lines_a(self) -> tuple[int, ...]:
        return tuple(sorted({s.line for s in self.every_a}))

    @property
    def lines_b(self) -> tuple[int, ...]:
        return tuple(sorted({s.line for s in self.every_b}))


@dataclass(frozen=True, slots=True)
class IndicatorComparison:
    pairs: tuple[IndicatorPair, ...]
    only_a: tuple[tuple[Statement, ...], ...]  # an indicator's statements, unpaired
    only_b: tuple[tuple[Statement, ...], ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a comparison needs from the rule files."""

    indicators: IndicatorRules
    lower_wording: object = None  # targets.yaml lower_is_stricter ("降至", "控制在")
    unscaled: frozenset[str] = frozenset()  # targets.yaml unscaled_units (万元 stays 万元)
    ratios: frozenset[str] = frozenset({"%"})  # targets.yaml ratio_units: ranked between any two plans


def statements(targets: Iterable[tuple[Target, Task | None]], vocabulary: Vocabulary,
               region_names: tuple[str, ...] = ()) -> list[Statement]:
    """The targets that state a known indicator with a value."""
    out = []
    for target, task in targets:
        if target.value is None:
            continue
        reading = read_metric(_with_verb(target), vocabulary.indicators, region_names)
        if reading is None:
            continue
        family, _ = unit_family(target.unit, vocabulary.indicators, vocabulary.unscaled)
        out.append(Statement(target, task, reading, family))
    return _resolve_same_as(out, vocabulary.indicators)


def _with_verb(target: Target) -> str | None:
    """The metric of a verb-object target with its verb: 压减灌溉面积 and
    改善灌溉面积 are two indicators, though both objects are 灌溉面积."""
    metric = target.metric
    if not metric or target.rule != "target.verb_object":
        return metric
    at = target.raw.find(metric)
    return target.raw[:at] + metric if at > 0 else metric


def _resolve_same_as(found: list[Statement], rules: IndicatorRules) -> list[Statement]:
    """城镇 reads as 城市 unless the plan sets the same core for both."""
    by_core = defaultdict(set)
    for s in found:
        by_core[(s.reading.core, s.family)].add(s.reading.scope.settlement)
    out = []
    for s in found:
        settlement = s.reading.scope.settlement
        spec = next((x for x in rules.settlements if x.id == settlement), None)
        if spec is not None and spec.same_as and spec.same_as not in by_core[(s.reading.core, s.family)]:
            scope = Scope(s.reading.scope.places, spec.same_as, s.reading.scope.settlement_word)
            s = Statement(s.target, s.task, Reading(s.reading.core, scope, s.reading.measured), s.family)
        out.append(s)
    return out


def _groups(found: Sequence[Statement]) -> dict[tuple, list[Statement]]:
    groups: dict[tuple, list[Statement]] = {}
    for s in found:
        groups.setdefault(s.key, []).append(s)
    return groups


def pair_indicators(a: Sequence[Statement], b: Sequence[Statement], vocabulary: Vocabulary, *,
                    same_area: bool, areas: str = "") -> IndicatorComparison:
    """Pair two plans' statements by indicator and compare each pair. A whole
    area is held against its places, and a subject against a measure of it,
    only between plans for one area (another region's places are not ours)."""
    groups_a, groups_b = _groups(a), _groups(b)
    matches: list[tuple[str, list[tuple], list[tuple]]] = [("same", [k], [k]) for k in groups_a if k in groups_b]
    left_a = [k for k in groups_a if k not in groups_b]
    left_b = [k for k in groups_b if k not in groups_a]
    related = _related(left_a, left_b, groups_a, groups_b) if same_area else ()
    for relation, keys_a, keys_b in related:
        matches.append((relation, keys_a, keys_b))
        left_a = [k for k in left_a if k not in keys_a]
        left_b = [k for k in left_b if k not in keys_b]
    pairs = []
    for relation, keys_a, keys_b in matches:
        every_a = [s for k in keys_a for s in groups_a[k]]
        every_b = [s for k in keys_b for s in groups_b[k]]
        pairs.append(_compare(relation, every_a, every_b, vocabulary, same_area=same_area, areas=areas))
    pairs.sort(key=lambda p: (p.lines_a[0], p.lines_b[0]))
    return IndicatorComparison(tuple(pairs), tuple(tuple(groups_a[k]) for k in left_a),
                               tuple(tuple(groups_b[k]) for k in left_b))


def _related(left_a: list[tuple], left_b: list[tuple], groups_a: dict, groups_b: dict):
    """Indicators that pair without being one: a whole area and its places
    (``split``), a subject and a measure of it (``subject``). Yields
    (relation, A keys, B keys)."""
    taken: set[tuple] = set()
    for side, mine, theirs, groups in (("a", left_a, left_b, groups_a), ("b", left_b, left_a, groups_b)):
        other = "b" if side == "a" else "a"
        for key in mine:
            if (side, key) in taken:
                continue
            core, places, settlement, family = key
            free = [k for k in theirs if (other, k) not in taken and k[3] == family and k[2] == settlement]
            if groups[key][0].reading.measured:
                relation, partners = "split", [k for k in free if k[0] == core]
            else:
                other_groups = groups_b if side == "a" else groups_a
                relation, partners = "subject", [k for k in free if k[0] != core and k[0].startswith(core)
                                                 and other_groups[k][0].reading.measured]
                if len({k[0] for k in partners}) != 1:
                    continue
            chosen = _covered(Scope(places, settlement), partners)
            if not chosen:
                continue
            taken.add((side, key))
            taken.update((other, k) for k in chosen)
            yield (relation, [key], chosen) if side == "a" else (relation, chosen, [key])


def _covered(scope: Scope, partners: list[tuple]) -> list[tuple]:
    """The partner keys that ``scope`` pairs with: the same scope, else — for
    the whole area — every named place of the other plan."""
    same = [k for k in partners if k[1] == scope.places]
    if same:
        return same
    if not scope.places:
        return [k for k in partners if k[1]]
    return []


def _at_year(group: list[Statement], year) -> list[Statement]:
    return [s for s in group if s.target.year == year]


def _latest(years: set) -> object:
    return max(years, key=lambda y: (y is not None, y or 0))


def _compare(relation: str, every_a: list[Statement], every_b: list[Statement], vocabulary: Vocabulary, *,
             same_area: bool, areas: str) -> IndicatorPair:
    years_a = {s.target.year for s in every_a}
    years_b = {s.target.year for s in every_b}
    common = years_a & years_b
    chosen_a = _at_year(every_a, _latest(common) if common else _latest(years_a))
    chosen_b = _at_year(every_b, _latest(common) if common else _latest(years_b))
    core = every_a[0].reading.core
    better = polarity(core, [s.target for s in (*every_a, *every_b)], vocabulary.indicators, vocabulary.lower_wording)
    same_place = every_a[0].reading.scope.places == every_b[0].reading.scope.places and \
        bool(every_a[0].reading.scope.places) and "其他" not in every_a[0].reading.scope.places
    if relation == "subject":
        subject, measured = (every_a[0], every_b[0]) if not every_a[0].reading.measured else (every_b[0], every_a[0])
        side = "A" if subject is every_a[0] else "B"
        verdict = Verdict("incomparable", f"{side} names only what is measured about ({subject.reading.core}), "
                                          f"not how; the other sets {measured.reading.core}")
    else:
        verdict = _verdict(chosen_a, chosen_b, better, vocabulary, rankable=same_area or same_place, areas=areas)
    return IndicatorPair(core, relation, tuple(chosen_a), tuple(chosen_b), verdict.direction, verdict.note,
                         tuple(every_a), tuple(every_b))


def _distinct(group: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for s in group:
        t = s.target
        key = (t.comparator, t.value, t.value_max, t.unit, t.baseline_year, s.reading.scope.places)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _verdict(chosen_a: list[Statement], chosen_b: list[Statement], better: str, vocabulary: Vocabulary, *,
             rankable: bool, areas: str) -> Verdict:
    """One direction for the pair: the one every statement of A and B agree
    on, else incomparable, saying how they differ."""
    verdicts = []
    for x in _distinct(chosen_a):
        for y in _distinct(chosen_b):
            v = compare_statements(x.target, y.target, better, rankable_amounts=rankable, rules=vocabulary.indicators,
                                   unscaled=vocabulary.unscaled, areas=areas, ratios=vocabulary.ratios)
            verdicts.append((x, y, v))
    incomparable = [v for _, _, v in verdicts if v.direction == "incomparable"]
    if incomparable:
        return incomparable[0]
    directions = {v.direction for _, _, v in verdicts}
    if len(directions) == 1:
        return verdicts[0][2]
    detail = "; ".join(f"{_where(x)} → {_where(y)}: {v.direction}" for x, y, v in verdicts)
    return Verdict("incomparable", f"the statements disagree: {detail}")


def _where(s: Statement) -> str:
    places = "、".join(s.reading.scope.places)
    return f"{places + ' ' if places else ''}{s.target.raw} (line {s.line})"
