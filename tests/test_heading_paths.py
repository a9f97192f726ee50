"""The quick paths a plan of many headings takes equal the plain readings
they stand for (each heading runs them once: a page of 200,000 headings)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx.extract.tasks.fields import WORD, has_words


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n。，、（）a1总Ⅱ①")), max_size=12), st.data())
def test_has_words_is_a_search_for_a_word(text, data):
    start = data.draw(st.integers(0, len(text) + 1))
    end = data.draw(st.integers(0, len(text) + 1))
    assert has_words(text, start, end) == (start < end and WORD.search(text, start, end) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["一、总则", "  （一）加强监管。", "推进水产生态健康养殖\t", "\u3000\u3000", "", " x ",
                                 "这是一段很长的被拆开的句子它还没有结束并且继续到下一行去"]), max_size=12))
def test_a_paragraph_is_its_lines_words_without_the_white_space_around_them(lines):
    from policyx import load_rules
    from policyx.extract.pipeline import noise_rules
    from policyx.extract.tasks.paragraphs import SectionIndex, paragraphs
    from policyx.text.normalize import Normalized

    norm = Normalized("\n".join(lines), noise_rules(load_rules()))
    paras = paragraphs(norm, SectionIndex((), norm.text))
    words = [line.text.strip() for line in norm.lines() if line.text.strip()]
    # a line broken by a PDF copy is joined to the next: each paragraph starts a line's words and ends another's
    starts = {line.start + len(line.text) - len(line.text.lstrip()) for line in norm.lines() if line.text.strip()}
    ends = {line.start + len(line.text.rstrip()) for line in norm.lines() if line.text.strip()}
    assert all(p.start in starts and p.end in ends and p.start < p.end for p in paras)
    assert len(paras) <= len(words)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("\n \t当您所主0#一x\r")), max_size=40),
       st.frozensets(st.sampled_from(list("\n \t当您主0#一")), max_size=5))
def test_the_lines_a_noise_rule_is_tried_at_are_those_opening_with_its_characters(text, chars):
    from policyx.text.noise import _line_heads

    every: dict[str, list[int]] = {}
    start = 0
    for line in text.split("\n"):
        if line and line[0] in chars:
            every.setdefault(line[0], []).append(start)
        start += len(line) + 1
    assert _line_heads(text, chars) == every


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("取缔“十小”企业,，。\"'‘’ab")), max_size=30))
def test_a_sentence_without_a_quotation_mark_has_no_quotation_to_blank(sentence):
    """lead_in_title blanks quotations only where “ or " stands: elsewhere the sentence is its own blanked copy."""
    from policyx.extract.tasks.paragraphs import _QUOTED, _blanked

    blanked = _QUOTED.sub(_blanked, sentence)
    assert len(blanked) == len(sentence)
    if "“" not in sentence and '"' not in sentence:
        assert blanked == sentence


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8), st.integers(-2, 45), st.integers(-2, 45))
def test_the_gaps_between_spans_are_those_a_walk_over_them_finds(pieces, start, end):
    """Spans.gaps from its bisections and slices equals the walk over every span it replaced."""
    import bisect

    from policyx.text.spans import Spans

    spans = Spans((a, a + n) for a, n in pieces)
    walked, at = [], start
    for i in range(bisect.bisect_right(spans.ends, start), len(spans.starts)):
        if spans.starts[i] >= end:
            break
        if spans.starts[i] > at:
            walked.append((at, spans.starts[i]))
        at = max(at, spans.ends[i])
    if at < end:
        walked.append((at, end))
    assert spans.gaps(start, end) == walked


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list(" \t\u3000\xa0\n。!?！？:：总则a1（）")), max_size=20))
def test_a_title_without_a_character_that_ends_titles_has_no_end(rest):
    """_candidate asks _TITLE_END only where _MAY_END_TITLE finds a character: every end holds one."""
    from policyx.extract.sections.markers import _MAY_END_TITLE, _TITLE_END

    if _MAY_END_TITLE.search(rest) is None:
        assert _TITLE_END.search(rest) is None
    for m in _TITLE_END.finditer(rest):
        assert _MAY_END_TITLE.match(rest, m.start())


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("研究将“\"《2016 年（一）、a\u3000")), max_size=6))
def test_words_opened_by_a_marker_start_with_a_character_they_may_start_with(after):
    """inline._opens_words tries _OPENS_WORDS only after a character its matches start with."""
    from policyx.extract.sections.inline import _MAY_OPEN_WORDS, _OPENS_WORDS, _opens_words

    assert _opens_words(after, 0) == (_OPENS_WORDS.match(after[:5]) is not None)
    if _OPENS_WORDS.match(after[:5]):
        assert _MAY_OPEN_WORDS[after[:1]]
