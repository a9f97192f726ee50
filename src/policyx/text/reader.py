"""Reading plan files: bytes in, decoded text out, or one clear error.

Encodings: UTF-8 (with or without BOM), UTF-16 (with BOM, or detected by its
NUL pattern), GB18030/GBK; anything else is handed to charset-normalizer.
The input file is only ever opened for reading.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from policyx.errors import InputError

# Share of control characters (other than tab, newline, carriage return, form
# feed) above which decoded text is taken to be binary rather than a plan.
_MAX_CONTROL_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    encoding: str
    path: str | None
    sha256: str
    format: str = "text"  # or docx, pdf, xlsx, xls: the text was extracted from that file
    origins: tuple = ()  # model.Origin per stretch of text, for a file that is not text


# Document formats people save plans in, told by their first bytes: not text
# (read_source reads PDF, Word and Excel files with text/formats; these
# messages are for bytes handed to decode_bytes as text)
_FORMATS = (
    (b"%PDF-", "a PDF file, not text: read it as a file (policyx extract FILE.pdf)"),
    (b"PK\x03\x04", "a Word .docx, Excel .xlsx (or another zip) file, not text: read it as a file (policyx extract FILE)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word .doc (or another Office) file, not text: save it as .docx first"),
    (b"{\\rtf", "an RTF file; save it as plain text (.txt) first"),
)


def decode_bytes(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """Decode a plan's bytes; returns ``(text, encoding)`` or raises InputError."""
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(f"{name}: the file is empty")
    for magic, what in _FORMATS:
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(magic):
            raise InputError(f"{name}: {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16"), "utf-16", name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16), utf16, name)
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not a plan text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("gb18030"), "gb18030", name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding (tried UTF-8, UTF-16, GB18030)")
    return _checked(str(best), best.encoding, name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes, an even length, and a decoding that
    reads as text (Chinese, ASCII, punctuation, white space)."""
    if len(data) % 2 or b"\x00" not in data[:4000]:
        return None
    best, best_share = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:8000].decode(encoding)
        except UnicodeDecodeError:
            continue
        share = sum(1 for ch in sample if _plausible(ch)) / max(1, len(sample))
        if share > best_share:
            best, best_share = encoding, share
    return best if best_share >= 0.9 else None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\t\n\r"
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0x4E00 <= code <= 0x9FFF  # CJK ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x206F  # general punctuation: “ ” — …
    )


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise InputError(f"{name}: looks like a binary file, not a plan text")
    return text, encoding


def read_source(path: str | Path) -> SourceText:
    """Read a plan from a path (``-`` for standard input): a text file, or a
    Word, PDF or Excel file whose text is extracted (see text/formats)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        return _source(data, "<stdin>", None)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a plan file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return _source(data, str(p), str(p))


def _source(data: bytes, name: str, path: str | None) -> SourceText:
    from policyx.text.formats import read_document, sniff

    digest = hashlib.sha256(data).hexdigest()
    kind = sniff(data, name)
    if kind is not None:
        document = read_document(kind, data, name)
        return SourceText(document.text, document.encoding, path, digest, kind, document.origins)
    text, encoding = decode_bytes(data, name=name)
    return SourceText(text, encoding, path, digest)
