"""policyx diff: alignment against the hand-made gold, and each kind of change."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from policyx import extract_file, extract_text
from policyx.cli.app import app
from policyx.analyse.diff import diff_plans
from policyx.analyse.matching import text_similarity

from .conftest import CORPUS, GOLD

runner = CliRunner()


def _canonical(line: int, title: str, pool: list[tuple[int, str]]) -> tuple[int, str]:
    """A task named by line and (possibly differently worded) title, as the gold names it."""
    same_line = [p for p in pool if p[0] == line]
    return max(same_line, key=lambda p: text_similarity(p[1], title)) if same_line else (line, title)


@pytest.fixture(scope="module")
def xinjiang_changji():
    return diff_plans(extract_file("xinjiang"), extract_file("changji"))


def test_alignment_against_gold(xinjiang_changji):
    gold = yaml.safe_load((GOLD / "xinjiang-water-2016--changji-water-2016.alignment.yaml").read_text(encoding="utf-8"))
    tasks_a = [(t["line"], t["title"]) for t in yaml.safe_load((GOLD / "xinjiang-water-2016.tasks.yaml").read_text(encoding="utf-8"))["tasks"]]
    tasks_b = [(t["line"], t["title"]) for t in yaml.safe_load((GOLD / "changji-water-2016.tasks.yaml").read_text(encoding="utf-8"))["tasks"]]
    want = {(m["a_line"], m["a_title"], m["b_line"], m["b_title"]) for m in gold["matched"]}
    got = {
        _canonical(p.a.line, p.a.title, tasks_a) + _canonical(p.b.line, p.b.title, tasks_b)
        for p in xinjiang_changji.matched
    }
    right = len(want & got)
    precision, recall = right / len(got), right / len(want)
    print(f"\nalignment xinjiang ↔ changji: P {precision:.3f} R {recall:.3f} ({right} of {len(want)} gold pairs)")
    assert precision >= 0.95 and recall >= 0.95, (sorted(want - got), sorted(got - want))
    only_a = {_canonical(t.line, t.title, tasks_a) for t in xinjiang_changji.only_a}
    assert only_a == {(t["line"], t["title"]) for t in gold["only_a"]}


def test_real_changes_between_xinjiang_and_changji(xinjiang_changji):
    changes = {(p.a.title, c.field, c.direction) for p in xinjiang_changji.matched for c in p.changes}
    # 30% → 20% of the autonomous-region-level parks
    assert ("集中治理工业集聚区水污染", "targets", "looser") in changes
    # 一级A by 2017 in Xinjiang, by 2018 in Changji
    assert ("加快城镇污水处理设施建设与改造", "deadlines", "later") in changes
    # water use per 10,000 yuan: 比2015年下降33% (xinjiang 57) → 比2013年下降35% (changji 63): cuts
    # against other baselines are not ranked, and both baselines are shown
    cut = next(c for p in xinjiang_changji.matched for c in p.changes
               if p.a.title == "提高用水效率" and c.field == "targets" and "33%" in (c.a or ""))
    assert cut.direction is None and "比2015年" in cut.note and "比2013年" in cut.note
    # 经信委、环保厅 lead in Xinjiang; Changji's 环保局 leads alone: a real change
    assert ("取缔“十小”企业", "lead", None) in changes


def test_same_function_at_another_level_is_no_change():
    a = extract_text("一、总则\n（一）工业。防范环境风险。评估风险。（自治区环保厅牵头，水利厅等参与）\n")
    b = extract_text("一、总则\n(一)工业。防范环境风险。评估风险。(州环保局牵头,水利局负责)\n")
    (pair,) = diff_plans(a, b).matched
    assert pair.changes == ()


def test_a_plan_in_traditional_characters_aligns_with_its_simplified_parent():
    a = extract_text("一、总则\n（一）工业。防范环境风险。评估风险。（自治区环保厅牵头）\n"
                     "（二）农业。控制农业面源污染。制定实施方案。（自治区农业厅牵头）\n")
    b = extract_text("一、總則\n（一）農業。控制農業面源污染。制定實施方案。（縣農業局牽頭）\n"
                     "（二）工業。防範環境風險。評估風險。（縣環保局牽頭）\n")
    pairs = {(p.a.title, p.b.title) for p in diff_plans(a, b).matched}
    assert pairs == {("防范环境风险", "防範環境風險"), ("控制农业面源污染", "控制農業面源污染")}


def test_lead_moved_to_another_function_is_a_change():
    a = extract_text("一、总则\n（一）工业。防范环境风险。评估风险。（自治区环保厅牵头）\n")
    b = extract_text("一、总则\n（一）工业。防范环境风险。评估风险。（州经信委牵头）\n")
    (pair,) = diff_plans(a, b).matched
    assert [(c.field, c.a, c.b) for c in pair.changes] == [("lead", "环保厅", "经信委")]


@pytest.mark.parametrize(
    ("a_text", "b_text", "direction"),
    [
        ("水质优良比例不低于94%", "水质优良比例不低于100%", "stricter"),
        ("水质优良比例不低于94%", "水质优良比例不低于90%", "looser"),
        ("漏损率控制在12%以内", "漏损率控制在10%以内", "stricter"),
        ("漏损率控制在10%以内", "漏损率控制在12%以内", "looser"),
        ("用水量比2015年下降33%", "用水量比2015年下降35%", "stricter"),
        ("污水处理率达到90%", "污水处理率达到90%左右", "looser"),
    ],
)
def test_target_directions(a_text, b_text, direction):
    template = "一、总则\n（一）节水。提高用水效率。到2020年，{}。（省水利厅牵头）\n"
    (pair,) = diff_plans(extract_text(template.format(a_text)), extract_text(template.format(b_text))).matched
    assert [(c.field, c.direction) for c in pair.changes] == [("targets", direction)]


@pytest.mark.parametrize(
    ("a_text", "b_text", "direction"),
    [("2017年底前完成改造", "2018年底前完成改造", "later"), ("2017年底前完成改造", "2016年底前完成改造", "earlier")],
)
def test_deadline_directions(a_text, b_text, direction):
    template = "一、总则\n（一）工业。推进污泥处理处置。{}。（省住建厅牵头）\n"
    (pair,) = diff_plans(extract_text(template.format(a_text)), extract_text(template.format(b_text))).matched
    assert [(c.field, c.direction) for c in pair.changes] == [("deadlines", direction)]


def test_deadlines_and_targets_added_and_dropped():
    a = extract_text("一、总则\n（一）工业。推进污泥处理处置。2016年底前完成调查。（省住建厅牵头）\n")
    b = extract_text("一、总则\n（一）工业。推进污泥处理处置。完成调查，污泥处置率达到90%以上。（省住建厅牵头）\n")
    (pair,) = diff_plans(a, b).matched
    assert sorted((c.field, c.status) for c in pair.changes) == [("deadlines", "dropped"), ("targets", "added")]


def test_absolute_amounts_are_not_compared_across_levels():
    a = extract_text("新疆维吾尔自治区水污染防治工作方案\n一、总则\n（一）节水。调整种植结构。力争2020年完成压减灌溉面积800万亩。（自治区水利厅牵头）\n")
    b = extract_text("昌吉州水污染防治工作方案\n一、总则\n（一）节水。调整种植结构。力争2020年完成压减灌溉面积130万亩。（州水利局牵头）\n")
    (pair,) = diff_plans(a, b).matched
    ((change),) = pair.changes
    assert change.direction is None and "different levels" in change.note


def test_a_plan_against_itself_has_no_change():
    doc = extract_file("changji")
    d = diff_plans(doc, doc)
    assert len(d.matched) == len(doc.body_tasks()) and not d.only_a and not d.only_b
    assert all(not p.changes for p in d.matched) and d.targets == ()
    assert all(p.a is p.b for p in d.matched)


def test_swapping_a_and_b_swaps_every_direction(xinjiang_changji):
    back = diff_plans(extract_file("changji"), extract_file("xinjiang"))
    def key(c):
        return (c.field, str(c.direction), c.status, str(c.a), str(c.b))

    forward = {(p.a.id, p.b.id): sorted(map(key, p.changes)) for p in xinjiang_changji.matched}
    backward = {(p.b.id, p.a.id): sorted(key(c.swapped()) for c in p.changes) for p in back.matched}
    assert forward == backward
    assert {t.id for t in back.only_a} == {t.id for t in xinjiang_changji.only_b}


def test_cli_json_follows_the_contract():
    result = runner.invoke(app, ["diff", "xinjiang", "changji", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["a"]["id"] == "xinjiang-water-2016" and data["b"]["id"] == "changji-water-2016"
    pair = next(m for m in data["matched"] if m["a_title"] == "专项整治重点行业")
    assert pair["b_title"] == "专项整治重污染行业" and 0 < pair["similarity"] <= 1
    assert {"a", "b", "a_title", "b_title", "similarity", "changes"} <= set(pair)
    assert all(c["direction"] in ("stricter", "looser", "earlier", "later", None) for m in data["matched"] for c in m["changes"])
    assert {"id", "title"} <= set(data["only_a"][0]) and data["only_b"]


def test_cli_markdown_text_and_only_changes():
    md = runner.invoke(app, ["diff", "xinjiang", "changji", "--format", "markdown", "--only-changes"])
    assert md.exit_code == 0 and md.stdout.startswith("## ") and "| task in A |" in md.stdout and "### Unchanged" not in md.stdout
    text = runner.invoke(app, ["diff", "xinjiang", "changji"])
    assert text.exit_code == 0 and "tasks aligned" in text.stdout


def test_cli_fail_on():
    assert runner.invoke(app, ["diff", "xinjiang", "changji", "--fail-on", "looser", "-f", "json"]).exit_code == 1
    assert runner.invoke(app, ["diff", "changji", "changji", "--fail-on", "looser,later,missing", "-f", "json"]).exit_code == 0
    bad = runner.invoke(app, ["diff", "xinjiang", "changji", "--fail-on", "sooner"])
    assert bad.exit_code == 2 and "unknown --fail-on" in bad.stderr


def test_plans_written_in_different_styles_align_and_compare():
    # a province's bracketed clauses under （一）, a city's labelled ones under 1.
    province = extract_text(
        "某省大气污染防治行动方案\n一、调整产业结构\n"
        "（一）严格环境准入。新建项目实行产能减量置换。2018年底前完成。（省发展改革委牵头，省工业和信息化厅参与）\n"
        "（二）淘汰落后产能。2019年底前，全面淘汰10蒸吨/小时及以下燃煤锅炉。（省工业和信息化厅牵头）\n"
        "二、调整能源结构\n（三）控制煤炭消费总量。到2020年，全省煤炭消费总量比2015年下降10%。（省发展改革委牵头）\n")
    city = extract_text(
        "某市大气污染防治行动方案实施细则\n一、调整产业结构\n"
        "1.淘汰落后产能。2018年底前，全面淘汰35蒸吨/小时及以下燃煤锅炉。责任单位：市工业和信息化局（牵头）、市生态环境局。\n"
        "2.严格环境准入。新建项目实行产能减量置换。2018年6月底前完成。责任单位：市发展改革委。\n"
        "二、调整能源结构\n3.控制煤炭消费总量。到2020年，全市煤炭消费总量比2015年下降8%。责任单位：市发展改革委。\n")
    result = diff_plans(province, city)
    # tasks named by their line: 严格环境准入 (province 3, city 4), 淘汰落后产能 (4, 3), 控制煤炭消费总量 (6, 6)
    changes = {(p.a.line, c.field, c.direction) for p in result.matched for c in p.changes}
    assert [(p.a.line, p.b.line) for p in sorted(result.matched, key=lambda p: p.a.line)] == [(3, 4), (4, 3), (6, 6)]
    assert {(3, "deadlines", "earlier"), (4, "deadlines", "earlier"), (6, "targets", "looser")} <= changes
    assert not any(field == "lead" for _, field, _ in changes)


def test_a_deadline_in_traditional_characters_pairs_with_its_parents():
    # the changed deadline is found whatever script the child plan is written in
    a = extract_text("一、总则\n（一）工业。治理工业集聚区。2017年底前，工业集聚区污水处理达到一级A排放标准。（自治区环保厅牵头）\n")
    b = extract_text("一、總則\n（一）工業。治理工業集聚區。2018年底前，工業集聚區污水處理達到一級A排放標準。（州環保局牽頭）\n")
    (pair,) = diff_plans(a, b).matched
    assert [(c.field, c.direction, c.status) for c in pair.changes] == [("deadlines", "later", "changed")]


# -- whose plans they are: options, manifest, text ---------------------------------------------


def _findings(data: dict) -> dict:
    """What a diff found, without the plans' ids and titles (which a copy does not share)."""
    return {
        "matched": [(m["a_line"], m["b_line"], m["changes"]) for m in data["matched"]],
        "also": [(x["a_line"], x["b_line"]) for x in data["also"]],
        "only": [[t["line"] for t in data["only_a"]], [t["line"] for t in data["only_b"]]],
        "targets": data["targets"],
        "indicators": data["indicators"],
    }


@pytest.mark.parametrize(("a", "b"), [("neimenggu", "xinjiang"), ("xinjiang", "changji"), ("xinjiang-13th", "xinjiang-14th")])
def test_the_same_files_by_path_and_by_name_give_the_same_findings(tmp_path, a, b):
    from policyx.text.corpus import find_entry

    copies = []
    for name in (a, b):
        entry = find_entry(name)
        copy = tmp_path / f"copy-of-{entry.id}.txt"
        copy.write_bytes(entry.file.read_bytes())
        copies.append(str(copy))
    by_name = json.loads(runner.invoke(app, ["diff", a, b, "-f", "json"]).stdout)
    by_path = json.loads(runner.invoke(app, ["diff", *copies, "-f", "json"]).stdout)
    assert by_name["a"]["read_from"]["level"] == "manifest" and by_path["a"]["read_from"]["level"] == "text"
    assert (by_name["a"]["level"], by_name["b"]["level"]) == (by_path["a"]["level"], by_path["b"]["level"])
    assert _findings(by_name) == _findings(by_path)
    fails_name = runner.invoke(app, ["diff", a, b, "-f", "json", "--fail-on", "looser"]).exit_code
    fails_path = runner.invoke(app, ["diff", *copies, "-f", "json", "--fail-on", "looser"]).exit_code
    assert fails_name == fails_path


def test_level_and_region_can_be_stated(tmp_path):
    # changji's copy stated to be the province's plan: its absolute amounts are then ranked against xinjiang's
    copy = tmp_path / "plan.txt"
    copy.write_bytes((CORPUS / "changji-water-2016.txt").read_bytes())
    stated = json.loads(runner.invoke(app, ["diff", "xinjiang", str(copy), "-f", "json", "--level-b", "province",
                                            "--region-b", "新疆维吾尔自治区"]).stdout)
    assert stated["b"]["read_from"]["level"] == stated["b"]["read_from"]["region"] == "option"
    water = next(i for i in stated["indicators"] if i["indicator"] == "用水总量")
    assert water["direction"] == "stricter"  # 550 → 25.04 亿立方米, as if for one area
    read = json.loads(runner.invoke(app, ["diff", "xinjiang", str(copy), "-f", "json"]).stdout)
    assert next(i for i in read["indicators"] if i["indicator"] == "用水总量")["direction"] == "incomparable"
    bad = runner.invoke(app, ["diff", "xinjiang", "changji", "--level-a", "city"])
    assert bad.exit_code == 2 and "unknown --level" in bad.stderr
    assert runner.invoke(app, ["diff", "xinjiang", "changji", "--date-b", "July"]).exit_code == 2


def test_text_and_markdown_say_whose_plans_they_are():
    md = runner.invoke(app, ["diff", "xinjiang", "changji", "-f", "markdown"]).stdout
    assert "- A: 新疆维吾尔自治区水污染防治工作方案 (xinjiang-water-2016) — province, 新疆维吾尔自治区" in md
    assert "(title, level, region, date: manifest)" in md
    text = runner.invoke(app, ["diff", "xinjiang", "changji", "--fields", "lead"]).stdout
    assert "B: 昌吉州水污染防治工作方案" in text and "prefecture" in text


# -- reports: fields, lines, escaping -----------------------------------------------------------------


def test_markdown_groups_changes_by_field_with_both_lines():
    md = runner.invoke(app, ["diff", "xinjiang", "changji", "-f", "markdown", "--only-changes"]).stdout
    sections = [line.split(" (")[0] for line in md.splitlines() if line.startswith("### ")]
    order = ["### lead", "### participants", "### implementers", "### deadlines", "### targets"]
    fields = [s for s in sections if s in order]
    assert fields == sorted(fields, key=order.index) and {"### lead", "### deadlines", "### targets"} <= set(fields)
    rows = [line for line in md.split("### deadlines")[1].split("###")[0].splitlines() if line.startswith("| 1")]
    assert rows and all(cells[1].strip().isdigit() and cells[3].strip().isdigit() for cells in (r.split(" | ") for r in rows))


def test_fields_shows_only_the_fields_asked_for():
    md = runner.invoke(app, ["diff", "xinjiang", "changji", "-f", "markdown", "--fields", "deadlines,indicators"]).stdout
    assert "### deadlines" in md and "### indicators compared" in md
    assert "### lead" not in md and "### targets" not in md and "### Only in" not in md
    text = runner.invoke(app, ["diff", "xinjiang", "changji", "--fields", "targets"])
    assert text.exit_code == 0 and "targets (" in text.stdout and "deadlines (" not in text.stdout
    bad = runner.invoke(app, ["diff", "xinjiang", "changji", "--fields", "budget"])
    assert bad.exit_code == 2 and "unknown --fields" in bad.stderr


def test_markdown_escapes_plan_text(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("一、总则\n（一）取缔|小企业[附件]<10蒸吨锅炉。2016年底前完成。（省环保厅牵头）\n", encoding="utf-8")
    b.write_text("一、总则\n（一）取缔|小企业[附件]<10蒸吨锅炉。2017年底前完成。（省经信委牵头）\n", encoding="utf-8")
    md = runner.invoke(app, ["diff", str(a), str(b), "-f", "markdown"]).stdout
    row = next(line for line in md.splitlines() if line.startswith("| 1.1.1"))
    assert "取缔\\|小企业\\[附件\\]&lt;10蒸吨锅炉" in row
    assert row.count(" | ") == 6  # seven cells: no bar of the plan's text opens a cell


def test_a_range_is_compared_and_shown_whole(tmp_path):
    """"达到90%—95%" against "达到95%以上": the indicator's statements carry the range's
    upper end (value_max), and the target reads as one range, not two values."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("一、主要目标\n到2025年，城市污水处理率达到90%—95%。\n", encoding="utf-8")
    b.write_text("一、主要目标\n到2025年，城市污水处理率达到95%以上。\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["diff", str(a), str(b), "-f", "json"]).stdout)
    (pair,) = data["indicators"]
    assert [(s["value"], s["value_max"]) for s in pair["a"]] == [(90, 95)]
    assert [(s["value"], s["value_max"]) for s in pair["b"]] == [(95, None)]
