"""A division of the work written once, after the plan's body, by item
number: "六、任务分工" with "第二部分第（一）项：省民政厅牵头，省商务厅配合；第（二）项：…；
第（四）项第1目：…；第2目：…" (province-division-by-item-number-2025).

Each entry (``rules.tasks.division_entry``) names a part of the plan (its
"二、"), an item or a range of items in it ("（一）" to "（三）") and perhaps a
sub-item ("1．", 目); an entry that leaves one out names the last one named
before it. Its clauses go to each body item it names that has none, as a
block's do (``blocks.handed_to_items``: their dates are each item's), and the
paragraph that holds the entries is no task of its own. "其中第2目由…" inside
an entry (``division_override``) gives that sub-item the words after it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from policyx.extract.clauses import find_clauses
from policyx.extract.tasks.blocks import handed_to_items
from policyx.model import Section
from policyx.rules import RuleSet
from policyx.text.numerals import read_number

if TYPE_CHECKING:
    from policyx.extract.tasks.paragraphs import Paragraph


def hand_divided_clauses(text: str, paras: list[Paragraph], rules: RuleSet) -> None:
    """Gives the body items each division entry names its clauses (in place)."""
    pattern = rules.tasks.division_entry
    items = _Items(paras)
    for para in paras:
        if not para.clauses:
            continue
        words = text[para.start:para.end]
        entries = list(pattern.finditer(words))
        if not entries or entries[0].start() and len(entries) < 2:
            continue  # (a division opens with its first entry, or holds several: "六、任务分工第二部分第（一）项：…；第（二）项：…")
        handed = False
        for k, entry in enumerate(entries):
            end = entries[k + 1].start() if k + 1 < len(entries) else len(words)
            named = items.named(entry)
            handed = _hand(text, para.start + entry.end(), para.start + end, named, items, rules) or handed
        if handed:
            para.hand_on()


class _Items:
    """The plan's numbered headings, and the part, item and sub-item named last."""

    def __init__(self, paras: list[Paragraph]) -> None:
        self.by_heading = {p.heading.id: p for p in paras if p.heading is not None}
        headings = [p.heading for p in paras if p.heading is not None and p.heading.number is not None]
        self.children: dict[str | None, list[Section]] = {}
        for heading in headings:
            self.children.setdefault(heading.parent, []).append(heading)
        self.part: Section | None = None
        self.item: Section | None = None

    def named(self, entry) -> list[Section]:
        """The headings an entry names (and it becomes the last named)."""
        part, first, last, sub, sub_last = (read_number(entry.group(g)) for g in ("part", "first", "last", "sub", "sub_last"))
        if part is not None:
            parts = self._numbered(None, part, part)
            self.part = parts[0] if parts else None
        if first is not None:
            # (no part named: a plan whose items stand at its top, "（一）…（二）…" with no "一、" over them)
            last = last if last is not None else first
            found = self._numbered(self.part.id, first, last) if self.part is not None \
                else [h for h in self._numbered(None, first, last) if h.style == _TOP_ITEMS] or self._through(first, last)
            self.item = found[-1] if found else None
            if sub is None:
                return found
        if sub is not None:
            return self.sub(sub, sub_last)
        return []

    def _through(self, first: int, last: int) -> list[Section]:
        """The items numbered straight through the plan's parts ("一、" over "（一）…（四）", "二、" over "（五）…"),
        when no part is named: each number's one item of the style, or none where a number stands twice."""
        items = [h for hs in self.children.values() for h in hs if h.style == _TOP_ITEMS and h.parent is not None]
        numbers = Counter(h.number for h in items)
        if any(n > 1 for n in numbers.values()):
            return []  # (numbered again in each part: which part's is not said)
        return sorted((h for h in items if first <= (h.number or 0) <= last), key=lambda h: h.number or 0)

    def sub(self, number: int, last: int | None = None) -> list[Section]:
        """The last item's sub-items ``number`` to ``last`` ("第1、2目", "第1至3目")."""
        return [] if self.item is None else self._numbered(self.item.id, number, number if last is None else last)

    def _numbered(self, parent: str | None, first: int, last: int) -> list[Section]:
        children = self.children.get(parent, [])
        if not children:
            return []
        styles = Counter(h.style for h in children)  # (the items of one style: "（一）", not a box's)
        style = styles.most_common(1)[0][0]
        return [h for h in children if h.style == style and first <= (h.number or 0) <= last]


def _hand(text: str, start: int, end: int, named: list[Section], items: _Items, rules: RuleSet) -> bool:
    """Hands the entry's words [start, end) to the items ``named``; a
    sub-item's words after "其中第2目由" go to that one alone."""
    override = rules.tasks.division_override.search(text, start, end)
    given = False
    if override is not None and (sub := read_number(override.group("sub"))) is not None:
        for heading in items.sub(sub):
            given = _give(text, override.end(), end, items.by_heading.get(heading.id), rules) or given
        end = override.start()
    for heading in named:
        given = _give(text, start, end, items.by_heading.get(heading.id), rules) or given
    return given


_TOP_ITEMS = "cn_paren"  # (the style a division's "第（一）项" names when it names no part)


def _give(text: str, start: int, end: int, item: Paragraph | None, rules: RuleSet) -> bool:
    if item is None or item.clauses:
        return False  # (an item's own clause is its whole attribution)
    clauses = find_clauses(text[start:end], start, rules.departments, rules.responsibility)
    if not clauses:
        return False
    item.clauses = handed_to_items(clauses, end)  # (the entry's words to its end: "…配合，2025年底前完成" dates the item)
    return True
