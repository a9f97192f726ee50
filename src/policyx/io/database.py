"""Opening a SQLite file as policyx's store: only policyx's own is written to,
another program's is never changed, a busy one is waited for a bounded time,
a damaged one is one line.

policyx marks the databases it makes: ``PRAGMA application_id`` is
:data:`APPLICATION_ID` (the bytes "polx") and ``PRAGMA user_version`` the
schema's version. A database made before the mark (policyx's seven tables,
its word index and nothing else) is recognised by its tables and marked when
it is next written.

- **Writing** (``policyx index``): a missing or empty file becomes a store;
  policyx's own is opened as it is; anything else — another application's
  database, a file that is not SQLite or is damaged — is refused before
  anything is written (no tables added, the journal mode left as it was).
- **Reading** (``policyx query``): the file is opened read-only
  (``mode=ro``) and refused unless it is policyx's.
- **Another writer**: SQLite lets one process write at a time. A writer that
  finds the database busy says so on standard error and waits — at most
  ``POLICYX_DB_WAIT`` seconds (default 30) for each of its transactions —
  then gives up with one line; what it had stored stays stored (each file is
  one transaction).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable, Iterable

from policyx.errors import PolicyxError

APPLICATION_ID = 0x706F6C78  # "polx"
USER_VERSION = 1
DEFAULT_WAIT = 30.0
WAIT_ENVIRONMENT = "POLICYX_DB_WAIT"
# tables of policyx's word index (io/search.py) and SQLite's own
_OWN_PREFIXES = ("task_words", "search_", "sqlite_")


def default_wait() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENVIRONMENT, DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


def damaged(db: str | Path, exc: BaseException) -> PolicyxError:
    return PolicyxError(f"{db}: not a SQLite database, or a damaged one ({exc})")


def locked(db: str | Path, wait: float) -> PolicyxError:
    return PolicyxError(f"{db}: still locked by another writer after {wait:g} s; try again when it has finished "
                        f"(or wait longer: {WAIT_ENVIRONMENT}=SECONDS)")


def is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def open_database(db: str | Path, *, write: bool, tables: Iterable[str], setup: Callable[[sqlite3.Connection], None],
                  wait: float | None = None, on_wait: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """A connection to policyx's store at ``db`` (see the module's docstring);
    ``tables`` are the store's, ``setup`` makes them in a new store."""
    path = Path(db)
    wait = default_wait() if wait is None else wait
    if path.exists() and not path.is_file():
        raise PolicyxError(f"{db}: is not a file; a database is a regular file")
    if not write and not path.is_file():
        raise PolicyxError(f"{db}: no such database (make one with policyx index)")
    try:
        if write:
            connection = sqlite3.connect(str(path), timeout=wait, isolation_level="IMMEDIATE")
        else:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=wait)
    except sqlite3.Error as exc:
        raise PolicyxError(f"{db}: cannot open the database ({exc})") from None
    try:
        kind, names = _kind(connection, set(tables))
        _refuse(db, kind, names, write)
        if write:
            _prepare(connection, db, kind, setup, wait, on_wait)
        else:
            connection.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise (locked(db, wait) if is_locked(exc) else damaged(db, exc)) from None
    except BaseException:
        connection.close()
        raise
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _kind(connection: sqlite3.Connection, tables: set[str]) -> tuple[str, list[str]]:
    """"policyx" (marked, or policyx's tables and nothing else), "empty" or "foreign"."""
    marked = connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    if marked:
        return "policyx", names
    if not names:
        return "empty", names
    others = [n for n in names if n not in tables and not n.startswith(_OWN_PREFIXES)]
    if not others and tables <= set(names):
        return "policyx", names
    return "foreign", names


def _refuse(db: str | Path, kind: str, names: list[str], write: bool) -> None:
    if kind == "foreign":
        shown = ", ".join(sorted(names)[:6]) + (", …" if len(names) > 6 else "")
        verb = "writes only to" if write else "reads only"
        raise PolicyxError(f"{db}: another application's SQLite database (tables: {shown}); policyx {verb} "
                           "databases made by policyx index (name another file with --db)")
    if kind == "empty" and not write:
        raise PolicyxError(f"{db}: holds no plans (make it with policyx index)")


def _prepare(connection: sqlite3.Connection, db, kind: str, setup, wait: float, on_wait) -> None:
    """Wait for the write lock (saying so), then make or mark the store."""
    _wait_for_lock(connection, db, wait, on_wait)
    if kind == "empty" or connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {USER_VERSION}")
    connection.commit()
    connection.execute("PRAGMA journal_mode = WAL")
    setup(connection)
    connection.commit()


def _wait_for_lock(connection: sqlite3.Connection, db, wait: float, on_wait) -> None:
    """Take the write lock (BEGIN IMMEDIATE): at once, or after saying that
    another process holds it and waiting at most ``wait`` seconds."""
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if not is_locked(exc):
            raise
        if on_wait is not None:
            on_wait(f"{db} is being written by another process; waiting up to {wait:g} s")
        connection.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        connection.execute("BEGIN IMMEDIATE")  # raises "locked" after the wait
    connection.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
