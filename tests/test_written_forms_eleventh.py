"""Forms read on 3–4 December 2026 (eleventh session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from decimal import Decimal

from policyx import extract_text, load_rules
from policyx.extract.sections import inline_field_breaks
from policyx.text.normalize import Normalized


def tasks(text: str):
    return [(t.title, [r.name for r in t.lead], [d.date or d.kind for d in t.deadlines]) for t in extract_text(text).tasks]


# -- field lines a copy ran together (province-task-field-blocks-2025, lines 16-28; district-responsibility-list-2026,
# lines 14-26, each run onto one line) ----------------------------------------------------------------------

FIELD_BLOCKS_RUN_TOGETHER = (
    "一、保障粮食和重要农产品稳定安全供给任务名称：稳定粮食生产主要内容：落实粮食安全党政同责，全省粮食播种面积稳定在3340万亩以上。"
    "牵头单位：省农业农村厅配合单位：省发展改革委、省财政厅完成时限：2025年12月底前责任处室：种植业管理处"
    "任务名称：推进高标准农田建设主要内容：新建和改造提升高标准农田150万亩。牵头单位：省农业农村厅配合单位：省财政厅、省水利厅"
    "完成时限：2025年12月底前责任处室：农田建设管理处"
)


def test_field_labels_run_onto_the_value_before_them_start_their_lines_again():
    assert tasks(FIELD_BLOCKS_RUN_TOGETHER) == [
        ("稳定粮食生产", ["农业农村厅"], ["2025-12-31"]),
        ("推进高标准农田建设", ["农业农村厅"], ["2025-12-31"]),
    ]


ITEMS_WITH_FIELDS_RUN_TOGETHER = (
    "二、重点工作责任清单1.扩大有效投资工作目标：全年实施重点项目260个以上，完成投资420亿元。"
    "责任区领导：张某某（区委常委、常务副区长）牵头单位：区发展改革委责任单位：区财政局、各镇街完成时限：2026年12月底前"
    "2.推进招商引资提质增效工作目标：全年新签约亿元以上项目100个。责任区领导：李某某（副区长）"
    "牵头单位：区投资促进中心；责任单位：区商务局、各镇街等完成时限：每季度调度，年底前完成"
    "3.培育壮大数字经济。工作目标：新增国家高新技术企业120家；牵头单位：区科技局；完成时限：2026年11月底前。"
    "4.促进消费扩容提质工作目标：全年举办促消费活动50场以上。牵头单位：区商务局责任单位：三里庵街道、稻香村街道10"
)


def test_an_items_marker_glued_to_the_last_fields_value_starts_the_next_item():
    assert [(title, lead) for title, lead, _ in tasks(ITEMS_WITH_FIELDS_RUN_TOGETHER)] == [
        ("扩大有效投资", ["发展改革委"]), ("推进招商引资提质增效", ["投资促进中心"]),
        ("培育壮大数字经济", ["科技局"]), ("促进消费扩容提质", ["商务局"]),
    ]


def _field_breaks(text: str) -> list[int]:
    rules = load_rules()
    return inline_field_breaks(Normalized(text, ()), rules)


def test_fields_of_one_line_and_a_sentence_naming_a_field_are_left_as_they_are():
    assert _field_breaks("牵头单位：市商务局；配合单位：市财政局；完成时限：2026年6月底前") == []
    assert _field_breaks("请各牵头单位：高度重视，按时报送。各责任单位：加强配合。") == []
    assert _field_breaks("……确保年底前全面完成。责任单位：市发展改革委、市财政局。完成时限：2026年12月。") == []
    assert _field_breaks("1\t推进项目建设\t市发展改革委完成时限：\t市财政局责任单位：") == []  # (a table's row)


def who(text: str):
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers],
             [d.date or d.kind for d in t.deadlines]) for t in extract_text(text).tasks]


# -- a responsibility matrix: a column a department, "●" leads and "○" takes part (province-responsibility-matrix-2026,
# lines 46-64) -----------------------------------------------------------------------------------------------

MATRIX = (
    "附件\n湖南省节能降碳攻坚行动重点任务责任分工表\n"
    "序号\t重点任务\t责任单位\t\t\t\t完成时限\n"
    "\t\t省发展改革委\t省工业和信息化厅\t省科技厅\t省能源局\t\n"
    "1\t严把新上“两高”项目准入关\t●\t○\t\t○\t2026年6月底前\n"
    "2\t推动钢铁、有色等行业节能降碳改造\t●\t●\t\t\t2027年底前\n"
    "3\t推广先进适用节能降碳技术\t○\t〇\t●\t\t\n"
    "注：●为牵头单位，○为配合单位。各市州人民政府负责抓好落实。\n"
)


def test_a_matrix_rows_marks_say_who_leads_and_who_takes_part_and_its_notes_who_carries_it_out():
    assert who(MATRIX) == [
        ("严把新上“两高”项目准入关", ["发展改革委"], ["工业和信息化厅", "能源局"], ["各市州人民政府"], ["2026-06-30"]),
        ("推动钢铁、有色等行业节能降碳改造", ["发展改革委", "工业和信息化厅"], [], ["各市州人民政府"], ["2027-12-31"]),
        ("推广先进适用节能降碳技术", ["科技厅"], ["发展改革委", "工业和信息化厅"], ["各市州人民政府"], []),
    ]


def test_a_legend_may_give_the_marks_other_roles():
    swapped = MATRIX.replace("注：●为牵头单位，○为配合单位。", "注：○为牵头单位，●为配合单位。")
    assert [(lead, part) for _, lead, part, _, _ in who(swapped)][0] == (["工业和信息化厅", "能源局"], ["发展改革委"])


def test_departments_in_the_header_row_itself_make_a_matrix_too():
    one_row = ("序号\t重点任务\t市发展改革委\t市财政局\t市生态环境局\t完成时限\n"
               "1\t推进园区循环化改造\t★\t☆\t☆\t2026年底前\n"
               "2\t开展清洁生产审核\t\t☆\t★\t2026年10月底前\n")
    assert [(title, lead, part) for title, lead, part, _, _ in who(one_row)] == [
        ("推进园区循环化改造", ["发展改革委"], ["财政局", "生态环境局"]),
        ("开展清洁生产审核", ["生态环境局"], ["财政局"]),
    ]


def test_a_column_of_ticks_among_words_is_no_matrix():
    table = ("序号\t重点任务\t牵头单位\t是否纳入考核\n"
             "1\t推进园区循环化改造\t市发展改革委\t√\n"
             "2\t开展清洁生产审核\t市生态环境局\t\n")
    assert [(title, lead) for title, lead, _, _, _ in who(table)] == [
        ("推进园区循环化改造", ["发展改革委"]), ("开展清洁生产审核", ["生态环境局"])]


# -- a province's list of key tasks sent by a notice: 牵头省领导 is a person, the notice's paragraphs no tasks
# (province-key-tasks-with-leaders-2026, lines 1-20) ----------------------------------------------------------

KEY_TASKS = (
    "四川省人民政府办公厅关于印发《2026年省政府重点工作任务清单》的通知\n川办发〔2026〕9号\n"
    "　　一、压实工作责任。《清单》所列重点工作任务，由牵头省领导统筹协调，牵头单位负总责，责任单位按职责抓好落实。\n"
    "　　二、强化督查督办。省政府督查室对《清单》实行台账管理、动态跟踪，按季度开展专项督查。\n"
    "附件\n2026年省政府重点工作任务清单\n"
    "序号\t重点任务\t牵头省领导\t牵头单位\t责任单位\t完成时限\n"
    "1\t实施扩大有效投资攻坚行动，全年实施省重点项目700个以上\t陈建华\t省发展改革委\t各市（州）人民政府\t2026年12月底前\n"
    "2\t积极争取中央预算内投资支持\t陈建华、刘志勇\t省发展改革委、省财政厅\t各市（州）人民政府\t全年持续推进\n"
)


def test_the_official_who_leads_is_no_department_and_a_notices_own_paragraphs_are_no_tasks():
    assert [(title[:10], lead, impl) for title, lead, _, impl, _ in who(KEY_TASKS)] == [
        ("实施扩大有效投资攻坚", ["发展改革委"], ["各市(州)人民政府"]),
        ("积极争取中央预算内投", ["发展改革委", "财政厅"], ["各市(州)人民政府"]),
    ]


# -- an item with its own date, and the row of the annexed division that restates it with its 完成时限: both
# mentions (province-body-and-annex-division-2024, lines 14 and 52) ------------------------------------------

BODY_AND_ROW = (
    "二、重点任务\n（一）推进重点行业设备更新。到2027年，全省工业领域设备投资规模较2023年增长25%以上。\n"
    "（二）实施汽车以旧换新。加大报废更新补贴力度。\n"
    "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n"
    "1\t推进重点行业设备更新\t省工业和信息化厅\t2027年底前\n"
    "2\t实施汽车以旧换新\t省商务厅\t2026年12月底前\n"
)


def test_an_item_keeps_its_own_date_and_takes_the_restating_rows_beside_it():
    found = {t.title: ([r.name for r in t.lead], [d.date for d in t.deadlines])
             for t in extract_text(BODY_AND_ROW).tasks if t.source != "table"}
    assert found["推进重点行业设备更新"] == (["工业和信息化厅"], ["2027-12-31", "2027-12-31"])
    assert found["实施汽车以旧换新"] == (["商务厅"], ["2026-12-31"])


# -- a sheet copied out of Excel: a cell with line breaks in double quotes over several lines, cells merged down
# the rows left empty under their top row, group rows (city-cell-subitems-2026, lines 4-16) -------------------

SHEET = (
    "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
    "一、产业升级\t\t\t\t\t\n"
    "1\t推动先进制造业集群提质\t1.落实产业链链长制；2.培育千亿级产业集群。\t市工业和信息化局\t市发展改革委\t2026年12月底前\n"
    "2\t培育专精特新企业\t\"（1）建立专精特新企业梯度培育库；\n（2）认定省级专精特新中小企业100家；\n"
    "（3）组织专精特新企业参加融资对接。\"\t\t市科技局、市财政局\t\n"
    "3\t推进“个转企、小升规”\t1.建立小升规重点培育企业库；2.新增规模以上工业企业200家以上。\t\t市统计局\t\n"
    "二、创新驱动\t\t\t\t\t\n"
    "4\t强化企业创新主体地位\t新增高新技术企业150家。\t市科技局\t市教育局\t\n"
    "5\t促进科技成果转化\t组织科技成果对接活动20场以上。\t\t\t长期坚持\n"
)


def test_a_sheets_quoted_cell_and_merged_cells_are_read_as_the_sheet_shows_them():
    assert [(title, lead, part, dates) for title, lead, part, _, dates in who(SHEET)] == [
        ("推动先进制造业集群提质", ["工业和信息化局"], ["发展改革委"], ["2026-12-31"]),
        ("培育专精特新企业", ["工业和信息化局"], ["科技局", "财政局"], ["2026-12-31"]),
        ("推进“个转企、小升规”", ["工业和信息化局"], ["统计局"], ["2026-12-31"]),
        ("强化企业创新主体地位", ["科技局"], ["教育局"], []),  # (a group's first row: no merge crosses its row)
        ("促进科技成果转化", ["科技局"], ["教育局"], ["ongoing"]),
    ]
    row = next(t for t in extract_text(SHEET).tasks if t.title == "培育专精特新企业")
    assert row.line == 4 and '"' not in row.text and [g.value for g in row.targets] == [100]


def test_empty_cells_are_empty_where_every_row_names_its_lead():
    table = ("序号\t重点任务\t牵头单位\t完成时限\n"
             "1\t推动先进制造业集群提质\t市工业和信息化局\t2026年12月底前\n"
             "2\t培育专精特新企业\t市科技局\t\n")
    assert [dates for _, _, _, _, dates in who(table)] == [["2026-12-31"], []]


def test_a_group_row_after_a_row_that_lost_its_last_cells_is_no_part_of_it():
    table = ("序号\t考核指标\t目标值\t分值\t责任单位\t牵头县领导\n"
             "14\t农村改厕规范升级\t完成市下达任务\t4分\t县农业农村局\t\n"
             "共性指标（20分）\n"
             "15\t安全生产\t一般事故起数下降10%\t6分\t县农业农村局\t赵文博\n")
    assert [lead for _, lead, _, _, _ in who(table)] == [["农业农村局"], ["农业农村局"]]


# -- 【】-labelled attributions on a line before the item they attribute (prefecture-implementation-opinions-mixed-2025,
# lines 19-29) ----------------------------------------------------------------------------------------------

LABELS_BEFORE = (
    "二、重点任务\n（一）建设高标准茶叶基地\n"
    "【牵头单位】州农业农村局【责任单位】州林业局、各县市人民政府\n"
    "1.优化茶园区域布局。建设清江流域优质茶叶产业带。\n"
    "2.推进低产茶园改造。每年改造低产低效茶园5万亩以上（州农业农村局牵头，州财政局配合）。\n"
    "【牵头单位】州经信局【责任单位】州农业农村局\n"
    "3.推动加工装备升级。每年实施技改项目20个。\n"
)


def test_a_line_of_labels_in_brackets_attributes_the_item_below_it():
    assert [(title, lead, part, impl) for title, lead, part, impl, _ in who(LABELS_BEFORE)] == [
        ("优化茶园区域布局", ["农业农村局"], [], ["林业局", "各县市人民政府"]),
        ("推进低产茶园改造", ["农业农村局"], ["财政局"], []),
        ("推动加工装备升级", ["经信局"], [], ["农业农村局"]),
    ]


def test_a_goals_column_of_a_later_year_makes_the_bare_years_column_the_baseline():
    box = ("专栏1　主要指标\n指标\t2024年\t2027年目标\t属性\n"
           "茶园面积（万亩）\t176.8\t180左右\t预期性\n干毛茶产量（万吨）\t15.2\t18\t预期性\n")
    doc = extract_text(box)
    assert [(t.value, t.unit, t.year) for t in doc.targets] == [(180, "万亩", 2027), (18, "万吨", 2027)]


# -- attributions as sentences after the items: "此项任务由…", "责任单位同上", "（以上三项均由…负责）"
# (city-trailing-attribution-sentences-2026, lines 20-39) ------------------------------------------------------

TRAILING = (
    "（一）提升基层医疗卫生服务能力\n"
    "1．推进医共体建设。6月底前完成医共体章程修订。该项工作由市卫生健康委牵头，市医保局配合，2026年9月底前完成。\n"
    "2．提升社区卫生服务中心服务水平。新建社区卫生服务中心12个。此项任务由各区县政府负责落实。\n"
    "3．加强乡村医生队伍建设。全年培训乡村医生1500人次。责任单位同上，2026年10月底前完成。\n"
    "（二）促进儿童青少年健康\n"
    "4．实施近视综合防控。定期开展视力筛查。\n"
    "5．保障学生体育活动时间。开齐开足体育与健康课程。\n"
    "6．加强心理健康教育。市卫生健康委、团市委配合做好学生心理危机干预。\n"
    "（以上三项均由市教育局负责）\n"
)


def test_attributions_written_as_sentences_after_their_items():
    assert [(title, lead, part, impl, dates) for title, lead, part, impl, dates in who(TRAILING)] == [
        ("推进医共体建设", ["卫生健康委"], ["医保局"], [], ["2026-06-30", "2026-09-30"]),
        ("提升社区卫生服务中心服务水平", [], [], ["各区县政府"], []),
        ("加强乡村医生队伍建设", [], [], ["各区县政府"], ["2026-10-31"]),
        ("实施近视综合防控", ["教育局"], [], [], []),
        ("保障学生体育活动时间", ["教育局"], [], [], []),
        ("加强心理健康教育", ["教育局"], ["卫生健康委", "团市委"], [], []),
    ]


# -- a table copied out of a PDF one cell a line: a list of offices wrapped after its 、, a page's foot between rows,
# an empty 配合单位 missing (province-division-table-one-cell-a-line-2025)

ONE_CELL_A_LINE = (
    "河南省人民政府办公厅关于做好2025年养老服务体系建设工作的通知\n"
    "附件\n河南省2025年养老服务体系建设重点任务分工表\n"
    "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
    "1\n完善县乡村三级养老服务网络，新建街道（乡镇）综合养\n老服务中心200个\n省民政厅\n"
    "省发展改革委、省财政厅、省自然资源厅、\n省住房城乡建设厅\n2025年12月底前\n"
    "— 5 —\n"
    "2\n落实养老服务机构税费减免政策\n省税务局、省发展改革委\n持续推进\n"
    "3\n推进医养结合\n省卫生健康委\n省民政厅、省医保局\n2025年12月底前\n"
)


def test_a_pdfs_table_one_cell_a_line():
    assert [(title, lead, part, dates) for title, lead, part, _, dates in who(ONE_CELL_A_LINE)] == [
        ("完善县乡村三级养老服务网络，新建街道（乡镇）综合养老服务中心200个", ["民政厅"],
         ["发展改革委", "财政厅", "自然资源厅", "住房城乡建设厅"], ["2025-12-31"]),
        ("落实养老服务机构税费减免政策", ["税务局", "发展改革委"], [], ["ongoing"]),
        ("推进医养结合", ["卫生健康委"], ["民政厅", "医保局"], ["2025-12-31"]),
    ]


def test_a_rows_work_of_one_sentence_is_its_title_whole_and_a_forms_signature_no_task():
    ledger = ("金水区2026年重点工作督查督办事项台账\n"
              "序号\t交办事项\t承办单位\t办理时限\n"
              "1\t加快推进老旧小区改造，年内完成老旧小区改造62个，同步实施加装电梯100部\t区住房城乡建设局\t2026年12月底前\n"
              "填报人：王　静　　　审核人：陈立明　　　联系电话：0371-65908716\n")
    assert [title for title, *_ in who(ledger)] == ["加快推进老旧小区改造，年内完成老旧小区改造62个，同步实施加装电梯100部"]


# -- from the second reading of this session's changes (/tmp/review17-inputs: n4, m2, m7, b3, b1, e1, t1, s1, a5) --

def test_a_notice_sending_a_plan_in_its_text_keeps_the_plans_items_beside_a_project_table():
    text = ("某县人民政府关于印发某县2026年乡村振兴重点工作方案的通知\n各乡镇人民政府，县直各部门：\n"
            "现将《某县2026年乡村振兴重点工作方案》印发给你们，请认真贯彻执行。\n"
            "某县2026年乡村振兴重点工作方案\n一、稳定粮食生产\n"
            "（一）落实粮食播种面积。全年粮食播种面积稳定在80万亩以上。\n"
            "（二）建设高标准农田。2026年10月底前新建高标准农田3万亩。\n"
            "附件：2026年乡村振兴重点项目表\n序号\t项目名称\t建设内容\t责任单位\t完成时间\n"
            "1\t某镇现代农业产业园\t建设标准化大棚200个\t县农业农村局\t2026年11月\n"
            "2\t某村乡村旅游示范点\t建设游客中心1处\t县文化旅游局\t2026年9月\n")
    assert [title for title, *_ in who(text)] == ["落实粮食播种面积", "建设高标准农田", "某镇现代农业产业园", "某村乡村旅游示范点"]


def test_columns_of_ticks_under_years_or_kinds_of_firm_are_no_matrix():
    years = ("序号\t重点任务\t牵头单位\t2024年\t2025年\t2026年\n"
             "1\t建设城市污水管网100公里\t市住房城乡建设局\t√\t√\t\n"
             "2\t新建充电桩2000个\t市发展改革委\t\t√\t√\n")
    assert [lead for _, lead, *_ in who(years)] == [["住房城乡建设局"], ["发展改革委"]]
    kinds = ("序号\t政策名称\t小微企业\t个体工商户\t农业经营主体\n"
             "1\t增值税小规模纳税人减免\t√\t√\t\n2\t农业保险保费补贴\t\t\t√\n")
    assert [lead for _, lead, *_ in who(kinds)] == []


def test_a_line_of_labels_after_an_item_with_none_is_that_items_and_over_a_bare_group_each_items():
    after = ("一、重点任务\n1.优化茶园区域布局。到2027年全州茶园面积稳定在50万亩。\n"
             "【牵头单位】州农业农村局【责任单位】州林业局\n"
             "2.培育加工龙头企业。到2027年培育省级以上龙头企业10家。\n"
             "【牵头单位】州工业和信息化局【责任单位】各县市人民政府\n")
    assert [(title, lead) for title, lead, *_ in who(after)] == [
        ("优化茶园区域布局", ["农业农村局"]), ("培育加工龙头企业", ["工业和信息化局"])]
    over = ("一、优化产业布局\n【牵头单位】州农业农村局【责任单位】州林业局\n"
            "1.优化茶园区域布局。到2027年全州茶园面积稳定在50万亩。\n2.建设标准化生产基地。每年新建标准化茶园基地2万亩。\n")
    assert [(title, lead) for title, lead, *_ in who(over)] == [
        ("优化茶园区域布局", ["农业农村局"]), ("建设标准化生产基地", ["农业农村局"])]


def test_one_row_with_no_lead_shows_no_merged_cells():
    table = ("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
             "1\t新建社区养老服务综合体100个\t市民政局\t市财政局\t2026年12月底前\n"
             "2\t发展老年助餐服务\t市民政局\t\t2026年10月底前\n"
             "3\t开展老年人防诈骗宣传活动\t\t\t长期坚持\n"
             "4\t建设智慧养老平台\t市数据局\t\t\n")
    assert [(lead, part, dates) for _, lead, part, _, dates in who(table)] == [
        (["民政局"], ["财政局"], ["2026-12-31"]), (["民政局"], [], ["2026-10-31"]), ([], [], ["ongoing"]), (["数据局"], [], [])]


def test_a_heading_that_names_its_field_is_no_field_run_together_and_same_as_above_may_have_a_colon():
    assert _field_breaks("二、工作安排（一）工作目标：2026年完成老旧小区改造30个。（二）完成时限：2026年11月底前全部完工。") == []
    text = ("一、卫生健康类\n1.为65岁以上老年人免费健康体检10万人次。牵头单位：市卫生健康委；配合单位：市财政局。\n"
            "2.招录农村订单定向医学生60名。责任单位：同上。\n")
    assert [(lead, part) for _, lead, part, _, _ in who(text)] == [(["卫生健康委"], ["财政局"])] * 2


def test_a_headings_marker_alone_on_its_line_takes_the_title_on_the_next():
    doc = extract_text("第一章\n总　则\n第一条　为了加强管理，制定本办法。\n第二章\n职责分工\n"
                       "第二条　省生态环境厅负责全省监督管理。\n")
    assert [(s.line, s.marker, s.title) for s in doc.sections if "章" in s.marker] == [(1, "第一章", "总\u3000则"), (4, "第二章", "职责分工")]
    # (not a table's figure over its row's next cell, nor a heading already whole)
    assert [s.title for s in extract_text("三、强化要素保障\n10\n").sections] == ["强化要素保障"]


# -- milestones by month or quarter, a column each (county-battle-map-monthly-2026, county-work-points-quarterly-2026) --

def test_a_months_milestone_is_due_by_the_months_end_its_figures_then():
    table = ("临泉县人民政府办公室关于印发2026年重点项目“挂图作战”推进表的通知\n2026年1月23日\n"
             "序号\t项目名称\t责任单位\t1月\t2月\t3月\t4月\n"
             "1\t新能源电池储能产业园项目\t县发展改革委\t\t完成土地摘牌\t取得施工许可证\t完成投资20%\n")
    ((title, lead, _, _, dates),) = who(table)
    assert (title, lead, dates) == ("新能源电池储能产业园项目", ["发展改革委"], ["2026-02-28", "2026-03-31", "2026-04-30"])
    (task,) = extract_text(table).tasks
    assert [(t.value, t.unit) for t in task.targets] == [(20, "%")]


def test_ordinals_in_running_paragraphs_and_fields_parted_by_full_width_bars():
    ordinals = ("二、提升餐饮住宿消费品质\n"
                "　　第一，打造特色餐饮消费集聚区。2026年9月底前认定市级特色美食街区8个以上。（市商务局牵头，市文化和旅游局配合）"
                "第二，擦亮地方餐饮品牌。举办美食节等活动。（市商务局负责）\n")
    assert [(title, lead) for title, lead, *_ in who(ordinals)] == [
        ("打造特色餐饮消费集聚区", ["商务局"]), ("擦亮地方餐饮品牌", ["商务局"])]
    bars = ("（一）全力扩大交通有效投资\n"
            "　　任务一：加快高速公路重大项目建设。全年新增高速公路通车里程150公里以上。\n"
            "　　牵头：省交通运输厅｜配合：省发展改革委、省林业局｜时限：2025年底前\n")
    assert [(lead, part, dates) for _, lead, part, _, dates in who(bars)] == [
        (["交通运输厅"], ["发展改革委", "林业局"], ["2025-12-31"])]


def test_a_boxs_numbered_lines_are_items_each_with_its_own_attribution():
    box = ("第二节　稳步实施城中村改造\n　　分类推进城中村改造。坚持分类实施。（市房产局牵头）\n"
           "专栏3　城市更新重点工程\n"
           "　　1.老旧小区改造工程：改造城镇老旧小区650个。（责任单位：市城乡建设局）\n"
           "　　2.城中村改造工程：实施城中村改造项目30个。（责任单位：市房产局）\n"
           "　　3.完整社区建设工程：新建完整社区200个。\n"
           "　　4.既有住宅加装电梯工程：加装电梯3000台。（责任单位：市城乡建设局、市市场监管局）\n")
    assert [(title[:8], lead) for title, lead, *_ in who(box)] == [
        ("分类推进城中村改", ["房产局"]), ("老旧小区改造工程", ["城乡建设局"]), ("城中村改造工程", ["房产局"]),
        ("既有住宅加装电梯", ["城乡建设局", "市场监管局"])]


def test_a_level_noted_in_brackets_is_no_end_of_an_office():
    text = "一、任务\n（一）推进改造。改造小区100个。（责任单位：市城乡建设局、各县（市）区政府）\n"
    assert [(lead, impl) for _, lead, _, impl, _ in who(text)] == [(["城乡建设局"], ["各县(市)区政府"])]


def test_a_bound_figure_run_into_a_counted_noun_qualifies_it():
    def figures(sentence):
        doc = extract_text("一、任务\n" + sentence + "\n")
        return [(t.comparator, t.value, t.unit) for task in doc.tasks for t in task.targets]
    assert figures("（一）推进技改。滚动实施500万元以上工业技改项目300个。（市工信局负责）") == []
    assert figures("（一）推进招商。全年新签约亿元以上项目100个，其中10亿元以上项目12个。（市商务局负责）") == [("=", 100, "个")]
    assert figures("（一）促进就业。城镇新增就业1.2万人以上，城镇登记失业率控制在3.5%以内。（市人社局负责）") == [
        ("increase", Decimal("1.2"), "万人"), ("<=", Decimal("3.5"), "%")]
