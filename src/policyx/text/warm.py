"""What is worked out about a pattern only once it has proved worth it."""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

import regex

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
