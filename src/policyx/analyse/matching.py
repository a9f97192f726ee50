"""One-to-one matching of two lists by similarity, solved optimally.

Used to pair gold tasks with extracted ones and a plan's tasks with its parent
plan's.  The assignment maximises total similarity (Jonker–Volgenant, from the
``lap`` package), not first-come greedy pairing.
"""

from __future__ import annotations

import difflib
import math
from typing import Callable, Mapping, Sequence, TypeVar

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
    scores = {(i, j): score(a, b) for i, a in enumerate(left) for j, b in enumerate(right)}
    return assign_sparse(scores, threshold=threshold)


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


def sparse_cosine(left: Sequence[Mapping[str, float]], right: Sequence[Mapping[str, float]]) -> dict[tuple[int, int], float]:
    """Cosine similarity of the pairs of count vectors that share a key (every
    other pair is 0), found through an inverted index of ``right``: the work
    grows with the pairs that share words, not with all pairs."""
    postings: dict[str, list[tuple[int, float]]] = {}
    right_norms = []
    for j, vector in enumerate(right):
        right_norms.append(math.sqrt(sum(v * v for v in vector.values())))
        for key, value in vector.items():
            postings.setdefault(key, []).append((j, value))
    out: dict[tuple[int, int], float] = {}
    for i, vector in enumerate(left):
        norm = math.sqrt(sum(v * v for v in vector.values()))
        if not norm:
            continue
        dots: dict[int, float] = {}
        for key, value in vector.items():
            for j, weight in postings.get(key, ()):
                dots[j] = dots.get(j, 0.0) + value * weight
        for j, dot in dots.items():
            if right_norms[j] and dot:
                out[(i, j)] = dot / (norm * right_norms[j])
    return out


def assign_sparse(scores: Mapping[tuple[int, int], float], *, threshold: float) -> list[tuple[int, int, float]]:
    """The optimal one-to-one assignment (as :func:`assign`) when only the
    pairs in ``scores`` can reach ``threshold``: solved apart for each group
    of rows and columns the pairs connect, so that no matrix of all rows by
    all columns is made."""
    edges = {pair: score for pair, score in scores.items() if score >= threshold}
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, j in edges:
        parent[root(("a", i))] = root(("b", j))
    groups: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for i, j in edges:
        groups.setdefault(root(("a", i)), []).append((i, j))
    pairs: list[tuple[int, int, float]] = []
    for group in groups.values():
        rows = sorted({i for i, _ in group})
        cols = sorted({j for _, j in group})
        if len(group) == 1:
            pairs.append((rows[0], cols[0], edges[group[0]]))
        elif min(len(rows), len(cols)) <= SMALL:
            pairs.extend((i, j, edges[(i, j)]) for i, j in _hungarian(rows, cols, edges))
        else:
            import numpy as np

            matrix = np.zeros((len(rows), len(cols)))
            row_of = {i: k for k, i in enumerate(rows)}
            col_of = {j: k for k, j in enumerate(cols)}
            for i, j in group:
                matrix[row_of[i], col_of[j]] = edges[(i, j)]
            pairs.extend((rows[r], cols[c], score) for r, c, score in assign(matrix, threshold=threshold))
    return sorted(pairs)


SMALL = 40  # groups with at most this many rows or columns are solved without numpy and lap


def _hungarian(rows: list[int], cols: list[int], edges: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The assignment :func:`assign` finds, for one small group: maximise the
    sum of (1 + score) over the pairs taken among ``edges`` (a pair outside
    them costs as much as leaving both unpaired). Kuhn–Munkres with
    potentials on the smaller side, in O(n² m)."""
    transpose = len(rows) > len(cols)
    left, right = (cols, rows) if transpose else (rows, cols)

    def cost(u: int, v: int) -> float:
        score = edges.get((v, u) if transpose else (u, v))
        return 1.0 - score if score is not None else 2.0

    n, m = len(left), len(right)
    inf = float("inf")
    u_pot, v_pot = [0.0] * (n + 1), [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the left index (1-based) holding right j; 0: none
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        slack, way, used = [inf] * (m + 1), [0] * (m + 1), [False] * (m + 1)
        while owner[j0]:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    current = cost(left[i0 - 1], right[j - 1]) - u_pot[i0] - v_pot[j]
                    if current < slack[j]:
                        slack[j], way[j] = current, j0
                    if slack[j] < delta:
                        delta, j1 = slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u_pot[owner[j]] += delta
                    v_pot[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    taken = []
    for j in range(1, m + 1):
        if owner[j]:
            u, v = left[owner[j] - 1], right[j - 1]
            pair = (v, u) if transpose else (u, v)
            if pair in edges:
                taken.append(pair)
    return taken

