"""A convention on lists a plan notes once for all of them ("注：…排在第一位的为牵头单位"),
not for its own list nor for a table's."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from policyx.extract.clauses import find_clauses
from policyx.rules import RuleSet
from policyx.text.stored_patterns import compiled

if TYPE_CHECKING:
    from policyx.extract.tasks.paragraphs import Paragraph


def noted_for_the_plan(text: str, paras: list[Paragraph], rules: RuleSet, tables: tuple[tuple[int, int], ...]) -> str | None:
    """A convention a note states on its own, for every list of the plan,
    before or after them ("注：标★的为省考核事项；责任单位排在第一位的为牵头单位，
    其余为配合单位。" under the last item, city-business-environment-2026; "注：…
    未标注的，排在第一位的为牵头单位。" before the annexed table, county-units-with-lead-marks-and-legend-2026):
    not one a clause states for its own list (or, with 下同, the lists after it), nor one by a table."""
    starts = [p.start for p in paras]
    for convention in rules.responsibility.conventions:
        found = convention.pattern.search(text)
        at = bisect.bisect_right(starts, found.start()) - 1 if found else -1
        if at < 0 or found.start() >= paras[at].end \
                or any(_by_the_table(found.start(), start, end, text) for start, end in tables) \
                or tables and _OF_THE_TABLES.search(text, max(paras[at].start, found.start() - _SCOPE_REACH), found.start()):
            continue  # (…nor one that says it is the annex's: "附件中责任单位有两个及以上的，列第一位者为…", county-key-projects-2026)
        clauses = find_clauses(text[paras[at].start:paras[at].end], paras[at].start, rules.departments,
                               rules.responsibility)
        # (in a copy run together, the note after an item's clause: a note still, "…）各项任务的责任单位中，排在首位的…";
        # not "其中，排在第一位的…", the item's own list)
        if not clauses or not any(c.start <= found.start() < c.end for c in clauses) \
                and not _ITS_OWN_LIST.search(text, max(paras[at].start, found.start() - _NOTE_REACH), found.start()):
            return convention.effect
    return None


# characters before a table (a note under its caption) and after it (its notes) where a note is the table's
_CAPTION_NOTE_REACH, _TABLE_NOTE_REACH = 80, 160


def _by_the_table(at: int, start: int, end: int, text: str) -> bool:
    """Whether a note at ``at`` is the table's from ``start`` to ``end``: in it, under it, or over it with no
    annex's line between ("注：…排在第一位的为牵头单位。" at the body's end, then "附件" and the table: the plan's)."""
    if start <= at <= end + _TABLE_NOTE_REACH:
        return True
    return start - _CAPTION_NOTE_REACH <= at < start and _ANNEX_LINE.search(text, at, start) is None


_ANNEX_LINE = compiled(r"\n[ \t\u3000]*+附[件表]")
_ITS_OWN_LIST = compiled(r"其中[ \t]*+[,，]?[ \t]*+(?:责任单位|单位|部门)?[ \t]*+(?:中)?[,，]?[ \t]*+$")
_NOTE_REACH = 12  # characters: how far before the convention "其中" may stand
_SCOPE_REACH = 24  # …and "附件中", "表中" (the note's scope: "附件中责任单位有两个及以上的，")
_OF_THE_TABLES = compiled(r"(?:附件|附表|表格?|清单)[0-9一二三四五六七八九十]{0,2}中")
