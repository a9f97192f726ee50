"""Duties a sentence gives a named office with a modal word and no role word:
"市财政局要加强与省财政厅的沟通对接", "区人民政府应当建立建筑垃圾网格化巡查制度", and the
request of minutes, "请国网芜湖供电公司结合老旧小区改造同步实施配电设施升级".

Minutes (会议纪要), rules (实施细则) and decisions assign work so; but a plan's
preamble and closing notes use the same words for exhortations ("各地要…",
"各责任单位要高度重视…"). So a duty is read only where it opens a sentence,
only when every unit before the modal names an office (as a phrase's must,
:func:`.phrases.named_office`), and only in a paragraph whose other clauses, if
any, are phrases of sentences too: a duty sentence inside a paragraph
attributed in brackets or by labels stays part of that paragraph's task.
The units are read as they would be before 负责: a government carries the work
out, an office leads it, the offices after a 会同 take part.
"""

from __future__ import annotations

import re
from typing import Iterator

from policyx.extract.clauses.grammar import ClauseContext, ParsedClause, parse_clause
from policyx.extract.clauses.phrases import (
    ASIDE_OR_ETC, MARKER_CHARS, MAX_PHRASE_UNITS, after_a_name, ends_like_an_office, name_endings, named_office,
    reports_work_done, together, together_after,
)
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry
from policyx.text.kept import KeptByIdentity
from policyx.text.presence import any_char
from policyx.text.sentences import SENTENCE_END, find_end
from policyx.text.stored_patterns import compiled

_READ_AS = "负责"  # the role word a modal stands for when the units before it are read
_PHRASE_END = "，,：:"
_NUMBER_CHARS = 8  # an item's marker or an article's number ("第二十四条　") is at most this long
_NUMBER_BEFORE = compiled(r"(?:第[0-9一二三四五六七八九十百零〇]{1,4}条[ \u3000]{0,4}|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[0-9一二三四五六七八九十]{1,3}[.．、][ \u3000]{0,4})")
_BETWEEN_UNITS = ("、", ",", "，", "和", "及", "与")
_SENTENCE_STOP = any_char(frozenset(SENTENCE_END + "\n"))
_LABEL_END = any_char(frozenset("：:"))
# what a heading over an office's duties says after its name ("市财政局职责", "县纪委监委监督责任", "县委领导班子主体责任")
_DUTIES_TAIL = compiled(r"(?:领导班子)?(?:(?:主体|监督|直接|管理|工作)?责任|(?:工作|主要)?职责|[“\"]?一岗双责[”\"]?)(?:清单)?"
                        r"(?:[(（][^()（）]{1,8}[)）])?")  # (and a note: "（集体责任）")
_DUTIES_TAIL_CHARS = 20
# the count of the items under a heading that names an office: "（5项）", "（共8项）"
ITEM_COUNT = compiled(r"[(（]共?[0-9一二三四五六七八九十]{1,3}项[)）]")
_ITEM_COUNT_CHARS = 8


def duty_places(text: str, start: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> list[int]:
    """Where in ``text`` from ``start`` a duty may be read: a modal right after
    a character an office's name ends with, a request word, or an office's
    name, a colon or a stop and a duty's first word — found in one
    pass, so that the paragraphs with none are not read (most are not)."""
    kept = _PLACES.get(rules)  # (the search, with the registry it was made for)
    if kept is None or kept[0] is not registry:
        ends = "".join(sorted(name_endings(registry) | ASIDE_OR_ETC))
        alternatives = [f"[{re.escape(ends)}](?:{rules.duty_modal.pattern})"
                        if rules.duty_modal is not None else None,
                        rules.duty_request.pattern if rules.duty_request is not None else None,
                        f"[{re.escape(ends)}][：:。][ \\t\u3000]*(?:{rules.duty_label_work.pattern})"
                        if rules.duty_label_work is not None else None]
        kept = _PLACES.put(rules, (registry, re.compile("|".join(f"(?:{a})" for a in alternatives if a) or "(?!)")))
    return [m.start() for m in kept[1].finditer(text, start)]


_PLACES: KeptByIdentity[tuple[DepartmentRegistry, re.Pattern]] = KeptByIdentity(4)


def duty_clauses(text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
                 context: ClauseContext | None, labelled_only: bool = False) -> Iterator[tuple[int, int, ParsedClause]]:
    """``(start, end, reading)`` of each duty opening a sentence of ``text``
    (working-copy text at ``offset``: the spans are absolute), in order
    (``labelled_only``: an office's name and a colon before the duty's words)."""
    if rules.duty_modal is None and rules.duty_request is None and rules.duty_label_work is None:
        return
    ends = name_endings(registry)
    start = 0
    for stop in (*(m.start() for m in _SENTENCE_STOP.finditer(text)), len(text)):
        if start < stop:
            opening = _words_start(text, start, stop)
            found = _labelled(text, offset, opening, stop, registry, rules, context) if labelled_only \
                else _duty_at(text, offset, opening, stop, ends, registry, rules, context)
            if found is not None:
                yield found
        start = stop + 1


def _words_start(text: str, start: int, stop: int) -> int:
    while start < stop and text[start] in " \t\u3000\r\n":
        start += 1
    return start


def _duty_at(text: str, offset: int, start: int, stop: int, ends: frozenset[str], registry: DepartmentRegistry,
             rules: ResponsibilityRules, context: ClauseContext | None) -> tuple[int, int, ParsedClause] | None:
    """The duty the sentence from ``start`` to ``stop`` opens with, if any."""
    lead_in = rules.duty_lead_in.match(text, start, stop) if rules.duty_lead_in is not None else None
    start = lead_in.end() if lead_in is not None else start  # ("会议要求，各县市区人民政府要…")
    window = min(stop, start + MAX_PHRASE_UNITS + MARKER_CHARS + 2)
    number = _NUMBER_BEFORE.match(text, start, window)  # ("3.请县财政局…")
    opening = number.end() if number is not None else start
    request = rules.duty_request.match(text, opening, window) if rules.duty_request is not None else None
    if request is not None:
        return _request(text, offset, request.end(), window, opening, registry, rules)
    labelled = _labelled(text, offset, start, stop, registry, rules, context)
    if labelled is not None:
        return labelled
    if rules.duty_modal is None:
        return None
    for modal in rules.duty_modal.finditer(text, start, window):
        if find_end(text, start, modal.start(), _PHRASE_END) < modal.start():
            return None  # (a comma or a colon outside brackets: the modal is no longer the subject's)
        if not after_a_name(text, modal.start(), ends):
            continue  # ("重要", "主要": a modal inside a word)
        parsed = _units(text, offset, start, modal.start(), registry, rules, context)
        if parsed is None or reports_work_done(text, modal.end(), rules):
            return None  # (nor work reported done: "市生态环境局要…召开了…")
        units_start, parsed = parsed
        # ("市城管局要会同市公安局交警支队、各区人民政府，…")
        return units_start, together_after(text, offset, modal.end(), parsed, registry, rules), parsed
    return None


def _labelled(text: str, offset: int, start: int, stop: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
              context: ClauseContext | None) -> tuple[int, int, ParsedClause] | None:
    """The offices a paragraph of a 职责分工 opens with, their duties after
    them: "市财政局：负责统筹安排…", "（一）市住房和城乡建设局。负责全市…" (the
    offices a sentence of their own), when the words after open as a duty
    does (``duty_label_work``: 负责, 牵头, 按照各自职责…). Only the paragraph's
    first sentence: offices after the words of a paragraph are no 职责分工's
    ("2.负责城市道路维护。" with "市财政局：负责…" run on after it)."""
    if _words_start(text, 0, start) != start:
        return None
    colon = _LABEL_END.search(text, start, min(stop, start + MAX_PHRASE_UNITS + _NUMBER_CHARS))
    if colon is not None:
        units_end = colon.start()
    elif stop < len(text) and text[stop] == "。":
        units_end = stop
    else:
        return None
    work = _words_start(text, units_end + 1, len(text))
    if rules.duty_label_work is None or not rules.duty_label_work.match(text, work):
        return None
    parsed = _units(text, offset, start, units_end, registry, rules, context)
    if parsed is None:
        return None
    units_start, parsed = parsed
    # ("市民政局：会同市住房和城乡建设局推进…")
    end = together_after(text, offset, work, parsed, registry, rules)
    return units_start, units_end + 1 if end == work else end, parsed


def heading_offices(text: str, start: int, end: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
                    context: ClauseContext | None) -> ParsedClause | None:
    """The offices a heading's title names, when it names nothing else
    ("（三）市城市管理局。": the items under it are that office's duties), read
    as before 负责; ``start``, ``end``: the title in the working copy."""
    end = _title_end(text, start, end)
    count = ITEM_COUNT.search(text, max(start, end - _ITEM_COUNT_CHARS), end)
    if count is not None and count.end() == end:  # ("（一）县发展和改革局（5项）")
        end = count.start()
    tail = _duties_tail(text, start, end)
    if tail is not None:  # ("（二）市财政局职责", "四、县纪委监委监督责任")
        end = tail.start()
    parsed = _units(text, 0, start, end, registry, rules, context) if end > start else None
    return None if parsed is None or parsed[0] != start else parsed[1]


def names_duties(text: str, start: int, end: int) -> bool:
    """Whether a heading's title ends by saying its items are its office's duties ("…职责", "…监督责任")."""
    tail = _duties_tail(text, start, _title_end(text, start, end))
    return tail is not None and tail.start() > start


def _title_end(text: str, start: int, end: int) -> int:
    """A heading's title's end, without the stop or colon after it."""
    while end > start and text[end - 1] in "。. \t：:":
        end -= 1
    return end


def _duties_tail(text: str, start: int, end: int):
    """The words that end a title at ``end`` saying it heads an office's duties ("职责", "监督责任"), if any."""
    tail = _DUTIES_TAIL.search(text, max(start, end - _DUTIES_TAIL_CHARS), end)
    return tail if tail is not None and tail.end() == end else None


def heading_duty(text: str, start: int, offices: ParsedClause, registry: DepartmentRegistry,
                 rules: ResponsibilityRules) -> tuple[int, ParsedClause] | None:
    """Where the duty's words that open an item at ``start`` end ("负责", or a 会同
    and the offices after it, who take part), and the reading: the ``offices``
    of the heading above it; None when the item opens otherwise."""
    word = rules.duty_label_work.match(text, start) if rules.duty_label_work is not None else None
    if word is None:
        return None
    parsed = ParsedClause(lead=list(offices.lead), participants=list(offices.participants),
                          implementers=list(offices.implementers))
    end = together_after(text, 0, start, parsed, registry, rules)
    return (word.end() if end == start else end), parsed


def _units(text: str, offset: int, start: int, modal_start: int, registry: DepartmentRegistry,
           rules: ResponsibilityRules, context: ClauseContext | None) -> tuple[int, ParsedClause] | None:
    """Where the units before a modal start, and their reading, when every one
    names an office: from ``start``, else after an item's marker ("1.市财政局要…")."""
    for units_start in _unit_starts(text, start, modal_start):
        units = text[units_start:modal_start].strip()
        parties = context is not None and context.parties
        if not units or len(units) > MAX_PHRASE_UNITS or not ends_like_an_office(units, registry, parties) \
                or rules.duty_everyone is not None and rules.duty_everyone.search(units) \
                or rules.duty_not_opening is not None and rules.duty_not_opening.match(units):
            continue
        parsed = parse_clause(text[units_start:modal_start] + _READ_AS, offset + units_start, registry, rules, context,
                              "clause.duty")
        if parsed is not None and not parsed.empty() and all(named_office(r, registry, parties) for r in parsed.refs()) \
                and not _run_together(text, parsed, offset):
            return units_start, parsed
    return None


def _run_together(text: str, parsed: ParsedClause, offset: int) -> bool:
    """Whether two of the names stand with nothing between them: a table's
    cells a copy joined ("…环保局" + "各县市、园区要…"), no list of offices."""
    spans = sorted(r.span for r in parsed.refs())
    return any(not any(sep in text[a[1] - offset:b[0] - offset] for sep in _BETWEEN_UNITS) for a, b in zip(spans, spans[1:]))


def _unit_starts(text: str, start: int, modal_start: int) -> Iterator[int]:
    """From the sentence's start, else after an item's marker ("1.", "（三）") or an
    article's number and the space after it ("第十四条　区人民政府应当…") — not
    after any words and a space (a table's cells a copy joined: "环保局　　各县市、园区要…")."""
    yield start
    found = _NUMBER_BEFORE.match(text, start, min(modal_start, start + _NUMBER_CHARS))
    if found is not None and found.end() > start:
        yield found.end()


def _request(text: str, offset: int, units_start: int, window: int, start: int, registry: DepartmentRegistry,
             rules: ResponsibilityRules) -> tuple[int, int, ParsedClause] | None:
    """"请X、Y…": the offices asked (where their names end, as after a 会同),
    read as before 负责; None when 请 asks no office."""
    end = together(text, offset, units_start, ParsedClause(), registry, rules)
    if end == units_start or end > window:
        return None
    if rules.duty_everyone is not None and rules.duty_everyone.search(text, units_start, end):
        return None
    parsed = parse_clause(text[units_start:end] + _READ_AS, offset + units_start, registry, rules, None, "clause.duty")
    if parsed is None or parsed.empty() or not all(named_office(r, registry) for r in parsed.refs()):
        return None
    return start, end, parsed
