"""Forms read on 4 December 2026 (sixteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def table_rows(text: str):
    """(title, lead, participants, due dates) of each task a table's row gives."""
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [d.date for d in t.deadlines])
            for t in extract_text(text).tasks if t.source == "table"]


# -- a header written over two rows ---------------------------------------------------------------------------------

TWO_ROW_HEADER = ("某市2026年电梯安全工作任务清单\n"
                  "序号\t工作任务\t责任单位\t\t完成时限\n"
                  "\t\t牵头单位\t配合单位\t\n"
                  "1\t开展在用电梯隐患大排查，建立隐患清单\t市市场监管局\t市住建局、市教育局\t2026年4月底前\n"
                  "2\t实施老旧住宅电梯更新改造600台以上\t市住建局\t市财政局\t2026年11月底前\n")


def test_a_second_header_row_names_the_parts_of_a_merged_cell_over_it():
    # city-two-row-header-table-2026 lines 34-35: 责任单位 merged over 牵头单位 | 配合单位
    assert table_rows(TWO_ROW_HEADER) == [
        ("开展在用电梯隐患大排查，建立隐患清单", ["市场监管局"], ["住建局", "教育局"], ["2026-04-30"]),
        ("实施老旧住宅电梯更新改造600台以上", ["住建局"], ["财政局"], ["2026-11-30"]),
    ]


def test_a_saved_pages_two_row_header_reads_as_a_sheets():
    page = ("<html><body><p>某市2026年电梯安全工作任务清单</p><table>\n"
            '<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td colspan="2">责任单位</td>'
            '<td rowspan="2">完成时限</td></tr>\n'
            "<tr><td>牵头单位</td><td>配合单位</td></tr>\n"
            "<tr><td>1</td><td>开展在用电梯隐患大排查，建立隐患清单</td><td>市市场监管局</td>"
            "<td>市住建局、市教育局</td><td>2026年4月底前</td></tr>\n"
            "</table></body></html>\n")
    assert table_rows(page) == [("开展在用电梯隐患大排查，建立隐患清单", ["市场监管局"], ["住建局", "教育局"], ["2026-04-30"])]


def test_a_first_row_that_is_a_tables_own_is_no_second_header_row():
    text = TWO_ROW_HEADER.replace("\t\t牵头单位\t配合单位\t\n", "")
    assert [lead for _, lead, _, _ in table_rows(text)] == [["市场监管局"], ["住建局"]]
