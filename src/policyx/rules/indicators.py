"""Compiled indicator rules (``rules/indicators.yaml``): the words that tell
whether two targets measure the same thing, and which way is stricter.

The loader reads every ``rules/*.yaml``; this module compiles the
``indicators`` file of a RuleSet once (the RuleSet itself knows nothing of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from policyx.rules.loader import RuleSet, compiled_once, optional_pattern, optional_patterns


@dataclass(frozen=True, slots=True)
class Settlement:
    id: str  # the scope compared: city, county-town, rural …
    words: tuple[str, ...]
    same_as: str | None  # a scope it reads as, unless a plan sets both (城镇 → city)
    examples: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Rewrite:
    id: str
    pattern: regex.Pattern
    to: str
    examples: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class IndicatorRules:
    aside: regex.Pattern
    count: regex.Pattern
    enumeration: regex.Pattern
    lead_words: regex.Pattern
    region_wide: regex.Pattern
    place: regex.Pattern
    place_joiner: regex.Pattern
    settlements: tuple[Settlement, ...]
    settlement_start: regex.Pattern  # any settlement word at the start, longest first
    rewrites: tuple[Rewrite, ...]
    measure: regex.Pattern
    lower_is_better: regex.Pattern
    names_a_cut: regex.Pattern
    unit_families: dict[str, tuple[str, Decimal]]  # unit -> (base, factor)

    def settlement_of(self, word: str) -> Settlement:
        return next(s for s in self.settlements if word in s.words)


def _pairs(items, where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for item in items or ():
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise ValueError(f"{where}: each example is [as written, as read]")
        out.append((str(item[0]), str(item[1])))
    return tuple(out)


def _settlements(data: list) -> tuple[Settlement, ...]:
    out = []
    for item in data or ():
        if "id" not in item or not item.get("words"):
            raise ValueError("field 'settlements': each entry needs an id and words")
        out.append(Settlement(str(item["id"]), tuple(str(w) for w in item["words"]), item.get("same_as"),
                              _pairs(item.get("examples"), f"settlement {item['id']!r}")))
    ids = {s.id for s in out}
    for s in out:
        if s.same_as is not None and s.same_as not in ids:
            raise ValueError(f"settlement {s.id!r}: same_as {s.same_as!r} is no settlement id")
    return tuple(out)


def _rewrites(data: list) -> tuple[Rewrite, ...]:
    out = []
    for item in data or ():
        if "id" not in item or "pattern" not in item or "to" not in item:
            raise ValueError("field 'rewrites': each entry needs an id, a pattern and what it becomes (to)")
        out.append(Rewrite(str(item["id"]), regex.compile(item["pattern"]), str(item["to"] or ""),
                           _pairs(item.get("examples"), f"rewrite {item['id']!r}")))
    return tuple(out)


def _unit_families(data: list) -> dict[str, tuple[str, Decimal]]:
    out: dict[str, tuple[str, Decimal]] = {}
    for item in data or ():
        base = str(item["base"])
        for unit, factor in (item.get("units") or {}).items():
            out[str(unit)] = (base, Decimal(str(factor)))
    return out


def compile_indicator_rules(data: dict) -> IndicatorRules:
    settlements = _settlements(data.get("settlements"))
    words = sorted({w for s in settlements for w in s.words}, key=lambda w: (-len(w), w))
    start = "^(?:" + "|".join(regex.escape(w) for w in words) + ")" if words else None
    return IndicatorRules(
        **optional_patterns(data, "aside", "count", "enumeration", "lead_words", "region_wide", "place",
                              "place_joiner"),
        settlements=settlements,
        settlement_start=optional_pattern(start),
        rewrites=_rewrites(data.get("rewrites")),
        **optional_patterns(data, "measure", "lower_is_better", "names_a_cut"),
        unit_families=_unit_families(data.get("unit_families")),
    )


def indicator_rules(rules: RuleSet):
    """The indicator vocabulary of a rule set, compiled once per set of files."""
    return compiled_once(rules, "indicators", compile_indicator_rules)
