"""The command line: arguments in, one library call, rendering out.

Machine formats go to standard output without colour; errors are one line on
standard error with exit status 2.

This module holds the Typer app, the root callback (--version), main() and
the registration of the commands; each family of commands lives in a module
of its own, rendering beside it:

- extract.py — extract (and running many plans at once)
- views.py — tasks, departments, timeline, tables
- evaluate.py — eval
- diff.py — diff (render_diff.py draws it)
- check.py — check (render_check.py writes its reports)
- store.py — index, query
- report.py — report (the HTML page: report_data.py, report_html.py)
- schema.py — schema (the output contract as JSON Schema)
- catalogue.py — corpus list, rules list/show
- exporting.py — --format csv / xlsx; logs.py — --quiet / --verbose
- common.py — the helpers they share (fail, load_plan, emit, check_format,
  print_table, RulesOption)

Command modules import only light modules at the top and the rest inside
the command: ``policyx --version`` must not load the extraction stages. A
command's module is imported, and its options read by Typer, only when that
command is run, completed or listed (``COMMANDS``, ``_LazyGroup``).
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from policyx import __version__
from policyx.cli import logs
from policyx.cli.common import guard_output
from policyx.cli.plain_params import install as _plain_params
from policyx.errors import PolicyxError

_plain_params()  # options read without importing pydantic (plain_params.py)

# The commands in the order of `policyx --help`: the function (or, for a
# family of commands, the Typer app) in its module of policyx.cli.
COMMANDS = {
    "extract": "extract:extract",
    "tasks": "views:tasks",
    "departments": "views:departments",
    "timeline": "views:timeline",
    "tables": "views:tables",
    "eval": "evaluate:eval_command",
    "diff": "diff:diff",
    "check": "check:check",
    "index": "store:index",
    "query": "store:query",
    "report": "report:report",
    "schema": "schema:schema",
    "corpus": "catalogue:corpus_app",
    "rules": "catalogue:rules_app",
}


class _Commands(MutableMapping):
    """The root group's commands by name, each built when first looked up:
    running one command imports its module alone and lets Typer read the
    options of that command alone (building all of them took 20–30 ms)."""

    def __init__(self) -> None:
        self._built: dict = {}
        self._names = list(COMMANDS)

    def __getitem__(self, name: str):
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = _build(name)
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:
        if name not in self._names:
            self._names.append(name)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._built.pop(name, None)

    def __iter__(self):
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)


class _LazyGroup(TyperGroup):
    """The root group over :class:`_Commands` (names listed without building them)."""

    def __init__(self, *, commands=None, **attrs) -> None:
        super().__init__(**attrs)
        self.commands = _Commands()
        for name, command in (commands or {}).items():
            self.commands[name] = command

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)


def _build(name: str):
    """The click command ``name``, made by Typer as ``app.command()`` /
    ``app.add_typer()`` would; every command's ``-o`` is guarded so that it
    never overwrites what the command reads."""
    import importlib

    from typer.main import get_command_from_info, get_group_from_info

    module, attribute = COMMANDS[name].split(":")
    target = getattr(importlib.import_module(f"policyx.cli.{module}"), attribute)
    holder = typer.Typer()
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
        return get_group_from_info(holder.registered_groups[0], pretty_exceptions_short=app.pretty_exceptions_short,
                                   rich_markup_mode=app.rich_markup_mode, suggest_commands=app.suggest_commands)
    holder.command(name=name)(guard_output(target))
    return get_command_from_info(holder.registered_commands[0], pretty_exceptions_short=app.pretty_exceptions_short,
                                 rich_markup_mode=app.rich_markup_mode)


app = typer.Typer(
    cls=_LazyGroup,
    name="policyx",
    help="Turn Chinese government policy plans into structured, checkable data.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policyx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Say nothing on stderr but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say what each step did on stderr.")] = False,
    max_size: Annotated[Optional[str], typer.Option(
        "--max-size", help="The largest plan read (default 16MiB; e.g. 64MB, 1GB, none).")] = None,
) -> None:
    """policyx reads plans (水污染防治工作方案, 五年规划, 实施意见 …) into data."""
    if max_size is not None:
        _set_max_size(max_size)
    logs.reset()
    if quiet or verbose:
        logs.set_level(logs.QUIET if quiet else logs.VERBOSE)


def _set_max_size(value: str) -> None:
    """--max-size: checked here, then handed to the readers (and to the
    processes of a batch) through POLICYX_MAX_SIZE."""
    import os

    from policyx.limits import ENVIRONMENT, parse_size

    try:
        parse_size(value)
    except PolicyxError as exc:
        raise typer.BadParameter(str(exc), param_hint="--max-size") from None
    os.environ[ENVIRONMENT] = value


def _usage_error_types() -> tuple[type, type | None]:
    """Typer vendors click from 0.20 on; older releases use click itself."""
    try:
        from typer._click import exceptions as click_exceptions
    except ImportError:  # pragma: no cover - depends on the installed typer
        from click import exceptions as click_exceptions  # type: ignore[no-redef]
    return click_exceptions.UsageError, getattr(click_exceptions, "NoArgsIsHelpError", None)


def main(argv: list[str] | None = None) -> None:
    """Entry point: usage errors become one line and exit status 2."""
    usage_error, no_args_error = _usage_error_types()
    try:
        result = app(args=argv, prog_name="policyx", standalone_mode=False)  # also under python -m policyx
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("policyx: interrupted", err=True)
        sys.exit(130)
    except PolicyxError as exc:
        typer.echo(f"policyx: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # (what a command could not write: a full disk, a device error)
        typer.echo(f"policyx: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), err=True)
        sys.exit(1)
    except Exception as exc:
        if no_args_error is not None and isinstance(exc, no_args_error):
            ctx = getattr(exc, "ctx", None)
            typer.echo(ctx.get_help() if ctx else str(exc))
            sys.exit(0)
        if isinstance(exc, usage_error):
            typer.echo(f"policyx: {exc.format_message()}", err=True)
            sys.exit(2)
        raise
    sys.exit(result if isinstance(result, int) else 0)
