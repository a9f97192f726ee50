"""The readers of Word and Excel files in detail: Word's list numbering,
table cells spanning rows and columns, revisions, hidden text and field
codes; Excel's dates, numbers and sheet names. (The whole plan in each
format is compared with its text in tests/test_office_formats.py.)"""

from __future__ import annotations

from pathlib import Path

from policyx import extract_file
from policyx.text.reader import read_source


# -- Word details ------------------------------------------------------------------


def _docx(tmp_path: Path, build) -> Path:
    import docx

    document = docx.Document()
    build(document)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _list(document, levels: str, num_id: int = 51, overrides: str = "") -> None:
    """A list definition and a list using it (ids above those of python-docx's template)."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{num_id}">{levels}</w:abstractNum>')
    first_num = numbering.find(f"{{{_W}}}num")
    first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>'
                               f'{overrides}</w:num>'))


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _numbered(document, text: str, level: int, num_id: int = 51):
    from docx.oxml import parse_xml

    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def test_word_list_numbering_shows_the_markers_word_shows(tmp_path):
    def build(document):
        _list(document, _lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）")
              + _lvl(2, "decimal", "%3.") + _lvl(3, "decimalEnclosedCircle", "%4"))
        for text, level in (("总体要求", 0), ("指导思想", 1), ("主要目标", 1), ("重点任务", 0), ("治理工业污染", 1),
                            ("取缔十小企业", 2), ("整治重点行业", 2), ("造纸", 3), ("治理城镇污染", 1), ("建设管网", 2)):
            _numbered(document, text, level)
        document.add_paragraph("保障措施")  # not numbered
        for i in range(11):
            _numbered(document, f"第{i}项", 1)

    lines = read_source(_docx(tmp_path, build)).text.splitlines()
    assert lines[:11] == ["一、总体要求", "（一）指导思想", "（二）主要目标", "二、重点任务", "（一）治理工业污染",
                          "1.取缔十小企业", "2.整治重点行业", "①造纸", "（二）治理城镇污染", "1.建设管网", "保障措施"]
    assert lines[-1] == "（十三）第10项"  # counts on in the same list


def test_numbering_from_a_style_and_a_restarted_list(tmp_path):
    from docx.oxml import parse_xml

    def build(document):
        _list(document, _lvl(0, "ideographTraditional", "%1、") + _lvl(1, "decimal", "%1.%2", '<w:isLgl/>'), 52)
        _list(document, "", 53, overrides="")
        numbering = document.part.numbering_part.element
        # list 53 takes list 52's definition but starts again at 1
        num9 = [n for n in numbering.findall(f"{{{_W}}}num") if n.get(f"{{{_W}}}numId") == "53"][0]
        num9.find(f"{{{_W}}}abstractNumId").set(f"{{{_W}}}val", "52")
        num9.append(parse_xml(f'<w:lvlOverride xmlns:w="{_W}" w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
        style = document.styles.add_style("PlanHeading", 1)
        style.element.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="52"/></w:numPr>'))
        document.add_paragraph("形势", style="PlanHeading")
        document.add_paragraph("任务", style="PlanHeading")
        _numbered(document, "细项", 1, 52)
        _numbered(document, "另一清单", 0, 53)

    lines = read_source(_docx(tmp_path, build)).text.splitlines()
    assert lines == ["甲、形势", "乙、任务", "2.1 细项", "甲、另一清单"]  # Word's tab after "2.1" as a space


def test_word_table_cells_merged_header_rows_and_page_number_paragraphs(tmp_path):
    def build(document):
        document.add_paragraph("附件")
        document.add_paragraph("重点任务分工表")
        table = document.add_table(rows=4, cols=4)
        for cell, text in zip(table.rows[0].cells, ("序号", "任务", "责任单位", "完成时限")):
            cell.text = text
        table.cell(0, 2).merge(table.cell(0, 3))  # a header cell over two columns
        table.cell(0, 2).text = "责任单位"
        for cell, text in zip(table.rows[1].cells, ("", "", "牵头单位", "配合单位")):
            cell.text = text
        table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
        table.cell(0, 1).merge(table.cell(1, 1)).text = "任务"
        rows = (("1", "建立河长制。", "市水利局", "市环保局"), ("2", "开展专项整治。", "市环保局", ""))
        for r, values in enumerate(rows, 2):
            for c, text in enumerate(values):
                table.cell(r, c).text = text
        table.cell(3, 3).paragraphs[0].text = "市住建局"
        table.cell(3, 3).add_paragraph("市农业局")  # one unit per paragraph in a cell
        document.add_paragraph("— 2 —")  # a page marker left by a web preview

    path = _docx(tmp_path, build)
    lines = read_source(path).text.splitlines()
    assert lines == ["附件", "重点任务分工表", "序号\t任务\t牵头单位\t配合单位", "1\t建立河长制。\t市水利局\t市环保局",
                     "2\t开展专项整治。\t市环保局\t市住建局、市农业局"]
    doc = extract_file(path)
    assert [(t.title, [r.name for r in t.lead], [r.name for r in t.participants]) for t in doc.tasks] == [
        ("建立河长制", ["水利局"], ["环保局"]), ("开展专项整治", ["环保局"], ["住建局", "农业局"])]


def test_revisions_hidden_text_and_field_codes_are_read_as_word_shows_them(tmp_path):
    from docx.oxml import parse_xml

    def build(document):
        p = document.add_paragraph("到2020年")
        p._p.append(parse_xml(f'<w:del xmlns:w="{_W}" w:id="1" w:author="a"><w:r><w:delText>底前</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins xmlns:w="{_W}" w:id="2" w:author="a"><w:r><w:t>年底前</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'))
        p._p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:instrText> PAGE </w:instrText></w:r>'))
        p._p.append(parse_xml(f'<w:r xmlns:w="{_W}"><w:t>完成。</w:t></w:r>'))

    assert read_source(_docx(tmp_path, build)).text == "到2020年年底前完成。\n"


# -- Excel details -----------------------------------------------------------------


def test_excel_dates_numbers_and_default_sheet_names(tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active  # "Sheet": Excel's own name, not written
    sheet.append(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
    sheet.append([1, "制定实施方案。", "市生态环境局", "市发改委", dt.datetime(2023, 6, 30)])
    sheet.append([2.0, "建成监测网络。", "市水利局", None, "2024年底前"])
    path = tmp_path / "任务.xlsx"
    book.save(str(path))
    assert read_source(path).text.splitlines() == [
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限", "1\t制定实施方案。\t市生态环境局\t市发改委\t2023年6月30日",
        "2\t建成监测网络。\t市水利局\t\t2024年底前"]
    doc = extract_file(path)
    assert [(t.title, [d.date for d in t.deadlines]) for t in doc.tasks] == [
        ("制定实施方案", ["2023-06-30"]), ("建成监测网络", ["2024-12-31"])]
