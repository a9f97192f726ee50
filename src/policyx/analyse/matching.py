"""One-to-one matching of two lists by similarity, solved optimally.

Used to pair gold tasks with extracted ones and a plan's tasks with its parent
plan's.  The assignment maximises total similarity (Jonker–Volgenant, from the
``lap`` package), not first-come greedy pairing.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Callable, Sequence, TypeVar

A = TypeVar("A")
B = TypeVar("B")


def text_similarity(a: str, b: str) -> float:
    """Similarity of two short Chinese texts in [0, 1] (difflib's ratio).

    >>> round(text_similarity("推进污泥处理处置", "推进污泥规范处理处置"), 2)
    0.89
    """
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def match(
    left: Sequence[A],
    right: Sequence[B],
    score: Callable[[A, B], float],
    *,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` maximising the total score; pairs below
    ``threshold`` are left unmatched."""
    if not left or not right:
        return []
    import numpy as np

    scores = np.zeros((len(left), len(right)))
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            scores[i, j] = score(a, b)
    return assign(scores, threshold=threshold)


def assign(scores, *, threshold: float) -> list[tuple[int, int, float]]:
    """The optimal one-to-one assignment for a matrix of scores (rows × columns)."""
    if scores.size == 0:
        return []
    import lap
    import numpy as np

    cost = np.where(scores >= threshold, 1.0 - scores, 2.0)
    _, rows, _ = lap.lapjv(cost, extend_cost=True)
    pairs = []
    for i, j in enumerate(rows):
        if j >= 0 and scores[i, j] >= threshold:
            pairs.append((i, int(j), float(scores[i, j])))
    return pairs


def _vectorise(left: Sequence[Counter], right: Sequence[Counter]):
    """Two count matrices over one vocabulary."""
    import numpy as np

    vocabulary: dict[str, int] = {}
    for counts in (*left, *right):
        for key in counts:
            vocabulary.setdefault(key, len(vocabulary))

    def dense(rows: Sequence[Counter]):
        matrix = np.zeros((len(rows), max(1, len(vocabulary))))
        for i, counts in enumerate(rows):
            for key, value in counts.items():
                matrix[i, vocabulary[key]] = value
        return matrix

    return dense(left), dense(right)


def cosine_matrix(left: Sequence[Counter], right: Sequence[Counter]):
    """Cosine similarity of every pair of count vectors, as a matrix."""
    import numpy as np

    a, b = _vectorise(left, right)
    for matrix in (a, b):
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        matrix /= norms
    return a @ b.T
