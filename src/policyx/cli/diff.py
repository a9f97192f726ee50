"""`policyx diff`: how one plan departs from the plan it implements.

The rendering lives in render_diff.py, imported only when the command runs
(it pulls in the diff analysis, which `policyx --version` must not load).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli.common import RulesOption, check_format, emit, fail, load_plan
from policyx.io.serialize import dumps

FAIL_KINDS = ("looser", "later", "missing")


def diff(
    plan_a: Annotated[str, typer.Argument(help="The plan implemented (e.g. the province's): file or corpus name.")],
    plan_b: Annotated[str, typer.Argument(help="The plan that implements it (e.g. the prefecture's).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")] = "text",
    only_changes: Annotated[bool, typer.Option("--only-changes", help="Leave out tasks that did not change.")] = False,
    fail_on: Annotated[
        Optional[list[str]], typer.Option("--fail-on", help="Exit 1 if any: looser, later, missing (repeatable).")
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    rules_dir: RulesOption = None,
) -> None:
    """How plan B departs from plan A: tasks aligned, then departments, deadlines and targets compared.

    Example: policyx diff xinjiang changji --only-changes --fail-on looser
    """
    check_format(fmt, "text", "json", "markdown")
    kinds = [k for value in fail_on or () for k in value.split(",") if k]
    unknown = [k for k in kinds if k not in FAIL_KINDS]
    if unknown:
        raise fail(f"unknown --fail-on {unknown[0]!r}; choose from {', '.join(FAIL_KINDS)}")
    from policyx.analyse.diff import diff_plans, failures
    from policyx.cli.render_diff import diff_to_dict, diff_to_markdown, print_diff

    rules, a = load_plan(plan_a, rules_dir)
    _, b = load_plan(plan_b, rules_dir)
    result = diff_plans(a, b, rules)
    if fmt == "text" and output is None:
        print_diff(result, only_changes=only_changes)
    else:
        text = (dumps(diff_to_dict(result, only_changes=only_changes), "json") if fmt == "json"
                else diff_to_markdown(result, only_changes=only_changes) + "\n")
        emit(text, output)
    found = failures(result, kinds)
    if found:
        typer.echo(f"policyx: {len(found)} change(s) hit --fail-on {','.join(kinds)}: {found[0]}", err=True)
        raise typer.Exit(1)
