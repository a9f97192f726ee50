"""Rendering a PlanDiff: JSON (the output contract), Markdown, and rich text.

Text and Markdown show, first, whose plans were compared and where that was
read (option, manifest or text), then the changes grouped by field — lead,
participants, implementers, deadlines, targets — each with the line of both
sides, then every indicator compared (with same and incomparable ones), then
how the tasks align. ``fields`` limits all three to the fields asked for.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, Iterable

from policyx.analyse.diff import Change, PlanDiff, TaskPair
from policyx.analyse.target_pairs import IndicatorPair, Statement
from policyx.model import Task
from policyx.io.serialize import to_plain

CHANGE_FIELDS = ("lead", "participants", "implementers", "deadlines", "targets")
FIELDS = (*CHANGE_FIELDS, "indicators", "tasks")
COLOURS = {"stricter": "green", "earlier": "green", "looser": "red", "later": "red", "incomparable": "yellow"}
ARROWS = {"stricter": "▲ stricter", "looser": "▼ looser", "earlier": "▲ earlier", "later": "▼ later",
          "same": "= same", "incomparable": "≠ incomparable"}
_MARKDOWN_SPECIAL = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "&lt;", ">": "&gt;", "&": "&amp;", "[": "\\[",
                                   "]": "\\]", "*": "\\*", "_": "\\_", "`": "\\`", "~": "\\~", "#": "\\#",
                                   "\n": " ", "\r": " "})


def md(text: object) -> str:
    """Plan text made safe inside a Markdown table cell or list item."""
    return str(text).translate(_MARKDOWN_SPECIAL)


@dataclass(frozen=True, slots=True)
class Row:
    """One change as the reports show it: both tasks, both values, both lines."""

    field: str
    a_task: str
    b_task: str
    a: str
    b: str
    line_a: int | None
    line_b: int | None
    direction: str  # what the reports print in the direction column
    note: str | None


# -- JSON -----------------------------------------------------------------------------------


def change_to_dict(c: Change) -> dict[str, Any]:
    return {"field": c.field, "a": c.a, "b": c.b, "direction": c.direction, "status": c.status,
            "line_a": c.line_a, "line_b": c.line_b, "note": c.note, "task_a": c.task_a, "task_b": c.task_b}


def _task_ref(t: Task, d: PlanDiff, side: str) -> dict[str, Any]:
    return {"id": t.id, "title": t.title, "line": t.line, "procedural": d.is_procedural(side, t)}


def _statement(s: Statement) -> dict[str, Any]:
    t = s.target
    return {"metric": t.metric, "raw": t.raw, "comparator": t.comparator, "value": to_plain(t.value),
            "value_max": to_plain(t.value_max), "unit": t.unit,
            "year": t.year, "baseline_year": t.baseline_year, "line": t.line, "task": s.task.id if s.task else None,
            "scope": s.reading.scope.label()}


def indicator_to_dict(p: IndicatorPair) -> dict[str, Any]:
    return {"indicator": p.indicator, "relation": p.relation, "direction": p.direction, "note": p.note,
            "lines_a": list(p.lines_a), "lines_b": list(p.lines_b),
            "a": [_statement(s) for s in p.a], "b": [_statement(s) for s in p.b]}


def diff_to_dict(d: PlanDiff, *, only_changes: bool = False) -> dict[str, Any]:
    """The contract's keys: a, b, matched (a, b, a_title, b_title, similarity,
    changes), only_a, only_b; plus summary, the plans' facts, also links, the
    target changes outside aligned pairs and every indicator compared."""
    matched = [
        {"a": p.a.id, "b": p.b.id, "a_title": p.a.title, "b_title": p.b.title, "similarity": p.similarity,
         "a_line": p.a.line, "b_line": p.b.line, "procedural": d.is_procedural("a", p.a) or d.is_procedural("b", p.b),
         "changes": [change_to_dict(c) for c in p.changes]}
        for p in d.matched
        if p.changes or not only_changes
    ]
    return {
        "a": {"id": d.a.id, **d.facts_a.as_dict(), "title": d.a.title or d.facts_a.title},
        "b": {"id": d.b.id, **d.facts_b.as_dict(), "title": d.b.title or d.facts_b.title},
        "summary": dict(d.summary),
        "matched": matched,
        "also": [{"a": link.a.id, "b": link.b.id, "a_title": link.a.title, "b_title": link.b.title,
                  "a_line": link.a.line, "b_line": link.b.line, "held": link.held, "part": link.part} for link in d.also],
        "only_a": [_task_ref(t, d, "a") for t in d.only_a],
        "only_b": [_task_ref(t, d, "b") for t in d.only_b],
        "targets": [change_to_dict(c) for c in d.targets],
        "indicators": [indicator_to_dict(p) for p in d.indicators.pairs if p.direction != "same" or not only_changes],
    }


# -- rows, shared by Markdown and text ---------------------------------------------------------


def _task_label(t: Task | None) -> str:
    return f"{t.id} {t.title}" if t is not None else "(the plan's own)"


def _direction(c: Change) -> str:
    if c.direction:
        return ARROWS.get(c.direction, c.direction)
    if c.field == "targets" and c.status == "changed":
        return ARROWS["incomparable"]
    return c.status if c.status != "changed" else "changed"


def _tasks(d: PlanDiff) -> tuple[dict[str, Task], dict[str, Task]]:
    """Every aligned, covered or unpaired task of A and of B, by id."""
    a = {t.id: t for t in (*(p.a for p in d.matched), *(link.a for link in d.also), *d.only_a)}
    b = {t.id: t for t in (*(p.b for p in d.matched), *(link.b for link in d.also), *d.only_b)}
    return a, b


def _row(c: Change, pair: TaskPair | None, tasks: tuple[dict[str, Task], dict[str, Task]] = ({}, {})) -> Row:
    a_task = pair.a if pair else tasks[0].get(c.task_a or "")
    b_task = pair.b if pair else tasks[1].get(c.task_b or "")
    return Row(c.field, _task_label(a_task) if a_task or c.a else "—", _task_label(b_task) if b_task or c.b else "—",
               c.a or "—", c.b or "—",
               c.line_a if c.line_a is not None else (a_task.line if a_task else None),
               c.line_b if c.line_b is not None else (b_task.line if b_task else None), _direction(c), c.note)


def change_rows(d: PlanDiff, fields: Iterable[str] = FIELDS) -> dict[str, list[Row]]:
    """Every change, grouped by field (only the fields asked for)."""
    wanted = [f for f in CHANGE_FIELDS if f in set(fields)]
    groups: dict[str, list[Row]] = {f: [] for f in wanted}
    for pair in d.matched:
        for c in pair.changes:
            if c.field in groups:
                groups[c.field].append(_row(c, pair))
    if "targets" in groups:
        tasks = _tasks(d)
        groups["targets"].extend(_row(c, None, tasks) for c in d.targets)
    return {f: rows for f, rows in groups.items() if rows}


def _side(statements: tuple[Statement, ...]) -> str:
    return "; ".join(dict.fromkeys(f"{s.target.metric or ''} {s.target.raw} (line {s.line})".strip() for s in statements))


def indicator_rows(d: PlanDiff, *, only_changes: bool = False) -> list[tuple[str, str, str, str, str]]:
    """(indicator, A, B, direction, note) for every indicator compared."""
    return [(p.indicator + ("" if p.relation == "same" else f" ({p.relation})"), _side(p.a), _side(p.b),
             ARROWS[p.direction], p.note or "")
            for p in d.indicators.pairs if p.direction != "same" or not only_changes]


def _summary_line(d: PlanDiff) -> str:
    s = d.summary
    return (f"{s['matched']} tasks aligned and {s['also']} also covered, {s['only_a']} only in {d.a.id} "
            f"({s['procedural_only_a']} procedural), {s['only_b']} only in {d.b.id} ({s['procedural_only_b']} procedural); "
            f"{s['changed_tasks']} changed: {s['lead_changes']} lead changes, {s['stricter']} stricter, "
            f"{s['looser']} looser, {s['earlier']} earlier, {s['later']} later, "
            f"{s['added']} added and {s['dropped']} dropped deadlines/targets; {s['indicators_compared']} indicators "
            f"compared ({s['indicators_same']} same, {s['indicators_incomparable']} incomparable)")


def plan_lines(d: PlanDiff) -> tuple[str, str]:
    """Whose plans were compared, and where that was read."""
    def one(side: str, info, facts) -> str:
        title = info.title or facts.title
        return f"{side}: {title + ' (' + info.id + ')' if title else info.id + ' (no title)'} — {facts.describe()}"

    return one("A", d.a, d.facts_a), one("B", d.b, d.facts_b)


def _alignment_lines(d: PlanDiff, escape=str) -> list[str]:
    lines = []
    if d.also:
        lines += [f"### Also covered ({len(d.also)})", ""]
        for link in d.also:
            whole, part = (link.b, link.a) if link.part == "a" else (link.a, link.b)
            where = ("B", "A") if link.part == "a" else ("A", "B")
            lines.append(f"- {where[0]} {escape(whole.id)} {escape(whole.title)} (line {whole.line}) also covers "
                         f"{where[1]} {escape(part.id)} {escape(part.title)} (line {part.line})")
        lines.append("")
    for side, tasks, plan in (("a", d.only_a, d.a.id), ("b", d.only_b, d.b.id)):
        if tasks:
            lines += [f"### Only in {escape(plan)} ({len(tasks)})", ""]
            lines += [f"- {escape(t.id)} {escape(t.title)} (line {t.line})" + (" — procedural" if d.is_procedural(side, t) else "")
                      for t in tasks]
            lines.append("")
    return lines


# -- Markdown -----------------------------------------------------------------------------------------


def diff_to_markdown(d: PlanDiff, *, only_changes: bool = False, fields: Iterable[str] = FIELDS) -> str:
    fields = tuple(fields)
    lines = [f"## {md(d.a.title or d.a.id)} → {md(d.b.title or d.b.id)}", ""]  # (A, then how B departs from it)
    lines += [f"- {md(line)}" for line in plan_lines(d)] + ["", md(_summary_line(d)) + ".", ""]
    for field, rows in change_rows(d, fields).items():
        lines += [f"### {field} ({len(rows)})", "", "| task in A | line A | task in B | line B | A | B | direction |",
                  "|---|---|---|---|---|---|---|"]
        for r in rows:
            note = f" ({md(r.note)})" if r.note else ""
            lines.append(f"| {md(r.a_task)} | {r.line_a or '—'} | {md(r.b_task)} | {r.line_b or '—'} | {md(r.a)} | "
                         f"{md(r.b)} | {r.direction}{note} |")
        lines.append("")
    if "indicators" in fields:
        rows_i = indicator_rows(d, only_changes=only_changes)
        if rows_i:
            lines += [f"### indicators compared ({len(rows_i)})", "", "| indicator | A | B | direction |", "|---|---|---|---|"]
            lines += [f"| {md(i)} | {md(a)} | {md(b)} | {direction}{' (' + md(note) + ')' if note else ''} |"
                      for i, a, b, direction, note in rows_i]
            lines.append("")
    if "tasks" in fields:
        lines += _alignment_lines(d, md)
        if not only_changes:
            same = [p for p in d.matched if not p.changes]
            if same:
                lines += [f"### Unchanged ({len(same)})", ""]
                lines += [f"- {md(p.a.id)} {md(p.a.title)} (line {p.a.line}) ↔ {md(p.b.id)} {md(p.b.title)} (line {p.b.line})"
                          for p in same]
                lines.append("")
    return "\n".join(lines)


# -- text ------------------------------------------------------------------------------------------------


def print_diff(d: PlanDiff, *, only_changes: bool = False, fields: Iterable[str] = FIELDS, console=None) -> None:
    """The report for people: drawn on a terminal (or the ``console`` given);
    piped or redirected, plain lines (tables as tab-separated rows)."""
    fields = tuple(fields)
    from policyx.cli.common import _is_terminal

    if console is None and not _is_terminal():
        _print_plain(d, only_changes=only_changes, fields=fields)
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    for line in plan_lines(d):
        console.print(escape(line), highlight=False)
    console.print(escape(_summary_line(d)), highlight=False)
    for field, rows in change_rows(d, fields).items():
        table = Table(title=f"{field} ({len(rows)})", show_lines=False)
        for column in ("task in A", "line A", "task in B", "line B", "A", "B", "direction"):
            table.add_column(column, overflow="fold")
        for r in rows:
            colour = COLOURS.get(r.direction.split()[-1]) if r.direction else None
            text = escape(r.direction + (f" ({r.note})" if r.note else ""))
            table.add_row(escape(r.a_task), str(r.line_a or "—"), escape(r.b_task), str(r.line_b or "—"), escape(r.a),
                          escape(r.b), f"[{colour}]{text}[/{colour}]" if colour else text)
        console.print(table)
    if "indicators" in fields:
        rows_i = indicator_rows(d, only_changes=only_changes)
        if rows_i:
            table = Table(title=f"indicators compared ({len(rows_i)})")
            for column in ("indicator", "A", "B", "direction"):
                table.add_column(column, overflow="fold")
            for i, a, b, direction, note in rows_i:
                colour = COLOURS.get(direction.split()[-1])
                text = escape(direction + (f" ({note})" if note else ""))
                table.add_row(escape(i), escape(a), escape(b), f"[{colour}]{text}[/{colour}]" if colour else text)
            console.print(table)
    if "tasks" in fields:
        for line in _alignment_lines(d):
            if line:
                console.print(escape(line.removeprefix("### ")), highlight=False)


def _print_plain(d: PlanDiff, *, only_changes: bool, fields: tuple[str, ...]) -> None:
    """:func:`print_diff` as plain lines: what a pipe or a file gets."""
    from policyx.cli.common import _plain_table

    out = sys.stdout
    for line in (*plan_lines(d), _summary_line(d)):
        out.write(line + "\n")
    for field, rows in change_rows(d, fields).items():
        _plain_table(f"{field} ({len(rows)})", ("task in A", "line A", "task in B", "line B", "A", "B", "direction"),
                     ((r.a_task, str(r.line_a or "—"), r.b_task, str(r.line_b or "—"), r.a, r.b,
                       r.direction + (f" ({r.note})" if r.note else "")) for r in rows))
    if "indicators" in fields:
        rows_i = indicator_rows(d, only_changes=only_changes)
        if rows_i:
            _plain_table(f"indicators compared ({len(rows_i)})", ("indicator", "A", "B", "direction"),
                         ((i, a, b, direction + (f" ({note})" if note else "")) for i, a, b, direction, note in rows_i))
    if "tasks" in fields:
        for line in _alignment_lines(d):
            if line:
                out.write(line.removeprefix("### ") + "\n")
