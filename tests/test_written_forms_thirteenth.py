"""Forms read on 4 December 2026 (thirteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def roles(text: str):
    """(title, lead, participants, implementers) of each task, by the names read."""
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers])
            for t in extract_text(text).tasks]


def item(clause: str) -> str:
    return f"一、重点任务\n（一）推进老旧小区改造。2026年完成改造小区30个。{clause}\n（二）改善人居环境。（县农业农村局牵头）\n"


def targets(sentence: str):
    document = extract_text(f"一、重点任务\n1.加强工作。{sentence}。（市应急管理局牵头）\n")
    return [(t.comparator, str(t.value), t.unit) for t in document.tasks[0].targets]


# -- a 负责 before its duty, then another phrase of the same sentence (the session's left list; city-regulation-2024) --

def test_a_responsible_word_before_its_duty_ends_the_units_before_it():
    assert roles(item("县住建局负责统筹推进，各乡镇负责具体落实。"))[0][1:] == (["住建局"], [], ["各乡镇"])
    # (…and the duty after it is no unit of the phrases that follow: "县财政局负责资金保障")
    assert roles(item("（县农业农村局牵头，县财政局负责资金保障，各乡镇负责具体落实）"))[0][1:] == (
        ["农业农村局"], ["财政局"], ["各乡镇"])


def test_a_responsible_office_after_a_prose_lead_takes_part_in_its_sentence():
    # (the session's left list: "由X牵头，Y负责资金保障，Z负责落实" named X only, as a sentence)
    assert roles(item("由县农业农村局牵头，县财政局负责资金保障，各乡镇负责具体落实。"))[0][1:] == (
        ["农业农村局"], ["财政局"], ["各乡镇"])
    # (…while a second office's duty of its own in its own sentence is a task of its own)
    assert [r[1] for r in roles(item("由县农业农村局牵头做好规划。县财政局负责资金保障。"))][:2] == [["农业农村局"], ["财政局"]]


def test_a_phrase_ending_in_a_word_of_a_note_is_read_when_it_names_offices():
    # (…具体实施 ends as a note's "持续推进" does, but names who carries the task out)
    assert roles(item("由县农业农村局牵头，县财政局配合，各乡镇人民政府具体实施。"))[0][1:] == (
        ["农业农村局"], ["财政局"], ["各乡镇人民政府"])


def test_units_after_a_together_with_word_take_part_whatever_role_word_ends_them():
    # region-implementation-2022, line 58
    assert roles(item("此项工作由自治区教育厅会同自治区财政厅组织实施。"))[0][1:] == (["教育厅"], ["财政厅"], [])


# -- a role noted after a unit, the list going on after commas (city-fullwidth-digits-2026, line 26) ---------------

def test_units_after_a_noted_lead_take_part_also_past_a_comma():
    read = roles(item("（责任单位：市城市管理局（牵头），市机关事务服务中心，各县（市、区）人民政府）"))[0][1:]
    assert read == (["城市管理局"], ["机关事务服务中心"], ["各县(市、区)人民政府"])
    assert roles(item("（牵头单位：市城市管理局（总牵头）；配合单位：市财政局）"))[0][1:] == (["城市管理局"], ["财政局"], [])


# -- posts held by persons, and offices that only follow a task up (province-river-chief-points-2026, line 25;
# province-attribution-vocabulary-2026, lines 20 and 43) -----------------------------------------------------------

def test_a_post_is_no_unit_and_the_offices_that_answer_lead_in_its_place():
    assert roles(item("（各级河长负责落实，省河长办负责督导考核）"))[0][1:] == (["河长办"], [], [])
    assert roles(item("（省级河长牵头推动，省河长办、省水利厅负责，流域内各市州河长办具体落实）"))[0][1:] == (
        ["河长办", "水利厅"], [], ["流域内各市州河长办"])


def test_a_supervising_office_is_none_of_the_tasks_units():
    text = ("一、重点任务\n1.健全考核激励机制。完善河湖长制考核办法。\n"
            "主办单位：省河长办；协办单位：省委组织部、省生态环境厅；督办单位：省政府督查室\n"
            "2.推进幸福河湖建设。建成幸福河湖50条。\n牵头部门：省水利厅　配合部门：省自然资源厅　督办单位：省河长办\n")
    assert [r[1:] for r in roles(text)] == [(["河长办"], ["省委组织部", "生态环境厅"], []), (["水利厅"], ["自然资源厅"], [])]


def test_a_responsible_body_alone_leads_and_beside_a_lead_carries_out():
    assert roles(item("责任主体：省农业农村厅、省生态环境厅。"))[0][1:] == (["农业农村厅", "生态环境厅"], [], [])
    assert roles(item("牵头单位：省林业局；责任主体：各设区市人民政府。"))[0][1:] == (["林业局"], [], ["各设区市人民政府"])


def test_a_label_right_after_a_bracket_adds_to_its_clause():
    # province-attribution-vocabulary-2026, line 29: one task, not a second one named by its units
    read = roles(item("（省住房城乡建设厅牵头，省生态环境厅、省发展改革委参与）实施主体：各设区市人民政府、赣江新区管委会。"))
    assert read[0][1:] == (["住房城乡建设厅"], ["生态环境厅", "发展改革委"], ["各设区市人民政府", "赣江新区管委会"])
    assert len(read) == 2


# -- a division table that names fields of work, not tasks, and a principle over the items it divides
# (city-safety-campaign-phases-2026, lines 19-31 and 52-61) ----------------------------------------------------------

CAMPAIGN = (
    "洛阳市2026年安全生产重点行业领域专项整治行动方案\n"
    "二、整治内容\n"
    "　　按照“管行业必须管安全”的原则，各行业领域专项整治由行业主管部门负责，具体分工见附件。\n"
    "　　（一）危险化学品。聚焦化工园区和重大危险源企业，9月底前完成重大危险源企业安全风险评估复核。\n"
    "　　（二）非煤矿山。重点整治地下矿山未按规定建设安全避险“六大系统”等问题。\n"
    "　　（三）城镇燃气。全面排查燃气管网设施安全隐患，10月底前完成老旧管道更新改造。（市住房和城乡建设局牵头，市市场监管局配合）\n"
    "三、工作要求\n　　（一）加强组织领导。各牵头部门要成立工作专班。\n"
    "附件\n专项整治分工表\n"
    "行业领域\t牵头部门\t配合部门\t整治重点\n"
    "危险化学品\t市应急管理局\t市工业和信息化局、市公安局\t化工园区安全风险评估复核；重大危险源\n"
    "非煤矿山\t市应急管理局\t市自然资源和规划局\t地下矿山“六大系统”；尾矿库\n"
    "城镇燃气\t市住房和城乡建设局\t市市场监管局\t燃气管网隐患排查\n"
)


def test_items_under_a_principle_are_tasks_of_their_own_led_as_the_division_table_says():
    document = extract_text(CAMPAIGN)
    body = {t.title: ([r.name for r in t.lead], [d.date for d in t.deadlines]) for t in document.tasks if t.source == "body"}
    assert body["危险化学品"] == (["应急管理局"], ["2026-09-30"])
    assert body["非煤矿山"][0] == ["应急管理局"]
    assert body["城镇燃气"][0] == ["住房和城乡建设局"]
    rows = [(t.title, [r.name for r in t.lead]) for t in document.tasks if t.source == "table"]
    assert rows == [("危险化学品", ["应急管理局"]), ("非煤矿山", ["应急管理局"]), ("城镇燃气", ["住房和城乡建设局"])]


def test_a_place_row_with_no_figures_is_still_no_task():
    # (city-targets-by-county-table-2026's form: a place's row answers for its figures)
    text = ("附件\n各县（市、区）目标任务分解表\n县（市、区）\t新增改厕（户）\t责任单位\n"
            "红旗区\t450\t红旗区人民政府\n卫滨区\t\t卫滨区人民政府\n")
    assert [t.title for t in extract_text(text).tasks] == ["红旗区"]


# -- figures counted in units and by verbs other plans had not used (city-party-mass-vertical-units-2026,
# county-numbering-slips-2026, province-finance-support-measures-2026) ------------------------------------------------

def test_counts_of_things_fitted_out_staffed_and_removed_are_targets():
    assert targets("配置应急发电车12台") == [("=", "12", "台")]
    assert targets("每个村至少配备1名灾害信息员") == [(">=", "1", "名")]
    assert targets("拆除违规广告牌不少于300块") == [(">=", "300", "块")]
    assert targets("短时强降水预警提前量达到45分钟以上") == [(">=", "45", "分钟")]
    assert targets("全年短期险承保规模不低于120亿美元") == [(">=", "120", "亿美元")]
    assert targets("新增全国综合减灾示范社区5个以上") == [("increase", "5", "个")]


def test_a_whole_place_before_a_count_and_a_service_circle_in_minutes_are_no_targets():
    assert targets("组织全省11个设区市开展自查") == []
    assert targets("打造“15分钟就业服务圈”") == []


# -- the local offices of national bodies as a sentence's subjects (province-finance-support-measures-2026, line 44;
# city-minutes-2024, line 22; city-party-mass-vertical-units-2026) ------------------------------------------------------

def test_national_bodies_local_offices_named_by_their_shape_answer_in_a_sentence():
    for unit in ("人民银行江西省分行", "国家金融监督管理总局江西监管局", "国家税务总局宜昌市税务局", "宜昌军分区", "武警宜昌支队"):
        text = f"一、重点任务\n1.加强监测。{unit}负责按月监测全省信贷投放情况。\n2.推进建设。（省水利厅牵头）\n"
        assert roles(text)[0][1] == [unit], unit
    assert roles(item("人民银行江西省分行、国家金融监督管理总局江西监管局负责按月监测。"))[0][1] == [
        "人民银行江西省分行", "国家金融监督管理总局江西监管局"]


# -- a heading's lead-in that names who leads and introduces the items under it (city-lead-first-sentences-2025,
# lines 47-53) ------------------------------------------------------------------------------------------------------

LEAD_IN = (
    "某市2025年水污染防治工作方案\n二、重点任务\n"
    "（三）深化工业园区和入河排污口整治。由市生态环境局牵头，重点抓好以下工作：\n"
    "1.开展工业园区污水集中处理设施排查评估，6月底前完成全市省级及以上工业园区“一园一档”建立。\n"
    "2.推进入河排污口排查整治。年底前干流入河排污口整治销号率达到80%以上，市水利局、市住房城乡建设局配合。\n"
    "（四）加强监管。（市城市管理局负责）\n"
)


def test_a_heading_that_names_its_lead_and_introduces_its_items_hands_the_lead_to_each():
    document = extract_text(LEAD_IN)
    read = [(t.line, [r.name for r in t.lead], [r.name for r in t.participants]) for t in document.tasks]
    assert read[:2] == [(4, ["生态环境局"], []), (5, ["生态环境局"], ["水利局", "住房城乡建设局"])]
    # (…and a figure before a sentence's units is the task's: its words before them are a note of time and state)
    assert [(t.comparator, str(t.value), t.unit) for t in document.tasks[1].targets] == [(">=", "80", "%")]


# -- an office's own sections named with no level in its internal plan (district-internal-office-points-2026,
# lines 22 and 31-34; province-work-points-few-attributions-2026, line 48) ---------------------------------------------

def test_an_offices_sections_are_a_sentences_subjects_without_a_level():
    text = ("某区城市管理和综合执法局2026年工作要点\n一、重点工作\n"
            "5.提升道路保洁水平。推行机械化清扫，城区主次干道机械化清扫率达到90%以上。环卫股负责，财务股配合。\n"
            "12.加强干部教育培训。人事股牵头，财务股配合，全年组织干部职工轮训2轮。\n"
            "13.深化党风廉政建设。机关党支部负责，每季度开展一次廉政警示教育。\n")
    assert [r[1:3] for r in roles(text)] == [(["环卫股"], ["财务股"]), (["人事股"], ["财务股"]), (["机关党支部"], [])]
    # ("此处" is a place, no section: the item names no one and is no task)
    assert [r[0] for r in roles(item("此处负责接待群众来访。"))] == ["改善人居环境"]


def test_sessions_of_training_are_counted_and_a_projects_phase_is_not():
    assert targets("全年举办领导干部应急管理专题培训班4期以上") == [(">=", "4", "期")]
    assert targets("举办培训班25期") == [("=", "25", "期")]
    assert targets("建设3期工程") == []


# -- what a second reading of these changes found (a reviewer helper with inputs of its own) ------------------------

def test_a_lead_noted_after_a_post_leaves_the_rest_of_the_list_read():
    assert roles(item("（分管副县长（牵头），县应急管理局、县水利局，各乡镇人民政府）"))[0][1:] == (
        [], ["应急管理局", "水利局"], ["各乡镇人民政府"])


def test_an_office_named_by_what_it_answers_for_is_one_unit():
    assert roles(item("（市负责城市管理的部门牵头，市公安局配合）"))[0][1:] == (["负责城市管理的部门"], ["公安局"], [])
    assert roles(item("（县住建局牵头，县直有关负责单位配合）"))[0][1:] == (["住建局"], ["县直有关负责单位"], [])
    assert roles(item("各级负责河湖管理的部门负责日常巡查。"))[0][1] == ["各级负责河湖管理的部门"]


def test_together_with_after_a_lead_makes_partners_whatever_role_word_ends_the_phrase():
    assert roles(item("由县教育局牵头，会同县财政局组织实施。"))[0][1:] == (["教育局"], ["财政局"], [])


def test_an_item_a_named_office_answers_for_keeps_its_sub_items():
    text = ("一、重点任务\n（一）推进城镇老旧小区改造。由县住房城乡建设局负责，2026年底前完成。\n（1）完成改造小区30个。\n"
            "（2）同步推进加装电梯50部。\n（3）完善小区消防设施。（县消防救援大队牵头）\n")
    first = extract_text(text).tasks[0]
    assert ([r.name for r in first.lead], [(t.comparator, str(t.value), t.unit) for t in first.targets]) == (
        ["住房城乡建设局"], [("=", "30", "个")])


def test_rows_of_places_units_and_townships_are_no_fields_of_work():
    for header, rows in [("县（市、区）", ["城关镇", "小店街道", "红旗区（含高新区）", "市本级"]),
                         ("成员单位", ["办公室", "市发展改革委"])]:
        text = f"附件\n分工表\n{header}\t目标\t责任单位\n" + "".join(f"{r}\t\t市住建局\n" for r in rows)
        assert extract_text(text).tasks == (), header


def test_a_service_circle_in_minutes_is_no_figure_however_it_is_described():
    assert targets("打造15分钟高品质便民生活圈") == []


# -- an agreement's parties (township-target-agreement-2026, lines 5-6 and 15-36) --------------------------------------

AGREEMENT = (
    "大围山镇2026年度村级综合目标管理责任书\n\n甲方：大围山镇人民政府\n乙方：楚东村民委员会\n\n二、乙方职责\n"
    "1.乙方负责加强村党组织建设，全年发展党员不少于2名。\n3.乙方负责发展壮大村级集体经济，全年村集体经营性收入达到15万元以上。\n"
    "三、甲方职责\n1.甲方负责提供政策和技术支持。\n"
)


def test_an_agreements_parties_stand_for_the_offices_its_top_lines_name():
    assert [r[1] for r in roles(AGREEMENT)] == [["楚东村民委员会"], ["楚东村民委员会"], ["大围山镇人民政府"]]


# -- a note that dates every task naming no date (county-tasks-grouped-by-leader-2026, line 53) ------------------------

def test_a_note_gives_its_date_to_every_task_that_names_none():
    text = ("郸城县2026年政府工作报告重点工作分解\n一、县长负责（共2项）\n1.推进项目建设。（县发展改革委牵头）\n"
            "2.加强安全生产。每月开展一次隐患排查，6月底前完成专项整治。（县应急管理局负责）\n"
            "注：各项重点工作未明确完成时限的，均须于2026年12月底前完成。\n")
    dates = [[(d.kind, d.date) for d in t.deadlines] for t in extract_text(text).tasks]
    assert dates == [[("by", "2026-12-31")], [("every", None), ("by", "2026-06-30")]]
    # (…not a note that gives dates their year)
    text = text.replace("各项重点工作未明确完成时限的，均须于2026年12月底前完成", "完成时限未注明年份的，均为2026年")
    assert [t.deadlines for t in extract_text(text).tasks][0] == ()


# -- a scan's OCR leaves traditional characters in role words (city-ocr-scanned-notice-2026, lines 12, 24, 33) ---------

def test_a_stray_traditional_character_in_a_role_word_is_read_as_simplified():
    assert roles(item("（市住建局牽头，市水务局配合）"))[0][1:] == (["住建局"], ["水务局"], [])


# -- a standards plan's table over a page's foot (province-standards-work-plan-2026, lines 42-69) -----------------------

def test_a_standards_table_names_its_drafters_and_its_responsible_office_over_a_page_break():
    text = ("附件\n2026年第一批地方标准制修订计划项目表\n"
            "序号  标准名称                      制定/修订   主要起草单位                    归口单位              完成时间\n"
            "1     设施番茄水肥一体化栽培技术规程  制定   山东省农业科学院、山东农业大学  山东省农业农村厅  2026年12月\n"
            "2     重型商用车发动机再制造技术要求  制定      潍柴动力股份有限公司、山东大学  山东省工业和信息化厅    2026年12月\n"
            "— 9 —\n"
            "3     数据资产登记服务规范      制定    山东省大数据中心、山东财经大学   山东省大数据局     2026年10月\n")
    read = [(t.title, [r.name for r in t.lead], len(t.implementers), [d.date for d in t.deadlines])
            for t in extract_text(text).tasks]
    assert read == [("设施番茄水肥一体化栽培技术规程", ["山东省农业农村厅"], 2, ["2026-12-31"]),
                    ("重型商用车发动机再制造技术要求", ["山东省工业和信息化厅"], 2, ["2026-12-31"]),
                    ("数据资产登记服务规范", ["山东省大数据局"], 2, ["2026-10-31"])]


# -- what a second reading of the agreements, notes and OCR changes found -----------------------------------------------

def test_party_words_are_units_only_in_a_text_that_names_its_parties():
    text = "一、重点任务\n6.推进工程建设。甲方负责提供施工场地，乙方负责按期完工。（县住建局负责督促）\n7.加强监管。（县水利局牵头）\n"
    assert [r[1] for r in roles(text)][0] == ["住建局"]


def test_each_agreement_of_a_bundle_names_its_own_parties_and_a_list_keeps_them_all():
    text = ("附件1\n沂南县2026年度目标管理责任书\n甲方：沂南县人民政府\n乙方：沂南县农业农村局\n一、目标任务\n"
            "1.乙方负责粮食生产，2026年10月底前完成秋粮收储。\n2.乙方、县财政局负责资金监管。\n"
            "附件2\n沂南县2026年度目标管理责任书\n甲方：沂南县人民政府\n乙方：沂南县水利局\n一、目标任务\n"
            "1.乙方负责水库除险加固，2026年6月底前完成主体工程。\n2.甲乙双方共同负责建立联络机制。\n")
    assert [r[1] for r in roles(text)] == [["农业农村局"], ["农业农村局", "财政局"], ["水利局"], ["沂南县人民政府", "水利局"]]


def test_a_party_line_with_a_short_name_in_brackets_names_the_whole_office():
    text = ("城关镇2026年度环境卫生目标责任书\n甲方：城关镇人民政府（以下简称甲方）\n乙方：东关社区居民委员会（以下简称乙方）\n"
            "1.乙方负责辖区环境卫生日常保洁。\n2.甲方负责经费保障。\n")
    assert [r[1] for r in roles(text)] == [["东关社区居民委员会"], ["城关镇人民政府"]]


def test_a_default_date_is_a_notes_and_dates_the_tasks_of_its_own_annex_only():
    text = ("某县2026年重点工作任务\n1.全面清理政府采购合同，对未明确完成时间的合同于2026年3月底前完成整改。（县财政局牵头）\n"
            "2.推进重大项目建设。（县发展改革委牵头）\n")
    assert [[d.date for d in t.deadlines] for t in extract_text(text).tasks] == [["2026-03-31"], []]
    text = ("某县2026年重点工作任务\n附件1\n任务清单一\n1.推进重大项目建设。（县发展改革委牵头）\n注：未明确完成时限的，均须于2026年6月底前完成。\n"
            "附件2\n任务清单二\n1.优化政务服务。（县行政审批服务局负责）\n注：未明确完成时限的，均须于2026年12月底前完成。\n")
    assert [[d.date for d in t.deadlines] for t in extract_text(text).tasks] == [["2026-06-30"], ["2026-12-31"]]


def test_a_text_with_a_stray_traditional_role_word_has_all_its_traditional_characters_read():
    assert roles(item("（縣住建局牽頭，縣衛健局配合）"))[0][1:] == (["住建局"], ["卫健局"], [])
