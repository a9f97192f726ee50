"""Items under a heading that names only an office: that office's work.

A 职责分工 is written office first ("（三）市城市管理局。" then "1.负责公共停车设施
建设管理。"), and so is a 责任分解 grouped by department ("（一）县发展和改革局（5项）"
then "1.扎实推进重大项目建设。…（县财政局配合，12月底前完成）"): the office of the
heading leads each item under it that names no lead of its own — an item with a
clause of its own, one that opens with a duty's or a task's words, or any item
under a heading that counts them; the units of the item's own clause keep their
roles.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from policyx.extract.clauses import FoundClause, ParsedClause, heading_duty, heading_offices, names_duties
from policyx.extract.clauses.duties import ITEM_COUNT
from policyx.extract.tasks.fields import OPENS_LABEL, fields_only
from policyx.rules import RuleSet

if TYPE_CHECKING:
    from policyx.extract.tasks.paragraphs import Paragraph


def add_heading_duties(text: str, paras: list[Paragraph], rules: RuleSet, context) -> None:
    """Gives the items under an office's heading (and the paragraphs right
    under it that open as a duty) that office as their lead — items at any
    depth under it; a heading over other items is their group, no task."""
    offices: dict[str, tuple[ParsedClause, bool]] = {}  # heading id -> the offices it names, and whether it counts its items
    outline = _Outline(paras)  # (looked at only in a plan with such a heading: most have none)
    under: ParsedClause | None = None  # the offices of the heading the paragraphs now read stand under
    for para in paras:
        heading = para.heading
        if heading is None:
            # ("2.2.2 市应急管理局" then a paragraph "负责统筹协调…", as 应急预案 write their members' duties)
            duty = heading_duty(text, para.start, under, rules.departments, rules.responsibility) \
                if under is not None and not para.clauses else None
            if duty is not None:
                para.clauses = [FoundClause(para.start, duty[0], para.start, duty[0], duty[1], True, "duty",
                                            "clause.duty_heading")]
            continue
        under = None
        if heading.title_span is None:
            continue
        title_start, title_end = heading.title_span
        owner = _owning_office(heading.parent, offices, outline, rules) if offices else None
        rest = text[title_end:para.end].strip(_EDGES)
        if owner is not None:
            if heading.id not in outline.groups or rest:  # (a group's heading alone: no task)
                _an_offices_item(text, para, title_start, *owner, rules)
        elif (not rest or OPENS_LABEL.match(rest) and fields_only(text, title_end, para.end)) \
                and not any(c.parsed.refs() for c in para.clauses):
            # (the heading alone, or with its leader's field under it: "分管县领导：刘振华")
            parsed = heading_offices(text, title_start, title_end, rules.departments, rules.responsibility, context)
            if parsed is not None and not _under_a_report(heading.parent, outline, rules):
                # (a heading that counts its items, or says they are its duties: every item under it is one)
                counted = ITEM_COUNT.search(text, title_start, title_end) is not None \
                    or names_duties(text, title_start, title_end)
                offices[heading.id], under = (parsed, counted), parsed


class _Outline:
    """The headings' parents and titles, and those that head others (made when first asked: most plans
    have no department's heading), and the walk up from a heading."""

    def __init__(self, paras: list[Paragraph]) -> None:
        self._headings = [p.heading for p in paras if p.heading is not None]

    @functools.cached_property
    def parent_of(self) -> dict[str, str | None]:
        return {h.id: h.parent for h in self._headings}

    @functools.cached_property
    def title_of(self) -> dict[str, str]:
        return {h.id: h.title for h in self._headings}

    @functools.cached_property
    def groups(self) -> set[str]:
        return {parent for parent in self.parent_of.values() if parent is not None}

    def above(self, parent: str | None) -> Iterator[str]:
        """The headings from ``parent`` up, at most ``MAX_DEPTH`` of them."""
        for _ in range(MAX_DEPTH):
            if parent is None:
                return
            yield parent
            parent = self.parent_of.get(parent)


def _owning_office(parent: str | None, offices: dict, outline: _Outline, rules: RuleSet):
    """The offices (and whether they count their items) of the nearest heading above that names only
    offices — none when a heading between says its items are no work of theirs ("（二）存在的不足")."""
    for heading in outline.above(parent):
        if heading in offices:
            return offices[heading]
        if _not_its_own(heading, outline, rules):
            return None
    return None


def _under_a_report(parent: str | None, outline: _Outline, rules: RuleSet) -> bool:
    """Whether a heading stands under one whose items are no one's work ("四、典型经验做法" over "（一）县农业农村局")."""
    return any(_not_its_own(heading, outline, rules) for heading in outline.above(parent))


def _not_its_own(heading: str, outline: _Outline, rules: RuleSet) -> bool:
    return rules.tasks.office_items_not_its_own.search(outline.title_of.get(heading) or "") is not None


MAX_DEPTH = 8  # headings between an office's and its item, at most
_EDGES = "。. \t：:"


def _an_offices_item(text: str, para: Paragraph, title_start: int, offices: ParsedClause, counted: bool,
                     rules: RuleSet) -> None:
    """The item at ``para`` under the heading of ``offices``: led by them
    unless its own clause names a lead."""
    if para.clauses:
        first = para.clauses[0]
        if not any(c.parsed.lead for c in para.clauses) and not first.parsed.convention:
            own = first.parsed
            parsed = ParsedClause(lead=list(offices.lead), participants=[*offices.participants, *own.participants],
                                  implementers=[*offices.implementers, *own.implementers], standing=list(own.standing),
                                  notes=list(own.notes))
            para.clauses = [replace(first, parsed=parsed, rule="clause.office_heading"), *para.clauses[1:]]
        return
    duty = heading_duty(text, title_start, offices, rules.departments, rules.responsibility)
    words = text[title_start:para.end]  # (a slice: the patterns' ^)
    if duty is None and (OPENS_LABEL.match(words) or not counted and rules.tasks.task_verbs.match(words) is None
                         and rules.tasks.office_item_verbs.match(words) is None):
        return  # (no piece of work: "1.负责科室：经济建设科", "1.牵头的…项目进度滞后", "3.联络员：李四")
    end, parsed = duty if duty is not None else (title_start, ParsedClause(
        lead=list(offices.lead), participants=list(offices.participants), implementers=list(offices.implementers)))
    para.clauses = [FoundClause(title_start, end, title_start, end, parsed, True, "duty",
                                "clause.duty_heading" if duty is not None else "clause.office_heading")]
