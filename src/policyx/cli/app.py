"""The command line: arguments in, one library call, rendering out.

Machine formats go to standard output without colour; errors are one line on
standard error with exit status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx import __version__
from policyx.errors import PolicyxError
from policyx.io.serialize import FORMATS, document_to_dict, dumps, write_atomic

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
rules_app = typer.Typer(help="The rule files: patterns with their examples.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

EXTRACT_FORMATS = (*FORMATS, "jsonl", "tree")


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
    plans: Annotated[list[str], typer.Argument(help="Plan files, directories, globs, corpus names (xinjiang, …) or - for stdin.")],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="json (default), yaml, jsonl or tree.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes for several plans (default: the cores).")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show the tree with the rule that read each item (json/yaml carry it as 'rule').")
    ] = False,
    rules_dir: RulesOption = None,
) -> None:
    """Extract plans: section tree, tasks and departments, deadlines, targets, tables.

    One plan gives one document (json, yaml or a tree for people); several —
    or a directory, read recursively for *.txt, *.html, *.md — are extracted in
    parallel, a failing file reported and skipped (exit status 2 at the end).
    --format jsonl writes one document per line.

    Example: policyx extract xinjiang --format yaml -o xinjiang.yaml
    """
    if fmt is None:
        fmt = "tree" if explain else "json"
    elif explain and fmt != "tree":
        raise _fail("--explain draws the tree; json and yaml already name each item's rule in 'rule'")
    _check_format(fmt, *EXTRACT_FORMATS)
    from policyx.io.batch import expand

    sources = expand(plans)
    if len(sources) == 1 and fmt != "jsonl":
        _, doc = _load(sources[0], rules_dir)
        if fmt == "tree":
            from policyx.cli.render_tree import document_tree

            if output is not None:
                raise _fail("--format tree is for the terminal; use json or yaml with -o")
            document_tree(doc, explain=explain)
            return
        _emit(dumps(document_to_dict(doc), fmt), output)
        return
    if fmt == "tree":
        raise _fail("--format tree shows one plan; use jsonl, json or yaml for several")
    outcomes = _run_batch(sources, rules_dir, jobs)
    documents = [o.data for o in outcomes if o.data is not None]
    if fmt == "jsonl":
        import json

        text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    elif fmt == "yaml":
        import yaml

        text = yaml.safe_dump_all(documents, allow_unicode=True, sort_keys=False, width=1000)
    else:
        text = dumps(documents, "json")
    _emit(text, output)
    if any(o.error for o in outcomes):
        raise typer.Exit(2)


def _run_batch(sources: list[str], rules_dir: list[Path] | None, jobs: int | None):
    """Extract many plans with a progress bar on a terminal, log lines otherwise."""
    from policyx.io.batch import extract_many

    rules_dirs = tuple(str(d) for d in rules_dir or ())
    failed: list[str] = []

    def report_failure(outcome) -> None:
        if outcome.error:
            failed.append(outcome.error)

    try:
        if sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as progress:
                bar = progress.add_task("extracting", total=len(sources))

                def done(outcome) -> None:
                    report_failure(outcome)
                    progress.advance(bar)

                outcomes = list(extract_many(sources, rules_dirs=rules_dirs, jobs=jobs, on_done=done))
        else:
            count = [0]

            def log(outcome) -> None:
                report_failure(outcome)
                count[0] += 1
                if count[0] % 100 == 0 or count[0] == len(sources):
                    typer.echo(f"policyx: {count[0]}/{len(sources)} plans read", err=True)

            outcomes = list(extract_many(sources, rules_dirs=rules_dirs, jobs=jobs, on_done=log))
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    for error in failed:
        typer.echo(f"policyx: {error}", err=True)
    if failed:
        typer.echo(f"policyx: {len(failed)} of {len(sources)} plans could not be read", err=True)
    return outcomes


def _load(plan: str, rules_dir: list[Path] | None):
    from policyx.extract.pipeline import extract_file
    from policyx.rules import load_rules

    try:
        rules = load_rules(tuple(str(d) for d in rules_dir or ()))
        return rules, extract_file(plan, rules)
    except PolicyxError as exc:
        raise _fail(str(exc)) from None


def _check_format(fmt: str, *allowed: str) -> None:
    if fmt not in allowed:
        raise _fail(f"unsupported format {fmt!r}; choose from {', '.join(allowed)}")


def _print_table(title: str, columns: tuple[str, ...], rows, **kwargs) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, **kwargs)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console().print(table)


def _names(refs) -> str:
    return "、".join(r.name + ("*" if r.inherited else "") for r in refs)


RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra directory of rule files.")]


@app.command()
def tasks(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    lead: Annotated[Optional[str], typer.Option("--lead", help="Only tasks this department leads (环保厅 also finds 环保局).")] = None,
    participant: Annotated[Optional[str], typer.Option("--participant", help="Only tasks this department takes part in.")] = None,
    section: Annotated[Optional[str], typer.Option("--section", help="Only tasks in this section (e.g. 1.2) and below.")] = None,
    source: Annotated[str, typer.Option("--source", help="body (the text), table (task-table rows) or all.")] = "body",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """List a plan's tasks with their lead, participating and implementing departments.

    Example: policyx tasks xinjiang --lead 环保厅
    """
    _check_format(fmt, "table", "json")
    if source not in ("body", "table", "all"):
        raise _fail(f"unsupported --source {source!r}; choose from body, table, all")
    from policyx.analyse.views import filter_tasks

    rules, doc = _load(plan, rules_dir)
    selected = filter_tasks(doc, rules.departments, lead=lead, participant=participant, section=section, source=source)
    if fmt == "json":
        from policyx.io.serialize import task_to_dict

        sys.stdout.write(dumps([task_to_dict(t) for t in selected], "json"))
        return
    _print_table(
        f"{doc.info.title or doc.info.id}: {len(selected)} of {len(doc.tasks if source == 'all' else [t for t in doc.tasks if t.source == source])} tasks",
        ("id", "line", "task", "lead", "participants", "implementers"),
        ((t.id, str(t.line), t.title, _names(t.lead), _names(t.participants), _names(t.implementers)) for t in selected),
    )
    if any(r.inherited for t in selected for r in t.implementers):
        typer.echo("* inherited from a standing clause (以下均需…落实)")


@app.command()
def departments(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """Each department of a plan with the tasks it leads, joins and carries out.

    Example: policyx departments xinjiang --format json
    """
    _check_format(fmt, "table", "json")
    from policyx.analyse.views import department_load

    _, doc = _load(plan, rules_dir)
    rows = department_load(doc)
    if fmt == "json":
        sys.stdout.write(dumps([r.as_dict() for r in rows], "json"))
        return
    _print_table(
        f"{doc.info.title or doc.info.id}: departments",
        ("department", "as written", "leads", "takes part", "carries out", "leads tasks"),
        ((r.canonical, "、".join(r.names), str(len(r.leads)), str(len(r.participates)), str(len(r.implements)),
          " ".join(r.leads)) for r in rows),
    )


@app.command()
def timeline(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """A plan's tasks ordered by deadline, grouped by year, with their leads.

    Example: policyx timeline changji
    """
    _check_format(fmt, "table", "json")
    from policyx.analyse.views import timeline as build_timeline

    _, doc = _load(plan, rules_dir)
    entries = build_timeline(doc)
    if fmt == "json":
        sys.stdout.write(dumps([e.as_dict() for e in entries], "json"))
        return
    groups: dict[str, list] = {}
    for e in entries:
        label = str(e.year) if e.year else {"every": "recurring", "ongoing": "ongoing"}.get(e.kind, "no deadline")
        groups.setdefault(label, []).append(e)
    for label, rows in groups.items():
        _print_table(
            f"{label} ({len(rows)})",
            ("date", "kind", "as written", "task", "lead", "line"),
            ((e.date or "—", e.kind, e.raw or "—", f"{e.task} {e.title}", "、".join(e.lead), str(e.line)) for e in rows),
            title_justify="left",
        )


@app.command()
def tables(
    plan: Annotated[str, typer.Argument(help="A plan file, a corpus name or - for stdin.")],
    csv_dir: Annotated[Optional[Path], typer.Option("--csv", help="Also write one CSV file per table into this directory.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """Print each table of a plan (专栏 boxes, 附表/附件 task tables, site lists), and write CSVs.

    Example: policyx tables changji --csv out/
    """
    _check_format(fmt, "table", "json")
    _, doc = _load(plan, rules_dir)
    if csv_dir is not None:
        from policyx.io.serialize import table_to_csv

        try:
            csv_dir.mkdir(parents=True, exist_ok=True)
            for t in doc.tables:
                write_atomic(csv_dir / f"{doc.info.id}.{t.id.replace('#', '-')}.csv", table_to_csv(t))
        except OSError as exc:
            raise _fail(f"{csv_dir}: cannot write ({exc.strerror or exc})") from None
    if fmt == "json":
        from policyx.io.serialize import to_plain

        sys.stdout.write(dumps(to_plain(doc.tables), "json"))
        return
    if not doc.tables:
        typer.echo(f"{doc.info.id}: no tables found")
    for t in doc.tables:
        count = f", says {t.stated_count}" if t.stated_count is not None else ""
        _print_table(f"{t.id} {t.title or ''} — {t.kind}, {len(t.rows)} rows{count} (line {t.line})",
                     ("line", *t.columns), ((str(line), *row) for line, row in zip(t.row_lines, t.rows)))
        for note in t.footnotes:
            typer.echo(note)


@app.command(name="eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="A gold file or a directory of them (see docs/gold-format.md).")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """Accuracy against hand-written gold: precision, recall and F1 per field and per document.

    Example: policyx eval tests/gold --verbose
    """
    _check_format(fmt, "table", "json")
    from policyx.analyse.evaluate import evaluate
    from policyx.rules import load_rules

    try:
        reports = evaluate(gold, load_rules(tuple(str(d) for d in rules_dir or ())))
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(dumps({name: r.as_dict() if verbose else {k: v for k, v in r.as_dict().items() if k != "misses"}
                                for name, r in reports.items()}, "json"))
        return
    rows = []
    for name, report in reports.items():
        for field, counts in report.fields.items():
            exact = report.exact.get(field)
            rows.append((name, field, str(counts.tp), str(counts.fp), str(counts.fn), f"{counts.precision:.3f}",
                         f"{counts.recall:.3f}", f"{counts.f1:.3f}", f"{exact[0] / exact[1]:.3f}" if exact and exact[1] else "—"))
    _print_table("policyx eval", ("document", "field", "tp", "fp", "fn", "precision", "recall", "F1", "exact"), rows)
    line = reports["all"].summary_line()
    if line:
        typer.echo(line)
    if verbose:
        for miss in reports["all"].misses:
            typer.echo(miss)


FAIL_KINDS = ("looser", "later", "missing")


@app.command()
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
    _check_format(fmt, "text", "json", "markdown")
    kinds = [k for value in fail_on or () for k in value.split(",") if k]
    unknown = [k for k in kinds if k not in FAIL_KINDS]
    if unknown:
        raise _fail(f"unknown --fail-on {unknown[0]!r}; choose from {', '.join(FAIL_KINDS)}")
    from policyx.analyse.diff import diff_plans, failures
    from policyx.cli.render_diff import diff_to_dict, diff_to_markdown, print_diff

    _, a = _load(plan_a, rules_dir)
    _, b = _load(plan_b, rules_dir)
    result = diff_plans(a, b)
    if fmt == "text" and output is None:
        print_diff(result, only_changes=only_changes)
    else:
        text = (dumps(diff_to_dict(result, only_changes=only_changes), "json") if fmt == "json"
                else diff_to_markdown(result, only_changes=only_changes) + "\n")
        _emit(text, output)
    found = failures(result, kinds)
    if found:
        typer.echo(f"policyx: {len(found)} change(s) hit --fail-on {','.join(kinds)}: {found[0]}", err=True)
        raise typer.Exit(1)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise _fail(f"{output}: cannot write ({exc.strerror or exc})") from None


@app.command()
def check(
    plans: Annotated[Optional[list[str]], typer.Argument(help="Plan files or corpus names (several at once).")] = None,
    against: Annotated[Optional[str], typer.Option("--against", help="The parent plan this one implements.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="auto, text, json, github, junit or sarif.")] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too (exit 1).")] = False,
    disable: Annotated[Optional[list[str]], typer.Option("--disable", help="Switch a rule off for this run (repeatable).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="A policyx.toml or pyproject.toml to read.")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List the rules and exit.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here (atomically).")] = None,
    rules_dir: RulesOption = None,
) -> None:
    """Validate plans for CI: exit 0 clean, 1 on errors (or warnings with --strict), 2 on unreadable input.

    Example: policyx check changji --against xinjiang --format sarif -o policyx.sarif
    """
    import os

    from policyx.analyse.check import catalogue, check_plan, find_config, load_config
    from policyx.cli.render_check import FORMATS, CheckedPlan, print_text, to_github, to_json, to_junit, to_sarif
    from policyx.rules import load_rules

    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    _check_format(fmt, *FORMATS)
    try:
        rules = load_rules(tuple(str(d) for d in rules_dir or ()))
        known = catalogue(rules)
        settings = load_config(config if config else find_config(), known)
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    if list_rules:
        _print_table("policyx check rules", ("rule", "code", "severity", "description"),
                     ((r.id, r.code, settings.severity.get(r.id, r.severity) + (" (off)" if r.id in settings.disabled else ""),
                       r.description) for r in known.values()))
        return
    if not plans:
        raise _fail("no plan given; usage: policyx check PLAN... [--against PARENT]")
    unknown = [r for r in disable or () if r not in known]
    if unknown:
        raise _fail(f"unknown rule {unknown[0]!r}; see policyx check --list-rules")
    from policyx.extract.pipeline import extract_file

    parent = None
    if against:
        _, parent = _load(against, rules_dir)
    checked: list[CheckedPlan] = []
    unreadable = 0
    for plan in plans:
        try:
            doc = extract_file(plan, rules)
        except PolicyxError as exc:
            typer.echo(f"policyx: {exc}", err=True)
            unreadable += 1
            continue
        findings = check_plan(doc, rules, parent=parent, config=settings, disable=disable or ())
        checked.append(CheckedPlan(doc.info.id, doc.info.path, doc.info.title, tuple(findings)))
    if fmt == "text" and output is None:
        print_text(checked)
    else:
        text = {"json": lambda: to_json(checked), "github": lambda: to_github(checked),
                "junit": lambda: to_junit(checked, strict=strict), "sarif": lambda: to_sarif(checked, known),
                "text": lambda: "".join(f"{p.location}:{f.line or ''}: {f.severity} {f.rule} {f.message}\n"
                                        for p in checked for f in p.findings)}[fmt]()
        _emit(text, output)
    if unreadable:
        raise typer.Exit(2)
    failing = {"error", "warning"} if strict else {"error"}
    if any(f.severity in failing for p in checked for f in p.findings):
        raise typer.Exit(1)


@app.command()
def index(
    plans: Annotated[list[str], typer.Argument(help="Plan files, directories, globs or corpus names.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite database (made if missing).")] = Path("plans.sqlite"),
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes (default: the cores).")] = None,
    rules_dir: RulesOption = None,
) -> None:
    """Store extracted plans in SQLite: changed files replaced, unchanged ones (same sha256) skipped.

    Example: policyx index corpus/ --db plans.sqlite
    """
    import hashlib

    from policyx.io.batch import expand
    from policyx.text.corpus import resolve
    from policyx.io.store import connect, index_paths, is_current

    sources = expand(plans)
    try:
        connection = connect(db)
        todo, unchanged = [], 0
        for source in sources:
            try:
                path, _ = resolve(source)
                key = str(path.resolve()) if path else source
                current = path is not None and path.is_file() and is_current(
                    connection, key, hashlib.sha256(path.read_bytes()).hexdigest())
            except (PolicyxError, OSError):
                current = False
            if current:
                unchanged += 1
            else:
                todo.append(source)
        connection.close()
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    outcomes = _run_batch(todo, rules_dir, jobs) if todo else []
    for outcome in outcomes:
        if outcome.data is not None and outcome.data["document"].get("path"):
            outcome.data["document"]["path"] = str(Path(outcome.data["document"]["path"]).resolve())
    try:
        stats = index_paths(db, outcomes)
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"{db}: {stats['stored']} stored, {unchanged + stats['unchanged']} unchanged, {stats['failed']} failed")
    if stats["failed"]:
        raise typer.Exit(2)


@app.command()
def query(
    db: Annotated[Path, typer.Option("--db", help="A database made by policyx index.")] = Path("plans.sqlite"),
    lead: Annotated[Optional[str], typer.Option("--lead", help="Tasks led by this department (canonical name or alias).")] = None,
    between: Annotated[Optional[tuple[str, str]], typer.Option("--between", help="Deadlines between two dates (YYYY-MM-DD).")] = None,
    metric: Annotated[Optional[str], typer.Option("--metric", help="Targets whose metric contains this, across plans.")] = None,
    load: Annotated[bool, typer.Option("--load", help="Departments ranked by the tasks they lead and join.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """Ask questions across indexed plans (plain SQL works on the same file too).

    Example: policyx query --db plans.sqlite --lead 环保厅
    """
    _check_format(fmt, "table", "csv", "json")
    chosen = [name for name, value in (("--lead", lead), ("--between", between), ("--metric", metric), ("--load", load)) if value]
    if len(chosen) != 1:
        raise _fail("choose one question: --lead, --between, --metric or --load")
    if not db.is_file():
        raise _fail(f"{db}: no such database (make one with policyx index)")
    import policyx.io.store as store
    from policyx.rules import load_rules

    connection = store.connect(db)
    try:
        if lead:
            registry = load_rules(tuple(str(d) for d in rules_dir or ())).departments
            ref = registry.resolve(lead)
            columns, rows = store.tasks_led_by(connection, ref.function if ref.known else None, ref.name)
        elif between:
            columns, rows = store.deadlines_between(connection, *between)
        elif metric:
            columns, rows = store.targets_on(connection, metric)
        else:
            columns, rows = store.department_load(connection)
    finally:
        connection.close()
    if fmt == "json":
        sys.stdout.write(dumps([dict(zip(columns, row)) for row in rows], "json"))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        _print_table(f"{chosen[0]}: {len(rows)} rows", tuple(columns), ([str(v) if v is not None else "" for v in r] for r in rows))


@corpus_app.command("list")
def corpus_list(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the bundled plans.

    Example: policyx corpus list
    """
    from policyx.text.corpus import load_manifest

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
    _check_format(fmt, "table", "json")
    _print_table(
        "policyx corpus",
        ("id", "aliases", "title", "issuer", "date", "size"),
        ((r["id"], ", ".join(r["aliases"]), r["title"] or "—", r["issuer"] or "—", r["date"] or "—", f"{r['size']:,}")
         for r in rows),
    )


def _rule_catalogue(rules_dir: list[Path] | None) -> list[dict]:
    from policyx.rules import load_rules

    try:
        rules = load_rules(tuple(str(d) for d in rules_dir or ()))
    except PolicyxError as exc:
        raise _fail(str(exc)) from None
    out = []
    for m in rules.markers:
        out.append({"id": m.id, "file": "sections.yaml", "pattern": m.pattern.pattern, "examples": list(m.examples),
                    "counterexamples": list(m.counterexamples)})
    for r in rules.noise:
        out.append({"id": r.id, "file": "noise.yaml", "pattern": r.source, "examples": list(r.examples),
                    "counterexamples": list(r.counterexamples)})
    for r in rules.deadlines.rules:
        out.append({"id": r.id, "file": "deadlines.yaml", "pattern": r.pattern.pattern, "examples": list(r.examples),
                    "counterexamples": list(r.counterexamples), "kind": r.kind})
    for rid, pattern in (("target.comparator", rules.targets.pattern), ("target.bound", rules.targets.bare_pattern),
                         ("target.verb_object", rules.targets.verb_object)):
        out.append({"id": rid, "file": "targets.yaml", "pattern": pattern.pattern,
                    "examples": list(rules.targets.examples) if rid == "target.comparator" else [],
                    "counterexamples": list(rules.targets.counterexamples) if rid == "target.comparator" else []})
    for convention in rules.responsibility.conventions:
        out.append({"id": convention.id, "file": "responsibility.yaml", "pattern": convention.pattern.pattern,
                    "examples": list(convention.examples), "counterexamples": [], "effect": convention.effect})
    for rule in rules.responsibility.prose:
        out.append({"id": rule.id, "file": "responsibility.yaml", "pattern": rule.pattern.pattern,
                    "examples": list(rule.examples), "counterexamples": list(rule.counterexamples)})
    for rule in rules.raw.get("responsibility", {}).get("standing", []) or []:
        out.append({"id": rule["id"], "file": "responsibility.yaml", "pattern": rule["pattern"],
                    "examples": rule.get("examples", []), "counterexamples": []})
    return out


@rules_app.command("list")
def rules_list(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """List the pattern rules (ids, files, number of examples).

    Example: policyx rules list
    """
    _check_format(fmt, "table", "json")
    catalogue = _rule_catalogue(rules_dir)
    if fmt == "json":
        sys.stdout.write(dumps([{k: r[k] for k in ("id", "file")} for r in catalogue], "json"))
        return
    _print_table("policyx rules", ("rule", "file", "examples", "counterexamples"),
                 ((r["id"], r["file"], str(len(r["examples"])), str(len(r["counterexamples"]))) for r in catalogue))


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. deadline.year_end.")],
    rules_dir: RulesOption = None,
) -> None:
    """Show one rule: its pattern, examples and counterexamples.

    Example: policyx rules show deadline.year_end
    """
    found = next((r for r in _rule_catalogue(rules_dir) if r["id"] == rule_id), None)
    if found is None:
        raise _fail(f"no rule {rule_id!r}; see policyx rules list")
    import yaml

    sys.stdout.write(yaml.safe_dump(found, allow_unicode=True, sort_keys=False, width=1000))


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
