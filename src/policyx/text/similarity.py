"""Bag-of-character-bigram similarity of Chinese texts (titles, task texts).

Used to link a table row to the body task it restates and to align the tasks
of two plans.
"""

from __future__ import annotations

import math
import operator
from collections import Counter

import regex

_HAN = regex.compile(r"\p{Han}+")


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


def squared_norm(grams: Counter) -> float:
    return sum(v * v for v in grams.values())


def cosine(a: Counter, b: Counter, norms: tuple[float, float] | None = None) -> float:
    """``norms``: the squared norms of ``a`` and ``b``, when they are known already."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(count * large.get(gram, 0) for gram, count in small.items())
    norm_a, norm_b = norms or (squared_norm(a), squared_norm(b))
    return dot / math.sqrt(norm_a * norm_b)


def char_grams(text: str) -> Counter:
    """Characters and character bigrams of a short text (a title)."""
    grams = Counter(text)  # (characters counted in C, white space then dropped)
    for space in [ch for ch in grams if ch.isspace()]:
        del grams[space]
    for run in _HAN.findall(text):
        grams.update(map(operator.add, run, run[1:]))
    return grams
