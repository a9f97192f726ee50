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


# -- the second reading of the change (review inputs of its own) ------------------------------------

def test_a_csv_cells_line_break_stays_inside_its_row_whatever_the_spaces_around_it():
    for cell in ('"（1）滚动实施重点项目120个。\n （2）新开工项目40个。"', '"（1）滚动实施重点项目120个。 \n（2）新开工项目40个。"'):
        text = ("序号,任务名称,具体内容,牵头单位,配合单位,完成时限\n"
                f"1,推进重大项目建设,{cell},县发展改革局,县自然资源局、县住建局,2026年12月底前\n"
                "2,扩大消费,开展促消费活动20场,县商务局,县财政局,2026年12月底前\n")
        assert [(title, lead, participants, deadlines) for _, title, lead, participants, _, deadlines, _ in tasks(text)] == [
            ("推进重大项目建设", ["发展改革局"], ["自然资源局", "住建局"], ["2026-12-31"]),
            ("扩大消费", ["商务局"], ["财政局"], ["2026-12-31"]),
        ]


def test_prose_with_as_many_half_width_commas_beside_a_csv_table_stays_prose():
    text = ("某县2026年重点工作\n"
            "（一）优化营商环境,由县政务服务中心牵头,县市场监管局配合,压缩企业开办时间,2026年6月底前完成,全面推行。\n"
            "序号,任务名称,具体内容,牵头单位,配合单位,完成时限\n"
            "1,推进重大项目建设,实施重点项目120个,县发展改革局,县自然资源局,2026年12月底前\n"
            "2,扩大消费,开展促消费活动20场,县商务局,县财政局,2026年12月底前\n")
    assert [(title[:6], lead) for _, title, lead, *_ in tasks(text)] == [
        ("优化营商环境", ["政务服务中心"]), ("推进重大项目", ["发展改革局"]), ("扩大消费", ["商务局"])]


def test_a_verb_with_le_that_reports_nothing_done_keeps_its_clause():
    text = ("一、重点任务\n（一）摸清企业需求。市工业和信息化局负责，对重点企业用工需求进行了解，2026年3月底前建立台账。\n"
            "（二）规范项目管理。市发展改革委牵头，会同市财政局，对已实施了的项目开展绩效评价。\n")
    assert [(title, lead) for _, title, lead, *_ in tasks(text)] == [
        ("摸清企业需求", ["工业和信息化局"]), ("规范项目管理", ["发展改革委"])]


def test_a_count_after_a_done_qualifier_and_a_verb_of_its_own_is_a_target():
    text = "一、重点任务\n（一）完善充电设施。在已建成小区新建充电桩500个。（市发展改革委负责）\n"
    assert tasks(text)[0][6] == [("=", "500", "个")]


def test_field_lines_of_every_label_are_fields_and_headings_named_as_fields_stay_headings():
    fields = ("一、加快综合交通建设\n（一）推进高速公路建设。全年建成高速公路200公里。\n1.责任厅领导：副厅长王某某\n"
              "2.牵头处室：综合规划处\n3.配合处室：财务审计处、建设管理处\n4.完成期限：2026年12月底前\n"
              "（二）推进农村公路提质改造。改造农村公路3000公里。\n1.牵头单位：省公路事业发展中心\n3.时间要求：2026年11月底前\n")
    assert [(title, lead, participants, deadlines) for _, title, lead, participants, _, deadlines, _ in tasks(fields)] == [
        ("推进高速公路建设", ["综合规划处"], ["财务审计处", "建设管理处"], ["2026-12-31"]),
        ("推进农村公路提质改造", ["公路事业发展中心"], [], ["2026-11-30"]),
    ]
    grouped = ("某市2026年重点工作分工\n一、牵头单位：市发展改革委\n1.扩大有效投资，全年实施重点项目300个（市财政局配合）。\n"
               "二、牵头单位：市商务局\n1.开展促消费活动100场以上（市财政局配合）。\n三、进度安排：\n（一）部署阶段。\n")
    assert [s.marker for s in extract_text(grouped).sections] == ["一、", "1.", "二、", "1.", "三、", "（一）"]


def test_a_sentence_led_by_you_names_the_units_after_it():
    text = "一、重点任务\n（一）开展村庄清洁行动。由各乡镇负责落实。\n（二）推进垃圾分类。由各乡镇负责具体落实，市农业农村局负责指导。\n"
    assert [(lead, implementers) for _, _, lead, _, implementers, *_ in tasks(text)] == [
        ([], ["各乡镇"]), (["农业农村局"], ["各乡镇"])]


def test_lone_carriage_returns_in_a_long_plan_are_line_ends_and_no_crash():
    text = ("一、重点任务\r（一）推进工作。加强监管。（市教育局负责）\r" + "完善制度建设，健全长效机制。\r" * 40
            + "（二）强化保障。（市财政局负责）\r")
    assert [lead for _, _, lead, *_ in tasks(text)] == [["教育局"], ["财政局"]]


# -- the second batch of blind plans (county-emergency-measures-2025, county-department-headed-duties-2026,
#    city-request-notice-2025, province-body-and-annex-division-2024) ----------------------------

def test_an_office_that_organises_work_in_a_sentence_gives_no_duty_of_its_own():
    """Tried and taken back (a second reading): 组织/督促/统筹 after an office in running text are as often a
    report ("县应急管理局组织…开展安全生产大检查，检查企业1260家次"), a qualifier ("县教育局组织开展的…") or an
    office's object ("组织各级党组织…") as a duty: every item stays what it was, a task without a lead."""
    text = ("XX县2025年民生实事工作方案\n\n一、工作任务\n（一）扩大就业。县人力资源和社会保障局牵头，全年城镇新增就业3000人。\n"
            "（二）开展职业技能培训。县人力资源和社会保障局组织县职业教育中心开展职业技能培训，全年培训5000人次。\n"
            "（三）统筹涉农资金。县财政局统筹各乡镇人民政府整合涉农资金不少于2亿元。\n"
            "（四）实施以工代赈。县发展和改革局组织实施以工代赈项目5个。\n"
            "（五）改善农村道路。新建改造农村公路50公里。\n")
    assert [(title, lead) for _, title, lead, *_ in tasks(text)] == [
        ("扩大就业", ["人力资源和社会保障局"]), ("开展职业技能培训", []), ("统筹涉农资金", []), ("实施以工代赈", []),
        ("改善农村道路", [])]


def test_items_under_an_offices_heading_are_its_work():
    """…at any depth under it, a heading over items their group; items that open as its own work."""
    text = ("华容县2026年度重点工作责任分解\n二、重点工作责任分解\n（一）县发展和改革局（3项）\n分管县领导：刘振华\n"
            "1.扎实推进重大项目建设。全年实施县级重点建设项目120个（县财政局、县自然资源局等配合，12月底前完成）；\n"
            "2.深化社会信用体系建设。归集公共信用信息30万条以上（长期坚持）；\n"
            "3.推进节能降碳。完成市下达的年度节能目标任务。\n"
            "（二）县商务局（1项）\n1.培育消费新场景。新增限额以上商贸企业30家（县统计局配合）。\n")
    assert [(title, lead, participants) for _, title, lead, participants, *_ in tasks(text)] == [
        ("扎实推进重大项目建设", ["发展和改革局"], ["财政局", "自然资源局"]),
        ("深化社会信用体系建设", ["发展和改革局"], []),
        ("推进节能降碳", ["发展和改革局"], []),
        ("培育消费新场景", ["商务局"], ["统计局"]),
    ]


def test_a_heading_alone_on_its_line_names_the_task_its_one_paragraph_assigns():
    text = ("九江市人民政府办公室关于做好2025年市级民生实事工作的通知\n二、工作任务\n（一）抓好学前教育扩容\n"
            "请市教育局于5月20日前报送项目清单，8月底前完成新增公办幼儿园学位3000个。\n"
            "（二）推进城镇老旧小区改造\n市住房和城乡建设局要加强技术指导，督促11月底前完成180个小区改造任务。\n"
            "（三）排查整治安全隐患\n由市应急管理局牵头，会同市住房和城乡建设局每季度组织一次燃气安全排查。\n")
    found = tasks(text)
    assert [(line, title, lead) for line, title, lead, *_ in found] == [
        (3, "抓好学前教育扩容", ["教育局"]), (5, "推进城镇老旧小区改造", ["住房和城乡建设局"]),
        (7, "排查整治安全隐患", ["应急管理局"])]
    assert found[0][5] == ["2025-05-20", "2025-08-31"]


# -- Chinese numerals (county-chinese-numerals-2026) ---------------------------------------------------

def test_months_and_shares_in_chinese_numerals_are_read():
    text = ("婺源县2026年优化营商环境工作方案\n一、重点任务\n"
            "（一）提升网上办水平。二〇二六年六月底前，网上可办率达到百分之九十八以上，全程网办率提高两个百分点。（牵头单位：县政务服务中心）\n"
            "（二）开展涉企收费整治。十月中旬前完成专项检查，问题整改率达到百分之百。（牵头单位：县市场监管局）\n"
            "（三）治理扬尘。施工工地严格落实“六个百分之百”。（牵头单位：县住建局）\n")
    found = tasks(text)
    assert [(deadlines, targets) for *_, deadlines, targets in found] == [
        (["2026-06-30"], [(">=", "98", "%"), ("increase", "2", "个百分点")]),
        (["2026-10-20"], [("=", "100", "%")]),
        ([], []),
    ]
    assert extract_text(text).tasks[0].targets[0].raw == "达到百分之九十八以上"


def test_the_offices_after_huitong_are_read_whole():
    """city-policy-interpretation-2026 line 31: "会同市地方金融管理局、市科技局，" read 市科."""
    text = ("一、重点任务\n（一）加大金融支持。设立人工智能产业基金，由市财政局牵头，会同市地方金融管理局、市科技局，"
            "力争2026年底前完成基金组建。\n（二）治理拥堵。由大气环境科牵头，会同市公安局交警支队、市交通运输局，开展联合执法。\n")
    assert [(lead, participants) for _, _, lead, participants, *_ in tasks(text)] == [
        (["财政局"], ["地方金融管理局", "科技局"]), (["大气环境科"], ["公安局交警支队", "交通运输局"])]


def test_items_two_levels_under_an_offices_heading_are_its_work_and_their_groups_no_tasks():
    text = ("某县2026年重点工作责任分解\n一、县教育局\n（一）扩大学前教育资源\n1.新增公办幼儿园学位600个（县财政局配合）。\n"
            "（二）加强教师队伍建设\n1.全年公开招聘教师160名（县人力资源和社会保障局配合）。\n"
            "二、县林业局（2项）\n1.组织开展森林火灾风险普查，3月底前完成。\n2.督促各乡镇落实护林员巡山制度。\n")
    assert [(line, lead, participants) for line, _, lead, participants, *_ in tasks(text)] == [
        (4, ["教育局"], ["财政局"]), (6, ["教育局"], ["人力资源和社会保障局"]), (8, ["林业局"], []), (9, ["林业局"], [])]


def test_a_standing_note_over_a_task_table_hands_its_units_every_row():
    """city-two-row-header-table-2026 line 33."""
    text = ("附件\n洛阳市2026年重点任务清单\n"
            "说明：各县（市、区）人民政府、洛阳高新区管委会负责本辖区各项任务的具体落实，表中不再逐项列出。\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t推进燃煤锅炉淘汰\t市生态环境局\t市发展改革委\t2026年6月底前\n"
            "2\t加强扬尘污染治理\t市住房城乡建设局\t市城市管理局\t2026年12月底前\n")
    assert [(lead, implementers) for _, _, lead, _, implementers, *_ in tasks(text)] == [
        (["生态环境局"], ["各县(市、区)人民政府", "洛阳高新区管委会"]),
        (["住房城乡建设局"], ["各县(市、区)人民政府", "洛阳高新区管委会"])]


# -- a fourth reading (review inputs of its own) --------------------------------------------------------

def test_months_inside_eleven_and_twelve_and_a_hundred_percent_in_chinese_numerals():
    text = "某县2026年方案\n一、重点任务\n（一）推进。2026年十一月底前完成，达标率达到百分之一百。（牵头单位：县政务服务中心）\n"
    assert tasks(text)[0][5:] == (["2026-11-30"], [("=", "100", "%")])


def test_an_item_with_its_own_words_over_sub_items_under_a_department_stays_its_task():
    text = ("某县2026年重点工作责任分解\n一、县发展和改革局\n1.扎实推进重大项目建设（县财政局配合）。\n二、县林业局\n"
            "1.加强森林资源保护。全年完成造林绿化2万亩，森林覆盖率稳定在65%以上。\n"
            "（1）组织开展森林火灾风险普查，5月底前完成。\n（2）督促各乡镇落实护林员巡山制度。\n")
    assert [(line, lead) for line, _, lead, *_ in tasks(text)][:2] == [(3, ["发展和改革局"]), (5, ["林业局"])]


def test_reports_and_support_under_a_department_are_no_work_of_its_own():
    text = ("某县2026年工作总结和计划\n一、县发展和改革局\n（一）2026年重点任务\n1.扎实推进重大项目建设（县财政局配合）。\n"
            "（二）2025年主要做法\n1.组织召开全县重点项目推进会4次，协调解决难题26个。\n"
            "二、县财政局\n（一）配合任务\n1.配合做好老旧小区改造资金保障工作。\n"
            "三、县教育体育局（2项）\n1.推进学前教育普及普惠（县财政局配合）。\n2.联络员：李四，联系电话：12345678。\n")
    assert [(line, lead) for line, _, lead, *_ in tasks(text) if lead] == [(4, ["发展和改革局"]), (11, ["教育体育局"])]


def test_sub_items_named_by_a_time_limit_are_items_of_their_own():
    text = ("某市2026年优化营商环境方案\n一、重点任务\n（一）压缩审批时限。全面推行告知承诺制：\n"
            "1.立项时限：压缩至1个工作日（牵头单位：市发展改革委）。\n2.规划时限：压缩至5个工作日（牵头单位：市自然资源和规划局）。\n")
    assert [(title, lead) for _, title, lead, *_ in tasks(text)] == [
        ("立项时限", ["发展改革委"]), ("规划时限", ["自然资源和规划局"])]
