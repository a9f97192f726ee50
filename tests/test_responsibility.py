"""The clause parser, one test per clause form, each with its real snippet."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text, load_rules
from policyx.text.normalize import fold
from policyx.extract.clauses import find_clauses, parse_clause

RULES = load_rules()


def parse(text: str):
    folded = fold(text)
    found = find_clauses(folded, 0, RULES.departments, RULES.responsibility)
    assert found, f"no clause in {text!r}"
    p = found[-1].parsed
    return (
        [r.name for r in p.lead],
        [r.name for r in p.participants],
        [r.name for r in p.implementers],
        [r.name for r in p.standing],
    )


def parse_units(text: str):
    return [RULES.departments.resolve(text)]


def test_lead_participants_implementers_and_standing_clause():
    # xinjiang-water-2016, line 13
    assert parse("并依法全部取缔。（自治区经信委、环保厅牵头，发改委、国土资源厅等参与，各级人民政府负责落实。以下均需各级人民政府落实，不再列出）") == (
        ["经信委", "环保厅"], ["发改委", "国土资源厅"], ["各级人民政府"], ["各级人民政府"],
    )


def test_level_prefix_written_once_applies_to_the_list():
    folded = fold("（自治区经信委、环保厅牵头，发改委等参与）")
    clause = find_clauses(folded, 0, RULES.departments, RULES.responsibility)[0].parsed
    assert [r.canonical for r in clause.lead] == ["自治区经济和信息化委员会", "自治区环境保护厅"]
    assert clause.participants[0].canonical == "自治区发展和改革委员会"
    assert clause.lead[0].raw == "自治区经信委" and clause.lead[0].name == "经信委"


def test_sole_fuze_means_lead():
    # xinjiang-water-2016, line 84
    assert parse("依法核发排污许可证。（自治区环保厅负责）")[0] == ["环保厅"]


def test_fuze_after_qiantou_lists_participants_and_governments_implement():
    # changji-water-2016, line 17
    assert parse("并全部依法取缔(环保局牵头,各县市人民政府、园区管委会,经信委、国土局、发改委负责。以下均需各县市人民政府和园区管委会落实,不再列出)") == (
        ["环保局"], ["经信委", "国土局", "发改委"], ["各县市人民政府", "园区管委会"], ["各县市人民政府", "园区管委会"],
    )


def test_clause_without_opening_bracket():
    # changji-water-2016, line 19
    text = "钢铁行业焦炉实施干熄焦技术改造典型示范工程。经信委、环保局牵头,发改委负责)"
    found = find_clauses(fold(text), 0, RULES.departments, RULES.responsibility)
    assert len(found) == 1 and not found[0].closed
    assert [r.name for r in found[0].parsed.lead] == ["经信委", "环保局"]


def test_clause_without_closing_bracket():
    text = "加快推进城镇污水处理设施建设。（市住建局牵头，市发改委、市环保局配合"
    found = find_clauses(fold(text), 0, RULES.departments, RULES.responsibility)
    assert len(found) == 1 and not found[0].closed
    assert [r.name for r in found[0].parsed.participants] == ["发改委", "环保局"]


@pytest.mark.parametrize(
    "text",
    [
        "［市环保局牵头，市发改委配合，各区县政府负责落实］",
        "【市环保局牵头，市发改委配合，各区县政府负责落实】",
        "[市环保局牵头，市发改委配合，各区县政府负责落实]",
        "(市环保局牵头，市发改委配合，各区县政府负责落实)",
    ],
)
def test_bracket_kinds_with_peihe_and_fuze_luoshi(text):
    assert parse("加强水源地保护。" + text) == (["环保局"], ["发改委"], ["各区县政府"], [])


def test_labelled_clause():
    assert parse("完善监测网络。牵头单位：市环保局；配合单位：市水利局、市住建局") == (
        ["环保局"], ["水利局", "住建局"], [], [],
    )


def test_responsible_units_label():
    assert parse("【责任单位：市发展改革委、市财政局】")[0] == ["发展改革委", "财政局"]


@pytest.mark.parametrize("clause", [
    # the 大气污染防治 实施细则 style: units, then the governments that carry them out
    "（责任单位：市发展改革委、市工业和信息化局、市生态环境局；各区县政府负责落实）",
    "(责任单位:市发展改革委、市工业和信息化局、市生态环境局,各区县政府负责落实)",
])
def test_a_role_word_after_labelled_units_governs_only_its_own_group(clause):
    assert parse(clause) == (["发展改革委", "工业和信息化局", "生态环境局"], [], ["各区县政府"], [])


def test_roles_inside_a_label_decide():
    assert parse("（责任单位：市环保局牵头，市发改委配合）")[:2] == (["环保局"], ["发改委"])


@pytest.mark.parametrize(
    ("clause", "participants"),
    [
        ("（省环保厅牵头，省发改委协同）", ["发改委"]),
        ("（省环保厅牵头，省发改委协助）", ["发改委"]),
        ("（省环保厅牵头，省发改委和省财政厅参与）", ["发改委", "财政厅"]),
        ("（省环保厅牵头，省发改委及省财政厅参与）", ["发改委", "财政厅"]),
    ],
)
def test_other_participation_words_and_conjunctions(clause, participants):
    assert parse("加强水源地保护。" + clause)[1] == participants


def test_conjunction_inside_a_name_is_not_split():
    assert parse("（住房和城乡建设局牵头,发改委、环保局负责）")[0] == ["住房和城乡建设局"]


def test_an_responsibility_division_phrase():
    assert parse("（省环保厅牵头，各有关部门按职责分工负责）")[1] == ["各有关部门"]


def test_nested_clauses_attach_to_their_sentence():
    # changji-water-2016, line 93
    text = (
        "(十五)保障饮用水水源安全。加强从水源到供水系统全过程监管。县市人民政府供水单位应定期监测。"
        "及时公开水源水质状况(卫计委、水利局负责)、供水厂出水水质状况(住房和城乡建设局、卫计委、水利局负责)。"
        "自2016年起,每季度向社会公开全州饮水安全状况信息。(住房和城乡建设局、环保局、卫计委牵头,发改委、财政局、水利局负责)\n"
    )
    task = extract_text("一、总则\n" + text).tasks[0]
    assert [r.name for r in task.lead] == ["住房和城乡建设局", "环保局", "卫计委"]
    assert len(task.subclauses) == 2
    first = task.subclauses[0]
    full = "一、总则\n" + text
    assert full[first.sentence_span[0]:first.sentence_span[1]].endswith("及时公开水源水质状况")
    assert [r.name for r in first.lead] == ["卫计委", "水利局"]


def test_two_tasks_glued_on_one_line():
    # xinjiang-water-2016, line 29
    text = (
        "一、总则\n（三）推进农业农村污染防治。调整种植业结构与布局。有序实施退地减水。"
        "（自治区农业厅、水利厅牵头，发改委等参与）　　推进水产生态健康养殖。到2020年，改造面积达到6.6万亩。（自治区水利厅负责）\n"
    )
    doc = extract_text(text)
    assert [(t.title, [r.name for r in t.lead]) for t in doc.tasks] == [
        ("调整种植业结构与布局", ["农业厅", "水利厅"]),
        ("推进水产生态健康养殖", ["水利厅"]),
    ]


def test_standing_clause_is_inherited_by_later_tasks():
    text = (
        "一、总则\n（一）工业。取缔“十小”企业。全部取缔。（自治区经信委牵头，各级人民政府负责落实。以下均需各级人民政府落实，不再列出）\n"
        "专项整治重点行业。制定方案。（自治区环保厅牵头）\n"
    )
    first, second = extract_text(text).tasks
    assert [(r.name, r.inherited) for r in first.implementers] == [("各级人民政府", False)]
    assert [(r.name, r.inherited) for r in second.implementers] == [("各级人民政府", True)]


def test_section_that_is_its_own_task():
    # xinjiang-water-2016, line 74
    doc = extract_text(
        "一、总则\n（十一）强化环境质量目标管理。明确各类水体水质保护目标，划分控制单元，逐一排查水质达标状况，"
        "未达到水质目标要求的地州市要制定达标方案。（自治区环保厅牵头，水利厅、住房城乡建设厅等参与）\n"
    )
    assert [t.title for t in doc.tasks] == ["强化环境质量目标管理"]


def test_a_yishi_erhsi_list_under_one_clause_is_one_task():
    # changji-water-2016, line 151: one clause, so one task (reconciled gold)
    doc = extract_text(
        "一、总则\n(二十七)加强公众参与和社会监督。一是健全举报制度。充分发挥作用。二是健全监督制度。聘请监督员。"
        "三是健全决策制度。充分听取公众的意见四是扩大环境信息公开范围。落实条例。(环保局负责)\n"
    )
    assert [t.title for t in doc.tasks] == ["加强公众参与和社会监督"]
    assert [r.name for r in doc.tasks[0].lead] == ["环保局"]


def test_task_without_clause_is_warned_when_the_plan_uses_clauses():
    doc = extract_text("一、总则\n（一）工业。取缔小企业。全部取缔。（省环保厅牵头）\n加强监管。定期检查。\n（二）农业。控制面源污染。（省农业厅负责）\n")
    assert [w.code for w in doc.warnings] == ["task-without-clause"]


def test_plan_without_any_clause_gets_no_per_task_warnings():
    doc = extract_text("第一章 总则\n第一节 绿色发展\n实施最严格的生态保护制度。坚决遏制“两高”项目盲目发展。\n")
    assert [t.title for t in doc.tasks] == ["实施最严格的生态保护制度"]
    assert doc.warnings == ()


def test_unknown_department_is_kept_and_warned():
    doc = extract_text("一、总则\n（一）工业。取缔小企业。（省星际航行管理局牵头）\n")
    lead = doc.tasks[0].lead[0]
    assert (lead.name, lead.known) == ("星际航行管理局", False)
    assert [w.code for w in doc.warnings] == ["department-unknown"]


def test_brackets_that_are_not_clauses():
    for text in ["（以下简称“兵团”）", "（达到或优于Ⅲ类）", "(2016年底前)", "（由环保部门负责解释）"]:
        assert find_clauses(fold(text), 0, RULES.departments, RULES.responsibility) == []


def test_closing_words_of_a_plan_are_not_a_task():
    # xinjiang-water-2016, line 174
    doc = extract_text(
        "一、总则\n（一）工业。取缔小企业。（省环保厅牵头）\n各地、各部门要切实处理好经济社会发展和生态文明建设的关系，务求实效。\n"
    )
    assert len(doc.tasks) == 1 and doc.tasks[0].text.endswith("（省环保厅牵头）")


def test_parse_clause_rejects_text_without_offices():
    assert parse_clause("按要求负责", 0, RULES.departments, RULES.responsibility) is None


def test_standing_rule_examples_from_the_yaml():
    for example in RULES.responsibility.standing_examples:
        match = next((m for p in RULES.responsibility.standing if (m := p.search(fold(example["text"])))), None)
        assert match and match.group("units") == fold(example["units"])


def test_a_plan_from_another_office():
    """A city plan written in other conventions than the corpus: a cover
    letter, 1． items with full-width dots, 【牵头单位：…；配合单位：…】,
    【X牵头，Y配合，Z负责落实】, （责任单位：…）, a two-space separated label
    list, a Chinese-numeral year, and a heading with no clause."""
    from .conftest import ROOT

    doc = extract_text((ROOT / "tests/data/other-office-plan.txt").read_text(encoding="utf-8"))
    assert doc.info.title == "XX市水污染防治工作方案" and doc.info.level == "prefecture" and doc.info.date == "2016-12-30"
    got = [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers],
            [(d.kind, d.date) for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("取缔\"十小\"企业", ["环保局"], ["经信委", "国土资源局"], [], [("by", "2017-03-31")]),
        ("整治重点行业", ["经信委"], ["环保局"], ["各区县人民政府"], [("by", "2017-12-31")]),
        ("加快城镇污水处理设施建设", ["住建局", "发展改革委"], [], [], [("by", "2020-12-31")]),
        ("依法淘汰落后产能", ["经信委"], ["发展改革委", "环保局"], [], [("from", "2017-01-01"), ("every", None)]),
    ]  # 三、保障措施's "（一）加强组织领导" is a kind of item that carries no clause anywhere: no task;
    # "严格环境准入" is an item like the others whose clause is missing: reported, not counted
    assert [r.canonical for r in doc.tasks[0].lead] == ["市环境保护局"]
    assert [(t.comparator, str(t.value), t.unit) for t in doc.tasks[2].targets] == [(">=", "95", "%"), (">=", "85", "%")]
    assert [(t.comparator, str(t.value)) for t in doc.targets] == [(">=", "85"), ("=", "100")]
    assert [(w.code, w.line) for w in doc.warnings] == [("task-without-clause", 21)]


def test_brackets_inside_a_unit_name():
    # "各区（市）县人民政府": a bracket inside a name is not a separator
    assert parse("加强监管。（市环保局牵头，各区（市）县人民政府负责落实）") == (
        ["环保局"], [], ["各区(市)县人民政府"], [],
    )


def test_labelled_clause_with_commas_and_other_label_words():
    assert parse("（主责部门：市水务局，协办部门：市财政局、市发展改革委）") == (
        ["水务局"], ["财政局", "发展改革委"], [], [],
    )


def test_label_followed_by_role_words():
    assert parse("（责任单位：市环保局牵头，市发改委、市财政局配合）") == (["环保局"], ["发改委", "财政局"], [], [])


def test_clause_before_its_task():
    doc = extract_text("一、总则\n（一）水源保护。【牵头单位：市环保局；配合单位：市水务局】加强水源地保护。划定保护区。\n"
                       "（二）农业。控制面源污染。（市农业局负责）\n")
    # a lead-in after the clause names the task, as it would after the heading
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.participants]) for t in doc.tasks] == [
        ("加强水源地保护", ["环保局"], ["水务局"]), ("控制面源污染", ["农业局"], []),
    ]


def test_clause_on_the_line_after_its_task():
    doc = extract_text("一、总则\n（一）水源保护。加强水源地保护。划定保护区。\n牵头单位：市环保局\n配合单位：市水务局、市财政局\n"
                       "（二）农业。控制面源污染。（市农业局负责）\n")
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.participants]) for t in doc.tasks] == [
        ("加强水源地保护", ["环保局"], ["水务局", "财政局"]), ("控制面源污染", ["农业局"], []),
    ]
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("raw", "name", "canonical", "function"),
    [
        # a party committee's prefix stays in the name (wild README: 市委… is kept)
        ("市委宣传部", "市委宣传部", "市委宣传部", "publicity"),
        ("自治区党委组织部", "自治区党委组织部", "自治区党委组织部", "organization"),
        ("市城管局", "城管局", "市城市管理局", "urban_management"),
        ("市场监管局", "市场监管局", "市场监督管理局", "quality_market"),
        ("区住建局", "住建局", "区住房和城乡建设局", "housing_construction"),
    ],
)
def test_department_names_with_prefixes(raw, name, canonical, function):
    ref = RULES.departments.resolve(raw)
    assert (ref.name, ref.canonical, ref.function) == (name, canonical, function)


@pytest.mark.parametrize("clause, expected", [
    # a role noted in brackets after a unit: the others take part, governments carry it out
    ("责任单位：州生态环境局（牵头）、州工业和信息化局、州市场监督管理局，各县（市）人民政府。",
     (["生态环境局"], ["工业和信息化局", "市场监督管理局"], ["各县(市)人民政府"], [])),
    ("（责任单位：市发改委[牵头]、市财政局）", (["发改委"], ["财政局"], [], [])),
])
def test_a_role_noted_after_a_unit(clause, expected):
    assert parse(clause) == expected


def test_a_prefecture_bureau_keeps_its_own_full_name():
    (ref,) = parse_units("州工业和信息化局")
    assert ref.canonical == "州工业和信息化局" and ref.function == "industry_it"


@pytest.mark.parametrize("text, lead, participants", [
    # governments named alone carry the task out; they do not lead it (jilin-energy-2006, line 1)
    ("加强监管执法。长期坚持。各县（市）人民政府负责。", [], []),
    ("落实企业主体责任。市环保局牵头，市财政局、市水务局配合。", ["环保局"], ["财政局", "水务局"]),
])
def test_a_clause_written_as_a_sentence_of_its_own(text, lead, participants):
    assert parse(text)[:2] == (lead, participants)


@pytest.mark.parametrize("text", ["严格执法，各级政府负责。", "各级人民政府是实施本方案的责任主体。企业负责。"])
def test_a_sentence_with_words_besides_offices_is_no_clause(text):
    assert [c for c in find_clauses(fold(text), 0, RULES.departments, RULES.responsibility) if c.form == "sentence"] == []


def test_the_phrase_of_offices_in_such_a_sentence_is_a_clause():
    """"严格执法，各级政府负责。": its last phrase names who carries it out (form phrase), not the whole sentence."""
    (clause,) = find_clauses(fold("严格执法，各级政府负责。"), 0, RULES.departments, RULES.responsibility)
    assert (clause.form, clause.start, [r.name for r in clause.parsed.implementers]) == ("phrase", 5, ["各级政府"])


def test_an_unknown_office_does_not_take_the_lists_level():
    # "省商务厅、深圳海关": the customs office is not the province's
    clause = find_clauses(fold("（省生态环境厅负责，省商务厅、深圳海关参与）"), 0, RULES.departments, RULES.responsibility)[0]
    assert [r.canonical for r in clause.parsed.participants] == ["省商务厅", "深圳海关"]


@pytest.mark.parametrize("clause, expected", [
    ("（由市环保局牵头，市发改委配合）", (["环保局"], ["发改委"], [], [])),
    ("（市环保局会同市财政局负责）", (["环保局"], ["财政局"], [], [])),
    ("（市环保局、市财政局共同牵头）", (["环保局", "财政局"], [], [], [])),
    ("(牵头单位:市水利局,责任单位:各县区政府)", (["水利局"], [], ["各县区政府"], [])),
    ("（责任单位：市环保局，完成时限：2018年底）", (["环保局"], [], [], [])),
])
def test_more_ways_offices_write_roles(clause, expected):
    assert parse(clause) == expected


@pytest.mark.parametrize("written, function, level, name", [
    # the place stays in the name (only a bare level prefix is dropped): 滁州海关, chuzhou-govwork-2020
    ("深圳市生态环境局", "environment", "prefecture", "深圳市生态环境局"),
    ("广东省生态环境厅", "environment", "province", "广东省生态环境厅"),
    ("伊犁哈萨克自治州环境保护局", "environment", "prefecture", "伊犁哈萨克自治州环境保护局"),
    ("乌鲁木齐市水务局", "water", "prefecture", "乌鲁木齐市水务局"),
])
def test_an_office_written_with_its_place_name(written, function, level, name):
    ref = RULES.departments.resolve(written)
    assert (ref.known, ref.function, ref.level, ref.name, ref.canonical.startswith(written[:2])) == (True, function, level, name, True)


@pytest.mark.parametrize("written", ["省发改委和省财政厅", "各县区政府", "超市管理局"])
def test_no_place_is_read_into_a_list_or_a_word(written):
    ref = RULES.departments.resolve(written)
    assert ref.function in (None, "government")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("发改委环保厅、，,;；和及()（）[]【】〔〕 各县市"), max_size=40))
def test_a_list_is_cut_outside_brackets_as_a_walk_over_every_character_cuts_it(text):
    """clauses/units._pieces looks only at the brackets and the characters a
    separator can start with (one search); a walk over every character, as
    it once was, cuts the same pieces."""
    from policyx.extract.clauses import units
    from policyx.text.anchors import char_memo

    rules = load_rules().responsibility
    separator = char_memo(rules.separators)
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in rules.opener_to_closer:
            depth += 1
        elif ch in rules.closer_to_opener:
            depth = max(0, depth - 1)
        elif depth == 0 and separator[ch]:
            pieces.append((start, i, ch))
            start = i + 1
    pieces.append((start, len(text), ""))
    assert units._pieces(text, rules.separators, rules) == pieces


def test_a_branch_in_a_place_is_known_by_its_shape():
    """hebei-resume-production-2021 names 人行石家庄中心支行 43 times, 河北银保监局
    31 times, 石家庄海关: offices no list names one by one (departments.yaml, shaped);
    the place stays in the name, and a list's level is not put before it."""
    registry = RULES.departments
    for name, function in (("人行石家庄中心支行", "banking"), ("河北银保监局", "banking"), ("石家庄海关", "customs"),
                           ("国家外汇管理局河北省分局", "banking")):
        ref = registry.resolve(name)
        assert (ref.known, ref.function, ref.canonical, ref.level) == (True, function, name, None)
    clause = find_clauses(fold("（省发展改革委牵头，省财政厅、河北银保监局、人行石家庄中心支行参与）"), 0,
                          registry, RULES.responsibility)[0]
    assert [r.canonical for r in clause.parsed.participants] == ["省财政厅", "河北银保监局", "人行石家庄中心支行"]


@pytest.mark.parametrize("written, function, canonical", [
    # offices real plans lead or join tasks with, once unknown to the registry (departments.yaml)
    ("省地方金融监管局", "finance_office", "省地方金融监督管理局"),  # hebei-economy-stabilization-2022, 83 times
    ("团省委", "mass_organizations", "团省委"),  # hebei-economy-stabilization-2022: its level inside the name
    ("省委教育工委", "education", "省委教育工作委员会"),  # shandong-education-14fyp-2021
    ("省委统战部", "united_front", "省委统一战线工作部"),  # shandong-education-14fyp-2021
    ("省委台港澳办", "taiwan_affairs", "省委台港澳事务办公室"),  # shandong-education-14fyp-2021
    ("省供销社", "supply_marketing", "省供销合作社联合社"),  # hebei-economy-stabilization-2022
    ("省贸促会", "trade_promotion", "省国际贸易促进委员会"),  # hebei-economy-stabilization-2022
    ("市城管执法局", "urban_management", "市城市管理综合行政执法局"),  # baotou-digital-gov-evaluation-2022
    ("市文旅广电局", "culture", "市文化旅游广电局"),  # baotou-digital-gov-evaluation-2022
    ("市工信委", "industry_it", "市工业和信息化委员会"),  # jian-air-2018
    ("市市场和质量监督管理局", "quality_market", "市市场和质量监督管理局"),  # jian-air-2018
    ("省煤炭工业局", "energy", "省煤炭工业局"),  # shandong-air-2018
    ("中直管理局", "offices_administration", "中央直属机关事务管理局"),  # ndrc-ghg-division-2017
    ("市经信局", "industry_it", "市经济和信息化局"),  # chuzhou-govwork-2020
    ("国网山东省电力公司", "power_grid", "国网山东省电力公司"),  # shandong-air-2018: a company by its shape
    ("中国农业发展银行河北省分行", "bank", "中国农业发展银行河北省分行"),  # hebei-economy-stabilization-2022
])
def test_offices_real_plans_name(written, function, canonical):
    ref = RULES.departments.resolve(written)
    assert (ref.known, ref.function, ref.canonical) == (True, function, canonical)


def test_a_bank_branch_is_no_state_office():
    """国家开发银行河北省分行 opens with 国家 but is a branch in a province (hebei-economy-stabilization-2022)."""
    assert RULES.departments.resolve("国家开发银行河北省分行").level is None


@pytest.mark.parametrize("written, function, level", [
    # the offices of a kind, not one office: known, and generic (departments.yaml: generic_shape)
    ("区政府有关部门", "government", "county"),  # gangcheng-fangguanfu-2021
    ("有关行业主管部门", "government", None),  # hebei-economy-stabilization-2022
    ("企业上市工作领导小组各成员单位", "government", None),  # hebei-economy-stabilization-2022
    # …of the function a known office's name in them names (a second reading found these made government)
    ("各省级水行政主管部门", "water", None),  # mwr-water-2012
    ("省级生态环境主管部门", "environment", None),
    ("卫生健康主管部门", "health", None),
    ("教育行政主管部门", "education", None),
])
def test_the_offices_of_a_kind_are_known_as_no_one_office(written, function, level):
    registry = RULES.departments
    ref = registry.resolve(written)
    assert (ref.known, ref.function, ref.level) == (True, function, level)
    assert not registry.is_government(written)  # (not a local government that carries a task out)


def test_a_place_named_office_asks_for_its_level():
    assert RULES.departments.asked_level("深圳市生态环境局") == "prefecture"
    assert RULES.departments.asked_level("环保厅") is None


def test_a_bare_kind_of_office_is_no_side_of_and():
    # hebei-economy-stabilization-2022 x8: "（…各有关部门和单位按职责分工负责）" names one group;
    # a bare 单位 or 部门 names no office of its own
    from policyx.extract.clauses import split_units

    rules = load_rules()
    assert [u for u, _ in split_units("各有关部门和单位", 0, rules.departments, rules.responsibility)] == ["各有关部门和单位"]
    assert [u for u, _ in split_units("各县市人民政府和园区管委会", 0, rules.departments, rules.responsibility)] == [
        "各县市人民政府", "园区管委会"]
