"""Compiled rules kept on disk, so that a command does not compile them again.

Compiling the rule files (reading the YAML, expanding fragments, compiling
about two hundred patterns) takes 0.1–0.15 s, most of a short command's
time; loading the compiled RuleSet back takes a few milliseconds: the
``regex`` module pickles a pattern with its compiled code.

The cache file's name is a digest of everything the compiled rules depend
on: policyx's version, the Python and ``regex`` versions, the code that
compiles the rules (``policyx/rules/*.py``, ``policyx/text/*.py``,
``policyx/model.py``: each file's size and time of change) and the name and
content of every rule file in the order they are layered. A change to any of them gives
another name, so a stale file is never read (old files are pruned). A file
is trusted only if it is the current user's, not writable by others, and its
content matches the digest stored at its head; anything else — a truncated,
damaged or foreign file, an unpicklable one — is ignored and the rules are
compiled as before. Files are written atomically (a temporary file renamed
into place), and a cache that cannot be written is no error.

Where: ``$POLICYX_CACHE_DIR``, else ``$XDG_CACHE_HOME/policyx``, else
``~/.cache/policyx``. ``POLICYX_CACHE_DIR=""`` (empty) turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable

_MAGIC = b"policyx-rules-cache 1\n"
_KEEP = 8  # cache files kept (one per set of rule directories in use)
_PACKAGE = Path(__file__).resolve().parents[1]


def _code() -> list[Path]:
    """The modules compiled rules are made by and hold: the rule compilers,
    the text helpers they call (anchors, fold), the model."""
    return [*sorted((_PACKAGE / "rules").glob("*.py")), *sorted((_PACKAGE / "text").glob("*.py")), _PACKAGE / "model.py"]


def cache_dir() -> Path | None:
    """Where compiled rules are kept; None when the cache is off."""
    configured = os.environ.get("POLICYX_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policyx"


def cache_key(files: Iterable[Path]) -> str | None:
    """The digest naming the compiled form of these rule files; None when one
    cannot be read (the compiler then reports it)."""
    import regex

    from policyx import __version__
    from policyx.errors import PolicyxError
    from policyx.limits import read_file

    digest = hashlib.sha256()
    for part in (__version__, sys.version, regex.__version__):
        digest.update(part.encode() + b"\0")
    try:
        for code in _code():  # the code by its size and time of change (reading it all costs more than the cache saves)
            info = code.stat()
            digest.update(f"{code.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        for path in files:
            digest.update(str(path).encode() + b"\0" + read_file(path) + b"\0")
    except (OSError, PolicyxError):  # not a regular file, too large: the compiler says so
        return None
    return digest.hexdigest()


def _trusted(path: Path) -> bool:
    """Owned by this user and writable by no one else (where that is known)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def load(key: str) -> Any | None:
    """The compiled rules stored under ``key``, or None."""
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / f"rules-{key}.pickle"
    if not _trusted(path) or not _trusted(directory):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if not data.startswith(_MAGIC) or len(data) <= head:
        return None
    payload = data[head:]
    if hashlib.sha256(payload + key.encode()).digest() != data[len(_MAGIC):head]:
        return None
    try:
        return pickle.loads(payload)  # noqa: S301 - our own file, checked above
    except Exception:  # noqa: BLE001 - a file that does not load is ignored
        return None


def store(key: str, compiled: Any) -> None:
    """Keep ``compiled`` under ``key`` (best effort: never raises)."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        payload = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + hashlib.sha256(payload + key.encode()).digest() + payload)
            os.replace(tmp, directory / f"rules-{key}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(directory)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        return


def _prune(directory: Path) -> None:
    """Keep the most recently written files."""
    files = sorted(directory.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
