"""Which target families a stretch may hold: the characters each family's
patterns need (``RuleSet.requires``), asked once a stretch — a stretch that
lacks them all is not read, and a family lacking its own is not searched."""

from __future__ import annotations

import re
from typing import Callable, Mapping, NamedTuple

import regex

from policyx.rules.targets import TargetRules
from policyx.text.kept import KeptByIdentity
from policyx.text.presence import Anchors, any_char, first_chars_search

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
    gates = _gates_of(requires)
    if gates.firsts is not None and gates.firsts(text) is None:
        return None
    # (asked of the masked text that is searched: blanking only takes characters away)
    held = []
    for searches in gates.families:  # (a loop here, not a call a family: asked of every stretch)
        for search in searches:
            if search(masked) is None:
                held.append(False)
                break
        else:
            held.append(True)
    possible = Possible._make(held)
    return possible if any(possible) else None


def may_hold_bound(text: str, rules: TargetRules) -> bool:
    """Whether ``text`` holds a bound word ("以上", "左右"): every value-first match ends with one."""
    search = _BOUND_WORDS.get(rules.bare_pattern)
    if search is None:
        words = sorted(rules.bound_of, key=len, reverse=True)
        search = _BOUND_WORDS[rules.bare_pattern] = re.compile("|".join(map(re.escape, words)) or "(?!)").search
    return search(text) is not None


class _Gates(NamedTuple):
    """The searches of a set of requirements: for a character of any first
    set (None: a family may match anywhere), and for each set of each family."""

    firsts: Callable[[str], re.Match | None] | None
    families: tuple[tuple[Callable[[str], re.Match | None], ...], ...]


def _gates_of(requires: Mapping[str, Anchors]) -> _Gates:
    """The searches of a rule set's requirements, kept by the mapping's
    identity (a plan asks for every stretch; a tuple of its sets would be
    made and hashed again each time)."""
    gates = _BY_MAPPING.get(requires)
    if gates is None:
        alternatives = target_requires(requires)
        firsts = first_chars_search(alternatives)
        families = tuple(tuple(any_char(chars).search for chars in required) for required in alternatives)
        gates = _BY_MAPPING.put(requires, _Gates(firsts.search if firsts is not None else None, families))
    return gates


_BY_MAPPING: KeptByIdentity[_Gates] = KeptByIdentity(8)
# a search for the bound words, by the value-first pattern they end
_BOUND_WORDS: dict[regex.Pattern, Callable[[str], re.Match | None]] = {}
