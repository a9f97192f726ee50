"""Numbering contexts: which open heading a numbered line continues, and
whether a line after a box continues the box or the body."""

from __future__ import annotations

from dataclasses import dataclass, field

from policyx.extract.sections.markers import Candidate
from policyx.model import Issue, Section
from policyx.rules import MarkerRule


@dataclass(slots=True)
class OpenHeading:
    style: str
    rank: int
    number: int | None


@dataclass(slots=True)
class Outline:
    """One numbering context: the body, a box, or an appendix."""

    stack: list[OpenHeading] = field(default_factory=list)
    last_number: dict[str, int] = field(default_factory=dict)

    def fit(self, cand: Candidate) -> str | None:
        """'sibling' if the candidate continues an open heading's numbering,
        'child' if it starts a new level, None if it fits nowhere."""
        style, number = cand.rule.style, cand.number
        for node in self.stack:
            if node.style == style:
                return "sibling" if node.number is not None and number == node.number + 1 else None
        if number == 1 or (style in self.last_number and number == self.last_number[style] + 1):
            return "child"
        return None

    def place(self, cand: Candidate) -> tuple[int, int | None, int | None]:
        """Put a heading on the stack.

        Returns its depth, the number of the previous sibling of the same
        style (None if it has none, or none with a number) and the last
        number this style had anywhere before.
        """
        rule = cand.rule
        style, number, stack = rule.style, cand.number, self.stack
        last_before = self.last_number.get(style)
        if number is not None:
            self.last_number[style] = number
        for i, node in enumerate(stack):
            if node.style == style:
                previous = node.number
                del stack[i + 1:]
                if node.rank == rule.rank:
                    node.number = number  # (the sibling's place is the heading's: its node serves again)
                else:
                    stack[i] = OpenHeading(style, rule.rank, number)
                return i, previous, last_before
        while stack and stack[-1].rank >= rule.rank:
            stack.pop()
        stack.append(OpenHeading(style, rule.rank, number))
        return len(stack) - 1, None, last_before


@dataclass(slots=True)
class Box:
    """A box (专栏, 表) open inside the body, with its own numbering."""

    section_index: int
    label: str
    outline: Outline = field(default_factory=Outline)
    text_since_heading: bool = False


@dataclass(slots=True)
class Appendix:
    """An appendix: the end of the body; a heading tree of its own unless it is a table."""

    section_index: int
    is_table: bool
    outline: Outline = field(default_factory=Outline)
    ids: list[int] = field(default_factory=list)


def belongs_to_box(cand: Candidate, box: Box, body: Outline) -> bool:
    """Does a numbered line inside a box's reach continue the box or the body?

    A box continuing its own numbering wins ("3. 建材行业" after "2. 火电行业"
    in 专栏4); then the body continuing its numbering ("3. 开展大气环境综合分析"
    after the body's "2."); when both would only open a new level, the line
    belongs to the box if it follows the box's last line directly, and to the
    body if text came between.
    """
    box_fit = box.outline.fit(cand)
    body_fit = body.fit(cand)
    if box_fit == "sibling":
        return True
    if body_fit == "sibling":
        return False
    if box_fit == "child" and body_fit == "child":
        return not box.text_since_heading
    return not body_fit


def official_level(rule: MarkerRule, parent: Section | None, rule_of: dict[str, MarkerRule]) -> int:
    """A section's level: the official level of its marker, counted from its
    parent's ("1." directly under "一、" is 3, not 2); one below its parent
    for markers with no official level (第X章, 第X节, 专栏)."""
    if parent is None:
        return rule.level or 1
    above = rule_of.get(parent.style)
    if rule.level is not None and above is not None and above.level is not None:
        return parent.level + max(1, rule.level - above.level)
    return parent.level + 1


def numbering_problem(cand: Candidate, previous: int | None, last_before: int | None) -> str | None:
    """A gap, a repeat or disorder in a heading's numbering, if any, in words
    (``previous``: the number of the previous sibling of its style)."""
    number = cand.number
    if number is None:
        return None
    if previous is None:
        # the first heading of its level here; numbering may run on across
        # parents (xinjiang's 二、 opens with （四）), so that is accepted too
        if number == 1 or (last_before is not None and number == last_before + 1):
            return None
        what = f"opens its level at {number}; expected 1" + (
            f" or {last_before + 1}" if last_before is not None else ""
        )
    elif number == previous + 1:
        return None
    elif number == previous:
        what = "repeats the previous number"
    elif number < previous:
        what = f"comes after number {previous} (out of order)"
    else:
        what = f"follows number {previous} (gap)"
    return f"section {cand.label} {what}"


@dataclass(slots=True)
class NumberingWarnings:
    """A plan's numbering problems as warnings (code section-numbering), in
    reading order; the same words are listed at most ``listed`` times, the
    rest counted in one warning at the end with the lines they stand on: a
    page of 200,000 headings "一、" each repeating the last is one problem to
    fix, not 200,000 to read (and not 200,000 items to make)."""

    listed: int
    issues: list[Issue] = field(default_factory=list)
    times: dict[str, int] = field(default_factory=dict)
    unlisted: dict[str, list[int]] = field(default_factory=dict)  # words -> [count, first line, last line]

    def add(self, message: str, cand: Candidate) -> None:
        unlisted = self.unlisted.get(message)
        if unlisted is not None:  # (listed enough times already: counted)
            unlisted[0] += 1
            unlisted[2] = cand.file_line
            return
        times = self.times[message] = self.times.get(message, 0) + 1
        if times <= self.listed:
            self.issues.append(Issue(code="section-numbering", message=message, line=cand.file_line,
                                     span=(cand.marker_start, cand.marker_end)))
        else:
            self.unlisted[message] = [1, cand.file_line, cand.file_line]

    def summaries(self) -> list[Issue]:
        return [Issue(code="section-numbering", line=first,
                      message=f"{message}: {count:,} more time{'s' if count > 1 else ''}, not listed one by one "
                              f"(lines {first}–{last})")
                for message, (count, first, last) in self.unlisted.items()]
