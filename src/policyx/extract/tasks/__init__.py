"""Tasks: what a plan asks to be done, each with the departments that answer for it.

Clause first. Every responsibility clause the text states belongs to exactly
one task, so the clauses are found first, over the whole plan
(:mod:`.paragraphs`), then the unit of text each one closes or heads
(:mod:`.units`), then which units are tasks (:mod:`.selection`) and what each
is called (:mod:`.titles`). A plan with numbered items or clauses that yields
no task says why in a ``no-tasks`` warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from policyx.extract.clauses import PHRASE_FORMS, as_written, to_clause
from policyx.extract.tasks.fields import EDGE
from policyx.extract.tasks.paragraphs import (
    Paragraph, SectionIndex, find_all_clauses, holds_no_tasks, lead_in_title, paragraphs,
)
from policyx.extract.tasks.selection import (
    attributed_units, before_its_explanation, outside_safeguards, sections_without_tasks, structure_units, task_styles,
)
from policyx.extract.tasks.titles import settle_titles
from policyx.extract.tasks.units import Unit, UnitBuilder
from policyx.model import Clause, DepartmentRef, Issue, Section, Task, maker, replaced
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized
from policyx.text.presence import may_match
from policyx.text.sentences import STRONG_END, STRONG_STOP
from policyx.text.spans import Spans

_new_task = maker(Task)  # (one a heading in a plan of headings: made without the class call's keyword dict)

__all__ = ["FEW_ATTRIBUTED_ITEMS", "extract_tasks", "holds_no_tasks", "lead_in_title", "outside_safeguards", "states_attributions"]


def extract_tasks(norm: Normalized, sections: tuple[Section, ...], rules: RuleSet,
                  tables: tuple[tuple[int, int], ...] = (), *,
                  task_tables: bool = False, sends_a_plan: bool = False) -> tuple[tuple[Task, ...], tuple[Issue, ...], tuple[Task, ...]]:
    """Tasks of a plan in document order, the problems found with them, and
    the items like its tasks that no clause attributes — each a task once a
    table's row restates it with its units (``task_tables``: whether one of
    the plan's tables lists tasks; a note on who of a list leads is then its,
    not the body's; ``sends_a_plan``: the document is a notice that sends
    it). The text of ``tables`` (their spans) holds table rows, which are
    read as such."""
    index = SectionIndex(sections, norm.text)
    paras = paragraphs(norm, index, rules.responsibility)
    lead_marks = find_all_clauses(norm, paras, rules, tables=tables if task_tables else None)
    in_table = Spans(tables)
    units = UnitBuilder(norm, paras, index, rules, lead_marks).build()
    annexed: list[Unit] = []
    if in_table.starts or index.outside.starts:  # (else every unit is of the plan's text)
        kept: list[Unit] = []
        for u in units:
            if _in_text(u, norm.text, index, in_table):
                kept.append(u)
            elif task_tables and u.at_marker is not None and u.start not in in_table:
                annexed.append(u)  # (an annexed plan's item a table's row may restate: "附件1 …方案" beside "附件2 …分工表")
        units = kept
    attributed = _attributed(units, norm.text)
    orphans: list[Unit] = []
    restatable: list[Unit] = []
    few_attributed: tuple[Issue, ...] = ()
    if attributed:
        without_tasks = sections_without_tasks(index, rules.tasks)
        if task_tables:  # (an item an annexed table's row attributes: province-three-year-milestones-2024)
            restatable = _items_without_clause(sorted([*units, *annexed], key=lambda u: u.start) if annexed else units,
                                               index, without_tasks)
        units, orphans = attributed_units(units, index, task_styles(units, index), rules.tasks, without_tasks,
                                           rules.responsibility)
        few_attributed = _few_attributed(units, index, without_tasks)
    else:
        units = structure_units(units, index, rules.tasks,
                                attachments=may_match(norm.text, rules.requires.get("tasks.attachment_list", ())))
        if task_tables and sends_a_plan:  # (a notice that sends a table of tasks: its items are tasks where a row
            restatable, units = units, []  # restates them; its own paragraphs are none, province-key-tasks-with-leaders-2026)
    settle_titles(units, norm.text, rules.tasks)
    settle_titles(restatable, norm.text, rules.tasks)
    both = sorted([*units, *restatable], key=lambda u: u.start) if restatable else units
    finished, issues = _Finisher(norm, attributed, _standing_changes(paras, norm, rules)).finish(both)
    tasks, candidates, issues = _set_apart(both, finished, restatable, issues)
    tasks = before_its_explanation(tasks, norm.text, rules.tasks)
    issues = (*issues, *_without_clause(orphans, norm, rules), *few_attributed)
    if not tasks:
        issues = (*issues, *_why_no_tasks([p for p in paras if not in_table.covers(p.start)], sections))
    return tasks, issues, candidates


def _items_without_clause(units: list[Unit], index: SectionIndex, without_tasks: set[str]) -> list[Unit]:
    """The numbered items, over no other, that no clause attributes (outside the sections that hold no tasks)."""
    return [u for u in units if u.clause is None and not u.subclauses and u.at_marker is not None
            and u.at_marker.id not in index.parents and u.at_marker.id not in without_tasks]


def _set_apart(units: list[Unit], finished: tuple[Task, ...], restatable: list[Unit],
               issues: tuple[Issue, ...]) -> tuple[tuple[Task, ...], tuple[Task, ...], tuple[Issue, ...]]:
    """The tasks of ``units`` (finished in order), those of the ``restatable``
    items set apart, and the issues without the latter's missing clause (said once, by _without_clause)."""
    if not restatable:
        return finished, (), issues
    apart = {id(u) for u in restatable}
    tasks = tuple(t for u, t in zip(units, finished) if id(u) not in apart)
    candidates = tuple(t for u, t in zip(units, finished) if id(u) in apart)
    spans = {t.span for t in candidates}
    return tasks, candidates, tuple(i for i in issues if not (i.code == "task-without-clause" and i.span in spans))


def _attributed(units: list[Unit], text: str) -> bool:
    # (a unit whose words are a heading's or a title's alone — a heading over its paragraph — says nothing either way)
    return states_attributions(u.clause.form if u.clause is not None else None for u in units
                               if u.clause is not None or STRONG_STOP.search(text, u.start, u.end))


def states_attributions(forms: Iterable[str | None]) -> bool:
    """Whether a plan whose units (tasks) carry clauses of these ``forms``
    (None: no clause) states who answers for its tasks: a clause in brackets,
    after a label, as a sentence or in 由…牵头 prose; or, in units of their
    own, as phrases of a sentence ("市教育局负责，…", "区人民政府应当…") in half
    of them, or in a fifth of them and a few at least (a regulation's articles:
    most oblige companies and the public, a few the offices) — a plan of
    unattributed measures is not turned into one of attributed tasks by a
    sentence or two that name an office ("自治区环保厅负责对…汇总")."""
    phrases = units = 0
    for form in forms:
        units += 1
        if form is not None:
            if form not in PHRASE_FORMS:
                return True
            phrases += 1
    return phrases > 0 and 2 * phrases >= units or phrases >= MIN_PHRASE_UNITS and 5 * phrases >= units


MIN_PHRASE_UNITS = 4  # (neimenggu-water-2015, a plan of 69 measures, has two)


def _in_text(unit: Unit, text: str, index: SectionIndex, in_table: Spans) -> bool:
    """A unit of the plan's text, not of a table: a box or an appendix holds
    tasks only where it attributes them (an appendix that lists the tasks
    with their 牵头考核单位); its tables are read as tables."""
    if unit.start in in_table:
        return False
    return (unit.clause is not None and "\t" not in text[unit.start:unit.end]) or not index.in_box_or_appendix(unit.start)


def _without_clause(orphans: list[Unit], norm: Normalized, rules: RuleSet) -> tuple[Issue, ...]:
    """An item (or lead-in paragraph) like the plan's tasks whose clause is missing."""
    settle_titles(orphans, norm.text, rules.tasks)
    issues = []
    for unit in orphans:
        title = norm.clean(*(unit.title_span or (unit.start, unit.start))).strip(EDGE)
        issues.append(Issue(code="task-without-clause", line=norm.line_of(unit.start), span=(unit.start, unit.end),
                            message=f"item {title!r} has no responsibility clause, though the plan's other items "
                                    "of its kind carry one: no department answers for it"))
    return tuple(issues)


def _standing_changes(paras: list[Paragraph], norm: Normalized, rules: RuleSet) -> list[tuple[int, tuple[DepartmentRef, ...]]]:
    """Where the units a standing clause hands every later task change, in
    order: a statement of its own ("以下各项任务均需各市（州）人民政府落实，不再列出。")
    hands its units on; another document of a package starts ("关于稳定经济十条
    货币金融政策措施", a line of its own that names it) and hands none."""
    text = norm.text
    changes: list[tuple[int, tuple[DepartmentRef, ...]]] = []
    for para in paras:
        if para.standing:
            changes.append((para.start, as_written(list(para.standing), norm.source, "clause.standing")))
        elif para.heading is None and para.end - para.start <= 60 \
                and rules.tasks.document_name.search(text[para.start:para.end].strip()):
            changes.append((para.start, ()))
    return changes


# a plan whose clauses name this few of its items' tasks is said to leave the rest out
FEW_ATTRIBUTED_ITEMS, FEW_ATTRIBUTED_SHARE = 10, 3


def _few_attributed(units: list[Unit], index: SectionIndex, without_tasks: set[str]) -> tuple[Issue, ...]:
    """A plan whose responsibility clauses stand in a few of its many
    numbered items (hebei-sci-tech-reform-2015: 3 clauses, some 140 items):
    one task per clause, and the items without one are no task — said, not
    left out silently (``without_tasks``: :func:`sections_without_tasks`)."""
    held = {u.section.id for u in units if u.section is not None}
    bare = [s for s in index.headings
            if s.id not in index.parents and s.id not in held and s.id not in without_tasks
            and not index.in_box_or_appendix(s.span[0])]
    if len(bare) < FEW_ATTRIBUTED_ITEMS or len(bare) < FEW_ATTRIBUTED_SHARE * len(units):
        return ()
    return (Issue(code="items-without-clauses", line=None,
                  message=f"only {len(units)} task(s) carry a responsibility clause, and {len(bare)} numbered "
                          "items none: one task is read per clause, the items without one are left out (they "
                          "may be tasks written without clauses)"),)


def _why_no_tasks(paras: list[Paragraph], sections: tuple[Section, ...]) -> tuple[Issue, ...]:
    clauses = sum(len(p.clauses) for p in paras)
    items = sum(1 for s in sections if s.kind == "heading")
    if not clauses and not items:
        return ()
    found = ", ".join(part for part in (f"{clauses} responsibility clause(s)" if clauses else "",
                                        f"{items} numbered heading(s)" if items else "") if part)
    return (Issue(code="no-tasks", message=f"no task found although the plan has {found}; "
                  "its tasks may be in a form policyx does not read yet", line=None),)


def _dedupe(refs) -> tuple[DepartmentRef, ...]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.canonical not in seen:
            seen.add(ref.canonical)
            out.append(ref)
    return tuple(out)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in EDGE:
        end -= 1
    while start < end and text[start] in EDGE:
        start += 1
    return start, end


def _sentence_before(text: str, pos: int) -> tuple[int, int]:
    """The sentence a nested clause follows: back to the previous stop."""
    back = max(text.rfind(ch, 0, pos) for ch in STRONG_END + ";\n")
    return back + 1, pos


@dataclass
class _Finisher:
    """Units to Tasks, in order: ids per section, departments (with those a
    standing clause hands down), and the problems seen on the way."""

    norm: Normalized
    attributed: bool
    standing_changes: list[tuple[int, tuple[DepartmentRef, ...]]] = field(default_factory=list)
    next_change: int = 0  # the first of standing_changes not yet passed
    standing: list[DepartmentRef] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def finish(self, units: list[Unit]) -> tuple[tuple[Task, ...], tuple[Issue, ...]]:
        tasks = tuple(self._task(unit) for unit in units)
        for name, line in self.unknown.items():
            self.issues.append(Issue(code="department-unknown", message=f"department {name!r} is not in the rules' registry",
                                     line=line))
        return tasks, tuple(self.issues)

    def _clauses(self, unit: Unit) -> tuple[Clause | None, tuple[Clause, ...]]:
        if unit.clause is None and not unit.subclauses:
            return None, ()
        source, text = self.norm.source, self.norm.text
        clause = to_clause(unit.clause, source, self.norm.line_of(unit.clause.start)) if unit.clause else None
        subclauses = tuple(to_clause(c, source, self.norm.line_of(c.start), nested=True,
                                     sentence_span=_sentence_before(text, c.start)) for c in unit.subclauses)
        return clause, subclauses

    def _task(self, unit: Unit) -> Task:
        text = self.norm.text
        start, end = unit.start, unit.end
        while end > start and text[end - 1].isspace():
            end -= 1
        if self.next_change < len(self.standing_changes):
            self._pass_changes(start)
        section_id = unit.section.id if unit.section else None
        key = section_id or ""
        number = self.counters[key] = self.counters.get(key, 0) + 1
        task_id = f"{section_id}.{number}" if section_id else str(number)
        title, title_span, words, span = self._words(unit, start, end)
        heading = unit.at_marker
        line = heading.line if heading is not None and heading.span[0] == start else self.norm.line_of(start)
        if unit.clause is None and not unit.subclauses and not self.standing:  # (most items of a plan without clauses)
            if self.attributed:
                self._note([], None, title, line, span)
            return _new_task(id=task_id, section=section_id, title=title, text=words, line=line, span=span,
                        title_span=title_span, rule=unit.rule)
        clause, subclauses = self._clauses(unit)
        own = [clause] if clause else list(subclauses)
        if clause is not None and clause.standing:
            self.standing = list(clause.standing)
        self._note(own, clause, title, line, span)
        return _new_task(
            id=task_id, section=section_id, title=title, text=words, line=line, span=span, title_span=title_span,
            lead=_dedupe(r for c in own for r in c.lead) if own else (),
            participants=_dedupe(r for c in own for r in c.participants) if own else (),
            implementers=self._implementers(own, clause) if own or self.standing else (),
            clause=clause, subclauses=subclauses, rule=unit.clause.rule if unit.clause else unit.rule,
        )

    def _pass_changes(self, start: int) -> None:
        changes = self.standing_changes
        while self.next_change < len(changes) and changes[self.next_change][0] <= start:
            self.standing = list(changes[self.next_change][1])  # (a standing clause holds within its own document)
            self.next_change += 1

    def _words(self, unit: Unit, start: int, end: int) -> tuple[str, tuple[int, int], str, tuple[int, int]]:
        """The task's title, title span, words and span; a task named by its
        heading shares the heading's copies of those that are the same."""
        title_span = _trim(self.norm.text, *(unit.title_span or (start, start)))
        span = (start, end)
        heading = unit.at_marker
        if heading is None or heading.title_span != title_span:
            return self.norm.clean(*title_span), title_span, self.norm.clean(start, end), span
        title = heading.title
        if heading.span == span:
            span = heading.span
        return title, heading.title_span, title if heading.title_span == span else self.norm.clean(start, end), span

    def _implementers(self, own: list[Clause], clause: Clause | None) -> tuple[DepartmentRef, ...]:
        """The clause's own, then those a standing clause hands this task and every later one
        — the task holding the standing clause only when it names none of its own ("…各市(含定州、
        辛集市,下同)、县(市、区)政府和雄安新区管委会落实。以下均需各市、县政府和雄安新区管委会落实", x5)."""
        implementers = [r for c in own for r in c.implementers]
        if implementers and clause is not None and clause.standing:
            return _dedupe(implementers)
        named = {i.canonical for i in implementers}
        implementers.extend(replaced(r, inherited=clause is None or r not in clause.standing)
                            for r in self.standing if r.canonical not in named)
        return _dedupe(implementers)

    def _note(self, own: list[Clause], clause: Clause | None, title: str, line: int, span: tuple[int, int]) -> None:
        if clause is None and self.attributed:
            self.issues.append(Issue(code="task-without-clause", message=f"task {title!r} has no responsibility clause",
                                     line=line, span=span))
        for c in own:
            if not c.closed:
                self.issues.append(Issue(code="clause-unclosed", message=f"clause {c.text!r} is missing a bracket",
                                         line=c.line, span=c.span))
            for ref in (*c.lead, *c.participants, *c.implementers, *c.standing):
                if not ref.known:
                    self.unknown.setdefault(ref.name, self.norm.line_of(ref.span[0]))
