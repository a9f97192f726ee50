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
the command: ``policyx --version`` must not load the extraction stages.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from policyx import __version__
from policyx.cli import catalogue, check, diff, evaluate, extract, logs, report, schema, store, views
from policyx.cli.common import guard_output
from policyx.cli.plain_params import install as _plain_params
from policyx.errors import PolicyxError

_plain_params()  # options read without importing pydantic (plain_params.py)

app = typer.Typer(
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
app.command()(report.report)
app.command()(schema.schema)
for _info in app.registered_commands:  # -o never overwrites what a command reads
    _info.callback = guard_output(_info.callback)
app.add_typer(catalogue.corpus_app, name="corpus")
app.add_typer(catalogue.rules_app, name="rules")


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
