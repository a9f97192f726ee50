"""Values worked out from an object that is dear or impossible to hash — a
rule set's mapping of requirements, its clause rules — kept by the object's
identity for the last few objects asked about."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class KeptByIdentity(Generic[T]):
    """``kept.get(obj)``: the value put for this very object, else None. Each
    value is kept with its object, so a new object given the id of a dead one
    is never taken for it; past ``keep`` objects, all are forgotten (a caller
    loading rule sets again and again keeps only the last few)."""

    __slots__ = ("keep", "_kept")

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self._kept: dict[int, tuple[object, T]] = {}

    def get(self, obj: object) -> T | None:
        entry = self._kept.get(id(obj))
        return entry[1] if entry is not None and entry[0] is obj else None

    def put(self, obj: object, value: T) -> T:
        if len(self._kept) >= self.keep and id(obj) not in self._kept:
            self._kept.clear()
        self._kept[id(obj)] = (obj, value)
        return value


class Memo(dict):
    """Readings kept by their words, forgotten all at once past ``most`` (a
    text of endless distinct words stays within bounds); words longer than
    ``longest`` are never kept: they are read each time they are asked about.

    >>> memo = Memo(most=2, longest=3)
    >>> memo.keep("甲", 1), memo.keep("乙", 2), memo.keep("一二三四", 4), sorted(memo)
    (1, 2, 4, ['乙', '甲'])
    >>> memo.keep("丙", 3), sorted(memo)
    (3, ['丙'])
    """

    __slots__ = ("most", "longest")

    def __init__(self, most: int, longest: int | None = None) -> None:
        super().__init__()
        self.most, self.longest = most, longest

    def keep(self, key, value: T) -> T:
        """``value``, kept for ``key`` unless the key's words are too long."""
        if self.longest is None or len(key) <= self.longest:
            if len(self) >= self.most:
                self.clear()
            self[key] = value
        return value

    def forget_if_full(self) -> None:
        """Forget everything once past ``most``: for a memo read throughout
        a plan and bounded only between plans."""
        if len(self) > self.most:
            self.clear()
