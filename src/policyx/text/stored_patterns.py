"""The patterns written in policyx's code, compiled once and kept on disk.

Compiling the seventy-odd ``regex`` patterns the modules of a command define
took 20–25 ms of a 0.3 s ``policyx extract``, on every run; the ``regex``
module pickles a pattern with its compiled code, so loading them back costs
a few milliseconds. The compiled rules are kept the same way
(rules/cache.py); these are the code's own, which the rules cache never
held.

A pattern is stored under its source, flags and ``regex``'s default version
(which a library user may set), so a change of the code
asks for a pattern not yet stored, which is compiled and added; the file's
name is a digest of policyx's, Python's and ``regex``'s versions (the form of
compiled code). Patterns compiled in a run are written when the run ends
(:func:`save`: by ``policyx``'s own exit, else at the interpreter's); where
the file lives, when it is trusted, and how it is written: policyx/cache.py.
Patterns given named lists, and ``re`` patterns (which pickle as their source
only), are compiled as before.
"""

from __future__ import annotations

import atexit
import functools

import regex

from policyx import cache as _cache

_KIND = "patterns"
_MOST = 2000  # patterns kept; past it, only those this run compiled or used are written back

_stored: dict[tuple[str, int, int], regex.Pattern] | None = None
_used: set[tuple[str, int, int]] = set()
_added = False


def compiled(source: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(source, flags)``, from the store when it holds it."""
    stored = _loaded()
    key = (source, flags, regex.DEFAULT_VERSION)  # (a caller may have set V1 as the default: compiled otherwise)
    found = stored.get(key)
    if found is None:
        found = stored[key] = regex.compile(source, flags)
        _note_added()
    _used.add(key)
    return found


def _loaded() -> dict[tuple[str, int, int], regex.Pattern]:
    global _stored
    if _stored is None:
        kept = _cache.load(_KIND, _key())
        _stored = kept if isinstance(kept, dict) else {}
    return _stored


def _note_added() -> None:
    global _added
    if not _added:
        _added = True
        atexit.register(save)


def save() -> None:
    """Write the store if this run compiled a pattern it did not hold (best
    effort: a store that cannot be written is no error)."""
    global _added
    if not _added:  # (a pattern added: the store was read or begun)
        return
    _added = False
    kept = _stored if len(_stored) <= _MOST else {k: v for k, v in _stored.items() if k in _used}
    _cache.store(_KIND, _key(), kept)


@functools.lru_cache(maxsize=1)  # (asked when the store is read and when it is written)
def _key() -> str:
    return _cache.versions_digest().hexdigest()


__all__ = ["compiled", "save"]
