"""What policyx reads: regular files up to a size, never anything that blocks.

- **Only regular files.** A FIFO (named pipe), a character or block device
  (``/dev/zero``, ``/dev/tty``) or a socket given as a plan, a gold file, a
  rule file or a config file is refused with one line: reading it could block
  forever or never end. Standard input is read with ``-``.
- **The largest plan.** A file (or standard input) larger than
  :data:`DEFAULT_MAX_BYTES` (16 MiB — about five times the longest plan seen,
  and some 5 million Chinese characters of text) is refused with one line
  saying how large it is and how to raise the limit; nothing of it is read
  past the limit. The text extracted from a Word, PDF or Excel file counts
  too (a 1 MB .docx can unpack to far more text). Raise it with
  ``POLICYX_MAX_SIZE`` (``64MB``, ``1GB``, a number of bytes; ``0`` or
  ``none`` for no limit) or the command line's ``policyx --max-size SIZE``.
  ``policyx.extract_text`` takes whatever text it is given. Rule, config and
  gold files are held to :data:`SETTINGS_MAX_BYTES`, whatever the plans' limit.
- **Warnings that repeat.** The same heading-numbering warning, word for
  word, is listed at most :data:`REPEATS_LISTED` times for a plan; the times
  after are counted in one warning that says how many and between which lines
  (a page of headings that all repeat "一、" is one problem, not 200,000 lines
  of output). No real plan seen repeats one more than four times.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from policyx.errors import InputError, PolicyxError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
# rule, config and gold files are no plans: the plans' limit (--max-size) is not theirs
# (a low one refused policyx's own rules/deadlines.yaml); they are held to this one
SETTINGS_MAX_BYTES = DEFAULT_MAX_BYTES
REPEATS_LISTED = 10
# the files a folder's plans are read from (extract, check and index given a folder)
PLAN_SUFFIXES = (".txt", ".html", ".htm", ".md", ".docx", ".pdf", ".xlsx", ".xls")
ENVIRONMENT = "POLICYX_MAX_SIZE"
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
          "g": 1000**3, "gb": 1000**3, "gib": 1024**3}


def parse_size(text: str) -> int | None:
    """``"64MB"`` → 64,000,000 bytes; ``"0"`` or ``"none"`` → None (no limit).

    >>> parse_size("16MiB"), parse_size("1.5 GB"), parse_size("none")
    (16777216, 1500000000, None)
    """
    value = str(text).strip().lower().replace(" ", "")
    if value in ("0", "none", "unlimited"):
        return None
    number = value.rstrip("kmgib")
    unit = value[len(number):]
    try:
        size = float(number)
    except ValueError:
        raise PolicyxError(f"{text!r} is no size (write e.g. 64MB, 1GB or a number of bytes)") from None
    if unit not in _UNITS or size < 0:
        raise PolicyxError(f"{text!r} is no size (write e.g. 64MB, 1GB or a number of bytes)")
    return int(size * _UNITS[unit])


def max_bytes() -> int | None:
    """The largest plan read: ``POLICYX_MAX_SIZE`` or the default (None: no limit)."""
    configured = os.environ.get(ENVIRONMENT)
    return DEFAULT_MAX_BYTES if configured is None or not configured.strip() else parse_size(configured)


def describe(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB" if size >= 1024 * 1024 else f"{size:,} bytes"


def too_large(name: str, size: int | None, limit: int) -> InputError:
    shown = f"{describe(size)}, " if size is not None else ""
    return InputError(f"{name}: {shown}larger than the {describe(limit)} policyx reads{_raise_it(limit)}")


def _raise_it(limit: int) -> str:
    default = " by default" if limit == DEFAULT_MAX_BYTES else ""
    return f"{default} (policyx --max-size SIZE or {ENVIRONMENT}=SIZE raises the limit)"


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def not_a_file(name: str, mode: int) -> InputError | None:
    """The error for a path that is not a regular file, or None."""
    if stat.S_ISREG(mode):
        return None
    what = next((label for test, label in _KINDS if test(mode)), "not a regular file")
    return InputError(f"{name}: is {what}, not a file; policyx reads regular files (a plan on a pipe: use -)")


def read_file(path: str | Path, *, limit: int | None | bool = True) -> bytes:
    """The bytes of a regular file, or InputError in one line: missing,
    unreadable, not a regular file (never opened in a way that blocks), or
    larger than ``limit`` (True: :func:`max_bytes`; None or False: none)."""
    name = str(path)
    if limit is True:
        limit = max_bytes()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a plan file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        error = not_a_file(name, info.st_mode)
        if error is not None:
            raise error
        if limit and info.st_size > limit:
            raise too_large(name, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1 if limit else -1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if limit and len(data) > limit:  # it grew while being read
        raise too_large(name, None, limit)
    return data


def read_stream(stream, name: str = "<stdin>") -> bytes:
    """Standard input (a binary stream), up to the limit."""
    limit = max_bytes()
    data = stream.read(limit + 1) if limit else stream.read()
    if limit and len(data) > limit:
        raise too_large(name, None, limit)
    return data


def check_text_size(name: str, text: str) -> None:
    """Text extracted from a file, against the same limit (in characters)."""
    limit = max_bytes()
    if limit and len(text) > limit:
        raise InputError(f"{name}: the text read from it ({len(text):,} characters) is larger than the "
                         f"{describe(limit)} policyx reads{_raise_it(limit)}")
