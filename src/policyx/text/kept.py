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
