"""Tables: every row read and every cell in its column, against the hand-written gold."""

from __future__ import annotations

import csv
import json

import pytest
import regex
import yaml
from typer.testing import CliRunner

from policyx import extract_file, extract_text
from policyx.cli.app import app
from policyx.analyse.evaluate import deadline_key

from .conftest import GOLD

runner = CliRunner()


def _table(doc, table_id):
    return next(t for t in doc.tables if t.id == table_id)


@pytest.fixture(scope="module")
def changji():
    return extract_file("changji")


def test_changji_task_table_rows(changji):
    gold = yaml.safe_load((GOLD / "changji-water-2016.table1.yaml").read_text(encoding="utf-8"))["rows"]
    rows = [t for t in changji.tasks if t.table == "附表1"]
    table = _table(changji, "附表1")
    assert table.kind == "task" and table.form == "flattened"
    assert table.columns == ("任务", "子任务", "牵头部门", "主要工作、目标和完成时间")
    assert len(rows) == len(table.rows) == len(gold) == 111

    def want(r):
        heading = regex.sub(r"^[(（][一二三四五六七八九十]+[)）]", "", r["task"]) if r["task"] else None
        return (r["subtask"] or heading, r["lead"], r["deadline"])

    def got(t):
        return (t.title, [d.name for d in t.lead], deadline_key(t.deadlines[0]) if t.deadlines else None)

    wrong = [(w, g) for w, g in zip(map(want, gold), map(got, rows)) if w != g]
    assert wrong == []
    # cells in their columns: the lead column holds departments, the work column the work items
    assert all(row[2] for row in table.rows)
    assert table.rows[0][3].startswith("排查装备水平低") and table.rows[0][3].endswith("(2016年底前)")


def test_repeated_lead_cells_and_missing_sub_tasks(changji):
    rows = [t for t in changji.tasks if t.table == "附表1"]
    # "商务局、经信委" written again before each work item of 集中治理工业集聚区水污染
    assert [t.title for t in rows[4:7]] == ["集中治理工业集聚区水污染"] * 3
    # (八)严控地下水超采 has a lead but no sub-task: its heading names the row
    assert any(t.title == "严控地下水超采" and [d.name for d in t.lead] == ["水利局", "国土局"] for t in rows)


def test_table_rows_restate_body_tasks(changji):
    rows = [t for t in changji.tasks if t.table == "附表1"]
    body = {t.id: t for t in changji.body_tasks()}
    linked = [t for t in rows if t.restates]
    assert len(linked) >= 105
    assert body[rows[0].restates].title == "取缔“十小”企业"
    assert all(t.source == "table" for t in rows)


def test_neimenggu_task_table_rows():
    gold = yaml.safe_load((GOLD / "neimenggu-water-2015.table1.yaml").read_text(encoding="utf-8"))["rows"]
    doc = extract_file("neimenggu")
    rows = [t for t in doc.tasks if t.table == "附件1"]
    assert len(rows) == len(gold) == 75
    assert [([d.name for d in t.lead], [d.name for d in t.participants]) for t in rows] == [
        (g["lead"], g["participants"]) for g in gold
    ]
    assert [t.line for t in rows] == [g["line"] for g in gold]


def test_table_departments_fill_body_tasks_without_clauses():
    doc = extract_file("neimenggu")
    first = doc.body_tasks()[0]
    assert first.title == "狠抓工业污染防治" and first.clause.form == "table"
    assert {"环保厅", "经济和信息化委"} <= {d.name for d in first.lead}


def test_neimenggu_second_appendix_deadline_column():
    doc = extract_file("neimenggu")
    rows = [t for t in doc.tasks if t.table == "附件2"]
    row = next(t for t in rows if t.title.startswith("全区农业面源污染综合防治方案"))
    assert [d.name for d in row.lead] == ["农牧业厅"] and [deadline_key(d) for d in row.deadlines] == ["by 2015-10-31"]


def test_indicator_tables():
    gold = yaml.safe_load((GOLD / "xinjiang-env-13th-2017.indicators.yaml").read_text(encoding="utf-8"))["tables"]
    doc = extract_file("xinjiang-13th")
    # 专栏1 (the 十二五 targets and what 2015 achieved) looks back: its rows are the plan's baselines
    assert {t.line for t in doc.baselines} == {r["line"] for r in gold["专栏1"]["rows"]}
    assert not any(t.line in range(108, 130) for t in doc.targets)
    targets = {t.line: t for t in (*doc.targets, *doc.baselines) if t.source == "table"}
    for table_id, spec in gold.items():
        table = _table(doc, table_id)
        assert table.kind == "indicator" and len(table.rows) == len(spec["rows"])
        for row in spec["rows"]:
            t = targets[row["line"]]
            got = {"metric": t.metric, "unit": t.unit, "target": t.value_text or t.raw, "baseline": t.baseline,
                   "attribute": t.attribute, "group": t.group}
            assert got == {k: row.get(k) for k in got}, row["line"]
    assert _table(doc, "专栏2").stated_count == 20
    t = targets[218]
    assert (t.value, t.value_text, t.year) == (None, "控制在国家下达指标范围内", 2020)
    assert (targets[118].comparator, str(targets[118].value), targets[118].year) == ("<=", "62.6", 2015)
    assert (targets[213].baseline, str(targets[213].value)) == ("—", "15")


def test_footnotes_stay_with_their_table():
    doc = extract_file("xinjiang-13th")
    notes = _table(doc, "专栏2").footnotes
    assert notes[0].startswith("注：①水环境质量基准年数据为2014年") and notes[-1].startswith("⑥主要污染物排放总量")
    assert _table(doc, "专栏1").footnotes[0].startswith("注*")


def test_site_tables_synchronised_on_their_index(changji):
    rivers = _table(changji, "附表2")
    assert rivers.kind == "site" and rivers.stated_count == len(rivers.rows) == 15
    assert rivers.rows[0][:3] == ("1", "头屯河", "八钢") and rivers.rows[-1][:3] == ("15", "木垒河", "县城西")
    lakes = _table(changji, "附表3")
    # 天池 spans the three rows of its lake
    assert [r[:3] for r in lakes.rows] == [("1", "天池", "进口"), ("2", "天池", "天池中心"), ("3", "天池", "出口")]


def test_stated_count_mismatch_is_a_warning():
    text = "附表1\n河流3个水质断面目标表\n序号\n所在水体\n断面名称\n1\n头屯河\n八钢\n2\n三屯河\n河首\n"
    doc = extract_text(text)
    assert [w.message for w in doc.warnings if w.code == "body-table-mismatch"] == ["附表1 says 3 but has 2 rows"]


def test_body_and_table_disagreements_in_changji(changji):
    # read by hand (see tests/test_check.py): two real disagreements, and
    # none that is only a spelling variant (住建局 / 住房和城乡建设局)
    found = [(w.line, w.message) for w in changji.warnings if w.code == "body-table-mismatch"]
    assert [line for line, _ in found] == [17, 93]
    assert "经信委、环保局" in found[0][1] and "卫计委、水利局、住建局" in found[1][1]


def test_tab_table_in_a_text_with_a_table_of_contents_is_not_a_table():
    doc = extract_file("xinjiang-13th")
    assert [t.id for t in doc.tables] == ["专栏1", "专栏2", "专栏6"]


def test_tables_command_and_csv(tmp_path):
    result = runner.invoke(app, ["tables", "changji", "--csv", str(tmp_path)])
    assert result.exit_code == 0 and "附表1" in result.stdout
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [f"changji-water-2016.附表{i}.csv" for i in range(1, 5)]
    rows = list(csv.reader((tmp_path / "changji-water-2016.附表3.csv").open(encoding="utf-8")))
    assert rows[0] == ["line", "group", "序号", "湖库名称", "监测点位名称", "2014年现状", "2020年目标"]
    assert rows[2][2:5] == ["2", "天池", "天池中心"]
    data = json.loads(runner.invoke(app, ["tables", "xinjiang-13th", "-f", "json"]).stdout)
    assert data[1]["id"] == "专栏2" and data[1]["columns"][0] == "指 标"


def test_of_two_year_columns_the_later_is_the_target_and_the_earlier_the_baseline():
    # the 十四五 规划 主要指标 box: 序号 | 指标 | 2020年 | 2025年 | 属性
    doc = extract_text("第一节 主要目标\n专栏1  主要指标\n序号\t指标\t2020年\t2025年\t属性\n"
                       "1\t空气质量优良天数比率（%）\t88.5\t>90\t约束性\n2\tPM2.5平均浓度（微克/立方米）\t35\t≤33\t约束性\n")
    got = [(t.metric, t.comparator, float(t.value), t.unit, t.year, t.baseline) for t in doc.targets if t.source == "table"]
    assert got == [("空气质量优良天数比率", ">", 90.0, "%", 2025, "88.5"), ("PM2.5平均浓度", "<=", 33.0, "微克/立方米", 2025, "35")]


def test_a_task_table_cell_may_note_roles_and_a_deadline_column_may_give_a_bare_month():
    doc = extract_text("一、工作任务\n（一）治理工业污染。取缔小企业。（市环保局牵头）\n附件\n重点任务分工表\n"
                       "序号\t工作任务\t责任单位\t完成时限\n"
                       "1\t取缔“十小”企业\t市环保局、市经信委\t2016年12月\n"
                       "2\t城镇污水处理设施建设与改造\t市住建局（牵头）、市发改委，各区县人民政府\t2017年底前\n")
    rows = [t for t in doc.tasks if t.source == "table"]
    assert [[d.date for d in t.deadlines] for t in rows] == [["2016-12-31"], ["2017-12-31"]]
    second = rows[1]
    assert ([r.name for r in second.lead], [r.name for r in second.participants], [r.name for r in second.implementers]) == (
        ["住建局"], ["发改委"], ["各区县人民政府"])


def test_a_plan_run_into_one_line_keeps_its_tab_tables_and_its_rows_stay_rows():
    # neimenggu-water-2015 with its line breaks become two ideographic spaces (a crawler's copy):
    # its 附件 task tables' rows stood on one line and were read as 75 body tasks
    from .conftest import CORPUS

    original = (CORPUS / "neimenggu-water-2015.txt").read_text(encoding="utf-8")
    joined, reference = extract_text(original.replace("\n", "\u3000\u3000")), extract_text(original)
    assert [(t.columns, len(t.rows)) for t in joined.tables] == [(t.columns, len(t.rows)) for t in reference.tables]
    assert [(t.title, [r.name for r in t.lead]) for t in joined.tasks if t.source == "table"] == [
        (t.title, [r.name for r in t.lead]) for t in reference.tasks if t.source == "table"]
    assert not [t for t in joined.tasks if t.source == "body" and "\t" in t.text]


def test_a_markdown_table_reads_its_rows_groups_and_cells_broken_with_br():
    # a Word file converted to Markdown (pandoc): the rule under the header is no row, a row of one cell
    # heads a group, "<br>" inside a cell breaks no line and parts two offices
    text = ("# 某市2025年数字政府建设工作要点\n\n附件\n\n重点任务分工表\n\n"
            "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"
            "| 一、夯实数字基础 | | | | |\n"
            "| 1 | 建设全市一体化政务云平台，新增云资源500台 | 市数据局 | 市财政局、市网信办 | 2025年12月底前 |\n"
            "| 2 | 推进政务数据共享<br>完成数据目录编制 | 市数据局 | 市直各部门 | 长期坚持 |\n"
            "| 3 | 推进电子证照应用 | 市政务服务中心 | 市公安局<br>市市场监管局 | 2025年第三季度 |\n")
    doc = extract_text(text)
    table = doc.tables[0]
    assert (table.form, table.columns, len(table.rows)) == ("pipe", ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), 3)
    rows = [t for t in doc.tasks if t.source == "table"]
    assert [(t.line, [r.name for r in t.lead], [r.name for r in t.participants], [d.date or d.kind for d in t.deadlines])
            for t in rows] == [(10, ["数据局"], ["财政局", "网信办"], ["2025-12-31"]),
                               (11, ["数据局"], ["市直各部门"], ["ongoing"]),
                               (12, ["政务服务中心"], ["公安局", "市场监管局"], ["2025-09-30"])]


def test_a_rows_deadline_column_and_the_deadlines_in_its_work_item_are_all_its_own():
    # district-worklist-2024 and city-markdown-2025 (two annotators, blind): "6月底前实现…" in the task cell
    # beside a 完成时限 cell of 持续推进
    text = ("某区2024年重点工作任务清单\n附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n"
            "1\t优化提升营商环境，6月底前实现企业开办全程网办\t区行政审批服务局\t持续推进\n"
            "2\t新开工改造城镇老旧小区47个\t区住房城乡建设局\t2024年12月底\n")
    rows = [t for t in extract_text(text).tasks if t.source == "table"]
    assert [sorted(d.date or d.kind for d in t.deadlines) for t in rows] == [["2024-06-30", "ongoing"], ["2024-12-31"]]


def test_a_plan_whose_tasks_are_its_tables_rows_has_no_tasks_in_its_safeguards():
    # city-markdown-2025: the notice's 保障措施 items carry no clause and no row restates them (a body of
    # measures without clauses beside a 重点项目清单 keeps its measures: a second reading)
    text = ("某市2025年数字政府建设工作要点\n一、保障措施\n"
            "（一）加强统筹协调。各牵头单位要切实履行牵头责任。\n（二）强化督促落实。各牵头单位要按月报送进展。\n附件\n重点任务分工表\n"
            "序号\t重点任务\t牵头单位\t完成时限\n1\t建设全市一体化政务云平台\t市数据局\t2025年12月底前\n"
            "2\t推进电子证照应用\t市政务服务中心\t2025年第三季度\n")
    assert [(t.source, t.title) for t in extract_text(text).tasks] == [("table", "建设全市一体化政务云平台"),
                                                                        ("table", "推进电子证照应用")]


def test_a_body_of_measures_without_clauses_beside_a_project_list_keeps_its_measures():
    text = ("一、重点任务\n（一）深入打好蓝天保卫战。推进钢铁行业超低排放改造，2024年底前完成。\n（二）深入打好碧水保卫战。推进污水处理。\n"
            "二、保障措施\n（一）加强组织领导。各部门要高度重视。\n附件\n2024年重点项目清单\n序号\t项目名称\t建设内容\t责任单位\t完成时限\n"
            "1\t某某污水处理厂扩建工程\t新增处理规模5万吨/日\t市住房城乡建设局\t2024年12月底前\n"
            "2\t某某垃圾焚烧厂\t新建\t市城管局\t2024年12月底前\n")
    assert [(t.source, t.title) for t in extract_text(text).tasks] == [
        ("body", "深入打好蓝天保卫战"), ("body", "深入打好碧水保卫战"), ("table", "某某污水处理厂扩建工程"), ("table", "某某垃圾焚烧厂")]
