"""Indicator identity and comparison (rules/indicators.yaml, analyse/indicators.py,
analyse/target_pairs.py): each rule with its examples, and the comparisons
with the sentences of the corpus plans they were written for."""

from __future__ import annotations

import pytest

from policyx import extract_file, extract_text, load_rules
from policyx.analyse.diff import diff_plans
from policyx.analyse.indicators import read_metric
from policyx.rules.indicators import indicator_rules

RULES = load_rules()
WORDS = indicator_rules(RULES)


@pytest.mark.parametrize(("settlement", "example"), [(s, e) for s in WORDS.settlements for e in s.examples],
                         ids=lambda x: getattr(x, "id", str(x)))
def test_settlement_examples(settlement, example):
    metric, core = example
    reading = read_metric(metric, WORDS)
    assert (reading.scope.settlement, reading.core) == (settlement.id, core)


@pytest.mark.parametrize(("rewrite", "example"), [(r, e) for r in WORDS.rewrites for e in r.examples],
                         ids=lambda x: getattr(x, "id", str(x)))
def test_rewrite_examples(rewrite, example):
    before, after = example
    assert rewrite.pattern.sub(rewrite.to, before) == after


@pytest.mark.parametrize(("metric", "core", "scope"), [
    ("全疆城市生活垃圾无害化处理率", "生活垃圾无害化处理率", "城市"),            # xinjiang-14th line 167
    ("城市生活垃圾无害化处理率", "生活垃圾无害化处理率", "城市"),               # xinjiang-13th line 189
    ("城市生活污水再生利用率", "污水再生利用率", "城市"),                       # xinjiang-14th line 110
    ("乌鲁木齐市再生水利用率", "污水再生利用率", "乌鲁木齐市"),                 # xinjiang-13th line 354
    ("其他城市再生水利用率", "污水再生利用率", "其他城市"),
    ("兵团用水总量", "用水总量", "兵团"),                                      # xinjiang-14th line 104
    ("全区用水总量", "用水总量", "whole area"),
    ("天山南坡和北疆北部地区农村生活垃圾收运处置体系覆盖率", "生活垃圾收运处置体系覆盖率", "天山南坡、北疆北部地区农村"),
    ("124个重点监测城镇集中式饮用水水源地水质达到或优于Ⅲ类比例", "重点监测城镇集中式饮用水水源地水质优良比例", "whole area"),
    ("达标城市比例", "达标城市比例", "whole area"),                              # a measure alone is no core
])
def test_a_metric_is_read_as_scope_and_core(metric, core, scope):
    reading = read_metric(metric, WORDS)
    assert (reading.core, reading.scope.label()) == (core, scope)


def test_a_metric_of_places_only_names_no_indicator():
    assert read_metric("乌鲁木齐市、昌吉市", WORDS) is None  # xinjiang-13th line 258: "乌鲁木齐市、昌吉市…下降20%"
    assert read_metric("昌吉州8条主要监测河流15个监测断面水质优良比例", WORDS, ("昌吉州",)).scope.label() == "whole area"


def test_treatment_and_reuse_are_two_indicators():
    # the example: 城市污水处理率 90% was called "looser" than 城市生活污水再生利用率 60%
    assert read_metric("城市污水处理率", WORDS).core != read_metric("城市生活污水再生利用率", WORDS).core
    assert read_metric("城市污水处理率", WORDS).core == read_metric("城镇污水集中处理率", WORDS).core


def _plan(title: str, body: str):
    return extract_text(f"{title}\n一、总则\n（一）{body}\n")


@pytest.mark.parametrize(("a", "b", "direction"), [
    # comparator-aware: 力争达到85% is the floor 85%以上 sets (xinjiang-13th 402 / 14th 132)
    ("废旧农田地膜回收率力争达到85%", "废弃地膜回收率达到85%以上", "same"),
    ("秸秆收集利用率达到90%", "秸秆综合利用率达到90%以上", "same"),
    ("城市污水处理率达到90%", "城市污水处理率达到90%左右", "looser"),
    ("城市生活垃圾无害化处理率达到90%以上", "全疆城市生活垃圾无害化处理率达到99%以上", "stricter"),
    ("灌溉水利用系数提高到0.57", "农业灌溉水有效利用系数提高到0.58", "stricter"),
    # a cut against the same baseline is ranked; against another, not
    ("万元国内生产总值用水量比2015年下降33%", "万元国内生产总值用水量比2015年下降35%", "stricter"),
    ("万元国内生产总值用水量比2015年下降33%", "万元国内生产总值用水量比2013年下降35%", "incomparable"),
    # one region's absolute amount against its own: ranked
    ("到2020年，用水总量控制在550亿立方米以内", "到2025年，全疆用水总量控制在539.27亿立方米以内", "stricter"),
])
def test_directions_between_plans_of_one_region(a, b, direction):
    plan_a = _plan("新疆维吾尔自治区环境保护“十三五”规划", f"节水。提高用水效率。{a}。（自治区水利厅牵头）")
    plan_b = _plan("新疆生态环境保护“十四五”规划", f"节水。提高用水效率。{b}。（自治区水利厅牵头）")
    (pair,) = diff_plans(plan_a, plan_b).indicators.pairs
    assert pair.direction == direction, pair.note


def test_baselines_are_shown_when_cuts_are_not_ranked():
    a = _plan("新疆维吾尔自治区水污染防治工作方案", "节水。提高用水效率。到2020年，全区万元国内生产总值用水量比2015年下降33%。（自治区水利厅牵头）")
    b = _plan("昌吉州水污染防治工作方案", "节水。提高用水效率。到2020年，全州万元国内生产总值用水量比2013年下降35%。（州水利局牵头）")
    (pair,) = diff_plans(a, b).indicators.pairs
    assert pair.direction == "incomparable" and "比2015年" in pair.note and "比2013年" in pair.note


def test_absolute_amounts_of_two_regions_are_not_ranked():
    # neimenggu line 50 / xinjiang line 53: 211 and 550 亿立方米 are two regions' totals
    a = _plan("内蒙古自治区水污染防治工作方案", "节水。控制用水总量。2020年全区用水总量控制在211亿立方米以内。（自治区水利厅牵头）")
    b = _plan("新疆维吾尔自治区水污染防治工作方案", "节水。控制用水总量。到2020年，全区用水总量控制在550亿立方米以内。（自治区水利厅牵头）")
    d = diff_plans(a, b)
    (pair,) = d.indicators.pairs
    assert pair.direction == "incomparable" and "内蒙古自治区" in pair.note and "新疆维吾尔自治区" in pair.note
    assert d.summary["looser"] == d.summary["stricter"] == 0


def test_a_respectively_list_is_not_cross_wired():
    # neimenggu line 28 and xinjiang line 19: 旗县 ↔ 县城, 城市 ↔ 城市
    a = _plan("内蒙古自治区水污染防治工作方案",
              "城镇。加快城镇污水处理设施建设。到2020年，旗县（市、区）、城市污水处理率分别达到85%、95%左右。（自治区住房城乡建设厅牵头）")
    b = _plan("新疆维吾尔自治区水污染防治工作方案",
              "城镇。加快城镇污水处理设施建设。到2020年，县城、城市污水处理率分别达到80%、90%左右。（自治区住房城乡建设厅牵头）")
    pairs = {(p.a[0].target.value, p.b[0].target.value): p.direction for p in diff_plans(a, b).indicators.pairs}
    assert pairs == {(85, 80): "looser", (95, 90): "looser"}


def test_towns_are_their_own_scope_where_a_plan_sets_both():
    # changji line 23 sets 城镇 85% and 城市 95%: 城镇 is not 城市 there
    a = _plan("新疆维吾尔自治区水污染防治工作方案",
              "城镇。加快城镇污水处理设施建设。到2020年，县城、城市污水处理率分别达到80%、90%左右。（自治区住房城乡建设厅牵头）")
    b = _plan("昌吉州水污染防治工作方案",
              "城镇。加快城镇污水处理设施建设。到2020年，城镇、城市污水集中处理率分别达到85%、95%以上。（州住建局牵头）")
    d = diff_plans(a, b)
    assert [(p.a[0].target.value, p.b[0].target.value, p.direction) for p in d.indicators.pairs] == [(90, 95, "stricter")]
    assert {g[0].target.value for g in d.indicators.only_b} == {85}


def test_different_indicators_in_one_task_are_not_paired():
    # the 污泥处置率 → 污水厂负荷率
    a = _plan("新疆维吾尔自治区水污染防治工作方案", "城镇。推进污泥处理处置。地级城市污泥无害化处理处置率于2020年底前达到90%以上。（自治区住房城乡建设厅牵头）")
    b = _plan("新疆维吾尔自治区水污染防治工作方案", "城镇。推进污泥处理处置。城镇污水处理厂运行负荷率达到75%以上。（自治区住房城乡建设厅牵头）")
    d = diff_plans(a, b)
    assert d.indicators.pairs == ()
    assert sorted(c.status for p in d.matched for c in p.changes if c.field == "targets") == ["added", "dropped"]


def test_a_whole_area_against_its_places_and_a_subject_against_a_measure():
    d = diff_plans(extract_file("xinjiang-13th"), extract_file("xinjiang-14th"))
    by_line = {(p.lines_a[0], p.lines_b[0]): p for p in d.indicators.pairs}
    reuse = by_line[(354, 110)]  # 乌鲁木齐市 30%, 其他城市 20% → 城市 60%
    assert (reuse.relation, reuse.direction) == ("split", "stricter")
    waste = by_line[(189, 138)]  # 村庄生活垃圾90%以上基本得到有效处理 → 收运处置体系覆盖率 per sub-region
    assert (waste.relation, waste.direction) == ("subject", "incomparable")


def test_every_compared_pair_is_in_the_json_with_its_direction():
    from typer.testing import CliRunner

    from policyx.cli.app import app

    import json

    data = json.loads(CliRunner().invoke(app, ["diff", "xinjiang-13th", "xinjiang-14th", "-f", "json"]).stdout)
    assert len(data["indicators"]) == 7
    assert {i["direction"] for i in data["indicators"]} == {"stricter", "same", "incomparable"}
    assert all(i["lines_a"] and i["lines_b"] and i["a"] and i["b"] for i in data["indicators"])


# -- whose plan: rules/regions.yaml, analyse/plan_info.py ------------------------------------


@pytest.mark.parametrize(("text", "facts"), [
    ("昌吉州水污染防治工作方案\n一、总则\n（一）工业。取缔小企业。（州环保局牵头）\n", ("prefecture", "昌吉州", "昌吉")),
    ("新疆生态环境保护“十四五”规划\n第一章 总则\n", ("province", "新疆维吾尔自治区", "新疆")),
    # no title (xinjiang-water-2016's copy starts at its preamble): the province its tasks name, its offices' level
    ("一、总则\n（一）节水。实施最严格水资源管理。落实《新疆用水总量控制方案》，新疆各地州市要分解指标。"
     "（自治区水利厅牵头，环保厅、发改委参与）\n", ("province", "新疆维吾尔自治区", "新疆")),
    ("各地要高度重视。\n", (None, None, None)),
])
def test_level_and_region_read_from_the_text(text, facts):
    from policyx.analyse.plan_info import plan_facts

    found = plan_facts(extract_text(text), RULES)
    assert (found.level, found.region, found.region_key) == facts
    assert all(found.sources[k] == "text" for k in ("level", "region") if k in found.sources)


def test_stated_facts_win_and_say_so():
    from policyx.analyse.plan_info import plan_facts

    found = plan_facts(extract_file("changji"), RULES, {"level": "county", "region": None})
    assert (found.level, found.sources["level"], found.region, found.sources["region"]) == \
        ("county", "option", "昌吉回族自治州", "manifest")
    assert found.region_names[0] == "昌吉州" and found.area.canonical == "昌吉州"
