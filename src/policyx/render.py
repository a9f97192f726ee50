"""Rich rendering for people; machine formats never pass through here."""

from __future__ import annotations

from rich.console import Console
from rich.tree import Tree

from .model import Document


def document_tree(doc: Document, console: Console | None = None) -> None:
    """Print a plan's section tree with line numbers, then its warnings."""
    console = console or Console()
    root = Tree(f"[bold]{doc.info.title or doc.info.id}[/bold]  ({doc.info.id}, {doc.info.lines} lines)")
    nodes = {None: root}
    for section in doc.sections:
        style = {"box": "cyan", "appendix": "magenta"}.get(section.kind, "")
        label = f"{section.marker} {section.title}".strip()
        text = f"[{style}]{label}[/{style}]" if style else label
        parent = nodes.get(section.parent, root)
        nodes[section.id] = parent.add(f"{text}  [dim]{section.id} · line {section.line}[/dim]", highlight=False)
    console.print(root, highlight=False)
    for warning in doc.warnings:
        where = f"line {warning.line}: " if warning.line else ""
        console.print(f"[yellow]warning[/yellow] {warning.code}: {where}{warning.message}", highlight=False)
