"""From clauses to units of text: the words each clause closes or heads.

A clause at the end of some words closes them, back to the clause before it in
the same paragraph or the paragraph's start — and, when the paragraph opens
with no lead-in of its own, further back over the paragraphs that lead up to
it (:meth:`UnitBuilder.gather`). Clause lines after an item are one clause of
the item; a clause at the start of a paragraph heads the words after it; a
clause followed by 、 answers for one item of a list inside a task.
"""

from __future__ import annotations

import functools

import bisect
import re
from collections import Counter
from dataclasses import dataclass

import regex

from policyx.extract.clauses import PHRASE_FORMS, FoundClause, merge, with_units_of
from policyx.extract.tasks.paragraphs import (
    Paragraph, SectionIndex, after_introduction, attribution_blocks, has_words, lead_in_at, skip_edge,
)
from policyx.extract.tasks.blocks import BLOCK_RULE, hand_to_the_group, one_clause_for_all
from policyx.extract.tasks.prose_ends import IN_THE_SENTENCE, helped_by_its_sentence, prose_end, with_its_helpers
from policyx.extract.tasks.fields import ITEM_FIELD, OPENS_LABEL, field_under_its_heading, fields_only, run_in
from policyx.model import Section, maker
from policyx.rules import RuleSet
from policyx.rules.tasks import TaskRules
from policyx.text.normalize import Normalized
from policyx.text.sentences import SENTENCE_END, find_end, first_phrase, ends_sentence

# matched at a clause's end; by ``re``: ``regex`` first looks for the 、 it needs through the rest of
# the paragraph, at each clause (a page run onto one line: quadratic). The working copy's white space is
# folded to these.
_NESTED_AFTER = re.compile("[ \t\r\n]{0,16}、")


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    clause: FoundClause | None
    subclauses: list[FoundClause] | tuple[()]
    section: Section | None
    title_span: tuple[int, int] | None = None
    starts_paragraph: bool = False
    at_marker: Section | None = None  # the unit starts at this section's marker
    rule: str = "task.clause"
    para: int | None = None  # index of the paragraph it starts in


# clauses written as words of a sentence ("由…牵头", "市教育局负责，…"): they attribute the
# paragraph they stand in, and neither head nor close a unit of their own


def classify(text: str, para: Paragraph, clause: FoundClause, rules: TaskRules) -> str:
    """closing | leading | nested | standalone | prose, for a clause in its paragraph."""
    if clause.form in IN_THE_SENTENCE:
        return "prose"
    content = para.start
    if para.heading is not None:
        content = min(para.heading.title_span[0], clause.start)
        # a clause right after a run-in heading heads the lead-in after it
        # ("（一）水源保护。【牵头单位：市环保局】加强水源地保护。"), or else closes the
        # heading's own words ("（七）下决心取消…的审批。（国务院办公厅负责）")
        if run_in(text, para.heading) and not has_words(text, para.heading.body_start, clause.start) \
                and lead_in_at(text, skip_edge(text, clause.end, para.end), para.end, rules):
            content = clause.start
    before = has_words(text, content, clause.start)
    if before and _NESTED_AFTER.match(text, clause.end, para.end):
        return "nested"
    if before:
        return "closing"
    return "leading" if has_words(text, clause.end, para.end) else "standalone"


def continues_list(text: str, previous: FoundClause, clause: FoundClause) -> bool:
    """Is ``clause`` the next item of a list whose item before it ended in ``previous``?"""
    between = text[previous.end:clause.start]
    return between.lstrip().startswith("、") and find_end(between, 0, len(between), SENTENCE_END) == len(between)


_new_unit = maker(Unit)  # (one a heading in a plan of headings: without the class call)


class UnitBuilder:
    """Turns the clauses of a plan's paragraphs into units of text."""

    def __init__(self, norm: Normalized, paras: list[Paragraph], index: SectionIndex, rules: RuleSet,
                 lead_marks: bool = False):
        self.text, self.paragraphs, self.index, self.rules = norm.text, paras, index, rules
        self.source = norm.source
        self.blocks = attribution_blocks(norm, paras, rules, lead_marks)
        self._paragraph_starts = [p.start for p in paras]
        self._children = Counter(s.parent for s in index.headings if s.parent)
        self.units: list[Unit] = []
        self._responsible_words = tuple(w for w, kind in rules.responsibility.role_of.items() if kind == "responsible")

    def build(self) -> list[Unit]:
        i = 0
        while i < len(self.paragraphs):
            if i in self.blocks:
                last, clause = self.blocks[i]
                i = last + 1
                if clause is not None:
                    self._attach_block(clause)
                    i = self._fields_of_item(i)  # ("问题1：…" / 责任单位：… / 整改时限：… / then 整改目标：…, 整改措施：1.…)
                continue
            para = self.paragraphs[i]
            if para.attribution_only or para.handed_on:
                pass
            elif para.clauses:
                self._paragraph(i, para)
                if para.clauses[-1].rule == BLOCK_RULE and self.units:
                    self.units[-1].end = para.end  # (the item's words only: its clause stands after the block)
                # (an item's clause in its words, then "完成时限：长期坚持" on a line of its own; not "工作要求：…",
                # which may be its group's)
                i = self._fields_of_item(i + 1, ITEM_FIELD)
                continue
            elif has_words(self.text, para.start, para.end):
                self._rest(i, para, para.start, ())  # (what _paragraph does with a paragraph without clauses)
            i += 1
        return self.units

    def _attach_block(self, block: FoundClause) -> None:
        """Clause lines close the unit before them, gathered back like any
        unit; after a unit that has a clause already they add to it."""
        previous = self.units[-1] if self.units else None
        if previous is None or previous.para is None:
            return
        if hand_to_the_group(self.units, self.index, previous, block):
            return
        if previous.clause is not None:
            previous.clause = merge(previous.clause, block)
            previous.end = block.end
            return
        parent = self._item_over(previous, block)
        if parent is not None:
            # the block closes the item whose sub-items it follows: "5.深化医养结合。" over （1）…（2）…, none
            # with a clause of its own, then "牵头单位：…" on lines of its own
            para, first = parent
            while self.units and self.units[-1].clause is None and self.units[-1].start >= first:
                self.units.pop()
            self._close(first, block, [], para=para, starts_paragraph=True)
            return
        self.units.pop()
        start = self.gather(previous.para, previous.start) if previous.starts_paragraph else previous.start
        self._close(start, block, previous.subclauses, para=previous.para, starts_paragraph=previous.starts_paragraph)

    def _fields_of_item(self, i: int, labels: regex.Pattern = OPENS_LABEL) -> int:
        """Where the paragraphs after clause lines that closed a numbered item from its marker (or after the
        item's paragraph that holds its clause) stop being the item's, from ``i`` (its unit is made to end there):
        inside the item, each a field of its own ("整改目标：…", "整改措施：") or a sub-item ("（1）…"), with no
        clause — and not the words that clause lines after them, or a clause gathering back, would take (an
        unnumbered measure with its own 牵头单位 lines is a task of its own). A plan's closing words after its last
        item ("各牵头单位要每月报送…", 联系人, 印发) are no field: the run stops there. (A 整改方案's problem states
        its fields first, then its 整改目标 and 整改措施.)"""
        item = self.units[-1] if self.units else None
        if item is None or item.clause is None or item.at_marker is None or item.start != item.at_marker.span[0]:
            return i
        end, text = item.at_marker.end, self.text
        j = i
        while j < len(self.paragraphs) and j not in self.blocks:
            para = self.paragraphs[j]
            if para.clauses or para.attribution_only or para.start >= end \
                    or para.heading is None and not labels.match(text, para.start, para.end):
                break
            j += 1
        if j == i or j < len(self.paragraphs) and self.paragraphs[j].start < end and (j in self.blocks or (
                self.paragraphs[j].clauses and (self._gathers_back(self.paragraphs[j])
                                                or self._a_sibling_item(item.clause, self.paragraphs[j], i, j)))):
            return i
        item.end = self.paragraphs[j - 1].end
        return j

    def _a_sibling_item(self, clause: FoundClause, para: Paragraph, first: int, stop: int) -> bool:
        """Whether ``para``'s heading is in the style of those from ``first`` to ``stop``, under an item whose
        sentence names no particular office: they are items like it, not fields of that item ("（一）危险化学品。…" …
        "（五）城镇燃气。…（…牵头）" under "二、整治内容" and its "…由行业主管部门负责，具体分工见附件")."""
        generic = self.rules.departments.generic_shape
        if clause.form != "prose" or not all(generic.search(r.name) for r in clause.parsed.refs()):
            return False
        style = para.heading.style if para.heading is not None else None
        return style is not None and any((h := self.paragraphs[k].heading) and h.style == style for k in range(first, stop))

    def _gathers_back(self, para: Paragraph) -> bool:
        """Whether a clause closing this paragraph's first words may take the paragraphs before it (:meth:`gather`)."""
        return para.heading is None and not lead_in_at(self.text, para.start, para.end, self.rules.tasks)

    def _item_over(self, previous: Unit, block: FoundClause) -> tuple[int, int] | None:
        """``(paragraph, start)`` of the heading whose last sub-item ``previous``
        opens, when clause lines follow that sub-item and the heading has
        several sub-items, none with a clause of its own; else None."""
        heading = self.paragraphs[previous.para].heading if previous.para is not None else None
        parent = self.index.by_id.get(heading.parent) if heading is not None and heading.parent else None
        if (parent is None or parent.kind != "heading" or not parent.span[0] < block.start <= parent.end
                or self._children[parent.id] < 2):
            return None  # (under an item of one sub-item, the lines are the sub-item's: chuzhou-govwork-2020)
        starts = self.index.starts
        following = bisect.bisect_right(starts, previous.start)
        if following < len(starts) and starts[following] < parent.end:
            return None  # (a heading after the sub-item, inside the item: the lines are the sub-item's)
        for unit in reversed(self.units):
            if unit.start < parent.span[0]:
                break
            if unit.clause is not None:
                return None
        para = bisect.bisect_left(self._paragraph_starts, parent.span[0])
        if para == len(self.paragraphs) or self.paragraphs[para].start != parent.span[0]:
            return None
        return para, parent.span[0]

    def _paragraph(self, i: int, para: Paragraph) -> None:
        text = self.text
        if para.clauses[0].end <= para.start:  # (handed from the heading over the item: blocks.hand_heading_clauses)
            handed = functools.reduce(merge, para.clauses)
            self._close(self.gather(i, para.start), handed, [], para=i, starts_paragraph=True, end=para.end)
            return
        position = para.start
        nested: list[FoundClause] = []
        leading: FoundClause | None = None
        phrase_starts = [c.start for c in para.clauses if c.form in PHRASE_FORMS]
        last_phrase = phrase_starts[-1] if phrase_starts else -1
        count = len(para.clauses)
        helped: set[int] = set()  # (the phrases a prose clause took as its helpers: no clauses of their own)
        for j, clause in enumerate(para.clauses):
            if id(clause) in helped:
                continue
            kind = classify(text, para, clause, self.rules.tasks)
            if kind == "closing" and nested and continues_list(text, nested[-1], clause):
                kind = "nested"  # "…水源水质状况(A负责)、供水厂出水水质状况(B负责)。"
            if kind == "prose" and (split := prose_end(text, clause, para.clauses[j + 1] if j + 1 < count else None,
                                                      para, phrase_starts, last_phrase)) is not None:
                clause = helped_by_its_sentence(self.text, para.clauses, j + 1, clause, split[0], helped,
                                                self._responsible_words)
                self._close_from(i, para, position, clause, nested, split[0])
                nested, position = [], split[1]
                continue
            if kind in ("nested", "prose"):
                nested.append(clause)
                continue
            if leading is not None:
                self._close_leading(leading, clause.start, nested, i)
                if kind == "closing" and text[clause.start] == text[leading.start]:
                    kind = "leading"  # (the words before it were the leading clause's, and it is written as that one
                    # is: it heads the words after it, "1.【A】改善农村户厕条件。…到位。【B】同步推进厕所粪污无害化处理…")
                elif kind == "closing" and self.units and self.units[-1].clause is leading:
                    # (a clause of another form right after them adds to the leading one: "【牵头单位：…】改善…。
                    # （配合单位：县财政局）同时做好…")
                    self.units[-1].clause = with_units_of(leading, [clause])
                    self.units[-1].end = clause.end
                    nested, position, leading = [], skip_edge(text, clause.end, para.end), None
                    continue
                nested, position, leading = [], clause.start, None
            if kind in ("leading", "standalone") and has_words(text, clause.end, para.end):
                leading, position = clause, clause.start
                continue
            if not self._adds_a_label(para, j):
                self._close_from(i, para, position, clause, nested)
            nested, position = [], skip_edge(text, clause.end, para.end)
        if leading is not None:
            self._close_leading(leading, para.end, nested, i)
        elif has_words(text, position, para.end):
            self._after_the_clauses(i, para, position, nested)

    def _close_from(self, i: int, para: Paragraph, position: int, clause: FoundClause, nested: list[FoundClause],
                    end: int | None = None) -> None:
        """:meth:`_close` from ``position``, gathering back from the paragraph's start."""
        start = self.gather(i, para.start) if position <= para.start else position
        self._close(start, clause, nested, para=i, starts_paragraph=position <= para.start, end=end)

    def _adds_a_label(self, para: Paragraph, j: int) -> bool:
        """Whether clause ``j`` of the paragraph is a label right after the clause that closed the last unit, and
        was added to it ("（A牵头，B参与）实施主体：C。", province-attribution-vocabulary-2026)."""
        clause, last = para.clauses[j], self.units[-1] if self.units else None
        if clause.form != "labelled" or not j or last is None or last.clause is not para.clauses[j - 1] \
                or has_words(self.text, para.clauses[j - 1].end, clause.start):
            return False
        last.clause, last.end = with_units_of(last.clause, [clause]), clause.end
        return True

    def _after_the_clauses(self, i: int, para: Paragraph, position: int, nested: list[FoundClause]) -> None:
        """The words after a paragraph's last clause: the item's fields ("（牵头单位：…）。
        完成时限：2026年底前。"), which its unit takes, or a unit of their own."""
        last = self.units[-1] if self.units else None
        if last is not None and last.clause is not None and para.start <= last.end <= position and not nested \
                and (fields_only(self.text, position, para.end)
                     or self.rules.tasks.own_duty_after.match(self.text, last.end, para.end) is not None):
            last.end = para.end  # (…or the duty of the unit its clause named: "（组长单位：…）。负责…，6月底前完成…")
        else:
            self._rest(i, para, position, nested)

    def _rest(self, i: int, para: Paragraph, position: int, nested: list[FoundClause] | tuple[()]) -> None:
        """Words after the last clause, or a paragraph with none: a task without
        a clause, or words leading up to a clause further on — unless they hold
        an attribution in prose ("成立由省科技部门牵头…")."""
        prose = next((c for c in nested if c.form in IN_THE_SENTENCE), None) if nested else None
        if prose is not None:
            prose, nested = with_its_helpers(self.text, prose, nested, para.end, self._responsible_words)
        starts = position <= para.start
        end = para.end
        if prose is not None and starts and para.heading is None and self._alone_under_a_heading(i):
            # (a heading alone on its line names the task its one paragraph attributes in prose: "（二）抓好学前教育扩容"
            # over "请市教育局于5月20日前报送…", city-request-notice-2025)
            i, position = i - 1, self.paragraphs[i - 1].start
            para = self.paragraphs[i]
        heading = para.heading if starts else None
        # (a paragraph opened by a heading is in it: no need to look it up)
        section = heading if heading is not None and heading.kind == "heading" and position == heading.span[0] \
            and position < heading.end else self.index.innermost(position)
        self.units.append(_new_unit(position, end, prose, [c for c in nested if c is not prose] if nested else (),
                               section, None, starts, heading, "task.unattributed", i))  # (by position: title_span …)

    def _alone_under_a_heading(self, i: int) -> bool:
        """Whether paragraph ``i`` is the only one right under a heading alone on its line, a title and no
        sentence that names a piece of work ("（二）抓好学前教育扩容", not "第十六条　城市供水价格实行政府定价。" nor an
        应急预案's "3.4 专家组"); the next paragraph opens another heading."""
        paras = self.paragraphs
        heading = paras[i - 1].heading if i > 0 else None
        return heading is not None and heading.title_span is not None \
            and not has_words(self.text, heading.title_span[1], paras[i - 1].end) \
            and not ends_sentence(self.text[paras[i - 1].start:paras[i - 1].end]) \
            and self.rules.tasks.task_verbs.match(self.text[heading.title_span[0]:heading.title_span[1]]) is not None \
            and (i + 1 == len(paras) or paras[i + 1].heading is not None)

    def gather(self, i: int, start: int) -> int:
        """Where a unit that starts paragraph ``i`` really starts: further back
        over the paragraphs that lead up to it, when it opens with no lead-in
        (jian: "深化燃煤锅炉治理。…" / "加大…" / "严把准入关,…（责任部门：…）")."""
        para = self.paragraphs[i]
        words = self.text[para.start:para.end]
        if para.heading is not None or lead_in_at(self.text, para.start, para.end, self.rules.tasks) \
                or self.rules.tasks.schedule_label.match(words) \
                or self.rules.tasks.enumeration_opener.match(words) and not one_clause_for_all(words, para) \
                or para.at_box_item(self.text, self.index, self.rules.tasks) or self._at_bullet(para):
            # (…nor a schedule's item, "4月：完成…", nor an enumeration's item with a clause of its own, "一要加强医养结合服务，
            # …（…牵头）。二要…" (several under one clause after them are the heading's task); nor a box's numbered line, "2.城中村
            # 改造工程：…（责任单位：市房产局）"; nor a bullet's, "■ 办好…（责任单位：…）" under "◆激发文旅消费活力。")
            return start
        j = i
        while j > 0:
            step = self._step_back(self.paragraphs[j - 1])
            if step == "stop":
                break
            j -= 1
            if step == "last":
                break
        if j < i and field_under_its_heading(self.text, self.paragraphs[j], self.paragraphs[j - 1] if j else None, self.rules.tasks):
            # (a field right under an item's heading, the item's measures numbered below: "（一）问题：…" /
            # "整改目标：…" / "整改时限：…" / "责任单位：…" / "整改措施：1.…", province-inspection-feedback-rectification-plan-2026)
            j -= 1
        if j == i:
            return start
        # the units without a clause those paragraphs made are now this one's
        first = self.paragraphs[j].start
        while self.units and self.units[-1].clause is None and self.units[-1].start >= first:
            self.units.pop()
        return first

    def _at_bullet(self, para: Paragraph) -> bool:
        """Whether the paragraph opens with a bullet in the file (its mark blanked in the working copy) and holds its own
        clause: bullets whose clause stands on a line after them ("·新建…；" / "·推动…。" / "（责任单位：…）") are one task
        with the line that introduces them."""
        if not para.clauses:
            return False
        line_start = self.text.rfind("\n", 0, para.start) + 1
        return self.rules.tasks.bullet.match(self.source[line_start:para.start + 1]) is not None

    def _step_back(self, before: Paragraph) -> str:
        """Whether a unit gathering back takes the paragraph before it in:
        "stop" (no), "more" (yes, and on), "last" (yes, and no further)."""
        if before.attribution_only or before.clauses or before.handed_on or before.closes_itself(self.text, self.rules) \
                or before.at_box_item(self.text, self.index, self.rules.tasks):
            return "stop"
        if before.heading is not None:
            # a heading alone on its line names the task under it when the task
            # has no lead-in of its own (mwr: "（4）核定水功能区纳污能力…。" over
            # "2012年底前，…（…负责）"); a heading over others groups them
            return "stop" if before.heading.id in self.index.parents else "last"
        if self.rules.tasks.task_name_label.match(self.text[before.start:before.end]):
            return "last"  # ("任务名称：稳定粮食生产" over "主要内容：…" and the fields: the task's name)
        if not before.is_body(self.text):
            # an unnumbered heading on its own line names the task under it
            # ("开展环保服务“两进三送”活动　　组织高水平…"); a title or a date does not
            return "last" if before.is_unnumbered_heading(self.text, self.rules.tasks) else "stop"
        return "last" if lead_in_at(self.text, before.start, before.end, self.rules.tasks) else "more"

    def _close(self, start: int, clause: FoundClause, nested: list[FoundClause], *, para: int, starts_paragraph: bool,
               end: int | None = None) -> None:
        """A unit from ``start`` to the clause's end (or ``end``) that the clause attributes."""
        start = skip_edge(self.text, start, clause.start)
        if starts_paragraph and start not in self.index.at_marker \
                and not self.rules.tasks.schedule_label.match(self.text[start:clause.start]):
            start = after_introduction(self.text, start, clause.start, self.rules.tasks)  # (a schedule's "4月：" is the item's, no introduction)
        self.units.append(_new_unit(start, clause.end if end is None else end, clause, list(nested), self.index.innermost(start),
                               starts_paragraph=starts_paragraph, at_marker=self.index.at_marker.get(start), para=para))

    def _close_leading(self, clause: FoundClause, end: int, nested: list[FoundClause], para: int) -> None:
        start = skip_edge(self.text, clause.end, end)
        if not has_words(self.text, start, end):
            return
        paragraph = self.paragraphs[para]
        heading = paragraph.heading
        # the task a heading's clause heads begins at the heading
        unit_start = paragraph.start if heading is not None and not has_words(self.text, heading.body_start, clause.start) \
            else clause.start
        lead_in = lead_in_at(self.text, start, end, self.rules.tasks)
        at_heading = unit_start == paragraph.start and heading is not None
        if lead_in and at_heading and self.rules.tasks.after_heading_forbidden.search(self.text[lead_in[0]:lead_in[1]]):
            lead_in = None  # (as after a run-in heading: "2.市容环境整治组（组长单位：…）。负责城区…整治。")
        title = lead_in or (heading.title_span if at_heading else first_phrase(self.text, start, end))
        self.units.append(_new_unit(unit_start, end, clause, list(nested), self.index.innermost(clause.start),
                               title_span=title, para=para))
