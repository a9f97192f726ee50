"""What is worked out about a pattern only once it has proved worth it."""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

import regex

from policyx.text.anchors import required_words

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
