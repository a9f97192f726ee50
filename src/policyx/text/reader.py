"""Reading plan files: bytes in, decoded text out, or one clear error.

Encodings: UTF-8 (with or without BOM), UTF-16 (with BOM, or detected by its
NUL pattern), GB18030/GBK, Big5 (and its Windows and Hong Kong forms);
anything else is handed to charset-normalizer. Almost any bytes decode as
GB18030, so a decoding is only trusted when its Chinese characters are
mostly common ones (GB2312's, after traditional characters are simplified):
Big5 read as GB18030 gives rare characters, and is then read as Big5.
The input file is only ever opened for reading, only if it is a regular file
and not larger than the limit (policyx/limits.py).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from policyx.errors import InputError
from policyx.limits import check_text_size, read_file, read_stream

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
    chinese = _chinese(data, name)
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding (tried UTF-8, UTF-16, GB18030)")
    return _checked(str(best), best.encoding, name)


# Below this share of common characters a decoding is not trusted.
_COMMON_SHARE = 0.9
_TRADITIONAL_ENCODINGS = ("cp950", "big5hkscs")


def _chinese(data: bytes, name: str) -> tuple[str, str] | None:
    """GB18030, unless a traditional encoding reads the bytes as more common
    characters (Big5 read as GB18030 comes out as rare ones)."""
    try:
        simplified = data.decode("gb18030")
    except UnicodeDecodeError:
        simplified = None
    share = common_share(simplified) if simplified is not None else 0.0
    if share >= _COMMON_SHARE:
        return _checked(simplified, "gb18030", name)
    best: tuple[float, str, str] | None = None
    for encoding in _TRADITIONAL_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = common_share(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None and best[0] > share:
        return _checked(best[1], best[2], name)
    return _checked(simplified, "gb18030", name) if simplified is not None else None


@functools.lru_cache(maxsize=1)
def _common_characters() -> frozenset[str]:
    """GB2312's 6,763 characters: the ones simplified Chinese is written in."""
    rows = bytes(b for lead in range(0xB0, 0xF8) for trail in range(0xA1, 0xFF) for b in (lead, trail))
    return frozenset(rows.decode("gb2312", errors="ignore"))


def common_share(text: str, sample: int = 20000) -> float:
    """The share of common characters among the Chinese ones (traditional
    ones simplified first); 1.0 for a text with none."""
    han = [ch for ch in text[:sample * 4] if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"][:sample]
    if not han:
        return 1.0
    from policyx.text.normalize import to_simplified

    common = _common_characters()
    simplified = to_simplified("".join(han))
    return sum(1 for ch in simplified if ch in common) / len(han)


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
        data = read_stream(sys.stdin.buffer)
        return _source(data, "<stdin>", None)
    p = Path(path)
    data = read_file(p)  # a regular file within the size limit, or one line
    return _source(data, str(p), str(p))


def _source(data: bytes, name: str, path: str | None) -> SourceText:
    from policyx.text.formats import read_document, sniff

    digest = hashlib.sha256(data).hexdigest()
    kind = sniff(data, name)
    if kind is not None:
        document = read_document(kind, data, name)
        check_text_size(name, document.text)
        return SourceText(document.text, document.encoding, path, digest, kind, document.origins)
    text, encoding = decode_bytes(data, name=name)
    return SourceText(text, encoding, path, digest)
