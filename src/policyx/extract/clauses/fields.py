"""The other fields of a labelled clause ("，完成时限：2018年底"): blanked out of
the words its units are read from, their spans kept (their times are the task's)."""

from __future__ import annotations

from policyx.extract.clauses.searches import Searches

_COMMAS = frozenset(",，")


def blank(text: str, start: int, end: int) -> str:
    """``text`` with spaces from ``start`` to ``end`` (the same length: spans stay)."""
    return text[:start] + " " * (end - start) + text[end:]


def cut_other_fields(core: str, found: Searches, notes: list[tuple[int, int]], offset: int) -> str:
    """Blank the other fields of a labelled clause, each up to the next
    phrase that names units; their absolute spans are added to ``notes``."""
    for stop in list(found.label_stop.finditer(core)):
        end = stop.end()
        following = found.phrase_separators.search(core, end)
        end = following.start() if following else len(core)
        while following is not None and core[end] in _COMMAS and not _names_a_unit(core, end + 1, found):
            # a time's own phrases ("完成时限：6月底前完成造林任务，松材线虫病防治长期坚持", city-checklist-2025)
            following = found.phrase_separators.search(core, end + 1)
            end = following.start() if following else len(core)
        notes.append((offset + stop.start(), offset + end))
        core = blank(core, stop.start(), end)
    return core


def _names_a_unit(core: str, start: int, found: Searches) -> bool:
    """Whether the phrase from ``start`` holds a role word or a label: units, not a time's words."""
    following = found.phrase_separators.search(core, start)
    end = following.start() if following else len(core)
    return found.role_pattern.search(core, start, end) is not None or found.label_pattern.search(core, start, end) is not None
