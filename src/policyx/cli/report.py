"""`policyx report`: one HTML page an analyst reads and shares — the plan's
outline, tasks, deadlines, department load, targets and warnings, and with
--against the comparison with the plan it implements.

The data comes from report_data.py (the same functions as `policyx tasks`,
`departments`, `timeline` and `diff`), the page from report_html.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli import logs
from policyx.cli.common import LEVEL_NAMES, RulesOption, emit, fail, load_plan
from policyx.cli.logs import QuietOption, VerboseOption


def report(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    against: Annotated[Optional[str], typer.Option(
        "--against", help="The plan this one implements (or its predecessor): adds the comparison, as policyx diff AGAINST PLAN.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="The HTML file to write (atomically); without it, the page goes to stdout when that is no terminal.")] = None,
    level: Annotated[Optional[str], typer.Option(help=f"The plan's level: {LEVEL_NAMES}.")] = None,
    region: Annotated[Optional[str], typer.Option(help="The plan's region, e.g. 昌吉州.")] = None,
    title: Annotated[Optional[str], typer.Option(help="The plan's title.")] = None,
    date: Annotated[Optional[str], typer.Option(help="The plan's date (2016-07-27) or year.")] = None,
    rules_dir: RulesOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Write one self-contained HTML page about a plan: outline, tasks, deadlines, load, targets, warnings.

    The page opens offline in any browser (charts and scripts embedded,
    nothing fetched; Chinese in the browser's own fonts). Tables sort by a
    click on a column and filter by department, section and deadline year.
    With --against PARENT it also shows the comparison: aligned tasks side
    by side with changed fields marked, indicators compared, tasks only in
    one plan.

    Example: policyx report changji --against xinjiang -o changji.html
    """
    import sys

    from policyx.cli.diff import check_facts

    if output is None and sys.stdout.isatty():
        raise fail("the report is an HTML page for a browser; write it to a file with -o FILE.html (or pipe it)")
    check_facts(level, date, "--")
    from policyx.analyse.plan_info import plan_facts
    from policyx.cli.report_data import diff_data, plan_data
    from policyx.cli.report_html import render

    given = {"title": title, "level": level, "region": region, "date": date}
    rules, doc = load_plan(plan, rules_dir, title=title, level=level, date=date)
    facts = plan_facts(doc, rules, given)
    logs.detail(f"{doc.info.id}: {len(doc.tasks)} tasks, {len(doc.sections)} sections read")
    view = plan_data(doc, rules, facts)
    comparison = None
    if against is not None:
        from policyx.analyse.diff import diff_plans

        _, parent = load_plan(against, rules_dir)
        result = diff_plans(parent, doc, rules, facts_a=plan_facts(parent, rules), facts_b=facts)
        comparison = diff_data(result)
        logs.detail(f"against {parent.info.id}: {len(result.matched)} tasks aligned")
    try:
        page = render(view, comparison)
    except ValueError as exc:
        raise fail(str(exc)) from None
    emit(page, output)
    if output is not None:
        logs.note(f"{output}: {len(view['tasks'])} tasks, {len(view['departments'])} departments"
                  + (f", {len(comparison['matched'])} aligned with {comparison['a']['id']}" if comparison else "")
                  + f" ({len(page.encode('utf-8')) // 1024} KB)")
