"""What every check sees, and what it returns."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from policyx.extract.clauses import PHRASE_FORMS
from policyx.extract.tasks import states_attributions
from policyx.model import Document, Severity, Task
from policyx.rules import RuleSet


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    line: int | None
    task: str | None = None
    span: tuple[int, int] | None = None


def plan_tasks(doc: Document) -> tuple[Task, ...]:
    """The plan's own tasks: those of its text, and the rows of its tables that
    restate none of them (a plan whose tasks are a table)."""
    return tuple(t for t in doc.tasks if t.source == "body" or t.restates is None)


@dataclass(frozen=True)
class CheckContext:
    full: Document  # the document as extracted
    doc: Document  # …with only the plan's own tasks
    rules: RuleSet
    parent: Document | None = None
    facts: object = None  # plan_info.PlanFacts of the plan and of its parent, when the caller read them
    parent_facts: object = None

    @property
    def plan_year(self) -> int | None:
        return int(self.doc.info.date[:4]) if self.doc.info.date else None

    @functools.cached_property
    def uses_clauses(self) -> bool:
        """Does the plan's text attribute its tasks (not only its task table), as the reading of its tasks decides?"""
        body = [t for t in self.doc.tasks if t.source == "body"]
        if any(c.form not in PHRASE_FORMS for t in body for c in t.subclauses):
            return True
        return states_attributions(t.clause.form if t.clause and t.clause.form != "table" else None for t in body)

    @functools.cached_property
    def against_parent(self):
        """The diff of the parent plan against this one (with --against)."""
        from policyx.analyse.diff import diff_plans

        if self.parent is None:
            return None
        return diff_plans(self.parent, self.doc, self.rules, facts_a=self.parent_facts, facts_b=self.facts)  # type: ignore[arg-type]

    def warnings(self, code: str):
        return (w for w in self.doc.warnings if w.code == code)

    def task_of(self, line: int | None, span: tuple[int, int] | None) -> str | None:
        """The id of the plan's task a warning is about: the one whose text holds
        its span, else the one task starting on its line; None for none or several."""
        starts, tasks, by_line = self._task_index
        if span is not None:
            i = bisect.bisect_right(starts, span[0]) - 1
            if i >= 0 and span[0] < tasks[i].span[1]:
                return tasks[i].id
        found = by_line.get(line) if line is not None else None
        return found[0].id if found and len(found) == 1 else None

    @functools.cached_property
    def _task_index(self):
        tasks = sorted((t for t in self.doc.tasks if t.source == "body"), key=lambda t: t.span[0])
        by_line: dict[int, list[Task]] = {}
        for t in tasks:
            by_line.setdefault(t.line, []).append(t)
        return [t.span[0] for t in tasks], tasks, by_line
