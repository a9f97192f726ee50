"""Forms of the ten plans written blind on 3 December 2026 (eighth session),
each pinned by the snippet that showed it; the plan and line are named in each
case (tests/data/written)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text
from policyx.text.csv_rows import csv_edits
from policyx.text.normalize import Normalized


def tasks(text: str):
    return [(t.line, t.title, [r.name for r in t.lead], [r.name for r in t.participants],
             [r.name for r in t.implementers], [d.date or d.kind for d in t.deadlines],
             [(g.comparator, str(g.value), g.unit) for g in t.targets]) for t in extract_text(text).tasks]


# -- a sheet exported as CSV (city-csv-export-2026) ------------------------------------------------

CSV_PLAN = (
    "宜昌市2026年重点工作任务清单,,,,,,\r\n"
    "填报单位：市人民政府办公室,,,,,更新日期：,2026/2/27\r\n"
    "\"2026年全市主要预期目标：\n1.地区生产总值增长6%左右；\n2.固定资产投资增长5%。\",,,,,,\r\n"
    "序号,任务名称,具体内容,牵头单位,配合单位,完成时限,年度目标\r\n"
    "一、着力扩大有效需求,,,,,,\r\n"
    "1,推进重大项目建设,\"1.滚动实施市级重大项目300个，其中新开工项目120个；\n2.建立督办机制。\","
    "市发展改革委,市自然资源和规划局、各县市区人民政府,2026年12月底前,重大项目完成投资1500亿元以上\r\n"
    "2,扩大制造业投资,实施技术改造项目200个以上,市经济和信息化局,\"市发展改革委、市财政局\",长期坚持,工业投资增长8%\r\n"
)


def test_a_sheet_exported_as_csv_is_read_as_a_table_its_rows_on_the_lines_they_start():
    found = tasks(CSV_PLAN)
    assert [(line, title, lead, participants, implementers) for line, title, lead, participants, implementers, *_ in found] == [
        (8, "推进重大项目建设", ["发展改革委"], ["自然资源和规划局"], ["各县市区人民政府"]),
        (10, "扩大制造业投资", ["经济和信息化局"], ["发展改革委", "财政局"], []),
    ]
    assert found[0][5] == ["2026-12-31"] and (">=", "1500", "亿元") in found[0][6]
    assert found[1][5] == ["ongoing"]


def test_a_csv_cells_numbered_lines_are_no_headings_and_its_merged_title_rows_no_tasks():
    document = extract_text(CSV_PLAN)
    assert [s.title for s in document.sections] == ["着力扩大有效需求"]
    assert all(t.line >= 8 for t in document.tasks)


def test_prose_with_half_width_commas_is_no_csv():
    prose = ("一、总体要求,全面贯彻党的二十大精神,坚持稳中求进,推动高质量发展。\n"
             "二、主要任务,加快产业升级,扩大有效投资,改善民生福祉。\n"
             "三、保障措施,加强组织领导,强化督查考核,营造良好氛围。\n")
    assert csv_edits(prose) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(',"\n\r\t市局牵头1。 ')), max_size=300))
def test_csv_edits_keep_every_offset(text):
    edits = csv_edits(text)
    assert all(len(replacement) == end - start for start, end, replacement in edits)
    assert all(a[1] <= b[0] for a, b in zip(edits, edits[1:]))
    assert len(Normalized(text).text) == len(text)


# -- fields numbered one a line under their item (city-nested-fields-2026) -------------------------

def test_fields_numbered_one_a_line_under_an_item_are_its_fields_not_its_headings():
    text = ("一、着力扩大有效需求\n"
            "（一）扩大有效投资。坚持项目为王，全年谋划储备亿元以上项目500个以上。\n"
            "1.牵头单位：市发展改革委\n"
            "2.配合单位：市财政局、市住房城乡建设局\n"
            "3.责任单位：各县（市、区）人民政府\n"
            "4.完成时限：2026年12月底前\n"
            "5.工作目标：固定资产投资增长6%以上。\n"
            "（二）促进消费提质扩容。全年举办各类促消费活动200场以上。\n"
            "1.牵头单位：市商务局；配合单位：市财政局\n"
            "2.完成时限：每季度调度，2026年12月底前完成\n")
    document = extract_text(text)
    assert [s.title for s in document.sections] == ["着力扩大有效需求", "扩大有效投资", "促进消费提质扩容"]
    found = tasks(text)
    assert [(title, lead, participants, implementers, deadlines) for _, title, lead, participants, implementers, deadlines, _ in found] == [
        ("扩大有效投资", ["发展改革委"], ["财政局", "住房城乡建设局"], ["各县(市、区)人民政府"], ["2026-12-31"]),
        ("促进消费提质扩容", ["商务局"], ["财政局"], [], ["every", "2026-12-31"]),
    ]
    assert ("increase", "6", "%") in found[0][6]


# -- a 督办 progress table (city-progress-report-table-2026) -----------------------------------------

def test_group_names_numbered_on_lines_of_their_own_keep_a_tab_table_whole():
    text = ("附件\n洛阳市重点工作推进情况表\n"
            "序号\t重点工作\t目标任务\t责任单位\t完成时限\t截至9月底进展情况\n"
            "一、扩大有效投资（2项）\n"
            "1\t重点项目建设\t全年完成投资1500亿元以上\t市发展改革委\t2026年12月底前\t已完成投资1236.5亿元\n"
            "2\t产业用地保障\t盘活闲置土地8000亩\t市自然资源和规划局\t11月底前\t已盘活土地6215亩\n"
            "二、保障和改善民生（1项）\n"
            "3\t文旅融合发展\t全年接待游客1.6亿人次\t市文化广电和旅游局\t全年\t前三季度接待游客1.32亿人次\n")
    found = tasks(text)
    assert [(title, lead, targets) for _, title, lead, _, _, _, targets in found] == [
        ("重点项目建设", ["发展改革委"], [(">=", "1500", "亿元")]),
        ("产业用地保障", ["自然资源和规划局"], [("=", "8000", "亩")]),
        ("文旅融合发展", ["文化广电和旅游局"], [("=", "1.6", "亿人次")]),
    ]


def test_work_reported_done_in_a_notices_preamble_is_no_task():
    text = ("关于全市重点工作推进情况的通报\n"
            "为确保重点工作全面完成，近期，市政府督查室会同市发展改革委、市统计局对22项重点工作推进情况进行了集中调度。\n"
            "一、下一步工作要求\n"
            "（一）强化跟踪督办。实行“月调度、季通报”，市政府督查室对照序时进度逐项审核（市政府督查室牵头，"
            "市发展改革委、市统计局配合）。\n")
    assert [title for _, title, *_ in tasks(text)] == ["强化跟踪督办"]


def test_a_count_of_work_already_done_is_no_target():
    text = "一、重点任务\n（一）推进城市更新。已完成投资12.3亿元，全年完成投资15亿元。（市住房城乡建设局负责）\n"
    assert tasks(text)[0][6] == [("=", "15", "亿元")]


# -- role words (province-traditional-script-2025) --------------------------------------------------

def test_a_government_that_carries_the_work_out_in_detail_and_an_office_that_guides_it():
    text = ("一、重点任务\n（一）强化质量安全监管。加强监管。（责任单位：省住房城乡建设厅牵头，省应急管理厅等配合；"
            "各县（市、区）人民政府负责具体落实）\n"
            "（二）明确对象标准。各设区市要结合实际确定准入条件。（责任单位：省住房城乡建设厅负责指导，各设区市人民政府负责落实）\n")
    assert [(lead, participants, implementers) for _, _, lead, participants, implementers, *_ in tasks(text)] == [
        (["住房城乡建设厅"], ["应急管理厅"], ["各县(市、区)人民政府"]),
        (["住房城乡建设厅"], [], ["各设区市人民政府"]),
    ]


def test_the_same_table_in_traditional_characters_reads_alike():
    simplified = "一、重点任务\n（一）筹集房源。筹集保障性租赁住房10万套。（责任单位：省住房城乡建设厅牵头，省财政厅配合）\n"
    traditional = "一、重點任務\n（一）籌集房源。籌集保障性租賃住房10萬套。（責任單位：省住房城鄉建設廳牽頭，省財政廳配合）\n"
    assert [t[2:] for t in tasks(simplified)] == [t[2:] for t in tasks(traditional)]
