"""Headings whose numbers a copy lost.

A Word file's automatic numbering does not survive a copy as text: "一、总体要求"
becomes a line "总体要求", "（一）加强工业污染治理" a line "加强工业污染治理". In a plan
with no numbered heading at all, short lines of words standing alone are read
as its headings (``rules/sections.yaml`` ``unmarked_heading``), their levels
from the order they stand in:

* a heading right under another is inside it ("重点任务" / "推动产业结构优化升级" /
  "严格项目准入");
* the parts of a plan (``unmarked_part``: 总体要求, 重点任务, 保障措施 …) are at the top;
* a heading with a paragraph under it is at the level of the last such
  heading, and one with a heading under it a level above that.

A run of more such lines than an outline is deep is a list, or a table
written a cell a line, and no headings.
"""

from __future__ import annotations

from policyx.extract.sections.tree import with_ends
from policyx.model import Section, maker
from policyx.rules import RuleSet
from policyx.text.normalize import Line, Normalized

_new_section = maker(Section)
MIN_HEADINGS = 3  # fewer short lines standing alone are a title block or a signature, not an outline
MAX_DEPTH = 3  # levels of an outline: a longer run of short lines is no chain of headings


def unmarked_outline(norm: Normalized, rules: RuleSet) -> tuple[Section, ...]:
    """The headings of a plan whose numbers were lost, in order; none when
    fewer than ``MIN_HEADINGS`` lines read as such."""
    lines = [ln for ln in norm.lines() if ln.text.strip()]
    heads = {i for i in range(1, len(lines) - 1) if _may_head(lines[i].text.strip(), rules)}
    heads -= _long_runs(heads)
    if len(heads) < MIN_HEADINGS or all(i + 1 in heads for i in heads):
        return ()  # (…and a heading has words of its own under it somewhere)
    part = rules.sections.unmarked_part
    levels: dict[int, int] = {}
    leaf: int | None = None
    parts_seen = False
    for i in sorted(heads):
        words = lines[i].text.strip()
        if i - 1 in heads:
            level = levels[i - 1] + 1
        elif part.match(words):
            level, parts_seen = 1, True
        elif i + 1 in heads:
            level = max(1, (leaf or 2) - 1)
        else:
            level = leaf or (2 if parts_seen else 1)
        levels[i] = min(level, MAX_DEPTH)
        if i + 1 not in heads:
            leaf = levels[i]
    return tuple(with_ends(_sections(norm, [(lines[i], levels[i]) for i in sorted(heads)]), len(norm.text)))


def _may_head(words: str, rules: RuleSet) -> bool:
    """A line of a few words that could be a heading: not a plan's or a
    document's title, nor an office's name (a signature)."""
    if not rules.sections.unmarked_heading.fullmatch(words) or rules.sections.plan_title.match(words) \
            or rules.tasks.document_title.search(words) or _names_a_column(words, rules):
        return False
    registry = rules.departments
    return not (registry.is_government(words) or registry.resolve(words).known)


def _names_a_column(words: str, rules: RuleSet) -> bool:
    """A table's header cell written on a line of its own ("序号", "责任单位", a table one cell a line):
    the column of its rows' numbers or offices, no heading."""
    compact = words.replace(" ", "")
    return any(role in _CELL_ROLES and compact in names for role, names in rules.tables.roles)


_CELL_ROLES = frozenset({"index", "lead", "participants", "implementers"})


def _long_runs(heads: set[int]) -> set[int]:
    """The lines of runs of consecutive candidates longer than an outline is deep."""
    out: set[int] = set()
    for i in heads:
        if i - 1 in heads:
            continue
        run = [i]
        while run[-1] + 1 in heads:
            run.append(run[-1] + 1)
        if len(run) > MAX_DEPTH:
            out.update(run)
    return out


def _sections(norm: Normalized, heads: list[tuple[Line, int]]) -> list[Section]:
    """The sections of the headings (each with its level), their ids and
    parents by the levels: "1", "1.1", "1.1.1" …"""
    out: list[Section] = []
    chain: list[Section] = []  # the open ancestors, outermost first
    counts: dict[str | None, int] = {}
    for line, level in heads:
        while chain and chain[-1].level >= level:
            chain.pop()
        level = min(level, len(chain) + 1)
        parent = chain[-1].id if chain else None
        counts[parent] = counts.get(parent, 0) + 1
        section_id = f"{parent}.{counts[parent]}" if parent else str(counts[parent])
        start = line.start + len(line.text) - len(line.text.lstrip())
        end = line.start + len(line.text.rstrip())
        section = _new_section(
            id=section_id, level=level, marker="", title=norm.clean(start, end),
            line=line.number if norm.lines_are_the_files else norm.line_of(start),
            span=(start, end), parent=parent, kind="heading", style="unmarked", number=None,
            title_span=(start, end), body_start=end, end=len(norm.text), rule="section.unmarked", depth=level,
        )
        out.append(section)
        chain.append(section)
    return out
