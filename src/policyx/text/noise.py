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

_NOT_NEWLINE = regex.compile(r"[^\n]")


@dataclass(frozen=True, slots=True)
class NoiseRule:
    """A pattern of web noise and what to do with a match: ``blank`` it with
    spaces, ``delete`` it, or ``decode`` it as an HTML entity."""

    pattern: regex.Pattern
    action: str = "blank"


def noise_edits(working: str, rules: Iterable[NoiseRule]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Edits for every noise match, rule by rule (one alternation of all of
    them defeats the regex engine's literal search); where two overlap, the
    earlier one wins, then the longer."""
    found: list[tuple[int, int, str]] = []
    rules = [(rule, line_start_chars(rule.pattern)) for rule in rules]
    heads: dict[str, list[int]] | None = None
    for rule, firsts in rules:
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
                found.append((match.start(), -match.end(), rule.action))
    found.sort()
    edits: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int, str]] = []
    covered = 0
    for start, negative_end, action in found:
        end = -negative_end
        if start < covered:
            continue
        covered = end
        piece = working[start:end]
        if action == "decode":
            decoded = fold(html.unescape(piece))
            replacement = decoded if len(decoded) <= len(piece) and decoded != piece else _NOT_NEWLINE.sub(" ", piece)
        elif action == "delete" and "\n" not in piece:
            replacement = ""
        else:
            replacement = _NOT_NEWLINE.sub(" ", piece)
        spans.append((start, end, action))
        if replacement != piece:
            edits.append((start, end, replacement))
    return edits, spans


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
