"""Deadlines and targets placed in a plan: on each task, and the plan's own
targets (主要指标, 工作目标, 规划目标) outside any task."""

from __future__ import annotations

from dataclasses import replace

from .deadlines import find_deadlines
from .model import Deadline, Section, Target, Task
from .normalize import Normalized
from .rules import RuleSet
from .targets import find_targets


def attach_to_tasks(tasks: tuple[Task, ...], norm: Normalized, rules: RuleSet) -> tuple[Task, ...]:
    """Each task with the deadlines and targets written in its text."""
    out = []
    for task in tasks:
        start, end = task.span
        text = norm.text[start:end]
        exclude = [c.span for c in task.subclauses] + ([task.clause.span] if task.clause else [])
        deadlines = find_deadlines(text, start, rules.deadlines, norm.original, norm.line_of, exclude=exclude)
        targets = find_targets(text, start, rules.targets, norm.original, norm.line_of, deadlines, exclude=exclude)
        out.append(replace(task, deadlines=tuple(deadlines), targets=tuple(targets)))
    return tuple(out)


def document_targets(
    norm: Normalized, sections: tuple[Section, ...], tasks: tuple[Task, ...], rules: RuleSet
) -> tuple[Target, ...]:
    """Targets outside every task: the plan's 主要指标 and goal paragraphs.

    Skipped: task text, appendices (their tables are read as tables), table
    rows, and sections that review the past (形势, 进展, 完成情况 …). A goal
    paragraph without a year of its own takes the last 到…年 of an earlier
    paragraph in the same top-level section ("总体目标：到2020年…" then
    "1. 环境质量目标 …达到71.6%").
    """
    covered = sorted(t.span for t in tasks)
    skip_ranges = []
    retrospective = rules.targets.retrospective
    skipped_ids: set[str] = set()
    for s in sections:
        if s.kind == "appendix" or (s.parent in skipped_ids) or retrospective.search(s.title):
            skipped_ids.add(s.id)
            skip_ranges.append((s.span[0], s.end))
    skip_ranges.extend(covered)
    top_of = {}
    for s in sections:
        top_of[s.id] = top_of.get(s.parent, s.id) if s.parent else s.id
    targets: list[Target] = []
    carried: list[Deadline] = []
    current_top = None
    section_starts = sorted((s.span[0], s.id) for s in sections)
    index = 0
    for line in norm.lines():
        while index < len(section_starts) and section_starts[index][0] <= line.start:
            top = top_of[section_starts[index][1]]
            if top != current_top:
                current_top, carried = top, []
            index += 1
        if not line.text.strip() or "\t" in line.text.strip():
            continue
        if any(a <= line.start and line.end <= b for a, b in skip_ranges):
            continue
        deadlines = find_deadlines(line.text, line.start, rules.deadlines, norm.original, norm.line_of)
        by = [d for d in deadlines if d.kind == "by" and d.date]
        found = find_targets(line.text, line.start, rules.targets, norm.original, norm.line_of, [*carried, *deadlines])
        targets.extend(t for t in found if not any(a <= t.span[0] < b for a, b in covered))
        if by:
            carried = by[:1]
    return tuple(targets)
