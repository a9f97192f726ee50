"""`policyx eval`: accuracy against hand-written gold."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from policyx.cli.common import RulesOption, check_format, fail, print_table, rule_dirs
from policyx.errors import PolicyxError
from policyx.io.serialize import dumps


def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file or a directory of them (see docs/gold-format.md).")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """Accuracy against hand-written gold: precision, recall and F1 per field and per document.

    Example: policyx eval tests/gold --verbose
    """
    check_format(fmt, "table", "json")
    from policyx.analyse.evaluate import evaluate
    from policyx.rules import load_rules

    try:
        reports = evaluate(gold, load_rules(rule_dirs(rules_dir)))
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(dumps({name: r.as_dict() if verbose else {k: v for k, v in r.as_dict().items() if k != "misses"}
                                for name, r in reports.items()}, "json"))
        return
    print_table("policyx eval", ("document", "field", "tp", "fp", "fn", "precision", "recall", "F1", "exact"),
                _score_rows(reports))
    line = reports["all"].summary_line()
    if line:
        typer.echo(line)
    if verbose:
        for miss in reports["all"].misses:
            typer.echo(miss)


def _score_rows(reports) -> list[tuple[str, ...]]:
    """One row per document and field: counts, precision, recall, F1, exact share."""
    rows = []
    for name, report in reports.items():
        for field, counts in report.fields.items():
            exact = report.exact.get(field)
            rows.append((name, field, str(counts.tp), str(counts.fp), str(counts.fn), f"{counts.precision:.3f}",
                         f"{counts.recall:.3f}", f"{counts.f1:.3f}", f"{exact[0] / exact[1]:.3f}" if exact and exact[1] else "—"))
    return rows
