"""Reading a target's values: "94" → 94, "五千" → 5000, 七成 restated as 70 %;
a list's values in their whole unit, a range's two ends as one value."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from policyx.rules.targets import TargetRules


def restate(value: Decimal, unit: str | None, rules: TargetRules) -> tuple[Decimal, str | None]:
    """A value in the unit the rules read it as: 七成 is 70 %."""
    if unit in rules.unit_as:
        to, factor = rules.unit_as[unit]
        return value * factor, to
    return value, unit


# one-character numbers as cn2an's strict mode reads them (a lone 〇 两 百 千 万 is an error there)
_ONE_DIGIT = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NOT_ALONE = frozenset("〇两百千万")
# every character cn2an reads a number from (its digits, units, financial forms, 点 and 负)
_NUMERAL_CHARS = frozenset("零〇一二三四五六七八九十百千万亿两点负壹贰叁肆伍陆柒捌玖拾佰仟")


def read_value(text: str) -> Decimal | None:
    """"94" → 94, "9.5" → 9.5, "五千" → 5000 (cn2an, inside the captured number only)."""
    if text[:1].isdigit():
        try:
            return Decimal(text.replace(",", "") if "," in text else text)  # ("3,300": thousands set apart)
        except InvalidOperation:
            return None
    if text in _NOT_ALONE or not text:
        return None  # reading numbers: cn2an's strict mode reads none of these alone; no need to import it
    if text in _ONE_DIGIT:
        return Decimal(_ONE_DIGIT[text])  # as cn2an reads them, without its 0.1 s import
    if not _NUMERAL_CHARS.intersection(text):
        return None  # words, not a number ("控制在国家下达指标范围内")
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(text, "strict")))
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return None


class Value(NamedTuple):
    """One value of a match, its span relative to the stretch."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    value_max: Decimal | None = None  # a range's upper end
    written_unit: str | None = None  # the unit as written, before restate ("成" of 70 %)


def in_whole_units(values: list[Value], masked: str, rules: TargetRules) -> list[Value]:
    """A value whose unit begins the next value's longer unit, only a list's
    separator between them, is in that unit: "分别压缩至3个、4个工作日" is 3
    and 4 个工作日 (个 is a unit of its own)."""
    for i in range(len(values) - 2, -1, -1):
        v, after = values[i], values[i + 1]
        if (v.written_unit and after.written_unit and after.written_unit != v.written_unit
                and after.written_unit.startswith(v.written_unit) and v.unit == v.written_unit
                and rules.value_between.fullmatch(masked, v.end, after.start)):
            values[i] = v._replace(unit=after.unit, written_unit=after.written_unit)
    return values


def as_ranges(values: list[Value], masked: str, rules: TargetRules) -> list[Value]:
    """Two values with only a range's word between them ("10至20家",
    "5%—8%") as one value from the first to the second, in the second's
    unit: a range, not a list of two targets."""
    if len(values) < 2:
        return values
    out = [values[0]]
    for v in values[1:]:
        low = out[-1]
        # (an end with no unit is in the other's: "6至7成" is 60 to 70 %)
        start = restate(low.value, v.written_unit, rules)[0] if low.unit is None else low.value
        if (low.value_max is None and start < v.value and (low.unit is None or low.unit == v.unit)
                and rules.value_range.fullmatch(masked, low.end, v.start)):
            out[-1] = Value(low.start, v.end, start, v.unit, v.value, v.written_unit)
        else:
            out.append(v)
    return out
