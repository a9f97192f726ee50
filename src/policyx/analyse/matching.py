"""One-to-one matching of two lists by similarity, solved optimally.

Used to pair gold tasks with extracted ones and a plan's tasks with its parent
plan's.  The assignment maximises total similarity (Jonker–Volgenant, from the
``lap`` package), not first-come greedy pairing.
"""

from __future__ import annotations

import difflib
import math
from itertools import chain, repeat
from typing import Callable, Mapping, Sequence, TypeVar

from policyx.text.similarity import squared_norm

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
        right_norms.append(norm_of(vector))
        for key, value in vector.items():
            postings.setdefault(key, []).append((j, value))
    out: dict[tuple[int, int], float] = {}
    for i, vector in enumerate(left):
        norm = norm_of(vector)
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


def norm_of(vector: Mapping[str, float]) -> float:
    """The vector's Euclidean norm (its values squared and added in order)."""
    return math.sqrt(squared_norm(vector))


class InvertedIndex:
    """The vectors of ``right`` by key, kept as numpy arrays, to add up what
    left vectors share with each of them in dense rows (a float per right
    vector) without a Python step per shared entry.

    Each sum is exactly that of the loop ``for key in left: for j in the
    right vectors holding key, in order: row[j] += …`` (from 0.0):
    ``np.bincount`` adds its weights one by one in their order, and the
    entries are given to it in the loop's order."""

    ENTRIES = 1 << 18  # entries added in one go at most (a row with more goes alone): about 10 MB of arrays

    def __init__(self, right: Sequence[Mapping[str, float]]) -> None:
        import numpy as np

        vocabulary: dict[str, None] = {}
        for vector in right:
            vocabulary.update(dict.fromkeys(vector))
        self._key_ids = {key: n for n, key in enumerate(vocabulary)}
        sizes = [len(vector) for vector in right]
        keys_array = np.fromiter(map(self._key_ids.__getitem__, chain.from_iterable(right)), dtype=np.intp, count=sum(sizes))
        order = np.argsort(keys_array, kind="stable")  # by key, and within a key by right vector
        self._columns = np.repeat(np.arange(len(right)), sizes)[order]
        self._values = np.fromiter(chain.from_iterable(v.values() for v in right), dtype=np.float64, count=len(keys_array))[order]
        self._counts = np.bincount(keys_array, minlength=len(self._key_ids))
        self._starts = np.cumsum(self._counts) - self._counts
        self.width = len(right)

    def _positions(self, ids):
        """The positions of the entries of the keys numbered ``ids``, key after
        key, and how many each key has."""
        import numpy as np

        lengths = self._counts[ids]
        ends = np.cumsum(lengths)
        total = int(ends[-1]) if len(ends) else 0
        return np.arange(total) + np.repeat(self._starts[ids] - (ends - lengths), lengths), lengths

    def met(self, keys: Sequence[str]):
        """The right vectors holding ``keys``, in the order the loop meets them."""
        import numpy as np

        ids = [n for n in map(self._key_ids.get, keys) if n is not None]
        return self._columns[self._positions(np.asarray(ids, dtype=np.intp))[0]]

    def sums(self, keys: Sequence[Sequence[str]], weights: Sequence[Sequence[float]], *, times_values: bool):
        """A row for each left vector (its keys and their weights): for each
        right vector, the sum over the keys it holds of the key's weight —
        times the right vector's value for the key when ``times_values``."""
        import numpy as np

        ids = np.asarray(list(map(self._key_ids.get, chain.from_iterable(keys), repeat(-1))), dtype=np.intp)
        flat_weights = np.fromiter(chain.from_iterable(weights), dtype=np.float64, count=len(ids))
        row_of_key = np.repeat(np.arange(len(keys)), [len(k) for k in keys])
        known = ids >= 0
        ids, flat_weights, row_of_key = ids[known], flat_weights[known], row_of_key[known]
        # where each row's keys start, and how many entries come before each row
        row_starts = np.searchsorted(row_of_key, np.arange(len(keys) + 1))
        entries_before = np.concatenate(([0], np.cumsum(self._counts[ids])))[row_starts]
        out = np.zeros((len(keys), self.width))
        row = 0
        while row < len(keys):
            stop = max(row + 1, int(np.searchsorted(entries_before, entries_before[row] + self.ENTRIES, side="right")) - 1)
            first, last = row_starts[row], row_starts[stop]
            self._add(out[row:stop], ids[first:last], flat_weights[first:last], row_of_key[first:last] - row, times_values)
            row = stop
        return out

    def _add(self, out, ids, weights, rows, times_values: bool) -> None:
        import numpy as np

        positions, lengths = self._positions(ids)
        entry_weights = np.repeat(weights, lengths)
        if times_values:
            entry_weights *= self._values[positions]
        cells = np.repeat(rows, lengths) * self.width + self._columns[positions]
        out[...] = np.bincount(cells, weights=entry_weights, minlength=out.size).reshape(out.shape)


class CosineRows:
    """:func:`sparse_cosine` as numpy rows: ``rows(indices)`` gives the
    cosine of those left vectors with every right vector (0 where they share
    no key; where they share one, the same floats as :func:`sparse_cosine`)."""

    def __init__(self, left: Sequence[Mapping[str, float]], right: Sequence[Mapping[str, float]]) -> None:
        import numpy as np

        self._keys = [list(v) for v in left]
        self._values = [list(v.values()) for v in left]
        self._left_norms = np.asarray([norm_of(v) for v in left], dtype=np.float64)
        self._right_norms = np.asarray([norm_of(v) for v in right], dtype=np.float64)
        self._index = InvertedIndex(right)

    def rows(self, indices: Sequence[int]):
        """The cosines of the left vectors at ``indices`` with every right
        vector, and whether :func:`sparse_cosine` holds each pair."""
        import numpy as np

        dots = self._index.sums([self._keys[i] for i in indices], [self._values[i] for i in indices], times_values=True)
        norms = self._left_norms[np.asarray(indices, dtype=np.intp)][:, None]
        held = (dots != 0) & (self._right_norms != 0) & (norms != 0)
        return np.divide(dots, norms * self._right_norms, out=np.zeros(dots.shape), where=held), held


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

