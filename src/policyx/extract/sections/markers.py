"""Heading markers on a line: which rule reads it, the number, the title and
where the run-in body starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple

import regex

from policyx.model import maker
from policyx.rules import MarkerRule, RuleSet
from policyx.text.anchors import char_memo
from policyx.text.kept import KeptByIdentity
from policyx.text.normalize import Line
from policyx.text.presence import any_char
from policyx.text.twins import short
from policyx.text.warm import search_lines
from policyx.text.numerals import read_number
from policyx.text.sentences import BRACKET_CLOSERS, BRACKET_OPENERS
from policyx.text.stored_patterns import compiled

# A heading's title ends at the first sentence end (a semicolon does not end
# it: "8.加大财力下沉力度,重点对困难地区倾斜;结合留抵退税…。"); what follows on
# the line is the section's run-in body: "(一)狠抓工业污染防治。取缔“十小”企业。…"
# (one space between two Chinese words ends it too, before a run of words longer than a heading's second
# phrase: a copy that joined its lines with one, "（一）指导思想 以习近平…为指导。"; not "（一）强化规划引领 优化空间布局")
_TITLE_END = compiled(r"[。!?！？]|:(?=\s*\S)|(?<![ \t])[ \t]{2,}+(?=\S)|(?<=\p{Han})[ \t](?=\p{Han}[^。!?！？\n]{19})")
# a character every end of a title is or starts with: a heading without one has
# none (most), found by ``re`` scanning a set, three times as fast as the search
_MAY_END_TITLE = any_char(frozenset("。!?！？: \t"))
_TITLE_STRIP = " \t,，、:：;；.。—|"  # ("02 —— 优化市场准入环境 ——")

# a long first sentence is still a heading's title when its first clause is short
_CLAUSE_END = compiled(r"[;；]")
# Longer than this, a numbered line is a numbered paragraph, not a heading.
MAX_TITLE_CHARS = 150
# "(1)深入开展…超低排放改造(牵头单位:省生态环境厅)。": the clause is no part of the title
_TRAILING_CLAUSE = compiled(r"[(（〔【\[][^()（）〔〕【】\[\]]{2,120}[)）〕】\]]\s*$")
_LEADING_CLAUSE = compiled(r"[(（〔【\[](?:[^()（）〔〕【】\[\]]|[(（][^()（）]{0,20}[)）]){2,200}[)）〕】\]][ \t]{0,4}")
# words, then tabs, then words (only the white space next to the tabs is scanned: linear)
_TABLE_ROW = compiled(r"\S[^\S\t\n]*+\t++[^\S\t\n]*+\S")
# a table-of-contents entry: "第一章  发展基础……1"
# (each leader from the start of its run, taken whole: a long run is scanned once)
PAGE_NUMBER_END = compiled(r"(?:(?<!\.)\.{2,}+|(?<!…)…++|(?<!·)·{2,}+|(?<!\s)\s{2,}+|(?<!\s)\t)\s*+\d{1,3}\s*+$")
_IS_DIGIT = char_memo(compiled(r"\d"))


def may_end_in_page_number(words: str) -> bool:
    """Whether a line's words (stripped, not empty) end in a digit, as a page number does."""
    return _IS_DIGIT[words[-1]]


def ends_in_page_number(text: str) -> bool:
    """``PAGE_NUMBER_END.search(text)``, searched only when the text ends in a
    digit (and white space), as every match does: most lines do not."""
    tail = text.rstrip()
    return bool(tail) and _IS_DIGIT[tail[-1]] and PAGE_NUMBER_END.search(text) is not None


@dataclass(slots=True)
class Candidate:
    """A line that a marker rule reads as a heading, box or appendix."""

    rule: MarkerRule
    line: Line
    marker_start: int
    marker_end: int
    number: int | None
    title: str
    title_start: int
    title_end: int
    run_in: bool
    body_start: int  # where the run-in body starts, or the end of the line
    label: str  # e.g. "专栏3", "附表1", "表2-1"
    file_line: int = 0  # the heading's line in the file
    long_title: bool = False  # its title is longer than a heading's: a heading only where its number goes on


_new_candidate = maker(Candidate)  # (without the class call)


def is_table_row(text: str) -> bool:
    return "\t" in text.strip() and bool(_TABLE_ROW.search(text))


class MarkerReader(NamedTuple):
    rule: MarkerRule
    match: Callable  # the rule's pattern's match, or its twin's
    first: frozenset[str] | None  # the characters a match can start with (None: any)
    numbered: bool  # the pattern reads a number (its group "num")


def marker_readers(markers: Iterable[MarkerRule], lines: int) -> list[MarkerReader]:
    """The rules with their matchers, looked up once for ``lines`` lines read."""
    return [MarkerReader(rule, short(rule.pattern, lines).match, rule.first, "num" in rule.pattern.groupindex)
            for rule in markers]


def match_marker(line: Line, rules: RuleSet, shapes: list[MarkerShape] | None = None, *,
                 long_titles: bool = False) -> Candidate | None:
    """The first marker rule that reads the line, or None (``shapes``: the
    rules' :func:`marker_shapes`, for a reader of every line of a plan).
    ``long_titles``: a heading whose title is too long for one is given too,
    marked ``long_title``, when no rule reads the line otherwise."""
    text = line.text
    head = text[:1]
    long = None
    for rule, first, numbered in shapes or marker_shapes(rules.markers):
        if first is not None and head not in first:
            continue  # no match starts with this character (or is empty)
        m = short(rule.pattern).match(text)  # (by re where it reads the pattern alike: a line is short)
        if not m:
            continue
        numeral = m.group("num") if numbered else None
        number = read_number(numeral) if numeral else None
        if numeral and number is None:
            continue
        candidate = _candidate(rule, line, m.end(), number, rules, long_titles)
        if candidate is not None and not candidate.long_title:
            return candidate
        long = long or candidate
    return long


class MarkerShape(NamedTuple):
    rule: MarkerRule
    first: frozenset[str] | None  # the characters a match can start with (None: any)
    numbered: bool  # the pattern reads a number (its group "num")


def marker_shapes(markers: tuple[MarkerRule, ...]) -> list[MarkerShape]:
    """Each rule with what its matches start with and whether it reads a
    number: looked up once a rule set, not a line."""
    shapes = _SHAPES.get(markers)
    if shapes is None:
        shapes = _SHAPES.put(markers, [MarkerShape(rule, rule.first, "num" in rule.pattern.groupindex)
                                       for rule in markers])
    return shapes


def confirmed_shapes(markers: tuple[MarkerRule, ...], text: str) -> list[MarkerShape]:
    """:func:`marker_shapes` without the rules ``text`` does not confirm
    (``confirmed_by``: "1 总则" is a heading where a "1.1 …" line shows a decimal outline)."""
    shapes = marker_shapes(markers)
    if all(shape.rule.confirmed_by is None for shape in shapes):
        return shapes
    return [shape for shape in shapes if shape.rule.confirmed_by is None or search_lines(shape.rule.confirmed_by, text)]


_SHAPES: KeptByIdentity[list[MarkerShape]] = KeptByIdentity(4)


def _candidate(rule: MarkerRule, line: Line, rest_start: int, number: int | None,
               rules: RuleSet, long_titles: bool = False) -> Candidate | None:
    text = line.text
    lead = text.lstrip(" \t")
    marker_start = 0 if lead is text else len(text) - len(lead)  # (a string with nothing to strip is itself)
    stripped_rest = text[rest_start:].rstrip(" \t\r")
    if rule.kind == "heading":
        end = _TITLE_END.search(stripped_rest) if _MAY_END_TITLE.search(stripped_rest) else None
        if end is not None and _BRACKET.search(stripped_rest, 0, end.start()):
            end = _title_end(stripped_rest)  # (an end after an opening bracket may lie inside the brackets)
        labelled = 0
        if end is not None and stripped_rest[end.start()] == ":" \
                and rules.sections.heading_label.match(stripped_rest[:end.start()].strip()):
            # ("（一）问题：祁连山地区…不巩固。反馈意见指出…": the title follows its label)
            labelled = len(stripped_rest) - len(stripped_rest[end.end():].lstrip())
            end = _TITLE_END.search(stripped_rest, labelled)
        title_raw = stripped_rest[labelled: end.start()] if end else stripped_rest[labelled:]
        if title_raw.rstrip()[-1:] in BRACKET_CLOSERS:  # (every responsibility clause ends the title with its bracket)
            title_raw = _without_clause(title_raw, rules)
        # ("1.【牵头单位：…；完成时限：…】改善农村户厕条件。": the clause heads the item, the title follows it)
        skip = _opening_clause_end(title_raw, rules) if title_raw[:1] in BRACKET_OPENERS else 0
        title_raw = title_raw[skip:] if skip else title_raw
        run_in = bool(end) and bool(stripped_rest[end.end():].strip())
        body_start = line.start + rest_start + end.end() if run_in else line.end
        title = _without_symbols_after(title_raw).strip(_TITLE_STRIP)
        long_title = len(title) > MAX_TITLE_CHARS and len(_CLAUSE_END.split(title, 1)[0]) > MAX_TITLE_CHARS
        if not title or long_title and not long_titles:
            return None
        label = text[marker_start:rest_start].strip()
    else:
        long_title, skip, labelled = False, 0, 0
        # (a caption is no sentence: one that a web copy ran into its box's text ends at the first full stop)
        title_raw = stripped_rest.split("。", 1)[0]
        title = title_raw.strip(_TITLE_STRIP)
        run_in = False
        body_start = line.end
        label = regex.sub(r"\s+", "", text[marker_start:rest_start]).rstrip(":.、")
    offset = skip + (0 if title is title_raw else len(title_raw) - len(title_raw.lstrip(_TITLE_STRIP)))
    offset += labelled
    # (offsets that are equal share one int: a plan of many headings keeps them all)
    marker_end = line.start + rest_start
    title_start = marker_end + offset if offset else marker_end
    candidate = _new_candidate(  # (by position, in the order of its fields: one for every heading of a plan)
        rule, line, line.start + marker_start if marker_start else line.start, marker_end, number,
        title, title_start, title_start + len(title), run_in, body_start, label,
    )
    if long_title:
        candidate.long_title = True
    return candidate


_BRACKET = compiled(f"[{regex.escape(BRACKET_OPENERS)}]")


def _without_symbols_after(title: str) -> str:
    """The title without the emoji and dingbats after it ("二、重点任务📌")."""
    end = len(title.rstrip())
    if not end or "\u4e00" <= title[end - 1] <= "\u9fff" or title[end - 1].isascii():
        return title  # (most titles end with a word)
    while end and _PICTOGRAPH.match(title, end - 1):  # (not ℃ or ㎡, symbols a title may end with)
        end -= 1
    return title if end == len(title) else title[:end]


_PICTOGRAPH = compiled(r"[\p{Extended_Pictographic}\ufe0f]")


def _title_end(rest: str) -> regex.Match | None:
    """The first end of a title outside brackets: the colon of a clause in
    brackets ("…超低排放改造(牵头单位:省生态环境厅)。") ends no title (asked
    only when an opening bracket comes before the first end)."""
    depth, position = 0, 0
    for m in _TITLE_END.finditer(rest):
        for ch in rest[position:m.start()]:
            if ch in BRACKET_OPENERS:
                depth += 1
            elif ch in BRACKET_CLOSERS and depth:
                depth -= 1
        position = m.start()
        if depth == 0:
            return m
    return None


def _attributes(words: str, rules: RuleSet) -> bool:
    """Whether words in brackets are a responsibility clause: they hold a role word or a label."""
    return bool(rules.responsibility.role_pattern.search(words) or rules.responsibility.label_pattern.search(words))


def _opening_clause_end(title: str, rules: RuleSet) -> int:
    """Where a responsibility clause in brackets that opens a title ends, with
    words after it (0: none opens it)."""
    clause = _LEADING_CLAUSE.match(title)
    if clause and title[clause.end():].strip(_TITLE_STRIP) and _attributes(clause.group(0), rules):
        return clause.end()
    return 0


def _without_clause(title: str, rules: RuleSet) -> str:
    """A title without the responsibility clause in brackets at its end."""
    clause = _TRAILING_CLAUSE.search(title)
    if clause and _attributes(clause.group(0), rules):
        return title[: clause.start()]
    return title


def title_from_next_line(cand: Candidate, lines: list[Line], index: int, rules: RuleSet) -> None:
    """A caption alone on its line ("附表1") takes its title from the next line."""
    for line in lines[index + 1:index + 3]:
        text = line.text.strip()
        if not text:
            continue
        if len(text) <= 60 and not is_table_row(line.text) and match_marker(line, rules) is None:
            offset = len(line.text) - len(line.text.lstrip(" \t"))
            cand.title = text
            cand.title_start = line.start + offset
            cand.title_end = cand.title_start + len(text)
        return
