"""The forms other offices write their tasks in, each pinned by the real snippet
that motivated it (tests/data/wild/texts and the 8 long plans in
tests/data/wild/full; the file is named in each case)."""

from __future__ import annotations

import pytest

from policyx import InputError, extract_text, load_rules
from policyx.extract.clauses import ClauseContext, find_clauses
from policyx.text.normalize import Normalized, comparable

RULES = load_rules()


def clause(text: str, context: ClauseContext | None = None):
    found = find_clauses(comparable(text), 0, RULES.departments, RULES.responsibility, context)
    assert found, f"no clause in {text!r}"
    p = found[-1].parsed
    return [r.name for r in p.lead], [r.name for r in p.participants], [r.name for r in p.implementers]


def tasks(text: str):
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers])
            for t in extract_text(text).tasks]


# -- the grammar of a clause -------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # xiangxi-fangguanfu-2020, line 9: 责任单位 beside 牵头单位 carries out; 6月底完成 is a time, not a unit
    ("(牵頭單位:州行政審批服務局;責任單位:州司法局、州委編辦及州直相關單位,各縣市人民政府、湘西經開區管委會,6月底完成)",
     (["行政审批服务局"], [], ["司法局", "州委编办", "州直相关单位", "各县市人民政府", "湘西经开区管委会"])),
    # gangcheng-fangguanfu-2021, line 9: 〔〕, a comma between labels, a unit with brackets inside
    ("〔牵头单位:区政府办公室,责任单位:区政府有关部门,各街道(功能区)〕", (["政府办公室"], [], ["政府有关部门", "各街道(功能区)"])),
    # jilin-energy-2006, line 1: governments alone carry out, they do not lead
    ("(各市、州政府及长白山管委会负责)", ([], [], ["各市、州政府", "长白山管委会"])),
    # jilin-energy-2006, line 6: what the list answers for, before 由
    ("(省政府的奖励工作由省发展改革委、省人事厅、省财政厅负责)", (["发展改革委", "人事厅", "财政厅"], [], [])),
    # kaifeng-air-2025, line 12: 按职责分工负责 + 具体落实
    ("(市工业和信息化局、市发展改革委、市生态环境局按职责分工负责,各县区政府、城乡一体化示范区管委会具体落实)",
     (["工业和信息化局", "发展改革委", "生态环境局"], [], ["各县区政府", "城乡一体化示范区管委会"])),
    # mwr-water-2012, line 1: 负责 … 配合
    ("(水资源司、各流域管理机构、各省级水行政主管部门负责,各有关单位配合)",
     (["水资源司", "各流域管理机构", "各省级水行政主管部门"], ["各有关单位"], [])),
    # ndrc-ghg-division-2017, line 23: two labels in one phrase, a space between
    ("(牵头单位:能源局 参加单位:发展改革委、国资委)", (["能源局"], ["发展改革委", "国资委"], [])),
    # ndrc-ghg-division-2017, line 21: a note after the list is no unit
    ("(负责单位:发展改革委、能源局、国务院其他有关部门。未明确牵头单位的,由所列负责单位按职责分工负责,下同)",
     (["发展改革委", "能源局", "国务院其他有关部门"], [], [])),
    # huanggang-dust-2021, line 5: a stray 、等 before the role word
    ("(市住建局、市交通运输局、市水利和湖泊局、等按职责分工负责。)", (["住建局", "交通运输局", "水利和湖泊局"], [], [])),
    # national-fangguanfu-task-division-2020: 及 between a department list and 各地区
    ("（国务院办公厅牵头，国务院相关部门及各地区按职责分工负责）", (["国务院办公厅"], ["国务院相关部门"], ["各地区"])),
    # chuzhou-govwork-2024, line 18: a place before a shared office stays with it
    ("协同责任单位:市农业农村局、市住建局,滁州经开区、中新苏滁高新区管委会,各县、市、区人民政府。",
     ([], ["农业农村局", "住建局"], ["滁州经开区、中新苏滁高新区管委会", "各县、市、区人民政府"])),
    # hebei-economy-stabilization-2022: 牵头部门 + a 配合 list with governments
    ("(牵头部门:省生态环境厅,省税务局、各市(含定州、辛集市)政府、雄安新区管委会配合)",
     (["生态环境厅"], ["税务局"], ["各市(含定州、辛集市)政府", "雄安新区管委会"])),
    # baotou-digital-gov-evaluation-2022: a state of work before the label
    ("（持续推进，牵头考核单位：市委宣传部、市政府办公室）", (["市委宣传部", "政府办公室"], [], [])),
    # sichuan-govservice-2025, line 13: a unit with its own brackets, 等部门(单位) dropped
    # hebei-sci-tech-reform-2015, item 56: a place-like short name before a list that ends in no office
    ("（省科技部门牵头，省财政、发展改革等相关部门参加）", (["科技部门"], ["省财政", "发展改革"], [])),
    ("〔省发展改革委(省数据局)、科技厅、省市场监管局等部门(单位)和各市(州)人民政府按职责分工负责〕",
     (["发展改革委(省数据局)", "科技厅", "市场监管局"], [], ["各市(州)人民政府"])),
])
def test_clause_forms(text, expected):
    assert clause(text) == expected


def test_first_listed_leads_and_it_carries_forward():
    # shandong-education-14fyp-2021: "列第一位者为牵头部门，下同"
    context = ClauseContext()
    first = clause("（省委教育工委、省委宣传部、团省委负责，列第一位者为牵头部门，下同）", context)
    later = clause("（省教育厅、省体育局、省卫生健康委负责）", context)
    assert first == (["省委教育工委"], ["省委宣传部", "团省委"], [])
    assert later == (["教育厅"], ["体育局", "卫生健康委"], [])


def test_a_standing_clause_of_another_wording():
    # sichuan-govservice-2025, line 13: 以下均需…落实,不再列出 in 〔〕 after 按职责分工负责
    found = find_clauses(comparable("〔省发展改革委、科技厅按职责分工负责。以下均需各市(州)人民政府落实,不再列出〕"), 0,
                         RULES.departments, RULES.responsibility)
    assert [r.name for r in found[0].parsed.standing] == ["各市(州)人民政府"]


def test_a_persons_name_is_no_unit():
    # chuzhou-govwork-2020, line 14: 牵头负责领导:金力。
    assert find_clauses(comparable("牵头负责领导:金力。"), 0, RULES.departments, RULES.responsibility) == []


def test_an_attribution_in_prose():
    # hebei-sci-tech-reform-2015: "成立由省科技部门牵头，省财政、发展改革等相关部门参加的…联席会议"
    found = find_clauses(comparable("成立由省科技部门牵头，省财政、发展改革等相关部门参加的科技计划管理联席会议。"), 0,
                         RULES.departments, RULES.responsibility)
    assert found and found[0].form == "prose" and [r.name for r in found[0].parsed.lead] == ["科技部门"]


# -- where a task begins and ends --------------------------------------------------------


def test_clause_lines_after_an_item_are_its_clause():
    # chuzhou-govwork-2020, lines 12-18
    text = ("一、确保完成全年主要预期目标\n\n    1. 地区生产总值增长8%以上。\n\n    牵头负责领导:金力。\n\n"
            "    牵头责任单位:市发展改革委。\n\n    协同责任单位:市经信局、市商务局、滁州经开区管委会等,各县、市、区政府。\n")
    assert tasks(text) == [("地区生产总值增长8%以上", ["发展改革委"], ["经信局", "商务局"],
                            ["滁州经开区管委会", "各县、市、区政府"])]


def test_a_label_line_under_a_heading():
    # caidian-govwork-2023, lines 29-31
    assert tasks("(一)地区生产总值增长7%以上\n\n责任单位:区发展和改革局\n") == [("地区生产总值增长7%以上", ["发展和改革局"], [], [])]


def test_several_clauses_on_one_line_are_several_tasks():
    # shandong-air-2018, line 2
    text = ("坚持从实际出发,宜电则电、宜气则气,确保群众安全取暖过冬。(省发展改革委、省煤炭工业局牵头)"
            "做好各类集中式清洁供暖污染物排放标准制定的监管工作。(省环保厅牵头)\n")
    assert [(t, lead) for t, lead, _, _ in tasks(text)] == [
        ("坚持从实际出发", ["发展改革委", "煤炭工业局"]), ("做好各类集中式清洁供暖污染物排放标准制定的监管工作", ["环保厅"])]


def test_a_measure_over_several_paragraphs_has_one_closing_clause():
    # jian-air-2018, lines 3-5
    text = ("吉安市打贏藍天保衛戰三年行動計劃發布\n2018-12-03\n深化燃煤鍋爐治理。加快推進集中供熱。\n"
            "加大工業園區燃煤鍋爐實施煤改清潔能源,加快淘汰燃煤鍋爐。\n"
            "嚴把準入關,縣級以上城市建成區不再審批燃煤鍋爐。(責任部門:市環保局、市工信委、各縣(市、區)人民政府)\n")
    doc = extract_text(text)
    assert [(t.line, t.title) for t in doc.tasks] == [(3, "深化燃煤鍋爐治理")]
    assert [r.name for r in doc.tasks[0].implementers] == ["各县(市、区)人民政府"]


def test_a_heading_alone_names_the_task_whose_words_have_no_lead_in():
    # mwr-water-2012, lines 4-6
    text = ("(4)核定水功能区纳污能力,明确限制排污总量意见。\n"
            "2012年底前,完成全国重要江河湖泊水功能区纳污能力核定。(水资源司负责,各有关单位配合)\n"
            "水利部定期编发水功能区水质状况通报。(水资源司、各流域管理机构负责,各有关单位配合)\n")
    assert [(t.line, t.title) for t in extract_text(text).tasks] == [
        (1, "核定水功能区纳污能力,明确限制排污总量意见"), (3, "水利部定期编发水功能区水质状况通报")]


def test_items_run_together_on_one_line_are_read_as_items():
    # national-fangguanfu-task-division-2020: no line breaks, markers glued to the words before them
    text = ("现制定如下分工方案。一、把实施好宏观政策和深化“放管服”改革结合起来，提高宏观政策实施的时效性和精准性"
            "（一）研究将财政资金直达机制实施中的好做法制度化，落实减税降费政策。（财政部、税务总局等国务院相关部门按职责分工负责）"
            "（二）创新实施宏观政策。（国家发展改革委牵头，国务院相关部门及各地区按职责分工负责）具体措施：1．2020年底前制定实施意见。"
            "（国家发展改革委牵头，国务院相关部门按职责分工负责）")
    doc = extract_text(text)
    assert [s.marker for s in doc.sections] == ["一、", "（一）", "（二）", "1．"]
    assert [(t.title, [r.name for r in t.lead]) for t in doc.tasks] == [
        ("研究将财政资金直达机制实施中的好做法制度化，落实减税降费政策", ["财政部", "税务总局"]),
        ("创新实施宏观政策", ["国家发展改革委"]),
        ("2020年底前制定实施意见", ["国家发展改革委"]),
    ]


def test_paragraphs_separated_by_two_ideographic_spaces():
    # hebei-resume-production-2021: a crawler kept "　　" between paragraphs
    text = ("一、坚持安全有序推进复工复产　　（一）科学精准落实疫情防控措施。坚持分区分级。（责任单位：省卫生健康委，各市政府）"
            "　　（二）全力保障企业用工。加强用工监测。（责任单位：省人力资源社会保障厅）")
    assert [(t, lead, impl) for t, lead, _, impl in tasks(text)] == [
        ("科学精准落实疫情防控措施", ["卫生健康委"], ["各市政府"]), ("全力保障企业用工", ["人力资源社会保障厅"], [])]


def test_an_item_whose_clause_was_removed_is_reported_not_counted():
    # most items carry a clause: the one that does not is what CI is for; one
    # task per attribution clause (the gold conventions), so it is no task
    text = ("一、主要任务\n1.推进水污染防治。（市环保局负责）\n2.推进土壤污染防治。完成详查。\n3.推进大气污染防治。（市环保局负责）\n")
    doc = extract_text(text)
    assert [t.title for t in doc.tasks] == ["推进水污染防治", "推进大气污染防治"]
    assert [(w.code, w.line) for w in doc.warnings] == [("task-without-clause", 3)]
    assert "推进土壤污染防治" in doc.warnings[0].message


def test_a_plan_whose_tasks_are_its_tables_rows_does_not_say_it_has_none():
    # luan-govwork-2022 (a new user's trial: 2 tasks, and "no task found although the plan has 1 numbered heading")
    from pathlib import Path

    doc = extract_text((Path(__file__).parent / "data/wild/texts/luan-govwork-2022.txt").read_text(encoding="utf-8"))
    assert doc.tasks and all(t.source == "table" for t in doc.tasks)
    assert "no-tasks" not in [w.code for w in doc.warnings]


def test_a_plan_with_clauses_and_no_task_says_why():
    doc = extract_text("（市环保局负责）\n")
    assert any(w.code == "no-tasks" and "clause" in w.message for w in doc.warnings)


# -- tables in the forms web copies give them -----------------------------------------------


def test_a_table_with_pipes():
    # cangnan-livelihood-2023, lines 5-6
    text = ("序號 | 項目內容 | 工作進度安排 | 牽頭單位 |\n"
            "1 | 完成“縣中崛起”。 | 第一季度:舉行結對儀式; 第四季度(11月份):組織開展教研活動。 | 縣教育局 |\n")
    doc = extract_text(text, date="2023-04-10")
    (task,) = doc.tasks
    assert (task.source, task.title, [r.name for r in task.lead]) == ("table", "完成“縣中崛起”", ["教育局"])
    assert [d.date for d in task.deadlines] == ["2023-03-31", "2023-11-30"]


def test_a_table_one_cell_per_line_ending_in_a_bar():
    # chongchuan-livelihood-2023: empty cells lost, so departments are put back by what they hold
    text = ("序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n责任主体与协同单位 |\n1-10月推进情况 |\n"
            "24 |\n优化提升50条背街后巷交通组织。 |\n徐国江 |\n城管局 |\n市政局、相关街道 |\n已进场施工,完成30%。 |\n||\n"
            "25 |\n新增四分类达标小区210个。 |\n徐国江 |\n城管局 |\n市政局、环卫处、崇川经济开发区、各街道 |\n")
    assert [(t, lead, impl) for t, lead, _, impl in tasks(text)] == [
        ("优化提升50条背街后巷交通组织", ["城管局"], ["市政局", "相关街道"]),
        ("新增四分类达标小区210个", ["城管局"], ["市政局", "环卫处", "崇川经济开发区", "各街道"]),
    ]


def test_a_table_one_cell_per_line_with_a_group_row():
    # luan-govwork-2022, lines 14-36
    text = ("2022年重点工作及责任清单\n\n序号\n\n重点工作\n\n牵头责任单位\n\n协同责任单位\n\n任务来源\n\n"
            "一、潘东旭市长负责事项(共9项)\n\n1\n\n全面延伸“双招双引”,继续坚持“顶格倾听”。\n\n市政府办\n\n"
            "市政府各部门、各直属机构\n\n皖政〔2022〕9号文件\n")
    doc = extract_text(text)
    (task,) = doc.tasks
    assert (task.title, [r.name for r in task.lead], [r.name for r in task.participants]) == (
        "全面延伸“双招双引”,继续坚持“顶格倾听”", ["政府办"], ["政府各部门", "各直属机构"])


# -- the working copy ---------------------------------------------------------------------


def test_html_entities_are_decoded():
    # two departments glued by an entity: "&#12289;" is 、
    (task,) = extract_text("一、总则\n（一）工业。取缔小企业。（市发改委&#12289;市环保局牵头）\n").tasks
    assert [r.name for r in task.lead] == ["发改委", "环保局"]
    assert task.lead[1].raw == "市环保局"


def test_pinyin_glosses_are_read_through_and_kept_in_the_raw_text():
    # neimenggu-air-2018, line 15
    text = "(三十一)嚴格考核問責(zé)。制定考核辦法。(自治區(qū)環(huán)境保護廳牽頭;相關(guān)部門參與)\n"
    doc = extract_text(text)
    (task,) = doc.tasks
    assert [r.name for r in task.lead] == ["环境保护厅"]
    assert task.lead[0].raw == "自治區(qū)環(huán)境保護廳"
    assert text[task.span[0]:task.span[1]] == task.text
    assert doc.sections[0].title == "嚴格考核問責(zé)"


@pytest.mark.parametrize("text, ends", [
    ("(一)狠抓工业污染防治.取缔\"十小\"企业.", [11, 20]),  # xinjiang-water-2016, every stop half-width
    ("农田灌溉水有效利用系数达到0.57.(自治区水利厅牵头)", [17]),  # a decimal, then the clause
    ("推进IPV6互联网出口扩容至5G.加快市党政机关办公楼", [16]),  # baotou-digital-gov x1
    ("资产家底\"心中有数\".提供国有资产数据", [10]),  # baotou x1: straight quotes
    ("比2013年下降30%.到2020年", [11]),
    ("一.总体要求\n二.主要任务", []),  # a heading's marker
    ("(一).强化组织领导\n第一章.总则", []),
    ("PM2.5浓度下降1.5个百分点,详见www.gov.cn", []),  # numbers, an address
    ("加强组织领导...", []),  # an ellipsis
    ("专栏一.重点工程\n附件一.重点任务分工表\nA.加强领导\n(A).推进", []),  # markers (a second reading of the change)
    ("详见http://www.hebei.gov.cn/政策文件.html", []),  # an address
])
def test_a_half_width_full_stop_ends_a_sentence(text, ends):
    working = Normalized(text).text
    assert [i for i, ch in enumerate(working) if ch == "。"] == ends
    assert len(working) == len(text)


def test_working_copy_maps_back_to_the_original():
    from policyx.extract.pipeline import noise_rules

    norm = Normalized("甲&#12289;乙環(huán)保", noise_rules(RULES))
    assert norm.text == "甲、乙環保"  # (too few traditional characters to convert)
    assert norm.original_span(1, 2) == (1, 9)  # the entity, all 8 characters of it
    assert norm.source[3:5] == "環(huán)保"


# -- forms found on the second blind excerpts of the long plans (tests/data/annotated, x2) --------


def test_an_item_run_onto_its_heading_after_two_spaces_is_its_own_task():
    # hebei-economy-stabilization-2022 (x2): "一、…力度　　1.加大…" on one line
    text = ("一、加大退税减税政策实施力度　　1.加大增值税留抵退税政策力度,对批发和零售业等7个行业企业,按月全额退还增量留抵税额。"
            "(省财政厅、省税务局负责)　　2.抓紧办理小微企业留抵退税。(省税务局、省财政厅负责)")
    found = tasks(text)
    assert [t[0] for t in found] == ["加大增值税留抵退税政策力度,对批发和零售业等7个行业企业,按月全额退还增量留抵税额",
                                     "抓紧办理小微企业留抵退税"]


def test_an_item_that_names_a_document_is_no_task():
    # hebei-economy-stabilization-2022: the list of the documents the plan sends
    text = ("一、1个总文件　　1.关于扎实稳定全省经济运行的一揽子政策措施　　二、20个配套文件　　"
            "1.关于稳住经济的三十条财政政策措施　　2.关于稳定经济十条货币金融政策措施　　"
            "关于扎实稳定全省经济运行的一揽子政策措施　　一、加快落实财税政策　　"
            "1.加大增值税留抵退税政策力度。在落实已出台的制造业等6个行业企业增值税留抵退税政策基础上,对批发和零售业,"
            "按月全额退还增量留抵税额。(省财政厅、省税务局负责)")
    assert [t[0] for t in tasks(text)] == ["加大增值税留抵退税政策力度"]


def test_a_title_runs_to_the_full_stop_not_to_a_semicolon():
    # hebei-economy-stabilization-2022 (x2), item 8
    text = ("二、加快财政支出进度　　7.加大盘活存量资金力度。(省财政厅负责)　　8.加大财力下沉力度,重点对困难地区倾斜;"
            "结合留抵退税等需要,阶段性调整为逐月预拨。(省财政厅会同有关部门负责)")
    assert tasks(text)[1][0] == "加大财力下沉力度,重点对困难地区倾斜;结合留抵退税等需要,阶段性调整为逐月预拨"


def test_markers_an_excerpt_opens_midway_are_read_when_they_run_on():
    # national-fangguanfu-task-division-2020 (x1): the copy starts at （五）, glued to the heading before it
    text = ("二、放要放出活力、放出创造力（五）系统梳理现有各层级审批，分类推进改革。（国务院办公厅牵头，各地区负责）"
            "（六）大幅精简各类重复审批。（国务院办公厅牵头，各地区负责）")
    doc = extract_text(text)
    assert [s.marker for s in doc.sections] == ["二、", "（五）", "（六）"]
    assert [t.title for t in doc.tasks] == ["系统梳理现有各层级审批，分类推进改革", "大幅精简各类重复审批"]


def test_a_label_that_opens_a_measure_is_no_part_of_its_title():
    # national-fangguanfu-task-division-2020 (x2), （二十三）
    text = ("（二十三）支持地方探索创新，鼓励地方从当地实际出发，先行先试推进“放管服”改革。通过综合授权等方式，支持地方深化"
            "“放管服”改革。（国务院职能转变协调办牵头，国务院相关部门及相关地区按职责分工负责）具体措施：2021年3月底前设立"
            "首批营商环境创新试点城市，对标国际先进和最佳实践，聚焦市场主体和群众关切。（国务院职能转变协调办牵头，"
            "国务院相关部门及相关地区按职责分工负责）")
    assert tasks(text)[1][0] == "2021年3月底前设立首批营商环境创新试点城市"


def test_a_standing_clause_holds_within_its_own_document_of_a_package():
    # hebei-economy-stabilization-2022: twenty documents in one file; 以下均需… in the ninth
    text = ("关于稳住全省工业经济大盘的五条政策措施　　一、加快项目建设。推进技改项目。(省工业和信息化厅,各市(含定州、辛集市,"
            "下同)政府,雄安新区管委会负责。以下均需各市政府、雄安新区管委会落实,不再列出)　　二、稳定产业链。保障重点企业生产。"
            "(省工业和信息化厅负责)　　关于扎实推进农业经济发展的十四条政策措施　　一、稳定粮食生产。落实耕地地力保护补贴。(省农业农村厅负责)")
    implementers = [t[3] for t in tasks(text)]
    assert implementers == [["各市(含定州、辛集市,下同)政府", "雄安新区管委会"], ["各市政府", "雄安新区管委会"], []]


def test_a_standing_clause_is_for_the_tasks_below_when_its_own_names_its_implementers():
    # hebei-economy-stabilization-2022 x5, 就业 一 (blind gold): 以下均需 hands the governments to the tasks below;
    # the task that says it names its own, a shared-suffix group over an aside in brackets kept whole
    text = ("一、鼓励企业吸纳就业。给予岗位补贴。(省人力资源社会保障厅、省财政厅等按职责分工负责,各市(含定州、辛集市,下同)、"
            "县(市、区)政府和雄安新区管委会落实。以下均需各市、县政府和雄安新区管委会落实,不再列出)　　二、拓宽基层就业空间。"
            "开发基层岗位。(省人力资源社会保障厅负责)")
    implementers = [t[3] for t in tasks(text)]
    assert implementers == [["各市(含定州、辛集市,下同)、县(市、区)政府", "雄安新区管委会"], ["各市、县政府", "雄安新区管委会"]]


def test_a_standing_clause_gives_its_units_to_its_own_task_when_it_names_none():
    # huanggang-dust-2021, line 5 (wild gold): the holding task's implementers are the standing clause's
    text = ("(一)严格落实施工扬尘防治要求。强化工地管理。(市住建局、市交通运输局等按职责分工负责。以下均需各县市区政府、"
            "高新区管委会落实,不再单独列出)\n(二)加强道路扬尘治理。(市城管执法委负责)\n")
    implementers = [t[3] for t in tasks(text)]
    assert implementers == [["各县市区政府", "高新区管委会"], ["各县市区政府", "高新区管委会"]]


def test_items_of_the_closing_guarantees_need_no_clause():
    """hebei-resume-production-2021: "十、加强复工复产工作组织保障" holds
    "（一）强化责任落实" and its like with no clause, as closing guarantees do;
    `check` failed the plan on them. An item without its clause elsewhere is
    still reported."""
    body = ("（一）落实稳岗政策。加大稳岗返还力度。（省人力资源社会保障厅负责）\n"
            "（二）加强职业培训。开展线上职业技能培训。（省人力资源社会保障厅负责）\n")
    closing = "（一）强化责任落实。各地各部门要切实扛起责任。\n（二）强化督导检查。加强督导检查。\n"
    doc = extract_text(f"一、着力做好稳岗就业工作\n{body}二、加强复工复产工作组织保障\n{closing}")
    assert len(doc.tasks) == 2
    assert not [w for w in doc.warnings if w.code == "task-without-clause"]
    doc = extract_text(f"一、着力做好稳岗就业工作\n{body}二、加快投资项目建设\n{closing}")
    assert len([w for w in doc.warnings if w.code == "task-without-clause"]) == 2


def test_a_plan_with_a_few_clauses_among_many_items_says_what_it_leaves_out():
    """hebei-sci-tech-reform-2015: 3 responsibility clauses among some 140
    numbered items gave 3 tasks and no word of the rest (a new user's trial)."""
    items = "".join(f"{n}.完善第{n}项制度。建立健全相关机制。\n" for n in range(1, 13))
    text = f"一、主要任务\n（一）深化改革\n{items}（二）强化保障\n1.加强统筹协调。建立联席会议制度。（省科技厅牵头）\n"
    doc = extract_text(text)
    assert len(doc.tasks) == 1
    (said,) = [w for w in doc.warnings if w.code == "items-without-clauses"]
    assert "12 numbered items none" in said.message
    few = "".join(f"{n}.完善第{n}项制度。建立健全相关机制。（省科技厅牵头）\n" for n in range(1, 13))
    assert not [w for w in extract_text(f"一、主要任务\n（一）深化改革\n{few}").warnings if w.code == "items-without-clauses"]


@pytest.mark.parametrize(("text", "title"), [
    # hebei-sci-tech-reform-2015: no title line, the cover letter run together with the plan
    ("　　中共河北省委办公厅　　河北省人民政府办公厅　　关于印发《河北省深化科技体制改革实施方案》　　的通知　　冀办发〔2015〕58号"
     "各市委、市人民政府：　　一、总体要求　　（一）指导思想。坚持创新驱动。\n", "河北省深化科技体制改革实施方案"),
    # mwr-water-2012: a task that issues a document names no title
    ("(1)完善水功能区划体系。2012年上半年前会同有关部门印发《全国重要江河湖泊水功能区划》(以下简称《区划》)。\n", None),
])
def test_the_plan_a_cover_letter_sends_titles_a_plan_without_a_title_line(text, title):
    assert extract_text(text).info.title == title


@pytest.mark.parametrize(("text", "title", "level"), [
    # a news page's headline: the title is the words before 发布/出台 (jian-air-2018, ndrc-ghg-division-2017)
    ("吉安市打贏藍天保衛戰三年行動計劃發布\n2018-12-03\n深化燃煤鍋爐治理。\n", "吉安市打贏藍天保衛戰三年行動計劃", "prefecture"),
    ("\"十三五\"控制温室气体排放方案部门分工出台\n发布者:中国证券网\n", "\"十三五\"控制温室气体排放方案部门分工", None),
    # a draft says so after its title (neimenggu-air-2018)
    ("首页 > 新闻 > 正文\n《内蒙古自治区打赢蓝天保卫战三年行动计划实施方案》(征求意见稿)\n时间:2018-08-30\n",
     "《内蒙古自治区打赢蓝天保卫战三年行动计划实施方案》(征求意见稿)", "province"),
    # a title naming no issuer but its whole area (hebei-economy-stabilization-2022, hebei-manufacturing-services-2021)
    ("关于扎实稳定全省经济运行的一揽子政策措施\n一、财政政策\n", "关于扎实稳定全省经济运行的一揽子政策措施", "province"),
])
def test_titles_as_real_pages_write_them(text, title, level):
    info = extract_text(text).info
    assert (info.title, info.level) == (title, level)


@pytest.mark.parametrize(("text", "title", "level"), [
    # paragraphs a crawler ran into one line, each after its indent: the title is the first that is one
    ("当前页面:首页　　昌吉州水污染防治工作方案　　发布日期: 2016-07-27　　为切实加大水污染防治力度，保障水安全，制定本方案。　　一、总体要求",
     "昌吉州水污染防治工作方案", "prefecture"),
    # the signature date of the document before, run into the title (hebei-manufacturing-services-2021)
    ("河北省商务厅　　2021年9月3日关于加快推动全省制造服务业高质量发展的实施意见　　制造服务业是面向制造业的生产性服务业。",
     "关于加快推动全省制造服务业高质量发展的实施意见", "province"),
    # a page's tag before the title (chuzhou-govwork-2020)
    ("【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n各县、市、区人民政府：\n",
     "滁州市人民政府关于2020年市政府重点工作及责任分解的通知", "prefecture"),
])
def test_titles_in_text_run_together(text, title, level):
    info = extract_text(text).info
    assert (info.title, info.level) == (title, level)


def test_what_a_second_reading_found_in_titles_and_divisions():
    # a district writes 全区 as an autonomous region does: no level from it
    assert extract_text("关于加快推进全区经济高质量发展的若干措施\n一、总则\n（一）加强。\n").info.level is None
    # 工作分工 in a sentence is no division of tasks
    text = "为明确工作分工，制定本方案。\n一、主要任务\n（一）加强水源保护。\n（二）推进截污。\n"
    assert "attribution-unread" not in [w.code for w in extract_text(text).warnings]
    # an attachment's caption is no title
    assert extract_text("附件：重点工作责任分工\n关于印发重点工作的通知\n一、任务\n").info.title == "关于印发重点工作的通知"


def test_fields_written_one_a_line_under_an_item_are_its_clause():
    # tests/data/written/county-eldercare-2023 (a 工作方案 whose items carry 牵头单位 / 配合单位 /
    # 完成时限 one a line, or on one line with ideographic spaces between them): the last
    # list of offices ends at the next field, and the 完成时限 line is the task's
    text = ("二、重点任务\n"
            "2.发展老年助餐服务。新增老年助餐点20个。\n牵头单位：县民政局\n配合单位：县市场监管局、县财政局\n"
            "完成时限：2023年12月底前\n"
            "10.规范养老服务补贴资金使用。建立资金定期核查机制。\n"
            "牵头单位：县民政局　配合单位：县财政局、县审计局　完成时限：长期坚持\n")
    assert _names_and(text, "participants", lambda t: [(d.kind, d.date) for d in t.deadlines]) == [
        (["市场监管局", "财政局"], [("by", "2023-12-31")]), (["财政局", "审计局"], [("ongoing", None)])]


def _names_and(text: str, role: str, read) -> list[tuple[list[str], object]]:
    """Each task's names in ``role``, with what ``read`` reads of it."""
    return [([r.name for r in getattr(t, role)], read(t)) for t in extract_text(text).tasks]


def test_counts_of_sessions_and_teams_are_targets():
    # tests/data/written/county-river-2024: "不少于10场次", "不少于20支"
    targets = extract_text("（一）加强宣传。开展宣传进校园活动不少于10场次，组建志愿者队伍不少于20支。（县河长办负责）\n").tasks[0].targets
    assert [(t.comparator, t.value, t.unit) for t in targets] == [(">=", 10, "场次"), (">=", 20, "支")]


def test_clause_lines_after_the_sub_items_of_an_item_are_the_items():
    # tests/data/written/county-eldercare-2023: "5.深化医养结合。" over （1）…（2）…, neither with a
    # clause, then 牵头单位 / 配合单位 / 完成时限 on lines of their own: one task, the item's
    text = ("二、重点任务\n（二）推进医养康养融合发展\n5.深化医养结合。\n"
            "（1）推动乡镇卫生院与综合养老服务中心签约合作，签约率达到100%。\n"
            "（2）支持有条件的养老机构内设医务室或护理站，新增医养结合机构2家。\n"
            "牵头单位：县卫生健康局\n配合单位：县民政局、县医疗保障局\n完成时限：年底前\n"
            "6.提升照护能力。持续推进长期护理保险制度实施。（县医疗保障局负责）\n")
    assert _names_and(text, "lead", lambda t: (t.title, t.line, [(x.value, x.unit) for x in t.targets]))[0] == (
        ["卫生健康局"], ("深化医养结合", 3, [(100, "%"), (2, "家")]))


@pytest.mark.parametrize(("text", "expected"), [
    # tests/data/written/county-river-2024, hebei-economy-stabilization-2022 x8: counts of events in digits
    ("（一）加强巡查。乡级河湖长每月巡河不少于1次。（县河长办负责）", [(">=", 1, "次")]),
    # baotou-digital-gov-evaluation-2022 x1: once, secondary — no count
    ("（一）建设政务云平台。达到一次投入，减少二次开发费用。（市大数据局负责）", []),
])
def test_times_are_counted_when_written_in_digits(text, expected):
    assert [(t.comparator, t.value, t.unit) for t in extract_text(text).tasks[0].targets] == expected


# -- forms of tests/data/written (plans written in other offices' styles, annotated blind) ------


def test_a_department_divides_its_work_among_its_divisions():
    # province-education-2024, lines 17 and 20: 牵头处室 / 配合处室 / 责任处室
    assert clause("（牵头处室：基础教育处；配合处室：财务处、人事处）") == (["基础教育处"], ["财务处", "人事处"], [])
    assert clause("（责任处室：体育卫生与艺术教育处）") == (["体育卫生与艺术教育处"], [], [])


def test_units_after_a_leads_together_with_take_part():
    # a user's plan: "由区金融办牵头，会同人行某某支行，推动…"; the verb after the last unit is the task's
    assert tasks("一、任务\n2.加大融资支持。由区金融办牵头，会同人行某某支行，推动普惠小微贷款增速不低于各项贷款增速。\n") == [
        ("加大融资支持", ["金融办"], ["人行某某支行"], [])]
    assert tasks("一、任务\n2.制定细则。由市发展改革委牵头，会同市财政局、市税务局研究制定实施细则。\n") == [
        ("制定细则", ["发展改革委"], ["财政局", "税务局"], [])]


def test_who_carries_it_out_after_a_lead_and_a_participant_in_prose():
    # city-rural-2023, line 29
    assert tasks("一、任务\n（九）加强农村基础设施建设。由市交通运输局、市水利局牵头，国网德州供电公司配合，各县（市、区）人民政府"
                 "负责落实，年底前新改建农村公路600公里。\n") == [
        ("加强农村基础设施建设", ["交通运输局", "水利局"], ["国网德州供电公司"], ["各县(市、区)人民政府"])]


def test_a_deadline_field_in_a_sentence_after_the_clause_is_the_tasks():
    # a user's plan: "责任单位：…，各街道办事处。完成时限：2025年12月底前。"
    doc = extract_text("一、提升政务服务效能\n1.推行“一网通办”。政务服务事项网上可办率达到98%以上。责任单位：区政务服务中心（牵头）、"
                       "区大数据局，各街道办事处。完成时限：2025年12月底前。\n")
    assert [d.date for d in doc.tasks[0].deadlines] == ["2025-12-31"]
    assert [r.name for r in doc.tasks[0].implementers] == ["各街道办事处"]


def test_a_clause_on_a_line_of_its_own_in_brackets_names_no_bracket():
    # province-safety-2022, lines 57-61: the item's words end with 。, its clause follows on the next line
    doc = extract_text("（二）深化重点行业领域专项整治\n4.深入推进安全生产专项整治三年行动巩固提升。聚焦危险化学品等重点行业领域，确保取得实效。\n"
                       "（牵头单位：省安委办；配合单位：省安委会有关成员单位；完成时限：2022年12月底前）\n")
    task = doc.tasks[0]
    assert ([r.name for r in task.lead], [r.name for r in task.participants]) == (["安委办"], ["安委会有关成员单位"])
    assert [d.date for d in task.deadlines] == ["2022-12-31"]


def test_an_items_one_sentence_after_its_heading_is_no_sub_heading():
    # a user's plan: the heading names the task; "打通断头路15条" is all the item says
    doc = extract_text("（二）完善市政基础设施\n2.推进城市道路微循环。打通断头路15条。（牵头单位：市交通运输局；完成时限：2025年9月30日前）\n")
    assert doc.tasks[0].title == "推进城市道路微循环"
    assert [(t.comparator, int(t.value), t.unit) for t in doc.tasks[0].targets] == [("=", 15, "条")]


def test_a_water_affairs_bureau_keeps_its_name():
    # a user's trial: 市水务局 came out as canonical 市水利局 (水务局 is many cities' own office of water)
    lead = tasks("一、任务\n1.实施污水管网提质增效。新建改造污水管网200公里。（牵头单位：市水务局）\n")[0][1]
    assert lead == ["水务局"]
    ref = extract_text("一、任务\n1.实施污水管网提质增效。新建改造污水管网200公里。（牵头单位：市水务局）\n").tasks[0].lead[0]
    assert (ref.canonical, ref.function) == ("市水务局", "water")


def test_a_districts_plan_is_a_countys_level():
    assert extract_text("某某区2025年优化营商环境工作要点\n\n一、提升政务服务效能\n").info.level == "county"


def test_clauses_that_head_their_items_head_every_part():
    # county-bracket-2024, line 19: 【…】 before each part of an item, the second mid-line
    doc = extract_text("一、任务\n（一）推进厕所革命\n1.【牵头单位：县农业农村局；责任单位：各镇（街道）；完成时限：２０２４年６月３０日前】"
                       "改善农村户厕条件。新（改）建农村卫生户厕１５００户。【牵头单位：县农业农村局；配合单位：成都市蒲江生态环境局；"
                       "完成时限：２０２４年１０月底前】同步推进厕所粪污无害化处理和资源化利用，厕所粪污资源化利用率达到８０％以上。\n"
                       "2.【责任单位：县财政局；完成时限：长期】加强资金保障。统筹整合涉农资金。\n")
    assert [(s.marker, s.title) for s in doc.sections][2:] == [("1.", "改善农村户厕条件"), ("2.", "加强资金保障")]
    assert [(t.title, [r.name for r in t.lead], [d.date or d.kind for d in t.deadlines]) for t in doc.tasks] == [
        ("改善农村户厕条件", ["农业农村局"], ["2024-06-30"]),
        ("同步推进厕所粪污无害化处理和资源化利用", ["农业农村局"], ["2024-10-31"]),
        ("加强资金保障", ["财政局"], ["ongoing"])]


def test_a_base_a_target_starts_from_is_no_target():
    # city-markdown-2025, line 24; county-bracket-2024, line 16
    doc = extract_text("一、工作目标\n在2024年全市政务服务事项网上可办率达到98.6%的基础上，到2025年底，全市政务服务事项网上可办率达到99%以上。\n")
    assert [(t.comparator, float(t.value)) for t in doc.targets] == [(">=", 99.0)]


def test_a_municipal_service_centre_loses_its_level_not_its_words():
    # city-markdown-2025: 市政务服务和公共资源交易服务中心 is 市 + 政务服务…, as 市政府办公室 is 市 + 政府办公室
    assert clause("（牵头单位：市政务服务和公共资源交易服务中心）")[0] == ["政务服务和公共资源交易服务中心"]


def test_a_convention_in_brackets_after_the_last_unit_leaves_no_bracket_on_it():
    # prefecture-opinions-2024, line 13: "…州市场监管局（排在首位的为牵头单位，下同）"
    assert clause("鼓励参与。责任单位：州民政局、州财政局、州市场监管局（排在首位的为牵头单位，下同）") == (
        ["民政局"], ["财政局", "市场监管局"], [])


@pytest.mark.parametrize("text, expected", [
    ("由市发展改革委牵头，会同市财政局研究制定管理办法。", (["发展改革委"], ["财政局"], [])),  # (a second reading)
    ("由市民政局牵头，会同市卫生健康委建设社区养老服务中心10个。", (["民政局"], ["卫生健康委"], [])),
    ("由市财政局负责，确保资金及时拨付并抓好落实。", (["财政局"], [], [])),
])
def test_the_units_of_prose_end_where_the_offices_names_end(text, expected):
    assert clause(text) == expected


def test_only_together_with_opens_a_phrase_of_participants():
    assert find_clauses(comparable("（牵头市发展改革委，配合市财政局）"), 0, RULES.departments, RULES.responsibility) == [] or \
        clause("（牵头市发展改革委，配合市财政局）")[1] != ["发展改革委"]


def test_a_goal_sentence_after_a_labelled_clause_keeps_its_targets():
    # a second reading: "。工作目标：…" was taken into the clause as one of its fields, its count lost
    doc = extract_text("一、任务\n1.推进充电设施建设。完善城市充电网络。责任单位：区发展改革局。完成时限：2025年12月底前。"
                       "工作目标：新建公共充电桩500个。\n")
    assert [int(t.value) for t in (*doc.tasks[0].targets, *doc.targets)] == [500]  # (the plan's, after the clause)
    assert [d.date for d in doc.tasks[0].deadlines] == ["2025-12-31"]


@pytest.mark.parametrize("heading, title", [("第一章 总 则", "总 则"), ("（一）强化规划引领 优化空间布局", "强化规划引领 优化空间布局")])
def test_a_heading_of_two_phrases_keeps_both(heading, title):
    doc = extract_text(f"一、总体要求\n{heading}\n各部门要加强领导。\n")
    assert doc.sections[-1].title == title


def test_an_attachment_label_and_its_number_stay_one_heading():
    doc = extract_text("一、总体要求\n各部门要加强领导。\n附件 1.重点任务分工表\n")
    assert [s.title for s in doc.sections if s.kind == "appendix"] == ["重点任务分工表"]


def test_a_count_a_base_states_and_a_nouns_count_are_no_targets():
    doc = extract_text("一、任务\n1.建设示范村。在已建成100个示范村的基础上，2025年再建成50个美丽乡村示范村。（市农业农村局负责）\n"
                       "2.落实政策。全面落实促进民营经济发展30条措施。（市发展改革委负责）\n")
    assert [[int(t.value) for t in task.targets] for task in doc.tasks] == [[50], []]


def test_a_regions_plan_is_no_countys():
    assert extract_text("粤港澳大湾区发展规划纲要\n\n一、总体要求\n").info.level is None


def test_a_text_a_broken_decoding_left_a_surrogate_in_is_refused_in_words():
    with pytest.raises(InputError, match="surrogate"):
        extract_text("推进\udcff工作")
