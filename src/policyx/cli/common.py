"""What every command shares: failing with one line, loading a plan, writing
output, checking --format, printing a table, and the --rules option.

The command modules import from here and app.py imports the command modules,
so imports within the CLI run one way. Keep the top-level imports light:
``policyx --version`` loads this module.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.errors import PolicyxError
from policyx.io.serialize import write_atomic

RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra directory of rule files.")]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``policyx: message`` on standard error; raise what this returns."""
    typer.echo(f"policyx: {message}", err=True)
    return typer.Exit(code)


def rule_dirs(rules_dir: list[Path] | None) -> tuple[str, ...]:
    """The --rules directories as load_rules takes them."""
    return tuple(str(d) for d in rules_dir or ())


def load_rule_set(rules_dir: list[Path] | None):
    """The rules, packaged and extra; unreadable rules fail the command."""
    from policyx.rules import load_rules

    try:
        return load_rules(rule_dirs(rules_dir))
    except PolicyxError as exc:
        raise fail(str(exc)) from None


def load_plan(plan: str, rules_dir: list[Path] | None, **facts: str | None):
    """The rules and one extracted plan; an unreadable plan fails the command.
    ``facts`` (title, level, date) given by the user win over the manifest and the text."""
    from policyx.extract.pipeline import extract_file
    from policyx.rules import load_rules

    try:
        rules = load_rules(rule_dirs(rules_dir))
        return rules, extract_file(plan, rules, **{k: v for k, v in facts.items() if v})
    except PolicyxError as exc:
        raise fail(str(exc)) from None


def check_format(fmt: str, *allowed: str) -> None:
    if fmt not in allowed:
        raise fail(f"unsupported format {fmt!r}; choose from {', '.join(allowed)}")


def emit(text: str, output: Path | None) -> None:
    """Write to standard output, or atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror or exc})") from None


def print_table(title: str, columns: tuple[str, ...], rows, **kwargs) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, **kwargs)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
