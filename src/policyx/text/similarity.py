"""Bag-of-character-bigram similarity of Chinese texts (titles, task texts).

Used to link a table row to the body task it restates and to align the tasks
of two plans.
"""

from __future__ import annotations

import math
from collections import Counter

import regex

_HAN = regex.compile(r"\p{Han}+")


def bigrams(text: str) -> Counter:
    grams: Counter = Counter()
    for run in _HAN.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(count * large.get(gram, 0) for gram, count in small.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def char_grams(text: str) -> Counter:
    """Characters and character bigrams of a short text (a title)."""
    grams = Counter(ch for ch in text if not ch.isspace())
    grams.update(bigrams(text))
    return grams
