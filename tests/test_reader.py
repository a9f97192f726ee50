"""Reading any plan file: encodings, and every kind of bad input."""

from __future__ import annotations

import pytest
import regex

from policyx import InputError, extract_file, extract_text
from policyx.text.reader import decode_bytes, read_source

from .conftest import CORPUS


@pytest.fixture(scope="module")
def changji_text() -> str:
    return (CORPUS / "changji-water-2016.txt").read_text(encoding="utf-8")


def _tree(doc):
    return [(s.id, s.level, s.marker, s.title, s.line, s.span) for s in doc.sections]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_other_encodings_give_the_same_tree(tmp_path, changji_text, encoding):
    original = extract_text(changji_text)
    # GBK has no "»" nor a no-break space; the web copy has both in its chrome
    text = changji_text.replace("\u00bb", ">").replace("\u00a0", " ") if encoding == "gbk" else changji_text
    path = tmp_path / f"changji.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    before = path.read_bytes()
    doc = extract_file(path)
    assert _tree(doc) == _tree(original)
    assert path.read_bytes() == before, "the input file must never change"


def test_gbk_is_detected(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("一、严格控制污染物排放\n（一）狠抓工业污染防治。\n".encode("gbk"))
    assert read_source(path).encoding == "gb18030"


def test_missing_file():
    with pytest.raises(InputError, match="no such file"):
        extract_file("/nonexistent/plan.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a folder with no plan file in it"):
        extract_file(str(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        extract_file(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        extract_file(path)


@pytest.mark.parametrize("name, data, says", [
    ("plan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),  # would decode as GB18030 text
    ("plan.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", ".docx"),
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", ".doc"),
    ("plan.rtf", b"{\\rtf1\\ansi \\'d2\\'bb}", "RTF"),
])
def test_office_and_pdf_files_are_named_with_what_to_do(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=regex.escape(says)):
        extract_file(path)
    assert path.read_bytes() == data


def test_unknown_corpus_name():
    with pytest.raises(InputError, match="no such file or corpus plan"):
        extract_file("atlantis")


def test_html_page_is_read_through_its_tags():
    html = (
        "<html><body><p>当前位置：首页 &gt; 政务公开</p>\n"
        "<p>一、严格控制污染物排放</p>\n<p>（一）狠抓工业污染防治。取缔“十小”企业。</p>\n</body></html>"
    )
    doc = extract_text(html)
    assert [(s.marker, s.title) for s in doc.sections] == [("一、", "严格控制污染物排放"), ("（一）", "狠抓工业污染防治")]
    s = doc.sections[0]
    assert html[s.title_span[0]:s.title_span[1]] == "严格控制污染物排放"


def test_a_title_inside_markup_is_read_without_it():
    html = ('<html><head><title>某市人民政府办公室关于印发某市水污染防治工作方案的通知_政府信息公开</title></head><body>\n'
            '<p style="text-align:center">某市水污染防治工作方案</p>\n<p>一、主要任务</p>\n'
            '<p>（一）狠抓工业污染防治。取缔“十小”企业。（市环保局牵头）</p>\n</body></html>')
    assert extract_text(html).info.title == "某市水污染防治工作方案"


def test_crlf_and_lone_cr_line_ends():
    doc = extract_text("一、甲\r\n（一）乙。内容。\r二、丙\n")
    assert [(s.title, s.line) for s in doc.sections] == [("甲", 1), ("乙", 2), ("丙", 3)]


def test_decode_reports_the_name_in_its_error():
    with pytest.raises(InputError, match="^plan.txt: "):
        decode_bytes(b"", name="plan.txt")


def test_traditional_characters_read_like_simplified(changji_text):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(changji_text)
    assert len(traditional) == len(changji_text)
    original, converted = extract_text(changji_text), extract_text(traditional)
    assert [(s.line, s.level) for s in converted.sections] == [(s.line, s.level) for s in original.sections]
    assert [(t.line, [r.function for r in t.lead]) for t in converted.tasks] == [
        (t.line, [r.function for r in t.lead]) for t in original.tasks
    ]
    first = converted.tasks[0]
    assert traditional[first.title_span[0]:first.title_span[1]] == first.title  # as written: traditional
    assert first.lead[0].raw == "環保局" and first.lead[0].canonical == "环境保护局"


def test_traditional_hint_characters_are_all_traditional_only():
    import opencc

    from policyx.text.script import _TRADITIONAL_HINT

    converter = opencc.OpenCC("t2s")
    hints = _TRADITIONAL_HINT.pattern.strip("[]")
    assert [ch for ch in hints if converter.convert(ch) == ch] == []


def test_a_plan_kept_as_markdown_is_read_through_its_markup():
    text = ("# 某市水污染防治工作方案\n\n## 一、总体要求\n\n### （一）工作目标\n\n到2020年，水质优良比例达到80%以上。\n\n"
            "## 二、主要任务\n\n**（一）狠抓工业污染防治。** 取缔小企业。全面排查装备水平低的小型企业。（市环保局牵头）"
            "专项整治重点行业。制定专项治理方案。（市经信委负责）\n")
    doc = extract_text(text)
    assert doc.info.title == "某市水污染防治工作方案"
    assert [(s.marker, s.title) for s in doc.sections] == [
        ("一、", "总体要求"), ("（一）", "工作目标"), ("二、", "主要任务"), ("（一）", "狠抓工业污染防治")]
    assert [t.title for t in doc.tasks] == ["取缔小企业", "专项整治重点行业"]
