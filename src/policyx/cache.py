"""What policyx works out once and keeps on disk: the compiled rules
(rules/cache.py), the parsed corpus manifest (text/corpus.py).

A file is named ``KIND-KEY.pickle``, KEY a digest of everything its content
depends on, made by the caller: a change to any of it gives another name,
so a stale file is never read (old files of a kind are pruned). A file is
trusted only if it is the current user's, not writable by others, and its
content matches the digest stored at its head; anything else — a truncated,
damaged or foreign file, an unpicklable one — is ignored and the caller
works the thing out as before. Files are written atomically (a temporary
file renamed into place), and a cache that cannot be written is no error.

Where: ``$POLICYX_CACHE_DIR``, else ``$XDG_CACHE_HOME/policyx``, else
``~/.cache/policyx``. ``POLICYX_CACHE_DIR=""`` (empty) turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

_KEEP = 8  # files kept of each kind (one per set of rule directories in use …)


def cache_dir() -> Path | None:
    """Where worked-out things are kept; None when the cache is off."""
    configured = os.environ.get("POLICYX_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policyx"


def versions_digest():
    """A sha256 begun with what a pickled compiled pattern depends on —
    policyx's, Python's and ``regex``'s versions — for a key to go on from."""
    import regex

    from policyx import __version__

    digest = hashlib.sha256()
    for part in (__version__, sys.version, regex.__version__):
        digest.update(part.encode() + b"\0")
    return digest


def _magic(kind: str) -> bytes:
    return f"policyx-{kind}-cache 1\n".encode()


def _trusted(path: Path) -> bool:
    """Owned by this user and writable by no one else (where that is known)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def load(kind: str, key: str) -> Any | None:
    """What is stored under ``kind`` and ``key``, or None."""
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / f"{kind}-{key}.pickle"
    if not _trusted(path) or not _trusted(directory):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    magic = _magic(kind)
    head = len(magic) + 32
    if not data.startswith(magic) or len(data) <= head:
        return None
    payload = data[head:]
    if hashlib.sha256(payload + key.encode()).digest() != data[len(magic):head]:
        return None
    try:
        return pickle.loads(payload)  # noqa: S301 - our own file, checked above
    except Exception:  # noqa: BLE001 - a file that does not load is ignored
        return None


def store(kind: str, key: str, value: Any) -> None:
    """Keep ``value`` under ``kind`` and ``key`` (best effort: never raises)."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        import tempfile

        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_magic(kind) + hashlib.sha256(payload + key.encode()).digest() + payload)
            os.replace(tmp, directory / f"{kind}-{key}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(directory, kind)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        return


def _prune(directory: Path, kind: str) -> None:
    """Keep the most recently written files of ``kind``."""
    files = sorted(directory.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
