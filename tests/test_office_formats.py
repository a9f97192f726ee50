"""Word, PDF and Excel files read like a text file: changji written to a .docx
(附表1 a real Word table), to a .pdf (附表1 a ruled table over many pages) and
its 附表1 to an .xlsx task sheet give the same sections, tasks, departments,
deadlines, targets and table rows as the .txt, apart from line numbers and
spans; every line keeps where it came from in the file; damaged, password-
protected and scanned files are refused in one line (exit status 2).

The files are made here from corpus/changji-water-2016.txt (tests/office_fixtures.py).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

import policyx
from policyx import InputError, extract_file
from policyx.cli.app import app
from policyx.text.formats import sniff
from policyx.text.reader import read_source

from .conftest import CORPUS, ROOT
from .office_fixtures import (
    changji_plan, cjk_font, write_docx, write_pdf, write_task_sheet,
)

CHANGJI = CORPUS / "changji-water-2016.txt"
DATA = ROOT / "tests" / "data" / "office"
runner = CliRunner()


def _ws(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def _refs(refs) -> tuple:
    return tuple((r.canonical, r.function) for r in refs)


def _task(t) -> tuple:
    """A task as the comparison sees it: no line, no span."""
    return (t.source, t.section, _ws(t.title), _ws(t.text), _refs(t.lead), _refs(t.participants), _refs(t.implementers),
            tuple((d.kind, d.date, d.start, _ws(d.raw)) for d in t.deadlines),
            tuple((x.comparator, x.value, x.unit, x.year) for x in t.targets), t.restates, t.table)


def _table(t) -> tuple:
    return (t.id, t.kind, t.columns, tuple(tuple(_ws(c) for c in r) for r in t.rows), t.row_groups)


def _same_reading(actual, expected) -> None:
    assert [(s.id, s.marker, _ws(s.title), s.kind) for s in actual.sections] == \
        [(s.id, s.marker, _ws(s.title), s.kind) for s in expected.sections]
    assert [_task(t) for t in actual.tasks] == [_task(t) for t in expected.tasks]
    assert [(t.metric, t.comparator, t.value, t.unit, t.year) for t in actual.targets] == \
        [(t.metric, t.comparator, t.value, t.unit, t.year) for t in expected.targets]
    assert [_table(t) for t in actual.tables] == [_table(t) for t in expected.tables]
    assert sorted(w.code for w in actual.warnings) == sorted(w.code for w in expected.warnings)


@pytest.fixture(scope="module")
def text_doc():
    return extract_file(CHANGJI)


@pytest.fixture(scope="module")
def plan():
    return changji_plan()


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory, plan) -> Path:
    return write_docx(tmp_path_factory.mktemp("docx") / "changji.docx", plan)


@pytest.fixture(scope="module")
def xlsx_path(tmp_path_factory, plan) -> Path:
    return write_task_sheet(tmp_path_factory.mktemp("xlsx") / "分工表.xlsx", plan.table,
                            title="《昌吉州水污染防治工作方案》主要任务清单表")


@pytest.fixture(scope="module", params=["cid", "truetype"])
def pdf_path(request, tmp_path_factory, plan) -> Path:
    if request.param == "truetype":
        font = cjk_font()
        if font is None:
            pytest.skip("no CJK TrueType font on this machine (.ci/run installs fonts-wqy-microhei); "
                        "the PDF with an embedded font is not tested here")
    else:
        font = "STSong-Light"
    return write_pdf(tmp_path_factory.mktemp("pdf") / f"changji-{request.param}.pdf", plan, font=font)


# -- the same reading as the text --------------------------------------------------


def test_docx_gives_what_the_text_gives(docx_path, text_doc):
    doc = extract_file(docx_path)
    assert doc.info.format == "docx"
    assert doc.tables[0].form == "tab"  # read as a table, not one cell per line
    assert len([t for t in doc.tasks if t.source == "table"]) == 111
    _same_reading(doc, text_doc)


def test_pdf_gives_what_the_text_gives(pdf_path, text_doc):
    doc = extract_file(pdf_path)
    assert doc.info.format == "pdf"
    assert doc.tables[0].form == "tab"
    _same_reading(doc, text_doc)


def test_a_pdf_exported_by_libreoffice_gives_what_the_text_gives(text_doc):
    """Made by an office suite (tests/data/office/README.md): rows split at
    page breaks, the header row repeated, a running head and page numbers."""
    doc = extract_file(DATA / "changji-libreoffice.pdf")
    _same_reading(doc, text_doc)
    assert {o.page for o in doc.origins} == set(range(1, 30))


def test_xlsx_task_sheet_gives_the_table_and_its_tasks(xlsx_path, text_doc):
    doc = extract_file(xlsx_path)
    assert doc.info.format == "xlsx"
    expected = next(t for t in text_doc.tables if t.id == "附表1")
    (table,) = doc.tables
    assert _table(table) == _table(expected)
    assert table.kind == "task" and len(table.rows) == 111

    def row_task(t):
        return (_ws(t.title), _ws(t.text), _refs(t.lead), _refs(t.participants),
                tuple((d.kind, d.date, _ws(d.raw)) for d in t.deadlines))

    assert [row_task(t) for t in doc.tasks] == [row_task(t) for t in text_doc.tasks if t.source == "table"]


def test_xls_task_sheet_reads_like_the_xlsx(xlsx_path):
    """An .xls saved by LibreOffice Calc from the .xlsx above (tests/data/office)."""
    xls = extract_file(DATA / "changji-task-sheet.xls")
    xlsx = extract_file(xlsx_path)
    assert xls.info.format == "xls"
    assert [_table(t) for t in xls.tables] == [_table(t) for t in xlsx.tables]
    assert [_task(t) for t in xls.tasks] == [_task(t) for t in xlsx.tasks]


WILD = sorted((ROOT / "tests" / "data" / "wild" / "texts").glob("*.txt"))


@pytest.mark.parametrize("path", WILD, ids=[p.stem for p in WILD])
def test_wild_plans_as_word_files_read_like_their_text(tmp_path, path):
    """Plans of other offices (tests/data/wild), a Word paragraph per line."""
    import docx

    document = docx.Document()
    for line in path.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(regex.sub(r"[\x00-\x08\x0b-\x1f]", "", line))
    document.save(str(tmp_path / "plan.docx"))
    _same_reading(extract_file(tmp_path / "plan.docx"), extract_file(path))


# -- what each reader keeps and drops ------------------------------------------------


def test_docx_text_has_word_numbering_and_no_header_or_footer(docx_path):
    text = read_source(docx_path).text
    lines = text.splitlines()
    assert "一、严格控制污染物排放" in lines
    assert any(line.startswith("(三十三)加强督查问责。") for line in lines)  # numbered on across the headings
    assert "昌吉州人民政府文件" not in text  # the header
    assert not regex.search(r"—\s*1\s*—", text)  # the footer's page number
    assert "任务\t子任务\t牵头部门\t主要工作、目标和完成时间" in lines


def test_pdf_drops_running_heads_and_page_numbers_and_joins_broken_lines(pdf_path, docx_path):
    pdf_text = read_source(pdf_path).text
    assert "昌吉州人民政府文件" not in pdf_text
    assert not regex.search(r"^\s*—\s*[0-9]+\s*—\s*$", pdf_text, flags=regex.M)
    # the paragraphs come back whole: the same lines as the Word file's (but
    # for "»", which the STSong-Light font has no glyph for)
    assert [_ws(x).replace("»", "") for x in pdf_text.splitlines()] == \
        [_ws(x).replace("»", "") for x in read_source(docx_path).text.splitlines()]


def test_every_line_keeps_where_it_came_from(docx_path, pdf_path, xlsx_path):
    for path, kind in ((docx_path, "docx"), (pdf_path, "pdf"), (xlsx_path, "xlsx")):
        source = read_source(path)
        doc = extract_file(path)
        assert doc.origins == source.origins and doc.origins
        for task in doc.tasks:
            origin = doc.origin(task.span[0])
            assert origin is not None and origin.line == task.line, (kind, task.id)
            assert origin.span[0] <= task.span[0] < origin.span[1]
        for origin in doc.origins:
            assert source.text.count("\n", 0, origin.span[0]) + 1 == origin.line
    docx = extract_file(docx_path)
    body = next(t for t in docx.tasks if t.source == "body")
    assert docx.origin(body.span[0]).paragraph is not None
    row = next(t for t in docx.tasks if t.source == "table")
    where = docx.origin(row.span[0])
    assert (where.table, where.cell) == (1, 4) and where.row >= 2
    pdf = extract_file(pdf_path)
    assert {pdf.origin(t.span[0]).page for t in pdf.tasks} > {1, 2}
    assert pdf.origin(next(t for t in pdf.tasks if t.source == "table").span[0]).table == 1
    sheet = extract_file(xlsx_path)
    first = sheet.origin(sheet.tasks[0].span[0])
    assert (first.sheet, first.row, first.cell) == ("附表1", 4, 4)  # title, header, group row above it


def test_origins_are_serialised_with_the_places_that_apply(docx_path):
    from policyx.io.serialize import document_to_dict

    data = document_to_dict(extract_file(docx_path))
    assert data["document"]["format"] == "docx"
    assert data["origins"][0] == {"line": 1, "span": [0, 23], "paragraph": 1}
    assert any(set(o) == {"line", "span", "table", "row", "cell"} for o in data["origins"])
    assert document_to_dict(extract_file(CHANGJI))["origins"] == []


# -- files that cannot be read -------------------------------------------------------


def _cli_fails_in_one_line(path: Path, says: str) -> None:
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert err.startswith("policyx: ") and "\n" not in err and "Traceback" not in err
    assert regex.search(says, err), err


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf"])
def test_damaged_files(tmp_path, kind, docx_path, xlsx_path, plan):
    source = {"docx": docx_path, "xlsx": xlsx_path}.get(kind)
    data = source.read_bytes() if source else write_pdf(tmp_path / "whole.pdf", plan, table=False).read_bytes()
    path = tmp_path / f"damaged.{kind}"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError, match=r"damaged"):
        extract_file(path)
    _cli_fails_in_one_line(path, r"damaged")


def test_a_pdf_with_garbage_inside_is_damaged(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\ngarbage\n%%EOF\n")
    _cli_fails_in_one_line(path, r"damaged PDF")


def test_password_protected_word_and_excel_files(tmp_path, docx_path, xlsx_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    for source in (docx_path, xlsx_path):
        plain = OOXMLFile(io.BytesIO(source.read_bytes()))
        out = io.BytesIO()
        plain.encrypt("secret", out)
        path = tmp_path / f"locked{source.suffix}"
        path.write_bytes(out.getvalue())
        assert sniff(out.getvalue(), path.name) == "encrypted"
        _cli_fails_in_one_line(path, r"password-protected")


def test_password_protected_pdf_and_one_with_only_an_owner_password(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for name, user in (("locked.pdf", "secret"), ("owner-only.pdf", "")):
        c = canvas.Canvas(str(tmp_path / name), encrypt=pdfencrypt.StandardEncryption(user, ownerPassword="owner"))
        c.setFont("Helvetica", 12)
        c.drawString(72, 720, "Plan 2020")
        c.save()
    _cli_fails_in_one_line(tmp_path / "locked.pdf", r"password-protected PDF")
    # a password that only guards printing or copying does not keep the text from being read
    assert read_source(tmp_path / "owner-only.pdf").text == "Plan 2020\n"


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), 255).save(image)
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(str(image), 0, 0, 595, 842)
    c.showPage()
    c.drawImage(str(image), 0, 0, 595, 842)
    c.save()
    _cli_fails_in_one_line(tmp_path / "scan.pdf", r"no text layer \(a scanned document\).*OCR")


@pytest.mark.parametrize("name, stream, says", [
    ("plan.doc", "WordDocument", r"old binary Word file \(\.doc\).*save it as \.docx"),
    ("plan.wps", "WordDocument", r"WPS 文字 file \(\.wps\).*\.docx"),
    ("plan.xls", "Workbook", r"damaged Excel \.xls"),
])
def test_old_binary_office_files(tmp_path, name, stream, says):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 64)
    _cli_fails_in_one_line(path, says)


# -- the command line ----------------------------------------------------------------


def test_extract_format_text_prints_the_text_the_spans_refer_to(docx_path):
    result = runner.invoke(app, ["extract", str(docx_path), "--format", "text"])
    assert result.exit_code == 0
    text = read_source(docx_path).text
    assert result.stdout == text
    doc = extract_file(docx_path)
    for task in doc.tasks[:20]:
        assert _ws(text[task.title_span[0]:task.title_span[1]]) == _ws(task.title)
        assert text.count("\n", 0, task.span[0]) + 1 == task.line


def test_commands_read_office_files(xlsx_path, docx_path):
    result = runner.invoke(app, ["tasks", str(xlsx_path), "--source", "table", "--lead", "住建局", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [t["title"] for t in rows][:4] == ["加强城镇污水处理设施建设与改造"] * 3 + ["全面加强配套管网建设"]
    assert all(any(r["function"] == "housing_construction" for r in t["lead"]) and t["source"] == "table" for t in rows)
    result = runner.invoke(app, ["extract", "-", "--format", "text"], input=docx_path.read_bytes())
    assert result.exit_code == 0 and result.stdout.startswith("当前页面:首页")


def test_a_folder_of_plans_includes_office_files(tmp_path, docx_path, xlsx_path):
    from policyx.io.batch import expand

    (tmp_path / "plans").mkdir()
    for source in (docx_path, xlsx_path):
        (tmp_path / "plans" / source.name).write_bytes(source.read_bytes())
    assert sorted(Path(p).suffix for p in expand([str(tmp_path / "plans")])) == [".docx", ".xlsx"]


def test_readers_are_imported_only_when_such_a_file_is_read():
    code = ("import sys\nfrom policyx.cli import main\nsys.argv = ['policyx', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "import policyx\npolicyx.extract_file(%r)\n"
            "print(sorted(m for m in ('docx', 'openpyxl', 'xlrd', 'pdfplumber', 'pdfminer', 'lxml') if m in sys.modules))"
            % str(CHANGJI))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
    assert policyx.__version__ in out
