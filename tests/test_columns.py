"""Pages of two columns side by side, as pdftotext -layout gives a gazette
(gazette-two-column-pdf-2026 in tests/data/written): read down the left
column, then the right, every item keeping its line in the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text
from policyx.text.columns import column_order
from policyx.text.normalize import Normalized

LEFT = ["管理和竣工验收等工作，定期向项目单位报告", "项目进展情况，接受项目单位监督。",
        "    一、主要目标", "    到2026年底，全省县域累计建成公共充电", "桩3.5万个以上，实现乡镇公共充电设施全覆",
        "    二、重点任务", "    （一）科学编制布局规划。各市州结合国", "土空间规划，于2026年6月底前编制完成县域",
        "充电基础设施布局规划。（省能源局牵头，省自", "然资源厅配合）"]
RIGHT = ["盖，具备条件的行政村充电设施覆盖率达到", "60%。", "    （二）完善县城公共充电网络。在县城商",
         "业中心、交通枢纽等场所加快建设公共充电设施", "，2026年每个县城至少建成1座集中式充电站。", "（省住房城乡建设厅负责）",
         "    （三）推进乡镇和农村充电设施建设。结", "合乡村振兴，2026年底前实现乡镇全覆盖。",
         "（省能源局牵头，省农业农村厅、省商务厅配", "合）"]


def side_by_side(left: list[str], right: list[str], at: int = 48) -> str:
    """The lines of two columns as a layout copy writes them: the right one from display column ``at``."""
    def width(words: str) -> int:
        return sum(1 if c.isascii() else 2 for c in words)
    lines = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        lines.append(a + " " * max(3, at - width(a)) + b if b else a)
    return "湖南省人民政府公报                                        2026年第6期\n\n" + "\n".join(lines) + "\n\n                              · 30 ·\n"


PAGE = side_by_side(LEFT, RIGHT)


def test_a_page_of_two_columns_reads_down_the_left_then_the_right_each_item_on_its_file_line():
    document = extract_text(PAGE)
    assert [w.code for w in document.warnings][:1] == ["two-columns"]
    read = [(t.line, t.title, [r.name for r in t.lead], [r.name for r in t.participants]) for t in document.tasks]
    # (the file's lines: （一） on line 9 (left), （二） and （三） on lines 5 and 9 (right): a line holds two items)
    assert read == [(9, "科学编制布局规划", ["能源局"], ["自然资源厅"]),
                    (5, "完善县城公共充电网络", ["住房城乡建设厅"], []),
                    (9, "推进乡镇和农村充电设施建设", ["能源局"], ["农业农村厅", "商务厅"])]
    # (a paragraph goes on from the foot of the left column to the top of the right one)
    assert [(t.line, t.value) for t in document.targets if t.unit == "%"] == [(3, 60)]
    # (an item's words are its column's, none of the other's on its lines)
    assert document.tasks[0].text.startswith("（一）科学编制布局规划。各市州结合国土空间规划，于2026年6月底前")


def test_the_working_copy_maps_each_piece_to_its_own_words_in_the_file():
    norm = Normalized(PAGE)
    assert norm.two_column_pages == 1
    at = norm.text.index("科学编制") - 3  # (the working copy's brackets are folded: "(一)")
    end = norm.text.index("然资源厅配合") + len("然资源厅配合") + 1
    assert norm.line_of(at) == 9 and norm.line_of(end - 1) == 12
    words = norm.clean(at, end)
    assert "交通枢纽" not in words and words.replace("\n", "").startswith("（一）科学编制布局规划。各市州结合国土空间规划")


def test_a_single_column_plan_and_a_space_aligned_table_are_left_as_they_are():
    assert column_order("一、重点任务\n（一）科学编制布局规划。各市州结合国土空间规划。\n") is None
    table = "序号   重点任务                       牵头单位        完成时限\n" + "".join(
        f"{i}      推进第{i}批老旧小区改造项目建设       县住建局        2026年12月底前\n" for i in range(1, 12))
    assert column_order(table) is None
    # (a note's few words a run of spaces apart: no column of prose)
    notes = "".join(f"附件{i}   名单\n" for i in range(12))
    assert column_order(notes) is None


_LEFT_WORDS = "推进改造建完善加强管理"
_RIGHT_WORDS = "服务设施规划统筹农村"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=_LEFT_WORDS, min_size=12, max_size=20), min_size=8, max_size=20),
       st.lists(st.text(alphabet=_RIGHT_WORDS, min_size=12, max_size=20), min_size=8, max_size=20))
def test_every_character_of_a_two_column_page_is_read_once_left_column_first(left, right):
    # (a text's lines: a comma in each, a paragraph's first line indented)
    left = [("    " if k % 4 == 0 else "") + words + "，" for k, words in enumerate(left)]
    right = [words + "，" for words in right]
    page = side_by_side(left, right)
    found = column_order(page)
    assert found is not None
    pieces, _ = found
    read = "".join(page[a:b] for a, b, _ in pieces)
    # (every word but the page's number, left out as its furniture)
    assert sorted(read.replace(" ", "")) == sorted(page.replace(" ", "").replace("\n", "").replace("·30·", ""))
    columns = [c for c in read if c in _LEFT_WORDS or c in _RIGHT_WORDS]
    first_right = next(i for i, c in enumerate(columns) if c in _RIGHT_WORDS)
    assert all(c in _RIGHT_WORDS for c in columns[first_right:])


def test_a_windows_files_two_pages_read_in_turn():
    # (CRLF line ends: a page's number is still the end of its page, gazette-two-column-pdf-2026 saved on Windows)
    two_pages = PAGE + PAGE.replace("· 30 ·", "· 31 ·")
    plain = [(t.line, t.title) for t in extract_text(two_pages).tasks]
    crlf = [(t.line, t.title) for t in extract_text(two_pages.replace("\n", "\r\n")).tasks]
    assert crlf == plain and len(plain) == 6
