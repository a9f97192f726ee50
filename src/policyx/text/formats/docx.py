"""Word .docx: the body's paragraphs in order, list numbering as the markers
Word shows, tables as tables.

Read with python-docx (the package, its parts and relationships) and its
lxml tree. Headers, footers, footnotes, comments, deleted revisions, hidden
text, field codes and text boxes are no part of the text; inserted
revisions are. A paragraph that is only a page number ("— 3 —", left by a
web page's preview of a Word file) is dropped. Where each line came from is
kept: the body paragraph (1-based, counting the body's paragraphs outside
tables), or the table, row and cell.
"""

from __future__ import annotations

import io

from policyx.errors import InputError
from policyx.text.formats.layout import (
    PAGE_NUMBER_LINE, ExtractedText, GridCell, TextBuilder, emit_table, join_lines, reader_library,
)
from policyx.text.formats.numbering import W, Numbering

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# subtrees whose text is not shown: deleted and moved-away revisions, field
# codes, drawings and objects (text boxes), the fallback copy of alternate content
_HIDDEN = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}delInstrText", f"{W}drawing",
           f"{W}pict", f"{W}object", f"{_MC}Fallback", f"{W}rPr", f"{W}pPr", f"{W}footnoteReference",
           f"{W}endnoteReference", f"{W}commentReference"}
_CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"}


def read_docx(data: bytes, name: str) -> ExtractedText:
    document = _open(data, name)
    part = document.part
    numbering = _part_element(part, "numbering_part")
    styles = _part_element(part, "styles")
    reader = _BodyReader(Numbering(numbering, styles))
    reader.read(document.element.body)
    result = reader.builder.result("utf-8")
    if not result.text.strip():
        raise InputError(f"{name}: the Word file has no text")
    return result


def _open(data: bytes, name: str):
    docx = reader_library("docx", "python-docx>=1.1", "Word files", name)

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged package fails in zipfile, lxml or python-docx, each its own way
        if "content type" in str(exc):  # a macro-enabled document or a template
            raise InputError(f"{name}: a Word file of a kind policyx does not read ({_reason(exc)}); "
                             "save it as a Word document (.docx)") from None
        raise InputError(f"{name}: a damaged Word .docx file, it cannot be opened ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def _part_element(part, attribute: str):
    """numbering.xml or styles.xml of the document, if it has one."""
    try:
        related = getattr(part, attribute if attribute != "styles" else "_styles_part")
        return related.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


class _BodyReader:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.builder = TextBuilder()
        self.paragraphs = 0
        self.tables = 0

    def read(self, body) -> None:
        for child in body:
            if child.tag == f"{W}p":
                self.paragraphs += 1
                text = self.paragraph_text(child)
                if text.strip() and PAGE_NUMBER_LINE.match(text):
                    continue
                if text.strip():
                    self.builder.add(text, paragraph=self.paragraphs)
                else:
                    self.builder.blank()
            elif child.tag == f"{W}tbl":
                self.tables += 1
                self.table(child, self.tables)
            elif child.tag in _CONTAINERS:
                self.read(child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child)

    def paragraph_text(self, p) -> str:
        """The text Word shows for a paragraph: its number, then its runs."""
        ppr = p.find(f"{W}pPr")
        numbered = self.numbering.paragraph_list(ppr)
        marker = self.numbering.marker(*numbered) if numbered else ""
        parts: list[str] = []
        _runs_text(p, parts)
        text = "".join(parts)
        return marker + text.lstrip() if marker and text.strip() else text

    def table(self, tbl, number: int) -> None:
        cells: list[GridCell] = []
        open_down: dict[int, GridCell] = {}  # grid column → the cell a vertical merge continues
        header_rows = 0
        counting_header = True
        for r, tr in enumerate(_rows(tbl)):
            trpr = tr.find(f"{W}trPr")
            is_header = trpr is not None and trpr.find(f"{W}tblHeader") is not None \
                and trpr.find(f"{W}tblHeader").get(f"{W}val", "1") not in ("0", "false")
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            col = _int_val(trpr, "gridBefore")
            for c_index, tc in enumerate(_row_cells(tr), 1):
                tcpr = tc.find(f"{W}tcPr")
                span = max(1, _int_val(tcpr, "gridSpan") or 1)
                merge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                if merge is not None and merge.get(f"{W}val", "continue") == "continue" and col in open_down:
                    above = open_down[col]
                    above.rowspan = r - above.row + 1
                    col += span
                    continue
                cell = GridCell(self.cell_text(tc), r, col, 1, span, {"table": number, "row": r + 1, "cell": c_index})
                cells.append(cell)
                for c in range(col, col + span):
                    open_down.pop(c, None)
                if merge is not None:
                    open_down[col] = cell
                col += span
        emit_table(self.builder, cells, header_rows=header_rows or 1)

    def cell_text(self, tc) -> str:
        """A cell's paragraphs (and nested tables' cells) as one text."""
        lines: list[str] = []
        for child in _cell_blocks(tc):
            if child.tag == f"{W}p":
                lines.extend(self.paragraph_text(child).split("\n"))
            else:  # a table inside the cell
                for row in _rows(child):
                    lines.append(" ".join(self.cell_text(inner) for inner in _row_cells(row)))
        return join_lines([ln.replace("\t", " ") for ln in lines])


def _int_val(element, tag: str) -> int:
    child = element.find(f"{W}{tag}") if element is not None else None
    try:
        return int(child.get(f"{W}val")) if child is not None else 0
    except (TypeError, ValueError):
        return 0


def _flattened(element, tag: str):
    """Children with ``tag``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == f"{W}{tag}":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _flattened(child, tag)


def _rows(tbl):
    return _flattened(tbl, "tr")


def _row_cells(tr):
    return _flattened(tr, "tc")


def _cell_blocks(tc):
    for child in tc:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _cell_blocks(child)


def _runs_text(element, out: list[str]) -> None:
    """The shown text under ``element``, in order."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue
        if tag == f"{W}r" and _hidden_run(child):
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type") not in ("page", "column"):
                out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}sym":
            out.append(_symbol(child))
        else:
            _runs_text(child, out)


def _hidden_run(run) -> bool:
    rpr = run.find(f"{W}rPr")
    vanish = rpr.find(f"{W}vanish") if rpr is not None else None
    return vanish is not None and vanish.get(f"{W}val", "1") not in ("0", "false")


def _symbol(sym) -> str:
    """A w:sym character, unless it is a symbol-font glyph (private use)."""
    try:
        code = int(sym.get(f"{W}char", ""), 16)
    except ValueError:
        return ""
    return "" if 0xE000 <= code <= 0xF8FF or code < 0x20 else chr(code)
