"""How plan B departs from plan A (a prefecture plan from its province's).

Tasks are aligned one to one by an optimal assignment (``matching.match``) on
a similarity that mixes the titles (cosine of characters and character
bigrams, weight 0.3), the texts
(cosine of Chinese character bigrams, 0.5), the titles of the sections they
sit in (0.1) and their relative positions in the plans (0.1: a rewrite keeps
the order), computed as matrices; pairs under ``THRESHOLD`` stay unaligned and are reported as only
in A or only in B.  Bigrams rather than jieba words: the measure needs no
dictionary (jieba's takes most of a second to load) and renamed tasks share
their characters anyway.  For each aligned pair the departments are
compared by function, so 自治区环保厅 ↔ 州环保局 is no change while 环保 → 经信委
is; deadlines and targets are paired by the sentences they stand in and
compared by date (earlier / later) and by value (stricter / looser).

Everything here returns data; rendering lives in the CLI.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Sequence

from policyx.analyse.matching import assign, cosine_matrix, match, text_similarity
from policyx.text.similarity import bigrams, char_grams, cosine
from policyx.model import Deadline, DepartmentRef, Document, DocumentInfo, Target, Task
from policyx.text.normalize import comparable

if TYPE_CHECKING:
    from policyx.rules import RuleSet
    from policyx.rules.targets import TargetRules

THRESHOLD = 0.35
WEIGHTS = (0.3, 0.5, 0.1, 0.1)  # title, text, section title, relative position
PAIR_THRESHOLD = 0.3  # deadlines and targets: their sentences must be this alike
_CLAUSE_END = "。；;!?！？\n,，"
_FLOOR = {">=", ">", "=", "~", "increase"}
_CAP = {"<=", "<"}
_INVERSE = {"stricter": "looser", "looser": "stricter", "earlier": "later", "later": "earlier",
            "added": "dropped", "dropped": "added", "changed": "changed", None: None}


@dataclass(frozen=True, slots=True)
class Change:
    field: str  # lead | participants | implementers | deadlines | targets
    a: str | None
    b: str | None
    direction: str | None  # stricter | looser | earlier | later | None
    status: str = "changed"  # changed | added (only in B) | dropped (only in A)
    line_a: int | None = None
    line_b: int | None = None
    note: str | None = None

    def swapped(self) -> "Change":
        return Change(self.field, self.b, self.a, _INVERSE[self.direction], _INVERSE[self.status], self.line_b,
                      self.line_a, self.note)


@dataclass(frozen=True, slots=True)
class TaskPair:
    a: Task
    b: Task
    similarity: float
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class PlanDiff:
    a: DocumentInfo
    b: DocumentInfo
    matched: tuple[TaskPair, ...]
    only_a: tuple[Task, ...]
    only_b: tuple[Task, ...]
    targets: tuple[Change, ...] = ()  # the plans' own (document-level) targets
    summary: dict = field(default_factory=dict)

    def changes(self) -> Iterable[Change]:
        for pair in self.matched:
            yield from pair.changes
        yield from self.targets


# -- similarity -------------------------------------------------------------------


def _task_text(task: Task) -> str:
    """The task's words without its clause (departments are compared apart)."""
    text = task.text
    if task.clause:
        start = task.clause.span[0] - task.span[0]
        text = text[:start] + text[task.clause.span[1] - task.span[0]:]
    return comparable(text)


def _section_titles(doc: Document) -> dict[str | None, str]:
    return {s.id: comparable(s.title) for s in doc.sections}


def similarity_matrix(a: Document, b: Document):
    """Task × task similarity: weighted titles, texts, section titles and
    relative positions (see WEIGHTS)."""
    import numpy as np

    a_sections, b_sections = _section_titles(a), _section_titles(b)
    title = cosine_matrix([char_grams(comparable(t.title)) for t in a.tasks], [char_grams(comparable(t.title)) for t in b.tasks])
    text = cosine_matrix([bigrams(_task_text(t)) for t in a.tasks], [bigrams(_task_text(t)) for t in b.tasks])
    section = cosine_matrix([char_grams(a_sections.get(t.section, "")) for t in a.tasks],
                            [char_grams(b_sections.get(t.section, "")) for t in b.tasks])
    pa = np.arange(len(a.tasks)) / max(1, len(a.tasks) - 1)
    pb = np.arange(len(b.tasks)) / max(1, len(b.tasks) - 1)
    position = 1.0 - np.abs(pa[:, None] - pb[None, :])
    wt, wx, ws, wp = WEIGHTS
    return wt * title + wx * text + ws * section + wp * position


def align(a: Document, b: Document, *, threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """Pairs (index in A, index in B, similarity), optimal one to one."""
    if not a.tasks or not b.tasks:
        return []
    return assign(similarity_matrix(a, b), threshold=threshold)


# -- comparing fields ------------------------------------------------------------------


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


def _vocabulary(rules: TargetRules | None) -> TargetRules:
    """The words of targets.yaml that decide a comparison: the packaged rules' unless given."""
    if rules is not None:
        return rules
    from policyx.rules import load_rules

    return load_rules().targets


def _lower_is_stricter(t: Target, rules: TargetRules) -> bool:
    """A cap, or an "=" worded as one (targets.yaml: lower_is_stricter, "降至", "控制在")."""
    if t.comparator in _CAP:
        return True
    return t.comparator == "=" and bool(rules.lower_is_stricter.search(t.raw))


# numeral multipliers that open a unit, read as numbers are (the units are in targets.yaml)
_MAGNITUDE = {"万": 10**4, "亿": 10**8, "千": 10**3, "百": 100}


def base_quantity(value, unit: str | None, rules: TargetRules | None = None):
    """6.6 万亩 → (66000, 亩); 550 亿立方米 → (5.5e10, 立方米); % stays %, and so
    does a unit the rules keep as written (unscaled_units: 万元)."""
    unit = unit or ""
    if len(unit) > 1 and unit[0] in _MAGNITUDE and unit not in _vocabulary(rules).unscaled_units:
        return value * _MAGNITUDE[unit[0]], unit[1:]
    return value, unit


def target_direction(x: Target, y: Target, *, same_scale: bool = True, rules: TargetRules | None = None) -> str | None:
    """stricter / looser / None (not comparable: other unit, cap ↔ floor, or
    an absolute amount in plans of different levels — a prefecture's 130万亩
    is its share, not a looser 800万亩; a ratio (targets.yaml: ratio_units) or
    a number with no unit compares at every level)."""
    rules = _vocabulary(rules)
    x_value, x_unit = base_quantity(x.value, x.unit, rules)
    y_value, y_unit = base_quantity(y.value, y.unit, rules)
    if x_unit != y_unit:
        return None
    if not same_scale and x_unit and x_unit not in rules.ratio_units:
        return None
    if x.comparator == "decrease" or y.comparator == "decrease":
        if x.comparator != y.comparator:
            return None
        higher_is_stricter = True
    else:
        x_cap, y_cap = _lower_is_stricter(x, rules), _lower_is_stricter(y, rules)
        if x_cap != y_cap:
            return None
        higher_is_stricter = not x_cap
    if x_value != y_value:
        return "stricter" if (y_value > x_value) == higher_is_stricter else "looser"
    if x.comparator != y.comparator:
        if y.comparator == "~":
            return "looser"
        if x.comparator == "~":
            return "stricter"
    return None


def _target_label(t: Target) -> str:
    metric = f"{t.metric} " if t.metric else ""
    return f"{metric}{t.raw}"


def _target_extra(x: Target, y: Target, context: float, rules: TargetRules) -> float:
    """Targets pair by metric (0.45), context (0.25), unit (0.15) and due year (0.15)."""
    metric = text_similarity(x.metric or "", y.metric or "")
    same_unit = 1.0 if base_quantity(1, x.unit, rules)[1] == base_quantity(1, y.unit, rules)[1] else 0.0
    same_year = 1.0 if x.year == y.year else 0.0
    return 0.45 * metric + 0.25 * context + 0.15 * same_unit + 0.15 * same_year


def _target_changes(pairs, dropped, added, same_scale: bool, rules: TargetRules) -> list[Change]:
    changes = []
    for x, y in pairs:
        if (x.comparator, x.value, x.unit) == (y.comparator, y.value, y.unit):
            continue
        direction = target_direction(x, y, same_scale=same_scale, rules=rules)
        note = None
        if direction is None and target_direction(x, y, rules=rules) is not None:
            note = "an absolute amount in plans of different levels: not compared"
        changes.append(Change("targets", _target_label(x), _target_label(y), direction, "changed", x.line, y.line, note))
    changes.extend(Change("targets", _target_label(x), None, None, "dropped", x.line, None) for x in dropped)
    changes.extend(Change("targets", None, _target_label(y), None, "added", None, y.line) for y in added)
    return changes


def compare_targets(a_task: Task, b_task: Task, *, same_scale: bool = True, rules: TargetRules | None = None) -> list[Change]:
    rules = _vocabulary(rules)

    def extra(x: Target, y: Target, context: float) -> float:
        return _target_extra(x, y, context, rules)

    return _target_changes(*_pair_items(list(a_task.targets), list(b_task.targets), a_task, b_task, extra,
                                        key=lambda t: (t.comparator, t.value, t.unit)), same_scale, rules)


def same_scale(a: DocumentInfo, b: DocumentInfo) -> bool:
    """Absolute amounts compare only between plans of one level (or unknown)."""
    return a.level is None or b.level is None or a.level == b.level


def compare_document_targets(a: Document, b: Document, *, rules: TargetRules | None = None) -> list[Change]:
    """The plans' own targets, paired by metric and unit."""
    rules = _vocabulary(rules)

    def score(x: Target, y: Target) -> float:
        return _target_extra(x, y, 0.0, rules) / 0.75  # no context to compare: rescale the rest to [0, 1]

    pairs = match(list(a.targets), list(b.targets), score, threshold=0.5)
    used_a = {i for i, _, _ in pairs}
    used_b = {j for _, j, _ in pairs}
    return _target_changes(
        [(a.targets[i], b.targets[j]) for i, j, _ in pairs],
        [x for i, x in enumerate(a.targets) if i not in used_a],
        [y for j, y in enumerate(b.targets) if j not in used_b],
        same_scale(a.info, b.info),
        rules,
    )


def compare_tasks(a: Task, b: Task, *, same_scale: bool = True, rules: TargetRules | None = None) -> list[Change]:
    return [
        *compare_departments("lead", a.lead, b.lead),
        *compare_departments("participants", a.participants, b.participants),
        *compare_departments("implementers", a.implementers, b.implementers),
        *compare_deadlines(a, b),
        *compare_targets(a, b, same_scale=same_scale, rules=rules),
    ]


def diff_plans(a: Document, b: Document, rules: RuleSet | None = None) -> PlanDiff:
    """Align B's tasks to A's and list what changed (targets compared with the
    words of ``rules``' targets.yaml, the packaged rules' unless given).

    >>> from policyx import extract_text
    >>> p = extract_text("一、总则\\n（一）工业。取缔小企业。2016年底前完成。（省环保厅牵头）\\n")
    >>> diff_plans(p, p).summary["changed_tasks"]
    0
    """
    # the plans' texts are compared; their task tables restate the same tasks
    a, b = replace(a, tasks=a.body_tasks()), replace(b, tasks=b.body_tasks())
    pairs = align(a, b)
    scale = same_scale(a.info, b.info)
    vocabulary = _vocabulary(rules.targets if rules is not None else None)
    matched = tuple(
        TaskPair(a.tasks[i], b.tasks[j], round(score, 3),
                 tuple(compare_tasks(a.tasks[i], b.tasks[j], same_scale=scale, rules=vocabulary)))
        for i, j, score in sorted(pairs)
    )
    used_a = {i for i, _, _ in pairs}
    used_b = {j for _, j, _ in pairs}
    only_a = tuple(t for i, t in enumerate(a.tasks) if i not in used_a)
    only_b = tuple(t for j, t in enumerate(b.tasks) if j not in used_b)
    targets = tuple(compare_document_targets(a, b, rules=vocabulary))
    result = PlanDiff(a.info, b.info, matched, only_a, only_b, targets)
    result.summary.update(_summary(result))
    return result


def _summary(d: PlanDiff) -> dict:
    directions = Counter(c.direction for c in d.changes() if c.direction)
    statuses = Counter(c.status for c in d.changes())
    return {
        "tasks_a": len(d.matched) + len(d.only_a),
        "tasks_b": len(d.matched) + len(d.only_b),
        "matched": len(d.matched),
        "only_a": len(d.only_a),
        "only_b": len(d.only_b),
        "changed_tasks": sum(1 for p in d.matched if p.changes),
        "lead_changes": sum(1 for c in d.changes() if c.field == "lead"),
        "stricter": directions["stricter"],
        "looser": directions["looser"],
        "earlier": directions["earlier"],
        "later": directions["later"],
        "added": statuses["added"],
        "dropped": statuses["dropped"],
    }


def failures(d: PlanDiff, kinds: Iterable[str]) -> list[str]:
    """What ``--fail-on`` finds: looser targets, later deadlines, missing
    tasks (in A, not in B) or dropped deadlines and targets."""
    found = []
    wanted = set(kinds)
    for change in d.changes():
        if change.direction in wanted:
            found.append(f"{change.field}: {change.a} → {change.b} ({change.direction})")
        elif "missing" in wanted and change.status == "dropped":
            found.append(f"{change.field}: {change.a} dropped")
    if "missing" in wanted:
        found.extend(f"task {t.id} {t.title} missing" for t in d.only_a)
    return found
