"""Alignment scored with numpy, rows at a time (alignment._RowFeatures,
matching.InvertedIndex / CosineRows), gives the pure-Python scoring's floats
to the bit: the cosines, the shares of words held and which unit holds most,
the similarity of every pair, and so the same pairs and also links."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_file, extract_text
from policyx.analyse import alignment, matching
from policyx.analyse.alignment import Settings, plan_units, procedural

from .conftest import CORPUS
from .test_alignment import WORDS

# -- the pure-Python computations the numpy rows must give, as they were written (kept here, ----
# -- apart from the code, so that a change to both cannot pass unseen) ------------------------


def reference_cosine(left, right) -> dict[tuple[int, int], float]:
    postings: dict = {}
    right_norms = []
    for j, vector in enumerate(right):
        right_norms.append(math.sqrt(sum(v * v for v in vector.values())))
        for key, value in vector.items():
            postings.setdefault(key, []).append((j, value))
    out = {}
    for i, vector in enumerate(left):
        norm = math.sqrt(sum(v * v for v in vector.values()))
        if not norm:
            continue
        dots: dict = {}
        for key, value in vector.items():
            for j, weight in postings.get(key, ()):
                dots[j] = dots.get(j, 0.0) + value * weight
        for j, dot in dots.items():
            if right_norms[j] and dot:
                out[(i, j)] = dot / (norm * right_norms[j])
    return out


def reference_holders(texts, titles, wholes, idf):
    """Per part, the unit holding most of it, its share and the next share (None: none holds any)."""
    postings: dict = {}
    for j, grams in enumerate(wholes):
        for gram in grams:
            postings.setdefault(gram, []).append(j)
    out = []
    for text, title in zip(texts, titles):
        best: dict = {}
        for part in (text, title):
            total = sum(idf[g] for g in part)
            if total <= 0:
                continue
            held: dict = {}
            for gram in part:
                for j in postings.get(gram, ()):
                    held[j] = held.get(j, 0.0) + idf[gram]
            for j, value in held.items():
                if value / total > best.get(j, 0.0):
                    best[j] = value / total
        if not best:
            out.append(None)
            continue
        ranked = sorted(best.items(), key=lambda item: -item[1])
        out.append((ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0))
    return out


# -- random sparse vectors ---------------------------------------------------------------------

KEYS = st.sampled_from([*"水污泥处理加强", "污水", "处理", "加强", "建设", "管网"])  # few keys: most pairs share some
FLOATS = st.floats(min_value=1e-3, max_value=50.0, allow_nan=False, allow_infinity=False)
VALUES = st.one_of(st.integers(min_value=1, max_value=9), FLOATS)
VECTORS = st.lists(st.dictionaries(KEYS, VALUES, max_size=8), max_size=12)


def _dense(rows, n_left, n_right):
    return {(i, j): float(rows[0][i, j]) for i in range(n_left) for j in range(n_right) if rows[1][i, j]}


@settings(max_examples=300, deadline=None)
@given(VECTORS, VECTORS)
def test_cosine_rows_are_the_loops_floats(left, right):
    rows = matching.CosineRows(left, right).rows(range(len(left)))
    assert _dense(rows, len(left), len(right)) == reference_cosine(left, right)  # ==: the same floats, not close ones
    assert matching.sparse_cosine(left, right) == reference_cosine(left, right)


@settings(max_examples=100, deadline=None)
@given(VECTORS, VECTORS, st.integers(min_value=1, max_value=6))
def test_rows_added_in_several_goes_are_those_added_in_one(left, right, entries):
    whole = matching.CosineRows(left, right).rows(range(len(left)))
    small = matching.CosineRows(left, right)
    small._index.ENTRIES = entries
    parts = small.rows(range(len(left)))
    assert (whole[0] == parts[0]).all() and (whole[1] == parts[1]).all()


GRAMS = st.lists(st.sampled_from(["污水", "处理", "加强", "建设", "管网", "节水", "河长"]), max_size=6).map(Counter)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(GRAMS, GRAMS), max_size=10), st.lists(GRAMS, min_size=1, max_size=10),
       st.lists(FLOATS, min_size=7, max_size=7), st.integers(min_value=0, max_value=4), st.integers(min_value=1, max_value=80))
def test_row_holders_are_the_loops(parts, wholes, weights, copies, cells):
    wholes = wholes * (1 + copies)  # units said again hold as much: equal shares, taken in the loop's order
    idf = dict(zip(["污水", "处理", "加强", "建设", "管网", "节水", "河长"], weights))
    texts, titles = [text for text, _ in parts], [title for _, title in parts]
    features = object.__new__(alignment._RowFeatures)
    features.idf, features.CELLS = idf, cells  # (rows in blocks of a few)
    assert features._holders(texts, titles, wholes) == reference_holders(texts, titles, wholes, idf)
    sparse = object.__new__(alignment._SparseFeatures)
    sparse.idf = idf
    assert sparse._holders(texts, titles, wholes) == reference_holders(texts, titles, wholes, idf)


def test_blocks_cover_every_row_once_and_hold_at_most_the_cells():
    assert alignment._blocks(10, 3, 7) == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
    assert alignment._blocks(3, 100, 7) == [(0, 1), (1, 2), (2, 3)]  # a row wider than the cells goes alone
    assert alignment._blocks(0, 5, 7) == []


# -- both scorings on real plans ---------------------------------------------------------------

SETTINGS = [
    alignment.SETTINGS,
    Settings((0.2, 0.4, 0.2, 0.2), 0.35, 0.5, 0.0, 1.0),  # section and position alone reach it: every pair scored
    Settings((0.4, 0.6, 0.0, 0.0), 0.25, 0.4, 0.0, 0.6),  # no margin: equal shares make a link
]


def _cases():
    xinjiang, changji = extract_file("xinjiang"), extract_file("changji")
    text = (CORPUS / "xinjiang-water-2016.txt").read_text(encoding="utf-8")
    twice = extract_text("\n".join([text, text]), doc_id="twice")
    return [(xinjiang, changji), (changji, xinjiang), (twice, changji), (changji, twice)]


@pytest.fixture(scope="module")
def cases():
    return _cases()


@pytest.mark.parametrize("index", range(4))
def test_both_scorings_give_the_same_similarities_links_and_pairs(cases, index):
    a, b = cases[index]
    units_a, units_b = plan_units(a), plan_units(b)
    proc_a = procedural(a, units_a, WORDS.procedural_section, WORDS.procedural_title)
    proc_b = procedural(b, units_b, WORDS.procedural_section, WORDS.procedural_title)
    sparse = alignment._SparseFeatures(a, b, units_a, units_b)
    rows = alignment._RowFeatures(a, b, units_a, units_b)
    assert rows.held() == sparse.held()
    for setting in SETTINGS:
        scores = rows.similarity(setting, proc_a, proc_b)
        assert list(scores.items()) == list(sparse.similarity(setting, proc_a, proc_b).items())  # in the same order too
        assert all(score >= setting.threshold for score in scores.values())
        assert (alignment.align_units(a, b, units_a, units_b, proc_a, proc_b, setting, rows)
                == alignment.align_units(a, b, units_a, units_b, proc_a, proc_b, setting, sparse))


def test_large_plans_are_scored_with_numpy_small_ones_without(cases, monkeypatch):
    a, b = cases[0]
    units_a, units_b = plan_units(a), plan_units(b)
    assert type(alignment.features_of(a, b, units_a, units_b)) is alignment._SparseFeatures
    monkeypatch.setattr(alignment, "NUMPY_FROM", len(units_a) * len(units_b))
    assert type(alignment.features_of(a, b, units_a, units_b)) is alignment._RowFeatures
