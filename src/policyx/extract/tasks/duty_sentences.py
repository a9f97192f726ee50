"""Duties written as the opening of a sentence ("市财政局要…", "市财政局：负责…")
and items under an office's heading, read in the paragraphs from the plan's
first clause on (:mod:`policyx.extract.clauses.duties`, :mod:`.office_headings`).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from policyx.extract.clauses import SENTENCE_FORMS, FoundClause, duty_places, find_duties
from policyx.extract.tasks.office_headings import add_heading_duties
from policyx.rules import RuleSet
from policyx.text.sentences import SENTENCE_END, find_end
from policyx.text.spans import Spans

if TYPE_CHECKING:
    from policyx.extract.tasks.paragraphs import Paragraph


def add_duties(text: str, paras: list[Paragraph], rules: RuleSet, context) -> None:
    """The duties of the paragraphs (in place), from the plan's first clause on."""
    if not paras:
        return  # (a text with no words: no paragraph)
    first = next((i for i, para in enumerate(paras) if para.clauses), None)
    if first is None:
        # a plan that is all 职责分工 ("市财政局：负责…", or items under "（一）县发展和改革局"): an office named
        # before its duties, or over them, is no exhortation ("X要…" is, in a plan that attributes no task)
        _add_duties(text, paras, rules, context, labelled_only=True)
        add_heading_duties(text, paras, rules, context)
    else:
        _add_duties(text, paras[_first_item_of_its_list(paras, first):], rules, context)
        add_heading_duties(text, paras[_its_parent(paras, first):], rules, context)


def _its_parent(paras: list[Paragraph], first: int) -> int:
    """The paragraph of the topmost heading above the item holding the plan's
    first clause (an office's: "（一）县发展和改革局（5项）" over "1.…（县财政局配合）";
    "一、县教育局" over "（一）…" over "1.…"), else ``first``."""
    item = paras[first].heading
    parent = item.parent if item is not None else None
    top = first
    for j in range(first - 1, -1, -1):
        if parent is None:
            break
        heading = paras[j].heading
        if heading is not None and heading.id == parent:
            top, parent = j, heading.parent
    return top


def _first_item_of_its_list(paras: list[Paragraph], first: int) -> int:
    """Where the list of items holding the plan's first clause starts: the
    first item numbered as the clause's item and under the same heading
    (minutes whose decision 一 gives its work with "X要…" and 二 with "由X负责");
    a notice's own items before the plan it sends are of another list."""
    item = next((j for j in range(first, -1, -1) if paras[j].heading is not None), None)
    if item is None:
        return first
    heading = paras[item].heading
    start = item
    for j in range(item - 1, -1, -1):
        other = paras[j].heading
        if other is None:
            continue
        if other.style != heading.style or other.parent != heading.parent:
            break
        start = j
    return start


def _add_duties(text: str, paras: list[Paragraph], rules: RuleSet, context, *, labelled_only: bool = False) -> None:
    """The duties opening sentences ("市财政局要…", :mod:`policyx.extract.clauses.duties`)
    of the paragraphs whose clauses, if any, are all phrases of sentences — from
    the plan's first clause on: before it, in a plan that attributes no task, or
    in a notice's words before the plan it sends ("现印发给你们，并就有关事项通知如下：
    一、各责任单位要…", caidian-govwork-2023), "X要…" exhorts."""
    places = duty_places(text, paras[0].start, rules.departments, rules.responsibility)
    for i, para in enumerate(paras):
        at = bisect.bisect_left(places, para.start)
        if at == len(places) or places[at] >= para.end:
            continue  # (no modal after an office's name, no request: most paragraphs)
        if para.standing or para.attribution_only or not all(c.form in SENTENCE_FORMS for c in para.clauses) \
                or i + 1 < len(paras) and paras[i + 1].attribution_only:
            continue  # (…nor a paragraph whose clause lines stand under it: "责任单位：市财政局")
        taken = Spans((c.start, c.end) for c in para.clauses)
        duties = find_duties(text[para.start:para.end], para.start, rules.departments, rules.responsibility, context,
                             taken, labelled_only=labelled_only)
        if duties:
            para.clauses = _with_duties(text, para.clauses, duties)


def _with_duties(text: str, clauses: list[FoundClause], duties: list[FoundClause]) -> list[FoundClause]:
    """A paragraph's clauses with its duties, a phrase later in a duty's sentence
    read as part of it ("市财政局要加强资金保障，各区人民政府负责落实": the
    government carries the work out; "…，市审计局配合": the office takes part).
    Both lists are in order: each duty looks at the first phrase after it only
    (a later one stands past a sentence end too), the list walked once."""
    phrases = [c for c in clauses if c.form == "phrase"]
    joined: set[int] = set()
    out = []
    k = 0
    for duty in duties:
        while k < len(phrases) and phrases[k].start < duty.end:
            k += 1
        following = phrases[k] if k < len(phrases) else None
        if following is not None and find_end(text, duty.end, following.start, SENTENCE_END) == following.start:
            joined.add(id(following))
            k += 1
            parsed = replace(duty.parsed, participants=[*duty.parsed.participants, *following.parsed.lead,
                                                        *following.parsed.participants],
                             implementers=[*duty.parsed.implementers, *following.parsed.implementers])
            duty = replace(duty, end=following.end, inner_end=following.inner_end, parsed=parsed)
        out.append(duty)
    return sorted([*(c for c in clauses if id(c) not in joined), *out], key=lambda c: c.start)
