"""Text copied out of a PDF: lines broken at the page's right margin, a
page's foot and running head between two halves of a paragraph
(tests/data/written/province-safety-2022, laid out as pdftotext leaves a
湖南省安委办 分工方案)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text, load_rules
from policyx.extract.pipeline import noise_rules
from policyx.extract.sections.wraps import wrapped_lines
from policyx.text.normalize import Normalized

RULES = load_rules()

# province-safety-2022, lines 36-49: items 1 and 2 of 一、, the second cut by a page break
WRAPPED = """二、重点任务
（一）压紧压实安全生产责任
1.强化党政领导责任落实。落实《地方党政领导干部安全生产责任制规
定》，推动各级党委政府主要负责同志带头研究部署安全生产工作，市县党
委常委会会议每季度至少研究一次安全生产工作。（牵头单位：省应急管理
厅（省安委办）；配合单位：省委组织部；责任单位：各市州人民政府、湘
江新区管委会；完成时限：持续推进）
2.厘清部门安全监管职责。按照“管行业必须管安全、管业务必须管安
全、管生产经营必须管安全”要求，修订完善省安委会成员单位安全生产工
作职责，明确新兴行业领域安全监管职责分工。（牵头单位：省安委办；配

— 2 —

2022年全省安全生产重点工作任务分工方案
合单位：省委编办、省司法厅，省安委会有关成员单位；完成时限：2022年
6月底前）
3.推动企业落实安全生产主体责任。深入开展企业主要负责人安全生产
履职情况检查，推动高危行业领域企业全面建立全员安全生产责任制，规模
以上危险化学品企业安全生产标准化三级以上达标率达到100%。（牵头单位：
省应急厅；配合单位：省工业和信息化厅、省国资委、省市场监管局；完成
时限：2022年11月底前）

— 3 —

2022年全省安全生产重点工作任务分工方案
"""
TITLE = "2022年全省安全生产重点工作任务分工方案\n"


def names(refs):
    return [r.name for r in refs]


def test_a_name_and_a_label_broken_at_the_margin_or_a_page_are_read_whole():
    doc = extract_text(TITLE + WRAPPED)
    first, second, third = doc.tasks
    assert (first.line, names(first.lead), names(first.implementers)) == (4, ["应急管理厅(省安委办)"],
                                                                       ["各市州人民政府", "湘江新区管委会"])
    assert (second.line, names(second.lead), names(second.participants)) == (9, ["安委办"],
                                                                            ["省委编办", "司法厅", "安委会有关成员单位"])
    assert [d.date for d in second.deadlines] == ["2022-06-30"]
    assert third.title == "推动企业落实安全生产主体责任" and [d.date for d in third.deadlines] == ["2022-11-30"]


def test_the_words_of_a_title_leave_the_break_out_and_the_file_keeps_its_lines():
    doc = extract_text(TITLE + WRAPPED)
    assert doc.tasks[0].title == "强化党政领导责任落实"
    assert doc.info.lines == (TITLE + WRAPPED).count("\n") + 1
    heading = next(s for s in doc.sections if s.marker == "2.")
    assert (heading.line, heading.title) == (9, "厘清部门安全监管职责")


def test_a_page_foot_between_two_paragraphs_is_blanked_and_the_plans_own_title_kept():
    norm = Normalized(TITLE + WRAPPED, noise_rules(RULES))
    joins, blanks = wrapped_lines(norm, RULES)
    assert joins and blanks
    assert extract_text(TITLE + WRAPPED).info.title == "2022年全省安全生产重点工作任务分工方案"


def test_a_text_of_a_paragraph_a_line_is_left_as_it_is():
    # the corpus's and most web copies' form: each paragraph one line, of any length
    text = "一、重点任务\n" + "".join(
        f"{i}.推进第{i}项工作。{'开展专项整治行动，' * (i % 5)}确保按期完成。（牵头单位：市环保局）\n" for i in range(1, 30))
    norm = Normalized(text, noise_rules(RULES))
    assert wrapped_lines(norm, RULES) == ([], [])


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=16, max_value=40))
def test_any_margin_gives_the_same_tasks_as_the_unwrapped_text(width):
    """The same items wrapped at any margin read as the paragraphs they are."""
    items = [
        "1.强化党政领导责任落实。推动各级党委政府主要负责同志带头研究部署安全生产工作。（牵头单位：省应急管理厅；配合单位：省委组织部；完成时限：2022年6月底前）",
        "2.厘清部门安全监管职责。修订完善省安委会成员单位安全生产工作职责，明确新兴行业领域安全监管职责分工。（牵头单位：省安委办；配合单位：省委编办、省司法厅；完成时限：2022年9月底前）",
        "3.推动企业落实安全生产主体责任。深入开展企业主要负责人安全生产履职情况检查，推动高危行业领域企业全面建立全员安全生产责任制。（牵头单位：省应急厅；配合单位：省国资委；完成时限：2022年11月底前）",
        "4.深化专项整治。聚焦危险化学品、矿山、消防、交通运输、建筑施工、工贸等重点行业领域，动态更新问题隐患和制度措施清单。（牵头单位：省安委办；配合单位：省公安厅；完成时限：2022年12月底前）",
    ]
    items = [f"{n}.{item[2:]}" for n, item in enumerate(items * 3, 1)]  # (a page or more: a margin needs lines)
    plain = "一、重点任务\n" + "\n".join(items) + "\n"
    wrapped = "一、重点任务\n" + "\n".join("\n".join(item[i:i + width] for i in range(0, len(item), width))
                                      for item in items) + "\n"

    def read(text):
        return [(t.title, names(t.lead), names(t.participants), [d.date for d in t.deadlines])
                for t in extract_text(text).tasks]

    assert read(wrapped) == read(plain)


def test_table_rows_of_one_width_are_no_wrapped_paragraph():
    # a second reading: ten tab rows of nearly one width were joined into one
    rows = "".join(f"{i}\t推进政务数据共享\t市数据局\t2025年{i}月底前\n" for i in range(1, 11))
    doc = extract_text("附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t完成时限\n" + rows)
    assert len([t for t in doc.tasks if t.source == "table"]) == 10


def test_a_join_leaves_the_lines_trailing_spaces_out_of_the_words():
    doc = extract_text(TITLE + WRAPPED.replace("\n", " \n"))
    assert [r.name for r in doc.tasks[0].lead] == ["应急管理厅(省安委办)"]


def test_a_line_before_two_page_feet_is_no_running_head():
    # a second reading: the same clause end stood before two page feet and was blanked as a head;
    # a head opens a page, after its foot
    from policyx.extract.sections.wraps import _page_chrome

    text = "甲\n完成时限：2022年12月底前）\n\n— 1 —\n\n乙\n完成时限：2022年12月底前）\n\n— 2 —\n\n丙\n"
    lines = Normalized(text).lines()
    chrome, heads = _page_chrome(lines)
    assert {lines[k].text for k in chrome | heads} == {"— 1 —", "— 2 —"}
