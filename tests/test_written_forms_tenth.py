"""Forms read on 3 December 2026 (tenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def tasks(text: str):
    return [(t.title, [r.name for r in t.lead], [d.date or d.kind for d in t.deadlines]) for t in extract_text(text).tasks]


def who_and_when(text: str):
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [d.date for d in t.deadlines])
            for t in extract_text(text).tasks]


# -- a 实施细则 whose articles a copy ran together (province-articles-2026, lines 18-20, 53-54) -----------

RUN_TOGETHER_ARTICLES = (
    "第一章　总　　则第一条　为了加强建设用地土壤污染风险管控，制定本细则。第二章　职责分工第二条　省生态环境厅负责"
    "全省建设用地土壤污染风险管控和修复的统一监督管理。第三条　省自然资源厅负责将建设用地土壤环境管理要求纳入国土空间规划。"
    "第三章　监督管理第四条　省生态环境厅应当建立全省建设用地土壤环境信息平台，2026年12月31日前完成平台上线运行。"
)


def test_an_article_after_a_stop_or_run_into_its_chapters_title_starts_its_own_line():
    doc = extract_text(RUN_TOGETHER_ARTICLES)
    assert [(s.marker.strip(), s.title[:6]) for s in doc.sections] == [
        ("第一章", "总"), ("第一条", "为了加强建设"), ("第二章", "职责分工"), ("第二条", "省生态环境厅"),
        ("第三条", "省自然资源厅"), ("第三章", "监督管理"), ("第四条", "省生态环境厅"),
    ]
    found = tasks(RUN_TOGETHER_ARTICLES)
    assert [(title[:8], lead, dates) for title, lead, dates in found] == [
        ("省生态环境厅负责", ["生态环境厅"], []),
        ("省自然资源厅负责", ["自然资源厅"], []),
        ("省生态环境厅应当", ["生态环境厅"], ["2026-12-31"]),
    ]


def test_an_article_referred_to_inside_a_sentence_stays_text():
    text = "第一条　为了加强管理，制定本细则。第二条　违反本细则第一条　规定的，由省生态环境厅责令改正。"
    doc = extract_text(text)
    assert sum(1 for s in doc.sections if "条" in s.marker) == 2


# -- a note under the items says who of a list leads (city-business-environment-2026, line 49) ---------

def parties(text: str):
    return [([r.name for r in t.lead], [r.name for r in t.participants]) for t in extract_text(text).tasks]


ITEMS = ("二、重点任务\n1．推进企业开办便利化。（责任单位：市政务服务管理局、市市场监管局、市税务局）\n"
         "2．优化纳税服务。（责任单位：市税务局、市财政局）\n")


def test_a_note_on_its_own_makes_the_first_of_each_list_lead_before_or_after_the_items():
    expected = [(["政务服务管理局"], ["市场监管局", "税务局"]), (["税务局"], ["财政局"])]
    note = "注：标★的为省考核事项；责任单位排在第一位的为牵头单位，其余为配合单位。\n"
    assert parties(ITEMS + note) == expected
    assert parties(note + ITEMS) == expected


def test_without_the_note_every_unit_of_a_list_leads():
    assert parties(ITEMS) == [(["政务服务管理局", "市场监管局", "税务局"], []), (["税务局", "财政局"], [])]


def test_a_note_under_a_table_is_the_tables_not_the_bodys():
    table = "序号\t项目名称\t责任单位\n1\t县医院建设\t县卫生健康局、县发展改革局\n注：责任单位有两个及以上的，列第一位者为牵头单位。\n"
    found = parties("一、保障措施\n（一）强化资金保障。（县财政局、县发展改革局负责）\n" + table)
    assert found == [(["财政局", "发展改革局"], []), (["卫生健康局"], ["发展改革局"])]


# -- the work divided once, after the body, by item number (province-division-by-item-number-2025, 44-46) --

DIVIDED = (
    "二、发展民生事业\n（一）扩大老年助餐服务。发展社区老年食堂。\n（二）拓展居家助老服务。每年新增家庭养老床位1万张。\n"
    "（三）完善养老照护服务。\n1．提升失能照护能力。建设失能照护服务机构。\n2．发展农村养老服务。建设农村互助养老服务点。\n"
    "三、壮大银发产业\n（一）培育经营主体。培育领军企业30家。\n（二）推进产业集群发展。建设产业园区5个以上。\n"
    "四、任务分工\n"
    "第二部分第（一）项：省民政厅牵头，省商务厅配合；第（二）项：省民政厅牵头，省卫生健康委配合，2025年底前出台建设规范；"
    "第（三）项：省民政厅牵头，省卫生健康委配合，其中第2目由省农业农村厅牵头，省财政厅配合，2026年底前完成。\n"
    "第三部分第（一）至（二）项：省工业和信息化厅牵头，省发展改革委配合。\n"
)


def test_each_entry_of_a_division_by_number_goes_to_the_body_item_it_names():
    assert who_and_when(DIVIDED) == [
        ("扩大老年助餐服务", ["民政厅"], ["商务厅"], []),
        ("拓展居家助老服务", ["民政厅"], ["卫生健康委"], [None, "2025-12-31"]),  # (每年: every year)
        ("完善养老照护服务", ["民政厅"], ["卫生健康委"], []),
        ("发展农村养老服务", ["农业农村厅"], ["财政厅"], ["2026-12-31"]),
        ("培育经营主体", ["工业和信息化厅"], ["发展改革委"], []),
        ("推进产业集群发展", ["工业和信息化厅"], ["发展改革委"], []),
    ]


def test_a_division_run_into_its_heading_is_read_too():
    joined = DIVIDED.replace("\n", "")
    assert [t.title for t in extract_text(joined).tasks][:2] == ["扩大老年助餐服务", "拓展居家助老服务"]


def test_an_item_referred_to_in_a_sentence_is_no_division():
    text = "一、任务\n（一）扩大服务。按照第（一）项工作要求，由省民政厅牵头推进。\n"
    assert [[r.name for r in t.lead] for t in extract_text(text).tasks] == [["民政厅"]]


# -- a rectification list copied one cell per line, a cell of measures over several lines
# (city-inspection-rectification-list-2024, lines 10-50) -------------------------------------------------

RECTIFICATION = (
    "附件\n宜昌市中央生态环境保护督察反馈问题整改清单\n序号\n反馈问题\n整改目标\n整改措施\n责任单位\n责任人\n整改时限\n"
    "1\n部分化工园区环境基础设施建设滞后。宜都化工园区污水集中处理设施长期超负荷运行。\n园区污水集中收集处理率达到100%。\n"
    "1．推进宜都化工园区污水处理厂扩建工程，新增处理能力2万吨/日。\n2．开展化工园区雨污管网排查，9月底前建立问题清单。\n"
    "3．建立园区企业废水在线监控体系。\n宜都市人民政府（牵头），市生态环境局，市经信局\n2025年6月\n"
    "2\n黄柏河流域部分磷矿企业矿井涌水处理不到位。\n矿井涌水处理达标率100%。\n对超标排放企业依法从严查处。\n"
    "市林业和园林局（牵头），市自然资源和规划局\n赵某某（市委常委、副市长）\n立行立改，长期坚持\n"
)


def test_a_cell_written_over_lines_is_one_cell_again_and_a_lost_cell_stays_empty():
    doc = extract_text("宜昌市人民政府办公室\n2024年7月12日\n" + RECTIFICATION)
    assert len(doc.tables) == 1
    first, second = doc.tables[0].rows
    assert first[3].startswith("1．推进") and first[3].endswith("在线监控体系。") and "2．开展" in first[3]
    assert (first[4], first[5], first[6]) == ("宜都市人民政府（牵头），市生态环境局，市经信局", "", "2025年6月")
    assert (second[4], second[5]) == ("市林业和园林局（牵头），市自然资源和规划局", "赵某某（市委常委、副市长）")


def test_a_rectification_rows_task_is_named_by_its_problems_first_sentence():
    found = [(t.title, [r.name for r in t.lead], [d.date for d in t.deadlines]) for t in
             extract_text("宜昌市人民政府办公室\n2024年7月12日\n" + RECTIFICATION).tasks]
    assert found[0] == ("部分化工园区环境基础设施建设滞后", ["宜都市人民政府"], ["2024-09-30", "2025-06-30"])
    assert found[1][:2] == ("黄柏河流域部分磷矿企业矿井涌水处理不到位", ["林业和园林局"])


def test_words_after_a_tables_last_row_are_not_its_cells():
    text = ("序号\n重点任务\n工作内容\n牵头单位\n配合单位\n完成时限\n1\n开展营商环境评价\n组织开展年度评价。\n市发展改革委\n"
            "市直有关部门\n每季度\n各县市区要参照本清单，结合实际制定本地区清单。\n")
    assert [(t.title, [r.name for r in t.lead]) for t in extract_text(text).tasks] == [("开展营商环境评价", ["发展改革委"])]


# -- the attribution on the group heading, over items with none (province-heading-attribution-2024, 17-21;
# county-lead-first-bracket-2025, 24-28) ------------------------------------------------------------------

GROUPS = (
    "二、重点任务\n（一）实施工业污染源全面达标行动（牵头单位：省生态环境厅；配合单位：省工业和信息化厅；2025年底前完成）\n"
    "1．开展工业污染源排查整治。全年检查企业不少于3000家。\n2．强化自动监控联网。推动重点排污单位安装自动监测设备。\n"
    "3．排查治理环保设施安全隐患。开展安全风险辨识。（省应急管理厅负责）\n"
    "（二）【县住建局牵头】提升市政设施水平\n1．推进老旧管网改造。更新改造管网45公里。\n"
    "2．加快城市道路建设。新改建城市道路12公里，县交通运输局配合做好城区出入口改造。\n"
)


def test_a_group_headings_clause_is_each_of_its_items_that_has_none():
    assert who_and_when(GROUPS) == [
        ("开展工业污染源排查整治", ["生态环境厅"], ["工业和信息化厅"], ["2025-12-31"]),
        ("强化自动监控联网", ["生态环境厅"], ["工业和信息化厅"], ["2025-12-31"]),
        ("排查治理环保设施安全隐患", ["应急管理厅"], [], []),
        ("推进老旧管网改造", ["住建局"], [], []),
        ("加快城市道路建设", ["住建局"], ["交通运输局"], []),
    ]


def test_a_heading_with_words_of_its_own_stays_its_own_task():
    text = "二、重点任务\n（六）实施清洁运输替代行动。推动大宗货物“公转铁”。（省交通运输厅负责）\n1．新建铁路专用线。\n"
    assert [t.title for t in extract_text(text).tasks] == ["实施清洁运输替代行动"]


# -- items numbered "1）" as a Word user types them (city-half-bracket-markers-2026, 22-59) -------------------

def test_an_item_numbered_with_a_closing_bracket_only_is_a_heading():
    text = "（一）科学制定改造计划\n1）摸清改造底数。开展全面排查。\n　　责任单位：市住建局（牵头）、市自然资源和规划局\n" \
           "12) 拓宽社会资本参与渠道。引入社会资本。\n　　牵头单位：市委金融办　配合单位：市住建局\n"
    doc = extract_text(text)
    assert [(s.marker.strip(), s.level) for s in doc.sections] == [("（一）", 2), ("1）", 3), ("12)", 3)]
    assert [(t.title, [r.name for r in t.lead]) for t in doc.tasks] == [("摸清改造底数", ["住建局"]), ("拓宽社会资本参与渠道", ["市委金融办"])]


# -- the same forms in a copy with no line breaks at all (a crawler ran the lines together) ----------------

def test_items_opening_with_their_attribution_after_a_heading_title_run_together():
    text = ("（一）完善产业配套设施1．【县发展改革局牵头，县财政局配合】加快推进产业平台提质升级。完成投资5亿元。"
            "2．【县商务局牵头】建设县域商贸流通体系。新建物流中心1个。")
    assert [(t.title, [r.name for r in t.lead]) for t in extract_text(text).tasks] == [
        ("加快推进产业平台提质升级", ["发展改革局"]), ("建设县域商贸流通体系", ["商务局"])]


def test_field_lines_run_together_end_the_units_at_the_next_fields_label():
    text = ("一、城市环境品质提升任务1：深入推进背街小巷综合整治。整治背街小巷60条。责任科室：市容环卫科完成时间：2026年11月底前"
            "工作目标：整治后路面平整率达到95%以上，规范设置店招店牌300处。任务2：推进生活垃圾分类。责任科室：环境卫生管理处"
            "完成时间：2026年12月底前")
    found = tasks(text)
    assert [lead for _, lead, _ in found] == [["市容环卫科"], ["环境卫生管理处"]]
    assert [dates for _, _, dates in found] == [["2026-11-30"], ["2026-12-31"]]


# -- a second reading's findings, each with the input it gave -----------------------------------------------

def test_a_goals_bare_year_beside_a_deadline_column_dates_its_figure_not_the_row():
    text = "序号\t重点任务\t工作目标\t牵头单位\t完成时限\n1\t推进污水管网建设\t到2027年，城市生活污水集中收集率达到75%以上\t市住建局\t2025年12月底前\n"
    assert tasks(text) == [("推进污水管网建设", ["住建局"], ["2025-12-31"])]


def test_a_closing_bracket_number_inside_a_sentence_is_no_heading():
    text = "一、任务\n（一）强化资金保障。统筹资金来源：1）中央补助资金；2）地方配套资金。2025年底前落实到位。（市财政局负责）\n"
    assert tasks(text) == [("强化资金保障", ["财政局"], ["2025-12-31"])]


def test_a_division_that_names_no_part_and_gives_a_sub_item_to_others():
    text = ("（一）推进农村厕所革命。完成改厕1000户。\n（二）加强生活垃圾治理。\n1．建设收运体系。新建转运站5座。\n2．开展分类试点。\n"
            "三、任务分工\n第（一）项：县农业农村局牵头；第（二）项：县住建局牵头，其中第2目由县供销社牵头。\n")
    assert [(title, lead) for title, lead, _ in tasks(text)] == [
        ("推进农村厕所革命", ["农业农村局"]), ("加强生活垃圾治理", ["住建局"]), ("开展分类试点", ["供销社"])]


def test_a_division_entry_may_name_several_sub_items():
    text = ("二、重点任务\n（一）甲项工作。组织开展甲项工作的摸底调查，建立工作台账。\n（二）乙项工作。\n1．丙一工作。\n2．丙二工作。\n3．丙三工作。\n三、分工\n"
            "第二部分第（一）项：省民政厅牵头；第（二）项第1、2目：省住房城乡建设厅牵头，省民政厅配合；第3目：省国资委牵头。\n")
    assert [(title, lead) for title, lead, _ in tasks(text)] == [
        ("甲项工作", ["民政厅"]), ("丙一工作", ["住房城乡建设厅"]), ("丙二工作", ["住房城乡建设厅"]), ("丙三工作", ["国资委"])]


def test_a_heading_whose_clause_closes_a_paragraph_of_its_own_keeps_its_task():
    text = ("二、任务\n（一）实施老旧小区改造行动（牵头单位：县住建局）\n全面排查老旧小区，2026年底前完成改造100个。\n"
            "1．完善配套设施。\n2．推进加装电梯。\n")
    assert [(title, lead) for title, lead, _ in tasks(text)] == [("实施老旧小区改造行动", ["住建局"])]


def test_an_items_own_note_on_its_list_is_not_the_plans():
    text = ("一、任务\n1．推进企业开办便利化。责任单位：市政务服务管理局、市市场监管局。其中，排在第一位的为牵头单位。\n"
            "2．优化纳税服务。责任单位：市税务局、市财政局。\n")
    assert tasks(text)[1][1] == ["税务局", "财政局"]


def test_a_cells_line_that_ends_mid_sentence_goes_on_in_the_next():
    text = ("序号\n重点任务\n工作内容\n牵头单位\n配合单位\n完成时限\n1\n优化企业开办服务\n推行企业开办“一网通办”，\n"
            "压缩开办时间至1个工作日。\n市市场监管局\n市税务局\n2026年3月底前\n")
    assert tasks(text) == [("优化企业开办服务", ["市场监管局"], ["2026-03-31"])]


def test_a_table_of_tasks_none_of_whose_rows_is_read_says_so():
    """(city-inspection-rectification-list-2024 as it first read: ten rows under 责任单位, no task, no word.) A
    column of places with no figure to reach is such a table; one of problems (no task column in its header) is
    read since the thirteenth session, each row a task named by its first cell."""
    text = "附件\n清单\n序号\n县区\n责任单位\n整改时限\n1\n红旗区\n红旗区人民政府\n2025年6月\n2\n卫滨区\n卫滨区人民政府\n2025年9月\n"
    doc = extract_text(text)
    assert doc.tasks == () and [w.code for w in doc.warnings] == ["table-rows-unread"]
    text = "附件\n清单\n序号\n问题\n责任单位\n整改时限\n1\n水质不达标\n市生态环境局\n2025年6月\n2\n管网滞后\n市住建局\n2025年9月\n"
    assert tasks(text) == [("水质不达标", ["生态环境局"], ["2025-06-30"]), ("管网滞后", ["住建局"], ["2025-09-30"])]


# -- body items with no clause, attributed by the annexed table's rows that restate them
# (province-three-year-milestones-2024, lines 24-58) ----------------------------------------------------

ANNEXED = (
    "二、重点任务\n（一）完善城市公共充电网络。以设区市中心城区为重点，新建公共充电桩6000个。\n"
    "（二）加快县域和乡村充电设施建设。结合县域商业体系建设，推进县域充电网络建设。\n"
    "（三）加强充电设施安全管理。落实企业安全生产主体责任。（省应急管理厅、省市场监管局按职责分工负责）\n"
    "附件\n重点任务分解表\n序号\t重点任务\t2024年目标\t2025年目标\t牵头单位\t配合单位\n"
    "1\t完善城市公共充电网络\t新建公共充电桩6000个\t新建公共充电桩7000个\t省住房城乡建设厅\t省能源局\n"
    "2\t加快县域和乡村充电设施建设\t完成20个县试点\t乡镇覆盖率达到80%\t省能源局\t省商务厅\n"
)


def test_a_body_item_with_no_clause_that_a_tables_row_restates_is_a_task_with_the_rows_units_and_goals():
    doc = extract_text(ANNEXED)
    body = [t for t in doc.tasks if t.source != "table"]
    assert [(t.line, t.title, [r.name for r in t.lead], [r.name for r in t.participants]) for t in body] == [
        (2, "完善城市公共充电网络", ["住房城乡建设厅"], ["能源局"]),
        (3, "加快县域和乡村充电设施建设", ["能源局"], ["商务厅"]),
        (4, "加强充电设施安全管理", ["应急管理厅", "市场监管局"], []),
    ]
    first = body[0]
    assert [(str(t.value), t.unit, t.year) for t in first.targets] == [("6000", "个", None), ("7000", "个", 2025)]
    assert all(r.restates for r in doc.tasks if r.source == "table")


# -- a policy list whose rows open with an id and part their cells by runs of spaces
# (province-policy-list-with-ids-2025, lines 22-48) ---------------------------------------------------------

def test_rows_opening_with_an_id_and_cells_parted_by_spaces_are_a_tables_rows():
    text = ("附件\n政策措施清单\n政策编号　　政策名称　　政策内容　　责任单位　　兑现方式　　兑现时限\n一、降低要素成本（2条）\n"
            "ZC-01  降低工业用地成本   工业用地可采取长期租赁方式供应。   省自然资源厅   依申请办理   常态化兑现\n"
            "ZC-02  降低用气成本   推动天然气管输价格改革。   省发展改革委、省住房城乡建设厅（按职责分工）   直接执行  "
            "2025年6月30日前\n")
    assert tasks(text) == [("降低工业用地成本", ["自然资源厅"], []),
                           ("降低用气成本", ["发展改革委", "住房城乡建设厅"], ["2025-06-30"])]


# -- a second reading of the later changes, each with the input it gave ----------------------------------------

def test_a_line_that_introduces_a_headings_items_leaves_them_the_headings_clause():
    text = ("二、任务\n（一）实施老旧小区改造行动（牵头单位：县住建局；配合单位：县财政局）\n围绕补短板、强弱项，重点做好以下工作：\n"
            "1．完善配套设施。改造供水管网20公里。\n2．推进加装电梯。加装电梯50部，2026年底前完成。\n")
    assert tasks(text) == [("完善配套设施", ["住建局"], []), ("推进加装电梯", ["住建局"], ["2026-12-31"])]


def test_a_range_at_a_wrapped_lines_start_is_no_item():
    text = "一、任务\n（一）培育龙头企业。每年培育\n3-5 家营业收入超百亿元龙头企业，2025 年底前完成。（市工业和信息化局牵头）\n"
    assert [title for title, _, _ in tasks(text)] == ["培育龙头企业"]


def test_a_goals_year_dates_the_row_when_its_deadline_cell_is_empty():
    text = "序号\t重点任务\t工作目标\t牵头单位\t完成时限\n1\t推进污水管网建设\t到2027年，城市生活污水集中收集率达到75%以上\t市住建局\t—\n"
    assert tasks(text) == [("推进污水管网建设", ["住建局"], ["2027-12-31"])]


def test_a_placeholder_under_a_years_column_is_no_milestone():
    text = ("序号\t重点任务\t2024年目标\t2025年目标\t2026年目标\t牵头单位\n1\t建设监管平台\t建立安全监管平台\t—\t无\t省住建厅\n"
            "2\t出台标准\t/\t出台地方标准2项\t/\t省市场监管局\n")
    assert [dates for _, _, dates in tasks(text)] == [["2024-12-31"], ["2025-12-31"]]


def test_closing_bracket_items_run_together_after_a_sentence_are_headings():
    text = "（一）推进老旧小区改造。1）摸清改造底数。开展排查。（市住建局负责）2）拓宽社会资本参与渠道。引入社会资本。（市金融办负责）\n"
    assert [(title, lead) for title, lead, _ in tasks(text)] == [("摸清改造底数", ["住建局"]), ("拓宽社会资本参与渠道", ["金融办"])]


def test_a_closing_note_run_onto_an_items_line_holds_for_the_plan():
    text = ("一、任务\n1．推进企业开办便利化。（责任单位：市政务服务管理局、市市场监管局）2．优化纳税服务。（责任单位：市税务局、市财政局）"
            "各项任务的责任单位中，排在首位的为牵头单位。\n")
    assert [lead for _, lead, _ in tasks(text)] == [["政务服务管理局"], ["税务局"]]


def test_a_contact_list_says_nothing_of_unread_tasks():
    text = "附件\n联络员名单\n序号\n责任单位\n联络员\n联系电话\n1\n市住建局\n张某\n0851-1234567\n2\n市财政局\n李某\n0851-7654321\n"
    assert [w.code for w in extract_text(text).warnings if w.code == "table-rows-unread"] == []


def test_angle_brackets_inside_a_documents_title_are_no_role():
    text = "一、任务\n1．认真贯彻《省政府办公厅转发省住建厅〈关于由各市住建部门牵头建立扬尘管控机制的意见〉的通知》，建成在线监测点100个。（市城管局负责）\n"
    assert [lead for _, lead, _ in tasks(text)] == [["城管局"]]


def test_rows_titled_as_items_alike_but_for_a_number_each_find_their_item():
    items = "".join(f"({i})加快地铁{i}号线建设。完成投资{i * 10}亿元。\n" for i in range(1, 19))
    items = items.replace("完成投资10亿元。\n", "完成投资10亿元。（市交通局负责）\n", 1)
    rows = "".join(f"{i}\t加快地铁{i}号线建设\t市轨道集团\t2026年底前\n" for i in range(1, 19))
    doc = extract_text("二、任务\n" + items + "附件\n分工表\n序号\t重点任务\t牵头单位\t完成时限\n" + rows)
    body = [t for t in doc.tasks if t.source != "table"]
    assert len(body) == 18 and [r.name for r in body[-1].lead] == ["轨道集团"]
    assert "items-without-clauses" not in [w.code for w in doc.warnings]


def test_offices_after_a_huitong_following_a_sole_fuze_take_part():
    """city-half-bracket-markers-2026, line 28; county-campaign-phases-2026 gains the same."""
    text = "一、任务\n1．做好项目储备。由市发展改革委负责，会同市住建局、市财政局做好老旧小区改造项目储备。\n"
    found = extract_text(text).tasks[0]
    assert ([r.name for r in found.lead], [r.name for r in found.participants]) == (["发展改革委"], ["住建局", "财政局"])


def test_hyphen_numbered_items_run_into_their_groups_title():
    text = ("一、扎实推进城镇老旧小区改造1-1．新开工改造城镇老旧小区1500个以上。牵头单位：省住房城乡建设厅；完成时限：2025年10月底前。"
            "1-2．有序推进既有住宅加装电梯。牵头单位：省住房城乡建设厅。二、推进城市基础设施建设2-1．更新改造城市老旧管网2000公里。"
            "牵头单位：省住房城乡建设厅。2-2．开展城市生命线安全工程试点。牵头单位：省应急管理厅。")
    assert [title for title, _, _ in tasks(text)] == [
        "新开工改造城镇老旧小区1500个以上", "有序推进既有住宅加装电梯", "更新改造城市老旧管网2000公里", "开展城市生命线安全工程试点"]


# -- a 目标责任书: indicators with their targets in words, a group row of its own, a leader's column
# (county-target-responsibility-letter-2026, lines 11-34) ------------------------------------------------

def test_a_responsibility_letters_indicator_rows_are_tasks_with_the_targets_written_in_their_cells():
    text = ("一、目标任务\n序号\t考核指标\t目标值\t分值\t责任单位\t牵头县领导\n业务工作指标（80分）\n"
            "1\t粮食播种面积\t稳定在78.6万亩以上\t8分\t县农业农村局、各乡镇（街道）\t刘志强\n"
            "2\t新建高标准农田\t4.2万亩以上，11月底前完成主体工程\t8分\t县农业农村局（牵头）、县水利局\t\n")
    found = [(t.title, [r.name for r in t.lead], [d.date for d in t.deadlines], [(g.comparator, str(g.value), g.unit) for g in t.targets])
             for t in extract_text("2026年1月10日\n" + text).tasks if t.source == "table"]
    assert found == [("粮食播种面积", ["农业农村局"], [], [(">=", "78.6", "万亩")]),
                     ("新建高标准农田", ["农业农村局"], ["2026-11-30"], [(">=", "4.2", "万亩")])]
