"""Which units of text are tasks.

In a plan with clauses: every unit a clause closes or heads (one task per
attribution clause); the numbered items without one where most items of
their kind carry one (a clause left out), and paragraphs opened by a lead-in
among such paragraphs that carry clauses, are reported, not counted. In a plan with no clause at all: every paragraph of a section that
holds tasks (not the sections that set goals or principles), a heading alone
on its line over a single paragraph being one task with it.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from policyx.extract.tasks.fields import run_in
from policyx.extract.tasks.paragraphs import SectionIndex, has_words, holds_no_tasks, lead_in_at
from policyx.extract.clauses import PHRASE_FORMS
from policyx.extract.tasks.units import Unit
from policyx.model import Section, Task
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.tasks import TaskRules


def counts(units: list[Unit], attributed: bool) -> Counter:
    """How many tasks each section's own text holds (with clauses, where the plan has them)."""
    if attributed:
        return Counter(u.section.id for u in units if u.clause is not None and u.section is not None)
    return Counter(u.section.id for u in units if u.section is not None)


def task_styles(units: list[Unit], index: SectionIndex) -> set[str]:
    """Kinds of heading that name tasks: most sections of the kind (that hold
    no other headings) carry a clause, most of those exactly one (mwr: every
    "（1）" holds one; xinjiang's "（一）" hold several; in a plan where three
    of sixty "1." items carry a clause, "1." names no task)."""
    held = counts(units, True)
    leaves: dict[str, list[int]] = {}
    for s in index.headings:
        if s.id not in index.parents and not index.in_box_or_appendix(s.span[0]):
            leaves.setdefault(s.style, []).append(held.get(s.id, 0))
    styles = set()
    for style, ns in leaves.items():
        attributed = [n for n in ns if n]
        if len(attributed) * 2 >= len(ns) and sum(1 for n in attributed if n == 1) * 2 >= len(attributed):
            styles.add(style)
    return styles


def sections_without_tasks(index: SectionIndex, rules: TaskRules) -> set[str]:
    """Sections that review the past or set out goals and principles, and those inside them."""
    return _sections_titled(index.headings, lambda s: holds_no_tasks(s.title, rules, rules.non_task_sections))


def outside_safeguards(tasks: tuple[Task, ...], sections: tuple[Section, ...], rules: TaskRules) -> tuple[Task, ...]:
    """The tasks outside the plan's closing safeguards (保障措施, 组织实施 …) and the sections inside them."""
    inside = _sections_titled(sections, lambda s: s.kind == "heading" and bool(rules.unattributed_sections.search(s.title)))
    return tuple(t for t in tasks if t.section not in inside)


def _sections_titled(sections: Iterable[Section], titled: Callable[[Section], bool]) -> set[str]:
    """The sections that are ``titled``, and those inside them."""
    found: set[str] = set()
    for s in sections:
        if s.parent in found or titled(s):
            found.add(s.id)
    return found


def attributed_units(units: list[Unit], index: SectionIndex, styles: set[str], rules: TaskRules,
                     without_tasks: set[str], roles: ResponsibilityRules) -> tuple[list[Unit], list[Unit]]:
    """In a plan with clauses: the units with one (the tasks), and those
    without one that look like the rest — an item or a lead-in paragraph
    whose clause was left out (see the module docstring). Those are no task
    (one task per attribution clause), but what a reviewer must hear of;
    not in ``without_tasks`` (:func:`sections_without_tasks`), nor under
    the plan's closing guarantees (组织保障), whose items carry no clause as
    a rule."""
    skipped = without_tasks | _sections_titled(index.headings, lambda s: rules.unattributed_sections.search(s.title))
    by_lead_in = _lead_in_sections(units, index.text, rules)
    kept, orphans = [], []
    for unit in units:
        heading = unit.at_marker
        if unit.clause is not None:
            # (under the closing guarantees a sentence that names an office is no clause:
            # "省住房城乡建设厅会同省发展改革委…建立工作协调机制")
            # (unless it says in so many words who leads: "县委宣传部牵头，县应急管理局…配合", "县财政局负责将…纳入年度预算")
            if unit.clause.form not in PHRASE_FORMS or not _inside(unit, skipped) \
                    or not _inside(unit, without_tasks) and _names_its_role(unit, index.text, roles):
                kept.append(unit)
        elif heading is None:
            # a paragraph opened by a lead-in, among paragraphs so opened
            # that carry clauses ("加强监管。定期检查。" with no clause)
            if unit.starts_paragraph and unit.section is not None and unit.section.id in by_lead_in \
                    and unit.section.id not in skipped and lead_in_at(index.text, unit.start, unit.end, rules):
                orphans.append(unit)
        elif not (heading.id in index.parents or heading.style not in styles or heading.id in skipped
                  or _names_a_document(heading, unit, index.text, rules)):
            orphans.append(unit)
    return kept, orphans


def _names_its_role(unit: Unit, text: str, roles: ResponsibilityRules) -> bool:
    """Whether a phrase names its lead by a lead's word or one who answers for the work (not 会同: "省住房城乡建设厅会同…")."""
    words = text[unit.clause.inner_start:unit.clause.inner_end]
    return bool(unit.clause.parsed.lead) and any(
        roles.role_of.get(m.group()) in ("lead", "responsible") and m.group() not in roles.together_with
        for m in roles.role_pattern.finditer(words))


def _inside(unit: Unit, sections: set[str]) -> bool:
    """Whether the unit stands in one of ``sections`` (or one inside them)."""
    return unit.section is not None and unit.section.id in sections


def _names_a_document(heading, unit: Unit, text: str, rules: TaskRules) -> bool:
    """An item that names a document, in a list of the documents a plan sends
    ("1.关于稳住经济的三十条财政政策措施"), or is only a name ending like one."""
    if rules.document_name.search(heading.title):
        return True
    return not has_words(text, heading.title_span[1], unit.end) and rules.document_title.search(heading.title) is not None


def _lead_in_sections(units: list[Unit], text: str, rules: TaskRules) -> set[str]:
    """Sections whose attributed tasks open paragraphs with a lead-in of their own."""
    opened: dict[str, list[bool]] = {}
    for unit in units:
        if unit.clause is None or unit.section is None or not (unit.starts_paragraph or unit.at_marker is not None):
            continue
        start = unit.start
        if unit.at_marker is not None:
            if not run_in(text, unit.at_marker):
                continue
            start = unit.at_marker.body_start
        limit = unit.clause.start if unit.clause.start > start else unit.end
        opened.setdefault(unit.section.id, []).append(lead_in_at(text, start, limit, rules) is not None)
    return {sid for sid, flags in opened.items() if flags and sum(flags) * 2 >= len(flags)}


def structure_units(units: list[Unit], index: SectionIndex, rules: TaskRules, attachments: bool = True) -> list[Unit]:
    """In a plan with no clause at all: the paragraphs of the sections that
    hold tasks (``attachments``: whether the plan may list its attachments)."""
    text = index.text
    skipped = sections_without_tasks(index, rules)
    if attachments:
        units = without_attachment_list(units, text, rules)
    below: Counter = Counter(u.section.id for u in units if u.section is not None and u.at_marker is None)
    kept: list[Unit] = []
    for unit in units:
        section = unit.section
        if section is None or section.id in skipped or rules.signed_form.match(text, unit.start, unit.end):
            continue
        heading = unit.at_marker
        if heading is not None:
            alone = not has_words(text, heading.title_span[1], unit.end)
            if heading.id in index.parents or (alone and below[heading.id] >= 2):
                continue  # a heading over several paragraphs groups them
        elif kept and kept[-1].at_marker is section and below[section.id] == 1 \
                and not has_words(text, section.title_span[1], kept[-1].end):
            # a heading alone on its line over a single paragraph: one task,
            # named by the paragraph's lead-in if it has one, else by the heading
            if lead_in_at(text, unit.start, unit.end, rules):
                kept.pop()
            else:
                kept[-1].end = unit.end
                continue
        unit.rule = "task.item" if heading is not None else "task.paragraph"
        kept.append(unit)
    return kept


def without_attachment_list(units: list[Unit], text: str, rules: TaskRules) -> list[Unit]:
    """Without "附件：1.…" and the numbered lines after it (and the date that
    signs the plan): they list the plan's attachments."""
    kept, listing = [], False
    for unit in units:
        words = text[unit.start:unit.end].strip()
        listing = rules.attachment_list.match(text, unit.start, unit.end) is not None or (
            listing and unit.at_marker is None
            and (rules.listed_item.match(words) is not None or rules.date_line.match(words) is not None))
        if not listing:
            kept.append(unit)
    return kept


def before_its_explanation(tasks: tuple[Task, ...], text: str, rules: TaskRules) -> tuple[Task, ...]:
    """The tasks before the plan's drafting notes or reading ("关于《…》的起草说明" on a line of its
    own): what follows restates them. All of them when none comes before it (an explanation alone)."""
    found = rules.explanation_title.search(text) if "说明" in text or "解读" in text else None
    if found is None:
        return tasks
    before = tuple(t for t in tasks if t.span[0] < found.start())
    return before or tasks
