"""`policyx check`: validate plans for CI.

The reports (text, json, github, junit, sarif) live in render_check.py,
imported only when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli.common import LEVEL_NAMES, RulesOption, check_format, emit, fail, load_plan, print_table, rule_dirs
from policyx.errors import PolicyxError


def check(
    plans: Annotated[Optional[list[str]], typer.Argument(metavar="PLAN", help="Plan files, directories, globs or corpus names (several at once).")] = None,
    against: Annotated[Optional[str], typer.Option("--against", help="The parent plan this one implements.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="auto, text, json, github, junit or sarif.")] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too (exit 1).")] = False,
    disable: Annotated[Optional[list[str]], typer.Option("--disable", metavar="<rule>", help="Switch a rule off for this run (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="A policyx.toml or pyproject.toml to read.")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List the rules and exit.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here (atomically).")] = None,
    level: Annotated[Optional[str], typer.Option(help=f"The plans' level: {LEVEL_NAMES} (else manifest, else text).")] = None,
    region: Annotated[Optional[str], typer.Option(help="The plans' region, e.g. 昌吉州.")] = None,
    title: Annotated[Optional[str], typer.Option(help="The plan's title.")] = None,
    date: Annotated[Optional[str], typer.Option(help="The plan's date (2016-07-27) or year.")] = None,
    rules_dir: RulesOption = None,
) -> None:
    """Validate plans for CI: exit 0 clean, 1 on errors (or warnings with --strict), 2 on unreadable input.

    Each plan's level, region, title and date come from the options, else the
    corpus manifest, else its text; the report says which (they decide, with
    --against, whether absolute amounts are compared).

    Example: policyx check changji --against xinjiang --format sarif -o policyx.sarif
    """
    from policyx.cli.render_check import FORMATS, print_text

    fmt = _resolve_format(fmt)
    check_format(fmt, *FORMATS)
    rules, known, settings = _load_settings(rules_dir, config)
    if list_rules:
        _print_rules(known, settings)
        return
    if not plans:
        raise fail("no plan given; usage: policyx check PLAN... [--against PARENT]")
    unknown = [r for r in disable or () if r not in known]
    if unknown:
        raise fail(f"unknown rule {unknown[0]!r}; see policyx check --list-rules")
    from policyx.cli.diff import check_facts

    check_facts(level, date, "--")
    given = {"title": title, "level": level, "region": region, "date": date}
    parent = None
    if against:
        _, parent = load_plan(against, rules_dir)
    checked, unreadable = _check_plans(plans, rules, parent, settings, disable or (), given)
    if fmt == "text" and output is None:
        print_text(checked, unreadable=len(unreadable))
    else:
        emit(_report(checked, unreadable, fmt, known, strict=strict), output)
    if unreadable:
        raise typer.Exit(2)
    failing = {"error", "warning"} if strict else {"error"}
    if any(f.severity in failing for p in checked for f in p.findings):
        raise typer.Exit(1)


def _resolve_format(fmt: str) -> str:
    """``auto`` is github annotations inside GitHub Actions, text elsewhere."""
    import os

    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def _load_settings(rules_dir: list[Path] | None, config: Path | None):
    """The rules, the check catalogue and the settings from --config or the
    nearest policyx.toml / pyproject.toml."""
    from policyx.analyse.check import catalogue, find_config, load_config
    from policyx.rules import load_rules

    try:
        rules = load_rules(rule_dirs(rules_dir))
        known = catalogue(rules)
        settings = load_config(config if config else find_config(), known)
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    return rules, known, settings


def _print_rules(known, settings) -> None:
    print_table("policyx check rules", ("rule", "code", "severity", "description"),
                ((r.id, r.code, settings.severity.get(r.id, r.severity) + (" (off)" if r.id in settings.disabled else ""),
                  r.description) for r in known.values()))


def _check_plans(plans: list[str], rules, parent, settings, disable, given: dict) -> tuple[list, list]:
    """Each readable plan with its findings, and the plans that could not be
    read (each reported on standard error as well)."""
    from policyx.analyse.check import check_plan
    from policyx.analyse.plan_info import plan_facts
    from policyx.cli.render_check import CheckedPlan, Unreadable
    from policyx.extract.pipeline import extract_file
    from policyx.io.batch import expand

    checked: list[CheckedPlan] = []
    unreadable: list[Unreadable] = []
    parent_facts = plan_facts(parent, rules) if parent is not None else None
    for plan in expand(plans):  # (a directory gives its plan files, a glob its matches, as extract reads them)
        try:
            doc = extract_file(plan, rules, **{k: v for k, v in given.items() if k != "region" and v})
        except PolicyxError as exc:
            typer.echo(f"policyx: {exc}", err=True)
            message = str(exc)
            unreadable.append(Unreadable(plan, message.removeprefix(f"{plan}: ")))  # (the report names the plan)
            continue
        facts = plan_facts(doc, rules, given)
        findings = check_plan(doc, rules, parent=parent, config=settings, disable=disable, facts=facts,
                              parent_facts=parent_facts)
        checked.append(CheckedPlan(doc.info.id, doc.info.path, doc.info.title or facts.title, tuple(findings),
                                   facts, parent_facts))
    return checked, unreadable


def _report(checked: list, unreadable: list, fmt: str, known, *, strict: bool) -> str:
    """The report as text in a machine format (or plain text lines for a
    file), the plans that could not be read in it too."""
    from policyx.cli.render_check import to_github, to_json, to_junit, to_sarif

    if fmt == "json":
        return to_json(checked, unreadable)
    if fmt == "github":
        return to_github(checked, unreadable)
    if fmt == "junit":
        return to_junit(checked, unreadable, strict=strict)
    if fmt == "sarif":
        return to_sarif(checked, known, unreadable)
    return "".join([*(f"{u.source}: error unreadable {u.message}\n" for u in unreadable),
                    *(f"{p.location}:{f.line or ''}: {f.severity} {f.rule} {f.message}\n" for p in checked for f in p.findings)])
