"""Tables a PDF's text layer drew with spaces (pdftotext -layout), each cell
wrapped onto the lines below within its column (tests/data/written/
province-layout-2023, a 安徽省发展改革委 任务清单 as pdftotext -layout leaves it)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import extract_text

HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
ROWS = [
    ("1", "分解下达2023年各市能耗强度降低目标，建立能耗双控目标完成情况季度监测预警机制", "省发展改革委", "省统计局、各市人民政府", "2023年4月底前"),
    ("2", "严格落实固定资产投资项目节能审查制度，对重点项目开展节能审查后评价", "省发展改革委", "省经济和信息化厅、各市人民政府", "长期坚持"),
    ("3", "实施工业领域节能降碳改造升级，完成重点行业节能技术改造项目100个", "省经济和信息化厅", "省发展改革委、省生态环境厅", "2023年12月底前"),
    ("4", "推进交通运输绿色低碳转型，全年推广应用新能源公交车1500辆以上", "省交通运输厅", "省发展改革委", "2023年12月底前"),
]


def drawn(widths: tuple[int, ...], gap: int = 3, break_after: int | None = None) -> str:
    """The rows laid out as pdftotext -layout does: each column ``widths[i]`` characters, cells wrapped."""
    starts = [0]
    for w in widths[:-1]:
        starts.append(starts[-1] + w + gap)

    def line(cells: list[str]) -> str:
        out = ""
        for start, cell in zip(starts, cells):
            out = (out + " " * max(0, start - len(out)) if cell else out) + cell
        return "  " + out.rstrip()

    lines = ["附件", "", "2023年全省节能降碳重点工作任务清单", "", line(list(HEADER)), "  一、严格能耗强度和总量双控"]
    for n, row in enumerate(ROWS):
        pieces = [[cell[i:i + w] for i in range(0, len(cell), w)] or [""] for cell, w in zip(row, widths)]
        for k in range(max(len(p) for p in pieces)):
            lines.append(line([p[k] if k < len(p) else "" for p in pieces]))
        if break_after == n:
            lines += ["", "                             — 2 —", "", line(list(HEADER))]
    return "\n".join(lines) + "\n"


def read(text: str):
    return [(t.line, t.title[:10], [r.name for r in t.lead], [r.name for r in t.participants],
             [r.name for r in t.implementers], [d.date or d.kind for d in t.deadlines])
            for t in extract_text(text).tasks if t.source == "table"]


def test_a_table_drawn_with_spaces_reads_its_wrapped_cells_whole():
    text = drawn((2, 20, 6, 8, 6), break_after=1)
    rows = read(text)
    assert [r[1:] for r in rows] == [
        ("分解下达2023年各", ["发展改革委"], ["统计局"], ["各市人民政府"], ["2023-04-30"]),
        ("严格落实固定资产投资", ["发展改革委"], ["经济和信息化厅"], ["各市人民政府"], ["ongoing"]),
        ("实施工业领域节能降碳", ["经济和信息化厅"], ["发展改革委", "生态环境厅"], [], ["2023-12-31"]),
        ("推进交通运输绿色低碳", ["交通运输厅"], ["发展改革委"], [], ["2023-12-31"])]
    lines = text.split("\n")
    assert all(lines[line - 1].lstrip().startswith(str(n)) for n, (line, *_) in enumerate(rows, 1))
    doc = extract_text(text)
    assert doc.tables[0].form == "layout" and doc.tables[0].row_groups[0] == "一、严格能耗强度和总量双控"
    assert [(t.comparator, int(t.value), t.unit) for t in doc.tasks[2].targets] == [("=", 100, "个")]


def test_the_spans_of_what_a_wrapped_cell_holds_point_at_its_words():
    text = drawn((2, 20, 6, 8, 6))
    task = extract_text(text).tasks[3]
    target = task.targets[0]
    assert text[target.value_span[0]:target.value_span[1]] in ("1500", "1500辆")
    lead = task.lead[0]
    assert text[lead.span[0]:lead.span[1]] == lead.raw


@settings(max_examples=30, deadline=None)
@given(st.tuples(st.just(2), st.integers(12, 40), st.integers(4, 9), st.integers(6, 16), st.integers(5, 9)),
       st.integers(2, 6))
def test_any_column_widths_read_the_same(widths, gap):
    assert [r[1:] for r in read(drawn(widths, gap))] == [r[1:] for r in read(drawn((2, 40, 9, 16, 9), 3))]
