"""Compiled target rules (``rules/targets.yaml``): comparators, bounds, units, metric trimming."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from policyx.errors import RulesError
from policyx.rules.loader import NEVER, alternation, optional_pattern

_NUMBER = r"(?:[0-9]+(?:\.[0-9]+)?|[零一二三四五六七八九十百千万两〇]+)"
# after a value, these mean it is not a quantity: a date, a grade, a class, an ordinal
_NOT_A_VALUE_AFTER = r"(?![0-9.]|\s*(?:年|月|日|号|级|类|期|届|次会议|号文|条河|个五年|是))"


@dataclass(frozen=True, slots=True)
class TargetRules:
    pattern: regex.Pattern  # a comparator, then values: "不低于94%"
    bare_pattern: regex.Pattern  # values, then a bound: "50%以上的…"
    comparator_of: dict[str, str]
    bound_of: dict[str, str]
    metric_stop: regex.Pattern
    trim_start: regex.Pattern
    trim_end: regex.Pattern
    baseline: regex.Pattern
    retrospective: regex.Pattern
    unitless_metric: regex.Pattern
    value_pattern: regex.Pattern
    verb_object: regex.Pattern
    fixed: tuple[tuple[str, str, str, Decimal], ...]  # (id, phrase, comparator, value)
    fixed_pattern: regex.Pattern
    verb_finder: regex.Pattern
    verb_of: dict[str, str]
    goal_words: regex.Pattern
    units: frozenset[str] = frozenset()
    unit_as: dict[str, tuple[str, Decimal]] = field(default_factory=dict)
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[str, ...] = ()


def compile_target_rules(data: dict, *, where: str = "targets.yaml") -> TargetRules:
    comparators = data.get("comparators") or {}
    bounds = data.get("bounds") or {}
    units = data.get("units") or []
    if not comparators or not units:
        raise RulesError(f"{where}: fields 'comparators' and 'units' are required")
    comparator_of = {str(w): str(c) for c, words in comparators.items() for w in words or ()}
    bound_of = {str(w): str(c) for c, words in bounds.items() for w in words or ()}
    unit = f"(?:{alternation([str(u) for u in units])})"
    value = rf"(?P<num>{_NUMBER}){_NOT_A_VALUE_AFTER}\s*(?P<unit>{unit})?"
    values = rf"{_NUMBER}{_NOT_A_VALUE_AFTER}\s*(?:{unit})?(?:\s*[、和及至到~—-]\s*{_NUMBER}{_NOT_A_VALUE_AFTER}\s*(?:{unit})?)*"
    # without a comparator before it, a value must be written in digits: "一" is everywhere
    arabic = r"[0-9]+(?:\.[0-9]+)?"
    bare_values = rf"{arabic}{_NOT_A_VALUE_AFTER}\s*(?:{unit})?(?:\s*[、和及]\s*{arabic}{_NOT_A_VALUE_AFTER}\s*(?:{unit})?)*"
    bound = f"(?P<bound>{alternation(list(bound_of)) if bound_of else NEVER})"
    # two patterns, not one alternation: together they defeat the regex
    # engine's literal-prefix search and run ten times slower
    not_after = {str(w): str(chars) for w, chars in (data.get("comparator_not_after") or {}).items()}
    cmp_words = "|".join(
        (f"(?<!{not_after[w]})" if w in not_after else "") + regex.escape(w)
        for w in sorted(comparator_of, key=len, reverse=True)
    )
    # "由2015年的80%提高到2020年的90%": the year between comparator and value is the target's
    cmp_year = r"(?:(?P<cmp_year>(?:19|20)[0-9]{2})\s*年\s*(?:底|末)?\s*的?\s*)?"
    pattern = rf"(?:(?P<respectively>分别|各|均)\s*)?(?P<cmp>{cmp_words})\s*{cmp_year}(?P<values>{values})\s*{bound}?"
    bare_pattern = rf"(?P<bare>{bare_values})\s*{bound}"
    fixed = tuple((str(f["id"]), str(f["phrase"]), str(f["comparator"]), Decimal(str(f["value"])))
                  for f in data.get("fixed") or ())
    verbs = data.get("verb_object") or {}
    verb_of = {str(w): str(c) for c, words in verbs.items() for w in words or ()}
    verb_object = (
        # the object may name a technology with a number in it: "新增5G基站1000座"
        rf"(?P<verb>{alternation(list(verb_of))})(?P<object>(?:[^,，;；。:：\n0-9]|[0-9](?=[0-9]{{0,3}}[A-Za-z])){{0,24}}?)"
        rf"(?P<num>[0-9]+(?:\.[0-9]+)?)"
        rf"{_NOT_A_VALUE_AFTER}\s*(?P<unit>{unit})"
        if verb_of else NEVER
    )
    try:
        return TargetRules(
            pattern=regex.compile(pattern),
            bare_pattern=regex.compile(bare_pattern),
            comparator_of=comparator_of,
            bound_of=bound_of,
            metric_stop=regex.compile(data.get("metric_stop") or r"[,，;；。\n]"),
            trim_start=optional_pattern(data.get("metric_trim_start")),
            trim_end=optional_pattern(data.get("metric_trim_end")),
            baseline=optional_pattern(data.get("baseline")),
            retrospective=optional_pattern(data.get("retrospective_sections")),
            unitless_metric=optional_pattern(data.get("unitless_metric")),
            value_pattern=regex.compile(value),
            verb_object=regex.compile(verb_object),
            fixed=fixed,
            fixed_pattern=regex.compile(alternation([f[1] for f in fixed]) if fixed else NEVER),
            verb_finder=regex.compile(alternation(list(verb_of)) if verb_of else NEVER),
            verb_of=verb_of,
            goal_words=optional_pattern(data.get("goal_words")),
            units=frozenset(str(u) for u in units),
            unit_as={str(u): (str(to), Decimal(str(factor))) for u, (to, factor) in (data.get("unit_as") or {}).items()},
            examples=tuple(data.get("examples") or ()),
            counterexamples=tuple(data.get("counterexamples") or ()),
        )
    except regex.error as exc:
        raise RulesError(f"{where}: {exc}") from None
