"""Deadline rules: each rule's own examples from the YAML, and real snippets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text, load_rules
from policyx.extract.deadlines import find_deadlines, resolve_overlaps
from policyx.text.normalize import fold

RULES = load_rules()


def deadlines(text: str, plan_year: int | None = None):
    folded = fold(text)
    return find_deadlines(folded, 0, RULES.deadlines, text, lambda offset: 1, reference_year=plan_year)


def _cases(kind: str):
    for rule in RULES.deadlines.rules:
        items = rule.examples if kind == "examples" else rule.counterexamples
        for i, example in enumerate(items):
            yield pytest.param(rule, example, id=f"{rule.id}[{i}]")


@pytest.mark.parametrize(("rule", "example"), list(_cases("examples")))
def test_rule_example(rule, example):
    found = deadlines(example["text"], example.get("plan_year"))
    assert found, f"nothing found in {example['text']!r}"
    assert {d.rule for d in found} == {rule.id}, f"{example['text']!r} read by {[d.rule for d in found]}"
    assert found[0].raw == example["match"]
    if "dates" in example:
        assert [d.date for d in found] == example["dates"]
    elif "date" in example:
        assert [d.date for d in found] == [example["date"]]
    if "period" in example:
        assert found[0].period == example["period"]
    if "start" in example:
        assert found[0].start == example["start"]


@pytest.mark.parametrize(("rule", "text"), list(_cases("counterexamples")))
def test_rule_counterexample(rule, text):
    assert all(d.rule != rule.id for d in deadlines(text, 2020)), f"{rule.id} reads a deadline in {text!r}"


def test_a_start_and_a_recurrence_are_two_deadlines():
    # xinjiang-water-2016, line 91: from 2016, and every quarter from then on
    found = deadlines("自2016年起，每季度向社会公开饮水安全状况信息")
    assert [(d.kind, d.date, d.period, d.start) for d in found] == [
        ("from", "2016-01-01", None, None), ("every", None, "quarter", "2016-01-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # xinjiang-water-2016, line 99
        ("2015年底前调查确定地级以上城市建成区黑臭水体，2016年上半年调查确定全区城市黑臭水体",
         [("by", "2015-12-31"), ("by", "2016-06-30")]),
        # changji-water-2016, line 21: a stray space
        ("2017 年底前,工业集聚区应按规定建成污水集中处理设施", [("by", "2017-12-31")]),
        # xinjiang-water-2016, line 91: a start and a period
        ("乌鲁木齐市、克拉玛依市、吐鲁番市自2016年起每季度向社会公开。自2018年起，所有县级及以上城市",
         [("from", "2016-01-01"), ("every", None), ("from", "2018-01-01")]),
        # neimenggu-water-2015, line 143
        ("各地区、各相关部门于2015年10月31日前将分年度实施项目清单报送", [("by", "2015-10-31")]),
        ("到二〇二〇年，全区水环境质量进一步改善", [("by", "2020-12-31")]),
        ("力争2020年完成压减灌溉面积800万亩", [("by", "2020-12-31")]),
        ("到本世纪中叶，生态环境质量全面改善", [("by", "2050-12-31")]),
        ("对超标企业开展强制性清洁生产审核。(持续开展)", [("ongoing", None)]),
        ("长期坚持河湖巡查", [("ongoing", None)]),
    ],
)
def test_real_snippets(text, expected):
    assert [(d.kind, d.date) for d in deadlines(text)] == expected


def test_baseline_year_is_not_a_deadline():
    # xinjiang-water-2016, line 57
    assert deadlines("全区万元国内生产总值用水量比2015年分别下降33%") == []
    assert deadlines("较2013年分别下降35%、30%") == []


def test_years_in_titles_of_other_documents_are_not_deadlines():
    # xinjiang-env-13th-2017, line 370
    assert deadlines("加快《水质较好湖泊生态环境保护总体规划(2013-2020年)》项目实施") == []


def test_past_years_and_table_headers_are_not_deadlines():
    for text in ["由2010年的91.2%提高到2015年的95.9%", "2014年现状", "2015年完成情况", "2015年以来"]:
        assert [d.date for d in deadlines(text)] == [], text


def test_every_has_no_date_and_keeps_its_start():
    start, d = deadlines("自2018年起每季度向社会公开")
    assert (start.kind, start.date) == ("from", "2018-01-01")
    assert (d.kind, d.date, d.period, d.start) == ("every", None, "quarter", "2018-01-01")


def test_overlaps_are_resolved_longest_first():
    # "到2020年底前" could be read as 到2020年 or as 2020年底前: the longer reading wins
    (d,) = deadlines("到2020年底前完成")
    assert d.raw == "到2020年底前" and d.rule == "deadline.year_end"
    assert resolve_overlaps([]) == []


def test_task_deadlines_carry_spans_into_the_original_text():
    text = "一、总则\n（一）工业。取缔小企业。２０１６年底前，全部取缔。（省环保厅牵头）\n"
    (task,) = extract_text(text).tasks
    (d,) = task.deadlines
    assert text[d.span[0]:d.span[1]] == d.raw == "２０１６年底前"
    assert d.date == "2016-12-31"


def test_a_relative_year_without_the_plans_date_gives_no_deadline():
    assert deadlines("今年年底前完成排查") == []


def test_a_relative_year_counts_from_the_plans_date():
    doc = extract_text("某县2019年工作要点\n一、任务\n（一）排查。今年年底前完成排查。（县环保局负责）\n\n2019年3月1日\n")
    assert doc.info.date == "2019-03-01"
    assert [d.date for d in doc.tasks[0].deadlines] == ["2019-12-31"]


def test_a_month_without_a_year_is_in_the_year_its_sentence_wrote_before_it():
    # national-fangguanfu-task-division-2020, dated 2020-11-01
    text = "一、任务\n（一）推进结算。2021年6月底前制定门诊费用跨省直接结算政策，12月底前实现门诊费用跨省直接结算。（国家医保局牵头）\n"
    assert [d.date for d in extract_text(text, date="2020-11-01").tasks[0].deadlines] == ["2021-06-30", "2021-12-31"]
    # …but not across a sentence's end: there the plan's year holds
    text = text.replace("，12月底前", "。12月底前")
    assert [d.date for d in extract_text(text, date="2020-11-01").tasks[0].deadlines] == ["2021-06-30", "2020-12-31"]


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_the_plans_date_whatever_ends_its_lines(line_end):
    """baotou-digital-gov-evaluation-2022 saved on Windows lost its date, and
    with it every 今年 of its deadlines (a new user's trial)."""
    text = ("包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\n2022年4月14日\n"
            "　　包头市2022年数字政府建设考评办法\n　　一、考评对象\n　　（一）排查。今年年底前完成排查。（市政务服务局负责）\n")
    doc = extract_text(text.replace("\n", line_end))
    assert doc.info.date == "2022-04-14"
    assert [d.date for d in doc.tasks[0].deadlines] == ["2022-12-31"]


@pytest.mark.parametrize(("text", "date"), [
    # national-fangguanfu-task-division-2020: the signature run into the cover letter's last sentence
    ("各省、自治区、直辖市人民政府：《重点任务分工方案》已经国务院同意，现印发给你们，请结合实际认真贯彻落实。"
     "国务院办公厅2020年11月1日（此件公开发布）\n", "2020-11-01"),
    # hebei-sci-tech-reform-2015: paragraphs a crawler ran together, two issuers
    ("《河北省深化科技体制改革实施方案》已经省委、省政府领导同意，现印发给你们，请结合实际，认真贯彻执行。　　中共河北省委办公厅"
     "　　河北省人民政府办公厅　　2015年12月25日　　　　河北省深化科技体制改革实施方案　　为贯彻落实…\n", "2015-12-25"),
    # …and not a deadline after a sentence's end
    ("由市政府负责。市人民政府2020年12月31日前完成排查。\n", None),
])
def test_a_signature_run_into_the_text_dates_the_plan(text, date):
    assert extract_text(text).info.date == date


def test_a_start_year_without_zi_still_starts_a_recurrence():
    _, found = deadlines("2018年起，每年开展一次巡查")
    assert (found.kind, found.period, found.start) == ("every", "year", "2018-01-01")


@pytest.mark.parametrize(("text", "expected"), [
    # hebei-economy-stabilization-2022 (x2): days and thirds of a month, in the plan's year
    ("在纳税人自愿申请的基础上,6月30日前基本完成集中退还存量留抵税额", ["2022-06-30"]),
    ("原则上6月中旬前全部下达", ["2022-06-20"]),
    # ... and periods of validity, which are no deadlines
    ("大型企业失业保险稳岗返还比例由30%提高至50%,政策执行期限至2022年底", []),
    ("延续实施阶段性降低失业保险费率政策至2022年4月30日", []),
    ("将失业保险总费率由1.5%阶段性降低至1%的政策,由2022年4月底延续实施到2023年4月底", []),
    # a plan's period dates targets but is no deadline (the conventions record none)
    ("“十四五”时期,全省新建污水管网200公里", []),
])
def test_deadlines_of_the_second_excerpts(text, expected):
    found = [d for d in deadlines(text, 2022) if RULES.deadlines.is_deadline(d.rule)]
    assert [d.date for d in found] == expected


_GUARD = "(?!(?<=[ \\t])[ \\t])"


def _guarded_rules():
    return [r for r in load_rules().deadlines.rules if _GUARD in r.pattern.pattern]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n2017年12月底前于在到至自从截止延长期限实施比,。一季度上半年内左右本世纪中叶"), max_size=40))
def test_a_rule_said_to_start_at_a_run_of_spaces_finds_what_it_finds_without_saying_so(text):
    """rules/deadlines.yaml's from_run_start only says first what lead_ws
    says later (a match that may open with spaces opens where they start),
    so that a run of 15,000 blanked markup spaces is passed at once (found by
    tools/fuzz.py: 2.9x the slowest corpus plan per character, now 2x)."""
    import regex

    guarded = _guarded_rules()
    assert len(guarded) >= 10
    for rule in guarded:
        without = regex.compile(rule.pattern.pattern.replace(_GUARD, "", 1), rule.pattern.flags)
        assert [m.span() for m in rule.pattern.finditer(text)] == [m.span() for m in without.finditer(text)]
        assert [m.span() for m in rule.pattern.finditer(text, overlapped=True)] == \
            [m.span() for m in without.finditer(text, overlapped=True)]


def test_a_deadline_after_a_long_run_of_blanked_markup_is_found():
    text = "一、重点任务\n（一）加强监管。" + "<p>" * 5000 + "2018年底前完成整治。\n（二）推进治理。2019年底前完成。\n"
    doc = extract_text(text)
    assert [[(d.raw, d.date) for d in t.deadlines] for t in doc.tasks] == \
        [[("2018年底前", "2018-12-31")], [("2019年底前", "2019-12-31")]]


def test_a_bare_year_before_what_is_new_is_the_years_end():
    # hebei-economy-stabilization-2022 (blind gold of x3: "2022年新增…" is a bare target year)
    text = "一、任务\n1. 完善城市消费基础设施。支持便民生活圈建设,2022年新增品牌连锁便利店800家。（责任单位：省商务厅）\n"
    assert [d.date for d in extract_text(text).tasks[0].deadlines] == ["2022-12-31"]
