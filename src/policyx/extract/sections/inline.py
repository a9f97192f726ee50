"""Heading markers that a web copy ran into the text before them."""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from policyx.extract.sections.markers import MarkerReader, marker_readers
from policyx.rules import MarkerRule, RuleSet
from policyx.text.normalize import Line, Normalized
from policyx.text.rows import is_spaced_row
from policyx.text.numerals import read_number
from policyx.text.anchors import char_memo
from policyx.text.stored_patterns import compiled

# after a sentence or a clause ends, or after a label's colon
# (by re, which scans a whole text for a set of characters twice as fast as regex)
# (or a run of spaces after a word: a copy that joined its lines with one space, "…推进老旧小区改造 1.完成…";
# a marker there, as after a stop, continues its own numbering or breaks nothing)
# (each branch opens with a set of characters: re then scans for them, not tries every position)
# (not after a label of two characters: "附件 1.重点任务分工表")
_STOP = r"(?:[。;!?)\]】〕:][ \t]*+|[ \t](?<=[\u4e00-\u9fff]{3}[ \t])[ \t]*+)"
_AFTER_STOP = re.compile(_STOP)
_OPENING_BRACKET = re.compile(r"[(\[〔]")
# (★: an item the province assesses, city-business-environment-2026; 【: its attribution first, "1．【县住建局牵头】…")
_OPENS_WORDS = compiled(r"\p{Han}|[“\"《★☆▲【]|〔\p{Han}|[0-9]{4}\s*年")  # (not a note's "1.〔 〕内为五年累计数")
# what every match of _OPENS_WORDS starts with: looked up before the pattern is tried
_MAY_OPEN_WORDS = char_memo(compiled(r"[\p{Han}“\"《★☆▲【〔0-9]"))


def inline_heading_breaks(norm: Normalized, rules: RuleSet, *, after_fields: bool = False) -> list[int]:
    """Offsets of heading markers inside lines, where the working copy should
    start a new line.

    Where a marker may stand is each marker rule's ``inline`` (sections.yaml).
    A marker is taken only where it continues its own numbering (1, or one
    more than the last marker of its style), so "（2）" in a sentence that
    never had a "（1）" stays text. ``after_fields``: the copy's run-together
    field lines were parted (inline_fields.py); a marker glued to a field's
    short value starts the next item ("完成时限：2026年12月底前2.推进招商引资…").
    """
    lines = norm.lines()
    # (each rule's matcher looked up once, counted as used once a line)
    after_stop = marker_readers((m for m in rules.markers if m.kind in ("heading", "box")
                                 and ("after-stop" in m.inline or "after-sentence" in m.inline)), len(lines))
    glued = [r for r in after_stop if "glued" in r.rule.inline]
    places = _places(norm.text, lines, after_stop, glued, _stops(after_stop))
    # a run of numbers confirms a list that an excerpt opens midway: "（五）…（六）…"
    continued = _continued_numbers(places.values())
    after_titles = _after_titles(glued)
    after_values = _after_titles(after_stop, _AFTER_VALUE) if after_fields else None
    last: dict[str, int] = {}
    breaks: list[int] = []
    # the lines after the last one with a place to break hold no break: not read
    for index in range(len(lines) if after_fields else max(places, default=-1) + 1):
        line = lines[index]
        text = line.text
        words = text.strip()
        tabbed = "\t" in words or text.endswith(_EMPTY_CELLS)  # (a sheet's row whose last cells are empty)
        if _a_tables_row(words, tabbed):
            continue
        stripped = len(text) - len(text.lstrip(" \t"))
        at_start = _read(after_stop, text, stripped)
        if at_start is not None:
            last[at_start[0].style] = at_start[1]
        line_places = places.get(index)
        field = after_fields and at_start is None and rules.sections.field_line.match(words) or None
        # (in a copy whose field lines were run together, a heading's line may have lost its only place to the
        # field after it: "二、重点工作责任清单1.扩大有效投资|工作目标：…")
        if not (line_places or after_fields) or rules.sections.attachment_list.match(text, stripped):
            continue  # (nowhere a marker may stand inside; "附件：1.…": a list of attachments, not headings)
        title_places = (_title_places(text, stripped, after_values, after_stop) if field
                        else _title_places(text, stripped, after_titles, glued))
        candidates = _in_order([*(line_places or ()), *title_places], stripped, len(text))
        opened = (stripped, at_start[0].rank) if at_start is not None else _value_opened(stripped, field)
        breaks.extend(line.start + p for p in _breaks_in_line(text, candidates, tabbed, opened, last, continued))
    return sorted(set(breaks))


def _in_order(places: list, stripped: int, end: int) -> list[tuple[int, int, tuple[MarkerRule, int, int]]]:
    """A line's places after its own start, as (where the marker starts, how it stands, the marker), in order."""
    return sorted(((position, how, found) for start, position, how, found in places
                   if start > stripped and stripped < position < end), key=lambda c: (c[0], c[1]))


def _value_opened(stripped: int, field) -> tuple[int, int] | None:
    """Where a field line's value starts, as an outer heading's title would (``opened``)."""
    return (stripped + field.end(), FIELD_RANK) if field else None


def _breaks_in_line(text: str, candidates: list, tabbed: bool, opened: tuple[int, int] | None,
                    last: dict[str, int], continued: set[tuple[str, int]]) -> Iterator[int]:
    """Where the line's markers that continue their numbering start (``last`` is
    updated); ``opened``: where the line's last heading starts and its rank."""
    for position, how, found in candidates:
        if tabbed and _near_tab(text, position):
            continue
        rule, number, marker_end = found
        if how == AFTER_TITLE and not _ends_a_heading(text, opened, position, rule):
            continue
        if how == AFTER_STOP and "after-stop" not in rule.inline and text[:position].rstrip()[-1:] not in _SENTENCE_ENDS:
            continue  # (after-sentence: "来源：1）中央补助资金；2）…" is a sentence's list)
        # (after a field's value, a number further on: the one between may be out of reach, "①…②…" being read
        # in no line of a copy run together)
        fits = number == 1 or last.get(rule.style) == number - 1 or (
            ((rule.style, number) in continued or how == AFTER_TITLE and opened[1] == FIELD_RANK)
            and last.get(rule.style, 0) < number)
        if fits and _opens_words(text, marker_end):
            last[rule.style] = number
            opened = (position, rule.rank)
            yield position


_SENTENCE_ENDS = frozenset("。!?)]】〕")
_EMPTY_CELLS = ("\t\t\t", "\t\t\t\r")
JOINED_LINE = 2_000  # characters: a longer line with a tab is a plan run into one line, not a table's row
FIRST_CELL = 800  # characters: …as is one whose sentences run this far before its first tab (a row's cell is shorter)


def run_together(words: str) -> bool:
    """Whether a line with a tab is a plan run into one line, its tables'
    rows with it, rather than a table's row."""
    first = words.find("\t")
    return len(words) > JOINED_LINE or first > FIRST_CELL and _SENTENCE_STOP.search(words, 0, first) is not None
TAB_REACH = 40  # characters: a place this near a tab is in a table's row


def _near_tab(text: str, position: int) -> bool:
    return text.rfind("\t", max(0, position - TAB_REACH), position) >= 0 or text.find("\t", position,
                                                                                       position + TAB_REACH) >= 0


def _stops(readers: list[MarkerReader]) -> re.Pattern:
    """_AFTER_STOP followed by a character a marker can start with: a stop
    followed by anything else can open no heading (``MarkerRule.first``)."""
    markers = [r.rule for r in readers]
    if not markers or any(not m.first for m in markers):
        return _AFTER_STOP
    firsts = frozenset().union(*(m.first for m in markers))
    return _FOLLOWED_STOPS.get(firsts) or _FOLLOWED_STOPS.setdefault(
        firsts, re.compile(_STOP + "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"))


_FOLLOWED_STOPS: dict[frozenset[str], re.Pattern] = {}


def _places(text: str, lines: list[Line], after_stop: list[MarkerReader], glued: list[MarkerReader],
            stops: re.Pattern) -> dict[int, list[tuple[int, int, int, tuple[MarkerRule, int]]]]:
    """Where a marker may stand inside a line — after each stop, at each
    opening bracket — by line index, as (where the stop or bracket is in the
    line, where the marker starts, which of the two it is, the marker read
    there); a place where no marker reads is left out. Both are looked for
    over the whole text at once (a stop and the spaces after it stay in their line)."""
    starts = [line.start for line in lines]
    by_line: dict[int, list] = {}

    def add(start: int, position: int, how: int, markers: list[MarkerReader]) -> None:
        index = bisect.bisect_right(starts, start) - 1
        line = lines[index]
        if start < line.end:  # (not a line's newline)
            a, b = start - line.start, min(position, line.end) - line.start
            found = _read(markers, line.text, b)
            if found is not None:  # (a bracket or a stop with no marker after it breaks nothing)
                by_line.setdefault(index, []).append((a, b, how, found))

    for m in stops.finditer(text):
        add(m.start(), m.end(), AFTER_STOP, after_stop)
    for m in _OPENING_BRACKET.finditer(text):
        if m.start() and text[m.start() - 1] in _REFERENCE_BEFORE:
            continue  # (an item referred to, no heading: "上述第（一）至（三）项工作由…牵头")
        add(m.start(), m.start(), AT_BRACKET, glued)
    return by_line


_REFERENCE_BEFORE = frozenset("第至到和及与、—－~～")


AFTER_STOP, AT_BRACKET, AFTER_TITLE = 0, 1, 2  # (where a marker inside a line stands; in this order at one place)


def _title_places(text: str, stripped: int, after_titles: re.Pattern | None,
                  glued: list[MarkerReader]) -> Iterator[tuple[int, int, int, tuple[MarkerRule, int, int]]]:
    """The places in a line with other places where a marker may be glued to
    a heading's title, as :func:`_places` gives them (looked for only there:
    a line where a heading was run into the one before)."""
    for m in after_titles.finditer(text, stripped + 1) if after_titles is not None else ():
        if text[m.start() - 1] not in _REFERENCE_BEFORE and (found := _read(glued, text, m.start())) is not None:
            yield m.start(), m.start(), AFTER_TITLE, found


def _after_titles(glued: list[MarkerReader], before: str = "[\u4e00-\u9fff]") -> re.Pattern | None:
    """Where, after a Chinese character, a marker not opening with a bracket
    may be glued to a heading's title ("第" of an article run into its
    chapter's: "第六章　监督管理第三十五条　省生态环境厅…", "1" of an item run
    into its group's: "（一）推动社会政策儿童友好1.完善儿童福利保障");
    ``before``: what may stand before it instead."""
    firsts = frozenset().union(*(r.rule.first or () for r in glued)) - _BRACKETS
    if not firsts:
        return None
    found = _AFTER_TITLES.get((firsts, before))
    if found is None:
        chars = "".join(re.escape(c) for c in sorted(firsts))
        # (the set first, the character before it looked at after: re then scans for the set)
        found = _AFTER_TITLES[firsts, before] = re.compile(f"[{chars}](?<={before}[{chars}])")
    return found


_AFTER_TITLES: dict[tuple[frozenset[str], str], re.Pattern] = {}
# a field's value, which any item's marker may follow but inside a figure: "完成时间：2026年11月②供水排水管道",
# "完成时间：2026年12月—3—6）推进…" (a page's foot between)
_AFTER_VALUE = r"[^\s0-9.]"


def _ends_a_heading(text: str, opened: tuple[int, int] | None, position: int, rule: MarkerRule) -> bool:
    """Whether ``position`` ends the short title of an outer heading (where it
    starts, its rank: ``opened``): "第六章　监督管理|第三十五条", not an
    article's sentence, "第二条　违反本细则|第一条　规定的…"; or a field's value."""
    if opened is None or opened[1] >= rule.rank:
        return False
    if opened[1] == FIELD_RANK:
        # (a field's value, however long, ends where the next item's marker is glued to it in numbering
        # order: "责任单位：区住房和城乡建设局、…、相关街道10.推进海绵城市…"; sentences of a sub-item a copy
        # could not part may stand between: "完成时间：2026年12月③架空线缆。由…负责。—3—6）推进…")
        return True
    return position - opened[0] <= GLUED_AFTER_HEADING and not _SENTENCE_STOP.search(text, opened[0], position)


FIELD_RANK = -1  # a field line's value, which an item's marker may follow as it follows an outer heading's title
GLUED_AFTER_HEADING = 30  # characters: a heading's marker and title, before a marker glued to them
_SENTENCE_STOP = re.compile(r"[。;；!?！？]")
_BRACKETS = frozenset("(（[〔 \t　")  # (and the white space a marker may open with)


def _a_tables_row(words: str, tabbed: bool) -> bool:
    """A line that holds no heading: none, a table's row — a plan run into one
    line holds its tables' rows too: there a place near a tab is skipped, not
    the line — or a row whose cells a space divides ("6 万元工业增加值用水量下降（%）
    〔40.2〕 〔15〕 约束性")."""
    return not words or tabbed and not run_together(words) or " " in words and is_spaced_row(words)


def _continued_numbers(places: Iterable[list[tuple]]) -> set[tuple[str, int]]:
    """(style, n) for each marker n inside a line whose successor n+1 also
    stands inside a line somewhere in the plan."""
    seen = {(found[0].style, found[1]) for line_places in places for _, _, how, found in line_places if how != AFTER_TITLE}
    return {(style, n) for style, n in seen if (style, n + 1) in seen}


def _read(readers: list[MarkerReader], text: str, position: int) -> tuple[MarkerRule, int, int] | None:
    """The first marker with a number that matches at ``position`` and leaves words after it."""
    if position >= len(text):
        return None
    ch = text[position]
    for rule, match, first, numbered in readers:
        if first is not None and ch not in first:
            continue  # it cannot start here
        m = match(text, position)
        if m and m.end() < len(text) and numbered:
            numeral = m.group("num")
            if numeral:
                number = read_number(numeral)
                return (rule, number, m.end()) if number is not None else None
    return None


def _opens_words(text: str, marker_end: int) -> bool:
    """A marker inside a line opens words of its own: "（一）研究将…", not "（一）、（二）"
    (``marker_end``: where the marker read at the place ends)."""
    return _MAY_OPEN_WORDS[text[marker_end:marker_end + 1]] and _OPENS_WORDS.match(text[marker_end:marker_end + 5]) is not None