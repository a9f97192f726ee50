"""Views over an extracted plan: tasks filtered by department, and each
department's load.  Data only; the CLI renders them."""

from __future__ import annotations

from dataclasses import dataclass, field

from policyx.rules.departments import DepartmentRegistry
from policyx.model import DepartmentRef, Document, Task


def department_matcher(query: str, registry: DepartmentRegistry, plan_level: str | None = None):
    """A predicate on DepartmentRef for a user's query ("环保厅", "自治区环保厅",
    "environment").  A known department matches every office of the same
    function at any level (环保厅 finds 环保局 too), or at the level the query
    writes (自治区环保厅, 生态环境部: :meth:`DepartmentRegistry.asked_level`; a
    department the plan names without a level is of ``plan_level``); anything
    else matches as a substring of the name as written or its canonical form."""
    ref = registry.resolve(query)
    function = ref.function if ref.known and ref.function != "government" else None
    if function is None and query in {e.function for e in registry.aliases.values()}:
        function = query
    level = registry.asked_level(query) if function is not None else None

    def matches(candidate: DepartmentRef) -> bool:
        if function is not None:
            return candidate.function == function and (level is None or (candidate.level or plan_level) == level)
        return query in candidate.raw or query in candidate.canonical or ref.name == candidate.name

    return matches


def filter_tasks(
    doc: Document,
    registry: DepartmentRegistry,
    *,
    lead: str | None = None,
    participant: str | None = None,
    section: str | None = None,
    source: str = "body",
) -> list[Task]:
    """Tasks led by / joined by a department, inside a section (and its
    subsections); ``source`` body (the plan's text), table (rows of its task
    tables) or all."""
    tasks = [t for t in doc.tasks if source == "all" or t.source == source]
    if section:
        tasks = [t for t in tasks if t.section == section or (t.section or "").startswith(section + ".")]
    if lead:
        is_lead = department_matcher(lead, registry, doc.info.level)
        tasks = [t for t in tasks if any(is_lead(r) for r in t.lead)]
    if participant:
        is_participant = department_matcher(participant, registry, doc.info.level)
        tasks = [t for t in tasks if any(is_participant(r) for r in t.participants)]
    return tasks


@dataclass(slots=True)
class DepartmentLoad:
    canonical: str
    function: str | None
    names: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)  # task ids
    participates: list[str] = field(default_factory=list)
    implements: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "canonical": self.canonical,
            "function": self.function,
            "names": self.names,
            "leads": self.leads,
            "participates": self.participates,
            "implements": self.implements,
        }


def department_load(doc: Document) -> list[DepartmentLoad]:
    """Every department named in the plan with the tasks it leads, joins and
    carries out; most leads first."""
    rows: dict[str, DepartmentLoad] = {}

    def note(ref: DepartmentRef, task: Task, role: str) -> None:
        row = rows.setdefault(ref.canonical, DepartmentLoad(ref.canonical, ref.function))
        if ref.name not in row.names:
            row.names.append(ref.name)
        bucket = getattr(row, role)
        if task.id not in bucket:
            bucket.append(task.id)

    for task in doc.body_tasks():
        for ref in task.lead:
            note(ref, task, "leads")
        for ref in task.participants:
            note(ref, task, "participates")
        for ref in task.implementers:
            note(ref, task, "implements")
    return sorted(rows.values(), key=lambda r: (-len(r.leads), -len(r.participates), r.canonical))


@dataclass(slots=True)
class TimelineEntry:
    year: int | None
    date: str | None
    kind: str
    raw: str
    line: int
    task: str
    title: str
    lead: list[str]

    def as_dict(self) -> dict:
        return {"year": self.year, "date": self.date, "kind": self.kind, "raw": self.raw, "line": self.line,
                "task": self.task, "title": self.title, "lead": self.lead}


def timeline(doc: Document) -> list[TimelineEntry]:
    """Every dated deadline of every task, earliest first; then the recurring
    and ongoing ones, and the tasks with no deadline at all (year None)."""
    dated: list[TimelineEntry] = []
    undated: list[TimelineEntry] = []
    for task in doc.body_tasks():
        lead = [r.name for r in task.lead]
        if not task.deadlines:
            undated.append(TimelineEntry(None, None, "none", "", task.line, task.id, task.title, lead))
        for d in task.deadlines:
            entry = TimelineEntry(int(d.date[:4]) if d.date else None, d.date, d.kind, d.raw, d.line, task.id, task.title, lead)
            (dated if d.date else undated).append(entry)
    dated.sort(key=lambda e: (e.date, e.kind != "from", e.line))
    undated.sort(key=lambda e: ({"every": 0, "ongoing": 1, "none": 2}.get(e.kind, 3), e.line))
    return dated + undated
