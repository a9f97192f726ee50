"""What is worked out about a pattern only once it has proved worth it."""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

import regex

from policyx.text.anchors import opens_lines, required_words
from policyx.text.stored_patterns import compiled

T = TypeVar("T")


class WhenWarm(Generic[T]):
    """``make(pattern)``, kept per pattern, made only once the pattern has
    been searched over ``after`` characters (None before): reading a pattern
    costs up to milliseconds, more than a command reading one plan saves,
    while a batch or a library caller gets it within its first plans."""

    def __init__(self, make: Callable[[regex.Pattern], T]) -> None:
        self.make = make
        self.made: dict[regex.Pattern, T] = {}
        self.searched: dict[regex.Pattern, int] = {}

    def get(self, pattern: regex.Pattern, chars: int, after: int) -> T | None:
        """What is made for ``pattern``, counting ``chars`` more searched; None while under ``after``."""
        made = self.made.get(pattern)
        if made is None:
            searched = self.searched[pattern] = self.searched.get(pattern, 0) + chars
            if searched < after:
                return None
            made = self.made[pattern] = self.make(pattern)
        return made


_WORDS: WhenWarm[tuple[str, ...]] = WhenWarm(lambda pattern: required_words(pattern.pattern, pattern.flags))
# reading a pattern's words costs ~1 ms (regex's parser): done once the
# pattern has been run over this many characters, not for a single plan
WORDS_AFTER_CHARS = 100_000


def may_hold_words(pattern: regex.Pattern, text: str) -> bool:
    """False when ``text`` lacks every word of which each match of the
    pattern holds one: a pattern that can start anywhere is then not tried
    at every position for nothing."""
    words = _WORDS.get(pattern, len(text), WORDS_AFTER_CHARS)
    return words is None or not words or any(w in text for w in words)


def search_lines(pattern: regex.Pattern, text: str) -> regex.Match | None:
    """``pattern.search(text)`` for a pattern every match of which starts a
    line (MULTILINE, opening with ``^``, no alternation around it).

    ``regex`` tries such a pattern's ``^`` at every position (~30 ns a
    character); the same pattern opening with a newline instead is looked
    for by its fast scan for that character, thirty times faster. Its first
    match stands one before the first match of the pattern, which is then
    matched there (and at the text's start, where no newline stands).

    >>> search_lines(regex.compile(r"^(?P<year>\\d{4})年$", regex.M), "印发\\n2016年\\n").group("year")
    '2016'
    """
    after_newline = _AFTER_NEWLINE.get(pattern, len(text), WORDS_AFTER_CHARS)
    if after_newline is None or after_newline is _NOT_AT_LINES:
        return pattern.search(text)
    found = pattern.match(text)
    if found is None and (newline := after_newline.search(text)) is not None:
        found = pattern.match(text, newline.start() + 1)
    return found


_NOT_AT_LINES = regex.compile("")  # (a sentinel of its own)


def _after_newline(pattern: regex.Pattern) -> regex.Pattern:
    """``pattern`` with the ``^`` that opens it written as a newline
    (``_NOT_AT_LINES`` when it does not open every match with a line start)."""
    flags_end = _LEADING_FLAGS.match(pattern.pattern).end()  # type: ignore[union-attr]
    if pattern.pattern.startswith("^", flags_end) and opens_lines(pattern.pattern, pattern.flags):
        return compiled(pattern.pattern[:flags_end] + "\\n" + pattern.pattern[flags_end + 1:], pattern.flags)
    return _NOT_AT_LINES


_AFTER_NEWLINE: WhenWarm[regex.Pattern] = WhenWarm(_after_newline)
_LEADING_FLAGS = compiled(r"(?:\(\?[a-zA-Z]+\))*+")
