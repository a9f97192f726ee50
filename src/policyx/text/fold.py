"""One-for-one character folding: full-width ASCII and odd spaces to plain ones.

Every later stage matches rules against folded text, so "（一）" and "(一)",
"１．" and "1." read alike, and no offset moves.
"""

from __future__ import annotations

import re

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

    >>> fold("（一）１．")
    '(一)1.'
    """
    found = _FOLDABLE.search(text)
    while found is not None:
        ch = found.group()
        text = text.replace(ch, _FOLDED[ch])
        found = _FOLDABLE.search(text, found.start())
    return text
