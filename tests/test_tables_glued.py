"""Tables a copy ran together (tables/glued.py): header names and rows glued,
each row's number right after the offices that end the row before."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text, load_rules
from policyx.extract.clauses import split_units

from .conftest import ROOT

CHENGDU = ROOT / "tests" / "data" / "wild" / "texts" / "chengdu-waste-2020.txt"


def _names(refs):
    return [r.raw for r in refs]


def test_the_docx_preview_that_prompted_it_is_read_row_by_row():
    # chengdu-waste-2020: a 责任分工表 whose cells a document site's preview ran together
    doc = extract_text(CHENGDU.read_text(encoding="utf-8"))
    table = doc.tables[0]
    assert (table.form, table.kind) == ("glued", "task")
    assert table.columns == ("序号", "工作内容", "目标任务", "责任单位", "备注")
    assert table.title == "贯彻落实生活垃圾分类制度重点任务责任分工表"
    rows = [t for t in doc.tasks if t.table == table.id]
    assert [t.text[:11] for t in rows[:4]] == ["将生活垃圾分类投放作为", "完善生活垃圾回收利用体", "加强家庭源危险废物处置",
                                               "依据国土空间规划落实生"]
    first = rows[0]
    assert _names(first.lead) == ["市委宣传部(市文明办)", "市城管委", "市住建局", "市总工会", "团市委", "市妇联", "市文广旅局"]
    assert _names(first.implementers) == ["各区(市)县政府(管委会)"]
    assert [d.date for d in first.deadlines] == ["2021-02-28"]
    assert [(t.comparator, t.value, t.unit) for t in first.targets] == [(">=", 90, "%")]
    assert _names(rows[2].lead) == ["市生态环境局"]
    # the preview's page numbers at line starts ("2、住建局…") are no items of the plan's own
    assert not [t for t in doc.tasks if t.source == "body" and t.line in (3, 4)]
    # nor is the row's target a target of the plan outside its tasks
    assert not doc.targets


GLUED = ("重点工作责任分工表序号重点任务牵头单位配合单位完成时限"
         "1加快推进城市更新行动，完成老旧小区改造120个。市住房城乡建设局市发展改革委、市财政局2022年底前"
         "2实施水污染治理工程，新建污水管网50公里。市生态环境局市水务局2022年6月底前"
         "3推进数字政府建设。市大数据局各县（市、区）人民政府长期坚持\n")


def test_lead_and_participant_columns_run_together_are_told_apart_where_one_office_runs_into_the_next():
    doc = extract_text(GLUED)
    rows = [t for t in doc.tasks if t.source == "table"]
    assert [(_names(t.lead), _names(t.participants)) for t in rows[:2]] == [
        (["市住房城乡建设局"], ["市发展改革委", "市财政局"]), (["市生态环境局"], ["市水务局"])]
    assert [[d.date for d in t.deadlines] for t in rows[:2]] == [["2022-12-31"], ["2022-06-30"]]
    # the last row ends with 长期坚持, no date: its offices end before it
    assert _names(rows[2].lead) == ["市大数据局"] and _names(rows[2].implementers) == ["各县（市、区）人民政府"]
    assert doc.tables[0].rows[2][-1] == "长期坚持"


def test_a_glued_header_over_numbered_prose_is_no_table():
    # no list of offices before the next number: the numbers are the prose's
    text = "序号工作内容责任单位备注1是加强宣传2是完善制度3是强化考核。\n"
    assert extract_text(text).tables == ()


def test_offices_a_copy_ran_together_are_two_when_both_name_an_office():
    rules = load_rules()

    def units(text):
        return [u for u, _ in split_units(text, 0, rules.departments, rules.responsibility)]

    assert units("市生态环境局市水务局") == ["市生态环境局", "市水务局"]
    assert units("市发展改革委市场监管局") == ["市发展改革委", "市场监管局"]
    assert units("市委宣传部") == ["市委宣传部"]
    assert units("人民银行市中心支行") == ["人民银行市中心支行"]


OFFICES = ["市生态环境局", "市财政局", "市水务局", "市商务局", "市教育局", "团市委", "市妇联"]
WORDS = st.text(alphabet="加强推进完善建设体系制度管理工作水环境治理", min_size=4, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(WORDS, st.lists(st.sampled_from(OFFICES), min_size=1, max_size=3, unique=True)),
                min_size=2, max_size=8))
def test_every_glued_row_is_read_with_its_offices(rows):
    body = "".join(f"{n}{words}。{'、'.join(offices)}" for n, (words, offices) in enumerate(rows, 1))
    doc = extract_text(f"任务分工表序号工作任务责任单位{body}\n")
    read = [t for t in doc.tasks if t.source == "table"]
    assert [_names(t.lead) for t in read] == [offices for _, offices in rows]
    assert [t.text for t in read] == [f"{words}。" for words, _ in rows]


# forms a second reading of the reader tried (written in the shape such tables take, not from one plan)
FORMS = {
    # a work item with no closing 。: the offices start where a level opens one
    "序号重点任务责任单位1加强河湖管护市水务局2推进农村污水治理市生态环境局、市农业农村局3开展宣传教育市委宣传部\n":
        [("加强河湖管护", ["市水务局"], [], []), ("推进农村污水治理", ["市生态环境局", "市农业农村局"], [], []),
         ("开展宣传教育", ["市委宣传部"], [], [])],
    # the deadline column before the department column: the date stays with the work item
    "序号重点任务完成时限责任单位1加强饮用水水源地保护。2022年底前市生态环境局2开展河湖清四乱。2022年6月底前市水务局\n":
        [("加强饮用水水源地保护", ["市生态环境局"], [], ["2022-12-31"]), ("开展河湖清四乱", ["市水务局"], [], ["2022-06-30"])],
    # a list ending in 等 before the date
    "序号重点任务牵头单位配合单位完成时限1完善河长制工作机制。市水务局市发展改革委、市财政局等2022年底前"
    "2加强监管。市生态环境局市水务局2022年底前\n":
        [("完善河长制工作机制", ["市水务局"], ["市发展改革委", "市财政局"], ["2022-12-31"]),
         ("加强监管", ["市生态环境局"], ["市水务局"], ["2022-12-31"])],
    # one department column: offices run together are all of it
    "序号重点任务责任单位完成时间1加强饮用水水源地保护。市生态环境局市水务局2022年底前2开展督查。市水务局2022年底前\n":
        [("加强饮用水水源地保护", ["市生态环境局", "市水务局"], [], ["2022-12-31"]), ("开展督查", ["市水务局"], [], ["2022-12-31"])],
    # 具体措施 is the work column
    "序号具体措施责任单位1推行绿色包装。市商务局2减少一次性用品。市市场监管局\n":
        [("推行绿色包装", ["市商务局"], [], []), ("减少一次性用品", ["市市场监管局"], [], [])],
    # a count of people after an office is the row's words, not the next row
    "序号重点任务责任单位1开展专项督查，市卫健委2人一组开展暗访。市卫健委市市场监管局2加强食品安全监管。市市场监管局\n":
        [("开展专项督查，市卫健委2人一组开展暗访", ["市卫健委", "市市场监管局"], [], []),
         ("加强食品安全监管", ["市市场监管局"], [], [])],
    # a heading after the last row's offices ends the table
    "序号重点任务责任单位1推进污水治理。市水务局2加强监管。市生态环境局三、保障措施到2025年，城市污水处理率达到95%以上。\n":
        [("推进污水治理", ["市水务局"], [], []), ("加强监管", ["市生态环境局"], [], [])],
    # a lead ending in an aside in brackets, or in 中心, runs into the participants
    "序号重点任务牵头单位配合单位1加强宣传。市委宣传部(市文明办)市城管委、市教育局2推进数据共享。市大数据中心市政务服务局\n":
        [("加强宣传", ["市委宣传部(市文明办)"], ["市城管委", "市教育局"], []), ("推进数据共享", ["市大数据中心"], ["市政务服务局"], [])],
    # a column of the leader in charge (a person) before the offices: read past, with the work item
    "重点工作分工表序号工作任务责任领导牵头单位完成时限1推进城市更新。张明市住房城乡建设局2022年底前"
    "2实施水污染治理。李华市生态环境局2022年6月底前\n":
        [("推进城市更新", ["市住房城乡建设局"], [], ["2022-12-31"]), ("实施水污染治理", ["市生态环境局"], [], ["2022-06-30"])],
    # group headings (a merged cell's) after the header and between rows
    "生活垃圾分类工作任务分工表序号重点任务牵头单位配合单位一、强化源头减量1推进快递包装绿色转型。市邮政管理局市商务局"
    "2限制一次性用品使用。市商务局市市场监管局二、完善收运体系3建设分类收运网络。市城管委市生态环境局\n":
        [("推进快递包装绿色转型", ["市邮政管理局"], ["市商务局"], []), ("限制一次性用品使用", ["市商务局"], ["市市场监管局"], []),
         ("建设分类收运网络", ["市城管委"], ["市生态环境局"], [])],
}


def test_group_headings_name_the_rows_under_them():
    text = next(t for t in FORMS if "一、强化源头减量" in t)
    assert extract_text(text).tables[0].row_groups == ("一、强化源头减量", "一、强化源头减量", "二、完善收运体系")


@pytest.mark.parametrize("text", list(FORMS))
def test_forms_of_run_together_rows(text):
    rows = [t for t in extract_text(text).tasks if t.source == "table"]
    assert [(t.title, _names(t.lead), _names(t.participants), [d.date for d in t.deadlines]) for t in rows] == FORMS[text]


def test_a_division_after_its_office_is_no_second_office():
    rules = load_rules()
    for name in ["省生态环境厅各处室", "市住建局市政处", "国务院各部门", "市卫健委各医疗机构", "市公安局各分局"]:
        assert [u for u, _ in split_units(name, 0, rules.departments, rules.responsibility)] == [name]
