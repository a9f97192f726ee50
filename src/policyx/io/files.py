"""Writing an output file so that nothing is lost: atomically, with the
target's permissions, never through a device, never leaving a temporary file.

:func:`write_atomic` decides by what the path names:

- **a regular file, or nothing yet**: the content goes to a temporary file in
  the same directory, is flushed to disk, then renamed over the target, so a
  reader sees the old content or the new, never half. The new file keeps the
  permission bits of the file it replaces (and, run as root, its owner); a
  new file gets 0666 less the umask, as any program's would. A symbolic link
  is followed: the file it names is replaced, the link stays a link.
- **anything else** — a character device (``/dev/null``), a FIFO, a socket,
  ``/dev/stdout`` and the other ``/dev`` and ``/proc`` names — is written
  directly: such a path cannot be replaced (renaming a file over
  ``/dev/null`` as root would make it a regular file). ``/dev/stdout``,
  ``/dev/stderr``, ``/dev/fd/N`` and ``/proc/self/fd/N`` are written to the
  open descriptor itself, so a shell's ``>>`` still appends.

Temporary files: on Linux the content is first written to an unnamed file
(``O_TMPFILE``) in the target's directory, which the kernel removes if the
process dies — also by ``kill -9`` — before it is given a name; it is then
linked as ``.NAME.policyx-PID.tmp`` and at once renamed over the target.
Where the file system has no unnamed files, the named temporary file is
written directly and removed on any error. Either way only a ``kill -9`` in
the instant between naming and renaming (or, without unnamed files, while
writing) can leave a ``.NAME.policyx-PID.tmp`` behind, and the next write to
the same target removes every such file whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

_TEMP_MARK = ".policyx-"
_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, bytes as they are) to ``path``; see
    the module's docstring for what happens to devices, links and modes."""
    with atomic_output(path) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary handle on ``path`` for output written as it comes (a batch's
    JSON lines), with :func:`write_atomic`'s guarantees: the target is
    replaced only when the block ends without an exception."""
    target = Path(path)
    descriptor = _open_descriptor(str(target))
    if descriptor is not None:
        _flush_streams(descriptor)
        with os.fdopen(descriptor, "wb", closefd=False) as handle:
            yield handle
        return
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if (info is not None and not stat.S_ISREG(info.st_mode)) or _is_special_place(target):
        with open(target, "wb") as handle:
            yield handle
        return
    real = Path(os.path.realpath(target))
    _remove_stale(real)
    with _replacing(real, info) as handle:
        yield handle


def _open_descriptor(name: str) -> int | None:
    """The descriptor a name stands for: /dev/stdout, /dev/fd/3, /proc/self/fd/1."""
    if name in _STREAMS:
        return _STREAMS[name]
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if name.startswith(prefix) and name[len(prefix):].isdigit():
            return int(name[len(prefix):])
    return None


def _flush_streams(fd: int) -> None:
    """Python's own buffer for the descriptor, before it is written beneath it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and stream.fileno() == fd:
                stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def _is_special_place(target: Path) -> bool:
    """A name under /dev or /proc is never replaced, whatever it is now."""
    absolute = os.path.abspath(target)
    return absolute.startswith(("/dev/", "/proc/"))


def _temp_name(target: Path) -> Path:
    # os.urandom(4).hex() is secrets.token_hex(4), without importing secrets (hmac, random: 3 ms)
    return target.with_name(f".{target.name}{_TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}.tmp")


def _remove_stale(target: Path) -> None:
    """Temporary files of earlier writes to ``target`` whose process is gone."""
    prefix = f".{target.name}{_TEMP_MARK}"
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _replacing(target: Path, info: os.stat_result | None) -> Iterator[BinaryIO]:
    """A temporary file beside ``target``, renamed over it when the block ends."""
    fd = _unnamed(target.parent)
    name: Path | None = None
    try:
        if fd < 0:  # no unnamed files here: a named one from the start
            name = _temp_name(target)
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            yield handle
        if info is not None:
            _keep_owner_and_mode(fd, info)
        os.fsync(fd)
        if name is None:
            name = _temp_name(target)
            _link(fd, name)
        os.replace(name, target)
        name = None
    finally:
        if fd >= 0:
            os.close(fd)
        if name is not None:
            try:
                os.unlink(name)
            except OSError:
                pass
    _sync_directory(target.parent)


def _link(fd: int, name: Path) -> None:
    """Give the unnamed file ``fd`` a name (linkat with AT_SYMLINK_FOLLOW on
    its /proc/self/fd entry: os.link uses linkat only with a directory fd)."""
    proc = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(fd), name, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _keep_owner_and_mode(fd: int, info: os.stat_result) -> None:
    """The replaced file's owner (where we may set it) and permission bits."""
    if hasattr(os, "fchown") and os.geteuid() == 0:
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except OSError:
            pass
    os.fchmod(fd, stat.S_IMODE(info.st_mode))


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unnamed(directory: Path) -> int:
    """An unnamed file in ``directory`` (Linux's O_TMPFILE, 0666 less the
    umask), or -1 where there is none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return -1
    try:
        return os.open(directory, flag | os.O_WRONLY, 0o666)
    except OSError:
        return -1
