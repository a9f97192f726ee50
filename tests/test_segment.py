"""One test per heading form and per decision of the segmenter, each with the
real snippet that motivated it."""

from __future__ import annotations

import pytest

from policyx import extract_text


def outline(text: str) -> list[tuple[str, int, str, str]]:
    return [(s.id, s.level, s.marker, s.title) for s in extract_text(text).sections]


def codes(text: str) -> list[str]:
    return [w.code for w in extract_text(text).warnings]


def test_run_in_heading_keeps_its_body_on_the_same_line():
    # xinjiang-water-2016, line 13
    text = "一、严格控制污染物排放\n\n（一）狠抓工业污染防治。取缔“十小”企业。2016年底前，各级人民政府要全面排查。\n"
    doc = extract_text(text)
    assert outline(text) == [("1", 1, "一、", "严格控制污染物排放"), ("1.1", 2, "（一）", "狠抓工业污染防治")]
    sub = doc.sections[1]
    assert text[sub.body_start:].startswith("取缔")


def test_half_width_brackets_as_in_a_web_copy():
    # changji-water-2016, line 17
    text = "一、严格控制污染物排放\n(一)狠抓工业污染防治。取缔“十小”企业。\n(二)强化城镇生活污染治理。加强城镇污水处理设施建设与改造。\n"
    assert [s[2] for s in outline(text)] == ["一、", "(一)", "(二)"]


def test_a_run_in_heading_ends_at_a_half_width_full_stop():
    # xinjiang-water-2016, line 13, as a copy that made every stop half-width writes it
    text = "一.严格控制污染物排放\n\n(一)狠抓工业污染防治.取缔\"十小\"企业.2016年底前,各级人民政府要全面排查.\n(二)强化城镇生活污染治理.加快城镇污水处理设施建设.\n"
    assert outline(text) == [("1", 1, "一.", "严格控制污染物排放"), ("1.1", 2, "(一)", "狠抓工业污染防治"),
                             ("1.2", 2, "(二)", "强化城镇生活污染治理")]


def test_chapter_and_section_glued_to_their_titles():
    # xinjiang-eco-14th-2021, lines 8 and 10
    text = " 第一章准确识变，科学把握新发展阶段\n“十三五”以来，在自治区党委的坚强领导下。\n第一节生态环境保护工作成效\n党政高位推动。\n"
    assert outline(text) == [
        ("1", 1, "第一章", "准确识变，科学把握新发展阶段"),
        ("1.1", 2, "第一节", "生态环境保护工作成效"),
    ]


def test_arabic_and_parenthesised_arabic_levels():
    text = "一、主要任务\n（一）大气\n1. 加大城市群大气污染防治力度\n（1）水环境质量\n（2）大气环境质量\n2、加强重点行业治理\n"
    assert [(s[0], s[1]) for s in outline(text)] == [
        ("1", 1), ("1.1", 2), ("1.1.1", 3), ("1.1.1.1", 4), ("1.1.1.2", 4), ("1.1.2", 3),
    ]


def test_full_width_digits_and_dot():
    text = "一、总则\n１．工作目标\n２．基本原则\n"
    assert [s[2] for s in outline(text)] == ["一、", "１．", "２．"]


def test_numbering_may_run_on_across_parents():
    # xinjiang-water-2016: 二、 opens with （四）
    text = "一、甲\n（一）子一\n（二）子二\n二、乙\n（三）子三\n"
    assert codes(text) == []


def test_gap_repeat_and_disorder_are_warned_with_their_line():
    doc = extract_text("一、甲\n二、乙\n四、丁\n四、丁丁\n三、丙\n")
    found = [(w.code, w.line, w.message) for w in doc.warnings]
    assert [f[1] for f in found] == [3, 4, 5]
    assert "gap" in found[0][2] and "repeats" in found[1][2] and "out of order" in found[2][2]


def test_first_heading_of_a_level_not_starting_at_one_is_warned():
    assert codes("一、甲\n（三）子\n") == ["section-numbering"]


def test_table_of_contents_gives_no_sections():
    # xinjiang-env-13th-2017, lines 32-66 (tab before the page number)
    text = (
        "目 录\n\n一、环境保护基础与形势\t1\n(一) 环境保护工作取得积极进展\t1\n二、指导思想\t7\n\n"
        "新疆维吾尔自治区环境保护 “十三五”规划\n\n"
        "“十二五”时期是我区深入贯彻落实党中央确定的社会稳定和长治久安总目标、全面建成小康社会关键时期。\n\n"
        "一、环境保护基础与形势\n\n（一）环境保护工作取得积极进展\n"
    )
    assert [(s[0], s[3]) for s in outline(text)] == [("1", "环境保护基础与形势"), ("1.1", "环境保护工作取得积极进展")]


def test_table_of_contents_without_tabs_ends_where_the_text_restarts():
    text = "目录\n一、总则\n二、任务\n一、总则\n各地要高度重视。\n二、任务\n"
    assert [s[0] for s in outline(text)] == ["1", "2"]


def test_contents_with_page_numbers_end_at_their_first_entry_even_before_a_short_paragraph():
    # the 十四五 规划 style: chapters with tab page numbers, then a short first paragraph
    text = ("目  录\n第一章  发展基础\t1\n第二章  总体要求\t3\n\n"
            "第一章 发展基础\n“十三五”期间，全县PM2.5平均浓度下降。\n第二章 总体要求\n第一节 主要目标\n")
    assert [(s[0], s[3]) for s in outline(text)] == [("1", "发展基础"), ("2", "总体要求"), ("2.1", "主要目标")]


def test_contents_whose_first_entry_never_recurs_are_read_as_headings_with_a_warning():
    text = "目录\n一、总则\n二、任务\n一、总 则\n各地要重视。\n二、任务\n（一）治理。\n"
    doc = extract_text(text)
    assert doc.sections and "contents-unclosed" in [w.code for w in doc.warnings]


def test_dotted_leader_page_numbers_are_contents_lines():
    assert outline("一、总则……………1\n一、总则\n") == [("1", 1, "一、", "总则")]


def test_box_content_is_not_the_outline_and_body_numbering_closes_the_box():
    # xinjiang-env-13th-2017, 专栏4 (lines 282-310)
    text = (
        "（一）大气\n1. 加大城市群大气污染防治力度\n2. 加强重点行业、领域大气污染治理\n依法加快淘汰落后产能工作。\n"
        "专栏4 大气环境质量改善重点工程\n实施燃煤污染控制。\n1. 石化行业：加快提升炼化企业催化裂化装置。\n"
        "2. 火电行业：所有燃煤机组完成脱硫脱硝治理。\n3. 建材行业。原料破碎、生产实施全封闭。\n"
        "推进挥发性有机物污染防治。\n3. 开展大气环境综合分析\n"
    )
    assert [(s[0], s[2].strip(), s[3]) for s in outline(text)] == [
        ("1", "（一）", "大气"),
        ("1.1", "1.", "加大城市群大气污染防治力度"),
        ("1.2", "2.", "加强重点行业、领域大气污染治理"),
        ("专栏4", "专栏4", "大气环境质量改善重点工程"),
        ("1.3", "3.", "开展大气环境综合分析"),
    ]
    box = extract_text(text).section("专栏4")
    assert box.kind == "box" and box.parent == "1.2"


def test_box_with_its_own_outline_then_body_first_child_after_text():
    # xinjiang-env-13th-2017, 专栏3 (lines 246-282)
    text = (
        "（一）全面实施大气污染防治行动计划\n以城市区域为重点。\n"
        "专栏3 “十三五”期间各城市细颗粒物浓度下降目标要求\n一、北疆城市\n1. 2015年细颗粒物平均浓度未达标的城市\n"
        "“十三五”期间细颗粒物浓度平均下降18.3%。\n2. 2015年细颗粒物年均浓度已达标的北疆4个城市\n保持稳定。\n"
        "二、南疆和东疆城市\n根据研究成果另行分解。\n1. 加大城市群等人口密集区大气污染防治力度\n全面实施重点区域同防同治。\n"
    )
    doc = extract_text(text)
    assert [(s.id, s.title) for s in doc.sections] == [
        ("1", "全面实施大气污染防治行动计划"),
        ("专栏3", "“十三五”期间各城市细颗粒物浓度下降目标要求"),
        ("1.1", "加大城市群等人口密集区大气污染防治力度"),
    ]


def test_box_items_directly_after_the_caption_stay_in_the_box():
    # xinjiang-env-13th-2017, 专栏5 (lines 314-330)
    text = (
        "（二）全面推进水污染防治行动计划\n以提高水环境质量为重点。\n专栏5 “十三五”期间水质改善优先控制单元\n"
        "1. 乌伦古湖阿勒泰地区控制单元。控制区县阿勒泰地区福海县。\n2. 艾比湖博尔塔拉蒙古自治州控制单元。控制水体艾比湖。\n"
        "1. 全面推进各类主要水体污染防控\n以水质优良的水体为重点。\n"
    )
    assert [s[0] for s in outline(text)] == ["1", "专栏5", "1.1"]


def test_repeated_box_caption_is_one_box():
    # xinjiang-env-13th-2017, lines 366 and 368
    text = "（二）水\n专栏6 水环境质量改善重点工程内容\n专栏6 水环境质量改善重点工程内容\t\n重点行业\t<p>1. 造纸行业。</p>\n"
    assert [s[0] for s in outline(text)] == ["1", "专栏6"]


def test_table_caption_is_a_box():
    # xinjiang-eco-14th-2021, line 47
    text = "第二章指导思想\n第三节主要目标\n表2-1新疆生态环境保护“十四五”规划主要指标\n 第三章坚持创新引领\n"
    assert [(s[0], s[1]) for s in outline(text)] == [("1", 1), ("1.1", 2), ("表2-1", 3), ("2", 1)]


def test_flattened_appendix_table_has_no_sections_inside():
    # changji-water-2016, 附表1 (lines 173-190)
    text = (
        "一、严格控制污染物排放\n（一）狠抓工业污染防治。取缔。\n附表1\n\n《昌吉州水污染防治工作方案》主要任务清单表\n\n"
        "任务\n\n子任务\n\n牵头部门\n\n主要工作、目标和完成时间\n\n一、严格控制污染物排放\n\n(一)狠抓工业污染防治\n\n"
        "取缔“十小”企业。\n\n经信委、环保局\n"
    )
    doc = extract_text(text)
    assert [(s.id, s.kind) for s in doc.sections] == [("1", "heading"), ("1.1", "heading"), ("附表1", "appendix")]
    assert doc.section("附表1").title == "《昌吉州水污染防治工作方案》主要任务清单表"


def test_text_appendix_keeps_its_own_outline():
    text = "一、总则\n附件1\n\n资金管理办法\n\n一、适用范围\n本办法适用于专项资金。\n二、资金用途\n"
    doc = extract_text(text)
    assert [(s.id, s.level, s.parent) for s in doc.sections] == [
        ("1", 1, None), ("附件1", 1, None), ("附件1.1", 2, "附件1"), ("附件1.2", 2, "附件1"),
    ]


def test_attachment_list_is_not_a_heading_list():
    # neimenggu-water-2015, lines 153-156
    text = (
        "一、保障措施\n（一）严格考核。\n附件：1.内蒙古自治区落实《通知》工作任务分解表\n\n"
        "2.《通知》中要求编制的相关方案（规划、计划）清单\n2015年10月19日\n"
    )
    assert [s[0] for s in outline(text)] == ["1", "1.1"]
    assert codes(text) == []


def test_words_that_look_like_markers_are_not_headings():
    text = "一是健全举报制度。\n十三五期间要加强。\n一、二级水源保护区要划定。\n1.5万吨的处理能力。\n第二次中央新疆工作座谈会。\n"
    assert outline(text) == []


def test_long_numbered_sentence_is_a_paragraph_not_a_heading():
    # numbered items whose first sentence runs to 60–80 characters are headings
    # (gangcheng-fangguanfu-2021, line 13); a numbered paragraph of 200 is not
    long = "1、" + "加强" * 100 + "。"
    assert outline(long) == []


def test_a_numbered_item_with_a_long_first_sentence_is_a_heading_where_its_number_goes_on():
    # baotou-digital-gov-evaluation-2022, lines 92-94 (a new user's trial: 48 was left out, "49. follows 47")
    long = "利用原有城市管理基础部件和地理信息空间数据，" * 8 + "形成综合性城市管理数据中心。"
    text = f"（四）强化重点领域市场监管\n47．全市新增2400户大中型餐饮单位纳入平台。\n48．{long}\n49．推进大气环境精细化监测管理平台建设。\n"
    assert [s[2] for s in outline(text)] == ["（四）", "47．", "48．", "49．"]
    assert not any("follows" in w.message for w in extract_text(text).warnings)  # (no gap 47 → 49)
    # hebei-sci-tech-reform-2015: the first item under a new heading, numbered on from the last
    text = f"（二十二）甲\n100.乙。\n（二十三）鼓励创新平台开放共享\n101.建立{long}\n102.推动。\n"
    assert [s[2] for s in outline(text)] == ["（二十二）", "100.", "（二十三）", "101.", "102."]


def test_plan_without_structure_gets_a_warning_not_an_error():
    doc = extract_text("各地要高度重视水污染防治工作，认真组织实施。\n")
    assert doc.sections == ()
    assert [w.code for w in doc.warnings] == ["no-structure"]


def test_web_noise_is_blanked_but_offsets_stay():
    # changji-water-2016, line 1 and the stray "pan>" of line 45
    text = "当前页面:首页 »  生态环境 »  环境质量\n一、严格控制污染物排放\n（一）工业。设施。pan>(发改委牵头)\n"
    doc = extract_text(text)
    assert [s.line for s in doc.sections] == [2, 3]
    assert text[doc.sections[0].title_span[0]:doc.sections[0].title_span[1]] == "严格控制污染物排放"


def test_paragraphs_run_together_on_one_line():
    # a web copy that lost its line breaks: xinjiang-water-2016 as one line,
    # paragraphs separated only by ideographic spaces
    from .conftest import CORPUS

    original = (CORPUS / "xinjiang-water-2016.txt").read_text(encoding="utf-8")
    one_line = original.replace("\n", "")
    doc, reference = extract_text(one_line), extract_text(original)
    assert [(s.id, s.title) for s in doc.sections] == [(s.id, s.title) for s in reference.sections]
    assert [(t.id, t.title, [r.name for r in t.lead]) for t in doc.tasks] == [
        (t.id, t.title, [r.name for r in t.lead]) for t in reference.tasks
    ]
    assert {s.line for s in doc.sections} == {1} and doc.info.lines == 1
    first = doc.sections[1]
    assert one_line[first.title_span[0]:first.title_span[1]] == "狠抓工业污染防治"


def test_a_plan_run_into_one_line_with_its_tables_keeps_its_headings():
    # xinjiang-env-13th-2017 with its line breaks dropped, nothing in their place: the tab rows of
    # its contents and tables stand on the one line with every heading (it gave no section at all)
    from .conftest import CORPUS

    original = (CORPUS / "xinjiang-env-13th-2017.txt").read_text(encoding="utf-8")
    doc, reference = extract_text(original.replace("\n", "")), extract_text(original)
    assert [(s.id, s.title) for s in doc.sections if s.parent is None] == [
        (s.id, s.title) for s in reference.sections if s.parent is None]
    assert len(doc.sections) > 0.8 * len(reference.sections) and doc.tasks
    assert not [s for s in doc.sections if "\t" in s.title]  # (no row of a table is a heading)


def test_a_clause_after_spaces_stays_with_its_sentence():
    doc = extract_text("一、总则\n（一）工业。取缔小企业，全部取缔。　　（省环保厅牵头）\n")
    # a two-part sentence is no lead-in: the heading names the task
    assert [(t.title, [r.name for r in t.lead]) for t in doc.tasks] == [("工业", ["环保厅"])]


def test_a_run_in_leaf_heading_with_one_long_opening_sentence_names_its_task():
    # the 实施细则 style: the numbered heading is the task, the sentence after it is its body
    doc = extract_text("二、重点任务\n（一）调整优化产业结构\n"
                       "1.严格环境准入。新建钢铁、水泥项目一律实行产能等量或减量置换。2018年12月底前完成。（责任单位：市发展改革委）\n"
                       "2.淘汰落后产能。2019年底前，全面淘汰10蒸吨/小时及以下燃煤锅炉。【牵头单位：市工业和信息化局】\n"
                       "三、保障措施\n（一）加强组织领导。各区县要成立领导小组。\n"
                       "（二）严格考核问责。将考核结果作为领导班子综合考核评价的重要依据。\n")
    # a rule ("…一律实行…") is no lead-in; the 保障措施 items carry no clause
    # where the plan's tasks do, and their kind of heading carries none anywhere
    assert [t.title for t in doc.tasks] == ["严格环境准入", "淘汰落后产能"]


def test_headings_that_group_several_lead_in_tasks_keep_the_lead_ins():
    # changji-water-2016 style: (一) groups tasks, each opened by a short lead-in
    doc = extract_text("一、严格控制污染物排放\n"
                       "（一）狠抓工业污染防治。取缔“十小”企业。全面排查装备水平低的小型企业。（环保局牵头）"
                       "专项整治重污染行业。制定专项治理方案，实施清洁化改造。（经信委牵头）\n"
                       "（二）强化城镇生活污染治理。加快城镇污水处理设施建设与改造，现有设施全面达到一级A排放标准。（住房和城乡建设局牵头）\n")
    assert [t.title for t in doc.tasks][:2] == ["取缔“十小”企业", "专项整治重污染行业"]


def test_a_general_goals_section_holds_no_tasks():
    doc = extract_text("一、总体目标\n到2020年，全市PM2.5年均浓度控制在45微克/立方米以下。\n"
                       "二、重点任务\n（一）控制煤炭消费总量。到2020年煤炭消费总量下降10%。（市发展改革委牵头）\n")
    assert [t.title for t in doc.tasks] == ["控制煤炭消费总量"]
    assert [t.value for t in doc.targets] == [45]


def test_section_kinds_are_read_in_traditional_characters_too():
    doc = extract_text("一、工作目標\n到2020年，全省受污染耕地安全利用率達到90%左右。\n"
                       "二、主要任務\n（一）開展詳查。2018年底前查明面積。（省環保廳牽頭，省財政廳配合，各市人民政府負責落實）\n")
    assert [t.title for t in doc.tasks] == ["開展詳查"]
    (task,) = doc.tasks
    assert [r.canonical for r in task.implementers] == ["各市人民政府"]
    assert not [w for w in doc.warnings if w.code == "department-unknown"]


def test_a_development_basis_chapter_holds_no_tasks():
    doc = extract_text("第一章 发展基础\n“十三五”期间，全县PM2.5平均浓度下降到35微克/立方米。\n"
                       "第二章 主要任务\n一、推进产业结构调整。2023年底前完成钢铁企业超低排放改造。（县发改委负责）\n")
    assert [t.title for t in doc.tasks] == ["推进产业结构调整"]
    assert doc.targets == ()


def test_a_sentence_that_is_only_a_time_phrase_is_no_task_title():
    doc = extract_text("一、加强源头治理\n（一）加强监管执法。长期坚持。各县（市）人民政府负责。\n"
                       "（二）整治重点行业。制定方案。（州发改委牵头）推进改造。（州工信局牵头）\n")
    assert doc.tasks[0].title == "加强监管执法"
    assert [d.kind for d in doc.tasks[0].deadlines] == ["ongoing"]


@pytest.mark.parametrize("heading", ["开展现状调查", "着力解决群众反映强烈的突出问题"])
def test_a_task_heading_that_only_contains_a_review_word_holds_its_task(heading):
    # 现状 / 问题 end review sections ("发展现状", "存在问题"), not tasks
    doc = extract_text(f"二、主要任务\n１．{heading}。２０２１年９月底前完成摸底调查。【牵头单位：市生态环境局；参加单位：市水务局】\n")
    assert [(t.title, [r.name for r in t.participants]) for t in doc.tasks] == [(heading, ["水务局"])]


def test_an_attribution_in_a_review_section_is_still_a_task():
    # every clause belongs to a task, whatever its section's heading says
    # (caidian-govwork-2023: "一、2023年全区经济社会发展的主要预期目标")
    doc = extract_text("一、存在问题\n部分河段水质较差。（市环保局负责）\n二、主要任务\n（一）治理河道。完成清淤。（市水务局负责）\n")
    assert [t.section for t in doc.tasks] == ["1", "2.1"]


def test_a_sentence_with_a_quantity_is_no_title():
    doc = extract_text("（三）分类推进治理\n（１）城镇近郊村庄优先纳管。每年新增纳管村庄不少于３０个。（市水务局负责）\n")
    assert [t.title for t in doc.tasks] == ["城镇近郊村庄优先纳管"]


def test_a_heading_on_its_own_line_names_a_paragraph_without_lead_in():
    doc = extract_text("（四）加强运行管护\n建立“县为主体、乡镇监管、村为基础”的运维管理体系，自２０２２年起，每半年开展一次运行情况评估。"
                       "(责任单位:各区县人民政府)\n")
    assert [t.title for t in doc.tasks] == ["加强运行管护"]


def test_a_short_lead_in_after_a_heading_names_the_task_where_such_headings_hold_several():
    # as ../shared/gold does: xinjiang-water-2016 line 53 "（七）控制用水总量。实施最严格水资源管理。建立…", its
    # （一）…（十） holding several tasks each, each named by its lead-in
    doc = extract_text("（一）打好污染防治攻坚战\n"
                       "1.全面推进水污染防治。消除黑臭水体。到2020年，全省基本消除黑臭水体。（省生态环境厅负责）"
                       "保障饮用水安全。到2020年，水质达标。（省水利厅负责）\n"
                       "2.扎实推进土壤污染防治。开展土壤污染状况详查。查明农用地土壤污染的面积和分布。（省生态环境厅牵头，省有关部门配合）\n")
    assert [t.title for t in doc.tasks] == ["消除黑臭水体", "保障饮用水安全", "开展土壤污染状况详查"]
    # where each item holds one task, its heading names it: "1.取缔“十小”企业。全面排查…。" (province-water-plan-2016,
    # and the blind gold of hebei x1, hebei-manufacturing x1, shandong x3)
    doc = extract_text("（一）打好污染防治攻坚战\n"
                       "1.全面推进水污染防治。到2020年，全省地级以上城市建成区基本消除黑臭水体。（省生态环境厅负责）\n"
                       "2.扎实推进土壤污染防治。开展土壤污染状况详查。查明农用地土壤污染的面积和分布。（省生态环境厅牵头，省有关部门配合）\n")
    assert [t.title for t in doc.tasks] == ["全面推进水污染防治", "扎实推进土壤污染防治"]


def test_an_items_only_sentence_is_no_lead_in():
    # the wild README's title (the run-in heading), as hebei-resume-production-2021 x1's gold has it: the
    # sentence that is all the item says is its body, not a sub-heading; under a field's name it names the task
    doc = extract_text("（一）打好污染防治攻坚战\n"
                       "2.扎实推进土壤污染防治。开展土壤污染状况详查。（省生态环境厅牵头，省有关部门配合）\n"
                       "（二）农业。控制面源污染。（省农业厅牵头）\n")
    assert [t.title for t in doc.tasks] == ["扎实推进土壤污染防治", "控制面源污染"]


def test_a_list_under_one_clause_is_one_task():
    # one task per attribution (changji line 151: 一是…五是 under one (环保局负责))
    doc = extract_text("二、重点任务\n（一）全面控制污染物排放。一是狠抓工业污染防治，2016年底前取缔“十小”企业。"
                       "二是强化城镇生活污染治理，到2020年县城污水处理率达到85%。（县环保局牵头，县发改委、县住建局配合）\n")
    assert [t.title for t in doc.tasks] == ["全面控制污染物排放"]


def test_articles_of_rules_sit_under_their_chapters():
    # a 实施细则 written as articles: 第X章 / 第X条
    doc = extract_text("第一章 总则\n第一条 为加强本市水污染防治工作，制定本细则。\n第二条 本细则适用于本市行政区域。\n"
                       "第二章 监督管理\n第三条 排污单位应当按照规定设置排污口。（市生态环境局负责）\n")
    assert [(s.id, s.marker, s.parent) for s in doc.sections] == [
        ("1", "第一章", None), ("1.1", "第一条", "1"), ("1.2", "第二条", "1"), ("2", "第二章", None), ("2.1", "第三条", "2")]


def test_a_numbering_warning_repeated_past_the_limit_is_counted_in_one():
    """tools/adversary.py's marker-lines: 200,000 lines of "一、总则" are one
    problem (each repeats the number before it), listed REPEATS_LISTED times
    and then counted with the lines they stand on, not 199,999 warnings. A
    plan's different problems are each listed in full."""
    from policyx.limits import REPEATS_LISTED

    doc = extract_text("一、总则\n" * 30 + "二、甲\n（二）乙\n三、丙\n（五）丁\n")
    numbering = [w for w in doc.warnings if w.code == "section-numbering"]
    repeats = [w for w in numbering if w.message == "section 一、 repeats the previous number"]
    assert [w.line for w in repeats] == list(range(2, 2 + REPEATS_LISTED))
    assert [w.message for w in numbering[REPEATS_LISTED:-1]] == ["section (二) opens its level at 2; expected 1",
                                                                 "section (五) opens its level at 5; expected 1 or 3"]
    summary = numbering[-1]
    assert summary.message == (f"section 一、 repeats the previous number: {29 - REPEATS_LISTED} more times, "
                               f"not listed one by one (lines {2 + REPEATS_LISTED}–30)")
    assert summary.line == 2 + REPEATS_LISTED and summary.span is None
    assert len(doc.sections) == 34  # every heading is still read


def test_a_box_a_web_copy_ran_into_the_text_is_a_box_and_its_items_are_no_sections():
    # hebei-electronics-action-plan-2020: the whole plan on one line (a new user's
    # trial: "section 1. comes after number 5", the items of 专栏3 read as the plan's)
    text = ("二、重点任务（一）产业特色聚集发展行动。打造“1+5+8”产业发展格局。（责任单位：有关市政府）"
            "专栏2：国家新型工业化产业示范基地（5家）1.承德新型工业化产业示范基地。重点发展大数据。"
            "2.张家口新型工业化产业示范基地。重点发展云计算。"
            "专栏3：重点打造的省级电子信息产业集群（8家）1.石家庄光电与导航产业集群。重点发展通信导航。"
            "专栏4现代通信产业链“固基提芯引端”工程硅基材料。提升4英寸碳化硅晶片质量品质。"
            "（二）重点产业集群化与创新发展行动。推动产业集群发展。\n")
    doc = extract_text(text)
    assert [(s.kind, s.marker, s.title) for s in doc.sections if s.kind == "box"] == [
        ("box", "专栏2：", "国家新型工业化产业示范基地（5家）"),
        ("box", "专栏3：", "重点打造的省级电子信息产业集群（8家）"),
        ("box", "专栏4", "现代通信产业链“固基提芯引端”工程硅基材料")]
    assert [s.title for s in doc.sections if s.kind == "heading"] == ["重点任务", "产业特色聚集发展行动", "重点产业集群化与创新发展行动"]
    assert not [w for w in doc.warnings if "comes after" in w.message]


def test_a_copy_that_joined_its_lines_with_one_space_keeps_its_outline():
    # a user's trial: a plan's lines joined by one space ("…推进老旧小区改造 1.完成年度改造计划。…")
    lines = ["某某市2025年城市更新行动工作方案", "一、总体要求", "（一）指导思想", "以习近平新时代中国特色社会主义思想为指导。",
             "二、重点任务", "（一）推进老旧小区改造",
             "1.完成年度改造计划。2025年完成120个老旧小区改造任务。（牵头单位：市住房城乡建设局；完成时限：2025年12月底前）",
             "2.建立长效管理机制。推动改造后小区引入专业化物业服务。（牵头单位：市住房城乡建设局；配合单位：市民政局）"]
    doc = extract_text(" ".join(lines))
    assert [(s.marker, s.title) for s in doc.sections] == [
        ("一、", "总体要求"), ("（一）", "指导思想"), ("二、", "重点任务"), ("（一）", "推进老旧小区改造"),
        ("1.", "完成年度改造计划"), ("2.", "建立长效管理机制")]
    assert [t.title for t in doc.tasks] == ["完成年度改造计划", "建立长效管理机制"]


# -- headings whose numbers a copy lost (city-word-lost-numbering-2026, district-word-2025) -------------

LOST_NUMBERING = """潍坊市2026年大气污染防治实施方案
为持续改善全市环境空气质量，制定本方案。
总体要求
指导思想
坚持以习近平生态文明思想为指导，深入打好蓝天保卫战。
重点任务
推动产业结构优化升级
严格项目准入
坚决遏制高耗能、高排放、低水平项目盲目上马，严格落实产能置换和能耗等量减量替代要求。（市发展改革委牵头，市生态环境局配合）
加强工业污染治理
全面推进钢铁、水泥、焦化行业超低排放改造，2026年底前完成有组织排放改造。（市生态环境局牵头）
推动能源结构清洁低碳转型
严格控制煤炭消费
在保障能源安全稳定供应的前提下，严格落实煤炭消费减量替代，全市煤炭消费总量持续下降。（市发展改革委负责）
保障措施
加强组织领导
各县市区要落实属地责任。
"""


def test_a_plan_whose_numbering_was_lost_reads_its_short_lines_as_headings():
    doc = extract_text(LOST_NUMBERING)
    assert [(s.id, s.level, s.title) for s in doc.sections] == [
        ("1", 1, "总体要求"), ("1.1", 2, "指导思想"), ("2", 1, "重点任务"), ("2.1", 2, "推动产业结构优化升级"),
        ("2.1.1", 3, "严格项目准入"), ("2.1.2", 3, "加强工业污染治理"), ("2.2", 2, "推动能源结构清洁低碳转型"),
        ("2.2.1", 3, "严格控制煤炭消费"), ("3", 1, "保障措施"), ("3.1", 2, "加强组织领导")]
    assert [(t.title, t.section) for t in doc.tasks] == [
        ("严格项目准入", "2.1.1"), ("加强工业污染治理", "2.1.2"), ("严格控制煤炭消费", "2.2.1")]
    assert "unnumbered-headings" in {w.code for w in doc.warnings}
    assert "no-structure" not in {w.code for w in doc.warnings}


@pytest.mark.parametrize("text", [
    # numbered headings: the short lines under them are no headings of their own
    "一、总体要求\n指导思想\n坚持以习近平生态文明思想为指导。\n二、重点任务\n严格项目准入\n坚决遏制。（市发展改革委牵头）\n加强治理\n推进改造。\n",
    # a run of short lines longer than an outline is deep: a list, or a table a cell a line
    "某市名单\n说明如下。\n张家村\n李家村\n王家村\n赵家村\n钱家村\n以上村庄纳入试点。\n",
    # two short lines: a title block, no outline
    "某市工作方案\n总体要求\n坚持问题导向。\n",
])
def test_short_lines_are_no_lost_headings_where_an_outline_is_numbered_or_none_stands(text):
    assert all(s.style != "unmarked" for s in extract_text(text).sections)
