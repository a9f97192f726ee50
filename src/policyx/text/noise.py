"""Web noise in a plan's text (markup, page chrome, entities, pinyin
glosses): every match of the noise rules (rules/noise.yaml), and the edit
that masks, deletes or decodes it in the working copy."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from policyx.text.anchors import line_start_chars, stays_in_line
from policyx.text.fold import fold
from policyx.text.warm import may_hold_words
from policyx.text.stored_patterns import compiled

_NOT_NEWLINE = compiled(r"[^\n]")


@dataclass(frozen=True, slots=True)
class NoiseRule:
    """A pattern of web noise and what to do with a match: ``blank`` it with
    spaces, ``delete`` it, ``decode`` it as an HTML entity, or ``break`` the
    line there (a block's tag, ``</p>``, on a page saved as one line)."""

    pattern: regex.Pattern
    action: str = "blank"


def noise_edits(working: str, rules: Iterable[NoiseRule]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Edits for every noise match, rule by rule (one alternation of all of
    them defeats the regex engine's literal search); where two overlap, the
    earlier one wins, then the longer, then the rule listed first."""
    found: list[tuple[int, int, str]] = []
    rules = [(rule, line_start_chars(rule.pattern)) for rule in rules]
    heads: dict[str, list[int]] | None = None
    for order, (rule, firsts) in enumerate(rules):
        if firsts is None:
            if not may_hold_words(rule.pattern, working):  # (a page's chrome: most plans hold none of its words)
                continue
            matches: Iterable[regex.Match] = rule.pattern.finditer(working)
        else:  # a rule for whole lines is tried at the lines that start with what it starts with
            if heads is None:
                heads = _line_heads(working, frozenset().union(*(f for _, f in rules if f is not None)))
            matches = _at_line_starts(rule.pattern, working, sorted(at for ch in firsts for at in heads.get(ch, ())))
        for match in matches:
            if match.end() > match.start():
                found.append((match.start(), -match.end(), order, rule.action))
    found.sort()
    edits: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int, str]] = []
    covered = 0
    line = _LineWords(working) if any(rule.action == "break" for rule, _ in rules) else None
    for start, negative_end, _, action in found:
        end = -negative_end
        if start < covered:
            continue
        if line is not None:
            line.read(covered, start)
        covered = end
        piece = working[start:end]
        if action == "break" and line is not None and line.breaks_at(start, end):
            replacement = "\n" + " " * (len(piece) - 1)  # (a block's tag ends its line, as its page shows it)
        else:
            replacement = _replacement(piece, action)
        spans.append((start, end, action))
        if replacement != piece:
            edits.append((start, end, replacement))
    return edits, spans


def _replacement(piece: str, action: str) -> str:
    """What a noise match becomes in the working copy (a block's tag that breaks no line is blanked)."""
    if action == "decode":
        decoded = fold(html.unescape(piece))
        return decoded if len(decoded) <= len(piece) and decoded != piece else blanked(piece)
    if action == "delete" and "\n" not in piece:
        return ""
    if action == "cell":
        return "\t" + blanked(piece[1:])  # (a table's cells part as a sheet's do; a line break kept, joined later)
    return blanked(piece)


def blanked(piece: str) -> str:
    """``piece`` as spaces, its line breaks kept (the working copy's lines stay the file's)."""
    return _NOT_NEWLINE.sub(" ", piece)


class _LineWords:
    """Whether words stand on the working line so far, the noise read up to
    a point left out: a block's tag breaks the line only after words, only
    where the line does not end right after it anyway ("</p>\n", "</p></div>\n"),
    and never in a line holding a tab (a table's row: its cells' paragraphs
    are the cell's, "工程\t<p>1. 造纸行业。…</p> <p>2. 印染行业。…</p>")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = False
        self.line_end = -1  # the end of the file's line last looked at, and whether it holds a tab
        self.tabbed = False

    def read(self, start: int, end: int) -> None:
        """Note the text between two noise matches."""
        gap = self.text[start:end]
        newline = gap.rfind("\n")
        if newline >= 0:
            self.words = bool(gap[newline + 1:].strip())
        elif not self.words:
            self.words = bool(gap.strip())

    def breaks_at(self, start: int, end: int) -> bool:
        """Whether a block's tag at [start, end) starts a new line (noted as made)."""
        text = self.text
        if not self.words or "\n" in text[start:end] or _LINE_ENDS_AFTER.match(text, end):
            return False
        if start > self.line_end:  # (each of the file's lines is looked at once)
            line_end = text.find("\n", end)
            self.line_end = line_end if line_end >= 0 else len(text)
            line = text[text.rfind("\n", 0, start) + 1:self.line_end]
            self.tabbed = "\t" in line or _PIPE_ROW.match(line) is not None
        if self.tabbed:
            return False
        self.words = False
        return True


# a row of a Markdown table: "| 2 | 推进政务数据共享<br>完成数据目录编制 | 市数据局 |" (a tag in a cell breaks no line)
_PIPE_ROW = compiled(r"^[ \t]{0,16}\|[^|\n]{0,400}\|[^|\n]{0,400}\|")

# white space and a few tags, then the line's end: a block's tag there ends no line that the file does not
# (matched at a tag's end, never searched; a longer run of white space is taken for words)
_LINE_ENDS_AFTER = compiled(r"(?:[ \t\u3000]{0,64}+<[^<>\n]{0,300}+>){0,4}+[ \t\u3000]{0,64}+(?:\n|\Z)")


def _line_heads(text: str, chars: frozenset[str]) -> dict[str, list[int]]:
    """The start of every line that opens with one of ``chars``, by its first
    character (found by one scan for a newline and one of them: a plan's
    other lines are not looked at one by one)."""
    chars = chars - {"\n"}
    if not chars:
        return {}
    heads: dict[str, list[int]] = {text[0]: [0]} if text[:1] and text[0] in chars else {}
    for m in _line_openers(chars).finditer(text):
        heads.setdefault(text[m.end() - 1], []).append(m.start() + 1)
    return heads


def _line_openers(chars: frozenset[str]) -> re.Pattern:
    """A newline followed by one of ``chars``."""
    pattern = _LINE_OPENERS.get(chars)
    if pattern is None:
        pattern = _LINE_OPENERS[chars] = re.compile("\n[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")
    return pattern


_LINE_OPENERS: dict[frozenset[str], re.Pattern] = {}


def _at_line_starts(pattern: regex.Pattern, text: str, starts: list[int]) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches start lines, tried
    at ``starts`` alone (the line starts where a match can begin).

    A pattern that stays in its line is matched up to the line's end: the
    regex engine looks for a pattern's required letters (the 年 of a date)
    from ``pos`` to ``endpos`` before it tries a match, so on the whole text
    a page of blank lines without one would cost the rest of the text per line."""
    end = 0
    in_line = stays_in_line(pattern)
    length = len(text)
    for start in starts:
        if start >= end:
            if in_line:
                line_end = text.find("\n", start)
                m = pattern.match(text, start, line_end if line_end >= 0 else length)
            else:
                m = pattern.match(text, start)
            if m:
                end = m.end()
                yield m
