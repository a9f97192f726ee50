"""Forms read on 3–4 December 2026 (eleventh session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

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
