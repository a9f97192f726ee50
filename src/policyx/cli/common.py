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
from policyx.model import PLAN_LEVELS

# the levels --level takes, for help texts: "state, province, prefecture or county"
LEVEL_NAMES = f"{', '.join(PLAN_LEVELS[:-1])} or {PLAN_LEVELS[-1]}"

RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", metavar="<dir>", help="Extra directory of rule files (repeatable).")]


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


ROW_CAP = 200  # rows a table shows on a terminal; the rest are counted


def print_table(title: str, columns: tuple[str, ...], rows, **kwargs) -> None:
    """A table for people. On a terminal: drawn (folded to the terminal's
    width), at most ``ROW_CAP`` rows, then how many more there are. Piped or
    redirected: plain lines — the title, then the header and one line per
    row, cells separated by tabs — written as they come, however many."""
    if not _is_terminal():
        _plain_table(title, columns, rows)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # plan text as text: "[bold]" or "[/]" in a title is shown, never read as markup
    table = Table(title=Text(str(title)), **kwargs)
    for column in columns:
        table.add_column(Text(str(column)), overflow="fold")
    more = 0
    for n, row in enumerate(rows):
        if n < ROW_CAP:
            table.add_row(*(Text(str(cell)) for cell in row))
        else:
            more += 1
    console = Console()
    console.print(table)
    if more:
        console.print(f"… and {more:,} more rows (pipe the output, or use --format csv or json, for all of them)")


def _is_terminal() -> bool:
    """Standard output is a terminal, or is to be treated as one (FORCE_COLOR,
    TTY_COMPATIBLE=1: as rich reads them)."""
    import os

    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _cell(value) -> str:
    return " ".join(str(value).split("\n")).replace("\t", " ")


def _plain_table(title: str, columns: tuple[str, ...], rows) -> None:
    write = sys.stdout.write
    write(f"{_cell(title)}\n")
    write("\t".join(_cell(c) for c in columns) + "\n")
    batch: list[str] = []
    for row in rows:
        batch.append("\t".join(_cell(c) for c in row) + "\n")
        if len(batch) >= 1000:
            write("".join(batch))
            batch.clear()
    write("".join(batch))


# -- an output that would overwrite an input --------------------------------------

# the parameters that name what a command reads (plans, a parent plan, a config, gold)
INPUT_PARAMS = ("plans", "plan", "plan_a", "plan_b", "against", "config", "gold")


def _input_paths(value) -> list[Path]:
    """The files an input argument reads: a path, a corpus name, a directory
    or glob (expanded as the command expands it)."""
    from policyx.io.batch import expand
    from policyx.text.corpus import resolve

    paths: list[Path] = []
    for item in expand([str(v) for v in _as_list(value) if v is not None and str(v) != "-"]):
        try:
            path, _ = resolve(item)
        except PolicyxError:
            continue
        if path is not None:
            paths.append(path)
    return paths


def refuse_input_as_output(output: Path | None, inputs: dict) -> None:
    """Fail (exit 2) when ``-o`` names a file the command reads: it would be
    overwritten before, or instead of, being read."""
    if output is None or not output.exists():
        return  # a file that does not exist is nobody's input
    for name, value in inputs.items():
        for path in _input_paths(value):
            try:
                same = path.exists() and output.samefile(path)
            except OSError:
                same = False
            if same:
                raise fail(f"{output}: -o names a file this command reads ({path}); write the output elsewhere")
        if _reads_stdin(value) and _is_stdin(output):
            raise fail(f"{output}: -o names the file standard input reads (-); write the output elsewhere")


def _reads_stdin(value) -> bool:
    return any(v is not None and str(v) == "-" for v in _as_list(value))


def _as_list(value) -> list | tuple:
    """An input argument's values: one, or the several a list argument takes."""
    return value if isinstance(value, (list, tuple)) else [value]


def _is_stdin(output: Path) -> bool:
    """Whether standard input is the file ``output`` ("policyx extract - -o plan.txt < plan.txt")."""
    import io
    import os

    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), output.stat())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False  # (no file behind standard input: a pipe, a terminal, a test's stream)


def guard_output(command):
    """A command that refuses an ``-o`` naming one of its inputs before it
    reads anything (app.py wraps every command with it)."""
    import functools
    import inspect

    if "output" not in inspect.signature(command).parameters:
        return command

    @functools.wraps(command)
    def guarded(*args, **kwargs):
        refuse_input_as_output(kwargs.get("output"), {k: v for k, v in kwargs.items() if k in INPUT_PARAMS})
        return command(*args, **kwargs)

    return guarded
