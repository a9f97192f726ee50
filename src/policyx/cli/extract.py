"""`policyx extract`, and running many plans at once (also used by `index`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli import logs
from policyx.cli.common import RulesOption, check_format, emit, fail, load_plan, rule_dirs
from policyx.cli.logs import QuietOption, VerboseOption
from policyx.errors import PolicyxError
from policyx.io.serialize import FORMATS, document_to_dict, dumps

EXTRACT_FORMATS = (*FORMATS, "jsonl", "tree", "text")


def extract(
    plans: Annotated[list[str], typer.Argument(metavar="PLAN", help="Plan files, directories, globs, corpus names (xinjiang, …) or - for stdin.")],
    fmt: Annotated[
        Optional[str], typer.Option("--format", "-f", help="json (default), yaml, jsonl, tree, or text (the text read from the file).")
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes for several plans (default: the cores).")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show the tree with the rule that read each item (json/yaml carry it as 'rule').")
    ] = False,
    rules_dir: RulesOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Extract plans: section tree, tasks and departments, deadlines, targets, tables.

    One plan gives one document (json, yaml or a tree for people); several —
    or a directory, read recursively for *.txt, *.html, *.md, *.docx, *.pdf,
    *.xlsx, *.xls — are extracted in
    parallel, a failing file reported and skipped (exit status 2 at the end).
    --format jsonl writes one document per line; --format text prints the
    text read from the file (a Word, PDF or Excel file's extracted text, which
    every line and span refers to).

    Example: policyx extract xinjiang --format yaml -o xinjiang.yaml
    """
    if fmt is None:
        fmt = "tree" if explain else "json"
    elif explain and fmt != "tree":
        raise fail("--explain draws the tree; json and yaml already name each item's rule in 'rule'")
    check_format(fmt, *EXTRACT_FORMATS)
    from policyx.io.batch import expand

    sources = expand(plans)
    if fmt == "text":
        emit(_plan_text(sources), output)
        return
    if len(sources) == 1 and fmt != "jsonl":
        _, doc = load_plan(sources[0], rules_dir)
        if fmt == "tree":
            from policyx.cli.render_tree import document_tree

            if output is not None:
                import io

                from rich.console import Console

                buffer = io.StringIO()  # (the outline as plain text, each line whole)
                document_tree(doc, Console(file=buffer, width=100_000, color_system=None, soft_wrap=True),
                              explain=explain)
                emit("\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n", output)
                return
            document_tree(doc, explain=explain)
            return
        emit(dumps(document_to_dict(doc), fmt), output)
        return
    if fmt == "tree":
        raise fail("--format tree shows one plan; use jsonl, json or yaml for several")
    if fmt == "jsonl":
        if _stream_jsonl(iter_batch(sources, rules_dir, jobs), output):
            raise typer.Exit(2)
        return
    outcomes = run_batch(sources, rules_dir, jobs)
    documents = [o.data for o in outcomes if o.data is not None]
    emit(_documents_text(documents, fmt), output)
    if any(o.error for o in outcomes):
        raise typer.Exit(2)


def _stream_jsonl(outcomes, output: Path | None) -> bool:
    """One document per line, written as each plan is read (to ``output``
    through io.files.atomic_output: a reader never sees half, and a device,
    a link or a file's mode is treated as every -o treats it); True when a
    plan could not be read."""
    import json

    failed = False

    def write_all(write) -> None:
        nonlocal failed
        for outcome in outcomes:
            failed = failed or outcome.error is not None
            if outcome.data is not None:
                write(json.dumps(outcome.data, ensure_ascii=False) + "\n")

    if output is None:
        write_all(sys.stdout.write)
        return failed
    from policyx.io.files import atomic_output

    try:
        with atomic_output(output) as handle:
            write_all(lambda line: handle.write(line.encode("utf-8")))
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror or exc})") from None
    return failed


def _plan_text(sources: list[str]) -> str:
    """The text one plan was read as (for a Word, PDF or Excel file, the text
    extracted from it)."""
    from policyx.extract.pipeline import read_plan

    if len(sources) != 1:
        raise fail("--format text shows one plan's text; name one plan")
    try:
        source, _, _ = read_plan(sources[0])
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    return source.text if source.text.endswith("\n") else source.text + "\n"


def _documents_text(documents: list[dict], fmt: str) -> str:
    """Several documents as one text: jsonl, a YAML stream or a JSON list."""
    if fmt == "jsonl":
        import json

        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump_all(documents, allow_unicode=True, sort_keys=False, width=1000)
    return dumps(documents, "json")


def run_batch(sources: list[str], rules_dir: list[Path] | None, jobs: int | None):
    """Extract many plans with a progress bar on a terminal, log lines otherwise."""
    return list(iter_batch(sources, rules_dir, jobs))


def iter_batch(sources: list[str], rules_dir: list[Path] | None, jobs: int | None):
    """:func:`run_batch` as the outcomes come, each let go once used: what
    streams its output (``extract --format jsonl``, ``index``) keeps its
    memory flat in the number of plans."""
    from policyx.io.batch import extract_many

    rules_dirs = rule_dirs(rules_dir)
    failed: list[str] = []

    def report_failure(outcome) -> None:
        if outcome.error:
            failed.append(outcome.error)

    def log(outcome) -> None:
        report_failure(outcome)
        count[0] += 1
        if outcome.data is not None:
            logs.detail(f"{outcome.source}: {len(outcome.data['tasks'])} tasks, {len(outcome.data['sections'])} sections")
        if count[0] % 100 == 0 or count[0] == len(sources):
            unread = f" ({len(failed)} could not be read)" if failed else ""
            logs.note(f"{count[0]}/{len(sources)} plans done{unread}")

    count = [0]
    try:
        if sys.stderr.isatty() and logs.level() == logs.NORMAL:
            from rich.progress import Progress

            with Progress(transient=True) as progress:
                bar = progress.add_task("extracting", total=len(sources))

                def done(outcome) -> None:
                    report_failure(outcome)
                    progress.advance(bar)

                yield from extract_many(sources, rules_dirs=rules_dirs, jobs=jobs, on_done=done)
        else:
            yield from extract_many(sources, rules_dirs=rules_dirs, jobs=jobs, on_done=log)
    except PolicyxError as exc:
        raise fail(str(exc)) from None
    for error in failed:
        typer.echo(f"policyx: {error}", err=True)
    if failed:
        typer.echo(f"policyx: {len(failed)} of {len(sources)} plans could not be read", err=True)
