"""Forms read on 4 December 2026 (twelfth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def tasks(text: str):
    return [(t.title, [r.name for r in t.lead], [d.date or d.kind for d in t.deadlines]) for t in extract_text(text).tasks]


# -- an attribution after a block of items, in brackets (city-trailing-attribution-sentences-2026, lines 28-31) ------

BLOCK_IN_BRACKETS = (
    "（三）促进儿童青少年健康\n"
    "7．实施儿童青少年近视综合防控。定期开展视力筛查，建立学生电子视力健康档案。\n"
    "8．保障学生体育活动时间。全面落实中小学生每天综合体育活动时间不低于2小时。\n"
    "9．加强学校卫生和心理健康教育。推进健康学校建设。市卫生健康委、团市委配合做好学生心理危机干预工作。\n"
    "（以上三项均由市教育局负责）\n"
)


def test_a_block_attribution_in_brackets_names_its_unit_without_its_words_and_is_closed():
    document = extract_text(BLOCK_IN_BRACKETS)
    assert [[r.raw for r in t.lead] for t in document.tasks] == [["市教育局"]] * 3
    assert [t.participants[0].raw for t in document.tasks[2:]] == ["市卫生健康委"]
    assert not [w for w in document.warnings if w.code == "clause-unclosed"]


# -- a notice sending a list as its annex: the annex's title under any appendix marker (province-key-tasks-with-leaders-2026)

def notice_with_annex(marker: str) -> str:
    return ("关于印发《某省2026年重点工作任务清单》的通知\n各市人民政府：\n"
            "现将《某省2026年重点工作任务清单》印发给你们，请认真贯彻落实。\n某省人民政府\n2026年2月1日\n"
            f"{marker}\n某省2026年重点工作任务清单\n序号\t重点任务\t牵头单位\t完成时限\n"
            "1\t推进高标准农田建设\t省农业农村厅\t2026年底\n2\t加快数字政府建设\t省数据局\t2026年10月\n")


def test_a_notices_annex_holds_the_list_whatever_its_appendix_marker():
    for marker in ("附件", "附件1", "附件：", "附件 2：", "附表1"):
        assert tasks(notice_with_annex(marker)) == [
            ("推进高标准农田建设", ["农业农村厅"], ["2026-12-31"]),
            ("加快数字政府建设", ["数据局"], ["2026-10-31"]),
        ], marker


# -- a PDF's justified lines, a space between every character (province-pdf-spaced-characters-2025, lines 27-40;
# county-ocr-2023, lines 25-26) ----------------------------------------------------------------------------------

SPACED = (
    "三 、 重 点 任 务\n"
    "（ 一 ） 推 进 城 乡 供 水 一 体 化\n"
    "2.实施城乡供水一体化工程。依托城市供水管网向农村延伸，新开工城乡供水一体化项目30个。\n"
    "牵 头 单 位 ： 省 水 利 厅\n"
    "配 合 单 位 ： 省 发 展 改 革 委 、 省 财 政 厅\n"
    "3.开展水源地环境问题排查整治。全年排查整治环境问题\n"
    "200 个 以 上 ， 确 保 问 题 整 改 销 号 率 达 到 95% 以 上 。\n"
    "牵头单位：省生态环境厅；配合单位：省农业农村厅、省自 然 资 源 厅\n"
)


def test_characters_set_apart_by_single_spaces_read_as_the_plan_means_them():
    document = extract_text(SPACED)
    assert [s.title for s in document.sections][:2] == ["重点任务", "推进城乡供水一体化"]  # (markers as the file writes them)
    first, second = document.tasks
    assert [r.name for r in first.lead] == ["水利厅"] and [r.name for r in first.participants] == ["发展改革委", "财政厅"]
    assert {(t.comparator, str(t.value), t.unit) for t in second.targets} >= {(">=", "200", "个"), (">=", "95", "%")}
    assert [r.name for r in second.participants] == ["农业农村厅", "自然资源厅"]


def test_a_name_padded_with_one_space_and_a_table_gap_stay_as_written():
    from policyx.extract.sections.spaced import _spaced_gaps
    assert _spaced_gaps("李 四") == [] and _spaced_gaps("到 96% 以 上") == []
    assert _spaced_gaps("a b c d e") == [] and _spaced_gaps("序号  任务  牵头单位  配合单位") == []


# -- bullets for items (city-bullet-items-2026, lines 24-26, 44-47) ------------------------------------------------

BULLETS = (
    "三、扩大服务消费\n"
    "◆激发文旅消费活力。\n"
    "■ 办好“绵州过大年”、李白文化节等节会活动，全年举办各类文旅消费活动200场以上。（责任单位：市文化广播电视和旅游局、市商务局）\n"
    "■ 推出春季赏花、夏季避暑等精品线路20条，3月底前发放文旅消费券500万元。（责任单位：市文化广播电视和旅游局、市财政局）\n"
    "◆完善县域商业体系。\n"
    "·新建改造乡镇商贸中心15个、村级便民商店300个；\n"
    "·推动农村寄递物流综合服务站建设，年底前实现行政村快递服务全覆盖。\n"
    "（责任单位：市商务局、市邮政管理局）\n"
)


def test_a_bullet_with_its_own_clause_is_an_item_and_bullets_under_one_clause_are_one_task():
    document = extract_text(BULLETS)
    assert [(t.line, t.title[:8]) for t in document.tasks] == [(3, "办好“绵州过大年"), (4, "推出春季赏花、夏"), (5, "完善县域商业体系")]
    assert ("=", "20", "条") in {(t.comparator, str(t.value), t.unit) for t in document.tasks[1].targets}


# -- Word's automatic numbering copied as text: one-character numbers and a tab (county-unicode-enumerators-2026) ----

WORD_NUMBERING = (
    "二、重点任务\n"
    "㈠\t深化重大事故隐患排查整治\n"
    "⑴\t开展重大事故隐患动态清零。督促企业每季度开展一次全员隐患自查。（牵头单位：县应急管理局，配合单位：县公安局）\n"
    "⑵\t推进企业安全生产标准化建设。10月底前，规模以上企业达标率达到90%以上。（牵头单位：县经济和信息化局）\n"
    "⑶\t深化城镇燃气安全专项整治。\n"
    "❶ 6月底前实现公共场所燃气用户可燃气体报警装置安装全覆盖。\n"
    "责任单位：县住房和城乡建设局、县市场监督管理局\n"
    "三、实施步骤\n"
    "Ⅰ、动员部署阶段（2026年3月）。\n"
    "Ⅱ、集中攻坚阶段（2026年4月—10月）。\n"
)


def test_word_numbering_copied_as_text_reads_as_headings_not_as_a_table():
    document = extract_text(WORD_NUMBERING)
    assert [(s.line, s.level, s.number) for s in document.sections] == [
        (1, 1, 2), (2, 2, 1), (3, 4, 1), (4, 4, 2), (5, 4, 3), (6, 5, 1), (8, 1, 3), (9, 2, 1), (10, 2, 2)]
    assert [(t.line, [r.name for r in t.lead]) for t in document.tasks] == [
        (3, ["应急管理局"]), (4, ["经济和信息化局"]), (6, ["住房和城乡建设局", "市场监督管理局"])]
    assert not document.tables


def test_a_numbered_first_cell_and_a_row_of_several_tabs_stay_a_table():
    document = extract_text("序号\t重点任务\t牵头单位\n1\t推进高标准农田建设\t县农业农村局\n2\t加快数字政府建设\t县数据局\n")
    assert len(document.tables) == 1 and [t.title for t in document.tasks] == ["推进高标准农田建设", "加快数字政府建设"]


def test_a_water_class_is_no_roman_heading():
    document = extract_text("一、工作目标\nⅢ类水体比例达到80%以上。\nⅠ、Ⅱ类水质断面保持稳定。\n")
    assert [s.line for s in document.sections] == [1]


# -- who leads, in so many words, under the closing guarantees (county-unicode-enumerators-2026, lines 47-51) ----------

SAFEGUARDS = (
    "一、重点任务\n1．排查隐患。开展排查。（牵头单位：县应急管理局）\n"
    "四、保障措施\n"
    "1．加强组织领导。县安委会统筹推进治本攻坚各项工作。\n"
    "2．强化资金保障。县财政局负责将治本攻坚工作经费纳入年度预算，统筹安排专项资金不少于300万元。\n"
    "3．营造良好氛围。县委宣传部牵头，县应急管理局、县融媒体中心配合，广泛开展安全宣传“五进”活动。\n"
    "4．建立协调机制。县住房城乡建设局会同县发展改革局建立工作协调机制。\n"
)


def test_under_the_closing_guarantees_a_phrase_that_names_who_leads_or_answers_is_a_task():
    assert [(t.line, [r.name for r in t.lead]) for t in extract_text(SAFEGUARDS).tasks] == [
        (2, ["应急管理局"]), (5, ["财政局"]), (6, ["县委宣传部"])]


def test_a_report_of_work_done_under_a_heading_of_results_is_no_task():
    text = ("二、成效明显的地区和部门\n（一）大气污染治理成效明显。石家庄市一季度PM2.5平均浓度同比下降11.2%。"
            "省生态环境厅牵头组织开展冬季大气污染防治“百日攻坚”行动。\n"
            "三、下一步工作\n（一）加快项目建设。（省发展改革委牵头）\n")
    assert [t.line for t in extract_text(text).tasks] == [4]


# -- a table one cell a line: its header cells are no headings of a plan that lost its numbers (wild jiaxing) -------

def test_header_cells_a_line_each_are_no_unnumbered_headings():
    text = ("2023年政府工作报告重点工作责任分解\n\n序号\n\n主 要 工 作 任 务\n\n责任单位\n\n1\n\n地区生产总值增长6%左右。\n\n"
            "市发展改革委\n\n2\n\n一般公共预算收入增长5%。\n\n市财政局\n")
    assert extract_text(text).sections == ()


# -- a table a page break cut (province-table-page-breaks-2025, lines 14-29) ---------------------------------------

PAGE_BREAK = (
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "6\t做好退役军人就业安置。举办退役军人专场招聘会不少于50场\t省退役军人事务厅\t省人力资源社会保障厅\t2025年12月底前\n"
    "7\t促进农村劳动力稳岗就业。深化省际省内劳务协作；加大以工代赈实施力度，\t省农业农村厅\t省发展改革委、省商务厅、\t2025年12月底前\n"
    "—2—\n"
    "续表\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "\t在重点工程项目中推广以工代赈方式，劳务报酬占中央资金比例提高到30%以上\t\t省交通运输厅、省水利厅\t\n"
    "8\t加强困难群体就业帮扶。全年帮扶困难人员就业6万人\t省人力资源社会保障厅\t省民政厅\t长期坚持\n"
)


def test_a_table_goes_on_over_a_page_break_and_a_split_row_is_one_row_again():
    document = extract_text(PAGE_BREAK)
    assert len(document.tables) == 1
    assert [(t.line, [r.name for r in t.lead]) for t in document.tasks] == [
        (2, ["退役军人事务厅"]), (3, ["农业农村厅"]), (8, ["人力资源社会保障厅"])]
    split = document.tasks[1]
    assert [r.name for r in split.participants] == ["发展改革委", "商务厅", "交通运输厅", "水利厅"]
    assert (">=", "30", "%") in {(t.comparator, str(t.value), t.unit) for t in split.targets}
    assert ("=", "6", "万人") in {(t.comparator, str(t.value), t.unit) for t in document.tasks[2].targets}


# -- an indicator table: a merged cell before the number, a change and a range in the target cell
# (province-goal-figures-varieties-2026, lines 23-37) ------------------------------------------------------------------

INDICATORS = (
    "表1　主要指标\n"
    "领域\t序号\t指标\t单位\t2025年\t2030年\t属性\n"
    "健康水平\t1\t人均预期寿命\t岁\t79.2\t＞80\t预期性\n"
    "2\t孕产妇死亡率\t/10万\t8.6\t＜8\t预期性\n"
    "3\t重大慢性病过早死亡率\t%\t13.8\t下降3个百分点\t预期性\n"
    "健康保障\t4\t公立医院医疗费用年均增长幅度\t%\t—\t3—5\t预期性\n"
)


def test_indicator_rows_under_a_merged_cell_keep_their_columns_and_read_changes_and_ranges():
    targets = {t.metric: (t.comparator, t.value_label, t.unit) for t in extract_text(INDICATORS).targets}
    assert targets == {"人均预期寿命": (">", "80", "岁"), "孕产妇死亡率": ("<", "8", "/10万"),
                       "重大慢性病过早死亡率": ("decrease", "3", "个百分点"), "公立医院医疗费用年均增长幅度": ("=", "3-5", "%")}


def test_a_range_a_plan_keeps_to_is_reached_not_capped():
    task = extract_text("（一）深化医保支付方式改革。公立医院医疗费用年均增长幅度控制在3%—5%。（省医保局牵头）").tasks[0]
    assert [(t.comparator, t.value_label, t.unit) for t in task.targets] == [("=", "3-5", "%")]


# -- a size of the firms a plan counts, linked by 的 (province-goal-figures-varieties-2026, line 59) ------------------

def test_a_bound_figure_before_的_and_a_counted_noun_is_no_target():
    task = extract_text("（一）壮大产业。培育营业收入超100亿元的医药企业10家以上。（省工业和信息化厅牵头）").tasks[0]
    assert [(t.comparator, str(t.value), t.unit) for t in task.targets] == [(">=", "10", "家")]


# -- a festival as a deadline (city-deadline-varieties-2026, line 19) --------------------------------------------------

def test_a_festival_is_a_deadline_on_its_day_in_the_plans_year():
    text = "2026年城市管理工作方案\n1.开展春节前市容环境集中整治。集中清理乱摆摊点。（责任单位：市城管执法局；完成时限：春节前）\n" \
           "2.国庆节前完成主次干道整治。（责任单位：市城管执法局）\n"
    assert [[d.date for d in t.deadlines] for t in extract_text(text).tasks] == [
        ["2026-02-17", "2026-02-17"], ["2026-10-01"]]


# -- a plan's own short names for offices (city-full-official-names-2026, lines 17, 27-28) ------------------------------

DEFINED = (
    "一、工作机制\n　　成员单位包括市住房和城乡建设局（以下简称市住建局）、市生态环境局（以下简称市环境局）、"
    "市城市管理和综合执法局（以下简称市城管执法局）。\n"
    "二、重点任务\n"
    "　　1.推进雨污分流改造。新建改造污水管网40公里。（市城管执法局牵头，市环境局、市住建局配合）\n"
    "　　2.实施供水管网改造。由市城发集团有限公司负责，改造供水老化管网80公里，市住建局配合。\n"
)


def test_a_short_name_the_plan_defines_stands_for_the_full_one():
    first, second = extract_text(DEFINED).tasks
    assert [r.name for r in first.lead] == ["城市管理和综合执法局"]
    assert [r.name for r in first.participants] == ["生态环境局", "住房和城乡建设局"]
    assert [r.raw for r in first.participants] == ["市环境局", "市住建局"]  # (as written)
    assert [r.name for r in second.lead] == ["城发集团有限公司"] and [r.name for r in second.participants] == ["住房和城乡建设局"]


# -- footnotes (province-opinions-with-footnotes-2026, lines 18-21, 40, 47-51) ------------------------------------------

FOOTNOTES = (
    "一、总体要求\n（二）主要目标。到2027年，城市生活垃圾回收利用率达到40%②以上，单位地区生产总值固体废物产生强度[1]较2025年下降8%。\n"
    "注：①“无废城市”：是指以新发展理念为引领的城市发展模式。\n②城市生活垃圾回收利用率：指实现回收利用的生活垃圾量的比例。\n"
    "[1]单位地区生产总值固体废物产生强度：指一般工业固体废物产生量与地区生产总值之比。\n⑥新污染物：指具有生物毒性的污染物。\n"
    "二、强化新污染物环境风险防控\n（一）开展新污染物⑥治理。开展重点管控新污染物调查监测。（省生态环境厅牵头，省卫生健康委配合）\n"
)


def test_footnote_marks_the_notes_define_are_no_words_and_footnotes_no_headings():
    document = extract_text(FOOTNOTES)
    assert [(s.line, s.title) for s in document.sections] == [
        (1, "总体要求"), (2, "主要目标"), (7, "强化新污染物环境风险防控"), (8, "开展新污染物治理")]
    assert {(t.comparator, str(t.value), t.unit) for t in document.targets} >= {(">=", "40", "%"), ("decrease", "8", "%")}


# -- offices and duties written as phrases (county-staged-deadlines-2026, line 45; city-hard-wrapped-text-2026,
# lines 106-108; county-unicode-enumerators-2026, line 45) ----------------------------------------------------------

def test_a_citys_office_for_a_county_named_by_both_places_answers_for_its_duty():
    text = ("（五）完善治理监管体系\n13.强化出水水质监测。宿迁市沭阳生态环境局负责每季度开展一次出水水质监测；"
            "县水务局负责督促运维单位开展日常自行监测。\n")
    assert [(t.title, [r.name for r in t.lead]) for t in extract_text(text).tasks] == [
        ("强化出水水质监测", ["宿迁市沭阳生态环境局"]), ("县水务局负责督促运维单位开展日常自行监测", ["水务局"])]


def test_two_offices_duties_in_one_sentence_are_two_tasks():
    text = ("三、保障措施\n（二）强化要素保障。市财政局负责统筹安排“无废城市”建设专项资金，"
            "市发改委负责将符合条件的固废利用处置项目纳入市重大项目库，优先保障用地、能耗指标。\n")
    assert [[r.name for r in t.lead] for t in extract_text(text).tasks] == [["财政局"], ["发改委"]]


def test_a_lead_then_会同_names_who_takes_part_and_a_circled_number_ends_no_office():
    text = ("三、实施步骤\nⅡ、集中攻坚阶段（2026年4月—10月）。\n"
            "②县应急管理局牵头，会同县公安局、县交通运输局等部门，每季度开展一次明查暗访。\n")
    task = extract_text("一、重点任务\n1．排查隐患。（牵头单位：县应急管理局）\n" + text).tasks[-1]
    assert [r.name for r in task.lead] == ["应急管理局"] and [r.name for r in task.participants] == ["公安局", "交通运输局"]


def test_what_a_plan_does_away_with_counted_is_a_target():
    task = extract_text("（一）治理易涝点。消除易涝积水点23处。（市住建局牵头）").tasks[0]
    assert [(t.comparator, str(t.value), t.unit) for t in task.targets] == [("=", "23", "处")]


def test_numbers_no_note_defines_are_left_as_written():
    text = "一、重点任务\n（一）防汛。开展水库安全检查①加强巡查②做好值守。（县水利局牵头）\n"
    assert "①" in extract_text(text).tasks[0].text


# -- a table drawn with box-drawing characters, its cells wrapped over lines (city-box-drawing-table-2026, lines 12-24)

BOXED = (
    "┌──┬────────────┬──────┬──────┬─────┐\n"
    "│序号│重点任务                │牵头单位    │配合单位    │完成时限  │\n"
    "├──┴────────────┴──────┴──────┴─────┤\n"
    "│一、城镇老旧小区和城中村改造                                          │\n"
    "├──┬────────────┬──────┬──────┬─────┤\n"
    "│1   │推进城镇老旧小区改造。全年新开工│市住房城乡建设局│市发展改革委、│2026年11月底前│\n"
    "│    │改造城镇老旧小区120个。         │                │市财政局      │              │\n"
    "├──┼────────────┼──────┼──────┼─────┤\n"
    "│2   │推进完整社区建设。新打造完整社区│市民政局、      │市商务局      │10月底前      │\n"
    "│    │试点15个。                      │市住房城乡建设局│              │              │\n"
    "└──┴────────────┴──────┴──────┴─────┘\n"
)


def test_a_box_drawn_table_is_read_row_by_row_with_its_wrapped_cells():
    document = extract_text("2026年城市更新重点任务分工表\n" + BOXED)
    assert [(t.line, [r.name for r in t.lead], [r.name for r in t.participants]) for t in document.tasks] == [
        (7, ["住房城乡建设局"], ["发展改革委", "财政局"]), (10, ["民政局", "住房城乡建设局"], ["商务局"])]
    assert ("=", "120", "个") in {(t.comparator, str(t.value), t.unit) for t in document.tasks[0].targets}


# -- a 任务卡 of fields in 【】 (county-task-cards-2026, lines 13-19, 99) ---------------------------------------------------

CARDS = (
    "一、项目建设和产业发展\n————————————\n【任务名称】加快推进重大项目建设\n"
    "【工作目标】全年实施县级重点项目210个，完成投资380亿元以上。\n【牵头单位】县发展改革局\n"
    "【责任单位】县财政局、县自然资源和规划局，各镇人民政府（街道办事处）\n【完成时限】2026年12月底前\n————————————\n"
    "（注：任务卡未列明的镇（街道）和县级部门，按职责分工抓好配合落实。）\n"
)


def test_fields_labelled_in_brackets_read_as_fields_and_a_note_in_brackets_is_no_clause():
    tasks = extract_text(CARDS).tasks
    assert [(t.title, [r.name for r in t.lead], [d.date for d in t.deadlines]) for t in tasks] == [
        ("加快推进重大项目建设", ["发展改革局"], ["2026-12-31"])]
    assert [r.name for r in tasks[0].implementers] == ["财政局", "自然资源和规划局", "各镇人民政府(街道办事处)"]  # (not the note's)


# -- what a second reading found (review of this session's change) ------------------------------------------------------

def test_a_defined_short_name_is_the_office_set_up_not_the_words_before_it_nor_another_levels():
    text = ("一、机制\n市政府成立市城市更新工作领导小组（以下简称市领导小组），成员单位包括市生态环境局（以下简称市环境局）。\n"
            "二、任务\n1.统筹推进。开展调度。（责任单位：市领导小组）\n2.治理污染。开展治理。（牵头单位：县环境局；配合单位：市环境局）\n")
    first, second = extract_text(text).tasks[-2:]
    assert [r.name for r in first.lead] == ["城市更新工作领导小组"]
    assert [r.name for r in second.lead] == ["环境局"] and [r.name for r in second.participants] == ["生态环境局"]


def test_a_helpers_负责_after_a_duty_is_no_duty_of_its_own():
    text = "第十三条　市发展改革委负责供水价格管理，市市场监管局负责配合开展价格监督检查。\n"
    assert [([r.name for r in t.lead], [r.name for r in t.participants]) for t in extract_text(text).tasks] == [
        (["发展改革委"], ["市场监管局"])]


def test_another_tables_header_after_a_page_break_opens_another_table():
    text = ("序号\t工作任务\t责任单位\t完成时限\n1\t推进污水管网建设\t县住建局\t2026年底\n2\t推进垃圾分类\t县城管局\t2026年10月\n—3—\n"
            "序号\t项目名称\t建设内容\t责任单位\n1\t城东污水厂\t新建污水处理能力2万吨/日\t县住建局\n2\t城西水厂\t新建供水能力1万吨/日\t县水务局\n")
    document = extract_text(text)
    assert len(document.tables) == 2 and [t.title for t in document.tasks][2:] == ["城东污水厂", "城西水厂"]


def test_a_festival_before_the_plans_date_is_the_next_years_and_around_it_is_no_deadline():
    text = ("某市2025年冬季清洁取暖工作方案\n1.保障供暖。春节前完成煤炭储备。（市发改委负责）\n2.安全检查。春节前后加强安全检查。（市应急局负责）\n"
            "某市人民政府办公室\n2025年11月10日\n")
    assert [[d.date for d in t.deadlines] for t in extract_text(text).tasks] == [["2026-02-17"], []]


def test_a_two_column_table_with_numbered_rows_stays_a_table():
    text = "附表　工作内容\n序号\t内容\n1.\t开展村庄清洁行动，清理农村生活垃圾。\n2.\t推进农村改厕，新建户厕200座。\n"
    document = extract_text(text)
    assert len(document.tables) == 1 and document.sections == ()


def test_a_heading_that_names_a_column_word_among_others_stays_a_heading():
    text = "某县农村人居环境整治方案\n总体要求\n坚持统筹推进。\n政府牵头部门联动\n各部门协同推进。\n强化责任单位考核\n纳入考核。\n保障措施\n加强领导。\n"
    assert [s.title for s in extract_text(text).sections] == ["总体要求", "政府牵头部门联动", "强化责任单位考核", "保障措施"]


def test_a_task_card_run_into_one_line_is_parted_at_its_labels():
    text = ("一、项目建设和产业发展————————————【任务名称】加快推进重大项目建设【工作目标】全年实施县级重点项目210个。"
            "【牵头单位】县发展改革局【责任单位】县财政局————————————【任务名称】推动工业经济稳进提质"
            "【工作目标】规模以上工业增加值增长8.5%。【牵头单位】县经济和信息化局")
    assert [(t.title, [r.name for r in t.lead]) for t in extract_text(text).tasks] == [
        ("加快推进重大项目建设", ["发展改革局"]), ("推动工业经济稳进提质", ["经济和信息化局"])]
