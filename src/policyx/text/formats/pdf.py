"""PDF files with a text layer, read with pdfplumber (on pdfminer.six).

Each page's text lines and ruled tables are taken in reading order (top to
bottom). Running heads and feet — a line in a page's top or bottom band
that recurs on other pages, with its numbers ignored, or a page number
("— 3 —", "第3页", "3") — are dropped. Lines the PDF broke inside a
paragraph are joined again: a line that runs to the right margin goes on
into the next line unless that one is indented, starts a heading (一、,
（一）, 第X章, 1.), is set in another size, or stands apart by more than the
line spacing; across a page break too. Tables (see pdf_tables.py) are
written as tab-separated rows. Every line keeps its page; table cells their
table, row and cell as well.

A PDF without any text (a scan) is refused in one line: policyx does no OCR.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass, field

import regex

from policyx.errors import InputError
from policyx.text.formats.layout import PAGE_NUMBER_LINE, ExtractedText, TextBuilder, emit_table, reader_library
from policyx.text.formats.pdf_tables import Fragment, page_fragments, stitch
from policyx.text.stored_patterns import compiled

_HEADING_START = compiled(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零〇0-9]+[章节条篇部分]"
    r"|[0-9]{1,2}[.．、](?![0-9])|[（(][0-9]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|附件|附表|专栏)")
_SENTENCE_END = compiled(r"[。！？!?；;:：]$")  # on a stripped line
_BARE_NUMBER = compiled(r"^\s*[0-9]{1,4}\s*$")
_DIGITS = compiled(r"[0-9０-９]+")
_CID = compiled(r"\(cid:[0-9]+\)")
# share of a page's height at its top and bottom where running heads and feet stand
_BAND = 0.12


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    widths: tuple[float, ...] = ()  # of the first characters, for what could not fit on the line above


@dataclass
class Page:
    number: int
    width: float
    height: float
    items: list = field(default_factory=list)  # Line or Fragment, top to bottom
    chars: int = 0
    images: int = 0


def read_pdf(data: bytes, name: str) -> ExtractedText:
    pdfplumber = _library(name)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        raise _open_error(exc, name) from None
    try:
        with pdf:
            pages = [_read_and_close(page, n) for n, page in enumerate(pdf.pages, 1)]
    except InputError:
        raise
    except Exception as exc:  # a damaged page, stream or font: pdfminer fails in many ways
        raise _open_error(exc, name) from None
    _check_text_layer(pages, name)
    _drop_running_lines(pages)
    return _write(pages)


def _library(name: str):
    return reader_library("pdfplumber", "pdfplumber>=0.11", "PDF files", name)


def _open_error(exc: BaseException, name: str) -> InputError:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    kind = type(inner).__name__
    if "Password" in kind or "password" in str(inner).lower() or "Encrypt" in kind:
        return InputError(f"{name}: a password-protected PDF: open it with its password and save or print a copy "
                          "without one (qpdf --password=PASSWORD --decrypt FILE.pdf out.pdf)")
    reason = str(inner).strip().splitlines()[0][:120] if str(inner).strip() else kind
    return InputError(f"{name}: a damaged PDF file, it cannot be read ({reason})")


def _read_and_close(page, number: int) -> Page:
    """A page read, and its parsed objects let go (a long PDF stays small)."""
    try:
        return _read_page(page, number)
    finally:
        page.close()


def _read_page(page, number: int) -> Page:
    result = Page(number, float(page.width), float(page.height), chars=len(page.chars), images=len(page.images))
    fragments = page_fragments(page, number)
    boxes = [f.bbox for f in fragments]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    lines = []
    for found in text_page.extract_text_lines(strip=True, return_chars=True):
        text = found["text"]
        if not text.strip():
            continue
        chars = [c for c in found["chars"] if not c["text"].isspace()]
        sizes = [c.get("size", 0) for c in chars] or [10.0]
        widths = tuple(c["x1"] - c["x0"] for c in chars[:16])
        lines.append(Line(text.strip(), found["x0"], found["x1"], found["top"], found["bottom"], statistics.median(sizes),
                          number, widths))
    result.items = sorted([*lines, *fragments], key=lambda item: (round(_top(item)), _left(item)))
    return result


def _top(item) -> float:
    return item.top if isinstance(item, Line) else item.bbox[1]


def _left(item) -> float:
    return item.x0 if isinstance(item, Line) else item.bbox[0]


def _check_text_layer(pages: list[Page], name: str) -> None:
    if not pages:
        raise InputError(f"{name}: the PDF has no pages")
    if sum(p.chars for p in pages) == 0:
        what = "a scanned document" if any(p.images for p in pages) else "no text"
        raise InputError(f"{name}: the PDF has no text layer ({what}); policyx does not do OCR: "
                         f"give it a text layer first, e.g. ocrmypdf -l chi_sim FILE.pdf FILE-ocr.pdf")
    text = "".join(i.text for p in pages for i in p.items if isinstance(i, Line))
    garbled = sum(len(m.group()) for m in _CID.finditer(text))
    if text and garbled > 0.3 * len(text):
        raise InputError(f"{name}: the PDF's fonts carry no Unicode mapping, so its text cannot be decoded; "
                         "treat it as a scan: ocrmypdf --force-ocr -l chi_sim FILE.pdf FILE-ocr.pdf")


def _key(text: str) -> str:
    return _DIGITS.sub("#", regex.sub(r"\s+", "", text))


def _band_lines(page: Page) -> list[Line]:
    """The lines that may be a running head or foot: the first two and the
    last two lines of the page, within its top or bottom band."""
    lines = [i for i in page.items if isinstance(i, Line)]
    top = [ln for ln in lines[:2] if ln.bottom <= page.height * _BAND * 1.5]
    bottom = [ln for ln in lines[-2:] if ln.top >= page.height * (1 - _BAND * 1.5)]
    return top + [ln for ln in bottom if ln not in top]


def _drop_running_lines(pages: list[Page]) -> None:
    """Drop running heads and feet, and page numbers (see the module docstring)."""
    counts: dict[str, int] = {}
    for page in pages:
        for key in {_key(ln.text) for ln in _band_lines(page) if not _BARE_NUMBER.match(ln.text)}:
            counts[key] = counts.get(key, 0) + 1
    recurring = {k for k, n in counts.items() if len(pages) >= 2 and n >= 2 and n >= 0.4 * len(pages)}
    offset = _page_number_offset(pages)
    for page in pages:
        drop = [ln for ln in _band_lines(page)
                if _key(ln.text) in recurring or PAGE_NUMBER_LINE.match(ln.text)
                or (offset is not None and _BARE_NUMBER.match(ln.text) and int(ln.text) - page.number == offset)]
        page.items = [i for i in page.items if not any(i is d for d in drop)]


def _page_number_offset(pages: list[Page]) -> int | None:
    """How bare page numbers ("3") run against the pages (usually 0): the
    offset most pages agree on, or None. A number that does not count with
    the pages ("9" atop a page of a numbered list) is no page number."""
    offsets: dict[int, int] = {}
    for page in pages:
        for line in _band_lines(page):
            if _BARE_NUMBER.match(line.text):
                offset = int(line.text) - page.number
                offsets[offset] = offsets.get(offset, 0) + 1
    if not offsets:
        return None
    best = max(offsets, key=lambda k: (offsets[k], -abs(k)))
    return best if offsets[best] >= min(2, len(pages)) else None


@dataclass
class _Metrics:
    left: float
    right: float
    size: float
    pitch: float


def _metrics(pages: list[Page]) -> _Metrics:
    """The body's left and right margins, type size and line spacing."""
    lines = [i for p in pages for i in p.items if isinstance(i, Line)]
    if not lines:
        return _Metrics(0, 0, 10, 14)
    size = statistics.median(ln.size for ln in lines) or 10.0
    lefts: dict[int, int] = {}
    for ln in lines:
        lefts[round(ln.x0)] = lefts.get(round(ln.x0), 0) + 1
    # the body's margin: the leftmost start that many lines share (not the
    # most common, which a plan of one-line indented paragraphs would make the indent)
    common = [x for x, n in lefts.items() if n >= max(3, 0.05 * len(lines))]
    left = float(min(common) if common else min(lefts, key=lambda x: (-lefts[x], x)))
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    gaps = [b.top - a.top for p in pages for a, b in zip(p.items, p.items[1:])
            if isinstance(a, Line) and isinstance(b, Line) and 0 < b.top - a.top < 3 * size]
    pitch = statistics.median(gaps) if gaps else size * 1.5
    return _Metrics(left, right, size, pitch)


def _continues(a: Line, b: Line, m: _Metrics) -> bool:
    """Whether line ``b`` goes on with the paragraph of line ``a``."""
    if _HEADING_START.match(b.text) or abs(a.size - b.size) > 1.5:
        return False
    if b.x0 > m.left + 0.8 * m.size or a.x0 > m.right - 0.5 * (m.right - m.left):
        return False
    if a.page == b.page and b.top - a.top > 1.45 * m.pitch:
        return False
    room = m.right - a.x1
    if _SENTENCE_END.search(a.text.rstrip()):  # a paragraph may end here: only when the next words could not fit
        return room < max(1.2 * m.size, _first_chunk_width(b))
    return room < max(1.5 * m.size, _first_chunk_width(b) + 0.5 * m.size)


_OPENING = "“‘（(《〈【〔「『"
_CLOSING = compiled(r"[。，、；：！？,.;:!?”’）)》〉】〕」』%]+")
_LATIN_RUN = compiled(r"[A-Za-z0-9.%\-]+")


def _first_chunk_width(line: Line) -> float:
    """How wide the start of a line is that cannot be broken: opening
    brackets, a character, the punctuation that may not begin a line after
    it, and a run of Latin letters or digits ("理。2016" in "理。2016年")."""
    text = line.text
    i = 0
    while i < len(text) and text[i] in _OPENING:
        i += 1
    i += 1
    for pattern in (_CLOSING, _LATIN_RUN):
        m = pattern.match(text, i) if i < len(text) else None
        if m:
            i = m.end()
    if regex.match(r"[A-Za-z0-9]", text):
        m = _LATIN_RUN.match(text)
        i = max(i, m.end() if m else 0)
    count = len(text[:i].replace(" ", ""))
    widths = line.widths[:count]
    return sum(widths) + (count - len(widths)) * line.size


def _glue(a: str, b: str) -> str:
    return " " if regex.search(r"[A-Za-z0-9]$", a) and regex.match(r"^[A-Za-z0-9]", b) else ""


def _write(pages: list[Page]) -> ExtractedText:
    metrics = _metrics(pages)
    builder = TextBuilder()
    items = [i for p in pages for i in p.items]
    tables = stitch(items)
    paragraph: list[Line] = []
    number = 0

    def flush() -> None:
        if paragraph:
            _add_paragraph(builder, paragraph)
            paragraph.clear()

    for item in items:
        if isinstance(item, Fragment):
            flush()
            table = tables.get(id(item))
            if table is not None:  # the first fragment of a table writes it whole
                number += 1
                emit_table(builder, table.cells(number), header_rows=table.header_rows)
            continue
        if paragraph and not _continues(paragraph[-1], item, metrics):
            flush()
        paragraph.append(item)
    flush()
    return builder.result("utf-8")


def _add_paragraph(builder: TextBuilder, lines: list[Line]) -> None:
    """One line of text for a paragraph, each PDF line keeping its page."""
    pieces: list[tuple[str, dict]] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if i:
            glue = _glue(pieces[-1][0], text)
            pieces[-1] = (pieces[-1][0] + glue, pieces[-1][1]) if glue else pieces[-1]
        pieces.append((text, {"page": line.page}))
    builder.add_joined(pieces)
