"""The fast readings behind linking table rows to body tasks, each against
the plain reading it stands for, on generated texts."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx.text.similarity import _UNITS, distinct_bigram_codes, distinct_bigrams

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
