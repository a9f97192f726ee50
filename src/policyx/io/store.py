"""A SQLite store of extracted plans, and the questions asked of it.

Schema (foreign keys on, deletes cascade; see docs/scale.md):

    documents(id, doc_id, path UNIQUE, sha256, title, level, date, chars, indexed_at)
    sections(id, document_id → documents, section_id, level, marker, title, line, parent, kind)
    tasks(id, document_id → documents, task_id, section, title, text, line, source, restates)
    task_departments(id, task_id → tasks, role, raw, name, canonical, function, level, known, inherited)
    deadlines(id, task_id → tasks, raw, kind, date, period, line)
    targets(id, document_id → documents, task_id → tasks NULL, raw, metric, comparator, value, value_text,
            unit, year, baseline_year, line, source, value_max)
    warnings(id, document_id → documents, code, message, line)
    task_words, search_words, search_meta: the full-text index of the tasks (io/search.py)

Each file is written in one transaction: a re-indexed file's rows are
replaced whole, an unchanged one (same path and sha256) is skipped, and an
interrupted run leaves every file either fully in or fully out.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from policyx.io import search
from policyx.io.search import PLAN_NAME

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    title TEXT,
    level TEXT,
    date TEXT,
    chars INTEGER,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id TEXT NOT NULL, level INTEGER, marker TEXT, title TEXT, line INTEGER, parent TEXT, kind TEXT
);
CREATE TABLE IF NOT EXISTS tasks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id TEXT NOT NULL, section TEXT, title TEXT, text TEXT, line INTEGER, source TEXT, restates TEXT
);
CREATE TABLE IF NOT EXISTS task_departments (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'participant', 'implementer')),
    raw TEXT, name TEXT, canonical TEXT, function TEXT, level TEXT, known INTEGER, inherited INTEGER
);
CREATE TABLE IF NOT EXISTS deadlines (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    raw TEXT, kind TEXT, date TEXT, period TEXT, line INTEGER
);
CREATE TABLE IF NOT EXISTS targets (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    raw TEXT, metric TEXT, comparator TEXT, value REAL, value_text TEXT, unit TEXT, year INTEGER,
    baseline_year INTEGER, line INTEGER, source TEXT, value_max REAL
);
CREATE TABLE IF NOT EXISTS warnings (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code TEXT, message TEXT, line INTEGER
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);
CREATE INDEX IF NOT EXISTS tasks_document ON tasks(document_id);
CREATE INDEX IF NOT EXISTS task_departments_task ON task_departments(task_id);
CREATE INDEX IF NOT EXISTS task_departments_canonical ON task_departments(canonical);
CREATE INDEX IF NOT EXISTS task_departments_function ON task_departments(function, role);
CREATE INDEX IF NOT EXISTS deadlines_task ON deadlines(task_id);
CREATE INDEX IF NOT EXISTS deadlines_date ON deadlines(date);
CREATE INDEX IF NOT EXISTS targets_document ON targets(document_id);
CREATE INDEX IF NOT EXISTS targets_metric ON targets(metric);
CREATE INDEX IF NOT EXISTS warnings_document ON warnings(document_id);
"""

TABLES = ("documents", "sections", "tasks", "task_departments", "deadlines", "targets", "warnings")


def _has_column(connection: sqlite3.Connection, table: str, column: str) -> bool:
    return column in {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def _setup(connection: sqlite3.Connection) -> None:
    connection.executescript(SCHEMA)
    if not _has_column(connection, "targets", "value_max"):
        # an index made before targets had ranges: the column added, and every plan read again
        # when next indexed (its targets were read without their ranges), not skipped as unchanged
        connection.execute("ALTER TABLE targets ADD COLUMN value_max REAL")
        connection.execute("UPDATE documents SET sha256 = ''")
    search.ensure(connection)


def connect(db: str | Path, *, write: bool = True, wait: float | None = None, on_wait=None) -> sqlite3.Connection:
    """policyx's store at ``db``, to write (made if missing) or only to read;
    another application's database, a damaged file or a writer that does not
    finish in time is a PolicyxError (io/database.py)."""
    from policyx.io.database import open_database

    return open_database(db, write=write, tables=TABLES, setup=_setup, wait=wait, on_wait=on_wait)


def is_current(connection: sqlite3.Connection, path: str, sha256: str) -> bool:
    row = connection.execute("SELECT sha256 FROM documents WHERE path = ?", (path,)).fetchone()
    return row is not None and row[0] == sha256


def store_document(connection: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Write one extracted document (as plain data) in a single transaction,
    replacing whatever the same path held."""
    doc = data["document"]
    path = doc.get("path") or doc["id"]
    with connection:  # one transaction: all of this file or none of it
        connection.execute("DELETE FROM documents WHERE path = ?", (path,))
        document_id = connection.execute(
            "INSERT INTO documents (doc_id, path, sha256, title, level, date, chars, indexed_at) VALUES (?,?,?,?,?,?,?,?)",
            (doc["id"], path, doc["sha256"], doc.get("title"), doc.get("level"), doc.get("date"), doc.get("chars"),
             datetime.now(timezone.utc).isoformat(timespec="seconds")),
        ).lastrowid
        connection.executemany(
            "INSERT INTO sections (document_id, section_id, level, marker, title, line, parent, kind) VALUES (?,?,?,?,?,?,?,?)",
            [(document_id, s["id"], s["level"], s["marker"], s["title"], s["line"], s["parent"], s["kind"])
             for s in data["sections"]],
        )
        for task in data["tasks"]:
            task_row = connection.execute(
                "INSERT INTO tasks (document_id, task_id, section, title, text, line, source, restates) VALUES (?,?,?,?,?,?,?,?)",
                (document_id, task["id"], task["section"], task["title"], task["text"], task["line"], task["source"],
                 task.get("restates")),
            ).lastrowid
            for role, key in (("lead", "lead"), ("participant", "participants"), ("implementer", "implementers")):
                connection.executemany(
                    "INSERT INTO task_departments (task_id, role, raw, name, canonical, function, level, known, inherited) "
                    "VALUES (?,?,?,?,?,?,?,?,?)",
                    [(task_row, role, d["raw"], d["name"], d["canonical"], d["function"], d["level"], int(d["known"]),
                      int(d["inherited"])) for d in task[key]],
                )
            connection.executemany(
                "INSERT INTO deadlines (task_id, raw, kind, date, period, line) VALUES (?,?,?,?,?,?)",
                [(task_row, d["raw"], d["kind"], d["date"], d["period"], d["line"]) for d in task["deadlines"]],
            )
            _insert_targets(connection, document_id, task_row, task["targets"])
        _insert_targets(connection, document_id, None, data["targets"])
        connection.executemany(
            "INSERT INTO warnings (document_id, code, message, line) VALUES (?,?,?,?)",
            [(document_id, w["code"], w["message"], w["line"]) for w in data["warnings"]],
        )
        search.add_document(connection, document_id)


def _insert_targets(connection: sqlite3.Connection, document_id: int, task_id: int | None, targets: list[dict]) -> None:
    connection.executemany(
        "INSERT INTO targets (document_id, task_id, raw, metric, comparator, value, value_text, unit, year, baseline_year, "
        "line, source, value_max) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(document_id, task_id, t["raw"], t["metric"], t["comparator"], t["value"], t.get("value_text"), t["unit"],
          t["year"], t["baseline_year"], t["line"], t.get("source"), t.get("value_max")) for t in targets],
    )


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}  # noqa: S608


# -- questions ---------------------------------------------------------------------


def _rows(cursor: sqlite3.Cursor) -> tuple[list[str], list[tuple]]:
    return [c[0] for c in cursor.description], cursor.fetchall()


def tasks_led_by(connection: sqlite3.Connection, function: str | None, name: str,
                 level: str | None = None) -> tuple[list[str], list[tuple]]:
    """Tasks (of the plans' texts) led by a department (:func:`search.lead_condition`),
    each with all its leads."""
    condition, params = search.lead_condition((function, name, level))
    return _rows(connection.execute(
        "SELECT " + PLAN_NAME + ", t.task_id AS task, t.title, t.line, "
        "(SELECT group_concat(name, '、') FROM task_departments WHERE task_id = t.id AND role = 'lead') AS lead "
        f"FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.source = 'body' AND {condition} "
        "ORDER BY d.doc_id, t.id",
        params,
    ))


def deadlines_between(connection: sqlite3.Connection, start: str, end: str) -> tuple[list[str], list[tuple]]:
    return _rows(connection.execute(
        "SELECT dl.date, dl.kind, dl.raw, " + PLAN_NAME + ", t.task_id AS task, t.title, dl.line "
        "FROM deadlines dl JOIN tasks t ON t.id = dl.task_id JOIN documents d ON d.id = t.document_id "
        "WHERE t.source = 'body' AND dl.date BETWEEN ? AND ? ORDER BY dl.date, d.doc_id, dl.line",
        (start, end),
    ))


def targets_on(connection: sqlite3.Connection, metric: str) -> tuple[list[str], list[tuple]]:
    # (an index made before targets had ranges, read without being written to, has no value_max)
    value_max = "tg.value_max" if _has_column(connection, "targets", "value_max") else "NULL AS value_max"
    return _rows(connection.execute(
        "SELECT " + PLAN_NAME + ", tg.metric, tg.comparator, coalesce(tg.value, tg.value_text) AS value, tg.unit, "
        f"tg.year, tg.line, {value_max} FROM targets tg JOIN documents d ON d.id = tg.document_id "
        "WHERE tg.metric LIKE '%' || ? || '%' ORDER BY tg.metric, d.doc_id, tg.line",
        (metric,),
    ))


def department_load(connection: sqlite3.Connection, limit: int = 50) -> tuple[list[str], list[tuple]]:
    """Departments ranked by the tasks they lead, then the ones they join."""
    return _rows(connection.execute(
        "SELECT coalesce(td.function, td.name) AS department, group_concat(DISTINCT td.name) AS names, "
        "sum(td.role = 'lead') AS leads, sum(td.role = 'participant') AS participates, "
        "count(DISTINCT t.document_id) AS plans "
        "FROM task_departments td JOIN tasks t ON t.id = td.task_id WHERE t.source = 'body' AND td.inherited = 0 "
        "GROUP BY department ORDER BY leads DESC, participates DESC, department LIMIT ?",
        (limit,),
    ))


def index_paths(
    db: str | Path, outcomes: Iterable, *, on_skip=None, on_store=None, on_wait=None
) -> dict[str, int]:
    """Store the outcomes of a batch extraction; returns counts of stored,
    unchanged (skipped) and failed files. A writer that holds the database
    longer than the wait, or a damaged file, is a PolicyxError (what was
    stored before stays stored)."""
    from policyx.io.database import damaged, default_wait, is_locked, locked

    connection = connect(db, on_wait=on_wait)
    stats = {"stored": 0, "unchanged": 0, "failed": 0}
    try:
        _store_all(connection, outcomes, stats, on_skip, on_store)
    except sqlite3.DatabaseError as exc:
        raise (locked(db, default_wait()) if is_locked(exc) else damaged(db, exc)) from None
    finally:
        connection.close()
    return stats


def _store_all(connection: sqlite3.Connection, outcomes: Iterable, stats: dict, on_skip, on_store) -> None:
    for outcome in outcomes:
        if outcome.data is None:
            stats["failed"] += 1
            continue
        doc = outcome.data["document"]
        if is_current(connection, doc.get("path") or doc["id"], doc["sha256"]):
            stats["unchanged"] += 1
            if on_skip:
                on_skip(outcome)
            continue
        store_document(connection, outcome.data)
        stats["stored"] += 1
        if on_store:
            on_store(outcome)
