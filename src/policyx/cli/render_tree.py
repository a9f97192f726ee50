"""Rich rendering for people; machine formats never pass through here."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from policyx.model import Deadline, DepartmentRef, Document, Target, Task

_ROLES = (("lead", "lead"), ("participants", "participants"), ("implementers", "implementers"))


def document_tree(doc: Document, console: Console | None = None, *, explain: bool = False) -> None:
    """Print a plan's section tree with line numbers, then its warnings; with
    ``explain``, every item under its section with the rule that read it:
    tasks, their clause and each department, deadlines and targets, the
    plan's own targets and its tables."""
    console = console or Console()
    root = Tree(f"[bold]{escape(doc.info.title or doc.info.id)}[/bold]  ({escape(doc.info.id)}, {doc.info.lines} lines)")
    nodes = {None: root}
    for section in doc.sections:
        style = {"box": "cyan", "appendix": "magenta"}.get(section.kind, "")
        label = escape(f"{section.marker} {section.title}".strip())
        text = f"[{style}]{label}[/{style}]" if style else label
        rule = f" · {section.rule}" if explain else ""
        parent = nodes.get(section.parent, root)
        nodes[section.id] = parent.add(f"{text}  [dim]{escape(section.id)} · line {section.line}{rule}[/dim]",
                                       highlight=False)
    if explain:
        for task in doc.tasks:
            _task_node(nodes.get(task.section, root), task)
        for target in doc.targets:
            _target_node(nodes.get(_section_at(doc, target.span[0]), root), target, "plan target")
        for table in doc.tables:
            nodes.get(table.section, root).add(
                f"[cyan]table[/cyan] {escape(table.id)} ({table.kind}, {len(table.rows)} rows)  "
                f"[dim]line {table.line} · table.{table.form}[/dim]", highlight=False)
    console.print(root, highlight=False)
    for warning in doc.warnings:
        where = f"line {warning.line}: " if warning.line else ""
        console.print(f"[yellow]warning[/yellow] {escape(warning.code)}: {where}{escape(warning.message)}",
                      highlight=False, soft_wrap=not console.is_terminal)  # (piped: each warning one line)


def _task_node(parent: Tree, task: Task) -> None:
    source = "" if task.source == "body" else f" (row of {escape(task.table or 'a table')})"
    node = parent.add(f"[green]task[/green] {escape(task.title)}{source}  "
                      f"[dim]{escape(task.id)} · line {task.line} · {escape(task.rule)}[/dim]", highlight=False)
    if task.clause:
        node.add(f"clause ({escape(task.clause.form)}) {escape(task.clause.text)}  "
                 f"[dim]line {task.clause.line} · {escape(task.clause.rule)}[/dim]", highlight=False)
    for attr, label in _ROLES:
        for ref in getattr(task, attr):
            node.add(_department(label, ref), highlight=False)
    for deadline in task.deadlines:
        node.add(_deadline(deadline), highlight=False)
    for target in task.targets:
        _target_node(node, target, "target")


def _department(role: str, ref: DepartmentRef) -> str:
    known = f"{ref.function}" if ref.function else ("known" if ref.known else "[yellow]unknown[/yellow]")
    inherited = ", inherited" if ref.inherited else ""
    return (f"{role} {escape(ref.name)} → {escape(ref.canonical)} ({known}{inherited})  "
            f"[dim]{escape(ref.rule)}[/dim]")


def _deadline(d: Deadline) -> str:
    when = d.date or d.period or ""
    start = f" from {d.start}" if d.start else ""
    return f"deadline {escape(d.raw)} → {d.kind} {when}{start}  [dim]line {d.line} · {escape(d.rule)}[/dim]"


def _target_node(parent: Tree, t: Target, label: str) -> None:
    metric = f" · {escape(t.metric)}" if t.metric else ""
    parent.add(f"{label} {escape(t.raw)} → {escape(t.comparator)} {escape(t.value_label)} {escape(t.unit or '')}{metric}  "
               f"[dim]line {t.line} · {escape(t.rule)}[/dim]", highlight=False)


def _section_at(doc: Document, offset: int) -> str | None:
    """The innermost section holding an offset of the original text."""
    found = None
    for section in doc.sections:
        if section.span[0] <= offset < section.end:
            found = section.id
    return found
