"""An attribution written after a block of items, for each of them: "以上第1—4项
任务由县农业农村局牵头，县财政局配合，各乡镇人民政府负责落实。" under items 1.–4.,
or "以上任务由…负责" under the items of a group (county-block-attribution-2026).

The paragraph that opens with such words (``rules.tasks.block_attribution``)
hands its clauses to each item it names — those numbered in its range, else
the items of one style above it, up to the heading that groups them — that has
no clause of its own (an item's own bracket is its whole attribution), and is
then no task of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from policyx.extract.clauses import find_clauses
from policyx.rules import RuleSet
from policyx.text.numerals import read_number

if TYPE_CHECKING:
    from policyx.extract.tasks.paragraphs import Paragraph

BLOCK_RULE = "clause.block"  # (an item's unit ends with its own words, not at the block's clause)
MAX_ITEMS = 60  # items one block's words may name, at most (a range is read no further back)


def hand_block_clauses(text: str, paras: list[Paragraph], rules: RuleSet) -> None:
    """Gives the items each block attribution names its clauses (in place)."""
    pattern = rules.tasks.block_attribution
    for i, para in enumerate(paras):
        if not para.clauses or para.heading is not None:
            continue
        found = pattern.match(text[para.start:para.end])  # (a slice: the pattern's ^)
        if found is None:
            continue
        first, last = _number(found.group("first")), _number(found.group("last") or found.group("first"))
        items = _items_above(paras, i, first, last)
        if not items:
            continue
        # (the clause read again without the block's words, "由县农业农村局牵头，…", and with no plan context:
        # the words' first reading, "4项任务由县农业农村局", is kept there)
        start = para.start + found.end()
        clauses = find_clauses(text[start:para.end], start, rules.departments, rules.responsibility) \
            or para.clauses
        handed = [replace(c, rule=BLOCK_RULE) for c in clauses]
        for item in items:
            if not item.clauses:
                item.clauses = list(handed)
        para.clauses, para.handed_on, para.attribution_only = [], True, False


def _number(numeral: str | None) -> int | None:
    return None if numeral is None else numeral and (int(numeral) if numeral.isdigit() else read_number(numeral))


def _items_above(paras: list[Paragraph], at: int, first: int | None, last: int | None) -> list[Paragraph]:
    """The items a block at paragraph ``at`` names: numbered ``first`` to ``last``, else the items of the
    style nearest above it, back to the heading over them."""
    items: list[Paragraph] = []
    style = level = None
    for j in range(at - 1, max(-1, at - 1 - 4 * MAX_ITEMS), -1):
        heading = paras[j].heading
        if heading is None:
            continue
        if style is None:
            if first is not None and (heading.number is None or not first <= heading.number <= last):
                continue  # (a sub-item's heading under the last item named)
            style, level = heading.style, heading.level
        if heading.level < level:
            break  # (the heading over the items)
        if heading.style != style or heading.level != level:
            continue
        if first is not None and (heading.number is None or heading.number < first):
            break
        if first is None or heading.number <= last:
            items.append(paras[j])
        if len(items) >= MAX_ITEMS:
            break
    return items
