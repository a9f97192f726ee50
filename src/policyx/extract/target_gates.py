"""Which target families a stretch may hold: the characters each family's
patterns need (``RuleSet.requires``), asked once a stretch — a stretch that
lacks them all is not read, and a family lacking its own is not searched."""

from __future__ import annotations

import re
from itertools import product
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
# each answer made once (a namedtuple is dear to make, and asked of every stretch); None: no family
_BY_HELD = {held: Possible._make(held) if any(held) else None
            for held in product((False, True), repeat=len(Possible._fields))}


def possible_families(text: str, masked: str, requires: Mapping[str, Anchors] | None) -> Possible | None:
    """The families ``masked`` (``text`` with the titles of other documents
    blanked) may hold; None when it holds none. A first search for a
    character of any family's first set turns away most headings and lines."""
    if not requires:
        return EVERY_FAMILY
    gates = _BY_MAPPING.get(requires) or _gates_of(requires)
    if gates.firsts is not None and gates.firsts(text) is None:
        return None
    # (asked of the masked text that is searched: blanking only takes characters away)
    searches = gates.searches
    found: list[bool | None] = [None] * len(searches)  # (families share sets: the digits)
    held = []
    for family in gates.families:  # (a loop here, not a call a family: asked of every stretch)
        for i in family:
            holds = found[i]
            if holds is None:
                holds = found[i] = searches[i](masked) is not None
            if not holds:
                held.append(False)
                break
        else:
            held.append(True)
    return _BY_HELD[tuple(held)]


def may_hold_bound(text: str, rules: TargetRules) -> bool:
    """Whether ``text`` holds a bound word ("以上", "左右"): every value-first match ends with one."""
    search = _BOUND_WORDS.get(rules.bare_pattern)
    if search is None:
        words = sorted(rules.bound_of, key=len, reverse=True)
        search = _BOUND_WORDS[rules.bare_pattern] = re.compile("|".join(map(re.escape, words)) or "(?!)").search
    return search(text) is not None


class _Gates(NamedTuple):
    """The searches of a set of requirements: for a character of any first
    set (None: a family may match anywhere), and for each distinct set; each
    family's sets, as indices of those searches."""

    firsts: Callable[[str], re.Match | None] | None
    searches: tuple[Callable[[str], re.Match | None], ...]
    families: tuple[tuple[int, ...], ...]


def _gates_of(requires: Mapping[str, Anchors]) -> _Gates:
    """The searches of a rule set's requirements, kept by the mapping's
    identity (a plan asks for every stretch; a tuple of its sets would be
    made and hashed again each time)."""
    gates = _BY_MAPPING.get(requires)
    if gates is None:
        alternatives = target_requires(requires)
        firsts = first_chars_search(alternatives)
        distinct = list(dict.fromkeys(chars for required in alternatives for chars in required))
        families = tuple(tuple(map(distinct.index, required)) for required in alternatives)
        searches = tuple(any_char(chars).search for chars in distinct)
        gates = _BY_MAPPING.put(requires, _Gates(firsts.search if firsts is not None else None, searches, families))
    return gates


_BY_MAPPING: KeptByIdentity[_Gates] = KeptByIdentity(8)
# a search for the bound words, by the value-first pattern they end
_BOUND_WORDS: dict[regex.Pattern, Callable[[str], re.Match | None]] = {}
