"""A notice's own numbered paragraphs before the plan it sends."""

from __future__ import annotations

from dataclasses import replace

from policyx.model import Issue, Section
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized


def without_cover_letter(sections: tuple[Section, ...], issues: tuple[Issue, ...], norm: Normalized,
                         rules: RuleSet) -> tuple[tuple[Section, ...], tuple[Issue, ...]]:
    """Where the top-level numbering starts again at 1 after a line that is
    the plan's title ("一、各责任单位要高度重视…" … "吉林省…重点任务分工" "一、…"),
    the sections before that line are the notice's: they are dropped and the
    plan's sections renumbered from 1."""
    top = [s for s in sections if s.parent is None and s.kind == "heading"]
    for earlier, later in zip(top, top[1:]):
        if later.style != earlier.style or later.number != 1 or (earlier.number or 0) < 1:
            continue
        if norm.text.count("\n", earlier.span[0], later.span[0]) < 2:
            continue  # no line of its own between the two headings to be the plan's title
        between = [ln for ln in norm.lines(earlier.span[0], later.span[0]) if ln.start > earlier.span[0]]
        title = next((ln for ln in reversed(between) if rules.sections.plan_title.match(ln.text.strip())), None)
        if title is None:
            continue
        cut = title.start
        kept = [s for s in sections if s.span[0] >= cut]
        shift = sum(1 for s in top if s.span[0] < cut)
        return (tuple(_renumbered(s, shift) for s in kept),
                tuple(i for i in issues
                      if not (i.code == "section-numbering" and i.span and i.span[0] < later.span[1])))
    return sections, issues


def _renumbered(section: Section, shift: int) -> Section:
    """A section's id (and its parent's) with the top-level number lowered by ``shift``."""
    def renumber(section_id: str | None) -> str | None:
        if section_id is None:
            return None
        head, dot, rest = section_id.partition(".")
        return f"{int(head) - shift}{dot}{rest}" if head.isdigit() else section_id
    return replace(section, id=renumber(section.id), parent=renumber(section.parent))
