"""`policyx index` and `policyx query`: extracted plans kept in SQLite."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli.common import RulesOption, check_format, fail, print_table, rule_dirs
from policyx.cli.extract import run_batch
from policyx.errors import PolicyxError
from policyx.io.serialize import dumps


def index(
    plans: Annotated[list[str], typer.Argument(help="Plan files, directories, globs or corpus names.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite database (made if missing).")] = Path("plans.sqlite"),
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes (default: the cores).")] = None,
    rules_dir: RulesOption = None,
) -> None:
    """Store extracted plans in SQLite: changed files replaced, unchanged ones (same sha256) skipped.

    Example: policyx index corpus/ --db plans.sqlite
    """
    from policyx.io.batch import expand
    from policyx.io.store import index_paths

    todo, unchanged = _changed(expand(plans), db)
    outcomes = run_batch(todo, rules_dir, jobs) if todo else []
    for outcome in outcomes:
        if outcome.data is not None and outcome.data["document"].get("path"):
            outcome.data["document"]["path"] = str(Path(outcome.data["document"]["path"]).resolve())
    try:
        stats = index_paths(db, outcomes)
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"{db}: {stats['stored']} stored, {unchanged + stats['unchanged']} unchanged, {stats['failed']} failed")
    if stats["failed"]:
        raise typer.Exit(2)


def _changed(sources: list[str], db: Path) -> tuple[list[str], int]:
    """The sources to extract again, and how many the database holds unchanged
    (same resolved path, same sha256)."""
    import hashlib

    from policyx.io.store import connect, is_current
    from policyx.text.corpus import resolve

    try:
        connection = connect(db)
        todo, unchanged = [], 0
        for source in sources:
            try:
                path, _ = resolve(source)
                key = str(path.resolve()) if path else source
                current = path is not None and path.is_file() and is_current(
                    connection, key, hashlib.sha256(path.read_bytes()).hexdigest())
            except (PolicyxError, OSError):
                current = False
            if current:
                unchanged += 1
            else:
                todo.append(source)
        connection.close()
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    return todo, unchanged


def query(
    db: Annotated[Path, typer.Option("--db", help="A database made by policyx index.")] = Path("plans.sqlite"),
    lead: Annotated[Optional[str], typer.Option("--lead", help="Tasks led by this department (canonical name or alias).")] = None,
    between: Annotated[Optional[tuple[str, str]], typer.Option("--between", help="Deadlines between two dates (YYYY-MM-DD).")] = None,
    metric: Annotated[Optional[str], typer.Option("--metric", help="Targets whose metric contains this, across plans.")] = None,
    load: Annotated[bool, typer.Option("--load", help="Departments ranked by the tasks they lead and join.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """Ask questions across indexed plans (plain SQL works on the same file too).

    Example: policyx query --db plans.sqlite --lead 环保厅
    """
    check_format(fmt, "table", "csv", "json")
    chosen = [name for name, value in (("--lead", lead), ("--between", between), ("--metric", metric), ("--load", load)) if value]
    if len(chosen) != 1:
        raise fail("choose one question: --lead, --between, --metric or --load")
    if not db.is_file():
        raise fail(f"{db}: no such database (make one with policyx index)")
    columns, rows = _ask(db, lead, between, metric, rules_dir)
    if fmt == "json":
        sys.stdout.write(dumps([dict(zip(columns, row)) for row in rows], "json"))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        print_table(f"{chosen[0]}: {len(rows)} rows", tuple(columns), ([str(v) if v is not None else "" for v in r] for r in rows))


def _ask(db: Path, lead: str | None, between: tuple[str, str] | None, metric: str | None,
         rules_dir: list[Path] | None) -> tuple[list, list]:
    """The one question asked (--load when none of the others), as columns and rows."""
    import policyx.io.store as store
    from policyx.rules import load_rules

    connection = store.connect(db)
    try:
        if lead:
            registry = load_rules(rule_dirs(rules_dir)).departments
            ref = registry.resolve(lead)
            return store.tasks_led_by(connection, ref.function if ref.known else None, ref.name)
        if between:
            return store.deadlines_between(connection, *between)
        if metric:
            return store.targets_on(connection, metric)
        return store.department_load(connection)
    finally:
        connection.close()
