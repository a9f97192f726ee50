"""Length-preserving normalisation and the line index.

The working copy has exactly as many characters as the original, so an offset
found in it is an offset in the original: full-width ASCII becomes half-width,
the ideographic space a space, a lone carriage return a newline, traditional
characters simplified ones, and web noise (HTML tags and remnants, page
chrome) is blanked with spaces.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from policyx.text.fold import fold

_LONE_CR = regex.compile(r"\r(?!\n)")

_NOT_NEWLINE = regex.compile(r"[^\n]")
# Common characters that exist only in traditional script; a few of them mark a
# text worth converting (the conversion itself is OpenCC's).
_TRADITIONAL_HINT = regex.compile(
    "[們這來對為發會經與區縣產業務環護廳據應實關將過進還時點門開問題電長東華國圖說話讓議計劃農廠氣資設當現機構飲條運標項準轉監測處質導]"
)


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, one character for one.

    OpenCC converts the text; where a phrase rule would change a line's
    length, that line is converted character by character instead, so offsets
    never move.

    >>> to_simplified("自治區環保廳牽頭")
    '自治区环保厅牵头'
    """
    if len(_TRADITIONAL_HINT.findall(text, 0, 50000)) < 3:
        return text
    converter = _converter()
    whole = converter.convert(text)
    if len(whole) == len(text):
        return whole
    lines = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        lines.append(converted)
    return "\n".join(lines)


def comparable(text: str) -> str:
    """A short string (a title, a name) in the form rules and comparisons use:
    simplified characters, plain punctuation. Offsets are not kept.

    >>> comparable("（一）工作目標")
    '(一)工作目标'
    """
    return fold(_converter().convert(text))


def _newlines(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


# Paragraphs that a web copy ran together on one line: two or more spaces
# after a sentence end ("…不再列出）　　推进水产生态健康养殖。…"). The working
# copy breaks the line there (one space becomes a newline, so offsets stay);
# line numbers are still those of the file. Not before a bracket: a clause
# after spaces stays with its sentence.
_RUN_TOGETHER = regex.compile(
    r"(?<=[。;!?」”)])[ ]{2,}(?=[^\s(\[【〔])"
    # …or before what opens a heading: "…严格控制污染物排放　　（一）狠抓工业污染防治"
    r"|(?<=\S)[ ]{2,}(?=[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,4}\)|第[一二三四五六七八九十]{1,3}[章节])"
)


def _soft_breaks(working: str, original: str) -> str:
    breaks = [m.start() for m in _RUN_TOGETHER.finditer(working)
              if original[m.start():m.end()].isspace()]  # real spaces, not blanked web noise
    if not breaks:
        return working
    chars = list(working)
    for position in breaks:
        chars[position] = "\n"
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, of the working copy (a run-together paragraph is a line of its own)
    start: int
    end: int  # exclusive, before the newline
    text: str  # the working-copy text of the line


class Normalized:
    """A plan's original text, its working copy and a line index."""

    __slots__ = ("original", "text", "noise_spans", "_line_starts", "_file_line_starts", "_lines")

    def __init__(self, original: str, noise_pattern: regex.Pattern | None = None) -> None:
        self.original = original
        working = fold(original)
        # a lone "\r" (old Mac files) ends a line too; "\r\n" keeps its "\n"
        working = _LONE_CR.sub("\n", working)
        working = to_simplified(working)
        spans: list[tuple[int, int]] = []
        if noise_pattern is not None:
            pieces: list[str] = []
            last = 0
            for match in noise_pattern.finditer(working):
                start, end = match.span()
                if end > start:
                    spans.append((start, end))
                    pieces.append(working[last:start])
                    pieces.append(_NOT_NEWLINE.sub(" ", match.group(0)))
                    last = end
            if spans:
                pieces.append(working[last:])
                working = "".join(pieces)
        self._file_line_starts = _newlines(working)
        working = _soft_breaks(working, original)
        assert len(working) == len(original)
        self.text = working
        self.noise_spans = tuple(spans)
        self._line_starts = _newlines(working)
        self._lines: list[Line] | None = None

    @property
    def line_count(self) -> int:
        return len(self._file_line_starts)

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset, in the original file."""
        return bisect.bisect_right(self._file_line_starts, offset)

    def _working_line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def lines(self, start: int = 0, end: int | None = None) -> list[Line]:
        """The lines (made once), or those that overlap [start, end)."""
        if self._lines is None:
            text = self.text
            starts = self._line_starts
            lines = []
            for i, first in enumerate(starts):
                last = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
                if last > first and text[last - 1] == "\r":
                    last -= 1
                lines.append(Line(i + 1, first, last, text[first:last]))
            self._lines = lines
        if start == 0 and end is None:
            return self._lines
        lo = max(0, self._working_line_of(start) - 1)
        hi = len(self._lines) if end is None else self._working_line_of(max(start, end - 1))
        return self._lines[lo:hi]
