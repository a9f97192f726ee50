"""Characters a PDF copy or an OCR set apart with spaces.

A justified line of a PDF (a centred heading, a line the typesetter spread to
the margin) often comes out of a text copy with a space between each of its
characters: "（ 三 ） 强 化 水 源 保 护", "牵 头 单 位 ： 省 水 利 厅",
"200 个 以 上 ， 确 保 问 题 整 改 销 号 率 达 到 95% 以 上 。"
(province-pdf-spaced-characters-2025); an OCR spaces a label or a name
within a line ("牵 头 单 位：县 发 改 局", "县财政局、县自 然 资 源 局", county-ocr-2023).
A run of three single spaces or more, each word between them one Chinese
character (or a full-width mark), is read without those spaces: the heading,
the unit and the figure as the plan means them. Runs of two spaces or more
(a gap between a table's cells), and a single space elsewhere, stay.
"""

from __future__ import annotations

from policyx.text.normalize import Normalized

MIN_RUN = 3  # single spaces in a run, at least ("总 体 要 求"; not a two-character name padded to three, "李 四")


def spaced_characters(norm: Normalized) -> list[tuple[int, int]]:
    """The working-copy spans of the spaces to take out."""
    if " " not in norm.text:
        return []
    spans: list[tuple[int, int]] = []
    for line in norm.lines():
        words = line.text
        if words.count(" ") >= MIN_RUN and "\t" not in words:  # (a table's row: its cells are read without spaces)
            spans.extend((line.start + gap, line.start + gap + 1) for gap in _spaced_gaps(words))
    return spans


def _spaced_gaps(words: str) -> list[int]:
    """The offsets of the single spaces in runs of MIN_RUN or more whose inner words are single characters."""
    found: list[int] = []
    run: list[int] = []
    offset = 0
    before = ""
    for word in words.split(" "):
        gap = offset - 1  # (the space before this word)
        if before and word:
            if run and not _single(before):
                _close(run, found)
            run.append(gap)
        else:
            _close(run, found)
        before = word
        offset += len(word) + 1
    _close(run, found)
    return found


def _close(run: list[int], found: list[int]) -> None:
    if len(run) >= MIN_RUN:
        found.extend(run)
    run.clear()


def _single(word: str) -> bool:
    """One character, Chinese or a full-width mark (not a Latin letter or a digit)."""
    return len(word) == 1 and ord(word) > 0x2E7F
