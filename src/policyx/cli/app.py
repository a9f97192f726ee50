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
- catalogue.py — corpus list, rules list/show
- common.py — the helpers they share (fail, load_plan, emit, check_format,
  print_table, RulesOption)

Command modules import only light modules at the top and the rest inside
the command: ``policyx --version`` must not load the extraction stages.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from policyx import __version__
from policyx.cli import catalogue, check, diff, evaluate, extract, store, views
from policyx.errors import PolicyxError

app = typer.Typer(
    name="policyx",
    help="Turn Chinese government policy plans into structured, checkable data.",
    no_args_is_help=True,
    add_completion=False,
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
) -> None:
    """policyx reads plans (水污染防治工作方案, 五年规划, 实施意见 …) into data."""


# The order here is the order of `policyx --help`.
app.command()(extract.extract)
app.command()(views.tasks)
app.command()(views.departments)
app.command()(views.timeline)
app.command()(views.tables)
app.command(name="eval")(evaluate.eval_command)
app.command()(diff.diff)
app.command()(check.check)
app.command()(store.index)
app.command()(store.query)
app.add_typer(catalogue.corpus_app, name="corpus")
app.add_typer(catalogue.rules_app, name="rules")


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
        result = app(args=argv, standalone_mode=False)
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
