"""What changed inside two aligned tasks: departments (by function), and
deadlines (paired by the clause they stand in; earlier / later).

Targets are compared plan-wide, by indicator (``target_pairs``), not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from policyx.analyse.matching import match
from policyx.model import Deadline, DepartmentRef, Task
from policyx.text.normalize import comparable
from policyx.text.similarity import bigrams, cosine

PAIR_THRESHOLD = 0.3  # deadlines: their sentences must be this alike
_CLAUSE_END = "。；;!?！？\n,，"
_INVERSE = {"stricter": "looser", "looser": "stricter", "earlier": "later", "later": "earlier",
            "added": "dropped", "dropped": "added", "changed": "changed", None: None}


@dataclass(frozen=True, slots=True)
class Change:
    field: Literal["lead", "participants", "implementers", "deadlines", "targets"]
    a: str | None
    b: str | None
    direction: Literal["stricter", "looser", "earlier", "later"] | None
    status: Literal["changed", "added", "dropped"] = "changed"  # added: only in B; dropped: only in A
    line_a: int | None = None
    line_b: int | None = None
    note: str | None = None
    task_a: str | None = None  # the tasks the values stand in (None: the plan's own)
    task_b: str | None = None

    def swapped(self) -> "Change":
        return Change(self.field, self.b, self.a, _INVERSE[self.direction], _INVERSE[self.status], self.line_b,
                      self.line_a, self.note, self.task_b, self.task_a)


def _function_key(ref: DepartmentRef) -> str:
    return ref.function if ref.known and ref.function else ref.name


def compare_departments(name: str, a: Sequence[DepartmentRef], b: Sequence[DepartmentRef]) -> list[Change]:
    """By function: a level change (环保厅 → 环保局) is no change."""
    a_keys = {_function_key(r) for r in a if not r.inherited}
    b_keys = {_function_key(r) for r in b if not r.inherited}
    if a_keys == b_keys:
        return []
    return [Change(name, "、".join(r.name for r in a if not r.inherited) or None,
                   "、".join(r.name for r in b if not r.inherited) or None, None)]


def _context(task: Task, span: tuple[int, int]) -> str:
    """What a deadline or target is about: its comma clause and the next one
    ("2016年底前，完成X": X; "…其他城市于2020年底前基本实现Y": Y), within its sentence."""
    text = task.text
    start, end = span[0] - task.span[0], span[1] - task.span[0]
    left = max(text.rfind(ch, 0, max(start, 0)) for ch in _CLAUSE_END) + 1
    stops = [i for i in (text.find(ch, end) for ch in _CLAUSE_END) if i != -1]
    right = min(stops) if stops else len(text)
    if text[right:right + 1] in ",，" and not text[end:right].strip(" ,，"):
        stops = [i for i in (text.find(ch, right + 1) for ch in _CLAUSE_END) if i != -1]
        right = min(stops) if stops else len(text)
    return text[left:right]


def _pair_items(a_items, b_items, a_task: Task, b_task: Task, extra=None, key=None) -> tuple[list, list, list]:
    """Pair deadlines or targets of two tasks: identical ones (same ``key``)
    first, the rest by the clauses they stand in."""
    if key is not None:
        identical: list[tuple] = []
        rest_b = list(b_items)
        rest_a = []
        for x in a_items:
            twin = next((y for y in rest_b if key(y) == key(x)), None)
            if twin is None:
                rest_a.append(x)
            else:
                identical.append((x, twin))
                rest_b.remove(twin)
        pairs, dropped, added = _pair_items(rest_a, rest_b, a_task, b_task, extra)
        return identical + pairs, dropped, added
    a_vecs = [bigrams(comparable(_context(a_task, x.span))) for x in a_items]
    b_vecs = [bigrams(comparable(_context(b_task, y.span))) for y in b_items]
    a_index = {id(x): i for i, x in enumerate(a_items)}
    b_index = {id(y): j for j, y in enumerate(b_items)}

    def score(x, y) -> float:
        value = cosine(a_vecs[a_index[id(x)]], b_vecs[b_index[id(y)]])
        return extra(x, y, value) if extra else value

    pairs = match(a_items, b_items, score, threshold=PAIR_THRESHOLD)
    used_a = {i for i, _, _ in pairs}
    used_b = {j for _, j, _ in pairs}
    return ([(a_items[i], b_items[j]) for i, j, _ in pairs],
            [x for i, x in enumerate(a_items) if i not in used_a],
            [y for j, y in enumerate(b_items) if j not in used_b])


def _deadline_label(d: Deadline) -> str:
    if d.kind == "every":
        return f"{d.raw} (every {d.period})"
    if d.kind == "ongoing":
        return f"{d.raw} (ongoing)"
    return f"{d.raw} ({d.kind} {d.date})"


def compare_deadlines(a_task: Task, b_task: Task) -> list[Change]:
    changes = []

    def same_date_bonus(x: Deadline, y: Deadline, context: float) -> float:
        return 0.8 * context + (0.2 if (x.kind, x.date) == (y.kind, y.date) else 0.0)

    pairs, dropped, added = _pair_items(list(a_task.deadlines), list(b_task.deadlines), a_task, b_task, same_date_bonus,
                                        key=lambda d: (d.kind, d.date, d.period))
    for x, y in pairs:
        if (x.kind, x.date, x.period) == (y.kind, y.date, y.period):
            continue
        direction = None
        if x.kind == y.kind and x.date and y.date:
            direction = "later" if y.date > x.date else "earlier"
        changes.append(Change("deadlines", _deadline_label(x), _deadline_label(y), direction, "changed", x.line, y.line))
    changes.extend(Change("deadlines", _deadline_label(x), None, None, "dropped", x.line, None) for x in dropped)
    changes.extend(Change("deadlines", None, _deadline_label(y), None, "added", None, y.line) for y in added)
    return changes
