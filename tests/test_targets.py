"""Target rules: the YAML's examples and counterexamples, and real snippets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policyx import extract_text, load_rules
from policyx.extract.deadlines import find_deadlines
from policyx.text.normalize import fold
from policyx.extract.targets import find_targets

RULES = load_rules()


def targets(text: str):
    folded = fold(text)
    found_deadlines = find_deadlines(folded, 0, RULES.deadlines, text, lambda o: 1)
    return find_targets(folded, 0, RULES.targets, text, lambda o: 1, found_deadlines)


@pytest.mark.parametrize("example", RULES.targets.examples, ids=lambda e: e["text"][:12])
def test_example(example):
    found = targets(example["text"])
    if "targets" in example:
        assert [(t.metric, t.comparator, t.value) for t in found] == [
            (m, c, Decimal(str(v))) for m, c, v in example["targets"]
        ]
        return
    assert len(found) == 1, found
    (t,) = found
    assert (t.comparator, t.value) == (example["comparator"], Decimal(str(example["value"])))
    if "unit" in example:
        assert t.unit == example["unit"]
    if "metric" in example:
        assert t.metric == example["metric"]
    if "baseline_year" in example:
        assert t.baseline_year == example["baseline_year"]
    if "year" in example:
        assert t.year == example["year"]


@pytest.mark.parametrize("text", RULES.targets.counterexamples)
def test_counterexample(text):
    assert targets(text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neimenggu-water-2015, line 15
        ("地级城市集中式饮用水水源水质达到或优于Ⅲ类比例总体高于81.8%", [(">", "81.8", "%")]),
        ("全区地下水质量极差比例控制在9.5%左右", [("~", "9.5", "%")]),
        # changji-water-2016, line 23: one bound for a list
        ("城镇、城市污水集中处理率分别达到85%、95%以上", [(">=", "85", "%"), (">=", "95", "%")]),
        # xinjiang-water-2016, line 29
        ("力争2020年完成压减灌溉面积800万亩", [("decrease", "800", "万亩")]),
        # xinjiang-water-2016, line 31
        ("新增完成环境综合整治的建制村1700个", [("increase", "1700", "个")]),
        # changji-water-2016, line 69: a coefficient has no unit
        ("农田灌溉水有效利用系数达到0.65以上", [(">=", "0.65", None)]),
        # xinjiang-env-13th-2017, line 189
        ("电能替代电量累计330亿千瓦时", [("=", "330", "亿千瓦时")]),
        # shandong-education-14fyp-2021 (x2): the share of something named before the value
        ("奖励性绩效占比不低于绩效工资总量的70%", [(">=", "70", "%")]),
        # shandong-education-14fyp-2021 (x2): a count of teams to set up
        ("组建200个在线教育扶智团队", [("=", "200", "个")]),
        # national-fangguanfu-task-division-2020 (x2): cut to a time, with a bound after it
        ("将正常出口退税业务平均办理时间压减至8个工作日以内", [("<=", "8", "个工作日")]),
        # baotou-digital-gov-evaluation-2022 (x2)
        ("全年开展群众文化活动不少于100场", [(">=", "100", "场")]),
    ],
)
def test_real_snippets(text, expected):
    assert [(t.comparator, str(t.value), t.unit) for t in targets(text)] == [(c, v, u) for c, v, u in expected]


@pytest.mark.parametrize(("text", "expected"), [
    # shandong-education-14fyp-2021, line 45: a change with a floor, once a year (metric was "降低", ">= 1")
    ("构建儿童青少年近视防控体系，总体近视率每年降低不少于1个百分点。", [("总体近视率", "decrease", "1", "个百分点")]),
    # …line 159: an amount a year (metric was "省级财政教育投入年", raw "均增长10%左右")
    ("落实教育优先发展战略，确保省级财政教育投入年均增长10%左右。", [("省级财政教育投入", "increase", "10", "%")]),
    # …line 45: a school's size is no target
    ("超过1000人规模的学校配备专职卫生技术人员。", []),
    # hebei-economy-stabilization-2022: where a change starts is no target, nor part of the metric
    ("将预留面向中小企业采购的份额由30%以上2022年阶段性提高至40%以上。", [("预留面向中小企业采购的份额", ">=", "40", "%")]),
    ("全省森林覆盖率由2015年的23%提高到2020年的25%以上。", [("全省森林覆盖率", ">=", "25", "%")]),
    ("细颗粒物浓度由45微克/立方米降至35微克/立方米。", [("细颗粒物浓度", "=", "35", "微克/立方米")]),
])
def test_changes_a_year_and_sizes(text, expected):
    """A new user's trial read these off shandong-education-14fyp-2021 against its text."""
    assert [(t.metric, t.comparator, str(t.value), t.unit) for t in targets(text)] == expected


def test_year_comes_from_the_sentence_or_the_paragraph():
    # xinjiang-water-2016, line 61
    found = targets("到2017年，全区公共供水管网漏损率控制在12%以内，到2020年，控制在10%以内。新建城区可渗透面积要达到40%以上。")
    assert [(str(t.value), t.year, t.metric) for t in found] == [
        ("12", 2017, "全区公共供水管网漏损率"), ("10", 2020, "全区公共供水管网漏损率"), ("40", 2020, "新建城区可渗透面积"),
    ]


def test_baseline_year():
    (a, b) = targets("到2020年，全区万元国内生产总值用水量、万元工业增加值用水量比2015年分别下降33%、22%。")
    assert (a.metric, a.baseline_year, a.year) == ("全区万元国内生产总值用水量", 2015, 2020)
    assert (b.metric, b.comparator) == ("万元工业增加值用水量", "decrease")


def test_qualifying_numbers_are_not_targets():
    # xinjiang-water-2016, line 48; xinjiang-env-13th-2017, line 298
    assert targets("自2018年起，单体建筑面积超过2万平方米的新建公共建筑应安装建筑中水设施") == []
    assert targets("二氧化硫含量大于3.5%的烟气，采取两转两吸") == []


@pytest.mark.parametrize("text", [
    # hebei-sci-tech-reform-2015, item 97
    "对我省企业在境外设立、合办或收购研发机构的，省财政按其当年实际投资额的10%予以补助，最高不超过500万元。",
    # hebei-economy-stabilization-2022: a loan's cap and a grant's
    "支持自主创业,在个人创业担保贷款最高20万元、小微企业担保贷款最高300万元基础上,各地可适当放宽。",
    "对于省级工业互联网创新发展试点项目,给予实际投资额20%、最高不超过500万元补助。",
    "支持新建高标准农田360万亩,每亩补助1500元左右,实施土地整治。",
])
def test_a_cap_on_money_the_plan_gives_is_no_target(text):
    assert [t for t in targets(text) if t.unit.endswith("元")] == []


def test_money_without_a_word_of_support_stays_a_target():
    (found,) = targets("到2025年，全社会研发经费投入达到500亿元以上。")
    assert (found.comparator, str(found.value), found.unit) == (">=", "500", "亿元")
    assert [str(t.value) for t in targets("予以补助。全社会研发经费投入达到500亿元以上。")] == ["500"]
    # a sum to reach, after a word of support: only a cap's comparators (<=, ~) make a cap
    assert [str(t.value) for t in targets("到2025年，全省涉农贷款余额达到3000亿元。")] == ["3000"]
    assert [str(t.value) for t in targets("普惠型小微企业贷款余额达到500亿元以上。")] == ["500"]


def test_a_metric_after_its_number_is_not_cut_inside_an_aside():
    # shandong-education-14fyp-2021, line 55
    (found,) = targets("启动学前教育普及普惠县建设，力争使55%左右的县（市、区）通过国家认定。")
    assert (found.comparator, str(found.value), found.metric) == ("~", "55", "县（市、区）通过国家认定")


def test_the_digits_of_a_name_are_no_value():
    # hebei-electronics-action-plan-2020, 专栏: NF3 then 12000 吨, written together
    assert targets("提升三氟化氮（NF3）技术水平，到2020年，形成年产NF312000吨生产能力。") == []
    assert [(t.comparator, str(t.value), t.unit) for t in targets("新增5G基站1000座。")] == [("increase", "1000", "座")]
    # a value written right after a name's letters is still read where a comparator states it
    assert [(str(t.value), t.metric) for t in targets("到2025年，研发投入占GDP2.5%以上。")] == [("2.5", "研发投入占GDP")]


def test_goal_with_qualifier_form_is_a_target():
    # xinjiang-water-2016, line 17
    found = targets("力争到2020年，实现50%以上的国家级园区和30%以上的自治区级园区实施循环化改造。")
    assert [(t.comparator, str(t.value), t.metric) for t in found] == [
        (">=", "50", "国家级园区"), (">=", "30", "自治区级园区实施循环化改造"),
    ]


def test_document_targets_come_from_the_main_indicators_not_from_tasks():
    text = (
        "主要指标：到2020年，全区水质优良比例不低于94%；城市建成区黑臭水体总体控制在10%以内。\n"
        "一、总则\n（一）工业。加强节水。到2020年，再生水利用率达到20%以上。（省住建厅牵头）\n"
    )
    doc = extract_text(text)
    assert [(t.comparator, str(t.value), t.year) for t in doc.targets] == [(">=", "94", 2020), ("<=", "10", 2020)]
    assert [(t.comparator, str(t.value)) for t in doc.tasks[0].targets] == [(">=", "20")]


def test_a_years_review_in_a_summary_and_plan_gives_no_targets():
    # city-summary-and-plan-2026 (blind gold): what 2025 did is no target of 2026
    text = ("一、2025年工作总结\n全年下达整改通知书214份。\n二、存在的问题\n一是臭氧超标天数达到12天。\n"
            "三、2026年工作计划\n（一）主要目标\n全市PM2.5平均浓度控制在33微克/立方米以内。\n")
    assert [str(t.value) for t in extract_text(text).targets] == ["33"]


def test_retrospective_sections_give_no_targets():
    text = "一、环境保护基础与形势\n（一）环境保护工作取得积极进展\n城镇污水集中处理率达到81.06%。\n二、规划目标\n到2020年，城市污水集中处理率达到90%以上。\n"
    assert [str(t.value) for t in extract_text(text).targets] == ["90"]


def test_a_coefficient_in_traditional_characters_is_still_unitless():
    # changji line 69 copied in traditional characters
    doc = extract_text("一、任務\n（一）發展農業節水。到2020年，農田灌溉水有效利用係數達到0.65以上。（水利局牽頭）\n")
    assert [(t.comparator, float(t.value), t.unit) for t in doc.tasks[0].targets] == [(">=", 0.65, None)]


def test_a_year_opening_the_sentence_is_its_targets_year_and_no_part_of_the_metric():
    # kaifeng-air-2025, 二、工作目标 (a new user's trial: the year was null and in the metric)
    text = ("二、工作目标\n全面完成“十四五”大气环境质量目标。2025年全市PM2.5浓度低于43微克/立方米,"
            "空气质量优良天数比率达到67%,重度及以上污染天数比率控制在1.5%以内。\n")
    targets = extract_text(text).targets
    assert [(t.metric, t.value, t.year) for t in targets] == [
        ("全市PM2.5浓度", Decimal("43"), 2025), ("空气质量优良天数比率", Decimal("67"), 2025),
        ("重度及以上污染天数比率", Decimal("1.5"), 2025)]
    # a deadline in the sentence wins; a span of years or a time since opens no year
    assert extract_text(text.replace("2025年全市", "2025年全市到2024年")).targets[0].year == 2024
    assert extract_text(text.replace("2025年全市", "2016年以来全市")).targets[0].year is None


def test_the_objects_listed_after_a_verbs_first_count_take_its_verb():
    # chongchuan-livelihood-2023, line 33; hebei-economy-stabilization-2022 (an item with a verb of its own is a count, =)
    def read(sentence):
        doc = extract_text("一、任务\n1. " + sentence + "（市城管局牵头）\n")
        return [(t.metric, t.comparator, t.value, t.unit) for t in doc.tasks[0].targets]

    assert read("新建建筑垃圾中转站8个、建筑垃圾分类池20个。") == [
        ("建筑垃圾中转站", "=", Decimal("8"), "个"), ("建筑垃圾分类池", "=", Decimal("20"), "个")]
    assert read("新增创新平台10个、孵化器5个和众创空间3个。") == [
        ("创新平台", "increase", Decimal("10"), "个"), ("孵化器", "increase", Decimal("5"), "个"),
        ("众创空间", "increase", Decimal("3"), "个")]
    # a second reading: a breakdown, a share, an amount of another kind is no item of the list
    for sentence in ("新建中转站8个、其中市区5个。", "新建充电桩500个、约占全省10%。", "改造老旧小区120个、惠及居民3万户。",
                     "改造老旧小区136个、涉及居民2.8万户。", "新建公园8个、面积120公顷。",
                     "新建农村公路100公里、投资5亿元。", "新建公园8个、总面积120公顷。"):
        assert len(read(sentence)) == 1, sentence
    assert read("再新增完成新改建1200公里、实施安防工程1200公里、改造危桥120座。") == [
        (None, "increase", Decimal("1200"), "公里"), ("安防工程", "=", Decimal("1200"), "公里"),
        ("危桥", "=", Decimal("120"), "座")]


def _read(sentence):
    doc = extract_text("一、任务\n1. " + sentence + "（省科技厅负责）\n")
    return [(t.metric, t.comparator, t.value, t.unit) for t in doc.tasks[0].targets]


def test_a_count_before_its_noun_after_a_verb_of_doing():
    # hebei-economy-stabilization-2022 x5 (blind gold): sums handed down or put in, people sent, teams set up;
    # the metric is the noun after the count
    assert _read("2022年6月20日前下拨4亿元省级财政科技资金,支持企业技术攻关。") == [("省级财政科技资金", "=", Decimal("4"), "亿元")]
    assert _read("从高校院所选派6个科技特派团;选派4000名科技特派员,深入企业开展创新服务。") == [
        ("科技特派团", "=", Decimal("6"), "个"), ("科技特派员", "=", Decimal("4000"), "名")]
    assert _read("成立5个帮扶督导工作组,赴各市开展帮扶督导活动。") == [("帮扶督导工作组", "=", Decimal("5"), "个")]
    # a list of counts, each before its noun in a measure of its own
    assert _read("筛选推荐10家科技领军企业、100项重大科技成果、1000家高新技术企业,提供差异化服务。") == [
        ("科技领军企业", "=", Decimal("10"), "家"), ("重大科技成果", "=", Decimal("100"), "项"),
        ("高新技术企业", "=", Decimal("1000"), "家")]
    # a bound after the count refines it; a comparator right before it decides
    assert _read("双创基地要安排30%左右的场地免费向高校毕业生创业者提供。") == [
        ("场地免费向高校毕业生创业者提供", "~", Decimal("30"), "%")]
    assert _read("组建不少于150人的涉外律师人才库。") == [("涉外律师人才库", ">=", Decimal("150"), "人")]


@pytest.mark.parametrize("sentence", [
    "严禁在普通公路同一区段同一方向设置2个(含)以上防疫检查点。",  # x4: forbidden
    "研发投入占营业收入比重高于行业平均水平20%的企业,实施正面清单管理。",  # x1: a comparator between verb and count
    "深化与建设银行河北省分行、河北银行等6家银行合作。",  # x5: 建设 begins a bank's name
    "为32家省级以上高新区提供一站式服务。",  # x5: 为 that opens a clause is "for"
    # a second reading of the change: durations, a verb's complement or preposition, a whole place, a name
    "下达后10个工作日内分配。", "组织2个月以上的专项检查行动。", "筛选出30%的企业进行抽查。", "成立由12个部门组成的工作专班。",
    "组织全省11个设区市开展自查。", "全省现有基层党组织8.6万个。", "全省已设置的326个检查站要全部撤除。", "征集到的200条意见。",
    "由各市推荐的企业中择优确定50家。",
    # hebei x6, x1 (blind gold): the count is of the noun after it, the verb's words describe it or end in a link
    "对2022年实施改造的石津等7处大型灌区,年内投资完成。", "延续实施阶段性降低失业保险费率为1%政策至2023年4月。",
    # a second reading of the session's change: a count qualifying the noun after it, a frequency, stock
    "全年实施总投资1200亿元的260个重点项目。", "检查发现问题120个。", "检查出问题企业30家。", "深入实施数字经济发展规划及20个系列行动计划。", "全县现有房地产开发企业35家。", "种植大户200户。",
    "组织第3次全国土壤普查。",  # an ordinal
    "加大开发性金融支持50亿元。",  # 开发 in a noun
    "新建1000吨级泊位。",  # a grade (county-key-projects-2026)
])
def test_a_count_that_is_no_verbs_target(sentence):
    assert _read(sentence) == []


@pytest.mark.parametrize(("sentence", "metric"), [
    ("改造提升老旧小区300个。", "提升老旧小区"),  # 提升 is a comparator too, but no bounding one
    ("建成实现5G全覆盖的行政村1000个。", "实现5G全覆盖的行政村"),
    ("改造局部破损路段30公里。", "局部破损路段"),  # 局, 委, 集团, 部门 after a verb: no name
    ("完成委托评估项目10个。", "委托评估项目"),
    ("引进集团总部5家。", "集团总部"),
    ("培训部门负责人500人次。", "部门负责人"),
])
def test_a_verbs_count_is_kept_where_the_guards_do_not_apply(sentence, metric):
    assert [t[0] for t in _read(sentence)] == [metric]


@pytest.mark.parametrize(("sentence", "expected"), [
    # counts of work to do in plans of other offices (tests/data/written, blind gold)
    ("全年实施市级重点项目260个。", ("市级重点项目", "=", Decimal("260"), "个")),  # city-assignment-2026
    ("全年新（改）建农村户厕8000户。", ("农村户厕", "=", Decimal("8000"), "户")),  # city-checklist-2025
    ("新筹集保障性租赁住房3000套。", ("保障性租赁住房", "=", Decimal("3000"), "套")),  # city-ledger-2025
    ("完成食品污染物和有害因素监测样品1200份。", ("食品污染物和有害因素监测样品", "=", Decimal("1200"), "份")),  # city-food-safety-2026
    ("居民用户橡胶软管更换为金属波纹管1.2万户。", ("金属波纹管", "=", Decimal("1.2"), "万户")),  # county-campaign-phases-2026
    ("全年检查排污单位不少于1800家次。", ("检查排污单位", ">=", Decimal("1800"), "家次")),  # city-summary-and-plan-2026
    # township-work-plan-2026 lines 46, 62, 69, 60
    ("更新垃圾收集箱200个。", ("垃圾收集箱", "=", Decimal("200"), "个")),
    ("新植各类苗木1.5万株。", ("各类苗木", "=", Decimal("1.5"), "万株")),
    ("新开发保洁类公益性岗位40个。", ("保洁类公益性岗位", "=", Decimal("40"), "个")),
    ("年底前评选表彰美丽庭院300户。", ("美丽庭院", "=", Decimal("300"), "户")),
    ("开展低效用地再开发2万亩。", (None, "=", Decimal("2"), "万亩")),  # city-table-plan-2026
    ("城市更新项目完成投资150亿元。", ("投资", "=", Decimal("150"), "亿元")),  # city-duty-division-2026: 更新 in a noun
    # district-responsibility-list-2026 line 44, city-party-joint-plan-2026 line 18
    ("国考、省考断面水质达标率保持100%。", ("国考、省考断面水质达标率", "=", Decimal("100"), "%")),
    ("联席会议每季度至少召开1次。", (None, ">=", Decimal("1"), "次")),
    # county-work-report-division-2026
    ("力争新开工亿元以上项目50个。", ("亿元以上项目", "=", Decimal("50"), "个")),
    ("新建、改扩建中小学校和幼儿园8所。", ("中小学校和幼儿园", "=", Decimal("8"), "所")),
    ("全年新签约亿元以上项目60个。", ("亿元以上项目", "=", Decimal("60"), "个")),
])
def test_counts_of_work_in_the_units_and_verbs_of_other_offices(sentence, expected):
    assert expected in _read(sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    # the words before the count link it to, or describe, the noun after it: that noun is what is counted
    ("新建城北污水处理厂及20公里配套管网。", [("配套管网", "=", Decimal("20"), "公里")]),
    ("完成省政府下达的、涉及民生的10件实事。", [("实事", "=", Decimal("10"), "件")]),
    # a list goes on in another unit for one more thing built, not for a size or those served
    ("改造老旧小区50个、受益群众2万户。", [("老旧小区", "=", Decimal("50"), "个")]),
    ("新建污水处理厂2座、服务人口20万人。", [("污水处理厂", "=", Decimal("2"), "座")]),
    ("新建标准化厂房10万平方米、入驻企业30家。", [("标准化厂房", "=", Decimal("10"), "万平方米")]),
    ("新建标准化厂房6万平方米、养老服务中心3个。", [("标准化厂房", "=", Decimal("6"), "万平方米"), ("养老服务中心", "=", Decimal("3"), "个")]),
    ("新建校舍2万平方米、学生公寓2栋。", [("校舍", "=", Decimal("2"), "万平方米"), ("学生公寓", "=", Decimal("2"), "栋")]),
    # …and in the same unit whatever the item opens with
    ("培育农业产业化龙头企业20家、规模以上农产品加工企业10家。", [
        ("农业产业化龙头企业", "=", Decimal("20"), "家"), ("规模以上农产品加工企业", "=", Decimal("10"), "家")]),
    # a floor on how often stays a target
    ("联席会议每季度至少召开1次。", [(None, ">=", Decimal("1"), "次")]),
])
def test_a_second_reading_of_counts_of_work(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize(("sentence", "values"), [
    # hebei-economy-stabilization-2022 x6, x7 (blind gold): where a change starts (the end is the target), a
    # condition, a term of the policy, a support and what it is measured by
    ("再担保金额占比由不低于80%提高至不低于90%。", [(">=", Decimal("90"))]),
    ("超过400万元且适宜由中小企业提供的,采购人应当专门面向中小企业采购。", []),
    ("各市居民消费价格指数单月同比涨幅达到3.5%或食品价格指数单月同比涨幅达到6%时,启动联动机制。", []),
    ("延续实施阶段性降低失业保险费率为1%政策至2023年4月30日。", []),
    ("大型企业返还比例从30%提高至50%,中小微企业返还比例从60%提高至90%。", []),
    ("对新建、扩建社会养殖场每个栏位补助1000元,建设智能奶牛场每个补助30万元。", []),
    ("按加计扣除新增减税额市县负担部分的100%给予奖励。", []),
    ("城镇污水处理率由85%提高至95%。", [("=", Decimal("95"))]),  # (a level, not a term of a policy)
])
def test_numbers_that_state_no_target(sentence, values):
    assert [(t[1], t[2]) for t in _read(sentence)] == values


def test_a_verbs_count_with_a_bound_after_it_has_its_noun_for_metric():
    # shandong-education-14fyp-2021 (a new user's trial: the bound's reading gave the metric 建成, 遴选建设)
    assert _read("建成20所左右国际化学校。") == [("国际化学校", "~", Decimal("20"), "所")]
    assert _read("遴选建设50所左右乡村振兴人才培养优质校。") == [("乡村振兴人才培养优质校", "~", Decimal("50"), "所")]


def test_an_items_number_is_no_part_of_a_metric():
    # chuzhou-govwork-2020 ("1. 地区生产总值增长8%以上"), baotou-digital-gov-evaluation-2022 ("47．全市新增2400户")
    doc = extract_text("一、主要目标\n1. 地区生产总值增长8%以上。\n")
    assert [t.metric for t in doc.targets] == ["地区生产总值"]


def test_a_list_of_counts_stops_at_a_share_or_a_duration():
    assert len(_read("选派6个科技特派团、80%以上的县实现全覆盖。")) == 1
    assert len(_read("下拨4亿元资金、2个月内完成拨付。")) == 1


def test_a_box_of_projects_states_no_plan_target_and_a_box_of_targets_does():
    # hebei-electronics-action-plan-2020, one line: a box of …工程 holds the capacities of projects
    doc = extract_text("二、工作目标。到2022年，产业规模达到3000亿元。专栏1：现代通信产业链工程。"
                       "形成年产宽/窄带融合一体化通信指挥系统20套。三、重点任务。（一）推进集群发展。\n")
    assert [(t.metric, t.value) for t in doc.targets] == [("产业规模", Decimal("3000"))]
    # xinjiang-env-13th-2017 专栏3: a box of targets
    doc = extract_text("二、工作目标\n专栏3 “十三五”期间各城市细颗粒物浓度下降目标要求\n"
                       "“十三五”期间细颗粒物浓度平均下降18.3%。\n")
    assert [(t.comparator, t.value) for t in doc.targets] == [("decrease", Decimal("18.3"))]
    # a second reading: where a box's own lines end is not known, so the plan's goals after it stay
    # its targets; and a box named in a sentence is no box
    doc = extract_text("二、工作目标\n专栏1 重点工程\n新建污水处理厂3座。\n到2025年，全市森林覆盖率达到30%。\n三、重点任务\n")
    assert ("全市森林覆盖率", Decimal("30")) in [(t.metric, t.value) for t in doc.targets]
    doc = extract_text("二、工作目标\n重点工程详见专栏1。专栏1所列工程要按期建成，到2025年，全市森林覆盖率达到30%。\n")
    assert [(t.metric, t.value) for t in doc.targets] == [("全市森林覆盖率", Decimal("30"))]
    assert not [s for s in doc.sections if s.kind == "box"]


@pytest.mark.parametrize("text, expected", [
    # a count written as a range is one target from its lower to its upper end, not two (or none)
    ("创建1-2个国家级生态工业园区", ("=", "1-2", "个")),  # xinjiang-env-13th-2017, line 455
    ("建设2—3个高水平当代马克思主义研究基地", ("=", "2-3", "个")),  # shandong-education-14fyp-2021
    ("货物和服务项目给予小微企业的价格扣除优惠,由6%—10%提高至10%—20%", ("=", "10-20", "%")),  # hebei-economy x2
    ("到2025年,新增10至20家专精特新企业", ("increase", "10-20", "家")),
    ("全市PM2.5浓度下降5%—8%", ("decrease", "5-8", "%")),
])
def test_a_range_is_one_target(text, expected):
    (t,) = targets(text)
    assert (t.comparator, t.value_label, t.unit) == expected
    assert t.value < t.value_max


@pytest.mark.parametrize("text, values", [
    ("城市、县城污水处理率分别达到95%、85%", ["95", "85"]),  # a list, each its own target
    ("到2020年,全市PM2.5浓度下降8%—5%", ["8", "5"]),  # (falling: no range)
])
def test_values_that_are_no_range_stay_apart(text, values):
    assert [t.value_label for t in targets(text)] == values


@pytest.mark.parametrize("text, metric, year", [
    # a year opening the sentence dates its target and is no part of the metric (hebei-economy-stabilization-2022:
    # 年中 here is 中小微企业, not mid-year)
    ("2022年中小微企业宽带和专线平均资费再降10%", "中小微企业宽带和专线平均资费", 2022),
])
def test_a_sentence_year_before_the_subject(text, metric, year):
    (t,) = targets(text)
    assert (t.metric, t.year) == (metric, year)


@pytest.mark.parametrize("text, metrics", [
    # the metric of a target listed after another starts after it (hebei-resume-production-2021, hebei-economy x1)
    ("“三个清单”计划开工项目一季度开工率达到45%以上、上半年达到70%以上", ["“三个清单”计划开工项目一季度开工率", "上半年"]),
    ("全年推介项目200个以上、总投资1500亿元以上", [None, "总投资"]),
    # …not one the target before qualifies (hebei-electronics-action-plan-2020)
    ("主营业务收入10亿元以上企业达到40家", [None, "主营业务收入10亿元以上企业"]),
])
def test_a_listed_targets_metric_starts_after_the_one_before(text, metrics):
    assert [t.metric for t in targets(text)][-len(metrics) + 1:] == metrics[1:]


def test_a_tax_bracket_is_no_target():
    """hebei-resume-production-2021: "超过100万元但不超过300万元的部分" names the part a rate applies to."""
    assert targets("对年应纳税所得额超过100万元但不超过300万元的部分,减按25%计入应纳税所得额") == []


@pytest.mark.parametrize("text, year", [
    # a deadline opening a clause of its own after the target dates that clause (national-fangguanfu-task-division-2020)
    ("将正常出口退税业务平均办理时间压减至8个工作日以内,2021年全面推广无纸化单证备案", None),
    # …one whose clause only completes the target dates it
    ("城市污水处理率达到90%以上,2020年底前完成", 2020),
    ("城市污水处理率2020年底前达到90%以上", 2020),
])
def test_a_deadline_after_the_target_dates_it_only_when_its_clause_completes_it(text, year):
    (t,) = targets(text)
    assert t.year == year


@pytest.mark.parametrize("text, metric", [
    # a count with no subject before it has its noun after it (hebei-electronics-action-plan-2020, shandong-education-14fyp-2021)
    ("新增10家省级以上创新平台", "省级以上创新平台"),
    ("新增10个以上国家大学科技园培育基地", "国家大学科技园培育基地"),
    # …and 全年 is no subject (hebei-economy-stabilization-2022)
    ("全年推介项目200个以上", "推介项目"),
])
def test_a_count_before_its_noun(text, metric):
    (t,) = targets(text)
    assert t.metric == metric


def test_a_range_in_tenths_is_one_target_in_percent():
    """"6至7成" is 60 to 70 %, not 6 to 70 (a second reading of the range change)."""
    (t,) = targets("覆盖率提高到6至7成")
    assert (t.value_label, t.unit) == ("60-70", "%")


@pytest.mark.parametrize("text", ["提高至95%并保持稳定", "减少5%用于奖励", "到2020年,达到90%以上水平"])
def test_a_share_takes_no_noun_after_it_for_its_metric(text):
    (t,) = targets(text)
    assert t.metric is None


def test_a_deadline_dating_its_own_clause_leaves_the_target_undated():
    """…not dated by another sentence's deadline either (a second reading)."""
    found = targets("2019年底前完成清理。压减至8个工作日以内,2021年全面推广无纸化单证备案。")
    assert [t.year for t in found] == [None]


def test_a_reversed_range_is_no_count():
    assert targets("建设2-1万个基地") == []


def test_a_target_without_a_year_is_due_when_its_task_is():
    # a user's plan: the clause's 完成时限 dates the task, so its targets (no year in their sentence)
    doc = extract_text("一、任务\n2.建立长效管理机制。推动改造后小区引入专业化物业服务，物业服务覆盖率不低于80%。"
                       "（牵头单位：市住房城乡建设局；完成时限：2025年6月底前）\n")
    assert [(t.comparator, int(t.value), t.year) for t in doc.tasks[0].targets] == [(">=", 80, 2025)]


def test_a_task_due_in_two_years_dates_no_target_by_guess():
    doc = extract_text("一、任务\n1.推进改造。物业服务覆盖率不低于80%。（市住建局负责；完成时限：一期2024年底前，二期2025年底前）\n")
    assert [d.date for d in doc.tasks[0].deadlines] == ["2024-12-31", "2025-12-31"]
    assert [t.year for t in doc.tasks[0].targets] == [None]
