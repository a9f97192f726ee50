"""Forms read on 4 December 2026 (sixteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text

from .readings import table_rows


# -- a header written over two rows ---------------------------------------------------------------------------------

TWO_ROW_HEADER = ("某市2026年电梯安全工作任务清单\n"
                  "序号\t工作任务\t责任单位\t\t完成时限\n"
                  "\t\t牵头单位\t配合单位\t\n"
                  "1\t开展在用电梯隐患大排查，建立隐患清单\t市市场监管局\t市住建局、市教育局\t2026年4月底前\n"
                  "2\t实施老旧住宅电梯更新改造600台以上\t市住建局\t市财政局\t2026年11月底前\n")


def test_a_second_header_row_names_the_parts_of_a_merged_cell_over_it():
    # city-two-row-header-table-2026 lines 34-35: 责任单位 merged over 牵头单位 | 配合单位
    assert table_rows(TWO_ROW_HEADER) == [
        ("开展在用电梯隐患大排查，建立隐患清单", ["市场监管局"], ["住建局", "教育局"], ["2026-04-30"]),
        ("实施老旧住宅电梯更新改造600台以上", ["住建局"], ["财政局"], ["2026-11-30"]),
    ]


def test_a_saved_pages_two_row_header_reads_as_a_sheets():
    page = ("<html><body><p>某市2026年电梯安全工作任务清单</p><table>\n"
            '<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td colspan="2">责任单位</td>'
            '<td rowspan="2">完成时限</td></tr>\n'
            "<tr><td>牵头单位</td><td>配合单位</td></tr>\n"
            "<tr><td>1</td><td>开展在用电梯隐患大排查，建立隐患清单</td><td>市市场监管局</td>"
            "<td>市住建局、市教育局</td><td>2026年4月底前</td></tr>\n"
            "</table></body></html>\n")
    assert table_rows(page) == [("开展在用电梯隐患大排查，建立隐患清单", ["市场监管局"], ["住建局", "教育局"], ["2026-04-30"])]


def test_a_first_row_that_is_a_tables_own_is_no_second_header_row():
    text = TWO_ROW_HEADER.replace("\t\t牵头单位\t配合单位\t\n", "")
    assert [lead for _, lead, _, _ in table_rows(text)] == [["市场监管局"], ["住建局"]]


def tasks(text: str):
    """(line, title, lead, participants, implementers) of each task."""
    return [(t.line, t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers])
            for t in extract_text(text).tasks]


# -- a hospital's own plan ---------------------------------------------------------------------------------------------

def test_a_leaders_field_after_wide_spaces_ends_the_units_field_before_it():
    # hospital-internal-quality-improvement-plan-2026 lines 35-42
    text = ("（三）提高护理服务质量\n"
            "1.深化优质护理服务。落实责任制整体护理。\n"
            "责任科室：护理部　　分管院领导：王秀英\n"
            "2.促进合理用药。每月开展处方和医嘱专项点评。\n"
            "责任科室：药剂科（牵头），医务部；各临床科室具体落实　　分管院领导：陈立新\n")
    assert tasks(text) == [(2, "深化优质护理服务", ["护理部"], [], []),
                           (4, "促进合理用药", ["药剂科"], ["医务部"], ["各临床科室"])]


def test_a_section_named_without_its_level_is_an_office_in_its_own_plan():
    # hospital-internal-quality-improvement-plan-2026 lines 49 and 74: "后勤保障部负责", "质控办负责"
    text = ("三、重点任务\n"
            "2.规范医疗废物管理。严格执行医疗废物分类收集制度。后勤保障部负责，院感科配合做好监督指导。\n"
            "3.强化考核激励。质控办负责将活动各项指标纳入科室综合目标考核，财务科配合做好绩效核算。\n")
    assert [(lead, participants) for _, _, lead, participants, _ in tasks(text)] == [
        (["后勤保障部"], ["院感科"]), (["质控办"], ["财务科"])]
    # (a region or a verb that ends in 部 or 办 is none: "东部", "跟踪督办")
    assert tasks("三、重点任务\n2.推进协作。东部负责对口支援，市发改委配合。\n")[0][2] == []


def test_a_plans_organisation_section_sets_bodies_up_and_holds_no_task():
    # county-ad-hoc-bodies-civilised-city-2026 line 17, township-work-plan-2026 line 20
    text = ("二、组织机构\n"
            "（一）县创文指挥部。由县委书记任政委，县长任指挥长。指挥部负责创建工作的统筹谋划、组织协调和督导考核。\n"
            "三、攻坚任务\n"
            "（一）整治背街小巷。完成背街小巷改造。（责任单位：县住建局）\n")
    assert [title for _, title, _, _, _ in tasks(text)] == ["整治背街小巷"]


def test_a_phase_of_one_month_is_due_at_its_end():
    # state-owned-group-safety-plan-2026 line 49 (as a stretch of months is: "集中攻坚阶段（2026年4月—10月）")
    text = ("三、实施步骤\n"
            "（一）动员部署阶段（2026年3月）。集团安全环保部负责组织召开治本攻坚动员部署会。\n")
    assert [(d.kind, d.date) for d in extract_text(text).tasks[0].deadlines] == [("by", "2026-03-31")]


# -- a subdistrict's and a development zone's own plans ----------------------------------------------------------------

def test_a_subdistricts_own_offices_are_named_after_its_level():
    # subdistrict-grid-governance-plan-2026 line 73, development-zone-committee-plan-2026 line 18
    text = ("五、保障措施\n"
            "（二）强化经费保障。街道党政办负责将网格员薪酬待遇纳入年度预算，7月1日前落实到位。\n"
            "（三）强化要素保障。经开区财政金融局负责统筹安排项目建设专项资金不少于8亿元。\n")
    # (a zone's bureau keeps the zone's name: "经开区财政局" and "高新区财政局" are two offices, a second reading)
    assert [lead for _, _, lead, _, _ in tasks(text)] == [["党政办"], ["经开区财政金融局"]]
    # (a zone's committee keeps its name: "开发区管委会", city-duty-division-2026 line 56)
    assert tasks("（六）各县市区人民政府、开发区管委会。负责项目谋划、征收安置和组织实施。\n")[0][4] == ["各县市区人民政府", "开发区管委会"]


ZONE_PLAN = ("九江经开区2026年项目攻坚行动方案\n"
             "一、工作目标\n"
             "　　2026年，全区新签约亿元以上项目60个，固定资产投资增长8%。\n"
             "二、保障措施\n"
             "　　（一）强化组织领导。成立行动指挥部，指挥部办公室设在经济发展局。\n"
             "　　（二）强化要素保障。经开区财政金融局负责统筹安排项目建设专项资金不少于8亿元。\n"
             "　　（三）强化督查问责。管委会督查室每月对重点任务推进情况进行督查。\n"
             "附件\n"
             "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
             "1\t开展产业链精准招商\t招商服务中心\t经济发展局\t每季度末\n"
             "2\t推进重大项目开工\t经济发展局\t规划建设局\t2026年6月底前\n")


def test_where_a_table_holds_the_tasks_the_safeguards_items_with_no_clause_are_none():
    # development-zone-committee-plan-2026 lines 16-20: the safeguards without a clause (its goals' section is titled
    # 目标任务 there, which a 目标管理责任书 writes over its tasks: test_written_forms_thirteenth)
    assert [(line, title) for line, title, _, _, _ in tasks(ZONE_PLAN)] == [
        (6, "强化要素保障"), (10, "开展产业链精准招商"), (11, "推进重大项目开工")]


# -- an education bureau's own plan ----------------------------------------------------------------------------------

def test_schools_named_after_the_bureaus_own_sections_carry_the_task_out():
    # county-education-bureau-sections-and-schools-2026 lines 23 and 45
    text = ("攸县教育局2026年校园安全工作实施方案\n（二）夯实校园安全基础建设\n"
            "4.推进校园安全达标建设。秋季开学前全县中小学幼儿园全部达到建设标准。（责任股室：安全管理股牵头，计划财务股配合；"
            "责任学校：各乡镇中心学校、县直各学校）\n"
            "5.常态化开展应急疏散演练。各中小学校每学期至少组织2次应急疏散演练。（责任学校：各中小学校、各幼儿园）\n")
    got = extract_text(text).tasks
    assert [([r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers]) for t in got] == [
        (["安全管理股"], ["计划财务股"], ["各乡镇中心学校", "县直各学校"]),
        (["各中小学校", "各幼儿园"], [], []),
    ]
    # (the autumn term opens on 1 September)
    assert [(d.kind, d.date) for d in got[0].deadlines] == [("by", "2026-08-31")]


def test_units_asked_to_take_part_are_named_without_the_asking():
    # county-education-bureau-sections-and-schools-2026 line 38: "商请县公安局交警大队…配合"
    text = "10.加强校车安全管理。安全管理股负责，商请县公安局交警大队、县交通运输局配合。\n"
    assert tasks(text)[0][3] == ["公安局交警大队", "交通运输局"]


# -- an inspection plan's table ---------------------------------------------------------------------------------------

INSPECTIONS = ("宜昌市市场监督管理局2026年度“双随机、一公开”抽查工作计划\n"
               "序号\t抽查事项\t抽查对象\t抽查比例\t实施主体\t配合单位\t抽查时间\n"
               "1\t企业公示信息抽查\t全市登记在册的企业\t不低于3%\t信用监督管理科\t登记注册科\t6—9月\n"
               "2\t食品生产企业监督检查\t获证食品生产企业\t不低于10%\t食品生产安全监督管理科\t市食品药品检验检测中心\t第二季度\n"
               "3\t认证活动及认证证书监督检查\t认证机构\t不低于3%\t认证认可与检验检测监督管理科\t/\t下半年\n")


def test_an_inspection_plans_rows_are_its_tasks_with_their_share_and_time():
    # city-market-regulation-random-inspection-plan-2026 lines 16-29: 实施主体 with no 牵头 column answers for the row
    got = extract_text(INSPECTIONS).tasks
    assert [(t.title, [r.name for r in t.lead], [(d.kind, d.date) for d in t.deadlines],
             [(x.comparator, float(x.value), x.unit) for x in t.targets]) for t in got] == [
        ("企业公示信息抽查", ["信用监督管理科"], [("by", "2026-09-30")], [(">=", 3, "%")]),
        ("食品生产企业监督检查", ["食品生产安全监督管理科"], [("by", "2026-06-30")], [(">=", 10, "%")]),
        ("认证活动及认证证书监督检查", ["认证认可与检验检测监督管理科"], [("by", "2026-12-31")], [(">=", 3, "%")]),
    ]


def test_an_implementers_column_beside_a_lead_column_still_carries_the_task_out():
    text = INSPECTIONS.replace("实施主体\t配合单位", "牵头单位\t实施主体")
    assert [([r.name for r in t.lead], [r.name for r in t.implementers]) for t in extract_text(text).tasks][0] == (
        ["信用监督管理科"], ["登记注册科"])


# -- a plan's note on how its lists read -------------------------------------------------------------------------------

def test_a_note_that_the_units_before_the_semicolon_lead_makes_those_after_it_take_part():
    # city-slash-and-semicolon-unit-lists-2026 lines 21-24
    text = ("三、重点任务\n"
            "（说明：各项任务的责任单位中，分号“；”前为牵头单位，分号后为配合单位；未列分号的，所列单位均为牵头单位。"
            "各县市区人民政府、各开发区管委会负责抓好本辖区任务落实，以下不再列出。）\n"
            "1.推进城镇老旧小区改造。全年新开工改造城镇老旧小区100个以上。（责任单位：市住建局；市发改委、市财政局）\n"
            "2.开展完整社区建设试点。选取10个社区开展试点。（责任单位：市住建局/市民政局）\n")
    assert tasks(text) == [
        (3, "推进城镇老旧小区改造", ["住建局"], ["发改委", "财政局"], ["各县市区人民政府", "各开发区管委会"]),
        (4, "开展完整社区建设试点", ["住建局", "民政局"], [], ["各县市区人民政府", "各开发区管委会"]),
    ]


# -- a reform plan's points --------------------------------------------------------------------------------------------

def test_a_reform_points_outcome_field_names_no_unit_and_every_town_carries_out():
    # county-reform-points-inline-outcome-2026 line 12; county-bracket-2024 line 20 ("各镇（街道）")
    text = ("一、经济体制改革\n"
            "1.深化农村集体经营性建设用地入市改革。完善入市收益分配机制。（成果形式：出台实施意见；牵头单位：县自然资源和规划局；"
            "配合单位：县农业农村局、县财政局、各镇（街道）；完成时限：2026年9月）\n")
    assert tasks(text) == [(2, "深化农村集体经营性建设用地入市改革", ["自然资源和规划局"], ["农业农村局", "财政局"], ["各镇(街道)"])]


# -- a plan answering a 人大's opinions, and a 督办 memo ---------------------------------------------------------------

def test_a_rows_first_cells_merged_down_leave_the_rows_under_it_their_own_measures():
    # city-npc-deliberation-opinions-implementation-2026 lines 21-23
    text = ("常州市2026年落实审议意见工作方案\n"
            "序号\t审议意见\t落实措施\t责任单位\t完成时限\n"
            "1\t加强臭氧污染协同防控\t实施重点行业VOCs源头替代和深度治理，完成60家涉VOCs企业综合治理。\t市生态环境局\t2026年12月底前\n"
            "推进移动源污染防治，淘汰国三及以下排放标准营运柴油货车800辆。\t市交通运输局\t2026年12月底前\n"
            "2\t巩固提升水环境质量\t开展入河排污口排查整治。\t市生态环境局\t2026年11月底前\n")
    assert table_rows(text) == [
        ("实施重点行业VOCs源头替代和深度治理，完成60家涉VOCs企业综合治理", ["生态环境局"], [], ["2026-12-31"]),
        ("推进移动源污染防治，淘汰国三及以下排放标准营运柴油货车800辆", ["交通运输局"], [], ["2026-12-31"]),
        ("开展入河排污口排查整治", ["生态环境局"], [], ["2026-11-30"]),
    ]


def test_after_a_lead_noted_so_a_list_noted_as_assisting_takes_part_whole():
    # city-government-supervision-memo-2026 line 14
    text = ("（一）加快推进中心城区老旧小区改造\n"
            "　　督办要求：2026年中心城区计划改造老旧小区126个。\n"
            "　　承办单位：市住房和城乡建设局（主办）；市财政局、市自然资源和规划局（协办）；西陵区人民政府负责属地实施。\n")
    assert tasks(text)[0][2:] == (["住房和城乡建设局"], ["财政局", "自然资源和规划局"], ["西陵区人民政府"])


def test_a_units_contact_in_its_cell_is_no_part_of_its_name():
    # city-task-list-with-contacts-in-unit-cells-2026 lines 22-26
    text = ("沧州市2026年工业稳增长重点任务清单\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t用好政策资金，全年争取上级工业领域资金15亿元以上。\t市财政局（经济建设科，联系人：郭志刚，电话：0317-2027xxx）"
            "\t市工业和信息化局\t2026年9月底前\n"
            "2\t推进绿色化工产业高端化发展。\t市工业和信息化局（张振华，0317-2153318）\t市应急管理局\t2026年12月底前\n")
    assert [lead for _, lead, _, _ in table_rows(text)] == [["财政局"], ["工业和信息化局"]]


def test_named_towns_and_the_towns_concerned_carry_the_task_out():
    # municipality-district-plan-2026 lines 21 and 40 (a 直辖市's district: its 镇 and 街镇)
    text = ("1.全面收尾零星旧里改造。6月底前完成剩余地块居民签约。（责任单位：区房管局、区旧改办，莘庄镇、七宝镇）\n"
            "2.同步实施道路和管网配套。全年新改建道路8公里。（责任单位：区建管委、区水务局，相关街镇）\n")
    got = tasks(text)
    assert [lead for _, _, lead, _, _ in got] == [["房管局", "旧改办"], ["建管委", "水务局"]]
    # (the two towns are still read as one name, "莘庄镇、七宝镇": parting them parted "各县、市、区政府" too)
    assert all(town in "".join(got[0][4]) for town in ("莘庄镇", "七宝镇")) and got[1][4] == ["相关街镇"]


def test_a_project_lists_milestones_are_due_and_its_total_is_no_task():
    # county-signed-investment-projects-promotion-table-2026 lines 19-22
    text = ("信丰县2026年招商引资签约项目推进表\n"
            "序号\t项目名称\t投资额（亿元）\t责任单位\t推进节点\n"
            "\t合计（15个）\t153.5\t\t\n"
            "1\t信丰县年产3000万平方米高端多层电路板项目\t25\t县工信局\t3月底前完成土地摘牌；6月底前开工\n")
    assert table_rows(text) == [("信丰县年产3000万平方米高端多层电路板项目", ["工信局"], [], ["2026-03-31", "2026-06-30"])]


def test_a_centre_named_without_its_level_is_an_office_in_its_own_plan():
    # county-public-security-special-campaign-2026 line 45, university-internal-work-plan-2026 line 36
    text = ("四、工作要求\n"
            "（二）强化协同作战。健全一体化作战机制，指挥中心牵头，每周召开1次涉诈警情研判会商会议。\n"
            "12.推进就业心理健康服务。心理健康教育中心负责对就业困难学生开展心理疏导。\n")
    assert [lead for _, _, lead, _, _ in tasks(text)] == [["指挥中心"], ["心理健康教育中心"]]


def test_what_a_second_reading_found_stays_mended():
    # a row numbered "1、" whose empty last cells a copy trimmed is a row of its own, not one under merged cells
    text = ("序号\t任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t建设农村公路\t县交通运输局\t县财政局\t2026年6月底前\n"
            "1、\t改造农村公路100公里\t县交通运输局\n")
    assert [lead for _, lead, _, _ in table_rows(text)] == [["交通运输局"], ["交通运输局"]]
    # two zones listed together are two names, neither a level of the other
    assert "、" not in "".join(r for _, _, _, _, imp in tasks("1.推进开放。（责任单位：市商务局、经开区、高新区）\n") for r in imp)
    # words that end like an office but are none: "行业头部", "城乡", "城镇"
    assert tasks("1.推进协作。行业头部负责带动，市工信局牵头。\n")[0][2] == ["工信局"]
    # (a bare 主办： is a web page's footer as often as a label: "主办：赣州市人民政府办公室", city-rules-2023 line 59)
    assert tasks("本细则自2023年7月1日起施行。\n主办：赣州市人民政府办公室　承办：赣州市大数据发展局\n") == []


def test_the_semicolon_note_holds_in_a_tables_unit_cells_too():
    # a second reading's input, after city-slash-and-semicolon-unit-lists-2026's note
    text = ("说明：责任单位中，分号前为牵头单位，分号后为配合单位。\n"
            "序号\t重点任务\t责任单位\t完成时限\n"
            "1\t推进城镇老旧小区改造\t市住建局；市发改委、市财政局\t2026年10月底前\n"
            "2\t推进城中村改造\t市住建局、市自然资源和规划局\t2026年12月底前\n")
    assert [(lead, participants) for _, lead, participants, _ in table_rows(text)] == [
        (["住建局"], ["发改委", "财政局"]), (["住建局", "自然资源和规划局"], [])]
