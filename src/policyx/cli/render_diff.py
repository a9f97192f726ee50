"""Rendering a PlanDiff: JSON (the output contract), Markdown, and rich text."""

from __future__ import annotations

from typing import Any

from policyx.analyse.diff import Change, PlanDiff

COLOURS = {"stricter": "green", "earlier": "green", "looser": "red", "later": "red"}
ARROWS = {"stricter": "▲ stricter", "looser": "▼ looser", "earlier": "▲ earlier", "later": "▼ later"}


def change_to_dict(c: Change) -> dict[str, Any]:
    return {"field": c.field, "a": c.a, "b": c.b, "direction": c.direction, "status": c.status,
            "line_a": c.line_a, "line_b": c.line_b, "note": c.note}


def diff_to_dict(d: PlanDiff, *, only_changes: bool = False) -> dict[str, Any]:
    """The contract's keys: a, b, matched (a, b, a_title, b_title, similarity,
    changes), only_a, only_b; plus summary and the plans' own targets."""
    matched = [
        {"a": p.a.id, "b": p.b.id, "a_title": p.a.title, "b_title": p.b.title, "similarity": p.similarity,
         "a_line": p.a.line, "b_line": p.b.line, "changes": [change_to_dict(c) for c in p.changes]}
        for p in d.matched
        if p.changes or not only_changes
    ]
    return {
        "a": {"id": d.a.id, "title": d.a.title},
        "b": {"id": d.b.id, "title": d.b.title},
        "summary": dict(d.summary),
        "matched": matched,
        "only_a": [{"id": t.id, "title": t.title, "line": t.line} for t in d.only_a],
        "only_b": [{"id": t.id, "title": t.title, "line": t.line} for t in d.only_b],
        "targets": [change_to_dict(c) for c in d.targets],
    }


def _describe(c: Change) -> str:
    if c.status == "dropped":
        return f"{c.a} — dropped"
    if c.status == "added":
        return f"added — {c.b}"
    return f"{c.a or '—'} → {c.b or '—'}"


def _summary_line(d: PlanDiff) -> str:
    s = d.summary
    return (f"{s['matched']} tasks aligned, {s['only_a']} only in {d.a.id}, {s['only_b']} only in {d.b.id}; "
            f"{s['changed_tasks']} changed: {s['lead_changes']} lead changes, {s['stricter']} stricter, "
            f"{s['looser']} looser, {s['earlier']} earlier, {s['later']} later, "
            f"{s['added']} added and {s['dropped']} dropped deadlines/targets")


def diff_to_markdown(d: PlanDiff, *, only_changes: bool = False) -> str:
    lines = [f"## {d.b.title or d.b.id} vs {d.a.title or d.a.id}", "", _summary_line(d) + ".", ""]
    changed = [p for p in d.matched if p.changes]
    if changed:
        lines += ["### Changed tasks", "", "| task in A | task in B | field | A | B | direction |", "|---|---|---|---|---|---|"]
        for p in changed:
            for c in p.changes:
                a_text, b_text = (c.a or "—").replace("|", "\\|"), (c.b or "—").replace("|", "\\|")
                lines.append(f"| {p.a.id} {p.a.title} | {p.b.id} {p.b.title} | {c.field} | {a_text} | {b_text} | "
                             f"{ARROWS.get(c.direction or '', c.status if c.status != 'changed' else '')} |")
        lines.append("")
    if d.targets:
        lines += ["### The plans' own targets", ""]
        lines += [f"- {_describe(c)} {ARROWS.get(c.direction or '', '')}".rstrip() for c in d.targets]
        lines.append("")
    if d.only_a:
        lines += [f"### Only in {d.a.id} ({len(d.only_a)})", ""] + [f"- {t.id} {t.title} (line {t.line})" for t in d.only_a] + [""]
    if d.only_b:
        lines += [f"### Only in {d.b.id} ({len(d.only_b)})", ""] + [f"- {t.id} {t.title} (line {t.line})" for t in d.only_b] + [""]
    if not only_changes:
        same = [p for p in d.matched if not p.changes]
        if same:
            lines += [f"### Unchanged ({len(same)})", ""] + [f"- {p.a.id} {p.a.title} ↔ {p.b.id} {p.b.title}" for p in same] + [""]
    return "\n".join(lines)


def print_diff(d: PlanDiff, *, only_changes: bool = False, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    console.print(f"[bold]{d.a.title or d.a.id}[/bold] → [bold]{d.b.title or d.b.id}[/bold]", highlight=False)
    console.print(_summary_line(d), highlight=False)
    table = Table(show_lines=False)
    for column in ("A", "B", "sim", "field", "change"):
        table.add_column(column, overflow="fold")
    for p in d.matched:
        if not p.changes:
            if not only_changes:
                table.add_row(f"{p.a.id} {p.a.title}", f"{p.b.id} {p.b.title}", f"{p.similarity:.2f}", "", "[dim]same[/dim]")
            continue
        for k, c in enumerate(p.changes):
            colour = COLOURS.get(c.direction or "")
            text = _describe(c) + (f"  {ARROWS[c.direction]}" if c.direction in ARROWS else "")
            table.add_row(f"{p.a.id} {p.a.title}" if k == 0 else "", f"{p.b.id} {p.b.title}" if k == 0 else "",
                          f"{p.similarity:.2f}" if k == 0 else "", c.field, f"[{colour}]{text}[/{colour}]" if colour else text)
    console.print(table)
    for c in d.targets:
        colour = COLOURS.get(c.direction or "")
        text = f"plan target: {_describe(c)}" + (f"  {ARROWS[c.direction]}" if c.direction in ARROWS else "")
        console.print(f"[{colour}]{text}[/{colour}]" if colour else text, highlight=False)
    if d.only_a:
        console.print(f"[red]only in {d.a.id}:[/red] " + "; ".join(f"{t.id} {t.title}" for t in d.only_a), highlight=False)
    if d.only_b:
        console.print(f"[cyan]only in {d.b.id}:[/cyan] " + "; ".join(f"{t.id} {t.title}" for t in d.only_b), highlight=False)
