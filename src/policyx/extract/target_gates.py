"""Which target families a stretch may hold: the characters each family's
patterns need (``RuleSet.requires``), asked once a stretch — a stretch that
lacks them all is not read, and a family lacking its own is not searched."""

from __future__ import annotations

from typing import Mapping, NamedTuple

from policyx.text.presence import Anchors, first_chars_search, may_match

# the rule families a target is read by, as RuleSet.requires names them
TARGET_FAMILIES = ("target.comparator", "target.bound", "target.verb_object", "target.fixed")
_NONE_REQUIRED = ((),) * len(TARGET_FAMILIES)


def target_requires(requires: Mapping[str, Anchors]) -> tuple[Anchors, ...]:
    """Each target family's required characters (none known: an empty set of sets)."""
    return tuple(map(requires.get, TARGET_FAMILIES, _NONE_REQUIRED))


class Possible(NamedTuple):
    """Whether a stretch holds the required characters of each family."""

    comparator: bool
    bound: bool
    verb_object: bool
    fixed: bool


EVERY_FAMILY = Possible(True, True, True, True)


def possible_families(text: str, masked: str, requires: Mapping[str, Anchors] | None) -> Possible | None:
    """The families ``masked`` (``text`` with the titles of other documents
    blanked) may hold; None when it holds none. A first search for a
    character of any family's first set turns away most headings and lines."""
    if not requires:
        return EVERY_FAMILY
    alternatives = target_requires(requires)
    firsts = first_chars_search(alternatives)
    if firsts is not None and firsts.search(text) is None:
        return None
    # (asked of the masked text that is searched: blanking only takes characters away)
    possible = Possible(*(may_match(masked, required) for required in alternatives))
    return possible if any(possible) else None
