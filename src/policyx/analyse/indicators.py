"""What a target measures: its indicator, read from its metric.

A metric ("全疆城市生活垃圾无害化处理率") is read as a scope and a core: the
words for the plan's whole area are dropped (全疆, 全区, the plan's own region
name), named places within it are kept (乌鲁木齐市, 天山北坡, 兵团), then a
settlement (城市, 县城, 农村), and what remains is the core, rewritten to one
name per indicator (再生水利用率 → 污水再生利用率). Two targets are one
indicator when core, scope and unit family agree.  The words are in
``rules/indicators.yaml``; this module is the mechanism.

The comparison of two statements of one indicator is here too: which way is
stricter, given the comparators (85% and ≥85% are the same floor), the
baselines of reductions, and whether absolute amounts may be ranked at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from policyx.model import Target
from policyx.rules.indicators import IndicatorRules
from policyx.text.normalize import comparable

_MAGNITUDE = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "千": Decimal(1000), "百": Decimal(100)}
_EDGE = " \t,，、:：;；.。"
_MIN_CORE = 2  # a core shorter than this names nothing ("乌鲁木齐市、昌吉市" is only places)


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a target applies: named places within the plan's area (none: the
    whole area) and a settlement (city, county-town, rural …)."""

    places: tuple[str, ...] = ()
    settlement: str | None = None
    settlement_word: str | None = None  # as written (城镇, 城市 …)

    def label(self) -> str:
        words = "、".join(self.places)
        return words + (self.settlement_word or "") or "whole area"

    def covers(self, other: "Scope") -> bool:
        """The whole area (of a settlement) holds each of its named places."""
        return not self.places and bool(other.places) and self.settlement == other.settlement


@dataclass(frozen=True, slots=True)
class Reading:
    """A metric as compared: its core, scope, and whether the core names a measure."""

    core: str
    scope: Scope
    measured: bool


def _strip_asides(text: str, rules: IndicatorRules) -> str:
    for _ in range(3):  # nested brackets: at most three levels
        cleaned = rules.aside.sub("", text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _places(text: str, rules: IndicatorRules) -> tuple[tuple[str, ...], str]:
    """Named places at the start of ``text``, one at a time, and what follows them."""
    places: list[str] = []
    rest = text
    while not rules.settlement_start.match(rest):
        m = rules.place.match(rest)
        if m is None:
            break
        if len(rest) - m.end() < _MIN_CORE:
            return tuple(places), ""  # only places ("乌鲁木齐市、昌吉市"): no indicator
        places.append(m.group(0))
        rest = rest[m.end():]
        joiner = rules.place_joiner.match(rest)
        while joiner and joiner.end():
            rest = rest[joiner.end():]
            joiner = rules.place_joiner.match(rest)
    return tuple(places), rest


def read_metric(metric: str | None, rules: IndicatorRules, region_names: tuple[str, ...] = ()) -> Reading | None:
    """The indicator a metric names, or None when it names none (no metric,
    or only places).

    ``region_names`` are the plan's own names for its area ("昌吉州",
    "昌吉回族自治州"): a metric opening with one is for the whole area.
    """
    if not metric:
        return None
    text = rules.enumeration.sub("", comparable(metric).strip(), count=1)
    text = _strip_asides(text, rules)
    text = rules.count.sub("", text).replace(" ", "").strip(_EDGE)
    text = rules.lead_words.sub("", text, count=1)
    m = rules.region_wide.match(text)
    if m:
        text = text[m.end():]
    else:
        own = next((n for n in sorted(region_names, key=len, reverse=True) if n and text.startswith(n)), None)
        if own:
            text = text[len(own):]
    places, text = _places(text.strip(_EDGE), rules)
    settlement, word = None, None
    s = rules.settlement_start.match(text)
    if s:
        word = s.group(0)
        settlement = rules.settlement_of(word).id
        text = text[s.end():]
    elif places and places[-1].endswith("市"):
        settlement = "city"  # 乌鲁木齐市污水再生利用率: a city's
    core = text.strip(_EDGE)
    if places and rules.measure.fullmatch(core):
        # "达标城市比例": a measure alone is no core; the "place" was its subject
        core, places, settlement, word = "".join(places) + (word or "") + core, (), None, None
    for rewrite in rules.rewrites:
        core = rewrite.pattern.sub(rewrite.to, core)
    if len(core) < _MIN_CORE:
        return None
    return Reading(core, Scope(places, settlement, word), bool(rules.measure.search(core)))


def unit_family(unit: str | None, rules: IndicatorRules, unscaled: frozenset[str] = frozenset()) -> tuple[str, Decimal]:
    """A unit's family and the factor to its base: 550 亿立方米 is
    550 × 10^8 立方米; 6.6 万亩 is 66000 亩; 1 公顷 is 15 亩; no unit is ""."""
    unit = unit or ""
    factor = Decimal(1)
    if len(unit) > 1 and unit[0] in _MAGNITUDE and unit not in unscaled:
        factor, unit = _MAGNITUDE[unit[0]], unit[1:]
    if unit in rules.unit_families:
        base, more = rules.unit_families[unit]
        return base, factor * more
    return unit, factor


@dataclass(frozen=True, slots=True)
class Verdict:
    direction: str  # stricter | looser | same | incomparable
    note: str | None = None


_FLOOR = {">=": 1, ">": 2}
_CAP = {"<=": 1, "<": 2}
_KIND = {"decrease": "cut", "increase": "rise"}


def polarity(core: str, statements: list[Target], rules: IndicatorRules, lower_wording=None) -> str:
    """Which way an indicator is better: "higher", "lower", or "cut" (its value
    is the size of a cut). The comparators decide first (a cap ≤ is set on what
    is better lower), then the core's words."""
    if rules.names_a_cut.search(core):
        return "cut"
    comparators = {t.comparator for t in statements}
    if comparators & set(_CAP):
        return "lower"
    if comparators & set(_FLOOR):
        return "higher"
    if lower_wording is not None and any(t.comparator == "=" and lower_wording.search(t.raw) for t in statements):
        return "lower"
    return "lower" if rules.lower_is_better.search(core) else "higher"


def _strength(comparator: str, better: str) -> int | None:
    """How binding a level is: about (~) < reach (=, ≥ / ≤) < beyond (>, <); None
    when it binds the other way (a cap on what is better higher)."""
    if comparator == "~":
        return 0
    if comparator == "=":
        return 1
    table = _FLOOR if better == "higher" else _CAP
    return table.get(comparator)


def compare_statements(x: Target, y: Target, better: str, *, rankable_amounts: bool, rules: IndicatorRules,
                       unscaled: frozenset[str] = frozenset(), areas: str = "",
                       ratios: frozenset[str] = frozenset({"%"})) -> Verdict:
    """B's target ``y`` against A's ``x`` for one indicator (``areas`` names
    the two plans' areas, for the note when amounts are not ranked; ``ratios``
    are the units that rank between any two plans, as does no unit)."""
    family_x, factor_x = unit_family(x.unit, rules, unscaled)
    family_y, factor_y = unit_family(y.unit, rules, unscaled)
    if family_x != family_y or x.value is None or y.value is None:
        return Verdict("incomparable", f"in other units: {x.unit or 'none'} and {y.unit or 'none'}")
    kind_x, kind_y = _KIND.get(x.comparator, "level"), _KIND.get(y.comparator, "level")
    if better == "cut":
        kind_x, kind_y = ("cut" if k == "level" else k for k in (kind_x, kind_y))
    if family_x and family_x not in ratios and not rankable_amounts:
        return Verdict("incomparable", "absolute amounts are not ranked between plans of different levels or regions"
                                       + (f" ({areas})" if areas else ""))
    if kind_x != kind_y:
        return Verdict("incomparable", f"a {kind_x} against a {kind_y}")
    if kind_x in ("cut", "rise") and x.baseline_year != y.baseline_year:
        return Verdict("incomparable", f"against different baselines: {_baseline(x)} (A) and {_baseline(y)} (B)")
    a, b = Decimal(x.value) * factor_x, Decimal(y.value) * factor_y
    if kind_x != "level":
        return _ordered(a, b, higher_is_stricter=True, strength=(0, 0))
    strength = (_strength(x.comparator, better), _strength(y.comparator, better))
    if None in strength:
        return Verdict("incomparable", "a floor against a cap")
    return _ordered(a, b, higher_is_stricter=better == "higher", strength=strength)  # type: ignore[arg-type]


def _ordered(a: Decimal, b: Decimal, *, higher_is_stricter: bool, strength: tuple[int, int]) -> Verdict:
    if a != b:
        return Verdict("stricter" if (b > a) == higher_is_stricter else "looser")
    if strength[1] != strength[0]:
        return Verdict("stricter" if strength[1] > strength[0] else "looser")
    return Verdict("same")


def _baseline(t: Target) -> str:
    return f"比{t.baseline_year}年" if t.baseline_year else "no baseline year"
