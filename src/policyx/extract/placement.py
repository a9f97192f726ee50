"""Deadlines and targets placed in a plan: on each task, and the plan's own
targets (主要指标, 工作目标, 规划目标) outside any task.

Deadlines are found in one pass over the whole text and handed to the tasks
and paragraphs that hold them; targets are read task by task and paragraph
by paragraph, since a target's year comes from its own sentence or paragraph.
"""

from __future__ import annotations

import bisect
from typing import Iterator

from policyx.extract.deadlines import find_deadlines
from policyx.model import Deadline, Section, Target, Task, copier
from policyx.text.normalize import Line, Normalized
from policyx.extract.tasks import holds_no_tasks
from policyx.rules import RuleSet
from policyx.rules.targets import TargetRules
from policyx.text.anchors import first_chars
from policyx.text.presence import first_chars_search
from policyx.text.spans import Spans
from policyx.text.sentences import SENTENCE_END, find_end
from policyx.text.warm import may_hold_words
from policyx.extract.target_gates import target_requires
from policyx.extract.target_years import WITH_YEAR
from policyx.extract.targets import find_targets


def deadlines_within(deadlines: list[Deadline], starts: list[int], start: int, end: int) -> list[Deadline]:
    """The deadlines (sorted, with their ``starts``) that lie in [start, end)."""
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [d for d in deadlines[lo:hi] if d.span[1] <= end]


def all_deadlines(norm: Normalized, rules: RuleSet, plan_year: int | None = None, hits=None) -> list[Deadline]:
    """Every deadline phrase of the plan, in order (今年 and 明年 counted from
    ``plan_year``; ``hits``: the plan's ``deadline_hits``, when already found)."""
    return find_deadlines(norm.text, 0, rules.deadlines, norm.source, norm.line_of, reference_year=plan_year, hits=hits)


def attach_to_tasks(
    tasks: tuple[Task, ...], norm: Normalized, rules: RuleSet, deadlines: list[Deadline]
) -> tuple[Task, ...]:
    """Each task with the deadlines and targets written in its text."""
    starts = [d.span[0] for d in deadlines]
    headings = rules.deadlines.headings  # (a schedule's "二月份" dates the items under it: extract/schedule.py)
    # where a target can stand: a task with none there and no deadline is left as it is
    places = first_chars_search(target_requires(rules.requires))
    if _nothing_to_place(tasks, norm.text, deadlines, places):
        return tasks
    out = []
    for task in tasks:
        start, end = task.span
        own = _written_in(task, deadlines, starts, headings)
        if not own and places is not None and not places.search(norm.text, start, end) and not (task.deadlines or task.targets):
            out.append(task)
            continue
        clauses = (*task.subclauses, *([task.clause] if task.clause else []))
        if own and clauses:
            # a time inside a clause is the task's ("（…，6月底完成）"), but not one
            # inside a department's name
            names = Spans([r.span for c in clauses for r in (*c.lead, *c.participants, *c.implementers, *c.standing)])
            own = [d for d in own if not names.covers(d.span[0])]
        targets = find_targets(norm.text[start:end], start, rules.targets, norm.source, norm.line_of, own,
                               exclude=[_before_target_field(c, norm.text, rules) for c in clauses], requires=rules.requires)
        own = _once_ongoing([d for d in own if rules.deadlines.is_deadline(d.rule)])  # a plan period dates targets only
        targets = _dated_by_the_task(targets, own)
        if own or targets or task.deadlines or task.targets:
            task = _WITH_FOUND(task, tuple(own), tuple(targets))
        out.append(task)
    return tuple(out)


def _written_in(task: Task, deadlines: list[Deadline], starts: list[int], headings: frozenset[str]) -> list[Deadline]:
    """The deadlines in the task's words, and in its clauses written elsewhere ("以上第1—4项任务由…，6月底前
    完成": the block's dates are each item's); not a schedule's "二月份" (it dates the items under it)."""
    own = [d for d in deadlines_within(deadlines, starts, *task.span) if d.rule not in headings]
    for handed in _clauses_elsewhere(task):
        own = sorted({*own, *deadlines_within(deadlines, starts, *handed.span)}, key=lambda d: d.span[0])
    return own


def _clauses_elsewhere(task: Task) -> list:
    """The task's clauses that stand outside its words: written once after a block of items, for each."""
    start, end = task.span
    return [c for c in (*task.subclauses, *([task.clause] if task.clause else [])) if c.span[0] >= end or c.span[1] <= start]


def _before_target_field(clause, text: str, rules: RuleSet) -> tuple[int, int]:
    """A clause's span, up to a field of targets it holds ("…完成时限：…\n工作目标：新增城镇就业1.8万人"):
    what follows that field's label is the task's to reach, not the clause's words."""
    start, end = clause.span
    if clause.form == "sentence":
        # (a sentence's words before its units are a note of its time or state, and may hold its figure: "年底前…
        # 整治销号率达到80%以上，市水利局、市住房城乡建设局配合。", city-lead-first-sentences-2025)
        spans = [r.span[0] for r in (*clause.lead, *clause.participants, *clause.implementers)
                 if r.span is not None and start <= r.span[0] < end]
        return (min(spans), end) if spans else clause.span
    if clause.form != "labelled":
        return clause.span
    found = rules.targets.target_field.search(text, start, end)
    return (start, found.end()) if found else clause.span


_WITH_FOUND = copier(Task, "deadlines", "targets")  # (a copy of most tasks of a plan)


def _dated_by_the_task(targets: list[Target], deadlines: list[Deadline]) -> list[Target]:
    """The targets, one with no year of its own due in the year the task is
    due, when its deadlines name one year only ("…物业服务覆盖率不低于80%。
    （…完成时限：2025年6月底前）": 2025); as a table's row does."""
    if not targets or all(t.year is not None for t in targets):
        return targets
    years = {d.date[:4] for d in deadlines if d.kind == "by" and d.date}
    if len(years) != 1:
        return targets
    due = int(years.pop())
    return [t if t.year is not None else WITH_YEAR(t, due) for t in targets]


def _once_ongoing(deadlines: list[Deadline]) -> list[Deadline]:
    """A task's deadlines with its first "ongoing" only: it has no date, and a
    second (持续提升…, then 并持续推进) says nothing more of the task."""
    ongoing = [i for i, d in enumerate(deadlines) if d.kind == "ongoing"]
    return deadlines if len(ongoing) < 2 else [d for i, d in enumerate(deadlines) if d.kind != "ongoing" or i == ongoing[0]]


def _nothing_to_place(tasks: tuple[Task, ...], text: str, deadlines: list[Deadline], places) -> bool:
    """No deadline, no character a target needs, and no task holding either: every task stays as it is."""
    return not deadlines and places is not None and not places.search(text) \
        and not any(task.deadlines or task.targets for task in tasks)


def document_targets(
    norm: Normalized, sections: tuple[Section, ...], tasks: tuple[Task, ...], rules: RuleSet, deadlines: list[Deadline]
) -> tuple[Target, ...]:
    """Targets outside every task: the plan's 主要指标 and goal paragraphs.

    Skipped: task text, appendices (their tables are read as tables), table
    rows, and sections that review the past (形势, 进展, 完成情况 …). A goal
    paragraph without a year of its own takes the last 到…年 of an earlier
    paragraph in the same top-level section ("总体目标：到2020年…" then
    "1. 环境质量目标 …达到71.6%").
    """
    in_task = Spans(t.span for t in tasks)
    skipped = _skipped_sections(sections, rules, Spans(t.span for t in tasks if t.source == "body"))
    lines = [line for line in _lines_outside(norm, Spans([*skipped, *in_task.pairs()]) if skipped else in_task)
             if line.text.strip() and "\t" not in line.text.strip()]
    if not lines:
        return ()  # (every line's words are a task's, a table row or in a skipped section)
    tops = _TopSections(sections)
    starts = [d.span[0] for d in deadlines]
    words_only = _targets_start_on_words(rules.targets)
    targets: list[Target] = []
    carried: list[Deadline] = []
    current_top = None
    for line in lines:
        top = tops.top_before(line.start)
        if top != current_top:
            current_top, carried = top, []
        here = deadlines_within(deadlines, starts, line.start, line.end)
        if not _words_in_tasks(line, in_task, words_only):  # else every target it holds is a task's
            found = find_targets(line.text, line.start, rules.targets, norm.source, norm.line_of, [*carried, *here],
                                 requires=rules.requires)
            targets.extend(t for t in found if not in_task.covers(t.span[0]))
        by = [d for d in here if d.kind == "by" and d.date]
        if by:
            carried = by[:1]
    return tuple(targets)


class _TopSections:
    """The top-level section of the last section starting at or before an
    offset. Sections are in reading order and each top-level section's
    descendants follow it, so it is the last top-level one at or before that
    section: two bisections, whatever the number of sections."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self.starts = [s.span[0] for s in sections]
        self.top_indices = [i for i, s in enumerate(sections) if not s.parent]
        self.sections = sections

    def top_before(self, offset: int) -> str | None:
        last = bisect.bisect_right(self.starts, offset) - 1
        if last < 0:
            return None
        top = bisect.bisect_right(self.top_indices, last) - 1
        return self.sections[self.top_indices[top]].id if top >= 0 else self.sections[last].id


def _skipped_sections(sections: tuple[Section, ...], rules: RuleSet, body_tasks: Spans) -> list[tuple[int, int]]:
    """The spans of the appendices and of the sections that review the past,
    and those inside them; and the caption line of each box that states no
    targets (专栏4 …重点工程: a task's projects — a web copy that ran the plan
    into one line leaves the box's text on it; where a box's own lines end is
    not known, and the plan's goals may follow it). Not an appendix that is the
    plan a notice sends, its items tasks of the text (``body_tasks``: "附件1 …工作方案"
    with its "一、工作目标", city-notice-with-plan-division-and-blank-forms-2026)."""
    skipped_ids: set[str] = set()
    skipped = []
    for s in sections:
        if s.kind == "appendix" and not body_tasks.overlaps(s.span[0], s.end) or s.parent in skipped_ids \
                or s.kind != "appendix" and holds_no_tasks(s.title, rules.tasks, rules.targets.retrospective):
            skipped_ids.add(s.id)
            skipped.append((s.span[0], s.end))
        elif s.kind == "box" and not rules.targets.target_box.search(s.title):
            skipped.append((s.span[0], s.body_start))
    return skipped


def _lines_outside(norm: Normalized, skip: Spans) -> Iterator[Line]:
    """The lines with a character outside ``skip``, in order (a stretch of
    line ends alone between two skipped spans touches no line's words)."""
    text = norm.text
    last = 0
    for a, b in skip.gaps(0, len(text)):
        if not text[a:b].strip("\r\n"):
            continue
        for line in norm.lines(a, b):
            if line.number > last and max(a, line.start) < min(b, line.end):
                last = line.number
                yield line


def _words_in_tasks(line, in_task: Spans, targets_start_on_words: bool) -> bool:
    """Whether the line's words, from the first character that is not white
    space to the last, lie in the tasks' text (asked only when targets start on words)."""
    text = line.text
    return targets_start_on_words and in_task.covers(line.start + len(text) - len(text.lstrip()),
                                                     line.start + len(text.rstrip()))


_START_ON_WORDS: dict[tuple, bool] = {}


def _targets_start_on_words(rules: TargetRules) -> bool:
    """Whether every target pattern's match starts with a character that is not
    white space — so a target (whose span starts where its match or a value of
    it does) never starts on the white space around a line's words."""
    patterns = (rules.pattern, rules.bare_pattern, rules.verb_object, rules.fixed_pattern)
    if patterns not in _START_ON_WORDS:
        firsts = [first_chars(p.pattern, p.flags) for p in patterns]
        _START_ON_WORDS[patterns] = all(f is not None and not any(c.isspace() for c in f) for f in firsts)
    return _START_ON_WORDS[patterns]


def with_default_deadline(tasks: tuple[Task, ...], text: str, deadlines: list[Deadline], rules: RuleSet,
                          sections: tuple[Section, ...]) -> tuple[Task, ...]:
    """The tasks, each that names no due date of its own (no "by", nor an ongoing one) with the date a note
    gives such tasks ("注：各项重点工作未明确完成时限的，均须于2026年12月底前完成"): the first deadline written
    after the note's words, up to its sentence's end. A note is a line of its own opened as one (注, 说明, 备注) and
    dates the tasks of its annex, or those of the plan's body outside every annex."""
    if not tasks or not may_hold_words(rules.deadlines.default_note, text):
        return tasks
    annexes = [s.span[0] for s in sections if s.kind == "appendix"] + [len(text)]
    dues: dict[int, Deadline] = {}  # by the annex it dates (-1: the body)
    for note in rules.deadlines.default_note.finditer(text):
        line_start = text.rfind("\n", 0, note.start()) + 1
        if not rules.sections.note_opening.match(text[line_start:note.start()]):
            continue  # (a phrase of a task's own words: "对未明确完成时间的合同于3月底前完成整改")
        end = find_end(text, note.end(), len(text), SENTENCE_END)
        due = next((d for d in deadlines if note.end() <= d.span[0] < end and d.kind in ("by", "ongoing")
                    and rules.deadlines.is_deadline(d.rule)), None)
        if due is not None:
            dues.setdefault(_annex_of(annexes, note.start()), due)
    if not dues:
        return tasks
    out = []
    for task in tasks:
        due = dues.get(_annex_of(annexes, task.span[0]))
        dated = due is None or any(d.kind in ("by", "ongoing") for d in task.deadlines)
        out.append(task if dated else _WITH_FOUND(task, (*task.deadlines, due), task.targets))
    return tuple(out)


def with_group_deadlines(tasks: tuple[Task, ...], text: str, deadlines: list[Deadline], rules: RuleSet,
                         sections: tuple[Section, ...]) -> tuple[Task, ...]:
    """The tasks under a heading that says when its items are due ("一、6月底前完成的任务（8项）", "四、长期坚持的任务",
    city-tasks-grouped-by-deadline-2026), each with that date beside its own — unless a time field of its own
    says otherwise ("完成时限：9月底前")."""
    group_due = rules.deadlines.group_due
    dues: dict[str, Deadline] = {}
    for section in sections:
        start, end = section.title_span or (0, 0)
        if end > start and group_due.search(text, start, end):
            due = next((d for d in deadlines if start <= d.span[0] < end and d.kind in ("by", "ongoing")), None)
            if due is not None:
                dues[section.id] = due
    if not dues:
        return tasks
    out = []
    for task in tasks:
        due = next((d for sid, d in dues.items() if task.section == sid or (task.section or "").startswith(sid + ".")), None)
        if due is None or any((d.kind, d.date) == (due.kind, due.date) for d in task.deadlines) \
                or any(rules.deadlines.time_label.search(text, max(0, d.span[0] - _LABEL_BEFORE), d.span[0])
                       for d in task.deadlines):
            out.append(task)
        else:
            out.append(_WITH_FOUND(task, (*task.deadlines, due), task.targets))
    return tuple(out)


_LABEL_BEFORE = 8  # characters before a task's own date where its time field's label stands


def _annex_of(annexes: list[int], position: int) -> int:
    """The index of the annex ``position`` is in (the annexes' starts in order, the text's end last), -1 before all."""
    return bisect.bisect_right(annexes, position) - 1
