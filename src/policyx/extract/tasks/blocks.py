"""Attributions written once for several items: after a block of them, "以上第1—4项
任务由县农业农村局牵头，县财政局配合，各乡镇人民政府负责落实。" under items 1.–4.,
or "以上任务由…负责" under the items of a group (county-block-attribution-2026).

The paragraph that opens with such words (``rules.tasks.block_attribution``)
hands its clauses to each item it names — those numbered in its range, else
the items of one style above it, up to the heading that groups them — that has
no clause of its own (an item's own bracket is its whole attribution, unless it
names no lead and the block names the item by its number), and is then no task
of its own. Also here: clause lines at a group's end for the group's items with
none (:func:`hand_to_the_group`), and whether one clause after an enumeration
("一是…，二是…。（…负责）") is all its items' (:func:`one_clause_for_all`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from policyx.extract.clauses import FoundClause, find_clauses
from policyx.extract.tasks.fields import has_words
from policyx.rules import RuleSet
from policyx.text.numerals import read_number

if TYPE_CHECKING:
    from policyx.extract.tasks.paragraphs import Paragraph, SectionIndex

BLOCK_RULE = "clause.block"  # (an item's unit ends with its own words, not at the block's clause)
MAX_ITEMS = 500  # items one block's words may name, at most (a range is read no further back)
ITEM_LEVEL = 3  # the plan's items ("1." under "（一）"); deeper ones ("（1）") break an item down


def hand_block_clauses(text: str, paras: list[Paragraph], rules: RuleSet) -> None:
    """Gives the items each block attribution names its clauses (in place)."""
    pattern = rules.tasks.block_attribution
    for i, para in enumerate(paras):
        if not para.clauses or para.heading is not None:
            continue
        found = pattern.match(text[para.start:para.end])  # (a slice: the pattern's ^)
        if found is None:
            continue
        first, last = read_number(found.group("first")), read_number(found.group("last") or found.group("first"))
        count = read_number(found.group("count"))
        items = _items_above(paras, i, first, last)[:count] if count else _items_above(paras, i, first, last)
        if not items:
            continue
        # (the clause read again without the block's words, "由县农业农村局牵头，…", and with no plan context:
        # the words' first reading, "4项任务由县农业农村局", is kept there)
        start = para.start + found.end()
        clauses = find_clauses(text[start:para.end], start, rules.departments, rules.responsibility) \
            or para.clauses
        if all(c.closed for c in para.clauses):  # (the block's words took the opening bracket: "（以上三项均由…负责）")
            clauses = [c if c.closed else replace(c, closed=True) for c in clauses]
        # (its whole line is the clause's: "以上任务由县生态环境局负责，2026年11月底前完成。" dates each item)
        # (named by its number, an item whose bracket names no lead takes the block's: "2.…（县卫生健康委配合）")
        give_to(items, handed_to_items(clauses, para.end), lend_lead=first is not None or bool(count))
        para.hand_on()


def hand_closing_blocks(text: str, paras: list[Paragraph], rules: RuleSet) -> None:
    """A block attribution that closes an item's paragraph after its sentence, items run together on one
    line ("（3）开展…创建，6月底前完成创建方案编制。以上工作由县住建局牵头，…负责落实。（4）…",
    county-inline-numbered-tasks-in-long-paragraphs-2026): the items above it that have no clause of their
    own get its clauses ("以上两项": the one above); the item it closes keeps it as its own."""
    pattern = rules.tasks.block_attribution
    for i, para in enumerate(paras):
        if para.heading is None or not para.clauses or i == 0 \
                or text.find("以上", para.start, para.end) < 0 and text.find("上述", para.start, para.end) < 0:
            continue
        tried = 0
        for stop in _SENTENCE_STOP.finditer(text, para.start, para.clauses[-1].start + 1):
            if not _BLOCK_OPENING.match(text, stop.end()) or tried >= _MOST_TRIED:
                continue  # (a slice is made only where a block may open, a few times a paragraph: linear)
            tried += 1
            found = pattern.match(text[stop.end():para.end])  # (a slice: the pattern's ^)
            if found is None or found.group("first") is not None:
                continue
            count = read_number(found.group("count"))
            # (items on lines of their own: "以上工作由县委督查室牵头…" closing the last one is that one's, a second reading)
            above = [p for p in _siblings_above(paras, i) if p.heading.line == para.heading.line]
            above = above[-(count - 1):] if count and count > 1 else [] if count else above
            start = stop.end() + found.end()
            clauses = find_clauses(text[start:para.end], start, rules.departments, rules.responsibility)
            if above and clauses:
                give_to(above, handed_to_items(clauses, para.end), lend_lead=False)
            break


_SENTENCE_STOP = re.compile("。")
_BLOCK_OPENING = re.compile("[ \t(（]{0,3}(?:以上|上述)")  # (what every block attribution opens with, cheaply)
_MOST_TRIED = 4  # block openings tried in one item's paragraph


def _siblings_above(paras: list[Paragraph], at: int) -> list[Paragraph]:
    """The items before ``paras[at]`` under the same heading, in their order (back to that heading)."""
    heading = paras[at].heading
    found: list[Paragraph] = []
    for j in range(at - 1, max(-1, at - 1 - MAX_ITEMS), -1):
        other = paras[j].heading
        if other is None:
            continue
        if other.parent != heading.parent or other.style != heading.style:
            break
        found.append(paras[j])
    return found[::-1]


def hand_heading_clauses(text: str, paras: list[Paragraph]) -> None:
    """A group heading whose only words besides its title are its clause
    ("（一）实施工业污染源全面达标行动（牵头单位：省生态环境厅；配合单位：…）", "（二）【县住建局牵头】…")
    over numbered items: the clause is each item's that has none of its own,
    its date too, and the heading is no task of its own (province-heading-attribution-2024,
    county-lead-first-bracket-2025). An item's own clause stays its whole attribution."""
    for i, para in enumerate(paras):
        heading = para.heading
        if heading is None or not para.clauses or heading.level >= ITEM_LEVEL \
                or has_words(text, heading.span[1], para.clauses[0].start) \
                or _words_after(text, max(heading.span[1], para.clauses[-1].end), para.end):
            continue  # (a heading with words of its own after the title: a task, "（六）实施清洁运输替代行动。推动…（…负责）")
        items = _items_under(paras, i + 1, heading.id)
        if not any(not p.clauses for p in items) or _words_of_its_own(text, paras, i, items[0]):
            continue
        # (an item whose words name who takes part keeps the heading's lead: "…，县交通运输局配合做好城区出入口改造")
        give_to(items, handed_to_items(para.clauses, para.clauses[-1].end), lend_lead=True)
        para.hand_on()


def hand_part_clauses(text: str, paras: list[Paragraph], rules: RuleSet) -> None:
    """A group heading alone on its line whose part opens with a sentence that attributes its items
    ("本部分任务由省工业和信息化厅牵头，…各省辖市人民政府负责落实。", ``rules.tasks.part_attribution``): that
    sentence's clauses are the items' as a heading's bracket is, and it is no task of its own."""
    for i in range(len(paras) - 2):
        heading, opening = paras[i].heading, paras[i + 1]
        if heading is None or heading.level >= ITEM_LEVEL or paras[i].clauses or opening.heading is not None \
                or not opening.clauses or not rules.tasks.part_attribution.match(text, opening.start, opening.end):
            continue
        items = _items_under(paras, i + 2, heading.id)
        if items:
            give_to(items, handed_to_items(opening.clauses, opening.clauses[-1].end), lend_lead=True)
            opening.hand_on()


def hand_forward_clauses(text: str, paras: list[Paragraph]) -> None:
    """A line that is only an attribution in 【】 labels, standing before a
    numbered item with no clause of its own ("【牵头单位】州农业农村局【责任单位】
    州林业局、各县市人民政府" over "1.优化茶园区域布局。…",
    prefecture-implementation-opinions-mixed-2025): the item's clause, its
    dates too, as a heading's is its items' — a 【】 label opens what it names."""
    for i in range(1, len(paras) - 1):
        para, after, before = paras[i], paras[i + 1], paras[i - 1]
        if not (para.attribution_only and para.heading is None and text.startswith("【", para.start)
                and after.heading is not None and not after.clauses):
            continue
        if before.heading is not None and before.heading.level >= ITEM_LEVEL and not before.clauses:
            continue  # (after an item with none of its own: that item's, as a "牵头单位：…" line under it is)
        if after.heading.level < ITEM_LEVEL:  # (over a group's heading: its items with none of their own)
            items = [p for p in _items_under(paras, i + 2, after.heading.id) if not p.clauses]
        else:  # (over a group's items none of which has a clause: each one's; else the next one's alone)
            group = [p for p in paras[i + 1:i + 1 + MAX_ITEMS] if p.heading is not None
                     and p.heading.parent == after.heading.parent and p.heading.style == after.heading.style]
            siblings = _run_of(group, paras, i + 1)
            items = siblings if not any(p.clauses for p in siblings) else [after]
        if not items:
            continue
        give_to(items, handed_to_items(para.clauses, para.clauses[-1].end), lend_lead=False)
        para.hand_on()


def _items_under(paras: list[Paragraph], start: int, heading_id: str) -> list[Paragraph]:
    """The paragraphs a heading's items open, from ``paras[start]`` on (within MAX_ITEMS paragraphs)."""
    return [p for p in paras[start:start + MAX_ITEMS] if p.heading is not None and p.heading.parent == heading_id]


def _run_of(items: list[Paragraph], paras: list[Paragraph], start: int) -> list[Paragraph]:
    """The items of one run from ``paras[start]`` on, up to the first paragraph between them that is neither one nor under one."""
    ids = {id(p) for p in items}
    run: list[Paragraph] = []
    for para in paras[start:]:
        if len(run) == len(items):
            break  # (no item of the run is left to meet: not read on to the plan's end for each 【】 line)
        if id(para) in ids:
            run.append(para)
        elif para.heading is not None and para.heading.level < ITEM_LEVEL or para.attribution_only:
            break
    return run


def hand_down_same(text: str, paras: list[Paragraph], rules: RuleSet) -> None:
    """An item with no clause that says its attribution is the item's before
    it ("…招录农村订单定向医学生60名。责任单位同上。", ``rules.tasks.same_as_above``):
    that item's clauses, in their roles, its own words after them ("责任单位同上，
    2026年10月底前完成。") dating it (city-trailing-attribution-sentences-2026)."""
    same = rules.tasks.same_as_above
    before: Paragraph | None = None
    for para in paras:
        if para.heading is None:
            continue
        if not para.clauses and before is not None and before.heading.style == para.heading.style:
            found = same.search(text, para.start, para.end)
            if found is not None:
                para.clauses = [replace(c, start=found.start(), end=para.end, inner_start=found.start(),
                                        inner_end=found.end(), rule="clause.same_as_above") for c in before.clauses]
        if para.clauses:
            before = para


def _words_of_its_own(text: str, paras: list[Paragraph], at: int, first_item: Paragraph) -> bool:
    """Whether a paragraph of words stands between a heading and its first
    item ("（一）实施老旧小区改造行动（牵头单位：县住建局）" / "全面排查老旧小区，…改造100个。"
    / "1．…"): the heading's own task, which its clause closes."""
    for para in paras[at + 1:]:
        if para is first_item:
            return False
        if para.heading is None and has_words(text, para.start, para.end) and not _INTRODUCES.search(text, para.start, para.end):
            return True
    return False


# (a line that introduces the items: "重点做好以下工作：", "具体任务如下。")
_INTRODUCES = re.compile(r"[:：][ \t]*$|如下|以下")
MAX_INTRODUCTION = 16  # characters of words after a heading's clause that only introduce its items


def _words_after(text: str, start: int, end: int) -> bool:
    """Whether a heading's paragraph has words of its own after its clause — not those that only introduce
    the items under it ("（三）深化…整治。由市生态环境局牵头，重点抓好以下工作：", city-lead-first-sentences-2025)."""
    words = text[start:end].strip(" \t\n，,。")
    return has_words(text, start, end) and not (len(words) <= MAX_INTRODUCTION and _INTRODUCES.search(words))


def handed_to_items(clauses: list[FoundClause], end: int) -> list[FoundClause]:
    """Clauses written once for several items, as each item's: marked BLOCK_RULE, the last one's words
    reaching ``end`` (its words' end, where a date may stand: "…配合，2025年底前完成")."""
    return [replace(c, rule=BLOCK_RULE, end=max(c.end, end) if k == len(clauses) - 1 else c.end)
            for k, c in enumerate(clauses)]


def give_to(items: list[Paragraph], handed: list[FoundClause], *, lend_lead: bool) -> None:
    """The ``handed`` clauses to each item with none of its own (an item's own clause is its whole
    attribution); with ``lend_lead``, an item whose own clause names no lead gets the lead,
    participants and implementers of the handed ones."""
    for item in items:
        if not item.clauses:
            item.clauses = list(handed)
        elif lend_lead and not any(c.parsed.lead for c in item.clauses):
            own = item.clauses[-1]
            item.clauses[-1] = replace(own, parsed=replace(
                own.parsed, lead=[r for c in handed for r in c.parsed.lead],
                participants=[*own.parsed.participants, *(r for c in handed for r in c.parsed.participants)],
                implementers=[*own.parsed.implementers, *(r for c in handed for r in c.parsed.implementers)]))


def _items_above(paras: list[Paragraph], at: int, first: int | None, last: int | None) -> list[Paragraph]:
    """The items a block at paragraph ``at`` names: numbered ``first`` to ``last``, else the items of the
    style nearest above it, back to the heading over them."""
    items: list[Paragraph] = []
    style = level = None
    for j in range(at - 1, max(-1, at - 1 - 4 * MAX_ITEMS), -1):
        if paras[j].handed_on and first is None:
            break  # (the block before it: its items are that one's)
        heading = paras[j].heading
        if heading is None:
            continue
        if style is None:
            if first is not None and (heading.number is None or not first <= heading.number <= last) \
                    or first is None and heading.level > ITEM_LEVEL:
                continue  # (a sub-item's heading under the last item named: "（1）" under "2.")
            style, level = heading.style, heading.level
        if heading.level < level and first is None:
            break  # (the heading over the items; a range may run on over it: "以上第1—6项")
        if heading.level > level and level < ITEM_LEVEL and first is None:
            break  # (the items of the group before: "（二）…" over no item, then "以上任务由…")
        if heading.style != style or heading.level != level:
            continue
        if first is not None and (heading.number is None or heading.number < first):
            break
        if first is None or heading.number <= last:
            items.append(paras[j])
        if len(items) >= MAX_ITEMS:
            break
    return items


def hand_to_the_group(units: list, index: SectionIndex, previous, block: FoundClause) -> bool:
    """Clause lines at the end of a group of the plan's items, after an item with a clause of its own ("（三）…"
    over "9.…" "10.…" "11.…（…牵头）", then "责任单位：县城市管理局（牵头）、…；完成时限：…"), in a group with at
    least two items with none: they are each of those items' (an item's own clause stays its whole
    attribution), not more of the last item's. (Sub-items, "（1）" under "5.", are one item's: ``UnitBuilder._item_over``.)"""
    heading = previous.at_marker
    if heading is None or heading.level > ITEM_LEVEL or heading.parent is None or previous.clause is None:
        return False  # (lines under an item with no clause of its own are its fields: county-ocr-2023)
    parent = index.by_id.get(heading.parent)
    if parent is None or parent.kind != "heading" or not parent.span[0] < block.start <= parent.end:
        return False
    following = bisect.bisect_right(index.starts, previous.start)
    if following < len(index.starts) and index.starts[following] < parent.end:
        return False  # (a heading after the item, inside the group)
    siblings = [u for u in units if u.at_marker is not None and u.at_marker.parent == parent.id
                and u.at_marker.style == heading.style]
    bare = [u for u in siblings if u.clause is None and not u.subclauses]
    if len(bare) < 2:
        return False
    for unit in bare:
        unit.clause = replace(block, rule="clause.group_lines")
    return True


# a later item of an enumeration in the same paragraph ("…，二是建立工作专班，三是…")
_NEXT_ENUMERATED = re.compile(r"[，,；;。][ \t]{0,4}[二三四五六七八九十]{1,3}(?:是|要)")


def one_clause_for_all(words: str, para: Paragraph) -> bool:
    """Whether a paragraph's one clause stands after the last of its enumerated items ("一是成立…，二是建立…，
    三是…。（县委办负责）"), not after its first ("一是统筹用好…（市财政局牵头）。二是…")."""
    last = None
    for last in _NEXT_ENUMERATED.finditer(words):
        pass
    return len(para.clauses) == 1 and last is not None and para.clauses[0].start - para.start > last.start()
