"""`policyx diff`: how one plan departs from another — the plan it implements,
another region's, or its predecessor.

The rendering lives in render_diff.py, imported only when the command runs
(it pulls in the diff analysis, which `policyx --version` must not load).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli.common import LEVEL_NAMES, RulesOption, check_format, emit, fail, load_plan
from policyx.io.serialize import dumps

FAIL_KINDS = ("looser", "later", "missing")
REPORT_FIELDS = ("lead", "participants", "implementers", "deadlines", "targets", "indicators", "tasks")


def _fact(help_text: str):
    return typer.Option(help=help_text)


def check_facts(level: str | None, date: str | None, option: str) -> None:
    """--level is one of PLAN_LEVELS; --date a year or an ISO date."""
    import datetime as dt

    from policyx.model import PLAN_LEVELS

    if level and level not in PLAN_LEVELS:
        raise fail(f"unknown {option}level {level!r}; choose from {', '.join(PLAN_LEVELS)}")
    if date:
        try:
            dt.date.fromisoformat(date) if len(date) > 4 else dt.date(int(date), 1, 1)
        except ValueError:
            raise fail(f"{option}date {date!r} is neither a year (2016) nor a date (2016-07-27)") from None


def parse_fields(fields: list[str] | None) -> tuple[str, ...]:
    wanted = [f for value in fields or () for f in value.split(",") if f]
    unknown = [f for f in wanted if f not in REPORT_FIELDS]
    if unknown:
        raise fail(f"unknown --fields {unknown[0]!r}; choose from {', '.join(REPORT_FIELDS)}")
    return tuple(wanted) or REPORT_FIELDS


def diff(
    plan_a: Annotated[str, typer.Argument(help="The plan implemented (e.g. the province's), or the earlier one: file or corpus name.")],
    plan_b: Annotated[str, typer.Argument(help="The plan that implements it, or the later one.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")] = "text",
    only_changes: Annotated[bool, typer.Option("--only-changes", help="Leave out what did not change.")] = False,
    fields: Annotated[Optional[list[str]], typer.Option(
        "--fields", metavar="<field>", help=f"Show only these (text, markdown; repeatable or comma-separated): {', '.join(REPORT_FIELDS)}.")] = None,
    fail_on: Annotated[
        Optional[list[str]], typer.Option("--fail-on", metavar="<kind>", help="Exit 1 if any: looser, later, missing (repeatable).")
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    level_a: Annotated[Optional[str], _fact(f"Plan A's level: {LEVEL_NAMES} (else manifest, else text).")] = None,
    level_b: Annotated[Optional[str], _fact("Plan B's level.")] = None,
    region_a: Annotated[Optional[str], _fact("Plan A's region, e.g. 新疆维吾尔自治区 or 昌吉州.")] = None,
    region_b: Annotated[Optional[str], _fact("Plan B's region.")] = None,
    title_a: Annotated[Optional[str], _fact("Plan A's title.")] = None,
    title_b: Annotated[Optional[str], _fact("Plan B's title.")] = None,
    date_a: Annotated[Optional[str], _fact("Plan A's date (2016-07-27) or year (for 今年底前 …).")] = None,
    date_b: Annotated[Optional[str], _fact("Plan B's date or year.")] = None,
    rules_dir: RulesOption = None,
) -> None:
    """How plan B departs from plan A: tasks aligned, then departments, deadlines and targets compared.

    Targets are compared only with a target of the same indicator, wherever
    each plan states it. Each plan's level, region, title and date come from
    the options, else the corpus manifest, else its text; the report says which.

    Example: policyx diff xinjiang changji --only-changes --fail-on looser
    """
    check_format(fmt, "text", "json", "markdown")
    kinds = [k for value in fail_on or () for k in value.split(",") if k]
    unknown = [k for k in kinds if k not in FAIL_KINDS]
    if unknown:
        raise fail(f"unknown --fail-on {unknown[0]!r}; choose from {', '.join(FAIL_KINDS)}")
    shown = parse_fields(fields)
    check_facts(level_a, date_a, "--")
    check_facts(level_b, date_b, "--")
    from policyx.analyse.diff import diff_plans, failures
    from policyx.analyse.plan_info import plan_facts
    from policyx.cli.render_diff import diff_to_dict, diff_to_markdown, print_diff

    given_a = {"title": title_a, "level": level_a, "region": region_a, "date": date_a}
    given_b = {"title": title_b, "level": level_b, "region": region_b, "date": date_b}
    rules, a = load_plan(plan_a, rules_dir, title=title_a, level=level_a, date=date_a)
    _, b = load_plan(plan_b, rules_dir, title=title_b, level=level_b, date=date_b)
    result = diff_plans(a, b, rules, facts_a=plan_facts(a, rules, given_a), facts_b=plan_facts(b, rules, given_b))
    if fmt == "text" and output is None:
        print_diff(result, only_changes=only_changes, fields=shown)
    else:
        text = (dumps(diff_to_dict(result, only_changes=only_changes), "json") if fmt == "json"
                else diff_to_markdown(result, only_changes=only_changes, fields=shown) + "\n")
        emit(text, output)
    found = failures(result, kinds)
    if found:
        typer.echo(f"policyx: {len(found)} change(s) hit --fail-on {','.join(kinds)}: {found[0]}", err=True)
        raise typer.Exit(1)
