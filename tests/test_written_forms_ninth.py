"""Forms of the plans written blind on 3 December 2026 (ninth session), each
pinned by the snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from pathlib import Path

from policyx import extract_text
from policyx.analyse.evaluate.report import Report
from policyx.analyse.evaluate.targets import score_document_targets


def tasks(text: str):
    return [(t.line, t.title, [r.name for r in t.lead], [r.name for r in t.participants],
             [d.date or d.kind for d in t.deadlines], [(g.comparator, str(g.value), g.unit) for g in t.targets])
            for t in extract_text(text).tasks]


# -- dates written in digits, as a sheet writes them (city-csv-export-2026, line 30) ------------------

def test_a_date_in_digits_after_a_time_field_or_before_qian_is_a_deadline():
    found = tasks("一、重点任务\n1.推进老旧小区改造。（牵头单位：市住建局；完成时限：2026/6/30）\n"
                  "2.开展排查。（牵头单位：市应急局；完成时限：2026.12）\n3.建立台账。（牵头单位：市民政局）于2026-10-31前完成。\n")
    assert [f[4] for f in found] == [["2026-06-30"], ["2026-12-31"], ["2026-10-31"]]


def test_a_web_pages_date_in_digits_is_no_deadline():
    found = tasks("一、重点任务\n1.推进老旧小区改造，发布时间：2026-06-30。（牵头单位：市住建局）\n")
    assert found[0][4] == []


def test_a_deadline_column_in_digits_is_read():
    found = tasks("序号\t工作任务\t牵头单位\t完成时限\n1\t推进老旧小区改造\t市住建局\t2026/6/30\n2\t开展排查\t市应急局\t2026.9\n")
    assert [f[4] for f in found] == [["2026-06-30"], ["2026-09-30"]]


# -- a plan that is all 职责分工 (city-leading-group-duties-2025, county-department-headed-duties-2026) ---

def test_offices_labelled_before_their_duties_lead_in_a_plan_that_attributes_nothing_else():
    found = tasks("一、职责分工\n1.市财政局：负责统筹安排资金。\n2.市教育局：配合市卫生健康委做好学生体检工作。\n")
    assert [(f[0], f[2]) for f in found] == [(2, ["财政局"]), (3, ["教育局"])]


def test_items_under_an_offices_heading_are_its_work_in_a_plan_with_no_clause():
    found = tasks("二、重点工作责任分解\n（一）县发展和改革局（2项）\n1.扎实推进重大项目建设。\n2.做好专项债券项目申报工作。\n"
                  "（二）县教育局\n1.扩大学前教育资源。\n")
    assert [(f[0], f[2]) for f in found] == [(3, ["发展和改革局"]), (4, ["发展和改革局"]), (6, ["教育局"])]


def test_an_exhortation_in_a_plan_that_attributes_nothing_stays_none():
    found = tasks("一、工作要求\n1.加强组织领导。市财政局要统筹安排资金。\n2.强化督查考核。\n")
    assert all(f[2] == [] for f in found)


# -- a ledger copied cell by cell, one a line (bureau-internal-ledger-2026, lines 8-110) ----------------

LEDGER = (
    "珠海市市场监督管理局2026年重点工作任务台账\n序号\n工作任务\n具体措施\n责任领导\n责任科室\n责任人\n完成时限\n"
    "1\n深化经营主体登记便利化改革\n推进企业开办“一件事”集成办理，全年新增经营主体4.5万户以上。\n刘红\n"
    "登记注册科（牵头）、行政审批科、各分局\n何振宇\n2026年12月底前\n"
    # (the 责任领导 cell merged over rows: the crawler wrote it once, this row has six cells)
    "2\n实施信用风险分类监管\n对低风险经营主体抽查比例不高于3%。\n信用监督管理科（牵头）、执法稽查科\n周建华\n6月底前完成\n"
    "3\n推进法治机关建设\n组织开展执法人员法律知识培训，发布地方标准8项。\n张卫东\n政策法规科（牵头）、人事教育科\n许冬梅\n2026/11/30\n"
    "注：1.责任领导为分管局领导；2.各责任科室于每月25日前报送进展。\n"
)


def test_a_ledgers_rows_written_cell_by_cell_are_tasks_of_its_sections_not_its_people():
    found = tasks(LEDGER)
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        (10, "深化经营主体登记便利化改革", ["登记注册科"], ["行政审批科", "各分局"]),
        (17, "实施信用风险分类监管", ["信用监督管理科"], ["执法稽查科"]),
        (23, "推进法治机关建设", ["政策法规科"], ["人事教育科"]),
    ]
    assert [f[4] for f in found] == [["2026-12-31"], ["2026-06-30"], ["2026-11-30"]]


def test_a_ledgers_second_work_column_gives_the_rows_targets():
    found = tasks(LEDGER)
    assert ("increase", "4.5", "万户") in found[0][5] and ("<=", "3", "%") in found[1][5] and ("=", "8", "项") in found[2][5]
    assert extract_text(LEDGER).targets == ()  # (the figures are the rows', not the plan's own)


# -- a plan with no goal part of its own (gold `lines: []`) --------------------------------------------

def test_gold_that_says_a_plan_has_no_goals_counts_every_goal_found_as_false(tmp_path: Path):
    report = Report("plan")
    document = extract_text("一、主要目标\n到2026年，全市新增就业1万人。\n")
    score_document_targets({"lines": [], "targets": []}, document, report)
    counts = report.as_dict()["fields"]["document_targets"]
    assert counts["fp"] == len(document.targets) >= 1 and counts["tp"] == 0


# -- a 交办分解表 of 建议 and 提案 (city-proposals-handling-2026, lines 30-72) --------------------------------

PROPOSALS = (
    "岳阳市2026年市人大代表建议交办分解表\n"
    "序号\t编号\t建议题目\t领衔代表\t主办单位\t协办（会办）单位\t备注\n"
    "1\t第0003号\t关于加快推进城陵矶港区扩能升级的建议\t周建军\t市交通运输局\t市发展和改革委员会\t重点督办件，9月30日前办结\n"
    "2\t第0036号\t关于加快中心城区老旧小区\n加装电梯工作的建议\t刘　芳\t市住房和城乡建设局\t市市场监督管理局\t\n"
    "3\t第0058号\t关于加大农村公路养护资金投入的建议\t黄建华\t市交通运输局、市财政局（分别主办）\t各县市区人民政府\t\n"
    "4\t第0079号\t关于加强东洞庭湖江豚保护的建议\t吴秀兰\t市农业农村局\t会办：市生态环境局；协办：市公安局\t\n"
)


def test_each_proposal_handed_to_an_office_is_a_task_its_host_leading():
    found = tasks(PROPOSALS)
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        (3, "关于加快推进城陵矶港区扩能升级的建议", ["交通运输局"], ["发展和改革委员会"]),
        (4, "关于加快中心城区老旧小区加装电梯工作的建议", ["住房和城乡建设局"], ["市场监督管理局"]),
        (6, "关于加大农村公路养护资金投入的建议", ["交通运输局", "财政局"], []),
        (7, "关于加强东洞庭湖江豚保护的建议", ["农业农村局"], ["生态环境局", "公安局"]),
    ]


def test_a_date_in_a_rows_remarks_is_its_deadline():
    assert [f[4] for f in tasks(PROPOSALS)] == [["2026-09-30"], [], [], []]


# -- a township's schedule month by month (township-monthly-schedule-2026) --------------------------------

SCHEDULE = (
    "三河镇2026年重点工作月度安排\n一、全年主要目标\n\u3000\u3000全镇财政收入增长5%左右。\n二、月度重点工作安排\n一月份\n"
    "\u3000\u30001.开展节前安全生产大检查，发现隐患1月25日前整改到位。（责任办：应急管理办；配合：三河派出所）\n"
    "二月份\n\u3000\u30002.举办专场招聘会2场，提供就业岗位不少于800个。（责任办：社会事务办）\n"
    "第二季度（4—6月）\n"
    "\u3000\u30004月：完成全镇农村房屋安全隐患排查整治“回头看”，对排查出的危房落实管控措施。（责任办：规划建设办）\n"
    "\u3000\u30006月：做好夏粮收购和秸秆禁烧工作，确保不发生一起露天焚烧。（包村领导：各片区包村领导；责任人：各村党组织书记）\n"
    "\u3000\u3000完成镇卫生院门诊楼改造提升工程，新增床位30张，改造完成后投入使用。（责任办：社会事务办；配合：镇卫生院）\n"
    "\u3000\u30005月：开展秋冬季秸秆禁烧和农村火灾防控，落实网格员巡查责任。责任站所：农业服务中心、综治中心\n"
    "\u3000\u30005月：组建镇村两级防汛抢险队伍。（责任办：应急管理办）\n"
    "三、全年常态化工作\n（一）信访维稳。每月开展矛盾纠纷排查。（牵头：综治中心）\n"
)


def test_a_schedules_month_heading_dates_the_items_under_it_up_to_the_next():
    found = {f[0]: f for f in tasks(SCHEDULE)}
    assert found[6][2] == ["应急管理办"] and found[6][4] == ["2026-01-31", "2026-01-25"]
    assert found[8][2] == ["社会事务办"] and found[8][4] == ["2026-02-28"]
    assert "2026-06-30" not in found[16][4]  # (三、 ends the quarter's items)


def test_a_line_opening_with_its_month_is_an_item_of_its_own_due_then_not_at_the_quarters_end():
    found = {f[0]: f for f in tasks(SCHEDULE)}
    assert found[10][1].startswith("完成全镇农村房屋安全隐患排查整治") and found[10][2] == ["规划建设办"]
    assert found[10][4] == ["2026-04-30"]


def test_an_item_that_names_only_people_is_no_part_of_the_next_items_task():
    found = {f[0]: f for f in tasks(SCHEDULE)}
    assert 11 not in found and found[12][1].startswith("完成镇卫生院门诊楼改造提升工程")
    assert found[12][4] == ["2026-06-30"]  # (under the quarter, with no month of its own)


def test_a_line_indented_as_a_paragraph_opens_one_though_the_line_before_has_no_stop():
    found = {f[0]: f for f in tasks(SCHEDULE)}
    assert found[13][2] == ["农业服务中心", "综治中心"] and found[14][2] == ["应急管理办"]


# -- an attribution written once after a block of items (county-block-attribution-2026) -------------------

BLOCKS = (
    "宁都县2026年和美乡村建设工作方案\n二、重点任务\n（一）推进农村厕所革命\n"
    "1.开展户厕问题摸排整改。建立问题台账，6月底前完成整改。\n"
    "2.新（改）建一批农村卫生户厕。全年新（改）建农村卫生户厕2000户。\n"
    "3.加强农村公厕建设管护。新建改建农村公厕40座。（县卫生健康委牵头，县城市管理局配合）\n"
    "以上第1—3项任务由县农业农村局牵头，县财政局配合，各乡镇人民政府负责落实。\n"
    "（二）提升农村生活垃圾治理水平\n"
    "4.健全收运处置体系。更新配置垃圾收集转运车辆30台。\n"
    "5.推进垃圾分类和资源化利用。开展农村生活垃圾分类减量试点。\n"
    "6.深化村庄清洁行动。每季度组织开展一次村庄清洁集中行动。（县农业农村局牵头，县妇联配合）\n"
    "责任单位：县城市管理局（牵头）、县财政局；完成时限：2026年10月底前。\n"
    "（三）推进乡风文明\n7.开展移风易俗专项行动。持续整治高价彩礼。\n"
)


def test_a_block_attribution_goes_to_each_item_it_names_an_items_own_bracket_winning():
    found = {f[0]: f for f in tasks(BLOCKS)}
    assert [found[n][2] for n in (4, 5, 6)] == [["农业农村局"], ["农业农村局"], ["卫生健康委"]]
    assert found[4][3] == ["财政局"] and found[4][4] == ["2026-06-30"]
    assert found[5][5] == [("=", "2000", "户")]  # (the item's own words only, not the next items' figures)
    assert 7 not in found  # (the block's line is no task of its own)


def test_attribution_lines_at_a_groups_end_go_to_its_items_without_one():
    found = {f[0]: f for f in tasks(BLOCKS)}
    assert [found[n][2] for n in (9, 10, 11)] == [["城市管理局"], ["城市管理局"], ["农业农村局"]]
    assert found[9][4] == ["2026-10-31"] and found[11][4] == ["every"]
    assert 15 not in found  # (no attribution anywhere: no task)


# -- duties and items written as an enumeration (city-leading-group-duties-2025, city-yishi-erci-opinions-2026) --

def test_a_members_duties_opening_with_an_enumeration_or_each_are_its_duties():
    found = tasks("一、工作任务\n1.推进儿童友好学校建设。（市教育局牵头）\n二、成员单位职责\n"
                  "市民政局：一是负责困境儿童分类保障；二是牵头推进儿童友好示范社区建设。\n"
                  "市文化广电新闻出版旅游局、市体育局：分别负责公共文化、体育场馆设施的儿童友好改造。\n")
    assert [(f[0], f[2]) for f in found][1:] == [(4, ["民政局"]), (5, ["文化广电新闻出版旅游局", "体育局"])]


ENUMERATED = (
    "一、重点任务\n（三）提升老年健康服务。\n\n"
    "一要加强医养结合服务，推动综合性医院设立老年医学科（市卫健委牵头，市民政局配合）。"
    "二要做实老年人家庭医生签约服务，签约率稳定在75%以上（市卫健委负责）。\n"
)


def test_an_enumerations_items_are_titled_by_their_own_words_not_the_heading_over_them():
    assert [(f[0], f[1], f[2]) for f in tasks(ENUMERATED)] == [
        (4, "加强医养结合服务", ["卫健委"]), (4, "做实老年人家庭医生签约服务", ["卫健委"])]


# -- a second reading's findings (a helper that did not write the change) ----------------------------------

def test_a_text_with_no_words_gives_an_empty_document():
    for text in ("", " ", "\n", "\t\t"):
        assert extract_text(text).tasks == ()


def test_a_month_line_dates_only_the_paragraphs_of_its_own_section():
    found = tasks("某县2026年村庄清洁行动方案\n四、进度安排\n（一）准备阶段\n3月\n制定实施方案。（责任单位：县农业农村局）\n"
                  "（二）实施阶段\n全面开展村庄清洁行动。（责任单位：县农业农村局）\n")
    assert [f[4] for f in found] == [["2026-03-31"], []]


def test_a_month_heading_with_a_colon_dates_the_items_under_it_not_the_one_above():
    found = tasks("某镇2026年重点工作安排\n一、重点工作\n一月份：\n1.开展节前安全大检查。（责任办：应急管理办）\n"
                  "2.做好走访慰问。（责任办：社会事务办）\n二月份：\n3.举办招聘会。（责任办：社会事务办）\n下半年\n"
                  "4.完成全年征兵任务。（责任办：人武部）\n")
    assert [f[4] for f in found] == [["2026-01-31"], ["2026-01-31"], ["2026-02-28"], ["2026-12-31"]]


def test_a_schedule_items_own_month_is_its_deadline_with_no_comma_before_its_bracket():
    found = tasks("某镇2026年重点工作安排\n一、重点工作\n4月：完成农村房屋安全隐患排查。（责任办：规划建设办）\n")
    assert found[0][2] == ["规划建设办"] and found[0][4] == ["2026-04-30"]


def test_the_start_of_a_range_of_digit_dates_is_no_deadline_of_its_own():
    found = tasks("一、任务\n1.开展排查。（牵头单位：市应急局）2026/11/15—2026/12/31前完成。\n")
    assert "2026-11-15" not in found[0][4]


def test_a_sub_row_a_total_and_a_remark_are_no_part_of_the_row_above():
    found = tasks("序号\t工作任务\t牵头单位\t完成时限\t备注\n1\t推进一网通办\t市政务服务中心\n1.1\t推进掌上办\t市数据局\t2026年12月\n"
                  "2\t强化融资支持\t市金融办\t2026年6月\t上年度结转项目，2025年10月底前已开工\n合计\t4项\n")
    assert [(f[1], f[2], f[4]) for f in found] == [
        ("推进一网通办", ["政务服务中心"], []), ("推进掌上办", ["数据局"], ["2026-12-31"]),
        ("强化融资支持", ["金融办"], ["2026-06-30"])]


def test_every_column_of_a_role_is_read():
    found = tasks("序号\t建议题目\t主办单位\t会办单位\t协办单位\n1\t关于加快港区建设的建议\t市交通运输局\t市发改委\t市团委\n")
    assert found[0][2:4] == (["交通运输局"], ["发改委", "团委"])


def test_a_members_duty_may_open_with_any_duty_verb_and_a_short_task_name_is_no_person():
    found = tasks("一、职责分工\n（一）市教育局：组织开展校园食品安全检查。\n（二）市公安局：依法打击食品安全违法犯罪行为。\n")
    assert [f[2] for f in found] == [["教育局"], ["公安局"]]
    ledger = ("序号\n工作任务\n具体措施\n责任领导\n责任科室\n责任人\n完成时限\n"
              "1\n信访维稳\n每月开展矛盾纠纷排查。\n办公室\n张三\n2026年12月底前\n"
              "2\n编制规划\n完成国土空间规划编制。\n李四\n规划股（牵头）、测绘股\n王五\n2026年6月底前\n")
    assert [(f[1], f[2], f[3]) for f in tasks(ledger)] == [("信访维稳", ["办公室"], []), ("编制规划", ["规划股"], ["测绘股"])]


# -- a second reading of the later change ------------------------------------------------------------------

def test_a_table_cell_broken_over_two_lines_is_rejoined_though_it_goes_on_with_a_numeral_or_a_bracket():
    found = tasks("序号\t工作任务\t牵头单位\t完成时限\n1\t深化政务服务\n一网通办改革\t市数据局\t2026年12月底前\n"
                  "2\t推进老旧小区改造\n（含加装电梯）\t市住建局\t2026年6月\n")
    assert [(f[1], f[2], f[4]) for f in found] == [
        ("深化政务服务一网通办改革", ["数据局"], ["2026-12-31"]), ("推进老旧小区改造（含加装电梯）", ["住建局"], ["2026-06-30"])]


def test_a_blocks_date_and_its_group_and_a_range_over_two_groups():
    found = tasks("某县2026年方案\n一、重点任务\n（一）稳定粮食生产\n1.稳定播种面积。（县农业农村局负责）\n2.推进良种推广。\n"
                  "（二）加强耕地保护\n严格落实耕地保护制度。\n以上任务由县自然资源局负责，2026年11月底前完成。\n")
    assert [(f[1], f[2], f[4]) for f in found] == [
        ("稳定播种面积", ["农业农村局"], []), ("加强耕地保护", ["自然资源局"], ["2026-11-30"])]
    found = tasks("某县2026年方案\n一、重点任务\n（一）A组\n1.开展摸排。\n2.推进建设。（县卫生健康委配合）\n（二）B组\n"
                  "3.推进治理。\n以上第1—3项任务由县农业农村局牵头，县财政局配合。\n")
    assert [(f[2], f[3]) for f in found] == [(["农业农村局"], ["财政局"]), (["农业农村局"], ["卫生健康委", "财政局"]),
                                              (["农业农村局"], ["财政局"])]


def test_a_block_under_sub_items_goes_to_the_items():
    found = tasks("某县2026年方案\n一、重点任务\n1.落实制度。\n2.推进改革：\n（1）推进A。\n（2）推进B。\n以上任务由县发展改革委负责。\n")
    assert [(f[1], f[2]) for f in found] == [("落实制度", ["发展改革委"]), ("推进改革", ["发展改革委"])]


def test_every_item_under_a_heading_of_an_offices_duties_is_its_task():
    found = tasks("某县2026年清单\n一、县委领导班子主体责任（集体责任）\n1.定期研究部署党风廉政建设工作。\n二、县应急管理局工作职责\n"
                  "1.召开安全生产专题会议。\n2.将安全生产纳入考核。\n")
    assert [f[2] for f in found] == [["县委"], ["应急管理局"], ["应急管理局"]]


def test_one_clause_after_a_whole_enumeration_is_the_headings_task():
    found = tasks("某县2026年方案\n一、保障措施\n（一）加强组织领导\n一是成立工作领导小组，二是建立工作专班。（县委办、县政府办负责）\n")
    assert [(f[1], f[2]) for f in found] == [("加强组织领导", ["县委办", "政府办"])]


def test_a_time_fields_range_of_digit_dates_is_due_at_its_end():
    found = tasks("一、任务\n1.开展排查。（牵头单位：市应急局；完成时限：2026/11/15—2026/12/31）\n")
    assert found[0][4] == ["2026-12-31"]


def test_items_referred_to_by_their_numbers_are_no_headings_and_the_block_names_them():
    found = tasks("某县2026年方案\n一、重点任务\n（一）推进A。\n（二）推进B。\n（三）推进C。\n"
                  "上述第（一）至（三）项工作均由市发展改革委牵头，市财政局配合。\n")
    assert [(f[1], f[2], f[3]) for f in found] == [("推进A", ["发展改革委"], ["财政局"]), ("推进B", ["发展改革委"], ["财政局"]),
                                                   ("推进C", ["发展改革委"], ["财政局"])]
