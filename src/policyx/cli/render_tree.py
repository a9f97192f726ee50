"""Rich rendering for people; machine formats never pass through here."""

from __future__ import annotations

from rich.console import Console
from rich.tree import Tree

from policyx.model import Document


def document_tree(doc: Document, console: Console | None = None, *, explain: bool = False) -> None:
    """Print a plan's section tree with line numbers, then its warnings; with
    ``explain``, each task under its section with the rules that read its
    clause, deadlines and targets."""
    from rich.markup import escape

    console = console or Console()
    root = Tree(f"[bold]{escape(doc.info.title or doc.info.id)}[/bold]  ({doc.info.id}, {doc.info.lines} lines)")
    nodes = {None: root}
    for section in doc.sections:
        style = {"box": "cyan", "appendix": "magenta"}.get(section.kind, "")
        label = escape(f"{section.marker} {section.title}".strip())
        text = f"[{style}]{label}[/{style}]" if style else label
        rule = f" · {section.rule}" if explain else ""
        parent = nodes.get(section.parent, root)
        nodes[section.id] = parent.add(f"{text}  [dim]{section.id} · line {section.line}{rule}[/dim]", highlight=False)
    if explain:
        for task in doc.body_tasks():
            node = nodes.get(task.section, root).add(
                f"[green]task[/green] {escape(task.title)}  [dim]{task.id} · line {task.line}[/dim]", highlight=False)
            if task.clause:
                roles = "；".join(f"{name} {'、'.join(r.name for r in refs)}" for name, refs in
                                 (("lead", task.lead), ("participants", task.participants), ("implementers", task.implementers)) if refs)
                node.add(f"clause ({task.clause.form}): {escape(roles)}", highlight=False)
            for d in task.deadlines:
                node.add(f"deadline {escape(d.raw)} → {d.kind} {d.date or d.period or ''}  [dim]{d.rule}[/dim]", highlight=False)
            for t in task.targets:
                node.add(f"target {escape(t.raw)} → {t.comparator} {t.value} {t.unit or ''}  [dim]{t.rule}[/dim]", highlight=False)
    console.print(root, highlight=False)
    for warning in doc.warnings:
        where = f"line {warning.line}: " if warning.line else ""
        console.print(f"[yellow]warning[/yellow] {warning.code}: {where}{warning.message}", highlight=False)
