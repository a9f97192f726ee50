"""Compiled target rules (``rules/targets.yaml``): comparators, bounds, units, metric trimming."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from policyx.errors import RulesError
from policyx.rules.loader import NEVER, alternation, optional_pattern, optional_patterns
from policyx.text.anchors import gated

# (digits taken whole; a number is read from the start of its run only, so
# that a long run of digits is scanned once: see rules/safety.py)
# (with its thousands set apart: "3,300万吨", "1,234.5"; the working copy's comma is ",")
_ARABIC = r"[0-9]++(?:,[0-9]{3}(?![0-9]))*+(?:\.[0-9]++)?"
_ARABIC_START = rf"(?<![0-9])(?<![0-9],){_ARABIC}"
# the numerals a number is read from (reading numbers stays here; the words are in targets.yaml)
_CHINESE = "零一二三四五六七八九十百千万两〇"
_NUMBER = rf"(?:{_ARABIC_START}|(?<![{_CHINESE}])[{_CHINESE}]+)"


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
    value_range: regex.Pattern  # 至, —: all that stands between a range's two ends ("10至20家")
    value_between: regex.Pattern  # 、 和 至: all that stands between two values of a list or a range
    verb_object: regex.Pattern
    verb_object_more: regex.Pattern  # "、建筑垃圾分类池20个": the next object and count of a verb's list
    counted_more: regex.Pattern  # "、100项重大科技成果": the next count of a list of counts before their nouns
    fixed: tuple[tuple[str, str, str, Decimal], ...]  # (id, phrase, comparator, value)
    fixed_pattern: regex.Pattern
    verb_finder: regex.Pattern
    verb_of: dict[str, str]
    goal_words: regex.Pattern
    noun_link: regex.Pattern  # 的: the metric follows the number (after a word for a size: 规模的)
    noun_counted: regex.Pattern  # a noun and its count after a bound figure: the figure qualifies the noun
    noun_link_end: regex.Pattern  # …and trailing links trimmed off a verb's object
    change_from: regex.Pattern  # 由 before a value: where a change starts (no target, no metric)
    change_from_bound: regex.Pattern  # 由 before a comparator: "由不低于80%提高至…" (searched on what precedes it)
    condition_end: regex.Pattern  # "…提供的,", "…达到6%时,": a clause that names a condition (searched on its words)
    policy_rate: regex.Pattern  # 费率, 返还比例: a metric that is a term of the policy
    support_after: regex.Pattern  # "…的100%给予奖励": a value a support is measured by (matched where the value ends)
    after_metric_stop: regex.Pattern
    after_deadline: regex.Pattern
    completes_deadline: regex.Pattern  # "前完成": all a clause holds after a deadline that dates the target before it
    lower_is_stricter: regex.Pattern  # for `policyx diff`
    support_words: regex.Pattern  # 补助, 贷款: a money value after them caps a support, no target
    money_unit: regex.Pattern
    sentence_year: regex.Pattern  # "2025年全市PM2.5浓度低于…": the year of a sentence's targets
    target_box: regex.Pattern  # a 专栏 whose numbers are the plan's targets, by its title
    target_field: regex.Pattern  # a labelled clause's field of targets: "工作目标："
    list_item_stops: regex.Pattern  # "其中", "约占": a listed item that breaks the list down, or is a share
    another_kind: regex.Pattern  # in a listed object counted in another unit: a size or those served, no thing built
    linked_documents: regex.Pattern  # a count of documents linked to a verb's object: references, no work
    prohibition: regex.Pattern  # "严禁…设置2个": a count forbidden, no target
    floor_before_verb: regex.Pattern  # "至少建成1所": a verb's count that is a floor
    achieved_before_verb: regex.Pattern  # "已完成投资12.3亿元": a verb's count of work done, no target
    comparator_in: regex.Pattern  # a bounding comparator in a verb's object: the count is not the verb's
    object_not_opening: regex.Pattern  # "出", "由", "全省": what a verb's object does not open with
    bound_after: regex.Pattern  # a bound right after a verb's count: "安排30%左右的场地" is "~ 30"
    ratio_units: frozenset[str]
    unscaled_units: frozenset[str]
    duration_units: frozenset[str]  # 个月, 天: a verb's count in them is a duration
    digit_units: frozenset[str]  # 次: a count in them is one only when written in digits
    units: frozenset[str] = frozenset()
    respectively: regex.Pattern | None = None  # "分别": before a verb too ("分别新增…2500个、3500个")
    unit_as: dict[str, tuple[str, Decimal]] = field(default_factory=dict)
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[str, ...] = ()


def _word_classes(section: dict | None) -> dict[str, str]:
    """{class: [word, ...]} in the yaml → {word: class}."""
    return {str(w): str(c) for c, words in (section or {}).items() for w in words or ()}


def _not_a_value_after(data: dict) -> str:
    """After a value, a digit or these words mean it is not a quantity: a date, a grade, a class, an ordinal."""
    words = data.get("not_a_value_after")
    return rf"(?![0-9.]|\s*(?:{words}))" if words else r"(?![0-9.])"


def _value_pattern(unit: str, not_after: str) -> str:
    """One value and its unit, in groups ``num`` and ``unit``."""
    return rf"(?P<num>{_NUMBER}){not_after}\s*+(?P<unit>{unit})?"


def _values_pattern(number: str, unit: str, separators: str, not_after: str) -> str:
    """A list of values, each with its unit or none, ``separators`` between them
    (at most 16: a list is read from each of its values, so an unbounded one
    would be read to its end from each)."""
    one = rf"{number}{not_after}\s*+(?:{unit})?"
    return rf"{one}(?:\s*+(?:{separators})\s*+{one}){{0,15}}"


def _comparator_words(comparator_of: dict[str, str], not_after: dict[str, str]) -> str:
    """The comparator words, longest first, each behind the characters it may
    not follow."""
    return "|".join(
        (f"(?<!{not_after[w]})" if w in not_after else "") + regex.escape(w)
        for w in sorted(comparator_of, key=len, reverse=True)
    )


def _comparator_pattern(cmp_words: str, unit: str, bound: str, data: dict) -> str:
    """A comparator, then values, then a bound: "分别达到80%、90%左右"."""
    # "由2015年的80%提高到2020年的90%": the year between comparator and value is the target's
    # (with no such words the group still exists, and never matches)
    cmp_year = rf"(?:(?:{data['comparator_year']})\s*+)?" if data.get("comparator_year") else r"(?P<cmp_year>(?!x)x)?"
    separators = "|".join(f"(?:{data[key]})" for key in ("value_list", "value_range") if data.get(key)) or NEVER
    values = _values_pattern(_NUMBER, unit, separators, _not_a_value_after(data))
    respectively = rf"(?:(?P<respectively>{data['respectively']})\s*+)?" if data.get("respectively") else ""
    # "不低于绩效工资总量的70%": a share of something named between comparator and value
    share_of = rf"(?:{data['share_of']}(?=\s*+{_ARABIC}\s*+%))?" if data.get("share_of") else ""
    # "整改率100%": a rate's level straight after it (group rate: its 率, read as "=")
    rate_level = f"(?P<rate>{data.get('rate_level') or NEVER})"
    return rf"{respectively}(?P<cmp>{cmp_words}|{rate_level})\s*+{cmp_year}{share_of}(?P<values>{values})\s*+{bound}?"


def _bare_pattern(unit: str, bound: str, data: dict) -> str:
    """Values, then a bound: "50%以上"."""
    # without a comparator before it, a value must be written in digits: "一" is everywhere
    separators = data.get("value_list") or NEVER
    bare_values = _values_pattern(_ARABIC_START, unit, separators, _not_a_value_after(data))
    # a list is read from its first value, not again from each of the others
    # ("1、2、3、…" read from every value was quadratic in the list's length)
    not_in_list = rf"(?<![0-9](?:{unit})?\s{{0,2}}(?:{separators}))"
    # …nor where a change starts: "由30%以上…提高至40%以上"
    not_a_start = rf"(?<!{data['change_from']})" if data.get("change_from") else ""
    return gated(rf"{not_in_list}{not_a_start}(?P<bare>{bare_values})\s*+{bound}")


def _verb_object_pattern(verb_of: dict[str, str], unit: str, not_after: str, in_name: dict[str, str],
                         value_range: str | None = None) -> str:
    """A verb, its object, then a count in digits with its unit: "新增省级以上创新平台10家"
    (each verb with its guard of ``in_name`` after it: not one inside a name, "建设银行");
    the count may be a range, its upper end in group ``num_max``: "建设3-5个示范园区"."""
    if not verb_of:
        return NEVER
    return (
        # the object may name a technology with a number in it: "新增5G基站1000座"
        rf"(?P<verb>{alternation(verb_of, in_name)})(?P<object>(?:[^,，;；。:：\n0-9]|[0-9](?=[0-9]{{0,3}}[A-Za-z])){{0,24}}?)"
        rf"(?P<num>(?<![A-Za-z第]){_ARABIC})"  # (not a count glued to a name's letters: "年产NF312000吨", nor an ordinal: "第3次")
        rf"(?:[ \t]{{0,2}}+(?:{value_range or NEVER})[ \t]{{0,2}}+(?P<num_max>{_ARABIC}))?"
        rf"{not_after}\s*+(?P<unit>{unit})"
    )


def _verb_object_more_pattern(data: dict, unit: str, verb_of: dict[str, str]) -> str:
    """After a verb-object count, the next of its list, by a value list's
    separator: "新建建筑垃圾中转站8个、建筑垃圾分类池20个" (matched where the count
    before ends), with a verb of its own in group ``action``: "、实施安防工程1200公里",
    or a count alone, of the same object: "分别新增公共充电桩2500个、3500个、4000个"."""
    if not (data.get("value_list") and verb_of):
        return NEVER
    actions = data.get("list_item_verbs") or NEVER
    return (rf"(?:{data['value_list']})(?P<action>{actions})?(?P<object>[^,，;；。:：\n0-9、]{{0,24}}?)"
            rf"(?P<num>(?<![A-Za-z]){_ARABIC}){_not_a_value_after(data)}\s*+(?P<unit>{unit})")


# the comparators that bound a level: one of them in a verb's object takes its count from the verb
# ("高于行业平均水平20%"); not those that are verbs too (提升, 实现 in "改造提升老旧小区300个")
_BOUNDING = (">=", "<=", ">", "<", "~")


def _verb_patterns(data: dict, unit: str, verb_of: dict[str, str], comparator_of: dict[str, str]) -> dict[str, regex.Pattern]:
    """The patterns of the verb-object reading: a verb, its object and count; the
    next of a list after it, by object or by count; a bounding comparator in
    the object; the words it may not open with."""
    bounding = [w for w, c in comparator_of.items() if c in _BOUNDING and len(w) > 1]
    not_a_value = _not_a_value_after(data)
    in_name = {str(v): str(guard) for v, guard in (data.get("verb_in_name") or {}).items()}
    return {
        "verb_object": regex.compile(_verb_object_pattern(verb_of, unit, not_a_value, in_name, data.get("value_range"))),
        "verb_object_more": regex.compile(_verb_object_more_pattern(data, unit, verb_of)),
        "counted_more": regex.compile(rf"(?:{data.get('value_list') or NEVER})\s*+(?P<num>(?<![A-Za-z]){_ARABIC})"
                                      rf"{not_a_value}\s*+(?P<unit>{unit})"),
        "comparator_in": regex.compile(_alternation_or_never(bounding)),
        "object_not_opening": optional_pattern(data.get("object_not_opening")),
    }


def _unit_sets(data: dict) -> dict[str, frozenset[str]]:
    """The units, and those of a ratio, of an amount compared as written, of time, of digits only."""
    return {key: frozenset(str(u) for u in data.get(key) or ())
            for key in ("units", "ratio_units", "unscaled_units", "duration_units", "digit_units")}


def _fixed(data: dict) -> tuple[tuple[str, str, str, Decimal], ...]:
    """The phrases with no number, as (id, phrase, comparator, value)."""
    return tuple((str(f["id"]), str(f["phrase"]), str(f["comparator"]), Decimal(str(f["value"])))
                 for f in data.get("fixed") or ())


def _unit_as(data: dict) -> dict[str, tuple[str, Decimal]]:
    """{unit: (unit it is restated in, factor)}: 成 is 10 %."""
    return {str(u): (str(to), Decimal(str(factor))) for u, (to, factor) in (data.get("unit_as") or {}).items()}


def _unit_pattern(units: list, data: dict) -> str:
    """A unit as written: one of ``units``, with a magnitude before it (10万处, 200万批次)
    and a denominator of ``unit_per`` after it (30万立方米/日, 0.95元/立方米) when the plan writes them."""
    words = alternation([str(u) for u in units])
    magnitude = _alternation_or_never(map(str, data.get("unit_magnitudes") or []))
    per = alternation(map(str, data.get("unit_per") or [])) or NEVER
    return f"(?:(?:{magnitude})?(?:{words})(?:/(?:{per}))?)"


def _alternation_or_never(words) -> str:
    return alternation(list(words)) if words else NEVER


def compile_target_rules(data: dict, *, where: str = "targets.yaml") -> TargetRules:
    comparators = data.get("comparators") or {}
    units = data.get("units") or []
    if not comparators or not units:
        raise RulesError(f"{where}: fields 'comparators' and 'units' are required")
    comparator_of = _word_classes(comparators)
    bound_of = _word_classes(data.get("bounds"))
    unit = _unit_pattern(units, data)
    bound = f"(?P<bound>{_alternation_or_never(bound_of)})"
    # two patterns, not one alternation: together they defeat the regex
    # engine's literal-prefix search and run ten times slower
    not_after = {str(w): str(chars) for w, chars in (data.get("comparator_not_after") or {}).items()}
    pattern = _comparator_pattern(_comparator_words(comparator_of, not_after), unit, bound, data)
    bare_pattern = _bare_pattern(unit, bound, data)
    fixed = _fixed(data)
    verb_of = _word_classes(data.get("verb_object"))
    link = data.get("noun_link")
    if data.get("comparator_year") and "(?P<cmp_year>" not in str(data["comparator_year"]):
        raise RulesError(f"{where}: field 'comparator_year': the pattern needs a group named 'cmp_year'")
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
            value_pattern=regex.compile(_value_pattern(unit, _not_a_value_after(data))),
            value_range=regex.compile(rf"[ \t]{{0,2}}+(?:{data.get('value_range') or NEVER})[ \t]{{0,2}}+"),
            value_between=regex.compile(rf"[ \t]{{0,2}}+(?:{data.get('value_list') or NEVER}|{data.get('value_range') or NEVER})[ \t]{{0,2}}+"),
            **_verb_patterns(data, unit, verb_of, comparator_of),
            fixed=fixed,
            fixed_pattern=regex.compile(_alternation_or_never([f[1] for f in fixed])),
            verb_finder=regex.compile(_alternation_or_never(verb_of)),
            verb_of=verb_of,
            goal_words=optional_pattern(data.get("goal_words")),
            noun_link=optional_pattern(f"(?:{data['noun_size']})?(?:{link})" if link and data.get("noun_size") else link),
            noun_counted=optional_pattern(data.get("noun_counted")),
            # (a run of links is tried from its start only: linear)
            noun_link_end=regex.compile(rf"(?<!(?:{link}))(?:{link})+\Z" if link else NEVER),
            change_from=regex.compile(rf"(?:{data['change_from']})(?=[0-9])" if data.get("change_from") else NEVER),
            **optional_patterns(data, "after_metric_stop", "after_deadline", "completes_deadline", "lower_is_stricter", "support_words", "money_unit",
                                "sentence_year", "target_box", "target_field", "list_item_stops", "another_kind", "linked_documents", "prohibition", "floor_before_verb", "achieved_before_verb",
                                "change_from_bound", "condition_end", "policy_rate", "support_after"),
            bound_after=regex.compile(rf"[ \t]{{0,4}}+{bound}"),  # (matched at a count's end)
            respectively=optional_pattern(data.get("respectively")),
            **_unit_sets(data),
            unit_as=_unit_as(data),
            examples=tuple(data.get("examples") or ()),
            counterexamples=tuple(data.get("counterexamples") or ()),
        )
    except regex.error as exc:
        raise RulesError(f"{where}: {exc}") from None
