"""Text in traditional script read as simplified, one character for one (OpenCC's conversion)."""

from __future__ import annotations

import functools
import re

from policyx.text.fold import fold
from policyx.text.traditional import TRADITIONAL

# Common characters that exist only in traditional script; a few of them mark a
# text worth converting (the conversion itself is OpenCC's). ``re``: it scans a
# set of Han characters several times faster than ``regex``.
_TRADITIONAL_HINT = re.compile(
    "[們這來對為發會經與區縣產業務環護廳據應實關將過進還時點門開問題電長東華國圖說話讓議計劃農廠氣資設當現機構飲條運標項準轉監測處質導]"
)


# The traditional forms of the characters of role words and labels (牵头, 负责, 配合, 协办, 牵头单位, 责任部门 …)
_STRAY_TRADITIONAL = re.compile("[牽頭負責協參與單辦門實務關組織]")


@functools.lru_cache(maxsize=1)
def _traditional_only() -> re.Pattern:
    """A character only traditional script has (what OpenCC's t2s changes)."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(TRADITIONAL)) + "]")


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, one character for one.

    OpenCC converts the text; where a phrase rule would change a line's
    length, that line is converted character by character instead, so offsets
    never move.

    >>> to_simplified("自治區環保廳牽頭")
    '自治区环保厅牵头'
    """
    if len(_TRADITIONAL_HINT.findall(text, 0, 50000)) < 3:
        # (a simplified text with a stray traditional character in a role word, as an OCR of a scan leaves:
        # "市住建局牽头", "縣衛健局協辦": then every character only traditional script has is converted, one for one)
        return _traditional_only().sub(lambda m: _converter().convert(m.group()), text) if _STRAY_TRADITIONAL.search(text) \
            else text
    converter = _converter()
    whole = converter.convert(text)
    if len(whole) == len(text):
        return whole
    lines = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        lines.append(converted)
    return "\n".join(lines)


def comparable(text: str) -> str:
    """A short string (a title, a name) in the form rules and comparisons use:
    simplified characters, plain punctuation. Offsets are not kept.

    >>> comparable("（一）工作目標")
    '(一)工作目标'
    """
    if TRADITIONAL.isdisjoint(text):
        return fold(text)  # nothing OpenCC would change: no need to load it
    return fold(_converter().convert(text))
