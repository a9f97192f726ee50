"""Reading a target's value: "94" → 94, "五千" → 5000, 七成 restated as 70 %."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

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
