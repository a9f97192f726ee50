"""The command line: arguments in, one library call, rendering out.

Machine formats go to standard output without colour; errors are one line on
standard error with exit status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import PolicyxError
from .serialize import FORMATS, document_to_dict, dumps, write_atomic

app = typer.Typer(
    name="policyx",
    help="Turn Chinese government policy plans into structured, checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
corpus_app = typer.Typer(help="The bundled plans.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

EXTRACT_FORMATS = (*FORMATS, "tree")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"policyx: {message}", err=True)
    return typer.Exit(code)


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


@app.command()
def extract(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name (xinjiang, changji, …) or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, yaml or tree.")] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    rules_dir: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra directory of rule files.")] = None,
) -> None:
    """Extract a plan's structure.

    Example: policyx extract xinjiang --format yaml -o xinjiang.yaml
    """
    if fmt not in EXTRACT_FORMATS:
        raise _fail(f"unsupported format {fmt!r}; choose from {', '.join(EXTRACT_FORMATS)}")
    from .pipeline import extract_file
    from .rules import load_rules

    try:
        rules = load_rules(tuple(str(d) for d in rules_dir or ()))
        doc = extract_file(plan, rules)
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    if fmt == "tree":
        from .render import document_tree

        if output is not None:
            raise _fail("--format tree is for the terminal; use json or yaml with -o")
        document_tree(doc)
        return
    text = dumps(document_to_dict(doc), fmt)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror or exc})") from None


@corpus_app.command("list")
def corpus_list(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the bundled plans.

    Example: policyx corpus list
    """
    from .corpus import load_manifest

    entries = load_manifest()
    rows = [
        {
            "id": e.id,
            "aliases": list(e.aliases),
            "title": e.title,
            "issuer": e.issuer,
            "date": e.date,
            "size": e.size,
        }
        for e in entries
    ]
    if fmt == "json":
        sys.stdout.write(dumps(rows, "json"))
        return
    if fmt != "table":
        raise _fail(f"unsupported format {fmt!r}; choose from table, json")
    from rich.console import Console
    from rich.table import Table

    table = Table(title="policyx corpus")
    for column in ("id", "aliases", "title", "issuer", "date", "size"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row["id"],
            ", ".join(row["aliases"]),
            row["title"] or "—",
            row["issuer"] or "—",
            row["date"] or "—",
            f"{row['size']:,}",
        )
    Console().print(table)


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
