"""Files plans are published in: Word (.docx), PDF and Excel (.xlsx, .xls).

``sniff`` tells a file's format from its first bytes (and, for a zip or an
OLE container, from the names inside it), without importing any reader;
``read_document`` extracts the text with the reader for that format, which
is imported only then — ``policyx --version`` loads none of them. Formats
that cannot be read (the old binary .doc and WPS files, presentations,
OpenDocument, OFD, password-protected Office files) get one line saying
what to do.
"""

from __future__ import annotations

import io
from pathlib import PurePath
from typing import TYPE_CHECKING

from policyx.errors import InputError

if TYPE_CHECKING:  # layout.py compiles its patterns on import: not for a text file
    from policyx.text.formats.layout import ExtractedText

READABLE = ("docx", "pdf", "xlsx", "xls")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"

_CONVERT = {
    "doc": "an old binary Word file (.doc), which policyx does not read: save it as .docx in Word or WPS "
           "(文件 → 另存为 → .docx), or convert it: soffice --headless --convert-to docx FILE.doc",
    "wps": "a WPS 文字 file (.wps), which policyx does not read: save it as .docx in WPS "
           "(文件 → 另存为 → Word 文件 .docx), or convert it: soffice --headless --convert-to docx FILE.wps",
    "et": "a WPS 表格 file (.et), which policyx does not read: save it as .xlsx in WPS, "
          "or convert it: soffice --headless --convert-to xlsx FILE.et",
    "ppt": "a PowerPoint file, not a plan document: save the plan as .docx or .pdf",
    "odf": "an OpenDocument file, which policyx does not read: save it as .docx (or .xlsx) "
           "in LibreOffice, or: soffice --headless --convert-to docx FILE",
    "ofd": "an OFD (版式) file, which policyx does not read: export it as PDF in an OFD reader, "
           "then read the PDF",
    "encrypted": "a password-protected Office file: open it with its password and save a copy "
                 "without one (文件 → 信息 → 保护文档 → 用密码进行加密 → clear the password)",
    "zip": "a zip archive, not a plan: unpack it and read the plan files in it",
}


def sniff(data: bytes, name: str = "") -> str | None:
    """The format of a file's bytes: one of READABLE, a key of the formats
    that cannot be read, or None for text (decoded by the text reader)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    suffix = PurePath(name).suffix.lower()
    if head.startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and suffix == ".pdf"):
        return "pdf"
    if data.startswith(_ZIP) or (data.startswith(b"PK") and suffix in (".docx", ".xlsx", ".xlsm")):
        return _zip_kind(data, suffix)
    if data.startswith(_OLE):
        return _ole_kind(data, suffix)
    return None


def _zip_kind(data: bytes, suffix: str) -> str:
    import zipfile  # only for a zip file: not to read a text file

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        # damaged: the reader for its suffix says so
        return {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}.get(suffix, "docx" if b"word/" in data[:4096] else "zip")
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "ppt"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "odf"
    if "OFD.xml" in names:
        return "ofd"
    if suffix == ".docx":
        return "docx"
    return "zip"


def _ole_kind(data: bytes, suffix: str) -> str:
    """What an OLE compound file holds, from its stream names (UTF-16)."""
    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "encrypted"
    if suffix == ".wps":
        return "wps"
    if suffix == ".et":
        return "et"
    if has("Workbook") or has("Book") or suffix in (".xls", ".xlt"):
        return "xls"
    if has("PowerPoint Document"):
        return "ppt"
    return "doc"


def read_document(kind: str, data: bytes, name: str) -> ExtractedText:
    """The text of a Word, PDF or Excel file, or an InputError in one line."""
    if kind == "docx":
        from policyx.text.formats.docx import read_docx

        return read_docx(data, name)
    if kind == "pdf":
        from policyx.text.formats.pdf import read_pdf

        return read_pdf(data, name)
    if kind in ("xlsx", "xls"):
        from policyx.text.formats.sheets import read_sheets

        return read_sheets(data, name, kind)
    raise InputError(f"{name}: {_CONVERT.get(kind, 'a file policyx cannot read')}")
