"""Word's automatic list numbering, turned into the markers Word displays.

A numbered paragraph holds no marker in its text: it names a list
(``w:numId``) and a level (``w:ilvl``), directly or through its style, and
``numbering.xml`` says how that level counts (``w:numFmt``: decimal,
chineseCounting 一 二 …, ideographTraditional 甲 乙 …, decimalEnclosedCircle ①
…), what it shows (``w:lvlText``: "%1、", "（%2）", "%1.%2") and when it
starts again (``w:lvlRestart``; by default after any higher level). Lists
that share an abstract definition count on together unless one restarts
(``w:startOverride``), as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.text.stored_patterns import compiled

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_PLACEHOLDER = compiled(r"%([1-9])")
# a marker that ends in a letter, a digit or a character ("2.1", "第一章") is
# set off from the text by Word's tab or space; one ending in a mark ("一、",
# "（一）", "1.", "①") runs into it
_NEEDS_SPACE = compiled(r"[A-Za-z0-9０-９\p{Han}]$")


def chinese(n: int, digits: str = _DIGITS, units: tuple[str, str, str] = ("十", "百", "千")) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 10000)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts = [(n // 1000) % 10, (n // 100) % 10, (n // 10) % 10, n % 10]
    names = (units[2], units[1], units[0], "")
    out, zero = "", False
    for digit, unit in zip(parts, names):
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        out += ("" if digit == 1 and unit == units[0] and not out else digits[digit]) + unit
    return out


def _letters(n: int, upper: bool) -> str:
    letter = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalHalfWidth": str,
    "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "taiwaneseCounting": chinese,
    "taiwaneseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "ideographLegalTraditional": lambda n: chinese(n, "零壹貳參肆伍陸柒捌玖", ("拾", "佰", "仟")),
    "chineseLegalSimplified": lambda n: chinese(n, _LEGAL, ("拾", "佰", "仟")),
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],
    "upperLetter": lambda n: _letters(n, True),
    "lowerLetter": lambda n: _letters(n, False),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restarts after levels above this (1-based); 0 never
    suffix: str = "tab"  # tab | space | nothing
    legal: bool = False  # w:isLgl: every number decimal


def _val(element, tag: str, default=None):
    child = element.find(f"{W}{tag}") if element is not None else None
    return child.get(f"{W}val", default) if child is not None else default


def _int(value, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _level(lvl) -> Level:
    return Level(
        start=_int(_val(lvl, "start"), 1) or 0,
        fmt=_val(lvl, "numFmt", "decimal"),
        text=_val(lvl, "lvlText", ""),
        restart=_int(_val(lvl, "lvlRestart")),
        suffix=_val(lvl, "suff", "tab"),
        legal=lvl.find(f"{W}isLgl") is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
    )


def _levels(parent) -> dict[int, Level]:
    return {_int(lvl.get(f"{W}ilvl"), 0) or 0: _level(lvl) for lvl in parent.findall(f"{W}lvl")}


class Numbering:
    """The lists of one document and their counters, advanced paragraph by
    paragraph in reading order."""

    def __init__(self, numbering, styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}  # abstract id → numbering style it takes its levels from
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id → (numId, ilvl, basedOn)
        self.counters: dict[str, list[int | None]] = {}
        if styles is not None:
            for style in styles.findall(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                self.styles[style.get(f"{W}styleId", "")] = (
                    _val(num_pr, "numId"), _val(num_pr, "ilvl"), _val(style, "basedOn"))
        if numbering is None:
            return
        for abstract in numbering.findall(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId", "")
            self.abstract[key] = _levels(abstract)
            link = _val(abstract, "numStyleLink")
            if link:
                self.style_link[key] = link
        for num in numbering.findall(f"{W}num"):
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0) or 0
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
            self.nums[num.get(f"{W}numId", "")] = (_val(num, "abstractNumId", ""), overrides, starts)

    def paragraph_list(self, ppr) -> tuple[str, int] | None:
        """The (numId, level) a paragraph is numbered with, from its own
        properties or its style's; None when it is not numbered."""
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        style = _val(ppr, "pStyle")
        seen: set[str] = set()
        while (num_id is None or ilvl is None) and style and style not in seen:
            seen.add(style)
            s_num, s_lvl, style = self.styles.get(style, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, min(8, max(0, _int(ilvl, 0) or 0))

    def _definition(self, num_id: str) -> tuple[str, dict[int, Level]]:
        abstract_id, overrides, _ = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        link = self.style_link.get(abstract_id)
        if link and not levels:
            linked = self.styles.get(link, (None, None, None))[0]
            if linked and linked in self.nums and linked != num_id:
                abstract_id, _ = self._definition(linked)
                levels = self.abstract.get(abstract_id, {})
        return abstract_id, {**levels, **overrides}

    def marker(self, num_id: str, ilvl: int) -> str:
        """The marker Word shows before the paragraph, its counter advanced
        ("" for a bullet or a level that shows nothing)."""
        abstract_id, levels = self._definition(num_id)
        starts = self.nums[num_id][2]
        key = f"num:{num_id}" if starts else f"abstract:{abstract_id}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 9
        level = levels.get(ilvl, Level())
        start = starts.get(ilvl, level.start)
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, 9):
            restart = levels.get(deeper, Level()).restart
            if restart is None or ilvl < restart:
                counters[deeper] = None
        if level.fmt in ("bullet", "none") or not level.text:
            return ""

        def number(m: regex.Match) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, Level())
            value = counters[k] if counters[k] is not None else starts.get(k, lvl.start)
            fmt = "decimal" if level.legal else lvl.fmt
            return _FORMATS.get(fmt, str)(value)

        text = _PLACEHOLDER.sub(number, level.text)
        if level.suffix != "nothing" and _NEEDS_SPACE.search(text):
            text += " "
        return text
