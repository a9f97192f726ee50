"""The other fields of a labelled clause ("，完成时限：2018年底"): blanked out of
the words its units are read from, their spans kept (their times are the task's)."""

from __future__ import annotations

from policyx.extract.clauses.searches import Searches
from policyx.text.stored_patterns import compiled

_COMMAS = frozenset(",，")


def blank(text: str, start: int, end: int) -> str:
    """``text`` with spaces from ``start`` to ``end`` (the same length: spans stay)."""
    return text[:start] + " " * (end - start) + text[end:]


def cut_other_fields(core: str, found: Searches, notes: list[tuple[int, int]], offset: int) -> str:
    """Blank the other fields of a labelled clause, each up to the next
    phrase that names units; their absolute spans are added to ``notes``."""
    for stop in list(found.label_stop.finditer(core)):
        if not found.rules.time_field.search(stop.group()):
            # (a goal's or a source's words run to the next label: "工作目标：…，行政执法“三项制度”落实率100%" names
            # no unit, though a role word stands in it; city-bureau-internal-tasks-2026)
            following = found.label_pattern.search(core, stop.end())
            end = following.start() if following else len(core)
            notes.append((offset + stop.start(), offset + end))
            core = blank(core, stop.start(), end)
            continue
        end = _phrase_end(core, stop.end(), found)
        # a time's own phrases ("完成时限：6月底前完成造林任务，松材线虫病防治长期坚持", city-checklist-2025)
        while end < len(core) and core[end] in _COMMAS:
            following = _phrase_end(core, end + 1, found)
            if _names_a_unit(core, end + 1, following, found):
                break
            end = following
        notes.append((offset + stop.start(), offset + end))
        core = blank(core, stop.start(), end)
    return core


def _phrase_end(core: str, start: int, found: Searches) -> int:
    """Where the phrase from ``start`` ends: at the next phrase separator, or the clause's end."""
    following = found.phrase_separators.search(core, start)
    return following.start() if following else len(core)


def _names_a_unit(core: str, start: int, end: int, found: Searches) -> bool:
    """Whether the phrase from ``start`` to ``end`` holds a role word or a label: units, not a time's words."""
    return found.role_pattern.search(core, start, end) is not None or found.label_pattern.search(core, start, end) is not None


# the number of the next field's line, when the fields stand numbered one a line under their item
# ("…住房城乡建设局\n3.责任单位：…", city-nested-fields-2026)
_FIELDS_NUMBER = compiled(r"\s{1,4}[0-9]{1,2}[.、．][ \t]{0,2}$")
_FIELDS_NUMBER_TAIL = 12


def without_next_fields_number(body: str) -> str:
    """A unit list without the number that opens the next field's line."""
    tail = _FIELDS_NUMBER.search(body[-_FIELDS_NUMBER_TAIL:])
    return body[: len(body) - len(tail.group())] if tail else body
