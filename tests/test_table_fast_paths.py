"""The fast readings of tables (row reading, linking rows to body tasks),
each against the plain reading it stands for."""

from __future__ import annotations

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from policyx import extract_text
from policyx.extract.tables import linking, rows
from policyx.text.kept import Memo
from policyx.text.similarity import _UNITS, distinct_bigram_codes, distinct_bigrams

from .conftest import CORPUS

# Han runs of every length, split by what ends a run (punctuation, Latin, white space, a NUL),
# now and then a character outside the Basic Multilingual Plane
CHARACTERS = st.sampled_from(list("中国人民共和水污染防治一二三") + ["，", "。", "a", "1", " ", "\n", "\t", "\0", "|",
                                                                     "\U00020000"])
TEXTS = st.lists(CHARACTERS, max_size=80).map("".join)


def _code(bigram: str) -> int:
    return int.from_bytes(bigram.encode(_UNITS), sys.byteorder)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_bigram_codes_are_the_bigrams_numbered(text):
    codes = distinct_bigram_codes(text)
    if any(ord(c) > 0xFFFF for c in text):
        assert codes is None or codes == {_code(b) for b in distinct_bigrams(text)}
    else:
        assert codes == {_code(b) for b in distinct_bigrams(text)}


def test_what_tables_keep_from_other_plans_reads_as_a_plan_read_alone(monkeypatch):
    """A table's department cells and the titles linked are kept across plans
    (a long one never): a plan read after others, or again, reads as alone."""
    monkeypatch.setattr(rows, "MAX_KEPT_CHARS", 6)  # (some of the cells and titles are longer, some not)
    monkeypatch.setattr(linking, "_KEPT_TITLES", Memo(linking.MAX_KEPT_TITLES, 6))
    plans = [(CORPUS / f"{name}.txt").read_text(encoding="utf-8") for name in ("neimenggu-water-2015", "changji-water-2016")]
    after_others = [extract_text(text) for text in plans + plans]
    alone = []
    for text in plans:
        monkeypatch.setattr(rows, "_UNIT_LISTS", type(rows._UNIT_LISTS)(4))
        monkeypatch.setattr(linking, "_KEPT_TITLES", Memo(linking.MAX_KEPT_TITLES, 6))
        alone.append(extract_text(text))
    assert after_others == alone + alone


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.integers(0, 400), max_size=300), min_size=1, max_size=40),
       st.lists(st.sets(st.integers(0, 400), min_size=1, max_size=300), min_size=1, max_size=4))
@example(body=[set(range(300)), set(range(0, 300, 2))] * 7, rows_grams=[set(range(300))])
def test_the_candidates_are_the_body_tasks_sharing_most_bigrams(body, rows_grams):
    """``_SharedBigrams.most`` against a count of each body task's shared
    bigrams: most first, in body order among equals, none sharing none
    (over 255 bigrams, the counts need fields wider than a byte)."""
    shared = linking._SharedBigrams([list(pairs) for pairs in body], rows_grams)
    for grams in rows_grams:
        counts = [len(grams & pairs) for pairs in body]
        ranked = sorted((j for j in range(len(body)) if counts[j]), key=lambda j: (-counts[j], j))
        assert shared.most(grams) == [(j, counts[j]) for j in ranked[:linking.CANDIDATES]]
