"""Where sentences and phrases end, in one place.

Plans end a sentence with 。！？ and, in lists of measures, with ；. A phrase
(分句) ends at a comma as well. Both are read on the working copy, where
full-width punctuation is already half-width (，→ , ；→ ; ！→ ! ？→ ? ：→ :).
Brackets are skipped: a comma inside "各县（市、区）人民政府" or a clause
"（环保局牵头，发改委负责）" ends nothing.
"""

from __future__ import annotations

import re

import regex

from policyx.text.fold import SENTENCE_DOT
from policyx.text.stored_patterns import compiled

SENTENCE_END = "。!?;"
STRONG_END = "。!?"
PHRASE_END = SENTENCE_END + ",:、"
COMMA = ","
OPENERS = "([【〔〈《“‘"
CLOSERS = ")]】〕〉》”’"
_PAIR = dict(zip(CLOSERS, OPENERS))
# The same stops as patterns, in either script (for text that is not folded:
# table cells, a document's lines).
# (and a half-width "." that ends a sentence: text/fold.py)
SENTENCE_STOP = compiled(f"[。!?;！？；]|{SENTENCE_DOT}", regex.M)
PHRASE_STOP = compiled(f"[。!?;！？；,，]|{SENTENCE_DOT}", regex.M)
STRONG_STOP = compiled("[。!?！？]")  # (not ；, nor a half-width dot: a run-together table row's first sentence)
# the brackets an aside or a clause stands in, in either script ("（牵头单位:…）", "各县(市、区)")
BRACKET_OPENERS = "(（〔【["
BRACKET_CLOSERS = ")）〕】]"


def find_end(text: str, start: int, end: int, stops: str) -> int:
    """The offset of the first character of ``stops`` in ``text[start:end]``
    that stands outside brackets and quotes, or ``end``."""
    depth = 0
    for m in _scanner(stops).finditer(text, start, end):  # only the brackets and stops
        ch = m.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops:
            return m.start()
    return end


_SCANNERS: dict[str, re.Pattern] = {}


def _scanner(stops: str) -> re.Pattern:
    """One character of the brackets, quotes or ``stops`` (``re``: a set scanned in C)."""
    scanner = _SCANNERS.get(stops)
    if scanner is None:
        chars = sorted(set(OPENERS + CLOSERS + stops))
        scanner = _SCANNERS[stops] = re.compile("[" + "".join(re.escape(c) for c in chars) + "]")
    return scanner


def first_sentence(text: str, start: int, end: int, *, stops: str = STRONG_END) -> tuple[int, int]:
    """The span of the first sentence of ``text[start:end]``, without its stop
    and surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    stop = find_end(text, start, end, stops)
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def first_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the opening phrase (up to the first comma or stop)."""
    return first_sentence(text, start, end, stops=SENTENCE_END + COMMA + ":")


def commas(text: str, start: int, end: int) -> int:
    """How many commas stand outside brackets and quotes in ``text[start:end]``."""
    count, position = 0, start
    while True:
        position = find_end(text, position, end, COMMA)
        if position >= end:
            return count
        count += 1
        position += 1


def ends_sentence(text: str) -> bool:
    """Does ``text`` (a line) end the way a sentence or a clause does?"""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END + ":" + CLOSERS + "…"
