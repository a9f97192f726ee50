"""Tasks: what a plan asks to be done, each with the departments that answer for it.

Clause first. Every responsibility clause the text states belongs to exactly
one task, so the clauses are found first, over the whole plan, and then the
unit of text each one closes or heads:

* a clause at the end of some words closes them; the task runs back to the
  clause before it in the same paragraph, or to the paragraph's start — and,
  when the paragraph opens with no lead-in of its own ("2012年底前，按照…"),
  further back over the paragraphs that lead up to it, up to a heading, a
  lead-in ("深化燃煤锅炉治理。") or the previous clause;
* clause lines after an item ("牵头责任单位：市发展改革委。" / "协同责任单位：…")
  are one clause of the item before them;
* a clause at the start of a paragraph ("【牵头单位：市环保局】加强…") heads
  the words after it;
* a clause followed by 、 names who answers for one item of a list inside a
  task ("…水源水质状况(卫计委、水利局负责)、供水厂出水…"): a subclause.

A heading whose section holds a single task names that task; a heading over
several tasks groups them, unless its kind of heading names tasks elsewhere in
the plan (every "（1）" holds one) and the first task has no lead-in.

Numbered items that carry no clause are tasks too where most items of their
kind carry one (a clause left out is what ``policyx check`` is for); in a
plan with no clause at all, every paragraph of a section that holds tasks is
a task. A plan with numbered items or clauses that yields no task says why in
a ``no-tasks`` warning.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from policyx.extract.clauses import ClauseContext, FoundClause, find_clauses, parse_clause, to_clause
from policyx.model import DepartmentRef, Issue, Section, Task
from policyx.rules import RuleSet
from policyx.rules.tasks import TaskRules
from policyx.text.normalize import Normalized, comparable
from policyx.text.sentences import COMMA, STRONG_END, commas, ends_sentence, find_end, first_phrase, first_sentence

_WORD = regex.compile(r"[\p{Han}A-Za-z0-9]")
_QUOTED = regex.compile(r"“[^”]*”|\"[^\"]*\"")
_NESTED_AFTER = regex.compile(r"\s*、")
_EDGE = " \t\r\n。.;；,，:：、"
# a line broken by a PDF copy is at least this long ("…从源头防" / "止生态破坏。")
_BROKEN_LINE_MIN = 25


def lead_in_title(text: str, rules: TaskRules) -> tuple[int, int] | None:
    """The span of a lead-in title sentence at the start of ``text``, or None.

    >>> from policyx.rules import load_rules
    >>> lead_in_title("取缔“十小”企业。2016年底前，各级人民政府要全面排查。", load_rules().tasks)
    (0, 8)
    """
    start, stop = first_sentence(text, 0, len(text))
    if stop >= len(text.rstrip()) or text[stop:stop + 1] not in STRONG_END + ";":
        return None
    sentence = text[start:stop]
    if not sentence or len(sentence) > rules.title_max:
        return None
    n = commas(_QUOTED.sub(lambda m: "x" * len(m.group(0)), sentence), 0, len(sentence))
    if n > 1 or (n == 1 and len(sentence) > rules.title_max_with_comma):
        return None
    if rules.title_forbidden.search(sentence) or rules.title_bad_start.search(sentence):
        return None
    if n == 1:
        # "狠抓工业污染防治，2016年底前取缔“十小”企业": the words after a comma
        # that open with a time or a subject are the task's body
        comma = find_end(sentence, 0, len(sentence), COMMA)
        if rules.title_bad_start.search(sentence[comma + 1:].lstrip()):
            return start, start + comma
    return start, stop


def holds_no_tasks(title: str, rules: TaskRules, kinds: regex.Pattern) -> bool:
    """A heading such as "发展基础" or "面临的形势与挑战" (its last words), not one
    that opens with a task's verb ("着力解决群众反映强烈的问题")."""
    words = comparable(title).strip().rstrip("。.:：;；")
    return bool(kinds.search(words)) and not rules.task_verbs.search(words)


# -- paragraphs and the sections they open --------------------------------------------


@dataclass(slots=True)
class _Paragraph:
    start: int  # first non-space character
    end: int  # after the last non-space character
    heading: Section | None  # the section whose marker opens this paragraph
    clauses: list[FoundClause] = field(default_factory=list)
    attribution_only: bool = False  # only clause lines or a person's name


class _Sections:
    """Which section holds an offset, and which opens a paragraph."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self.headings = [s for s in sections if s.kind == "heading"]
        self.by_id = {s.id: s for s in sections}
        self.at_marker = {s.span[0]: s for s in self.headings}
        self.starts = [s.span[0] for s in self.headings]
        self.parents = {s.parent for s in sections if s.parent}
        self.outside = [(s.span[0], s.end) for s in sections if s.kind in ("box", "appendix")]
        self.text = ""

    def innermost(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            s = self.headings[i]
            if s.span[0] <= offset < s.end:
                return s
            i -= 1
        return None

    def in_box_or_appendix(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.outside)


def _paragraphs(norm: Normalized, index: _Sections) -> list[_Paragraph]:
    """The plan's paragraphs: its lines, a line broken by a PDF copy joined
    again ("…从源头防" + "止生态破坏。")."""
    text = norm.text
    out: list[_Paragraph] = []
    lines = [ln for ln in norm.lines() if ln.text.strip()]
    i = 0
    while i < len(lines):
        line = lines[i]
        start = line.start + len(line.text) - len(line.text.lstrip())
        end = line.start + len(line.text.rstrip())
        while (i + 1 < len(lines) and len(text[start:end]) >= _BROKEN_LINE_MIN and not ends_sentence(text[start:end])
               and "\t" not in text[start:end] and _joinable(norm, lines[i], lines[i + 1], index)):
            i += 1
            end = lines[i].start + len(lines[i].text.rstrip())
        heading = index.at_marker.get(start)
        out.append(_Paragraph(start, end, heading))
        i += 1
    return out


def _joinable(norm: Normalized, line, following, index: _Sections) -> bool:
    gap = norm.text[line.end:following.start]
    first = following.start + len(following.text) - len(following.text.lstrip())
    return gap.count("\n") <= 2 and first not in index.at_marker and "\t" not in following.text


# -- clauses and the units they close --------------------------------------------------


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    clause: FoundClause | None
    subclauses: list[FoundClause]
    section: Section | None
    title_span: tuple[int, int] | None = None
    starts_paragraph: bool = False
    at_marker: Section | None = None  # the unit starts at this section's marker
    rule: str = "task.clause"
    para: int | None = None  # index of the paragraph it starts in


def _words(text: str, start: int, end: int) -> bool:
    return bool(_WORD.search(text, start, end))


def _classify(text: str, para: _Paragraph, clause: FoundClause, rules: TaskRules) -> str:
    """closing | leading | nested | standalone | prose, for a clause in its paragraph."""
    if clause.form == "prose":
        return "prose"
    content = para.start
    if para.heading is not None:
        content = min(para.heading.title_span[0], clause.start)
        # a clause right after a run-in heading heads the lead-in after it
        # ("（一）水源保护。【牵头单位：市环保局】加强水源地保护。"), or else closes the
        # heading's own words ("（七）下决心取消…的审批。（国务院办公厅负责）")
        if _run_in(text, para.heading) and not _words(text, para.heading.body_start, clause.start) \
                and _lead_in_at(text, _skip(text, clause.end, para.end), para.end, rules):
            content = clause.start
    before = _words(text, content, clause.start)
    if before and _NESTED_AFTER.match(text, clause.end):
        return "nested"
    if before:
        return "closing"
    return "leading" if _words(text, clause.end, para.end) else "standalone"


def _continues_list(text: str, previous: FoundClause, clause: FoundClause) -> bool:
    """Is ``clause`` the next item of a list whose item before it ended in ``previous``?"""
    between = text[previous.end:clause.start]
    return between.lstrip().startswith("、") and find_end(between, 0, len(between), STRONG_END + ";") == len(between)


def _find_all_clauses(norm: Normalized, paragraphs: list[_Paragraph], rules: RuleSet) -> None:
    """Every paragraph's clauses, in document order (a convention stated with
    下同 holds for the clauses after it); paragraphs that only attribute —
    clause lines, a leading official's name — are marked."""
    context = ClauseContext()
    text = norm.text
    person = [w for w, kind in rules.responsibility.label_of.items() if kind == "person"]
    person_start = (regex.compile(r"\s*(?:" + "|".join(regex.escape(w) for w in sorted(person, key=len, reverse=True)) + r")\s*[:：]")
                    if person else None)
    for para in paragraphs:
        para.clauses = find_clauses(text[para.start:para.end], para.start, rules.departments, rules.responsibility, context)
        if para.heading is not None:
            continue
        covered = sum(c.end - c.start for c in para.clauses)
        whole = bool(para.clauses) and not _words(text, para.start, para.clauses[0].start) and \
            covered >= len(text[para.start:para.end].strip(_EDGE)) * 0.9
        if whole or (person_start is not None and person_start.match(text, para.start)):
            para.attribution_only = True


def _blocks(norm: Normalized, paragraphs: list[_Paragraph], rules: RuleSet) -> dict[int, tuple[int, FoundClause | None]]:
    """Runs of attribution-only paragraphs, each read as one clause: ``{index of
    the first paragraph: (index of the last, clause)}``; the clause is None
    when the run names nobody."""
    out: dict[int, tuple[int, FoundClause | None]] = {}
    i = 0
    while i < len(paragraphs):
        if not paragraphs[i].attribution_only:
            i += 1
            continue
        j = i
        while j + 1 < len(paragraphs) and paragraphs[j + 1].attribution_only:
            j += 1
        start, end = paragraphs[i].start, paragraphs[j].end
        parsed = parse_clause(norm.text[start:end], start, rules.departments, rules.responsibility)
        clause = FoundClause(start, end, start, end, parsed, True, "labelled", "clause.labelled_lines") if parsed else None
        out[i] = (j, clause)
        i = j + 1
    return out


def _lead_in_at(text: str, start: int, end: int, rules: TaskRules) -> tuple[int, int] | None:
    span = lead_in_title(text[start:end], rules)
    return (start + span[0], start + span[1]) if span else None


def _body_line(text: str, para: _Paragraph) -> bool:
    """Words of a plan's body, not a title, a date or a byline: a sentence, or a long line."""
    words = text[para.start:para.end]
    return bool(regex.search(r"[。;!?]", words)) or len(words) > 40


_ATTACHMENTS = regex.compile(r"附\s*件\s*[:：]")
_LISTED = regex.compile(r"[0-9]{1,2}\s*[.、．]")
_DOCUMENT_TITLE_END = regex.compile(r"(?:方案|规划|意见|计划|办法|通知|决定|要点|纲要|细则)[”》\"']?$")
_DATE_ONLY = regex.compile(r"^[\s0-9年月日号\-—./:：]+$")


def _unnumbered_heading(text: str, para: _Paragraph) -> bool:
    """A short line of words with no stop that is not a date or a document's title."""
    words = text[para.start:para.end].strip()
    return 4 <= len(words) <= 30 and bool(_WORD.search(words)) and not _DATE_ONLY.match(words) \
        and not _DOCUMENT_TITLE_END.search(words) and not regex.search(r"[。;!?:]", words)


def _run_in(text: str, heading: Section) -> bool:
    """Does the heading's own line go on after its title ("（一）狠抓工业污染防治。取缔…")?"""
    return heading.body_start < len(text) and text[heading.body_start:heading.body_start + 1] != "\n" \
        and heading.body_start > heading.title_span[1]


class _Builder:
    """Turns the clauses of a plan into units of text.

    ``task_styles`` are the kinds of heading that name tasks (see
    :func:`_task_styles`); they are known after a first pass without them.
    """

    def __init__(self, norm: Normalized, paragraphs: list[_Paragraph], index: _Sections, rules: RuleSet,
                 task_styles: set[str]):
        self.text, self.paragraphs, self.index, self.rules = norm.text, paragraphs, index, rules
        self.task_styles = task_styles
        self.blocks = _blocks(norm, paragraphs, rules)
        self.units: list[_Unit] = []

    def build(self) -> list[_Unit]:
        i = 0
        while i < len(self.paragraphs):
            if i in self.blocks:
                last, clause = self.blocks[i]
                if clause is not None:
                    self._attach_block(i, clause)
                i = last + 1
                continue
            if not self.paragraphs[i].attribution_only:
                self._paragraph(i, self.paragraphs[i])
            i += 1
        return self.units

    def _attach_block(self, i: int, block: FoundClause) -> None:
        """Clause lines close the unit before them, gathered back like any
        unit; after a unit that has a clause already they add to it."""
        previous = self.units[-1] if self.units else None
        if previous is None or previous.para is None:
            return
        if previous.clause is not None:
            previous.clause = _merge(previous.clause, block)
            previous.end = block.end
            return
        self.units.pop()
        start = self._gather(previous.para, previous.start) if previous.starts_paragraph else previous.start
        self._close(start, block, previous.subclauses, para=previous.para, starts_paragraph=previous.starts_paragraph)

    def _paragraph(self, i: int, para: _Paragraph) -> None:
        text = self.text
        position = para.start
        nested: list[FoundClause] = []
        leading: FoundClause | None = None
        for clause in para.clauses:
            kind = _classify(text, para, clause, self.rules.tasks)
            if kind == "closing" and nested and _continues_list(text, nested[-1], clause):
                kind = "nested"  # "…水源水质状况(A负责)、供水厂出水水质状况(B负责)。"
            if kind in ("nested", "prose"):
                nested.append(clause)
                continue
            if leading is not None:
                self._close_leading(leading, clause.start, nested, i)
                nested, position, leading = [], clause.start, None
            if kind in ("leading", "standalone") and _words(text, clause.end, para.end):
                leading, position = clause, clause.start
                continue
            start = self._gather(i, para.start) if position <= para.start else position
            self._close(start, clause, nested, para=i, starts_paragraph=position <= para.start)
            nested, position = [], self._skip_edge(clause.end, para.end)
        if leading is not None:
            self._close_leading(leading, para.end, nested, i)
            return
        if _words(text, position, para.end):
            # words after the last clause, or a paragraph with none: a task
            # without a clause, or words leading up to a clause further on —
            # unless they hold an attribution in prose ("成立由省科技部门牵头…")
            prose = next((c for c in nested if c.form == "prose"), None)
            self.units.append(_Unit(position, para.end, prose, [c for c in nested if c is not prose],
                                    self.index.innermost(position), starts_paragraph=position <= para.start,
                                    at_marker=para.heading if position <= para.start else None,
                                    rule="task.unattributed", para=i))

    def _skip_edge(self, position: int, end: int) -> int:
        while position < end and self.text[position] in _EDGE:
            position += 1
        return position

    def _gather(self, i: int, start: int) -> int:
        """Where a unit that starts paragraph ``i`` really starts: further back
        over the paragraphs that lead up to it, when it opens with no lead-in
        (jian: "深化燃煤锅炉治理。…" / "加大…" / "严把准入关,…（责任部门：…）")."""
        para = self.paragraphs[i]
        if para.heading is not None or _lead_in_at(self.text, para.start, para.end, self.rules.tasks):
            return start
        j = i
        while j > 0:
            before = self.paragraphs[j - 1]
            if before.attribution_only or before.clauses:
                break
            if before.heading is not None:
                # a heading alone on its line names the task under it when the
                # task has no lead-in of its own (mwr: "（4）核定水功能区纳污能力…。"
                # over "2012年底前，…（…负责）")
                if before.heading.id not in self.index.parents:
                    j -= 1
                break
            if not _body_line(self.text, before):
                # an unnumbered heading on its own line names the task under it
                # ("开展环保服务“两进三送”活动　　组织高水平…")
                if _unnumbered_heading(self.text, before):
                    j -= 1
                break
            j -= 1
            if _lead_in_at(self.text, before.start, before.end, self.rules.tasks):
                break
        if j == i:
            return start
        # the units without a clause those paragraphs made are now this one's
        first = self.paragraphs[j].start
        while self.units and self.units[-1].clause is None and self.units[-1].start >= first:
            self.units.pop()
        return first

    def _close(self, start: int, clause: FoundClause, nested: list[FoundClause], *, para: int, starts_paragraph: bool) -> None:
        start = self._skip_edge(start, clause.start)
        if starts_paragraph and start not in self.index.at_marker:
            start = self._after_introduction(start, clause.start)
        self.units.append(_Unit(start, clause.end, clause, list(nested), self.index.innermost(start),
                                starts_paragraph=starts_paragraph, at_marker=self.index.at_marker.get(start), para=para))

    def _after_introduction(self, start: int, end: int) -> int:
        """A paragraph that introduces its measure ("…的通知。通知指出:大力推动
        清洁能源采暖。…"): the task starts after the colon, where a lead-in does."""
        colon = find_end(self.text, start, end, ":")
        if colon < end and _lead_in_at(self.text, colon + 1, end, self.rules.tasks):
            return self._skip_edge(colon + 1, end)
        return start

    def _close_leading(self, clause: FoundClause, end: int, nested: list[FoundClause], para: int) -> None:
        start = self._skip_edge(clause.end, end)
        if not _words(self.text, start, end):
            return
        paragraph = self.paragraphs[para]
        heading = paragraph.heading
        # the task a heading's clause heads begins at the heading
        unit_start = paragraph.start if heading is not None and not _words(self.text, heading.body_start, clause.start) \
            else clause.start
        lead_in = _lead_in_at(self.text, start, end, self.rules.tasks)
        title = lead_in or (heading.title_span if unit_start == paragraph.start and heading is not None
                            else first_phrase(self.text, start, end))
        self.units.append(_Unit(unit_start, end, clause, list(nested), self.index.innermost(clause.start),
                                title_span=title, para=para))


def _merge(a: FoundClause, b: FoundClause) -> FoundClause:
    """Clause lines after a clause: one clause of the two."""
    parsed = replace(a.parsed, lead=[*a.parsed.lead, *b.parsed.lead],
                     participants=[*a.parsed.participants, *b.parsed.participants],
                     implementers=[*a.parsed.implementers, *b.parsed.implementers],
                     standing=[*a.parsed.standing, *b.parsed.standing])
    return replace(a, end=b.end, inner_end=b.inner_end, parsed=parsed, closed=a.closed and b.closed)


# -- from units to tasks -------------------------------------------------------------


def _counts(units: list[_Unit], attributed: bool) -> Counter:
    """How many tasks each section's own text holds (with clauses, where the plan has them)."""
    return Counter(u.section.id for u in units if u.section is not None and (u.clause is not None or not attributed))


def _task_styles(units: list[_Unit], index: _Sections) -> set[str]:
    """Kinds of heading that name tasks: most sections of the kind (that hold
    no other headings) carry a clause, most of those exactly one (mwr: every
    "（1）" holds one; xinjiang's "（一）" hold several; in a plan where three
    of sixty "1." items carry a clause, "1." names no task)."""
    counts = _counts(units, True)
    leaves: dict[str, list[int]] = {}
    for s in index.headings:
        if s.id not in index.parents and not index.in_box_or_appendix(s.span[0]):
            leaves.setdefault(s.style, []).append(counts.get(s.id, 0))
    styles = set()
    for style, ns in leaves.items():
        attributed = [n for n in ns if n]
        if len(attributed) * 2 >= len(ns) and sum(1 for n in attributed if n == 1) * 2 >= len(attributed):
            styles.add(style)
    return styles


def _settle_titles(units: list[_Unit], text: str, rules: TaskRules) -> None:
    """Where each unit starts and what its title is.

    A unit that starts at a heading is named by the lead-in that follows the
    heading on its line ("（七）控制用水总量。实施最严格水资源管理。…"), or by the
    heading when there is none; where the heading's section holds several
    tasks, a unit named by a lead-in starts at it.
    """
    counts = _counts(units, True)
    for unit in units:
        if unit.title_span is not None:
            continue
        limit = unit.clause.start if unit.clause is not None and unit.clause.start > unit.start else unit.end
        heading = unit.at_marker
        if heading is not None:
            body = heading.body_start if _run_in(text, heading) and heading.body_start < limit else None
            if body is not None and unit.clause is not None and unit.clause.form != "prose" and unit.clause.start <= body + 2:
                body = _skip(text, unit.clause.end, limit)  # "（一）水源保护。【牵头单位：…】加强水源地保护。"
            lead_in = _lead_in_at(text, body, unit.end if body >= limit else limit, rules) if body is not None else None
            heading_words = text[heading.title_span[0]:heading.title_span[1]]
            if lead_in is not None and (lead_in[1] - lead_in[0] > rules.after_heading_max or "等" in text[lead_in[0]:lead_in[1]]
                                        or len(heading_words) > rules.after_heading_max or commas(heading_words, 0, len(heading_words))):
                lead_in = None  # a heading that is a sentence of its own names its task
            if lead_in is None:
                unit.title_span = heading.title_span
                continue
            if counts.get(heading.id, 0) > 1:
                unit.start = body
            unit.title_span = lead_in
            continue
        lead_in = _lead_in_at(text, unit.start, limit, rules)
        if lead_in:
            unit.title_span = lead_in
        elif unit.starts_paragraph:
            unit.title_span = first_phrase(text, unit.start, limit)
        else:
            unit.title_span = first_sentence(text, unit.start, limit)


def _skip(text: str, position: int, end: int) -> int:
    while position < end and text[position] in _EDGE:
        position += 1
    return position


def _sections_without_tasks(index: _Sections, rules: TaskRules) -> set[str]:
    skipped: set[str] = set()
    for s in index.headings:
        if (s.parent in skipped) or holds_no_tasks(s.title, rules, rules.non_task_sections):
            skipped.add(s.id)
    return skipped


def _attributed_units(units: list[_Unit], index: _Sections, task_styles: set[str], rules: TaskRules,
                      text: str) -> list[_Unit]:
    """In a plan with clauses: the units with one, and the numbered items of a
    kind that mostly carries one (their clause is missing) outside the
    sections that set goals or principles."""
    skipped = _sections_without_tasks(index, rules)
    by_lead_in = _lead_in_sections(units, text, rules)
    kept = []
    for unit in units:
        heading = unit.at_marker
        if unit.clause is None:
            if heading is None:
                # a paragraph opened by a lead-in, among paragraphs so opened
                # that carry clauses ("加强监管。定期检查。" with no clause)
                if not (unit.starts_paragraph and unit.section is not None and unit.section.id in by_lead_in
                        and _lead_in_at(text, unit.start, unit.end, rules)):
                    continue
                unit.rule = "task.paragraph_unattributed"
            elif heading.id in index.parents or heading.style not in task_styles or heading.id in skipped:
                continue
            else:
                unit.rule = "task.item_unattributed"
        kept.append(unit)
    return kept


def _lead_in_sections(units: list[_Unit], text: str, rules: TaskRules) -> set[str]:
    """Sections whose attributed tasks open paragraphs with a lead-in of their own."""
    opened: dict[str, list[bool]] = {}
    for unit in units:
        if unit.clause is None or unit.section is None or not (unit.starts_paragraph or unit.at_marker is not None):
            continue
        start = unit.start
        if unit.at_marker is not None:
            if not _run_in(text, unit.at_marker):
                continue
            start = unit.at_marker.body_start
        limit = unit.clause.start if unit.clause.start > start else unit.end
        opened.setdefault(unit.section.id, []).append(_lead_in_at(text, start, limit, rules) is not None)
    return {sid for sid, flags in opened.items() if flags and sum(flags) * 2 >= len(flags)}


def _structure_units(units: list[_Unit], index: _Sections, rules: TaskRules) -> list[_Unit]:
    """In a plan with no clause at all: every paragraph of a section that holds
    tasks. A heading alone on its line over a single paragraph is one task with
    it ("4. 全面开展水环境综合分析" + its words); over several it groups them."""
    skipped = _sections_without_tasks(index, rules)
    units = _without_attachment_list(units, index_text(index))
    below: Counter = Counter(u.section.id for u in units if u.section is not None and u.at_marker is None)
    kept: list[_Unit] = []
    for unit in units:
        section = unit.section
        if section is None or section.id in skipped:
            continue
        heading = unit.at_marker
        if heading is not None:
            if heading.id in index.parents:
                continue
            alone = not _words(index_text(index), heading.title_span[1], unit.end)
            if alone and below[heading.id] >= 2:
                continue
        elif kept and kept[-1].at_marker is section and below[section.id] == 1 \
                and not _words(index_text(index), kept[-1].at_marker.title_span[1], kept[-1].end):
            if _lead_in_at(index_text(index), unit.start, unit.end, rules):
                kept.pop()  # the paragraph's own lead-in names the task
            else:
                kept[-1].end = unit.end
                continue
        unit.rule = "task.item" if heading is not None else "task.paragraph"
        kept.append(unit)
    return kept


def _without_attachment_list(units: list[_Unit], text: str) -> list[_Unit]:
    """Without "附件：1.…" and the numbered lines after it (and the date that
    signs the plan): they list the plan's attachments."""
    kept, listing = [], False
    for unit in units:
        words = text[unit.start:unit.end].strip()
        listing = _ATTACHMENTS.match(text, unit.start) is not None or (
            listing and unit.at_marker is None and (_LISTED.match(words) is not None or _DATE_ONLY.match(words) is not None))
        if not listing:
            kept.append(unit)
    return kept


def index_text(index: _Sections) -> str:
    return index.text


def extract_tasks(norm: Normalized, sections: tuple[Section, ...], rules: RuleSet,
                  tables: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[Task, ...], tuple[Issue, ...]]:
    """Tasks of a plan in document order, and the problems found with them.
    The text of ``tables`` (their spans) holds table rows, which are read as such."""
    index = _Sections(sections)
    index.text = norm.text
    paragraphs = _paragraphs(norm, index)
    _find_all_clauses(norm, paragraphs, rules)
    # which kinds of heading name tasks is known once the clauses are placed
    task_styles = _task_styles(_Builder(norm, paragraphs, index, rules, set()).build(), index)
    units = _Builder(norm, paragraphs, index, rules, task_styles).build()
    # a box or an appendix holds tasks only where it attributes them (an
    # appendix that lists the tasks with their 牵头考核单位); its tables are read as tables
    units = [u for u in units if (u.clause is not None and "\t" not in norm.text[u.start:u.end]
                                  or not index.in_box_or_appendix(u.start))
             and not any(a <= u.start < b for a, b in tables)]
    attributed = any(u.clause is not None for u in units)
    if attributed:
        units = _attributed_units(units, index, task_styles, rules.tasks, norm.text)
    else:
        task_styles = set()
        units = _structure_units(units, index, rules.tasks)
    _settle_titles(units, norm.text, rules.tasks)
    tasks, issues = _finish(units, norm, attributed)
    if not tasks:
        issues = (*issues, *_why_no_tasks(paragraphs, sections))
    return tasks, issues


def _why_no_tasks(paragraphs: list[_Paragraph], sections: tuple[Section, ...]) -> tuple[Issue, ...]:
    clauses = sum(len(p.clauses) for p in paragraphs)
    items = sum(1 for s in sections if s.kind == "heading")
    if not clauses and not items:
        return ()
    found = ", ".join(part for part in (f"{clauses} responsibility clause(s)" if clauses else "",
                                        f"{items} numbered heading(s)" if items else "") if part)
    return (Issue(code="no-tasks", message=f"no task found although the plan has {found}; "
                  "its tasks may be in a form policyx does not read yet", line=None),)


def _dedupe(refs: list[DepartmentRef]) -> tuple[DepartmentRef, ...]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.canonical not in seen:
            seen.add(ref.canonical)
            out.append(ref)
    return tuple(out)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    while start < end and text[start] in _EDGE:
        start += 1
    return start, end


def _finish(units: list[_Unit], norm: Normalized, attributed: bool) -> tuple[tuple[Task, ...], tuple[Issue, ...]]:
    source, text = norm.source, norm.text
    tasks: list[Task] = []
    issues: list[Issue] = []
    counters: dict[str, int] = {}
    standing: list[DepartmentRef] = []
    unknown: dict[str, int] = {}
    for unit in units:
        start, end = unit.start, unit.end
        while end > start and text[end - 1].isspace():
            end -= 1
        line = norm.line_of(start)
        clause = to_clause(unit.clause, source, norm.line_of(unit.clause.start)) if unit.clause else None
        subclauses = tuple(to_clause(c, source, norm.line_of(c.start), nested=True, sentence_span=_sentence_before(text, c.start))
                           for c in unit.subclauses)
        own = [clause] if clause else [c for c in subclauses if c.form == "prose"][:1] or list(subclauses)
        if clause is not None and clause.standing:
            standing = list(clause.standing)
        lead = _dedupe([r for c in own for r in c.lead])
        participants = _dedupe([r for c in own for r in c.participants])
        implementers = [r for c in own for r in c.implementers]
        implementers.extend(replace(r, inherited=clause is None or r not in clause.standing)
                            for r in standing if r.canonical not in {i.canonical for i in implementers})
        section_id = unit.section.id if unit.section else None
        counters[section_id or ""] = counters.get(section_id or "", 0) + 1
        title_start, title_end = _trim(text, *(unit.title_span or (start, start)))
        title = source[title_start:title_end]
        tasks.append(Task(
            id=f"{section_id}.{counters[section_id or '']}" if section_id else str(counters[""]),
            section=section_id, title=title, text=source[start:end], line=line, span=(start, end),
            title_span=(title_start, title_end), lead=lead, participants=participants,
            implementers=_dedupe(implementers), clause=clause, subclauses=subclauses,
            rule=unit.clause.rule if unit.clause else unit.rule,
        ))
        if clause is None and attributed:
            issues.append(Issue(code="task-without-clause", message=f"task {title!r} has no responsibility clause",
                                line=line, span=(start, end)))
        for c in own:
            if not c.closed:
                issues.append(Issue(code="clause-unclosed", message=f"clause {c.text!r} is missing a bracket", line=c.line, span=c.span))
            for ref in (*c.lead, *c.participants, *c.implementers, *c.standing):
                if not ref.known:
                    unknown.setdefault(ref.name, norm.line_of(ref.span[0]))
    for name, line in unknown.items():
        issues.append(Issue(code="department-unknown", message=f"department {name!r} is not in the rules' registry", line=line))
    return tuple(tasks), tuple(issues)


def _sentence_before(text: str, pos: int) -> tuple[int, int]:
    """The sentence a nested clause follows: back to the previous stop."""
    back = max(text.rfind(ch, 0, pos) for ch in STRONG_END + ";\n")
    return back + 1, pos
