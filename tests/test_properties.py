"""Properties that hold for any text, checked with hypothesis."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text
from policyx.text.normalize import fold
from policyx.io.serialize import document_to_dict

PIECES = st.sampled_from(
    ["一、", "（一）", "(二)", "1.", "2、", "（1）", "第一章", "第二节", "专栏1", "附表1", "附件：", "目录",
     "\n", "\n\n", "\t", "。", "，", "总则", "加强水污染防治", "2016年底前", "pan>", "<p>", "&nbsp;", "　"]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_arbitrary_text_never_raises_and_spans_slice_back(text):
    doc = extract_text(text)
    ids = {s.id for s in doc.sections}
    for s in doc.sections:
        if not any(a < s.title_span[1] and s.title_span[0] < b for a, b in doc.noise):
            assert text[s.title_span[0]:s.title_span[1]] == s.title  # else: the words without the noise
        assert 0 <= s.span[0] <= s.span[1] <= len(text)
        assert s.parent is None or s.parent in ids
        assert 1 <= s.line <= text.count("\n") + text.count("\r") + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_fold_preserves_length(text):
    assert len(fold(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("（）１２，．：；Ａｚ\u3000\xa0\ufeff 一二,.a\n"), max_size=60) | st.text(max_size=60))
def test_fold_is_the_character_table_applied_to_each_character(text):
    from policyx.text.fold import _FOLD_MAP

    assert fold(text) == text.translate(_FOLD_MAP)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_json_round_trip_is_lossless(text):
    data = document_to_dict(extract_text(text))
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_chinese_section_numbers_round_trip_through_cn2an(n):
    import cn2an

    from policyx.text.numerals import read_number

    assert read_number(cn2an.an2cn(n)) == n


def test_numeral_table_is_what_cn2an_generates():
    from policyx.text.numerals import generate
    from policyx.rules import packaged_rules_dir

    assert (packaged_rules_dir() / "numerals.yaml").read_text(encoding="utf-8") == generate()


def test_numerals_outside_the_table_go_to_cn2an():
    from policyx.text.numerals import read_number

    assert read_number("二〇二〇") == 2020
    assert read_number("一千零一") == 1001
    assert read_number("一十二") == 12


CLAUSE_PIECES = st.sampled_from(
    ["自治区", "州", "环保厅", "环保局", "发改委", "住房和城乡建设局", "各级人民政府", "星际局", "牵头", "负责", "参与",
     "配合", "负责落实", "等", "、", "，", ",", "；", "和", "及", "以下均需", "落实，不再列出", "牵头单位：", "配合单位：", "。"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(CLAUSE_PIECES, max_size=25).map("".join), st.text(max_size=80)))
def test_clause_parser_never_raises_and_names_come_from_the_clause(clause):
    from policyx import load_rules
    from policyx.text.normalize import fold
    from policyx.extract.clauses import parse_clause

    rules = load_rules()
    folded = fold(clause)
    parsed = parse_clause(folded, 0, rules.departments, rules.responsibility)
    if parsed is None:
        return
    for ref in (*parsed.lead, *parsed.participants, *parsed.implementers, *parsed.standing):
        assert ref.raw in folded
        assert folded[ref.span[0]:ref.span[1]] == ref.raw
        assert ref.name in ref.raw


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["一、总则\n", "（一）工业。", "取缔小企业。", "（省环保厅牵头，发改委参与）", "　　", "\n",
                                 "一是加强。", "二是落实。", "(环保局负责", "牵头)", "以下均需各级人民政府落实，不再列出"]),
                max_size=30).map("".join))
def test_task_spans_slice_back(text):
    doc = extract_text(text)
    for task in doc.tasks:
        assert text[task.span[0]:task.span[1]] == task.text
        if task.title_span:
            assert text[task.title_span[0]:task.title_span[1]] == task.title
        for ref in (*task.lead, *task.participants):
            assert text[ref.span[0]:ref.span[1]] == ref.raw


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=2000, max_value=2060),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["year_end", "month_end", "half", "from", "from_month", "by_year"]),
    st.sampled_from(["", "力争", "各地要", "，"]),
)
def test_generated_deadline_phrases_round_trip(year, month, form, lead):
    import calendar

    from policyx import load_rules
    from policyx.extract.deadlines import find_deadlines
    from policyx.text.normalize import fold

    phrase, expected = {
        "year_end": (f"{year}年底前", ("by", f"{year}-12-31")),
        "month_end": (f"{year}年{month}月底前", ("by", f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}")),
        "half": (f"{year}年上半年", ("by", f"{year}-06-30")),
        "from": (f"自{year}年起", ("from", f"{year}-01-01")),
        "from_month": (f"{year}年{month}月起", ("from", f"{year}-{month:02d}-01")),
        "by_year": (f"到{year}年", ("by", f"{year}-12-31")),
    }[form]
    text = f"{lead}{phrase}，完成治理任务。"
    found = find_deadlines(fold(text), 0, load_rules().deadlines, text, lambda o: 1)
    assert [(d.kind, d.date) for d in found] == [expected]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(st.sampled_from(
    ["达到", "不低于", "-", "5", "%", "以上", "、", "分别", "比2015年", "下降", "万亩", "控制在", "以内", "左右", "0.", "。", "的"]),
    max_size=30).map("".join)))
def test_targets_never_raise_and_percentages_are_never_negative(text):
    from policyx import load_rules
    from policyx.text.normalize import fold
    from policyx.extract.targets import find_targets

    for t in find_targets(fold(text), 0, load_rules().targets, text, lambda o: 1, []):
        assert t.value >= 0
        assert text[t.span[0]:t.span[1]] == t.raw
