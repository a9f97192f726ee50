"""`policyx index` and `policyx query`: extracted plans kept in SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli import logs
from policyx.cli.common import RulesOption, check_format, emit, fail, print_table, rule_dirs
from policyx.cli.exporting import OutputOption, refuse_output, write_sheets
from policyx.cli.extract import iter_batch
from policyx.cli.logs import QuietOption, VerboseOption
from policyx.errors import PolicyxError
from policyx.io.serialize import dumps


def index(
    plans: Annotated[list[str], typer.Argument(metavar="PLAN", help="Plan files, directories, globs or corpus names.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite database (made if missing).")] = Path("plans.sqlite"),
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes (default: the cores).")] = None,
    rules_dir: RulesOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Store extracted plans in SQLite: changed files replaced, unchanged ones (same sha256) skipped.

    Tasks' titles and texts also go into a word index (jieba-segmented, SQLite
    FTS5) that `policyx query --text` searches.

    Example: policyx index corpus/ --db plans.sqlite
    """
    from policyx.io.batch import expand
    from policyx.io.store import index_paths

    made = not db.exists()
    todo, unchanged = _changed(expand(plans), db)
    outcomes = _resolved(iter_batch(todo, rules_dir, jobs)) if todo else iter(())  # stored as they come
    try:
        stats = index_paths(db, outcomes, on_wait=_waiting)
        _backfill_words(db)
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    if made and not stats["stored"] and not unchanged + stats["unchanged"]:
        _remove_store(db)  # (no plan could be read: no empty database is left behind)
    typer.echo(f"{db}: {stats['stored']} stored, {unchanged + stats['unchanged']} unchanged, {stats['failed']} failed")
    if stats["failed"]:
        raise typer.Exit(2)


def _remove_store(db: Path) -> None:
    """A database this run made and stored nothing in, with its journal files."""
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)


def _waiting(message: str) -> None:
    """Another process is writing the database: say so, on standard error."""
    typer.echo(f"policyx: {message}", err=True)


def _resolved(outcomes):
    """The outcomes with each document's path made absolute (the key of the store)."""
    for outcome in outcomes:
        if outcome.data is not None and outcome.data["document"].get("path"):
            outcome.data["document"]["path"] = str(Path(outcome.data["document"]["path"]).resolve())
        yield outcome


def _backfill_words(db: Path) -> None:
    """Give the tasks of a store made before the word index their words."""
    from policyx.io.search import backfill
    from policyx.io.store import connect

    connection = connect(db, on_wait=_waiting)
    try:
        added = backfill(connection)
    finally:
        connection.close()
    if added:
        logs.note(f"{db}: {added} tasks added to the word index")


def _changed(sources: list[str], db: Path) -> tuple[list[str], int]:
    """The sources to extract again, and how many the database holds unchanged
    (same resolved path, same sha256)."""
    import sqlite3

    from policyx.io.database import damaged
    from policyx.io.store import connect

    try:
        connection = connect(db, on_wait=_waiting)  # another application's database: refused here, before any work
        try:
            return _sort_sources(connection, sources)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise fail(str(damaged(db, exc))) from None
    except PolicyxError as exc:
        raise fail(str(exc)) from None


def _sort_sources(connection, sources: list[str]) -> tuple[list[str], int]:
    import hashlib

    from policyx.io.store import is_current
    from policyx.limits import read_file
    from policyx.text.corpus import resolve

    todo, unchanged = [], 0
    for source in sources:
        try:
            path, _ = resolve(source)
            key = str(path.resolve()) if path else source
            current = path is not None and path.is_file() and is_current(
                connection, key, hashlib.sha256(read_file(path)).hexdigest())
        except (PolicyxError, OSError):
            current = False
        if current:
            unchanged += 1
        else:
            todo.append(source)
    return todo, unchanged


def query(
    db: Annotated[Path, typer.Option("--db", help="A database made by policyx index.")] = Path("plans.sqlite"),
    text: Annotated[Optional[str], typer.Option(
        "--text", help="Tasks whose title or text holds these words (jieba-segmented; spaces separate words that "
                       "must all occur); combine with --lead, --between, --metric.")] = None,
    lead: Annotated[Optional[str], typer.Option("--lead", help="Tasks led by this department (canonical name or alias; 省发改委 only the provinces', 国家发改委 the state's, 发改委 every level's).")] = None,
    between: Annotated[Optional[tuple[str, str]], typer.Option("--between", metavar="FROM TO",
                                                              help="Deadlines between two dates (YYYY-MM-DD YYYY-MM-DD).")] = None,
    metric: Annotated[Optional[str], typer.Option("--metric", help="Targets whose metric contains this, across plans.")] = None,
    load: Annotated[bool, typer.Option("--load", help="Departments ranked by the tasks they lead and join.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many rows (--text: the best first).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, json or xlsx (a workbook: give -o FILE.xlsx).")] = "table",
    output: OutputOption = None,
    rules_dir: RulesOption = None,
) -> None:
    """Ask questions across indexed plans (plain SQL works on the same file too).

    Example: policyx query --db plans.sqlite --text 黑臭水体 --lead 住建
    """
    check_format(fmt, "table", "csv", "json", "xlsx")
    refuse_output(fmt, output)
    chosen = [name for name, value in (("--lead", lead), ("--between", between), ("--metric", metric), ("--load", load)) if value]
    if text is not None and load:
        raise fail("--text finds tasks; --load ranks departments: ask one at a time")
    if text is None and len(chosen) != 1:
        raise fail("choose one question: --text, --lead, --between, --metric or --load")
    if between:
        between = _date_range(between)
    if not db.is_file():
        raise fail(f"{db}: no such database (make one with policyx index)")
    try:
        columns, rows = _ask(db, text, lead, between, metric, rules_dir, limit)
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    title = " ".join(f"{name} {value}" for name, value in (("--text", text), ("--lead", lead), ("--metric", metric)) if value)
    if fmt == "json":
        emit(dumps([dict(zip(columns, row)) for row in rows], "json"), output)
    elif fmt in ("csv", "xlsx"):
        from policyx.io.export import Sheet

        write_sheets(fmt, [Sheet("query", tuple(columns), rows)], output)
    else:
        print_table(f"{title or chosen[0]}: {len(rows)} rows", tuple(columns),
                    ([str(v) if v is not None else "" for v in r] for r in rows))


def _date_range(between: tuple[str, str]) -> tuple[str, str]:
    """--between's two dates, checked: real dates, the first not after the second."""
    import datetime as dt

    dates = []
    for value in between:
        try:
            dates.append(dt.date.fromisoformat(value.strip()))
        except ValueError:
            raise fail(f"--between {value!r}: not a date (write it YYYY-MM-DD, e.g. 2025-12-31)") from None
    if dates[0] > dates[1]:
        raise fail(f"--between {between[0]} {between[1]}: the first date is after the second")
    return dates[0].isoformat(), dates[1].isoformat()


def _ask(db: Path, text: str | None, lead: str | None, between: tuple[str, str] | None, metric: str | None,
         rules_dir: list[Path] | None, limit: int | None = None) -> tuple[list, list]:
    """The question asked (--load when none of the others), as columns and rows:
    --text with any of --lead, --between, --metric; else one of them."""
    import sqlite3

    import policyx.io.store as store

    connection = store.connect(db, write=False)  # read-only: a query changes nothing
    try:
        return _answer(connection, db, text, lead, between, metric, rules_dir, limit)
    except sqlite3.DatabaseError as exc:
        from policyx.io.database import damaged

        raise damaged(db, exc) from None
    finally:
        connection.close()


def _answer(connection, db: Path, text: str | None, lead: str | None, between: tuple[str, str] | None,
            metric: str | None, rules_dir: list[Path] | None, limit: int | None) -> tuple[list, list]:
    import policyx.io.store as store

    if text is not None:
        from policyx.io.search import search_tasks

        return search_tasks(connection, text, lead=_lead_key(lead, rules_dir) if lead else None, between=between,
                            metric=metric, limit=limit)
    if lead:
        return _limited(store.tasks_led_by(connection, *_lead_key(lead, rules_dir)), limit)
    if between:
        return _limited(store.deadlines_between(connection, *between), limit)
    if metric:
        return _limited(store.targets_on(connection, metric), limit)
    return store.department_load(connection, **({"limit": limit} if limit else {}))


def _lead_key(lead: str, rules_dir: list[Path] | None) -> tuple[str | None, str, str | None]:
    """A department as the store is asked about it: its function when the
    registry knows it (环保厅 finds 环保局 too), its name, and the level the
    user wrote (省发展改革委: the provinces' only, 国家发展改革委 the state's;
    发改委 and 环保厅: every level's)."""
    from policyx.rules import load_rules

    registry = load_rules(rule_dirs(rules_dir)).departments
    ref = registry.resolve(lead)
    # (a level is asked of a known office only, as tasks --lead asks it: an unknown name is matched as written)
    return (ref.function, ref.name, registry.asked_level(lead)) if ref.known else (None, ref.name, None)


def _limited(answer: tuple[list, list], limit: int | None) -> tuple[list, list]:
    columns, rows = answer
    return columns, rows[:limit] if limit else rows
