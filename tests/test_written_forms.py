"""Forms found in the plans of tests/data/written that helper sessions wrote and
annotated blind (3 December 2026, third session), each pinned by the snippet
that showed it; the plan and line are named in each case."""

from __future__ import annotations

import unicodedata

import pytest

from policyx import extract_text, load_rules
from policyx.extract.clauses import find_clauses
from policyx.text.normalize import comparable

RULES = load_rules()
ITEM = "某市2024年工作要点\n\n一、推进工作\n\n1.推进教师培训。{}\n"


def tasks(text: str):
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers])
            for t in extract_text(text).tasks]


def phrase_clauses(text: str):
    found = [c for c in find_clauses(comparable(text), 0, RULES.departments, RULES.responsibility) if c.form == "phrase"]
    return [([r.name for r in c.parsed.lead], [r.name for r in c.parsed.participants],
             [r.name for r in c.parsed.implementers]) for c in found]


# -- units and their role word as phrases of a sentence -----------------------------------------


@pytest.mark.parametrize(("sentence", "expected"), [
    # the whole phrase, before the work or after it
    ("市教育局负责，2024年底前培训教师不少于5万人次。", (["教育局"], [], [])),
    ("培训教师不少于5万人次，市教育局牵头，市财政局负责。", (["教育局"], ["财政局"], [])),
    # the subject of the work, and those who take part after it (city-rules-2023 line 24)
    ("市住房城乡建设局负责推进建筑垃圾源头减量，推广装配式建筑，市自然资源局、市发展改革委配合。",
     (["住房城乡建设局"], ["自然资源局", "发展改革委"], [])),
    # …after a 由 inside the sentence (city-rules-2023 line 42): a government carries it out
    ("消纳场所和资源化利用设施的建设由区人民政府负责组织实施。", ([], [], ["人民政府"])),
    # 会同: the offices listed after it, up to the work, take part; a branch's name stays with its office
    ("市城市管理局会同市住房城乡建设局、市交通运输局、市公安局交通管理支队建立智慧监管平台。",
     (["城市管理局"], ["住房城乡建设局", "交通运输局", "公安局交通管理支队"], [])),
    ("市公安局交通管理支队会同市城市管理局、市交通运输局确定建筑垃圾运输车辆的通行路线和时间。",
     (["公安局交通管理支队"], ["城市管理局", "交通运输局"], [])),
    # 负责会同: the lead, and the offices it works with (city-minutes-2024 line 15)
    ("市发展改革委负责会同市自然资源和规划局、市住建局建立全市城市更新项目库。",
     (["发展改革委"], ["自然资源和规划局", "住建局"], [])),
    # 按照各自职责 + the work: each office answers for its part (city-rules-2023 line 17)
    ("市生态环境局、市交通运输局按照各自职责做好建筑垃圾污染防治等相关工作。", (["生态环境局", "交通运输局"], [], [])),
])
def test_a_phrase_of_a_sentence_names_who_answers(sentence, expected):
    assert phrase_clauses(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "本细则由市城市管理局负责解释，自2023年7月1日起施行，有效期5年。",  # city-rules-2023 line 59
    "形成“政府负责、部门协同”的工作格局。",  # words that end like a government
    "加快推进智慧城市建设，主要负责同志要亲自抓。",  # a person, not an office
    "各乡镇要建立台账，加快推进智慧城市建设。",
])
def test_no_phrase_clause_where_no_office_answers(sentence):
    assert phrase_clauses(sentence) == []


def test_an_articles_number_is_no_unit():
    """city-rules-2023 line 24: "第七条　市住房城乡建设局负责…" (the number before the subject)."""
    found = phrase_clauses("第七条　市住房城乡建设局负责推进建筑垃圾源头减量，市自然资源局配合。")
    assert found == [(["住房城乡建设局"], ["自然资源局"], [])]


def test_two_duties_in_two_sentences_of_a_paragraph_are_two_tasks():
    """city-rules-2023 line 42: one task per attribution, also when both are written as phrases."""
    text = ("第一章　总则\n　　第十二条　市自然资源局会同市城市管理局将消纳场所用地纳入国土空间规划。"
            "消纳场所的建设由区人民政府负责组织实施，2024年6月底前，每个区至少建成1处消纳场所。\n")
    found = tasks(text)
    assert [(t[1], t[2], t[3]) for t in found] == [(["自然资源局"], ["城市管理局"], []), ([], [], ["人民政府"])]


def test_phrase_clauses_make_an_items_task_in_a_plan_of_clauses():
    text = ("某市2024年工作要点\n\n一、推进数字化\n\n1.建设平台。今年第三季度完成平台升级，市大数据中心负责平台运维保障。\n\n"
            "2.推进教师培训。市教育局负责，2024年底前培训教师不少于5万人次。\n\n"
            "3.加强监管。由市市场监管局负责，12月底前完成。\n")
    assert tasks(text) == [("建设平台", ["大数据中心"], [], []), ("推进教师培训", ["教育局"], [], []),
                           ("加强监管", ["市场监管局"], [], [])]


def test_a_sentence_naming_an_office_does_not_turn_a_plan_of_measures_into_one_of_clauses():
    """neimenggu-water-2015 line 137: one "自治区环保厅负责对…汇总" among some 140 unattributed
    measures; the measures stay tasks."""
    measures = "".join(f"（{n}）加强第{n}项工作。各地区要推进第{n}项工作。\n\n" for n in "一二三四五")
    text = "某区水污染防治工作方案\n\n一、主要任务\n\n" + measures + "（六）汇总方案。自治区环保厅负责对各地区工作方案进行汇总。\n"
    assert len(extract_text(text).tasks) == 6


def test_a_phrase_clause_under_the_closing_guarantees_is_no_task():
    """county-wechat-2024 line 90 and province-division-2021 line 58: "县政府督查室会同县优化办每季度…督查"
    under 保障措施 names no task (both annotators)."""
    text = ("某县工作方案\n\n一、重点任务\n\n1.推进改革。深化审批改革。（责任单位：县行政审批服务局）\n\n"
            "二、保障措施\n\n（一）强化督查考核。县政府督查室会同县优化办每季度对重点任务推进情况开展督查。\n")
    assert [t[0] for t in tasks(text)] == ["推进改革"]


# -- a standing clause stated on its own ----------------------------------------------------------


def test_a_standing_statement_of_its_own_hands_its_units_to_every_later_task():
    """province-division-2021 line 17: "以下各项任务均需各市（州）人民政府落实，不再列出。" under 二、, and a
    clause that writes the same government with 〔〕 names one unit (line 25)."""
    text = ("二、重点任务\n以下各项任务均需各市（州）人民政府落实，不再列出。\n（一）全面排查\n"
            "1.开展管网排查建档。全面排查污水管网。（省住房城乡建设厅牵头，省水利厅配合）\n"
            "2.加快管网建设。新建管网。（省住房城乡建设厅牵头，各市〔州〕人民政府负责落实）\n")
    found = tasks(text)
    assert [t[3] for t in found] == [["各市(州)人民政府"], ["各市(州)人民政府"]]
    assert not any(t[0].startswith("以下") for t in found)


def test_a_level_before_a_shared_office_stays_with_it():
    """province-division-2021 line 39: "各国家级、省级开发区管委会" is one unit."""
    assert tasks(ITEM.format("（省商务厅牵头，各国家级、省级开发区管委会负责落实）"))[0][3] == ["各国家级、省级开发区管委会"]


# -- field lines ------------------------------------------------------------------------------------


def test_a_field_line_ends_its_paragraph():
    """county-wechat-2024 lines 19-23: "责任单位：…" (no full stop) over the next bullet's "● …"."""
    text = ("某县工作方案\n\n二、重点任务\n\n● 深化改革。新增集成办理事项13个以上。\n"
            "责任单位：县行政审批服务局（牵头）、县政务服务中心、县市场监管局\n\n"
            "● 推进政务服务标准化规范化。全面推行同源发布。\n责任单位:县行政审批服务局(牵头)、各乡镇人民政府\n")
    assert tasks(text) == [("深化改革", ["行政审批服务局"], ["政务服务中心", "市场监管局"], []),
                           ("推进政务服务标准化规范化", ["行政审批服务局"], [], ["各乡镇人民政府"])]


def test_field_lines_are_one_paragraph_with_windows_line_ends():
    """county-eldercare-2023 lines 18-20 saved with CRLF: the 完成时限 line is the clause's, as with LF."""
    text = ("某县工作方案\n\n一、重点任务\n\n3.推进家庭养老床位建设。建设数量不少于100张。\n责任单位：县民政局、县卫生健康局\n"
            "完成时限：2023年11月底前\n")
    for variant in (text, text.replace("\n", "\r\n")):
        (task,) = extract_text(variant).tasks
        assert [d.date for d in task.deadlines] == ["2023-11-30"]


# -- a ledger pasted from a spreadsheet -------------------------------------------------------------

LEDGER = ("襄阳市2025年重点工作任务督查台账\n"
          "填报单位：市政府督查室\t\t\t\t\t更新日期：2025年3月10日\n"
          "全年主要预期目标：地区生产总值增长6%左右。\t\t\t\t\t\t\n"
          "序号\t重点任务\t具体措施\t牵头单位\t责任单位\t责任领导\t完成时限\n"
          "一、扩大有效投资\t\t\t\t\t\t\n"
          "1\t加快重大项目建设\t实施重大项目攻坚行动，全年新开工亿元以上项目不少于50个\t市发改委\t各县（市、区）人民政府\t刘海涛\t2025年12月底前\n"
          "\t\t建立重大项目“周调度、月通报”机制\t\t市直有关部门\t\t每月\n"
          "\t\t强化用地、用能等要素保障\t\t\t\t长期坚持\n"
          "说明：\n1.各牵头单位于每月25日前将工作进展报市政府督查室；\n2.市政府督查室每季度对台账落实情况进行通报。\n")


def test_a_ledgers_header_under_its_title_block_and_its_merged_cells():
    """city-ledger-2025: the header stands under 填报单位 and a row of goals; a measure's empty 牵头单位,
    责任单位 and 完成时限 cells are the row's above (merged cells lost in the paste); the 说明 under the
    table is no task."""
    doc = extract_text(LEDGER)
    assert [t.title for t in doc.tasks] == ["加快重大项目建设", "建立重大项目“周调度、月通报”机制", "强化用地、用能等要素保障"]
    assert [[r.name for r in t.lead] for t in doc.tasks] == [["发改委"]] * 3
    assert [[r.name for r in t.implementers] for t in doc.tasks] == [
        ["各县(市、区)人民政府"], ["市直有关部门"], ["市直有关部门"]]
    assert [[d.kind for d in t.deadlines] for t in doc.tasks] == [["by"], ["every"], ["ongoing"]]
    assert doc.tables[0].columns[0] == "序号"


# -- an indicator table ------------------------------------------------------------------------------


def test_an_indicator_tables_group_lines_unit_column_and_five_year_totals():
    """province-ecoplan-2022 lines 29-45: a group's name on a line of its own between rows, the unit in a
    单位 column, and 〔13〕 (a five-year total) under a name that says 降低."""
    text = ("表1　主要指标\n序号\t指标\t单位\t2020年\t2025年\t属性\n环境治理\n"
            "1\t地级城市空气质量优良天数比率\t%\t98.8\t≥98.5\t约束性\n"
            "2\t化学需氧量重点工程减排量\t万吨\t—\t〔5.06〕\t约束性\n应对气候变化\n"
            "3\t单位地区生产总值能源消耗降低\t%\t—\t〔13〕\t约束性\n")
    doc = extract_text(text)
    assert doc.tables[0].kind == "indicator"
    assert [(t.comparator, str(t.value), t.unit, t.group) for t in doc.targets] == [
        (">=", "98.5", "%", "环境治理"), ("decrease", "5.06", "万吨", "环境治理"), ("decrease", "13", "%", "应对气候变化")]


# -- headings of a public account's article -------------------------------------------------------


def test_decorated_and_padded_headings():
    """county-wechat-2024: "▍一、…", "01 ✅ 提升政务服务效能", "02 —— 优化市场准入环境 ——" (markers as
    written, their decoration with them)."""
    text = ("▍二、重点任务📌\n\n01 ✅ 提升政务服务效能\n\n● 深化改革。新增事项13个。\n责任单位：县行政审批服务局\n\n"
            "02 —— 优化市场准入环境 ——\n\n1.推行智能审批。拓展秒批事项。\n责任单位：县市场监管局\n")
    sections = extract_text(text).sections
    assert [(s.marker.strip(), s.title, s.level) for s in sections] == [
        ("二、", "重点任务", 1), ("01 ✅", "提升政务服务效能", 2), ("02 ——", "优化市场准入环境", 2), ("1.", "推行智能审批", 3)]


def test_a_minutes_date_and_title_from_its_header():
    """city-minutes-2024 lines 1-6: the issuing office and the date on one line (the deadlines with no year
    are 2024's, not 2023's, a year the minutes name first), and a 纪要 is a plan's title."""
    text = ("芜湖市人民政府专题会议纪要\n〔2024〕第23号\n\n芜湖市人民政府办公室　　　　　　　　2024年4月19日\n\n"
            "会议听取了市住建局关于2023年城市更新工作情况的汇报。\n会议议定如下：\n"
            "一、关于城市体检。由市住建局牵头，9月底前完成年度城市体检。\n")
    doc = extract_text(text)
    assert (doc.info.date, doc.info.title) == ("2024-04-19", "芜湖市人民政府专题会议纪要")
    assert [d.date for t in doc.tasks for d in t.deadlines] == ["2024-09-30"]


# -- what a second reading of these forms found (a helper's review, /tmp/review/findings.md) -------------


@pytest.mark.parametrize(("sentence", "expected"), [
    ("市市场监管局负责制定分类设施地方标准，2024年9月底前完成。", (["市场监管局"], [], [])),  # 制定 is no noun
    ("市财政局负责任务经费保障。", (["财政局"], [], [])),
    ("市委宣传部牵头开展宣传，市文明办配合。", (["市委宣传部"], ["文明办"], [])),  # a party office known by its shape
    ("市财政局负责落实分类工作经费。", ([], [], ["财政局"])),  # 负责落实: who carries it out
    ("市发展改革委牵头，市财政局负责资金保障。", (["发展改革委"], ["财政局"], [])),  # a second subject takes part
    ("市自由贸易试验区管委会负责推进通关便利化改革。", ([], [], ["市自由贸易试验区管委会"])),  # 由 inside a name
    ("市发展改革委会同市财政局、市交通运输局建设充电站。", (["发展改革委"], ["财政局", "交通运输局"], [])),
])
def test_phrase_forms_a_review_found(sentence, expected):
    assert phrase_clauses(sentence) == [expected]


def test_no_phrase_clause_for_a_government_of_no_place():
    assert phrase_clauses("企业负责建设，政府负责监管。") == []


def test_an_items_marker_before_the_office():
    assert tasks(ITEM.format("") + "\n2.市教育局牵头，市财政局配合，2024年底前建成智慧教育平台。\n")[-1][1:3] == (["教育局"], ["财政局"])


def test_phrase_clauses_under_headings_of_their_own_lines():
    """A heading on its own line over its paragraph: the headings do not count against the phrases."""
    items = "".join(f"（{n}）措施标题第{i}项\n加快推进第{i}项工作，县发展改革局负责，2024年底前完成。\n\n"
                    for i, n in enumerate("一二三四五", 1))
    found = tasks("某县优化营商环境若干措施\n\n一、重点任务\n\n" + items)
    assert [t[1] for t in found] == [["发展改革局"]] * 5


def test_a_standing_statement_written_with_you_fuze_luoshi():
    text = ("某省推进垃圾分类工作任务分工方案\n\n以下各项任务均由各市（州）人民政府负责落实，不再列出。\n\n一、重点任务\n\n"
            "1.完善制度。制定生活垃圾分类管理办法。（省住房城乡建设厅牵头，省发展改革委配合）\n")
    assert [(t[0], t[3]) for t in tasks(text)] == [("完善制度", ["各市(州)人民政府"])]


def test_a_field_line_a_pdf_copy_broke_goes_on():
    text = ("某市工作方案\n\n一、重点任务\n\n（一）推进生活垃圾分类。2024年底前实现城区全覆盖。\n"
            "责任单位：市城市管理局、市住房城乡建设局、市生态环境局、市商务局、市交通运\n输局、市教育局\n")
    assert tasks(text)[0][1][-2:] == ["交通运输局", "教育局"]


def test_a_ledger_row_with_empty_cells_is_no_group_and_a_caption_parts_two_tables():
    ledger = ("重点任务\t牵头单位\t完成时限\n制定生活垃圾分类管理办法\t市城市管理局\t2024年6月\n"
              "开展分类宣传活动\t\t\n建设分类收集设施\t市住房城乡建设局\t2024年12月\n")
    assert len(extract_text(ledger).tasks) == 3
    two = ("序号\t重点任务\t牵头单位\t完成时限\n1\t制定管理办法\t市城市管理局\t2024年6月\n重点项目清单\n"
           "序号\t项目名称\t牵头单位\t完成时限\n1\t城东污水处理厂扩建\t市水务局\t2025年6月\n")
    doc = extract_text(two)
    assert len(doc.tables) == 2 and "项目名称" not in [t.title for t in doc.tasks]


def test_a_row_naming_its_own_lead_takes_no_merged_cells():
    text = ("序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
            "1\t完善制度体系\t制定生活垃圾分类管理办法\t市城市管理局\t市司法局\t2024年6月\n"
            "\t\t建设分类收集设施\t市住房城乡建设局\t\t2024年12月\n")
    assert [t.participants for t in extract_text(text).tasks][1] == ()


def test_a_titles_unit_symbol_stays():
    text = "一、重点任务\n（一）公共建筑夏季室内空调温度设置不低于26℃\n加强管理。（责任单位：市机关事务局）\n"
    assert extract_text(text).sections[1].title == "公共建筑夏季室内空调温度设置不低于26℃"


# -- units as the plans write them -----------------------------------------------------------------


def targets(sentence: str):
    return [(t.comparator, str(t.value), t.unit) for task in extract_text(ITEM.format(sentence), RULES).tasks
            for t in task.targets]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a count in 万 of any unit (province-safety-2022 line 85), a unit of two words (district-word-2025 line 29)
    ("全年排查整治火灾隐患不少于10万处。", [(">=", "10", "万处")]),
    ("每年抽查不少于200批次，依法查处不合格产品。", [(">=", "200", "批次")]),  # (province-division-2021 line 40)
    ("建设小型厨余垃圾就地处理设备10台套。", [("=", "10", "台套")]),
    # a rate per another unit (province-division-2021 lines 27, 35): each value with its metric
    ("全省新增污水处理能力30万立方米/日。", [("increase", "30", "万立方米/日")]),
    ("居民生活污水处理费城市不低于0.95元/立方米、县城不低于0.85元/立方米。",
     [(">=", "0.95", "元/立方米"), (">=", "0.85", "元/立方米")]),
    # a fee's collection rate is a target (province-division-2021 line 36), a tax's rate a term of the policy
    ("污水处理费征收率达到95%以上。", [(">=", "95", "%")]),
    ("小规模纳税人增值税征收率由3%降至1%。", []),
])
def test_units_and_rates_as_written(sentence, expected):
    assert targets(sentence) == expected


# -- duties written with a modal ("X要…", "X应当…") or a request ("请X…") ------------------------------

MINUTES = ("芜湖市人民政府专题会议纪要\n\n会议议定如下：\n"
           "一、关于城市更新项目谋划储备。市发展改革委负责会同市自然资源和规划局、市住建局建立全市城市更新项目库。\n{}\n")


@pytest.mark.parametrize(("paragraph", "expected"), [
    # city-minutes-2024 lines 14, 15: a paragraph of its own, an office or a government as its subject
    ("市财政局要加强与省财政厅的沟通对接，积极争取中央和省级补助资金。",
     [("市财政局要加强与省财政厅的沟通对接", ["财政局"], [], [])]),
    ("各区人民政府要切实履行属地责任，推行“居民议事会”制度。",
     [("各区人民政府要切实履行属地责任", [], [], ["各区人民政府"])]),
    # line 20: 要会同, the offices after it take part; a government among them carries the work out
    ("五、关于背街小巷整治。市城管局要会同市公安局交警支队、各区人民政府，聚焦老城区开展整治。",
     [("关于背街小巷整治", ["城管局"], ["公安局交警支队"], ["各区人民政府"])]),
    # line 16: a request and a modal in two sentences of one decision: two tasks
    ("二、关于城中村改造。会议同意将四褐山片区列入首批实施项目。请各区人民政府抓紧编制改造方案。市住建局要在收到改造方案后15个工作日内完成审核。",
     [("关于城中村改造", [], [], ["各区人民政府"]), ("市住建局要在收到改造方案后15个工作日内完成审核", ["住建局"], [], [])]),
    # city-rules-2023 line 46: an article's number before the office, two duties in two sentences
    ("第十四条　区人民政府应当于每年3月31日前报送市城市管理局。市城市管理局应当于每年4月30日前汇总全市情况。",
     [("区人民政府应当于每年3月31日前报送市城市管理局", [], [], ["人民政府"]),
      ("市城市管理局应当于每年4月30日前汇总全市情况", ["城市管理局"], [], [])]),
    # county-eldercare-2023 line 21: a bracket in the government's name
    ("4.开展特殊困难老年人探访关爱。各乡镇（街道）要建立特殊困难老年人信息台账。",
     [("开展特殊困难老年人探访关爱", [], [], ["各乡镇(街道)"])]),
])
def test_a_duty_opening_a_sentence_is_a_task(paragraph, expected):
    found = [t for t in tasks(MINUTES.format(paragraph)) if t[0] != "关于城市更新项目谋划储备"]
    assert [t[1:] for t in found] == [t[1:] for t in expected]
    assert found[-1][0] == expected[-1][0]  # (a duty's office is its sentence's subject: in the title)


@pytest.mark.parametrize("paragraph", [
    # everyone is no office (chuzhou-govwork-2020 line 8, hebei-economy-stabilization-2022 x6 line 2)
    "2020年是十三五规划收官之年。各地各部门要认真履职尽责，确保各项目标任务高质量完成。",
    "各地各有关部门要深化思想认识，切实抓好落实。",
    # a modal inside a word, after a comma, or past the sentence's subject
    "会议指出，市住建局要加快推进老旧小区改造。",
    "坚持重要问题集体研究，主要负责同志亲自抓。",
])
def test_no_duty_where_no_office_opens_the_sentence(paragraph):
    assert [t for t in tasks(MINUTES.format(paragraph)) if t[0] != "关于城市更新项目谋划储备"] == []


def test_a_duty_inside_a_paragraph_attributed_in_brackets_stays_its_tasks():
    # (xinjiang-water-2016: "各地州市要…" before the paragraph's bracketed clause)
    text = ITEM.format("各地州市要加快推进污水处理设施建设，市住建局要加强督导。（市住建局牵头，市财政局配合）")
    assert tasks(text) == [("推进教师培训", ["住建局"], ["财政局"], [])]


def test_no_duty_before_the_plan_attributes_anything():
    # a notice's items before the plan it sends (caidian-govwork-2023 lines 14-16)
    text = ("关于印发分解方案的通知\n\n现印发给你们，并就有关事项通知如下：\n\n"
            "一、区绩效考评机构要将目标任务纳入绩效管理考核范围。\n\n"
            "（一）规上工业增加值增长12%以上\n\n责任单位：区科技和经信局\n")
    assert [t[0] for t in tasks(text)] == ["规上工业增加值增长12%以上"]


def test_no_duty_in_a_plan_that_attributes_nothing():
    # (its items are measures with no one named: a speech's "X要…" exhorts)
    text = "某市工作方案\n\n一、重点任务\n\n1.加强管理。市财政局要加强资金保障。\n\n2.强化监督。市审计局要开展审计。\n"
    assert tasks(text) == [("加强管理", [], [], []), ("强化监督", [], [], [])]


# -- field lines and time fields (the six plans written blind in the fourth session) ---------------


def test_a_clause_line_under_the_field_lines_is_a_clause_of_its_own():
    # region-implementation-2022 line 19: "…总工会" and "各市、县（区）人民政府负责落实" are two lines
    text = ITEM.format("深化劳务协作。\n牵头单位：自治区人力资源社会保障厅\n配合单位：自治区乡村振兴局、自治区总工会\n"
                       "各市、县（区）人民政府负责落实")
    assert tasks(text) == [("推进教师培训", ["人力资源社会保障厅"], ["乡村振兴局", "总工会"], ["各市、县(区)人民政府"])]


@pytest.mark.parametrize("clause", [
    # county-three-year-2024 lines 27, 39: 时间节点 after the units, and first in the bracket
    "（责任单位：县农业农村局、县林业局；时间节点：2026年底前）",
    "（时间节点：2026年底前；责任单位：县农业农村局、县林业局）",
])
def test_a_time_node_field_is_no_unit(clause):
    doc = extract_text(ITEM.format("推进低产低效茶园改造。" + clause), RULES)
    assert [(r.name for r in t.lead) and [r.name for r in t.lead] for t in doc.tasks] == [["农业农村局", "林业局"]]
    assert [(d.kind, d.date) for d in doc.tasks[0].deadlines] == [("by", "2026-12-31")]


def test_a_time_fields_own_phrases_are_no_units():
    # city-checklist-2025 line 93: "完成时限：6月底前完成造林任务，松材线虫病防治长期坚持"
    text = ITEM.format("完成人工造林18万亩。\n责任单位：市林业局\n完成时限：6月底前完成造林任务，松材线虫病防治长期坚持")
    assert tasks(text) == [("推进教师培训", ["林业局"], [], [])]


def test_a_duty_after_a_you_prose_clause_in_another_sentence_is_a_task_of_its_own():
    # county-report-division-2024 line 34: "由X负责，…。各乡镇要…" (one task per attribution clause)
    text = ITEM.format("由县农业农村局负责，大力发展现代农业产业园。各乡镇要立足资源禀赋，发展特色产业。")
    assert [t[1:] for t in tasks(text)] == [(["农业农村局"], [], []), ([], [], ["各乡镇"])]


def test_an_indicator_table_whose_cells_one_space_divides():
    # province-special-plan-2021 lines 25-43: typed into the text, a group's name on a line of its own,
    # 〔16〕 a five-year total (no heading inside the row: it was broken there as a "（16）")
    text = ("某省十四五水安全保障规划\n\n第二章　总体要求\n\n表1　主要指标\n序号 指标 2020年 2025年 属性\n防洪减灾\n"
            "1 主要江河堤防达标率（%） 72.6 ≥85 预期性\n水资源节约集约利用\n4 用水总量（亿立方米） 305.1 ＜344 约束性\n"
            "5 万元地区生产总值用水量下降（%） 〔29.5〕 〔16〕 约束性\n6 万元工业增加值用水量下降（%） 〔40.2〕 〔15〕 约束性\n"
            "注：〔 〕内为五年累计数。\n")
    doc = extract_text(text, RULES)
    assert [(t.form, len(t.rows)) for t in doc.tables] == [("spaced", 4)]
    assert [(t.comparator, str(t.value), t.unit) for t in doc.targets] == [
        (">=", "85", "%"), ("<", "344", "亿立方米"), ("decrease", "16", "%"), ("decrease", "15", "%")]


def test_a_sentence_with_spaces_is_no_table():
    text = ITEM.format("序号 工作 安排如下：\n1 加强 组织 领导。\n2 强化 资金 保障。")
    assert all(t.form != "spaced" for t in extract_text(text, RULES).tables)


@pytest.mark.parametrize(("sentence", "expected"), [
    # province-division-2021 line 15: a list of years 分别 distributes over the values
    ("2021年、2022年城市生活污水集中收集率分别达到62%、66%。",
     [("=", "62", 2021, "城市生活污水集中收集率"), ("=", "66", 2022, "城市生活污水集中收集率")]),
    # city-notice-html-2023 line 15: a verb's counts, the later ones with no object of their own
    ("其中，2023年、2024年、2025年分别新增公共充电桩2500个、3500个、4000个。",
     [("increase", "2500", 2023, "公共充电桩"), ("increase", "3500", 2024, "公共充电桩"),
      ("increase", "4000", 2025, "公共充电桩")]),
    # with no list of years, the values share the clause's year
    ("到2025年，城镇、农村污水处理率分别达到95%、60%。",
     [("=", "95", 2025, "城镇污水处理率"), ("=", "60", 2025, "农村污水处理率")]),
])
def test_a_list_of_years_and_a_list_of_values(sentence, expected):
    doc = extract_text("某市方案\n\n一、工作目标\n\n" + sentence + "\n", RULES)
    assert [(t.comparator, str(t.value), t.year, t.metric) for t in doc.targets] == expected


def test_a_duty_after_an_items_number_whose_units_are_a_list():
    # county-report-division-2024 line 26: the item's "5." then two companies and a 、 between them
    text = MINUTES.format("5.县城投公司、县交投公司要拓宽市场化融资渠道，全年融资到位40亿元以上。")
    assert [t[1:] for t in tasks(text)][1:] == [(["城投公司", "交投公司"], [], [])]


def test_a_regulation_whose_few_articles_name_an_office_attributes_its_tasks():
    # city-regulation-2024: of 41 articles 10 give an office a duty; the others oblige companies and the
    # public ("供水企业应当…", "任何单位和个人不得…"), no task of an office
    articles = "".join(f"第{n}条　供水企业应当做好第{n}项工作。\n" for n in range(1, 13))
    duties = "".join(f"第{n}条　市{office}{modal}做好第{n}项工作。\n"
                     for n, office, modal in zip(range(13, 17), ("水利局", "财政局", "住建局", "卫健委"), ("负责", "应当", "应当", "应当")))
    doc = extract_text("某市城市供水管理办法\n\n第一章　总则\n\n" + articles + duties, RULES)
    assert [[r.name for r in t.lead] for t in doc.tasks] == [["水利局"], ["财政局"], ["住建局"], ["卫健委"]]


# -- a second reading of the duty reader (fourth session): each input the reviewer tried ---------------


def test_a_duty_in_an_item_whose_clause_lines_stand_under_it_stays_that_items():
    text = "某市工作方案\n\n一、重点任务\n\n1.推进工作。（市教育局负责）\n\n2.加强资金保障。市审计局要加强审计。\n责任单位：市财政局\n"
    assert tasks(text) == [("推进工作", ["教育局"], [], []), ("加强资金保障", ["财政局"], [], [])]


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("二、关于资金。市财政局要加强资金保障，各区人民政府负责落实。", (["财政局"], [], ["各区人民政府"])),
    ("二、关于资金。市财政局要加强资金保障，市审计局配合。", (["财政局"], ["审计局"], [])),
])
def test_a_phrase_later_in_a_duties_sentence_is_part_of_it(paragraph, expected):
    assert [t[1:] for t in tasks(MINUTES.format(paragraph))][1:] == [expected]


def test_the_sentences_between_a_clause_and_a_later_duty_are_the_first_tasks():
    doc = extract_text(MINUTES.format("二、关于老旧小区改造。市住建局负责推进改造。年底前完成改造136个。各区人民政府要切实履行属地责任。"),
                       RULES)
    assert [([r.name for r in t.lead], [str(x.value) for x in t.targets]) for t in doc.tasks][1:] == [
        (["住建局"], ["136"]), ([], [])]


@pytest.mark.parametrize("paragraph", [
    "二、关于资金。一是市财政局要加强资金保障。", "二、关于资金。今年市财政局要加强资金保障。", "二、关于资金。会议同意向市财政局要资金。",
])
def test_words_before_the_office_make_no_duty(paragraph):
    assert tasks(MINUTES.format(paragraph))[1:] == []


def test_a_request_after_an_items_number():
    assert [t[1:] for t in tasks(MINUTES.format("3.请县财政局及时拨付资金。"))][1:] == [(["财政局"], [], [])]


def test_a_count_of_its_own_noun_after_a_verbs_count_is_not_its_lists():
    doc = extract_text("某市方案\n\n一、工作目标\n\n新建中转站8个、12个分拣中心。\n", RULES)
    assert [(t.comparator, str(t.value), t.metric) for t in doc.targets] == [("=", "8", "中转站")]


def test_the_years_a_change_is_measured_from_are_no_targets_years():
    doc = extract_text("某市方案\n\n一、工作目标\n\n比2020年、2021年分别下降5%、6%。\n", RULES)
    assert [t.year for t in doc.targets] != [2020, 2021]


def test_a_time_node_that_starts_the_work_is_no_deadline():
    doc = extract_text(ITEM.format("推进茶园改造。（责任单位：县农业农村局；时间节点：2024年6月启动，2025年12月完成）"), RULES)
    assert ("by", "2024-06-30") not in [(d.kind, d.date) for t in doc.tasks for d in t.deadlines]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a number with its thousands set apart (a second reading of the spaced tables: "3,250" cells)
    ("粮食产量达到3,300万吨以上。", [(">=", "3300", "万吨")]),  # (was read as 300)
    ("投资1,234.5亿元以上。", [(">=", "1234.5", "亿元")]),
])
def test_thousands_set_apart(sentence, expected):
    doc = extract_text("某市方案\n\n一、工作目标\n\n" + sentence + "\n", RULES)
    assert [(t.comparator, str(t.value), t.unit) for t in doc.targets] == expected


def test_a_spaced_table_with_a_blank_line_and_thousands():
    text = ("某省规划\n\n第二章　总体要求\n\n表1　主要指标\n序号 指标 2020年 2025年 属性\n1 主要江河堤防达标率（%） 72.6 ≥85 预期性\n\n"
            "2 粮食产量（万吨） 3,250 ≥3,300 约束性\n3 用水总量（亿立方米） 305.1 ＜344 约束性\n注：略。\n")
    doc = extract_text(text, RULES)
    assert [(t.form, len(t.rows)) for t in doc.tables] == [("spaced", 3)]
    assert [(t.comparator, str(t.value)) for t in doc.targets] == [(">=", "85"), (">=", "3300"), ("<", "344")]


def test_a_duty_in_an_item_before_the_first_clause_of_its_list():
    # (the reviewer's F3: minutes whose decision 一 gives its work with "X要…" and 二 with "由X负责")
    text = ("芜湖市人民政府专题会议纪要\n\n会议议定如下：\n一、关于老旧小区改造。全年改造老旧小区136个。市住建局要加快推进。\n"
            "二、关于城市更新项目谋划储备。由市发展改革委负责建立全市城市更新项目库。\n")
    assert [t[1] for t in tasks(text)] == [["住建局"], ["发展改革委"]]


@pytest.mark.parametrize(("paragraph", "title"), [
    # the office that is its sentence's subject stays in the title (county-minutes-2025 line 18, city-rules-2023)
    ("县综合行政执法局负责城区排水管网清淤疏浚和易涝点整治，5月20日前完成。", "县综合行政执法局负责城区排水管网清淤疏浚和易涝点整治"),
    # …not a phrase that is only the office and its role word
    ("区数据局负责，推进电子证照共享应用。", "推进电子证照共享应用"),
])
def test_a_phrase_clauses_title(paragraph, title):
    doc = extract_text("某县工作方案\n\n一、重点任务\n\n（一）推进工作。（县教育局负责）\n\n" + paragraph + "\n", RULES)
    assert doc.tasks[-1].title == title


def test_a_places_government_named_by_the_place():
    # county-minutes-2025 line 44: "潼川镇、北坝镇人民政府要做好沿线群众工作" (no level word before the places)
    text = MINUTES.format("二、关于堤防加固。潼川镇、北坝镇人民政府要做好沿线群众工作和施工环境保障。")
    assert [t[1:] for t in tasks(text)][1:] == [([], [], ["潼川镇、北坝镇人民政府"])]
    assert [t[1:] for t in tasks(MINUTES.format("二、关于监管。加快推进建设市人民政府负责监管。"))][1:] == []


def test_no_duty_under_the_closing_requirements():
    text = ("某市工作方案\n\n一、重点任务\n\n1.推进工作。（市教育局负责）\n\n2.加强监管。市场监管局负责开展检查。\n\n"
            "二、有关要求\n\n市政府督查室要加强督查，定期通报进展。\n")
    assert [t[0] for t in tasks(text)] == ["推进工作", "加强监管"]


def test_a_duty_of_an_office_with_a_long_name():
    # county-minutes-2025 line 42
    text = MINUTES.format("二、关于重点项目。县自然资源局、县住建局、县政务服务和公共资源交易服务中心要开辟重点项目审批绿色通道。")
    assert [t[1] for t in tasks(text)][1:] == [["自然资源局", "住建局", "政务服务和公共资源交易服务中心"]]


# -- a 整改方案's problems: fields first, then the goal and the measures (province-rectification-2026) --------

RECTIFICATION = """湖南省贯彻落实第三轮中央生态环境保护督察报告整改方案
三、整改任务
（一）污染防治攻坚方面
问题3：城镇生活污水收集处理设施短板明显。督察发现，全省城市生活污水集中收集率仅为62.3%。
责任单位：省住房城乡建设厅牵头，省发展改革委、省财政厅配合，各市州人民政府负责落实
责任领导：省人民政府副省长周海涛
整改时限：2026年6月底前完成管网排查，2027年12月底前完成整改
整改目标：2026年新建改造城镇污水管网1500公里以上。
整改措施：1.组织各市州开展城镇污水管网全面排查；2.优先实施错接混接改造。
问题4：长株潭地区大气污染防治工作抓得不实。督察发现，部分工业企业无组织排放问题突出。
责任单位：长沙市、株洲市、湘潭市人民政府
整改时限：2026年12月底前
整改目标：重污染天数控制在3天以内
整改措施：开展工业企业无组织排放专项执法检查
"""


def test_a_problem_of_a_rectification_plan_is_one_task_with_its_goal_and_measures():
    found = extract_text(RECTIFICATION).tasks
    assert [(t.line, t.title) for t in found] == [(4, "城镇生活污水收集处理设施短板明显"), (10, "长株潭地区大气污染防治工作抓得不实")]
    first, second = found
    assert [r.name for r in first.lead] == ["住房城乡建设厅"] and [r.name for r in first.implementers] == ["各市州人民政府"]
    # (整改时限 is a time field; the goal's "2026年新建…" dates it too)
    assert sorted(d.date for d in first.deadlines) == ["2026-06-30", "2026-12-31", "2027-12-31"]
    assert [(t.comparator, float(t.value), t.unit) for t in first.targets] == [(">=", 1500.0, "公里")]  # (整改目标)
    # a goal with no stop is no name broken over two lines: "重污染天数控制在3天以内" is no office
    assert [r.name for r in second.implementers] == ["长沙市、株洲市、湘潭市人民政府"] and not second.lead
    assert [(t.comparator, float(t.value), t.unit) for t in second.targets] == [("<=", 3.0, "天")]


def test_an_unnumbered_measure_with_field_lines_of_its_own_stays_a_task_of_its_own():
    # (city-checklist-2025 line 73: the words after an item's fields are its own, unless fields follow them)
    text = ("一、重点任务\n12.深入推进和美乡村建设。完成1200个村组整治建设任务。\n牵头单位：市委农办\n完成时限：2025年11月底前\n"
            "同步推进农村厕所革命，全年新建农村户厕8000户。\n牵头单位：市农业农村局；配合单位：市卫健委\n完成时限：2025年9月底前\n")
    found = extract_text(text).tasks
    assert [(t.line, [r.name for r in t.lead]) for t in found] == [(2, ["市委农办"]), (5, ["农业农村局"])]
    assert [d.date for d in found[0].deadlines] == ["2025-11-30"]


def test_the_words_an_item_takes_after_its_fields_are_no_other_tasks_nor_the_plans_closing():
    # (a reviewer's inputs: a paragraph a closing clause gathers back is that clause's task only, and the plan's
    # closing words after its last item are no field of it)
    gathered = ("12.深入推进和美乡村建设。完成1200个村组整治建设任务。\n牵头单位：市委农办\n完成时限：2025年11月底前\n"
                "同步推进农村厕所革命，卫生厕所普及率达到90%以上。\n全年新建农村户厕8000户（市农业农村局负责，2025年9月底前完成）。\n")
    first, second = extract_text(gathered).tasks
    assert [float(t.value) for t in first.targets] == [1200.0] and sorted(float(t.value) for t in second.targets) == [90.0, 8000.0]
    closing = ("一、重点项目\n1.新建城区公办幼儿园5所。\n牵头单位：县教育局\n完成时限：2026年8月底前\n"
               "各牵头单位要每月报送项目进展情况，县政府督查室将定期开展督查通报。\n联系人：张三，电话：12345678\n")
    [task] = extract_text(closing).tasks
    assert [d.kind for d in task.deadlines] == ["by"]  # (not the closing sentence's 每月)


@pytest.mark.parametrize("line", ["问题1、问题5的整改工作由市生态环境局负责，2025年底前完成。", "任务1.5万亩人工造林由县林业局负责。",
                                  "任务1.1：推进城区绿化。"])
def test_a_problem_or_task_number_without_its_colon_is_no_item(line):
    document = extract_text("一、整改任务\n（一）水污染问题\n" + line + "\n")
    assert [s.marker for s in document.sections] == ["一、", "（一）"]


# -- a 交办 notice and a 职责分工 written office first (3 December 2026, sixth session) -------------

ASSIGNMENT = """铜川市人民政府办公室关于交办2026年市政府工作报告重点事项的通知
二、重点交办事项
（一）扩大有效投资
交办事项3：推进“亩均论英雄”改革和低效用地盘活
承办单位：市自然资源和规划局
协办单位：市工业和信息化局、铜川经开区管委会
办结时限：2026年10月31日前
交办事项4：实施先进制造业集群培育行动。全市规模以上工业企业新增30户以上。
主办单位：市工业和信息化局
协办单位：市科技局、市投资促进局
办结时限：2026年12月底前
交办事项10：推进城市停车设施建设。新增公共停车泊位3000个。
承办单位：各区县人民政府
协办单位：市城市管理执法局、市住房和城乡建设局
办结时限：2026年8月31日前
"""


def test_the_items_of_a_notice_that_hands_out_work_are_tasks_led_by_their_undertakers():
    """city-assignment-2026 (lines 21, 27, 57): "交办事项N：" is an item as 问题N is; 承办单位 and
    主办单位 name its lead (主办单位 at a line's start was taken for a web page's footer);
    every government of a level carries the work out, named the 承办单位 or not."""
    assert tasks(ASSIGNMENT) == [
        ("推进“亩均论英雄”改革和低效用地盘活", ["自然资源和规划局"], ["工业和信息化局"], ["铜川经开区管委会"]),
        ("实施先进制造业集群培育行动", ["工业和信息化局"], ["科技局", "投资促进局"], []),
        ("推进城市停车设施建设", [], ["城市管理执法局", "住房和城乡建设局"], ["各区县人民政府"]),
    ]


def test_a_sites_footer_naming_its_owner_is_still_no_text_of_the_plan():
    """city-notice-html-2023 lines 70-71: the footer's 承办单位 names no lead of the last item,
    on one line with 主办单位 or on lines of their own (the second reading's input)."""
    mark = "网站标识码：4205000011　　鄂ICP备05003196号-1\n"
    for footer in ("主办单位：宜昌市人民政府办公室　　承办单位：宜昌市政务服务和大数据管理局\n" + mark,
                   "主办单位：铜川市人民政府\n承办单位：铜川市大数据服务中心\n" + mark):
        assert tasks(ASSIGNMENT + footer) == tasks(ASSIGNMENT)


def test_an_items_undertaker_written_like_a_footer_is_its_lead():
    """The second reading: "主办单位：市政府办公室" and "主办单位：市数据局　　承办单位：各区县人民政府"
    are a 交办 item's fields (a footer has the site's number or licence near it)."""
    items = ("二、重点交办事项\n交办事项2：推进政务公开标准化建设。\n主办单位：市政府办公室\n办结时限：2026年6月30日前\n"
             "交办事项4：推进数据共享。\n主办单位：市数据局　　承办单位：各区县人民政府\n办结时限：2026年9月30日前\n")
    assert [(t[0], t[1], t[3]) for t in tasks(items)] == [("推进政务公开标准化建设", ["政府办公室"], []),
                                                          ("推进数据共享", ["数据局"], ["各区县人民政府"])]


DUTIES = """芜湖市2026年城市更新行动实施方案
二、重点任务
1.开展城市体检。6月底前完成2025年度城市体检报告。（牵头单位：市住房和城乡建设局；责任单位：各县市区人民政府）
三、职责分工
（一）市住房和城乡建设局。负责全市城市更新行动的统筹协调、政策制定和日常调度。
（二）市发展改革委。负责城市更新项目谋划储备和立项审批，全年争取上级资金不少于15亿元。
（三）市城市管理局。
1.负责公共停车设施建设管理。
（四）市直其他有关部门。
市财政局：负责统筹安排城市更新财政资金，加强资金绩效管理。
市民政局：会同市住房和城乡建设局推进社区养老服务设施配建。
市文化和旅游局、市自然资源和规划局：按照各自职责做好历史建筑的保护修缮。
其他成员单位：按照职责分工做好相关工作。
"""


def test_a_duty_division_written_office_first_gives_each_office_its_duties():
    """city-duty-division-2026 (lines 38-53): the offices opening a paragraph, then a colon or a
    stop, then their duties (负责…, 会同…, 按照各自职责…) lead those duties; everyone's
    (其他成员单位) gives none; an office alone on a heading's line gives the items under it
    that open as duties (lines 41-44), and no task of its own."""
    found = {t.line: ([r.name for r in t.lead], [r.name for r in t.participants]) for t in extract_text(DUTIES).tasks}
    assert found[5] == (["住房和城乡建设局"], [])
    assert found[6] == (["发展改革委"], [])
    assert found[10] == (["财政局"], [])
    assert found[11] == (["民政局"], ["住房和城乡建设局"])
    assert found[12] == (["文化和旅游局", "自然资源和规划局"], [])
    assert 13 not in found and 7 not in found and found[8] == (["城市管理局"], [])


@pytest.mark.parametrize("paragraph", [
    "联系人：张三，电话：0551-1234567。",  # a contact, no office
    "市财政局：2026年底前完成。",  # no duty's first word after the colon
])
def test_words_after_a_colon_are_no_duty_unless_they_open_as_one(paragraph):
    plan = DUTIES.split("（四）")[0] + paragraph + "\n"
    assert [t for t in extract_text(plan).tasks if t.line == plan.count("\n")] == []


ARTICLES = """福建省建设用地土壤污染风险管控和修复监督管理实施细则
第二章　职责分工
第七条　省生态环境厅负责全省建设用地土壤污染风险管控和修复的统一监督管理。
第十一条　设区的市生态环境局负责本行政区域内建设用地土壤污染风险管控和修复的日常监督管理。
第十四条　省农业农村厅、省交通运输厅、省水利厅等部门在各自职责范围内，做好相关工作。
第十五条　乡镇人民政府、街道办事处应当协助做好疑似污染地块排查和信息报送工作。
第十六条　土地使用权人是建设用地土壤污染风险管控和修复的责任主体。
"""


def test_offices_a_rules_text_names_by_their_level_are_offices():
    """province-articles-2026 (lines 23, 26, 27): "设区的市生态环境局", "乡镇人民政府、街道办事处"
    name the offices of every place of a level; "在各自职责范围内" is "按照各自职责"; a
    private party's duty (土地使用权人) is no task."""
    found = {t.line: ([r.name for r in t.lead], [r.name for r in t.implementers]) for t in extract_text(ARTICLES).tasks}
    assert found[4] == (["设区的市生态环境局"], [])
    assert found[5] == (["农业农村厅", "交通运输厅", "水利厅"], [])
    assert found[6] == ([], ["乡镇人民政府", "街道办事处"])
    assert 7 not in found


def test_a_phase_is_due_at_the_end_of_the_stretch_it_runs():
    """county-campaign-phases-2026 (lines 39, 41): "排查摸底阶段（2026年4月1日—5月31日）" dates the
    phase's work by 2026-05-31; the same stretch outside a phase is a policy's period
    (hebei-economy-stabilization-2022: "2022年1月1日至12月31日，对…企业…"), no deadline."""
    phase = "一、实施步骤\n（一）排查摸底阶段（2026年4月1日—5月31日）。各乡镇开展排查（县住建局负责）。\n"
    (task,) = extract_text(phase).tasks
    assert [(d.kind, d.date, d.start) for d in task.deadlines] == [("by", "2026-05-31", "2026-04-01")]
    period = "一、政策措施\n（一）2022年1月1日至12月31日，对符合条件的企业返还失业保险费（省人力资源社会保障厅负责）。\n"
    assert [d.date for t in extract_text(period).tasks for d in t.deadlines] == []


def test_every_government_alone_in_a_tables_lead_column_carries_the_work_out():
    """The second reading's 交办 table, city-table-plan-2026's row whose 牵头单位 cell is
    "各县市区人民政府" only, neimenggu-water-2015's 附件2 ("（各地区）"): implementers, and a body
    task the row restates takes them."""
    table = ("铜川市2026年重点事项交办清单\n序号\t交办事项\t承办单位\t协办单位\t办结时限\n"
             "1\t推进城市停车设施建设\t市城市管理执法局\t市住房和城乡建设局\t2026年8月31日前\n"
             "2\t推进老旧小区改造\t各区县人民政府\t市住房和城乡建设局\t2026年12月底前\n")
    assert [(t[0], t[1], t[3]) for t in tasks(table)] == [("推进城市停车设施建设", ["城市管理执法局"], []),
                                                          ("推进老旧小区改造", [], ["各区县人民政府"])]


def test_a_dash_before_who_answers_ends_the_heading_not_the_office():
    """province-workpoints-2026 (lines 24, 29): "（二）推进入河排污口排查整治——由水生态环境处负责。"
    named "(二)推进入河排污口排查整治——由水生态环境处" the lead."""
    plan = ("三、持续深入打好碧水保卫战\n（二）推进入河排污口排查整治——由水生态环境处负责。以长江为重点，持续开展整治。\n"
            "（三）加强监管。开展执法检查（执法局负责）。\n")
    assert [t[1] for t in tasks(plan)] == [["水生态环境处"], ["执法局"]]


def test_an_outline_numbered_by_decimals_gives_its_levels():
    """city-emergency-plan-2026: an 应急预案's "1 总则" / "1.1 编制目的" / "4.2.1 Ⅳ级响应" were no
    headings (sections R 0.12): the number's parts give the level; quantities are none."""
    plan = ("某市城市内涝灾害应急预案\n1 总则\n1.1 编制目的\n为做好城市内涝灾害防范和应对工作，制定本预案。\n"
            "4 应急响应\n4.2 分级响应\n4.2.1 Ⅳ级响应\n市城市管理局：负责组织排水抢险。\n2.5 万亩农田受灾时启动。\n")
    sections = [(s.marker.strip(), s.level, s.title) for s in extract_text(plan).sections]
    assert sections == [("1", 1, "总则"), ("1.1", 2, "编制目的"), ("4", 1, "应急响应"), ("4.2", 2, "分级响应"),
                        ("4.2.1", 3, "Ⅳ级响应")]


@pytest.mark.parametrize("lines", [
    "序号 问题名称\n1 城区黑臭水体反弹问题\n2 工业园区污水直排问题\n",  # a table's rows, no decimal outline
    "12 某市人民政府公报\n",  # a page's head
    "4.22 世界地球日，市自然资源局负责组织主题宣传；\n6.5 世界环境日，市生态环境局负责举办主场活动；\n",  # days
    "完成雨污分流改造\n3.2 公里污水管网。\n",  # a quantity a line break cut
])
def test_numbers_at_a_lines_start_outside_a_decimal_outline_are_no_headings(lines):
    """The second reading's inputs: each made a decimal heading that took every 一、 after it
    under it (and a title ending in 问题 dropped the tasks after it)."""
    plan = ("某县整改方案\n一、存在的主要问题\n" + lines +
            "二、整改措施\n（一）开展黑臭水体整治。县住房城乡建设局牵头，2026年6月底前完成整治。\n")
    found = extract_text(plan)
    assert [(s.marker, s.level) for s in found.sections] == [("一、", 1), ("二、", 1), ("（一）", 2)]
    assert [t.title for t in found.tasks][-1] == "开展黑臭水体整治"


def test_an_items_own_words_after_a_duty_word_are_no_duty():
    """The second reading: under "（一）市水务局。", "1.牵头的城区污水管网改造项目进度滞后" reports a
    project; "1.负责科室：市政公用科" is a contact; neither is the office's duty."""
    plan = ("关于重点工作督查情况的通报\n一、整改要求\n（一）抓紧整改。市水务局要于2026年5月底前完成整改，市政府督查室负责跟踪督办。\n"
            "二、各单位推进情况\n（一）市水务局。\n1.牵头的城区污水管网改造项目进度滞后。\n2.承担的3项民生实事均未开工。\n"
            "三、联络员\n（一）市财政局。\n1.负责科室：经济建设科。\n")
    assert [(t.line, [r.name for r in t.lead]) for t in extract_text(plan).tasks if t.lead] == [(3, ["水务局"])]


def test_an_offices_heading_hands_its_office_to_the_paragraph_under_it():
    """The second reading: an 应急预案 writes each member's duties as a paragraph under a heading
    that names it ("2.2.1 市城市管理局" then "负责…"), and a 职责分工 may end its office's heading
    with a colon ("（一）市城市管理局：")."""
    plan = ("某市城市内涝灾害应急预案\n1 总则\n1.1 编制目的\n为做好城市内涝灾害应对，制定本预案。\n2 组织体系\n"
            "2.1 市指挥部\n市指挥部办公室设在市城市管理局，市城市管理局负责市指挥部日常工作。\n2.2 成员单位职责\n"
            "2.2.1 市应急管理局\n负责统筹协调城市内涝灾害应急救援工作。\n"
            "3 职责分工\n3.1 其他事项\n（一）市气象局：\n1.负责城市暴雨天气的监测预报。\n")
    found = {t.line: [r.name for r in t.lead] for t in extract_text(plan).tasks}
    assert found[10] == ["应急管理局"] and found[14] == ["气象局"]


def test_a_phase_of_whole_months_and_an_offices_duties_heading():
    """The second reading's forms: "排查摸底阶段（2026年4—5月）" (the months alone) is due at the
    second month's end; "（二）市财政局职责" names the office whose duties the items under it are."""
    plan = ("一、实施步骤\n（一）排查摸底阶段（2026年4—5月）。各乡镇开展排查（县住建局负责）。\n二、职责分工\n"
            "（一）市住建局。负责统筹。\n（二）市财政局职责\n1.负责统筹安排财政资金。\n")
    found = {t.line: ([r.name for r in t.lead], [d.date for d in t.deadlines]) for t in extract_text(plan).tasks}
    assert found[2] == (["住建局"], ["2026-05-31"]) and found[6] == (["财政局"], [])


# -- seventh session: a town's plan, a field line after an item's own clause ---------------------

TOWN = "江背镇2026年工作方案\n\n三、重点任务\n\n{}\n"


@pytest.mark.parametrize(("item", "expected"), [
    # township-work-plan-2026 lines 41 and 47: the short labels 牵头： / 配合：, the town's offices and its villages
    ("2.开展问题厕所排查整改。建立台账。（牵头：镇农业农村服务中心；配合：镇卫生院、各村（社区））",
     ("开展问题厕所排查整改", ["农业农村服务中心"], ["卫生院"], ["各村(社区)"])),
    # line 76: a town's office by its level and suffix (镇 + 财政所)
    ("（二）强化资金保障。镇财政所负责统筹县级奖补资金和镇级财政资金。", ("强化资金保障", ["财政所"], [], [])),
    # line 37: 责任单位 with the villages among them
    ("1.扎实推进户厕改建。新建户厕320户。\n责任单位：镇农业农村服务中心、各村（社区）",
     ("扎实推进户厕改建", ["农业农村服务中心"], [], ["各村(社区)"])),
    # a place whose name opens with 镇 or 乡 keeps it; 乡村 is no level
    ("1.推进工作。镇江市生态环境局负责。", ("推进工作", ["镇江市生态环境局"], [], [])),
    ("1.推进工作。县乡村振兴局负责。", ("推进工作", ["乡村振兴局"], [], [])),
])
def test_a_towns_offices_and_villages(item, expected):
    assert tasks(TOWN.format(item))[0] == expected


def test_a_deadline_field_under_an_item_whose_clause_is_in_its_words():
    # township-work-plan-2026 line 48: "…由镇综合行政执法队负责，…配合。" then "完成时限：长期坚持"
    doc = extract_text(TOWN.format("6.集中清理。开展行动，由市城管局负责，市公安局配合。\n完成时限：2026年底前\n"
                                   "7.推进绿化。新植苗木。\n责任单位：市农业农村局"))
    assert [[d.date for d in t.deadlines] for t in doc.tasks] == [["2026-12-31"], []]


def test_a_party_committee_and_government_of_the_same_places_are_one_unit():
    # city-party-joint-plan-2026 line 18: "各县（市、区）党委和政府负责落实" names the local party
    # committees and governments together; a bare 政府 after 和 has no place of its own
    found = tasks(ITEM.format("（市委组织部牵头，市民政局配合，各县（市、区）党委和政府负责落实）"))
    assert found[0][1:] == (["市委组织部"], ["民政局"], ["各县(市、区)党委和政府"])
    found = tasks(ITEM.format("（各县市人民政府和园区管委会负责）"))
    assert found[0][3] == ["各县市人民政府", "园区管委会"]


def test_a_person_named_in_brackets_after_an_office_is_no_part_of_its_name():
    # district-responsibility-list-2026 line 59
    found = tasks(ITEM.format("\n牵头单位：区人力资源和社会保障局\n责任单位：区财政局（责任人：孙某某，副局长）、区商务局（责任人：郑某某，副局长）"))
    assert found[0][1:3] == (["人力资源和社会保障局"], [])
    assert found[0][3] == ["财政局", "商务局"]


def test_a_party_committee_and_government_listed_with_a_pause_mark_are_one_unit():
    # province-rectification-2026 line 97: "各市州党委、政府"
    assert tasks(ITEM.format("（各市州党委、政府负责落实）"))[0][3] == ["各市州党委、政府"]


def test_a_project_lists_completion_date_is_its_deadline_and_its_leader_no_office():
    # county-key-projects-2026: 开工时间 says when work starts, 竣工时间 when it is due; 包联县领导 is a person
    text = ("某县2026年重点项目\n\n序号\t项目名称\t建设内容及规模\t开工时间\t竣工时间\t包联县领导\t责任单位\n"
            "1\t黄花菜产业园项目\t新建标准化厂房6万平方米、冷链仓储中心1座\t2026年3月\t2027年12月\t王志刚（副县长）\t县农业农村局\n")
    task = extract_text(text).tasks[0]
    assert [d.date for d in task.deadlines] == ["2027-12-31"]
    assert [r.name for r in task.lead] == ["农业农村局"]
    assert [(t.metric, str(t.value), t.unit) for t in task.targets] == [("标准化厂房", "6", "万平方米"), ("冷链仓储中心", "1", "座")]


def test_a_project_lists_units_first_leads_and_its_years_planned_investment_is_a_target():
    # county-key-projects-2026: "注：…责任单位有两个及以上的，列第一位者为牵头单位，其余为配合单位";
    # "2026年计划投资（万元）" is what the row is to invest in 2026, its 总投资 what the project costs
    text = ("某县2026年重点项目\n\n序号\t项目名称\t建设内容及规模\t总投资（万元）\t2026年计划投资（万元）\t竣工时间\t责任单位\n"
            "1\t铁矿资源综合利用项目\t建设选矿生产线\t98000\t25000\t2028年6月\t县自然资源局、县工业和信息化局、县应急管理局\n"
            "注：责任单位有两个及以上的，列第一位者为牵头单位，其余为配合单位。\n")
    task = extract_text(text).tasks[0]
    assert ([r.name for r in task.lead], [r.name for r in task.participants]) == (["自然资源局"], ["工业和信息化局", "应急管理局"])
    assert [(t.metric, t.comparator, str(t.value), t.unit, t.year, t.rule) for t in task.targets] == [
        ("计划投资", "=", "25000", "万元", 2026, "table.amount")]
    # without the convention every unit of the column leads, as the column says
    task = extract_text(text.rsplit("注", 1)[0]).tasks[0]
    assert [r.name for r in task.lead] == ["自然资源局", "工业和信息化局", "应急管理局"]


def test_field_lines_with_their_values_are_no_flattened_tables_header():
    # district-responsibility-list-2026 line 57: a heading, then "责任区领导：…", "牵头单位：…", "责任单位：…"
    # lines were taken for a table written one cell per line, and the item was lost
    found = tasks(TOWN.format("11.促进高质量充分就业\n责任区领导：吴某某（副区长）\n牵头单位：区人力资源和社会保障局\n"
                              "责任单位：区财政局（责任人：孙某某，副局长）、各镇街\n完成时限：2026年12月底前"))
    assert found == [("促进高质量充分就业", ["人力资源和社会保障局"], [], ["财政局", "各镇街"])]


def test_an_items_fields_after_its_clause_are_the_items():
    # city-pdf-extracted-2026 lines 77-80: "…按职责分工负责，…负责落实。责任领导：…。完成时限：长期坚持。" stood in a
    # paragraph of its own (a PDF copy) and became a task titled 责任领导; and "（牵头单位：…）。完成时限：…。"
    found = extract_text(TOWN.format("9.强化扬尘管控。严格落实施工工地要求。\n市住房和城乡建设局、市城管执法委按职责分工负责，"
                                     "各县（市、区）人民政府负责落实。责任领导：市政府副秘书长王某某。完成时限：长期坚持。"))
    assert [(t.title, [d.kind for d in t.deadlines]) for t in found.tasks] == [("强化扬尘管控", ["ongoing"])]
    found = extract_text(TOWN.format("10.加强秸秆管控。强化秸秆露天焚烧巡查（牵头单位：市生态环境局）。完成时限：2026年底前。"))
    assert [[d.date for d in t.deadlines] for t in found.tasks] == [["2026-12-31"]]


def test_a_work_target_field_after_the_units_fields_gives_the_tasks_targets():
    # district-responsibility-list-2026 line 57: the labelled clause runs on over "工作目标：…", whose numbers are the task's
    doc = extract_text(TOWN.format("11.促进高质量充分就业\n牵头单位：区人力资源和社会保障局\n完成时限：2026年12月底前\n"
                                   "工作目标：新增城镇就业1.8万人，城镇调查失业率控制在5%以内。"))
    assert [(t.comparator, str(t.value), t.unit, t.year) for t in doc.tasks[0].targets] == [
        ("increase", "1.8", "万人", 2026), ("<=", "5", "%", 2026)]


def test_an_indicator_tables_rate_unit_and_a_bound_word_after_the_value():
    # city-special-plan-14th-2021 表1: "城市建成区路网密度（公里/平方公里）" over "8", "…吞吐量（万人次）" over "300左右"
    text = ("某市综合交通运输“十四五”规划\n\n表1 主要指标\n序号\t指标\t2020年基期值\t2025年目标值\t属性\n"
            "1\t城市建成区路网密度（公里/平方公里）\t6.2\t8\t预期性\n2\t机场旅客吞吐量（万人次）\t126\t300左右\t预期性\n")
    found = [(t.metric, t.comparator, str(t.value), t.unit) for t in extract_text(text).targets]
    assert found == [("城市建成区路网密度", "=", "8", "公里/平方公里"), ("机场旅客吞吐量", "~", "300", "万人次")]


@pytest.mark.parametrize("name", ["镇海炼化公司", "镇江港务集团", "镇江海事局", "乡风文明办", "乡贤理事会", "镇街综治中心"])
def test_a_name_that_only_opens_with_镇_or_乡_keeps_it(name):
    # a second reading of the township level: places (镇江, 镇海) and words (乡风, 镇村) are no town's prefix
    ref = RULES.departments.resolve(name)
    assert (ref.name, ref.level) == (name, None)


def test_a_towns_villages_with_their_quoted_committees_carry_work_out():
    found = tasks(TOWN.format("6.落实保洁。建立台账。（牵头：镇农业农村服务中心；配合：各村（社区）“两委”）"))
    assert found[0][1:] == (["农业农村服务中心"], [], ["各村(社区)“两委”"])


def test_a_long_note_naming_a_contact_is_no_part_of_the_name():
    found = tasks(ITEM.format("\n牵头单位：区人社局\n责任单位：区财政局（联系人：王某，联系电话：86012345）、区商务局"))
    assert found[0][3] == ["财政局", "商务局"]


def test_a_groups_requirement_after_its_last_item_is_not_that_items():
    # "工作要求：…" under the last item of a group is the group's; "完成时限：…" would be the item's
    doc = extract_text(TOWN.format("（一）推进污水治理\n1.新建管网。由县住建局负责，县财政局配合。\n2.改造泵站。由县水利局负责。\n"
                                   "工作要求：2026年6月底前全部完工，确保新建管网50公里。\n（二）推进垃圾治理\n3.清运。由县城管局负责。"))
    assert [(t.title, [d.date for d in t.deadlines]) for t in doc.tasks] == [("新建管网", []), ("改造泵站", []), ("清运", [])]


def test_a_table_header_naming_a_leader_beside_the_units_is_still_the_units_column():
    text = ("某县2026年重点工作\n\n序号\t工作任务\t牵头单位及领导\t完成时限\n1\t推进污水管网建设\t县住建局（王某）\t2026年12月\n")
    task = extract_text(text).tasks[0]
    assert ([r.name[:3] for r in task.lead], [d.date for d in task.deadlines]) == (["住建局"], ["2026-12-31"])


def test_a_heading_of_a_style_that_holds_one_task_each_names_it_before_a_short_sentence():
    # province-water-plan-2016 line 19: "1.取缔“十小”企业。全面排查…小型工业企业。…" — the item's heading names its task;
    # in xinjiang "（一）狠抓工业污染防治。取缔“十小”企业。…（…）专项整治…。（…）" the headings of its style hold
    # several tasks, named by their lead-ins (../shared/gold)
    doc = extract_text(TOWN.format("（一）狠抓工业污染防治。\n1.取缔“十小”企业。全面排查装备水平低、环保设施差的小型工业企业。"
                                   "2016年底前，依法全部取缔。（省环保厅牵头）\n2.专项整治十大重点行业。制定专项治理方案。（省环保厅负责）"))
    assert [t.title for t in doc.tasks] == ["取缔“十小”企业", "专项整治十大重点行业"]


def test_a_tables_columns_parted_by_runs_of_spaces_that_do_not_line_up():
    # city-plan-space-columns-2026: a web table copied as text, its cells parted by two to eight spaces (some
    # ideographic), a wrapped cell's rest on the next line under its column (as wide characters stand on screen)
    row = "1   　推进城镇老旧小区改造     新开工改造城镇老旧小区200个以上，  　市住建局     市发改委、各县（市、区）　 2026年12月底前"

    def on_screen(words: str) -> int:  # (the columns a line's words take: a Chinese character two)
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in words)

    measures, partners = on_screen(row[:row.index("新开工")]), on_screen(row[:row.index("市发改委")])
    rest = " " * measures + "6月底前完成年度项目初步设计审批"
    rest += " " * (partners - on_screen(rest)) + "人民政府"
    text = ("泉州市2026年城市更新行动重点任务清单\n\n"
            "序号  　重点任务  　具体措施　　牵头单位  配合单位　 完成时限\n"
            "一、老旧小区和城中村改造\n" + row + "\n" + rest + "\n"
            "2    稳步推进城中村改造　 完成城中村改造项目12个    市住建局   　市财政局  　2026年11月底前\n")
    doc = extract_text(text)
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers],
             [d.date for d in t.deadlines]) for t in doc.tasks] == [
        ("推进城镇老旧小区改造", ["住建局"], ["发改委"], ["各县(市、区)人民政府"], ["2026-06-30", "2026-12-31"]),
        ("稳步推进城中村改造", ["住建局"], ["财政局"], [], ["2026-11-30"])]


def test_a_table_of_places_and_their_figures_gives_a_task_a_place():
    # city-targets-by-county-table-2026: a row names a place, its figures, and who answers for them; the note
    # says which figures are caps and which floors; the plan's own row (全市, no one named) is none
    text = ("附件\n各县（市、区）大气环境质量改善目标分解表\n"
            "县（市、区）\tPM2.5浓度目标（微克/立方米）\t优良天数比率目标（%）\t责任单位\n"
            "全市\t44\t68\t—\n红旗区\t45\t67\t红旗区人民政府、新乡高新区管委会\n卫滨区\t45\t67\t卫滨区人民政府\n"
            "注：PM2.5浓度目标为年度控制上限，优良天数比率目标为年度控制下限。\n")
    doc = extract_text(text)
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.implementers],
             [(g.comparator, str(g.value), g.unit) for g in t.targets]) for t in doc.tasks] == [
        ("红旗区", ["红旗区人民政府"], ["新乡高新区管委会"], [("<=", "45", "微克/立方米"), (">=", "67", "%")]),
        ("卫滨区", ["卫滨区人民政府"], [], [("<=", "45", "微克/立方米"), (">=", "67", "%")])]


@pytest.mark.parametrize(("clause", "expected"), [
    # county-work-report-division-2026: a leader named by level is a person, no unit
    ("（牵头县领导：曾庆林；责任单位：县发展改革局、县财政局）", (["发展改革局", "财政局"], [], [])),
    # city-targets-by-county-table-2026 line 29: 分别牵头
    ("（市公安局交警支队、市生态环境局分别牵头，长期坚持）", (["公安局交警支队", "生态环境局"], [], [])),
])
def test_clauses_of_this_sessions_last_plans(clause, expected):
    assert tasks(ITEM.format(clause))[0][1:] == expected


def test_a_supervision_notices_report_of_the_quarter_holds_no_tasks():
    # province-supervision-notice-2026: "二、成效明显的地区和部门" reports what offices did
    doc = extract_text("一、总体情况\n一季度，全省完成投资1083亿元。\n二、成效明显的地区和部门\n"
                       "（一）大气污染治理成效明显。省生态环境厅牵头开展联合执法，一季度下降11.2%。\n"
                       "三、下一步工作要求\n（一）加快项目建设。二季度末开工率达到90%以上。（省发展改革委牵头）\n")
    assert [t.title for t in doc.tasks] == ["加快项目建设"]


# -- a second reading of the session's later changes (a helper's findings, with its inputs) -------------

def test_an_items_measures_and_deadline_fields_are_the_items():
    doc = extract_text("一、整改任务\n1.部分乡镇污水处理设施运行不正常。（责任单位：县住建局，配合单位：县生态环境局）\n"
                       "整改措施：开展全面排查，完成整改设施15座。\n完成时限：2026年6月底前\n"
                       "2.农村黑臭水体治理进度滞后。（责任单位：县生态环境局）\n整改措施：完成黑臭水体治理8条。\n完成时限：2026年10月底前\n")
    assert [([str(g.value) for g in t.targets], [d.date for d in t.deadlines]) for t in doc.tasks] == [
        (["15"], ["2026-06-30"]), (["8"], ["2026-10-31"])]


def test_a_table_of_places_reads_its_columns_of_targets_only_and_its_place_after_an_index():
    text = ("附件\n分解表\n序号\t乡镇\t行政村数（个）\t2025年已改厕（户）\t2026年新增改厕（户）\t责任单位\n"
            "1\t城关镇\t18\t3100\t800\t城关镇人民政府\n2\t原阳县\t12\t2000\t500\t原阳县人民政府、县交通运输局\n")
    assert [(t.title, [r.name for r in t.lead], [(str(g.value), g.unit) for g in t.targets]) for t in extract_text(text).tasks] == [
        ("城关镇", ["城关镇人民政府"], [("800", "户")]), ("原阳县", ["原阳县人民政府", "交通运输局"], [("500", "户")])]


def test_a_policy_interpretation_label_does_not_end_the_plan():
    doc = extract_text("一、重点任务\n（一）加强宣传。\n政策解读：由市发改委会同有关部门做好政策解读。（市发改委牵头）\n"
                       "（二）加强督查。开展督查3轮。（市政府督查室牵头）\n")
    assert [t.title for t in doc.tasks][-1] == "加强督查"


@pytest.mark.parametrize(("name", "expected"), [("镇平安办", "平安办"), ("镇村建办", "村建办"), ("镇平县人民政府", "镇平县人民政府")])
def test_a_towns_offices_that_open_like_a_place(name, expected):
    assert RULES.departments.resolve(name).name == expected


def test_a_row_of_a_spaced_table_with_an_empty_cell_is_read_and_a_row_number_is_its_own_column():
    text = ("某县方案\n\n序号  重点任务  牵头单位  配合单位  完成时限\n1  推进污水管网建设  市住建局  市财政局  2026年12月底前\n"
            "2  推进公园建设  市园林局  市财政局  2026年10月底前\n3  实施城市道路微循环改造  市交通局    2026年6月底前\n"
            "4  推进停车场建设  市城管局  市公安局  2026年9月底前\n")
    assert [t.title for t in extract_text(text).tasks] == ["推进污水管网建设", "推进公园建设", "实施城市道路微循环改造", "推进停车场建设"]


def test_a_date_that_says_when_the_things_worked_on_were_built_is_no_deadline():
    # city-duty-division-2026 line 20: "聚焦2000年底前建成、基础设施老化的住宅小区" — and the plan's "6月底前" is 2026's
    doc = extract_text("芜湖市2026年城市更新行动实施方案\n一、重点任务\n1.推进城镇老旧小区改造。聚焦2000年底前建成、基础设施老化的住宅小区，"
                       "2026年新开工改造120个，6月底前全部开工。（牵头单位：市住房和城乡建设局）\n")
    assert [d.date for d in doc.tasks[0].deadlines] == ["2026-06-30"]


def test_an_indicator_table_naming_a_lead_for_each_indicator_gives_tasks_and_the_plans_targets():
    # province-no-waste-city-2024: 序号 / 一级指标 / 二级指标 / 单位 / 2023年现状值 / 2025年目标值 / 指标属性 / 牵头单位
    text = ("附件\n安徽省“无废城市”建设指标体系\n序号\t一级指标\t二级指标\t单位\t2023年现状值\t2025年目标值\t指标属性\t牵头单位\n"
            "1\t工业源头减量\t一般工业固体废物综合利用率\t%\t68.5\t≥70\t约束性\t省经济和信息化厅\n"
            "2\t\t工业固体废物产生强度\t吨/万元\t0.62\t≤0.58\t预期性\t省经济和信息化厅、省生态环境厅\n")
    doc = extract_text(text)
    assert [(t.title, [r.name for r in t.lead], [(g.comparator, str(g.value)) for g in t.targets]) for t in doc.tasks] == [
        ("一般工业固体废物综合利用率", ["经济和信息化厅"], [(">=", "70")]),
        ("工业固体废物产生强度", ["经济和信息化厅", "生态环境厅"], [("<=", "0.58")])]
    assert [(t.metric, t.comparator, str(t.value)) for t in doc.targets] == [
        ("一般工业固体废物综合利用率", ">=", "70"), ("工业固体废物产生强度", "<=", "0.58")]


def test_a_row_under_a_column_of_one_years_goals_is_due_then_and_its_goal_read():
    # prefecture-river-water-quality-2025: "2025年水质目标" over "Ⅳ类（总磷≤0.3mg/L）"; the note's 列第一位者为牵头单位
    # makes the first of the row's governments its lead
    text = ("附件\n断面水质目标及责任分工表\n序号\t断面名称\t所在河流\t2025年水质目标\t责任单位\n"
            "1\t下司\t清水江\tⅢ类\t麻江县人民政府\n2\t龙头河入清水江口\t龙头河\tⅣ类（总磷≤0.3mg/L）\t凯里市人民政府、黄平县人民政府\n"
            "注：责任单位有两个及以上的，列第一位者为牵头单位。\n")
    doc = extract_text(text)
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [d.date for d in t.deadlines],
             [(g.comparator, str(g.value), g.unit) for g in t.targets]) for t in doc.tasks] == [
        ("下司", ["麻江县人民政府"], [], ["2025-12-31"], []),
        ("龙头河入清水江口", ["凯里市人民政府"], ["黄平县人民政府"], ["2025-12-31"], [("<=", "0.3", "mg/L")])]


# -- a third reading (a helper's findings on the session's last changes) -----------------------------

def test_a_third_reading_of_the_last_table_changes():
    # the first listed unit leads whatever its kind; a level's governments (乡镇人民政府) carry the work out;
    # a goal cell's own dates come before its column's year
    text = ("附件\n表\n序号\t断面名称\t2025年水质目标\t责任单位\n1\t思旸\tⅢ类\t岑巩县人民政府、州生态环境局岑巩分局\n"
            "2\t下司\tⅢ类\t乡镇人民政府、麻江县人民政府\n3\t甲\t2024年6月底前完成改造30个，2025年底前全部完成\t县住建局\n"
            "注：排在首位的为牵头单位。\n")
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers],
             [d.date for d in t.deadlines]) for t in extract_text(text).tasks] == [
        ("思旸", ["岑巩县人民政府"], ["生态环境局岑巩分局"], [], ["2025-12-31"]),
        ("下司", ["麻江县人民政府"], [], ["乡镇人民政府"], ["2025-12-31"]),
        ("甲", ["住建局"], [], [], ["2024-06-30", "2025-12-31"])]
    # an indicator's name, not its unit's column, names the row
    text = ("附件\n表\n序号\t指标名称\t指标单位\t2020年现状值\t2025年目标值\t牵头单位\n"
            "1\t一般工业固体废物综合利用率\t%\t85\t≥90\t市工信局\n2\t森林覆盖率\t%\t40\t≥45\t市林业局\n")
    assert [t.title for t in extract_text(text).tasks] == ["一般工业固体废物综合利用率", "森林覆盖率"]
