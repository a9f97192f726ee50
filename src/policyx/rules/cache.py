"""Compiled rules kept on disk, so that a command does not compile them again.

Compiling the rule files (reading the YAML, expanding fragments, compiling
about two hundred patterns) takes 0.1–0.15 s, most of a short command's
time; loading the compiled RuleSet back takes a few milliseconds: the
``regex`` module pickles a pattern with its compiled code.

The cache file's name is a digest of everything the compiled rules depend
on: policyx's version, the Python and ``regex`` versions, the code that
compiles the rules (``policyx/rules/*.py``, ``policyx/text/*.py``,
``policyx/model.py``: each file's size and time of change) and the name and
content of every rule file in the order they are layered. Where the file is
kept, when it is trusted and how it is written: policyx/cache.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from policyx import cache as _store
from policyx.cache import cache_dir, versions_digest

_PACKAGE = Path(__file__).resolve().parents[1]


def _code() -> list[Path]:
    """The modules compiled rules are made by and hold: the rule compilers,
    the text helpers they call (anchors, fold), the model."""
    return [*sorted((_PACKAGE / "rules").glob("*.py")), *sorted((_PACKAGE / "text").glob("*.py")), _PACKAGE / "model.py"]


def cache_key(files: Iterable[Path]) -> str | None:
    """The digest naming the compiled form of these rule files; None when one
    cannot be read (the compiler then reports it)."""
    from policyx.errors import PolicyxError
    from policyx.limits import SETTINGS_MAX_BYTES, read_file

    digest = versions_digest()
    try:
        for code in _code():  # the code by its size and time of change (reading it all costs more than the cache saves)
            info = code.stat()
            digest.update(f"{code.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        for path in files:
            digest.update(str(path).encode() + b"\0" + read_file(path, limit=SETTINGS_MAX_BYTES) + b"\0")
    except (OSError, PolicyxError):  # not a regular file, too large: the compiler says so
        return None
    return digest.hexdigest()


def load(key: str) -> Any | None:
    """The compiled rules stored under ``key``, or None."""
    return _store.load("rules", key)


def store(key: str, compiled: Any) -> None:
    """Keep ``compiled`` under ``key`` (best effort: never raises)."""
    _store.store("rules", key, compiled)


__all__ = ["cache_dir", "cache_key", "load", "store"]
