"""Views of one plan: `policyx tasks`, `departments`, `timeline` and `tables`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli.common import RulesOption, check_format, emit, fail, load_plan, print_table
from policyx.cli.exporting import OutputOption, refuse_output, write_sheets
from policyx.io.export import LIST_SEPARATOR
from policyx.io.serialize import dumps, write_atomic

VIEW_FORMATS = ("table", "json", "csv", "xlsx")
FORMAT_HELP = "table, json, csv or xlsx (a workbook: give -o FILE.xlsx)."


def _names(refs) -> str:
    return LIST_SEPARATOR.join(r.shown for r in refs)


def tasks(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    lead: Annotated[Optional[str], typer.Option("--lead", help="Only tasks this department leads (环保厅 also finds 环保局).")] = None,
    participant: Annotated[Optional[str], typer.Option("--participant", help="Only tasks this department takes part in.")] = None,
    section: Annotated[Optional[str], typer.Option("--section", help="Only tasks in this section (e.g. 1.2) and below.")] = None,
    source: Annotated[str, typer.Option("--source", help="body (the text), table (task-table rows) or all.")] = "body",
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    output: OutputOption = None,
    rules_dir: RulesOption = None,
) -> None:
    """List a plan's tasks with their lead, participating and implementing departments.

    csv and xlsx give one row per task: lead, participants, implementers,
    deadlines (as written and as dates), targets, line and clause. A
    department marked * is inherited: a standing clause of an earlier task
    ("以下均需各县市人民政府落实，不再列出") hands it down.

    Example: policyx tasks xinjiang --lead 环保厅
    """
    check_format(fmt, *VIEW_FORMATS)
    refuse_output(fmt, output)
    if source not in ("body", "table", "all"):
        raise fail(f"unsupported --source {source!r}; choose from body, table, all")
    from policyx.analyse.views import filter_tasks

    rules, doc = load_plan(plan, rules_dir)
    if section is not None:
        _refuse_unknown_section(doc, section)
    selected = filter_tasks(doc, rules.departments, lead=lead, participant=participant, section=section, source=source)
    for option, name in (("--lead", lead), ("--participant", participant)):
        if name and not selected and not _names_a_department(doc, rules.departments, name):
            typer.echo(f"policyx: {option} {name}: no department of this plan and none the rules know by that name "
                       "(policyx departments PLAN lists the plan's)", err=True)
    elsewhere = sum(1 for t in doc.tasks if t.source != source) if source != "all" else 0
    if elsewhere:  # (a plan whose tasks are all a table's rows lists none from its text: say where they are)
        typer.echo(f"policyx: {elsewhere} more task(s) from the plan's {'tables' if source == 'body' else 'text'}: "
                   "--source all lists them too", err=True)
    if fmt == "json":
        from policyx.io.serialize import task_to_dict

        emit(dumps([task_to_dict(t) for t in selected], "json"), output)
        return
    if fmt in ("csv", "xlsx"):
        from policyx.io.export import task_sheet

        write_sheets(fmt, [task_sheet(doc.info.id, selected)], output)
        return
    print_table(
        f"{doc.info.title or doc.info.id}: {len(selected)} of {len(doc.tasks if source == 'all' else [t for t in doc.tasks if t.source == source])} tasks",
        ("id", "line", "task", "lead", "participants", "implementers"),
        ((t.id, str(t.line), t.title, _names(t.lead), _names(t.participants), _names(t.implementers)) for t in selected),
    )
    if any(r.inherited for t in selected for r in t.implementers):
        typer.echo("* inherited from a standing clause (以下均需…落实)")


def _names_a_department(doc, registry, name: str) -> bool:
    """Whether ``name`` is a department the rules know, or one written in the plan."""
    if registry.resolve(name).known:
        return True
    return any(name in (r.raw, r.name, r.canonical) for t in doc.tasks for r in (*t.lead, *t.participants, *t.implementers))


def _refuse_unknown_section(doc, section: str) -> None:
    """--section names no section of the plan: said in one line (a task's id,
    "1.1.1", looks like a section's and gave no task, silently)."""
    if any(s.id == section for s in doc.sections):
        return
    task = next((t for t in doc.tasks if t.id == section), None)
    if task is not None:
        raise fail(f"--section {section}: that is a task's id (its section is {task.section or 'none'}); "
                   "--section takes a section's id (policyx extract PLAN --format tree shows them)")
    shown = ", ".join(s.id for s in doc.sections[:12]) + (" …" if len(doc.sections) > 12 else "")
    raise fail(f"--section {section}: the plan has no such section (its sections: {shown or 'none'})")


def departments(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    output: OutputOption = None,
    rules_dir: RulesOption = None,
) -> None:
    """Each department of a plan with the tasks it leads, joins and carries out.

    Example: policyx departments xinjiang --format json
    """
    check_format(fmt, *VIEW_FORMATS)
    refuse_output(fmt, output)
    from policyx.analyse.views import department_load

    _, doc = load_plan(plan, rules_dir)
    rows = department_load(doc)
    if fmt == "json":
        emit(dumps([r.as_dict() for r in rows], "json"), output)
        return
    if fmt in ("csv", "xlsx"):
        from policyx.io.export import department_sheet

        write_sheets(fmt, [department_sheet(doc.info.id, rows)], output)
        return
    print_table(
        f"{doc.info.title or doc.info.id}: departments",
        ("department", "as written", "leads", "takes part", "carries out", "leads tasks"),
        ((r.canonical, "、".join(r.names), str(len(r.leads)), str(len(r.participates)), str(len(r.implements)),
          " ".join(r.leads)) for r in rows),
    )


def timeline(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    output: OutputOption = None,
    rules_dir: RulesOption = None,
) -> None:
    """A plan's tasks ordered by deadline, grouped by year, with their leads.

    Example: policyx timeline changji
    """
    check_format(fmt, *VIEW_FORMATS)
    refuse_output(fmt, output)
    from policyx.analyse.views import timeline as build_timeline

    _, doc = load_plan(plan, rules_dir)
    entries = build_timeline(doc)
    if fmt == "json":
        emit(dumps([e.as_dict() for e in entries], "json"), output)
        return
    if fmt in ("csv", "xlsx"):
        from policyx.io.export import timeline_sheet

        write_sheets(fmt, [timeline_sheet(doc.info.id, entries)], output)
        return
    groups: dict[str, list] = {}
    for e in entries:
        label = str(e.year) if e.year else {"every": "recurring", "ongoing": "ongoing"}.get(e.kind, "no deadline")
        groups.setdefault(label, []).append(e)
    for label, rows in groups.items():
        print_table(
            f"{label} ({len(rows)})",
            ("date", "kind", "as written", "task", "lead", "line"),
            ((e.date or "—", e.kind, e.raw or "—", f"{e.task} {e.title}", "、".join(e.lead), str(e.line)) for e in rows),
            title_justify="left",
        )


def tables(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    csv_dir: Annotated[Optional[Path], typer.Option("--csv", help="Also write one CSV file per table into this directory.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "table",
    output: OutputOption = None,
    rules_dir: RulesOption = None,
) -> None:
    """Print each table of a plan (专栏 boxes, 附表/附件 task tables, site lists), and write CSVs.

    --format csv puts every table in one CSV (table, title, kind, line, group,
    then the tables' columns); xlsx gives one worksheet per table.

    Example: policyx tables changji --csv out/
    """
    check_format(fmt, *VIEW_FORMATS)
    refuse_output(fmt, output)
    _, doc = load_plan(plan, rules_dir)
    if csv_dir is not None:
        from policyx.io.serialize import table_to_csv

        try:
            csv_dir.mkdir(parents=True, exist_ok=True)
            for t in doc.tables:
                write_atomic(csv_dir / f"{doc.info.id}.{t.id.replace('#', '-')}.csv", table_to_csv(t))
        except OSError as exc:
            raise fail(f"{csv_dir}: cannot write ({exc.strerror or exc})") from None
    if fmt == "json":
        from policyx.io.serialize import to_plain

        emit(dumps(to_plain(doc.tables), "json"), output)
        return
    if fmt in ("csv", "xlsx"):
        from policyx.io.export import table_sheets, tables_long

        write_sheets(fmt, table_sheets(doc.info.id, doc.tables), output, csv_sheet=tables_long(doc.info.id, doc.tables))
        return
    if not doc.tables:
        typer.echo(f"{doc.info.id}: no tables found")
    for t in doc.tables:
        count = f", says {t.stated_count}" if t.stated_count is not None else ""
        print_table(f"{t.id} {t.title or ''} — {t.kind}, {len(t.rows)} rows{count} (line {t.line})",
                    ("line", *t.columns), ((str(line), *row) for line, row in zip(t.row_lines, t.rows)))
        for note in t.footnotes:
            typer.echo(note)
