"""The quick paths a plan of many headings takes equal the plain readings
they stand for (each heading runs them once: a page of 200,000 headings)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from policyx.extract.sections.markers import _TITLE_END
from policyx.extract.tasks.paragraphs import WORD, has_words

# as rules of a heading's title end were written for ``regex``: "(一)狠抓工业污染防治。取缔…"
_TITLE_END_AS_WRITTEN = regex.compile(r"[。!?！？]|:(?=\s*\S)|(?<![ \t])[ \t]{2,}+(?=\S)")
TITLE_CHARS = st.sampled_from(list(" \t\u3000\xa0\x1c\x1f\x85\n。!?！？:：总则a1（）"))


@settings(max_examples=500, deadline=None)
@given(st.text(TITLE_CHARS, max_size=20))
def test_the_title_end_by_re_is_where_regex_finds_it(rest):
    """``\\s`` written out as regex reads it (re's own also takes \\x1c–\\x1f)."""
    assert [m.span() for m in _TITLE_END.finditer(rest)] == [m.span() for m in _TITLE_END_AS_WRITTEN.finditer(rest)]


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n。，、（）a1总Ⅱ①")), max_size=12), st.data())
def test_has_words_is_a_search_for_a_word(text, data):
    start = data.draw(st.integers(0, len(text) + 1))
    end = data.draw(st.integers(0, len(text) + 1))
    assert has_words(text, start, end) == (start < end and WORD.search(text, start, end) is not None)
