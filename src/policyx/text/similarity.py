"""Bag-of-character-bigram similarity of Chinese texts (titles, task texts).

Used to link a table row to the body task it restates and to align the tasks
of two plans.
"""

from __future__ import annotations

import math
import operator
import sys
from collections import Counter
from itertools import chain, repeat
from typing import Iterable

from policyx.text.stored_patterns import compiled

_HAN = compiled(r"\p{Han}+")
# UTF-16 in the machine's byte order: four bytes of it, two code units, read as one number
_UNITS = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
_FIRST_UNIT_SHIFT = 0 if sys.byteorder == "little" else 16  # where a pair's first unit stands in its number
_FIRST, _LAST = operator.itemgetter(0), operator.itemgetter(-1)


def bigrams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _HAN.findall(text):
        grams.update(map(operator.add, run, run[1:]))  # each character with the next, made in C
    return grams


def distinct_bigrams(text: str) -> set[str]:
    """The bigrams of ``text``, each once (no counts: cheaper than :func:`bigrams`)."""
    grams: set[str] = set()
    for run in _HAN.findall(text):
        grams.update(map(operator.add, run, run[1:]))
    return grams


def distinct_bigram_codes(text: str) -> set[int] | None:
    """:func:`distinct_bigrams` as numbers, each the bigram's two characters
    read as one (made in C, where a string is made for each bigram); None
    when a Han run holds a character outside the Basic Multilingual Plane
    (two UTF-16 units: a pair of units is then no bigram)."""
    runs = _HAN.findall(text)
    joined = "\0".join(runs)  # (one text to read the pairs of: a pair with a NUL is no bigram)
    units = joined.encode(_UNITS)
    if len(units) != 2 * len(joined):
        return None
    codes = set(_pair_codes(units))
    # the pairs with a NUL, dropped (each made of one character's unit and a zero unit): a run's
    # last character with the NUL after it, the NUL with the next run's first character
    codes.difference_update(map(operator.lshift, map(ord, "".join(map(_LAST, runs))), repeat(_FIRST_UNIT_SHIFT)))
    codes.difference_update(map(operator.lshift, map(ord, "".join(map(_FIRST, runs))), repeat(16 - _FIRST_UNIT_SHIFT)))
    return codes


def neighbour_codes(text: str) -> Iterable[int] | None:
    """Each character of ``text`` with the next, numbered as
    :func:`distinct_bigram_codes` numbers a bigram; None when the text holds
    a character outside the Basic Multilingual Plane."""
    units = text.encode(_UNITS)
    return _pair_codes(units) if len(units) == 2 * len(text) else None


def _pair_codes(units: bytes) -> Iterable[int]:
    """Each code unit of ``units`` with the next as one number: the pairs
    starting at even units, then those starting at odd ones."""
    count = len(units) // 2
    view = memoryview(units)
    return chain(view[:4 * (count // 2)].cast("I"), view[2:2 + 4 * ((count - 1) // 2)].cast("I"))


def squared_norm(grams: Counter) -> float:
    counts = grams.values()
    return sum(map(operator.mul, counts, counts))  # (each count times itself, in C)


def cosine(a: Counter, b: Counter, norms: tuple[float, float] | None = None) -> float:
    """``norms``: the squared norms of ``a`` and ``b``, when they are known already."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(map(operator.mul, small.values(), map(large.get, small, repeat(0))))  # (a dict's keys and values in one order)
    norm_a, norm_b = norms or (squared_norm(a), squared_norm(b))
    return dot / math.sqrt(norm_a * norm_b)


def char_grams(text: str) -> Counter:
    """Characters and character bigrams of a short text (a title)."""
    runs = _HAN.findall(text)
    # characters but white space, then bigrams, in order of first appearance: all counted in one call, in C
    return Counter(chain("".join(text.split()), *(map(operator.add, run, run[1:]) for run in runs)))
