"""Forms read on 4 December 2026 (fifteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text

from .readings import table_rows


def figures(text: str):
    """(comparator, value, unit) of each target of each task."""
    return [[(x.comparator, float(x.value), x.unit) for x in t.targets] for t in extract_text(text).tasks]


# -- targets the written set's gold named and the reading missed ------------------------------------------------------

def test_a_list_of_counts_takes_the_longer_unit_its_last_value_is_written_in():
    # county-chinese-numerals-2026 line 35, city-numeric-short-dates-2026 line 28
    assert figures("8．提升不动产登记效率。一般登记、抵押登记办理时间分别压缩至三个、一个工作日以内。（牵头单位：县自然资源局）\n") \
        == [[("<=", 3, "个工作日"), ("<=", 1, "个工作日")]]
    assert figures("9.提升报装服务。用水、用气报装时间分别压缩至3个和4个工作日以内。（牵头：市住房城乡建设局）\n") \
        == [[("<=", 3, "个工作日"), ("<=", 4, "个工作日")]]
    # (a list of things counted each in its own unit keeps them: "新建学校3所、幼儿园5个")
    assert figures("1.扩大供给。新建学校不少于3个、5个工作站。（牵头：市教育局）\n")[0][0] == (">=", 3, "个")


def test_a_rate_written_straight_before_its_level_is_that_level():
    # state-owned-group-safety-plan-2026 line 22, city-action-plan-boxes-2027 line 23
    got = figures("4.开展重大事故隐患动态清零行动。重大事故隐患整改率100%，一般事故隐患整改率98%以上。（责任部门：安全环保部）\n")
    assert got == [[("=", 100, "%"), (">=", 98, "%")]]
    assert extract_text("1.“双千兆”网络提升工程。行政村千兆光网通达率100%。（责任单位：市经信局）\n").tasks[0].targets[0].rule \
        == "target.rate_level"
    # (a price's rate is a term of the policy: "按总费率1%进行征缴", hebei-resume-production-2021-x2)
    assert figures("1.延续社保降费政策。继续按总费率1%进行征缴。（责任单位：省人力资源社会保障厅）\n") == [[]]


def test_a_time_cut_by_a_share_or_a_span_is_a_decrease():
    # city-business-environment-2026 line 46, county-chinese-numerals-2026 line 44
    assert figures("20．提升跨境贸易便利化水平。进出口整体通关时间较2025年压缩10%。（责任单位：宣城海关）\n") \
        == [[("decrease", 10, "%")]]
    assert figures("14．加强企业合法权益保护。涉企民商事案件平均审理周期缩短十五天。（责任单位：县人民法院）\n") \
        == [[("decrease", 15, "天")]]


def test_counts_in_hours_of_training_vehicle_trips_and_a_flow():
    # state-owned-group-safety-plan-2026 line 34, city-two-row-header-table-2026 line 46, city-plan-with-schedule-grid-2026 line 23
    assert figures("10.开展全员安全生产培训。一线作业人员人均安全培训时间不少于24学时。（责任部门：人力资源部）\n") \
        == [[(">=", 24, "学时")]]
    assert figures("3.强化执法。检查机动车不少于3000辆次。（责任单位：市公安局）\n") == [[(">=", 3000, "辆次")]]
    assert figures("2.提升排涝泵站抽排能力。新增抽排能力15立方米/秒。（责任单位：市水务局）\n") \
        == [[("increase", 15, "立方米/秒")]]


def roles(text: str):
    """(title, lead, participants, implementers) of each task, by the names read."""
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers])
            for t in extract_text(text).tasks]


# -- a division of the Xinjiang Production and Construction Corps (corps-division-city-implementation-plan-2026) -------

def test_a_corps_divisions_offices_and_its_farms():
    item = ("（二）加快建设。\n1.加快新建项目实施。2026年新建高标准农田12万亩。（牵头单位：师市农业农村局；配合单位：师市财政局、"
            "师市水利局；责任单位：各团场党委、团场（镇））\n")
    assert roles(item) == [("加快新建项目实施", ["农业农村局"], ["财政局", "水利局"], ["各团场党委", "团场(镇)"])]
    # (the farms alone carry the work out: no lead)
    assert roles("（三）强化管护。\n2.健全工程管护机制。明确管护主体。（责任单位：各团场党委、团场（镇）；完成时限：长期坚持）\n")[0][1:] \
        == ([], [], ["各团场党委", "团场(镇)"])


def test_offices_responsible_according_to_their_duties_lead():
    # corps-division-city-implementation-plan-2026 line 46
    got = roles("四、保障措施\n（二）强化要素保障。师市自然资源和规划局、师市生态环境局按照职责分工负责做好项目建设用地保障和环境影响评价指导服务。\n")
    assert got == [("强化要素保障", ["自然资源和规划局", "生态环境局"], [], [])]


# -- the lead marked in a list of units (county-units-with-lead-marks-and-legend-2026) ---------------------------------

LEGEND = "注：标★的为牵头单位，其他为配合单位；未标注的，排在第一位的为牵头单位。\n"


def test_a_marked_unit_leads_and_the_others_take_part():
    plan = ("一、重点任务\n1．加快学校建设。开工建设县第三中学扩建工程。（责任单位：县教育局★、县发展和改革局、县财政局）\n"
            "2．及时补充教师。全年补充教师260名。（责任单位：县教育局★、县人力资源和社会保障局★、县委编办）\n"
            "3．落实教师待遇。按时足额落实乡镇工作补贴。（责任单位：县财政局、县教育局★）\n"
            "4．整治校园周边环境。开展专项整治。\n　　责任单位：县城市管理和综合执法局、县公安局*、县市场监督管理局\n" + LEGEND)
    assert [r[1:3] for r in roles(plan)] == [
        (["教育局"], ["发展和改革局", "财政局"]),
        (["教育局", "人力资源和社会保障局"], ["县委编办"]),
        (["教育局"], ["财政局"]),
        (["公安局"], ["城市管理和综合执法局", "市场监督管理局"]),
    ]
    # (a mark opening an item's title is no unit's: "★加大融资支持力度", city-business-environment-2026)
    assert roles("一、任务\n1．★加大融资支持力度。新增贷款60亿元。（责任单位：市财政局）\n")[0][1] == ["财政局"]


def test_a_legend_before_the_annexed_table_is_the_plans_and_lines_of_units_follow_it():
    plan = ("一、重点任务\n1．营造舆论氛围。深入宣传。\n　　责任单位：县委宣传部、县融媒体中心、县教育局\n" + LEGEND +
            "\n附件\n重点任务清单\n序号\t任务\t责任单位\t完成时限\n1\t新增学位2400个\t县教育局★\t2026年12月\n"
            "2\t补充教师260名\t县教育局★、县人力资源和社会保障局★\t2026年12月\n")
    lead, participants = roles(plan)[0][1:3]
    assert len(lead) == 1 and lead[0].endswith("宣传部") and participants == ["融媒体中心", "教育局"]


def test_a_note_that_names_the_annex_is_the_annexs():
    # county-key-projects-2026 line 25: "附件中责任单位有两个及以上的，列第一位者为牵头单位" leaves the body's lists alone
    plan = ("一、工作机制\n（一）实行包联制度。每个项目明确1名包联县领导。附件中责任单位有两个及以上的，列第一位者为牵头单位，其余为配合单位。\n"
            "（二）强化资金保障。积极争取专项债券支持。（县财政局、县发展改革局按职责分工负责）\n"
            "附件\n序号\t项目名称\t责任单位\n1\t县城污水处理厂扩建\t县住建局、县水利局\n")
    assert [r for r in roles(plan) if r[0] == "强化资金保障"][0][1] == ["财政局", "发展改革局"]


# -- a draft posted for comment with its drafting notes (province-draft-for-comment-with-drafting-notes-2026) ---------

def test_drafting_notes_after_the_draft_restate_its_tasks():
    draft = ("二、重点任务\n1.改造提升县城综合商贸服务中心。每县至少建成1个。（省商务厅牵头，省自然资源厅配合）\n"
             "关于《河南省县域商业体系建设三年行动实施方案（2026—2028年）（征求意见稿）》的起草说明\n"
             "三、主要内容\n　　第三部分为重点任务。一是完善县域商业网络，明确由省商务厅牵头改造提升县城综合商贸服务中心。"
             "二是健全物流配送体系，由省交通运输厅牵头建设县级物流配送中心。\n")
    assert [r[0] for r in roles(draft)] == ["改造提升县城综合商贸服务中心"]
    # (alone, an explanation's restated tasks are the reader's only ones)
    assert roles(draft[draft.index("关于《"):])


# -- items numbered inside one long paragraph (county-inline-numbered-tasks-in-long-paragraphs-2026) ------------------

def test_an_inline_items_title_stops_before_the_clause_that_closes_it():
    para = ("二、做强乡村富民产业。（1）做优“缙云烧饼”等特色产业，新增烧饼示范店30家（县烧饼办牵头，县市场监管局配合）；"
            "（2）实施高标准农田建设，全年新建高标准农田1.2万亩（县农业农村局牵头）；（3）发展农村电商（县商务局负责）。\n")
    assert [r[:2] for r in roles(para)] == [("做优“缙云烧饼”等特色产业，新增烧饼示范店30家", ["烧饼办"]),
                                            ("实施高标准农田建设，全年新建高标准农田1.2万亩", ["农业农村局"]),
                                            ("发展农村电商", ["商务局"])]


def test_a_block_attribution_closing_an_items_paragraph_attributes_the_items_above_it():
    # county-inline-numbered-tasks-in-long-paragraphs-2026 lines 24 and 26
    para = ("五、推进扩容提质。（1）实施城镇老旧小区改造，全年改造老旧小区18个；（2）推进城市地下管网更新改造，改造老旧管网42公里；"
            "（3）开展样板镇创建，6月底前完成创建方案编制。以上工作由县住建局牵头，县发改局、县财政局配合。（4）推进医共体建设（县卫生健康局负责）。\n"
            "六、深化改革。（1）深化入市改革（县自然资源局牵头）；（2）实施强村公司提质增效行动，推广模式；（3）深化“两进两回”，引育农创客200名以上。"
            "以上两项由县农业农村局、县人力社保局按职责分工负责，各乡镇（街道）抓好落实。\n")
    assert [r[1:] for r in roles(para)] == [
        (["住建局"], ["发改局", "财政局"], []), (["住建局"], ["发改局", "财政局"], []), (["住建局"], ["发改局", "财政局"], []),
        (["卫生健康局"], [], []),
        (["自然资源局"], [], []),
        (["农业农村局", "人力社保局"], [], ["各乡镇(街道)"]), (["农业农村局", "人力社保局"], [], ["各乡镇(街道)"]),
    ]


# -- a part's opening sentence that attributes its items (province-part-level-attribution-with-item-overrides-2026) --

def test_a_parts_opening_sentence_attributes_its_items_and_is_no_task():
    part = ("二、做大做强整车和零部件产业\n"
            "　　本部分任务由省工业和信息化厅牵头，省发展改革委、省商务厅按职责分工负责，各省辖市人民政府负责落实。聚焦扩能、补链、强配套，重点抓好以下工作。\n"
            "　　（一）支持整车企业扩能提质。推动项目年内投产。\n"
            "　　（二）补齐关键零部件短板。开展精准招商。（省商务厅牵头）\n"
            "　　（三）推动整零协同发展。组织开展供需对接活动。（省财政厅参与）\n")
    assert roles(part) == [
        ("支持整车企业扩能提质", ["工业和信息化厅"], ["发展改革委", "商务厅"], ["各省辖市人民政府"]),
        ("补齐关键零部件短板", ["商务厅"], [], []),
        ("推动整零协同发展", ["工业和信息化厅"], ["财政厅", "发展改革委", "商务厅"], ["各省辖市人民政府"]),
    ]


# -- a second reading of this session's changes ------------------------------------------------------------------------

def test_a_mark_leads_only_where_the_plans_legend_says_so():
    item = "一、任务\n2．压缩开办时间。（责任单位：市市场监管局、市政务服务中心★）\n"
    assert roles(item + "注：标★的为省考核事项；责任单位排在第一位的为牵头单位，其余为配合单位。\n")[0][1] == ["市场监管局"]
    assert roles(item + "注：标★的为牵头单位。\n")[0][1:3] == (["政务服务中心"], ["市场监管局"])


def test_a_closing_block_on_an_items_own_line_is_that_items_alone():
    plan = ("二、保障措施\n（一）加强组织领导。成立工作专班。\n（二）强化资金保障。统筹整合涉农资金。\n"
            "（三）严格督查考核。以上工作由县委督查室牵头，县政府督查室配合，定期通报进展。\n")
    assert [r[0] for r in roles(plan)] == ["严格督查考核"]


def test_a_bare_revision_note_inside_a_plan_is_no_explanation_after_it():
    plan = ("1.加强大气污染治理。（责任单位：市生态环境局）\n2.加强水污染治理。（责任单位：市水利局）\n　　修订说明\n"
            "　　本次修订调整了第3项任务。\n3.加强土壤污染治理。2026年底前完成土壤详查。（责任单位：市自然资源局）\n")
    assert len(roles(plan)) == 3


def test_a_rates_level_reads_from_its_value():
    target = extract_text("1．开展行动。重大事故隐患整改率100%。（责任单位：安全部）\n").tasks[0].targets[0]
    assert (target.raw, target.metric, target.rule) == ("100%", "重大事故隐患整改率", "target.rate_level")


# -- a notice that sends its plan in 附件1 and the plan's division in 附件2 (city-notice-with-plan-division-and-blank-forms-2026)

def _notice():
    from pathlib import Path
    return extract_text((Path(__file__).parent / "data" / "written" / "city-notice-with-plan-division-and-blank-forms-2026.txt")
                        .read_text(encoding="utf-8"))


def test_an_annexed_plans_item_a_row_restates_is_a_task_on_the_items_line():
    # "（一）完善县域商业网络布局。…" (no bracket) restated by the 分工表's row 1 ("完善县域商业网络布局 | 市商务局 | …")
    body = {t.line: t for t in _notice().tasks if t.source == "body"}
    assert body[26].title == "完善县域商业网络布局" and [r.name for r in body[26].lead] == ["商务局"]
    assert 32 not in body  # (（七）规范农村市场秩序: no row, no bracket)


def test_an_annexed_plans_goals_are_the_documents():
    assert {(float(t.value), t.unit) for t in _notice().targets} >= {(3, "个"), (20, "个"), (300, "个")}


# -- an 整改方案's problems in field blocks (province-inspection-feedback-rectification-plan-2026) ---------------------

def test_a_problem_labelled_in_its_heading_is_a_task_with_the_fields_under_it():
    plan = ("三、整改任务\n"
            "　　（一）问题：祁连山地区部分生态修复工程成效不巩固。反馈意见指出，张掖、武威两市仍有46处历史遗留矿山图斑未完成生态修复。\n"
            "　　整改目标：2026年底前完成46处历史遗留矿山图斑生态修复。\n"
            "　　整改时限：2026年12月底前，并长期坚持。\n"
            "　　责任单位：省林草局（牵头）、省自然资源厅、省生态环境厅\n"
            "　　整改措施：1.逐一建立修复台账，2026年6月底前完成修复方案编制；2.采取补植补种、围栏封育等措施巩固修复成效。\n")
    doc = extract_text(plan)
    assert [s.title for s in doc.sections][1] == "祁连山地区部分生态修复工程成效不巩固"
    assert [(t.line, t.title, [r.name for r in t.lead]) for t in doc.tasks] == [(2, "祁连山地区部分生态修复工程成效不巩固", ["林草局"])]


# -- a saved web page's table (city-plan-saved-as-html-with-table-2026) ------------------------------------------------

def test_a_saved_pages_table_reads_as_a_table_its_merged_cells_and_broken_rows_too():
    page = ("<html><body><p>泉州市2026年电梯安全筑底提升行动方案</p><p>一、重点任务</p><p>（一）开展隐患大排查。建立隐患清单。</p>\n<table>\n"
            "<tr><td>序号</td><td>任务类别</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>\n"
            "<tr><td>1</td><td rowspan=\"2\">隐患排查</td><td>开展隐患大排查</td><td>市市场监管局</td><td>市住建局</td><td>4月底前完成排查<br>\n"
            "11月底前完成整改</td></tr>\n"
            "<tr><td>2</td><td>严查维保问题</td><td>市市场监管局</td><td>市消防救援支队</td><td>12月底前</td></tr>\n"
            "</table></body></html>\n")
    assert [r[1:] for r in table_rows(page)] == [
        (["市场监管局"], ["住建局"], ["2026-04-30", "2026-11-30"]),
        (["市场监管局"], ["消防救援支队"], ["2026-12-31"]),
    ]


def test_the_corps_farms_and_companies_are_two_units():
    # a second reading: "各团场、连队" was read as one unit
    assert roles("一、任务\n1．推进建设。加快建设。（责任单位：师市交通运输局、各团场、连队）\n")[0][1:] \
        == (["交通运输局"], [], ["各团场", "连队"])


def test_a_page_laid_out_in_a_table_keeps_its_plans_paragraphs():
    # a second reading: the layout cell's paragraphs were joined into one row and the plan's tasks vanished
    page = ("<html><body><table><tr><td width=\"200\">\n<ul><li>首页</li><li>政务公开</li></ul>\n</td><td>\n"
            "<p>某区2026年优化营商环境工作方案</p>\n<p>一、重点任务</p>\n"
            "<p>（一）深化“一网通办”改革。12月底前网上可办率达到90%以上。（牵头单位：区政务服务中心；配合单位：区大数据局）</p>\n"
            "<p>（二）压减企业开办时间。企业开办时间压缩至1个工作日以内。（牵头单位：区市场监管局）</p>\n"
            "</td></tr></table></body></html>\n")
    assert [r[:2] for r in roles(page)] == [("深化“一网通办”改革", ["政务服务中心"]), ("压减企业开办时间", ["市场监管局"])]


def test_a_saved_pages_table_in_capitals_with_a_cell_merged_across():
    page = ("<HTML><BODY><P>某市2026年燃气安全专项整治工作方案</P>\n<TABLE>\n"
            "<TR><TD>序号</TD><TD>工作任务</TD><TD>牵头单位</TD><TD>配合单位</TD><TD>完成时限</TD></TR>\n"
            "<TR><TD>1</TD><TD>开展燃气管网隐患排查</TD><TD>市住建局</TD><TD>市应急局</TD><TD>2026年6月底前</TD></TR>\n"
            "<TR><TD>2</TD><TD>建设燃气监测平台</TD><TD COLSPAN=\"2\">市大数据局</TD><TD>2026年10月底前</TD></TR>\n"
            "</TABLE></BODY></HTML>\n")
    assert [(r[1], r[3]) for r in table_rows(page)] == [(["住建局"], ["2026-06-30"]), (["大数据局"], ["2026-10-31"])]


def test_two_leads_noted_after_the_second():
    # district-leading-group-office-task-allocation-2026 line 29: "区住房和城乡建设局、区市场监管局（双牵头）"
    assert roles("一、任务\n1．推进建设。加快建设。\n牵头单位：区住房和城乡建设局、区市场监管局（双牵头）\n")[0][1] \
        == ["住房和城乡建设局", "市场监管局"]


def test_a_standing_statement_closing_a_notices_paragraph():
    # city-plan-saved-as-html-with-table-2026 line 53: the notice's last sentence hands every task its implementer
    plan = ("　　现将《某市2026年电梯安全工作方案》印发给你们，请认真组织实施。各县（市、区）市场监管局负责本辖区各项任务的具体落实，"
            "方案中不再逐项列出。\n一、重点任务\n（一）实施老旧住宅电梯更新改造。更新改造600台以上。（市住建局牵头，市财政局配合）\n")
    assert roles(plan) == [("实施老旧住宅电梯更新改造", ["住建局"], ["财政局"], ["各县(市、区)市场监管局"])]


def test_a_reports_next_steps_assign_work():
    # city-supervision-bulletin-2026 line 24: "四、下一步工作要求" of a 督查通报 is no closing exhortation
    bulletin = ("四、下一步工作要求\n（一）加快供水管网改造。11月底前完成剩余28公里（市水务局牵头，市住建局配合）。\n"
                "（二）加快城市更新项目建设。市住建局要会同市财政局，加快征收拆迁扫尾，确保10月底前全部开工。\n")
    assert [r[:2] for r in roles(bulletin)] == [("加快供水管网改造", ["水务局"]), ("加快城市更新项目建设", ["住建局"])]
    # (a plan's closing 工作要求 stays one)
    assert [r[0] for r in roles(bulletin.replace("四、下一步工作要求", "四、工作要求"))] == ["加快供水管网改造"]


def test_a_unit_cell_merged_down_is_the_one_above_in_the_rows_below():
    # a second reading: a pretty-printed page, rowspan in the 牵头单位 column, one row under it
    page = ("<html><body><p>某市2026年燃气安全专项整治工作方案</p>\n<table>\n  <tr>\n    <th>序号</th>\n    <th>工作任务</th>\n"
            "    <th>牵头单位</th>\n    <th>配合单位</th>\n    <th>完成时限</th>\n  </tr>\n  <tr>\n    <td>1</td>\n"
            "    <td>开展燃气管网隐患排查</td>\n    <td rowspan=\"2\">市住建局</td>\n    <td>市应急局</td>\n"
            "    <td>2026年6月底前</td>\n  </tr>\n  <tr>\n    <td>2</td>\n    <td>淘汰老旧燃气管道</td>\n"
            "    <td>市城管局</td>\n    <td>2026年12月底前</td>\n  </tr>\n</table></body></html>\n")
    assert [r[:3] for r in table_rows(page)] == [("开展燃气管网隐患排查", ["住建局"], ["应急局"]),
                                                ("淘汰老旧燃气管道", ["住建局"], ["城管局"])]
    # (a sheet's "同上" cell is the one above it too)
    sheet = ("序号\t工作任务\t牵头单位\t完成时限\n1\t开展隐患排查\t市住建局\t2026年6月底前\n2\t淘汰老旧管道\t同上\t2026年12月底前\n")
    assert [[r.name for r in t.lead] for t in extract_text(sheet).tasks] == [["住建局"], ["住建局"]]


def test_a_header_merged_down_leaves_its_second_header_row_no_task():
    page = ("<html><body><p>某市2026年燃气安全专项整治工作方案</p>\n<table>\n"
            "<tr><td rowspan=\"2\">序号</td><td rowspan=\"2\">工作任务</td><td colspan=\"2\">责任单位</td><td rowspan=\"2\">完成时限</td></tr>\n"
            "<tr><td>牵头单位</td><td>配合单位</td></tr>\n"
            "<tr><td>1</td><td>开展燃气管网隐患排查</td><td>市住建局</td><td>市应急局</td><td>2026年6月底前</td></tr>\n"
            "</table></body></html>\n")
    assert [(r[0], r[1]) for r in table_rows(page)] == [("开展燃气管网隐患排查", ["住建局"])]
