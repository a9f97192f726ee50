"""Whether a text holds the characters a pattern needs (the sets
:func:`policyx.text.anchors.required_chars` reads from it): a text, or a
stretch of it, that lacks them is not searched."""

from __future__ import annotations

import re

Anchors = tuple[frozenset[str], ...]


def may_match(text: str, required: Anchors) -> bool:
    """False when ``text`` lacks every character of one of the ``required`` sets."""
    for chars in required:
        if any_char(chars).search(text) is None:
            return False
    return True


def may_match_any(text: str, alternatives: tuple[Anchors, ...]) -> bool:
    """Whether ``text`` may match one of several patterns (:func:`may_match`
    of any): first one search for a character of any pattern's first set.

    >>> may_match_any("一、总则", ((frozenset("低高"), frozenset("0123456789")), (frozenset("零"),)))
    False
    """
    firsts = first_chars_search(alternatives)
    if firsts is None:
        return True
    if firsts.search(text) is None:
        return False
    return any(may_match(text, a) for a in alternatives)


def first_chars_search(alternatives: tuple[Anchors, ...]) -> re.Pattern | None:
    """A search for a character of any pattern's first set — a stretch
    (``search(text, start, end)``) without one matches none of the
    patterns —; None when a pattern has no set (it may match anywhere).

    >>> first_chars_search(((frozenset("牵负"),), (frozenset("责牵"), frozenset(":：")))).search("一、总则（牵头单位）").start()
    5
    """
    if not all(alternatives):
        return None
    firsts = _FIRST_SETS.get(alternatives)
    if firsts is None:
        firsts = _FIRST_SETS[alternatives] = frozenset().union(*(a[0] for a in alternatives))
    return any_char(firsts)


_FIRST_SETS: dict[tuple[Anchors, ...], frozenset[str]] = {}
_SEARCHERS: dict[frozenset[str], re.Pattern] = {}


def any_char(chars: frozenset[str]) -> re.Pattern:
    """A search for a character of ``chars`` (one per set, kept), by ``re``: a
    set scanned in C (set.isdisjoint makes a string of each character of the text)."""
    found = _SEARCHERS.get(chars)
    if found is None:
        found = _SEARCHERS[chars] = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else "(?!)")
    return found
