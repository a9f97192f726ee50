"""One-for-one character folding: full-width ASCII and odd spaces to plain
ones, the angle brackets of a unit's role to round ones, and a half-width "."
that ends a sentence to "。".

Every later stage matches rules against folded text, so "（一）" and "(一)",
"１．" and "1." read alike, and no offset moves.
"""

from __future__ import annotations

import re

import regex

from policyx.text.stored_patterns import compiled

_FOLD_MAP = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_MAP.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: 0x20, 0xFEFF: 0x20})
_FOLDED = {chr(code): chr(to) for code, to in _FOLD_MAP.items()}
# Each character to fold that a text holds is found by ``re`` (a set of code
# points, scanned in C) and replaced throughout at once; the search for the
# next goes on from there, where none of the first is left. Several times
# faster than str.translate, which looks each character of the text up in a
# table, and than listing every match (a plan holds thousands of "，").
# (What a character becomes is never one that folds again, so the order does not matter.)
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLDED)) + "]")


def fold(text: str) -> str:
    """Map full-width ASCII and odd spaces to their plain forms, one char for one.

    >>> fold("（一）１．县住建局〈牵头〉")
    '(一)1.县住建局(牵头)'
    """
    found = _FOLDABLE.search(text)
    while found is not None:
        ch = found.group()
        text = text.replace(ch, _FOLDED[ch])
        found = _FOLDABLE.search(text, found.start())
    if "〈" in text:
        text = _ANGLED_ROLE.sub(_round, text)
    return text


# the angle brackets a small office writes a unit's role in, "县住建局〈牵头〉、县城管局"
# (county-abbreviated-departments-2025); not a title's inside a title, "《…转发〈关于…的意见〉的通知》"
_ANGLED_ROLE = re.compile("〈((?:分别|共同)?(?:牵头|配合|负责|主办|协办|参与|主责))〉")


def _round(match: re.Match) -> str:
    return f"({match.group(1)})"


_NUMERAL = "一二三四五六七八九十百零〇"
# A half-width "." ending a sentence, as a copy that made all punctuation half-width writes
# "。" ("…工业污染防治.取缔…"): after a word, a closing bracket or a percentage, not after a
# heading's marker ("一." "(一)." "(A)." "第一章." "专栏一.") nor before a file's or site's
# lower-case ending ("政策文件.html"); after a decimal (提高到0.57.) or Latin letters (扩容至5G.) when words, a
# bracket or the line's end follow, not after a letter that is a list's marker ("A.加强").
# Never in a number (1.5, 1.) or an ellipsis. (The full-width closers for unfolded text: table cells.)
SENTENCE_DOT = (
    r"\.(?!\.)(?:"
    r"(?<=[\p{Han}%％)）\]】」』》”’]\.)(?![a-z]{2,5}(?![A-Za-z]))"
    rf"(?<!(?:^|[^\p{{Han}}])[{_NUMERAL}]{{1,4}}\.)"
    rf"(?<!(?:专栏|附件|附表|附录|表|图)[ \t]{{0,2}}[{_NUMERAL}]{{1,4}}\.)"
    rf"(?<![(（\[〔][ \t]{{0,2}}[{_NUMERAL}0-9A-Za-z]{{1,4}}[ \t]{{0,2}}[)）\]〕]\.)"
    rf"(?<!第[ \t]{{0,2}}[{_NUMERAL}0-9]{{1,4}}[ \t]{{0,2}}[章节条篇]\.)"
    r"|(?<=(?:\p{Han}[0-9]{1,9}\.[0-9]{1,9}|[A-Za-z\"'])\.)(?<!(?:^|[\s(（\[])[A-Za-z]\.)(?=[\p{Han}(\[〔【“《]|[ \t]*$)"
    r")"
)
_SENTENCE_DOT = compiled(SENTENCE_DOT, regex.M)


def sentence_dots(text: str) -> str:
    """Each half-width "." that ends a sentence made "。", one char for one.

    >>> sentence_dots("(一)狠抓工业污染防治.取缔小企业.PM2.5下降10%.\\n一.总体要求")
    '(一)狠抓工业污染防治。取缔小企业。PM2.5下降10%。\\n一.总体要求'
    >>> sentence_dots("系数提高到0.57.扩容至5G.加快.2.推进1.5万亩")
    '系数提高到0.57。扩容至5G。加快。2.推进1.5万亩'
    >>> sentence_dots("专栏一.重点工程\\n附件一.分工表\\nA.加强\\n(A).推进\\n见政策文件.html")
    '专栏一.重点工程\\n附件一.分工表\\nA.加强\\n(A).推进\\n见政策文件.html'
    """
    if "." not in text:
        return text
    return _SENTENCE_DOT.sub("。", text)
