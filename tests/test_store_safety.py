"""The SQLite store (issue 14): another application's database is opened
read-only and never written to, a busy one is waited for a bounded time with
a message, a damaged one is one line."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time

import pytest
from typer.testing import CliRunner

from policyx.cli.app import app
from policyx.io.database import APPLICATION_ID
from policyx.io.store import connect

runner = CliRunner()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def foreign(tmp_path):
    path = tmp_path / "notes.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("INSERT INTO notes (text) VALUES ('mine')")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("args", [["query", "--db", "{db}", "--load"], ["query", "--db", "{db}", "--text", "污水"],
                                  ["index", "changji", "--db", "{db}"]])
def test_another_applications_database_is_left_alone(foreign, args):
    before = _digest(foreign)
    result = runner.invoke(app, [a.format(db=foreign) for a in args])
    assert result.exit_code == 2
    assert "another application's SQLite database" in result.stderr and "notes" in result.stderr
    assert _digest(foreign) == before  # no tables added, no switch to WAL
    assert sorted(p.name for p in foreign.parent.iterdir()) == ["notes.sqlite"]
    connection = sqlite3.connect(foreign)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_policyx_marks_its_own_database_and_reads_it_read_only(tmp_path):
    db = tmp_path / "plans.sqlite"
    assert runner.invoke(app, ["index", "changji", "--db", str(db)]).exit_code == 0
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()
    reader = connect(db, write=False)
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("DELETE FROM documents")  # read-only
    reader.close()
    assert runner.invoke(app, ["query", "--db", str(db), "--lead", "环保局"]).exit_code == 0


def test_a_store_made_before_the_mark_is_still_policyx(tmp_path):
    db = tmp_path / "old.sqlite"
    connection = connect(db)
    connection.execute("PRAGMA application_id = 0")
    connection.commit()
    connection.close()
    assert runner.invoke(app, ["query", "--db", str(db), "--load"]).exit_code == 0
    assert runner.invoke(app, ["index", "changji", "--db", str(db)]).exit_code == 0


@pytest.mark.parametrize("command", ["query", "index"])
def test_a_damaged_database_is_one_line(tmp_path, command):
    db = tmp_path / "plans.sqlite"
    assert runner.invoke(app, ["index", "changji", "xinjiang", "--db", str(db)]).exit_code == 0
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096:4096 * 6] = b"\xff" * (4096 * 5)  # pages of the schema and the tables
    db.write_bytes(bytes(data))
    args = ["query", "--db", str(db), "--lead", "环保局"] if command == "query" else ["index", "xinjiang-13th", "--db", str(db)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert str(db) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_file_that_is_not_sqlite_is_one_line(tmp_path):
    db = tmp_path / "plans.sqlite"
    db.write_text("一、总则\n" * 200, encoding="utf-8")
    for args in (["query", "--db", str(db), "--load"], ["index", "changji", "--db", str(db)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "not a SQLite database" in result.stderr
    assert db.read_text(encoding="utf-8") == "一、总则\n" * 200


def _hold_write_lock(db, seconds: float, ready: threading.Event) -> None:
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO warnings (document_id, code) VALUES (1, 'held')")
    ready.set()
    time.sleep(seconds)
    connection.execute("ROLLBACK")
    connection.close()


def _index_while_another_writes(tmp_path, monkeypatch, hold_seconds: float, wait: str):
    """``index xinjiang`` into a store while another connection holds its write lock."""
    db = tmp_path / "plans.sqlite"
    assert runner.invoke(app, ["index", "changji", "--db", str(db)]).exit_code == 0
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, hold_seconds, ready))
    holder.start()
    ready.wait(10)
    monkeypatch.setenv("POLICYX_DB_WAIT", wait)
    result = runner.invoke(app, ["index", "xinjiang", "--db", str(db)])
    holder.join()
    return result


def test_a_second_writer_waits_with_a_message_then_gives_up(tmp_path, monkeypatch):
    result = _index_while_another_writes(tmp_path, monkeypatch, hold_seconds=3, wait="0.5")
    assert result.exit_code == 2
    assert "being written by another process; waiting up to 0.5 s" in result.stderr
    assert "still locked by another writer after 0.5 s" in result.stderr
    assert "Traceback" not in result.output


def test_a_second_writer_goes_on_when_the_first_finishes(tmp_path, monkeypatch):
    result = _index_while_another_writes(tmp_path, monkeypatch, hold_seconds=1, wait="20")
    assert result.exit_code == 0, result.output
    assert "waiting up to 20 s" in result.stderr and "1 stored" in result.stdout


def test_an_index_made_before_targets_had_ranges_is_read_and_written(tmp_path):
    """An index whose targets table has no value_max (made before ranges were
    read) answers a metric query as it is, and takes the column when written to."""
    db = tmp_path / "old.sqlite"
    assert runner.invoke(app, ["index", "xinjiang-env-13th-2017", "--db", str(db)]).exit_code == 0
    connection = sqlite3.connect(db)
    connection.execute("ALTER TABLE targets DROP COLUMN value_max")
    connection.commit()
    connection.close()
    read = runner.invoke(app, ["query", "--db", str(db), "--metric", "生态工业园区", "--format", "csv"])
    assert read.exit_code == 0 and "value_max" in read.stdout
    assert runner.invoke(app, ["index", "xinjiang-env-13th-2017", "--db", str(db)]).exit_code == 0
    again = runner.invoke(app, ["query", "--db", str(db), "--metric", "生态工业园区", "--format", "csv"])
    assert again.exit_code == 0 and again.stdout.replace(".0", "").splitlines()[1].endswith(",个,2020,455,2"), again.stdout
