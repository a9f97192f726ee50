"""Footnotes: the numbers in the text that point to them, and the notes themselves.

A plan out of Word may mark terms with footnote numbers ("…“无废城市”①建设…",
"…达到40%②以上", "…产生强度[1]较2025年下降8%…") and gather the notes under
"注：①“无废城市”：是指…" / "②城市生活垃圾回收利用率：指…" after a part or at the end
(province-opinions-with-footnotes-2026). A number the notes define, written
right after the words it annotates, is no word of them: it is blanked in the
working copy (a title reads "开展新污染物治理", a bound "40%以上"). Where no note
defines a number, it is left as written: "①县水利局牵头…②县住建局负责…" enumerates.
The notes' own lines are no headings (sections/tree.py).
"""

from __future__ import annotations

import regex

from policyx.rules import RuleSet
from policyx.rules.sections import SectionRules
from policyx.text.normalize import Normalized
from policyx.text.presence import may_match
from policyx.text.stored_patterns import compiled


def footnote_marks(norm: Normalized, rules: RuleSet) -> list[tuple[int, int]]:
    """The working-copy spans of the footnote numbers to blank."""
    sections = rules.sections
    if not may_match(norm.text, rules.requires.get("sections.note_opening", ())):
        return []
    first = note_openings(sections).search(norm.text)
    if first is None:
        return []
    defined: set[str] = set()
    in_notes = False
    for line in norm.lines(first.start()):  # (from the first note on)
        in_notes, mark = note_line(line.text.strip(), in_notes, sections)
        if mark is not None:
            defined.add(mark)
    spans: list[tuple[int, int]] = []
    for mark in defined:  # (each defined number looked for by itself: the rule's lookbehind is not tried everywhere)
        at = norm.text.find(mark)
        while at != -1:
            found = sections.footnote_mark.match(norm.text, at)
            if found is not None and found.group("mark") == mark:
                spans.append(found.span("mark"))
            at = norm.text.find(mark, at + len(mark))
    return sorted(spans)


def note_line(text: str, in_notes: bool, sections: SectionRules) -> tuple[bool, str | None]:
    """Whether a line's words (stripped) are a note's — its opening, "注：①…", or a footnote after one,
    "②…", "[1]…" — given whether the line before was one; and the number the line defines, if any."""
    opening = sections.note_opening.match(text)
    if opening is not None:
        text = text[opening.end():].lstrip()
    mark = sections.footnote_line.match(text) if opening is not None or in_notes else None
    return opening is not None or mark is not None, mark.group().strip(" \t\u3000") if mark is not None else None


def note_openings(sections: SectionRules) -> regex.Pattern:
    """The rule of a note's opening, read at every line's start (MULTILINE)."""
    return compiled(sections.note_opening.pattern, sections.note_opening.flags | regex.MULTILINE)

