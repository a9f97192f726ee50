"""Searching with the standard library's ``re`` where it finds the same
matches as ``regex``, faster.

The rules are ``regex`` patterns. For some of them ``re`` is several times
faster: a pattern that opens with a list of words ("新增…10家") is searched
by ``re`` with its literal-prefix scan (4× on the verb-and-object targets).
For one that opens with an optional word ("分别达到80%") neither engine can
scan, and ``regex`` tries the whole pattern at every position; there ``re``
finds where one of its opening words stands, and the pattern is tried there
alone. A pattern that opens with a lookbehind stays with ``regex``, which is
faster at those.

A pattern gets a twin only when ``re`` reads it alike: ``\\s`` is written out
as the characters ``regex`` takes for it (``re`` also takes \\x1c–\\x1f), and a
pattern with anything else the two read differently (``\\w``, ``\\d``, ``\\b``,
``\\p{…}``, flags, nested sets) or that ``re`` cannot compile (a lookbehind of
varying width) keeps ``regex`` alone.
"""

from __future__ import annotations

import re
from typing import Iterator

import regex

from policyx.text.anchors import _parse
from policyx.text.warm import WhenWarm

# what regex's \s takes (Unicode White_Space); re's \s also takes \x1c-\x1f
_SPACE = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
_UNSURE_ESCAPES = frozenset("SdDwWbBpPXNGKLEQ123456789")
_FLAGS = re.compile(r"\(\?[a-zA-OQ-Z^]")  # an inline flag (not (?P<…>, (?:, (?=, (?<…)


def twin_source(source: str) -> str | None:
    """``source`` as ``re`` reads it alike, or None.

    >>> twin_source(r"[^\\s,]{1,3}\\s*+x")
    '[^\\\\t\\\\n\\\\x0b\\\\x0c\\\\r \\\\x85\\\\xa0\\\\u1680\\\\u2000-\\\\u200a\\\\u2028\\\\u2029\\\\u202f\\\\u205f\\\\u3000,]{1,3}[\\\\t\\\\n\\\\x0b\\\\x0c\\\\r \\\\x85\\\\xa0\\\\u1680\\\\u2000-\\\\u200a\\\\u2028\\\\u2029\\\\u202f\\\\u205f\\\\u3000]*+x'
    """
    if _FLAGS.search(source):
        return None
    out: list[str] = []
    in_set = False
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            following = source[i + 1:i + 2]
            if following in _UNSURE_ESCAPES or not following:
                return None
            out.append((_SPACE if in_set else f"[{_SPACE}]") if following == "s" else source[i:i + 2])
            i += 2
            continue
        if in_set and ch == "[":
            return None  # a nested set, or a POSIX class
        if in_set and ch == "]" and out[-1] not in ("[", "[^"):
            in_set = False
        elif not in_set and ch == "[":
            in_set = True
            opener = "[^" if source.startswith("[^", i) else "["
            out.append(opener)
            i += len(opener)
            if source.startswith("]", i):  # a "]" first in a set is itself
                out.append("]")
                i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def twin(pattern: regex.Pattern) -> re.Pattern | None:
    """``pattern`` compiled by ``re`` (same matches), or None."""
    if pattern.flags & (regex.IGNORECASE | regex.VERBOSE | regex.ASCII | regex.LOCALE | regex.WORD | regex.FULLCASE
                        | regex.V1 | regex.BESTMATCH | regex.ENHANCEMATCH | regex.POSIX | regex.REVERSE):
        return None
    source = twin_source(pattern.pattern)
    if source is None:
        return None
    flags = (re.MULTILINE if pattern.flags & regex.MULTILINE else 0) | (re.DOTALL if pattern.flags & regex.DOTALL else 0)
    try:
        return re.compile(source, flags)
    except (re.error, ValueError, OverflowError):
        return None


def leading_words(source: str, flags: int = 0) -> tuple[tuple[str, ...], bool] | None:
    """Words of which every match of ``source`` starts with one (what may
    stand before them is zero-width: a lookbehind), and whether one of them
    is optional ("分别" in "(?:分别)?达到…") or behind a lookaround — where
    ``re`` cannot scan for them itself; None when not known.

    >>> leading_words(r"(?:(?:分别|各)\\s*)?(?:达到|(?<!作)为)[0-9]")
    (('分别', '各', '达到', '为'), True)
    """
    try:
        from regex import _regex_core as core

        node = _parse(core, source, flags)
        found = None if _can_be_empty(core, node) else _leading(core, node)
    except Exception:  # noqa: BLE001 - unreadable: no words
        return None
    return None if found is None else (tuple(dict.fromkeys(found[0])), found[1])


def _literal(core, node) -> bool:
    return isinstance(node, core.Character) and node.positive and not node.case_flags and not node.zerowidth


def _leading(core, node) -> tuple[list[str], bool] | None:
    if _literal(core, node):
        return [chr(node.value)], False
    if isinstance(node, core.Sequence):
        return _leading_of_sequence(core, node.items)
    if isinstance(node, core.Branch):
        found = [_leading(core, branch) for branch in node.branches]
        if not all(found):
            return None
        return [w for words, _ in found for w in words], any(optional for _, optional in found)  # type: ignore[misc]
    if isinstance(node, (core.Group, core.Atomic, core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)):
        return _leading(core, node.subpattern)
    return None


def _leading_of_sequence(core, items: list) -> tuple[list[str], bool] | None:
    words: list[str] = []
    optional = False
    i = 0
    while i < len(items) and isinstance(items[i], core.LookAround):
        i += 1  # (a lookbehind or lookahead takes no character)
        optional = True
    while i < len(items):
        item = items[i]
        if _literal(core, item):
            run = ""
            while i < len(items) and _literal(core, items[i]):
                run += chr(items[i].value)
                i += 1
            return [*words, run], optional
        found = _leading(core, item)
        if found is None:
            return None
        words.extend(found[0])
        optional = optional or found[1]
        if not _can_be_empty(core, item):
            return words, optional
        optional = True
        i += 1
    return None  # the whole can match nothing


def _can_be_empty(core, node) -> bool:
    if isinstance(node, (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)):
        return node.min_count == 0 or _can_be_empty(core, node.subpattern)
    if isinstance(node, (core.Group, core.Atomic)):
        return _can_be_empty(core, node.subpattern)
    if isinstance(node, core.Sequence):
        return all(_can_be_empty(core, item) for item in node.items)
    if isinstance(node, core.Branch):
        return any(_can_be_empty(core, branch) for branch in node.branches)
    return isinstance(node, core.LookAround)


class _Plan:
    """How one pattern is searched: its twin over the whole text; its twin
    tried where one of its opening words stands; or ``regex`` itself."""

    __slots__ = ("pattern", "twin", "short", "words", "inner")

    def __init__(self, pattern: regex.Pattern) -> None:
        self.pattern = pattern
        self.twin = twin(pattern)
        self.short = self.twin or pattern  # (see short())
        self.words: re.Pattern | None = None
        self.inner: dict[str, tuple[int, ...]] = {}
        opening = leading_words(pattern.pattern, pattern.flags) if self.twin is not None else None
        if opening is None:
            self.twin = None  # (no word to scan for: regex is the faster at lookbehinds)
            return
        words, optional = opening
        if optional:
            ordered = sorted(set(words), key=len, reverse=True)
            self.words = re.compile(_longest_of(ordered))
            # where, inside a word found, another may start ("不低于" holds "低于")
            self.inner = {w: tuple(k for k in range(1, len(w)) if any(o.startswith(w[k:]) or w[k:].startswith(o)
                                                                     for o in ordered)) for w in ordered}

    def finditer(self, text: str) -> Iterator:
        if self.twin is None:
            return self.pattern.finditer(text)
        if self.words is None:
            return self.twin.finditer(text)
        return self._at_words(text)

    def _at_words(self, text: str) -> Iterator:
        """The twin tried at every place one of the opening words starts, as
        finditer tries every position: left to right, each match after the last."""
        match, starts_word, inner = self.twin.match, self.words.match, self.inner
        end = 0
        for hit in self.words.finditer(text):
            at = hit.start()
            if at >= end:
                m = match(text, at)
                if m is not None:
                    end = m.end()
                    yield m
            for k in inner[hit.group()]:  # (mostly none)
                if at + k >= end and starts_word(text, at + k):
                    m = match(text, at + k)
                    if m is not None:
                        end = m.end()
                        yield m


def _longest_of(words: list[str]) -> str:
    """A pattern finding, where one of ``words`` starts, the longest there, as
    their alternation longest first does; written as a tree of their first
    characters, so that a place is not tried against every word in turn.

    >>> _longest_of(["不低于", "不少于", "低于", "达到", "达"])
    '不(?:低于|少于)|低于|达(?:到)?'
    """
    branches: dict[str, list[str]] = {}
    for w in words:
        branches.setdefault(w[0], []).append(w[1:])
    out = []
    for first, rests in branches.items():
        if len(rests) == 1:
            out.append(re.escape(first + rests[0]))
            continue
        longer = [r for r in rests if r]
        tail = f"(?:{_longest_of(longer)})" + ("?" if len(longer) < len(rests) else "") if longer else ""
        out.append(re.escape(first) + tail)
    return "|".join(out)


_PLANS: WhenWarm[_Plan] = WhenWarm(_Plan)
# Making a plan (re compiling a twin, reading a pattern's opening words) costs
# 0.1-14 ms a pattern, ~35 ms for those in use: more than a short plan's
# extraction saves. A pattern is searched by regex until it has searched this
# many characters (a short string counts SHORT_CHARS), then gets its plan: a
# command reading one plan makes none, a batch or a library caller makes them
# in its first plans. (Either way the matches are the same.)
WARM_CHARS = 100_000
SHORT_CHARS = 40


_MADE = _PLANS.made  # (looked up first: a clause's or a unit's searches ask tens of thousands of times a plan)


def _plan(pattern: regex.Pattern, chars: int) -> _Plan | None:
    """The pattern's plan, or None while it is searched by regex alone."""
    return _MADE.get(pattern) or _PLANS.get(pattern, chars, WARM_CHARS)


def finditer(pattern: regex.Pattern, text: str) -> Iterator:
    """``pattern.finditer(text)``: the same matches (spans and groups), found
    by ``re`` where that is faster (:class:`_Plan`)."""
    plan = _plan(pattern, len(text))
    return pattern.finditer(text) if plan is None else plan.finditer(text)


def short(pattern: regex.Pattern, uses: int = 1):
    """The twin of a pattern whatever it opens with, else the pattern: for
    the short strings of a clause or a unit, where the call costs more than
    the search (``re``'s calls are about half as dear), not for a whole text.
    ``uses``: the searches of a short string the answer is asked for."""
    plan = _MADE.get(pattern) or _PLANS.get(pattern, SHORT_CHARS * uses, WARM_CHARS)
    return pattern if plan is None else plan.short


def warm(pattern: regex.Pattern) -> bool:
    """Whether the pattern has its plan: :func:`short` gives the same from now on."""
    return pattern in _MADE


def search(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """``pattern.search(text, pos, endpos)``, by the twin when it opens with a
    word that is not optional (``re`` reads ``pos`` and ``endpos`` as ``regex``
    does: a lookbehind sees before ``pos``, the text ends at ``endpos``)."""
    plan = _plan(pattern, len(text))
    if plan is not None and plan.twin is not None and plan.words is None:
        return plan.twin.search(text, pos, len(text) if endpos is None else endpos)
    return pattern.search(text, pos, endpos)
