"""The conventions a clause states about its own list — "列第一位者为牵头部门" (the
first unit leads, the others take part), "未明确牵头单位的，由所列单位按职责分工
负责" (every unit leads) — cut from its words, and whether they hold for the
clauses after it (下同)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from policyx.extract.clauses.fields import blank
from policyx.extract.clauses.searches import Searches
from policyx.text.sentences import BRACKET_CLOSERS, BRACKET_OPENERS
from policyx.text.stored_patterns import compiled

if TYPE_CHECKING:  # (the reading is grammar's, which reads with this module)
    from policyx.extract.clauses.grammar import ParsedClause


def _with_its_brackets(core: str, start: int, end: int) -> tuple[int, int]:
    """The span of words with the brackets they stand alone in ("州市场监管局（排在首位的为牵头单位，下同）")."""
    before = len(core[:start].rstrip(" \t,，"))
    after = len(core) - len(core[end:].lstrip(" \t,，;；。"))
    if before and after < len(core) and core[before - 1] in BRACKET_OPENERS and core[after] in BRACKET_CLOSERS:
        return before - 1, after + 1
    return start, end


def cut_conventions(core: str, found: Searches) -> tuple[str, str | None, bool]:
    """The clause's words without the conventions it states ("列第一位者为牵头部门，下同") and a bare 下同;
    the convention's effect, and whether it holds for the clauses after (下同)."""
    convention, carries = None, False
    for effect, pattern in found.conventions:
        match = pattern.search(core)
        if match:
            convention = effect
            end = match.end()
            others = found.convention_others.match(core, end)
            if others:  # (blanked with it, the role word after them left to the list before it)
                core = blank(core, len(core[:match.start()].rstrip(" \t,，;；")), others.end())
                carries = found.carry_words.search(core, end) is not None  # ("…分工负责，下同": blanked below)
                continue
            carry = found.carry_forward.match(core, end)
            if carry:
                carries = True
                end = carry.end()
            core = blank(core, *_with_its_brackets(core, match.start(), end))
    carry = found.carry_words.search(core)
    if carry:  # "…负责,下同" with no convention: nothing to carry but the words
        core = blank(core, carry.start(), carry.end())
    return core, convention, carries


def after_the_semicolon_take_part(text: str, offset: int, parsed: ParsedClause) -> None:
    """The leads listed after the first semicolon that follows one take part ("责任单位：市住建局；市发改委、市财政局"
    under a plan's note that the units before the semicolon lead, city-slash-and-semicolon-unit-lists-2026)."""
    first = min((r.span[0] for r in parsed.lead if r.span), default=None)
    if first is None or first < offset:
        return
    parted = parted_at_semicolon(parsed.lead, text, first - offset, len(text), offset)
    if parted is not None:
        parsed.lead[:], parsed.participants[:0] = parted


def parted_at_semicolon(leads, text: str, start: int, end: int, offset: int = 0) -> tuple[list, list] | None:
    """``leads`` (with their spans, ``offset`` before ``text``'s) before and after the first semicolon of
    ``text[start:end]``; None where none stands between two of them. (A clause's list and a table's unit cell
    alike, under a plan's note that the units before the semicolon lead.)"""
    cut = _SEMICOLON.search(text, start, end)
    if cut is None:
        return None
    at = offset + cut.start()
    before = [r for r in leads if not r.span or r.span[0] < at]
    after = [r for r in leads if r.span and r.span[0] > at]
    return (before, after) if before and after else None


_SEMICOLON = compiled("[；;]")
