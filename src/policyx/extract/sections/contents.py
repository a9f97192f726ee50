"""A table of contents (目录): its entries are not headings.

After the line "目录", heading-like lines are entries until the first entry
recurs as the heading it points to, or a long line of text starts the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyx.extract.sections.markers import PAGE_NUMBER_END, Candidate, match_marker
from policyx.rules import RuleSet
from policyx.text.normalize import Line

# A line this long with no marker is text: the contents have ended.
_LONGEST_ENTRY = 40

EntryKey = tuple[str, int | None, str]


def entry_key(cand: Candidate) -> EntryKey:
    """A contents entry and its heading compare without page numbers or leaders."""
    return cand.rule.style, cand.number, PAGE_NUMBER_END.sub("", cand.title).strip()


@dataclass(slots=True)
class Contents:
    honoured: bool  # False: a 目录 line is ignored and its entries read as headings
    inside: bool = False
    first: EntryKey | None = None

    def open(self) -> None:
        self.inside, self.first = self.honoured, None

    def note_entry(self, line: Line, rules: RuleSet) -> None:
        """A table row or a line ending in a page number: "第一章  发展基础\t1"."""
        if self.inside and self.first is None:
            entry = match_marker(line, rules)
            if entry is not None:
                self.first = entry_key(entry)

    def holds(self, cand: Candidate | None, text: str) -> bool:
        """Is this line part of the contents? The heading its first entry
        points to is not: it closes the contents."""
        if not self.inside:
            return False
        if cand is None:
            if len(text) > _LONGEST_ENTRY:
                self.inside = False
            return True
        key = entry_key(cand)
        if self.first is None:
            self.first = key
            return True
        if key != self.first:
            return True
        self.inside = False
        return False

    @property
    def closed(self) -> bool:
        """False when the contents never gave way to the text."""
        return not (self.inside and self.first is not None)
