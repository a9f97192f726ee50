"""Office files made from a corpus plan, for tests/test_office_formats.py and
bench/: changji written to a .docx (its 附表1 a real Word table with merged
cells and a header row, its headings Word list numbering, a header and a
footer with a page number), to a .pdf (a CJK font from the system), and its
附表1 to an .xlsx task-division sheet.

Everything is generated from ``corpus/changji-water-2016.txt`` and from the
table policyx reads in it, so the office files say what the text says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
CHANGJI = ROOT / "corpus" / "changji-water-2016.txt"

# Debian's fonts-wqy-microhei (installed by .ci/run when missing), then others
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)

_CN = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 11 → 十一, 33 → 三十三 (Word's chineseCounting, below 100)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


@dataclass
class TableBlock:
    """A table: header, rows of cells, the group heading before each row."""

    header: list[str]
    rows: list[list[str]]
    groups: list[str | None]
    caption_lines: list[str] = field(default_factory=list)


@dataclass
class Plan:
    before: list[str]  # paragraphs before the table
    table: TableBlock
    after: list[str]  # paragraphs after it


def changji_plan() -> Plan:
    """changji's paragraphs, with 附表1 as the table policyx reads in the text."""
    from policyx import extract_file

    text = CHANGJI.read_text(encoding="utf-8")
    doc = extract_file(CHANGJI)
    table = next(t for t in doc.tables if t.id == "附表1")
    start, end = table.span
    head = [ln.strip() for ln in text[:start].splitlines() if ln.strip()]
    tail = [ln.strip() for ln in text[end:].splitlines() if ln.strip()]
    return Plan(head, TableBlock(list(table.columns), [list(r) for r in table.rows], list(table.row_groups)), tail)


def _numbering_levels(paragraphs: list[str]) -> list[tuple[int | None, str]]:
    """Each paragraph as (list level or None, text without its marker): the
    一、 headings and the (一) sub-headings that count on are list items
    (the sub-headings count on across headings, as changji writes them)."""
    out: list[tuple[int | None, str]] = []
    expected = [1, 1]
    for p in paragraphs:
        m1 = regex.match(r"^([一二三四五六七八九十]+)、", p)
        m2 = regex.match(r"^\(([一二三四五六七八九十]+)\)", p)
        if m1 and m1.group(1) == cn_number(expected[0]):
            out.append((0, p[m1.end():]))
            expected[0] += 1
        elif m2 and m2.group(1) == cn_number(expected[1]):
            out.append((1, p[m2.end():]))
            expected[1] += 1
        else:
            out.append((None, p))
    return out


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


_LEVEL = ('<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>{extra}'
          '<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def _add_numbering(document, separate: bool = False) -> list[tuple[int, int]]:
    """Word lists for the 一、 headings and the (一) sub-headings: one list of
    two levels, "%1、" and "(%2)" in Chinese counting, the second level never
    restarting (w:lvlRestart 0); or, ``separate``, two lists of one level
    each (LibreOffice restarts the second level of the first kind at every
    heading). Returns the (numId, level) of each kind."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    if separate:
        definitions = [(90, _LEVEL.format(ilvl=0, extra="", text="%1、")), (91, _LEVEL.format(ilvl=0, extra="", text="(%1)"))]
        kinds = [(90, 0), (91, 0)]
    else:
        definitions = [(90, _LEVEL.format(ilvl=0, extra="", text="%1、")
                        + _LEVEL.format(ilvl=1, extra='<w:lvlRestart w:val="0"/>', text="(%2)"))]
        kinds = [(90, 0), (90, 1)]
    first_num = numbering.find(f"{{{_W}}}num")
    for num_id, levels in definitions:
        abstract = parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{num_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return kinds


def _numbered(paragraph, num_id: int, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _page_field(paragraph) -> None:
    """A PAGE field, as Word writes page numbers in a footer."""
    from docx.oxml import parse_xml

    for xml in (f'<w:r xmlns:w="{_W}"><w:t xml:space="preserve">— </w:t></w:r>',
                f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r xmlns:w="{_W}"><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r xmlns:w="{_W}"><w:t>1</w:t></w:r>',
                f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="end"/></w:r>',
                f'<w:r xmlns:w="{_W}"><w:t xml:space="preserve"> —</w:t></w:r>'):
        paragraph._p.append(parse_xml(xml))


def table_layout(block: TableBlock) -> tuple[list[tuple[str, list[str]]], dict[tuple[int, int], int]]:
    """The table's rows as written in an office file: ``("group", [title])``
    before the rows of each group, ``("row", cells)``; and the cells that
    span rows: ``{(first row, column): last row}`` where a column other than
    the last repeats the cell above (and the columns before it do too)."""
    layout: list[tuple[str, list[str]]] = []
    previous: object = object()
    for group, row in zip(block.groups, block.rows):
        if group != previous:
            layout.append(("group", [group or ""]))
            previous = group
        layout.append(("row", list(row)))
    spans: dict[tuple[int, int], int] = {}
    for column in range(len(block.header) - 1):
        i = 0
        while i < len(layout):
            j = i
            while _continues(layout, i, j + 1, column):
                j += 1
            if j > i:
                spans[(i, column)] = j
            i = j + 1
    return layout, spans


def _continues(layout, first: int, k: int, column: int) -> bool:
    if k >= len(layout) or layout[first][0] != "row" or layout[k][0] != "row":
        return False
    top, row = layout[first][1], layout[k][1]
    return bool(top[column]) and row[: column + 1] == top[: column + 1]


def add_word_table(document, block: TableBlock):
    """The table as Word writes it: a repeated header row, a row per group
    heading spanning the columns, and cells spanning rows where the task,
    sub-task or lead is the same as above."""
    from docx.oxml import parse_xml

    width = len(block.header)
    layout, spans = table_layout(block)
    table = document.add_table(rows=1 + len(layout), cols=width)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header):
        cell.text = text
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))
    covered = {(k, c) for (a, c), b in spans.items() for k in range(a + 1, b + 1)}
    for i, (kind, cells) in enumerate(layout):
        if kind == "group":
            row = table.rows[i + 1]
            row.cells[0].merge(row.cells[width - 1]).text = cells[0]
            continue
        for column, text in enumerate(cells):
            if (i, column) not in covered:
                table.cell(i + 1, column).text = text
    for (a, column), b in spans.items():
        table.cell(a + 1, column).merge(table.cell(b + 1, column))
    return table


def write_docx(path: Path, plan: Plan | None = None, *, separate_lists: bool = False) -> Path:
    """changji as a Word document: numbered headings, 附表1 a Word table, a
    header and a footer with a page number that are no part of the text."""
    import docx

    plan = plan or changji_plan()
    document = docx.Document()
    kinds = _add_numbering(document, separate_lists)
    section = document.sections[0]
    section.header.paragraphs[0].text = "昌吉州人民政府文件"
    _page_field(section.footer.paragraphs[0])
    for level, text in _numbering_levels(plan.before):
        paragraph = document.add_paragraph(text)
        if level is not None:
            _numbered(paragraph, *kinds[level])
    add_word_table(document, plan.table)
    for text in plan.after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def write_task_sheet(path: Path, block: TableBlock | None = None, *, title: str | None = None) -> Path:
    """附表1 as an Excel task-division sheet: a title row (merged across),
    the header, a row per group heading (merged across), cells merged down
    where a task, sub-task or lead spans rows, and a second sheet of notes."""
    import openpyxl

    block = block or changji_plan().table
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "附表1"
    width = len(block.header)
    top = 1
    if title:
        sheet.cell(row=1, column=1, value=title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        top = 2
    for column, text in enumerate(block.header, 1):
        sheet.cell(row=top, column=column, value=text)
    layout, spans = table_layout(block)
    covered = {(k, c) for (a, c), b in spans.items() for k in range(a + 1, b + 1)}
    for i, (kind, cells) in enumerate(layout):
        row = top + 1 + i
        if kind == "group":
            sheet.cell(row=row, column=1, value=cells[0])
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            continue
        for column, text in enumerate(cells):
            if (i, column) not in covered and text:
                sheet.cell(row=row, column=column + 1, value=text)
    for (a, column), b in spans.items():
        sheet.merge_cells(start_row=top + 1 + a, start_column=column + 1, end_row=top + 1 + b, end_column=column + 1)
    notes = book.create_sheet("说明")
    notes.cell(row=1, column=1, value="本表由州环保局汇总。")
    book.save(str(path))
    return path


def cjk_font() -> str | None:
    """A CJK TrueType font on this machine, or None."""
    return next((f for f in CJK_FONTS if Path(f).is_file()), None)


def write_pdf(path: Path, plan: Plan | None = None, *, font: str = "STSong-Light", table: bool = True) -> Path:
    """changji as a PDF laid out like an official document: body paragraphs
    with a first-line indent of two characters, a running head and a page
    number on every page, 附表1 a ruled table (a header row repeated on each
    page, group rows and cells spanning rows). ``font`` is a CJK TrueType
    file to embed, or "STSong-Light" (a CID font every PDF reader has,
    not embedded)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    plan = plan or changji_plan()
    name = _register_font(font, pdfmetrics)
    body = ParagraphStyle("body", fontName=name, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24)
    cell = ParagraphStyle("cell", fontName=name, fontSize=9, leading=12, wordWrap="CJK")

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(name, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 15 * mm, "昌吉州人民政府文件")
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
        canvas.restoreState()

    story: list = [Paragraph(escape(p), body) for p in plan.before]
    if table:
        story.append(Spacer(1, 6))
        story.append(_pdf_table(plan.table, cell, Table, TableStyle, escape, Paragraph))
        story.append(Spacer(1, 6))
    story += [Paragraph(escape(p), body) for p in plan.after]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=25 * mm, title="昌吉州水污染防治工作方案")
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return path


def _register_font(font: str, pdfmetrics) -> str:
    if font == "STSong-Light":
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        return "STSong-Light"
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("CJK", font, subfontIndex=0))
    return "CJK"


def _pdf_table(block: TableBlock, style, Table, TableStyle, escape, Paragraph):
    layout, spans = table_layout(block)
    width = len(block.header)
    covered = {(k, c) for (a, c), b in spans.items() for k in range(a + 1, b + 1)}
    data = [[Paragraph(escape(h), style) for h in block.header]]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for i, (kind, cells) in enumerate(layout, 1):
        if kind == "group":
            data.append([Paragraph(escape(cells[0]), style)] + [""] * (width - 1))
            commands.append(("SPAN", (0, i), (width - 1, i)))
            continue
        data.append([Paragraph(escape(text), style) if (i - 1, c) not in covered else "" for c, text in enumerate(cells)])
    for (a, c), b in spans.items():
        commands.append(("SPAN", (c, a + 1), (c, b + 1)))
    widths = [70, 80, 70, 230][:width] if width == 4 else None
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(commands))
