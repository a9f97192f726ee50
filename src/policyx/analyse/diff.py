"""How plan B departs from plan A: a prefecture plan from its province's, one
province's plan from another's, a plan from its predecessor.

1. Whose plans they are (``plan_info``): level, region, title and date, from
   options, the corpus manifest or the text — each with where it was read.
2. Tasks are aligned (``alignment``): one-to-one pairs, and "also covers"
   links where one plan writes as one task what the other splits; tasks only
   in A or only in B are listed, procedural ones (考核, 组织领导) marked.
3. For each pair, departments are compared by function (自治区环保厅 ↔ 州环保局
   is no change) and deadlines by date (``task_changes``).
4. Targets are compared plan-wide, by indicator (``target_pairs``): a target
   is compared only with one of the same indicator, wherever each plan states
   it, and every compared pair is kept with its direction — stricter, looser,
   same or incomparable (and why). Pairs inside two aligned tasks are that
   pair's changes; the others are the plans' (``PlanDiff.targets``).

Everything here returns data; rendering lives in the CLI.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable

from policyx.analyse.alignment import SETTINGS, Settings, align_units, plan_units, procedural
from policyx.analyse.plan_info import PlanFacts, plan_facts, same_area
from policyx.analyse.target_pairs import (
    IndicatorComparison, IndicatorPair, Statement, Vocabulary, pair_indicators, statements,
)
from policyx.analyse.task_changes import Change, compare_deadlines, compare_departments
from policyx.model import Document, DocumentInfo, Task

if TYPE_CHECKING:
    from policyx.rules import RuleSet

__all__ = ["AlsoLink", "Change", "PlanDiff", "TaskPair", "compare_tasks", "diff_plans", "failures"]


@dataclass(frozen=True, slots=True)
class TaskPair:
    a: Task
    b: Task
    similarity: float
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class AlsoLink:
    """A task of one plan that another task of the other plan also covers."""

    a: Task
    b: Task
    held: float  # the share of the part's weighted words the whole holds
    part: str  # "a": A's task is part of B's; "b": B's task is part of A's


@dataclass(frozen=True, slots=True)
class PlanDiff:
    a: DocumentInfo
    b: DocumentInfo
    matched: tuple[TaskPair, ...]
    only_a: tuple[Task, ...]
    only_b: tuple[Task, ...]
    targets: tuple[Change, ...] = ()  # target changes outside the aligned pairs (the plans' own targets …)
    summary: dict = field(default_factory=dict)
    also: tuple[AlsoLink, ...] = ()
    indicators: IndicatorComparison = IndicatorComparison((), (), ())
    facts_a: PlanFacts = PlanFacts()
    facts_b: PlanFacts = PlanFacts()
    procedural: frozenset[str] = frozenset()  # ids ("a:4.1.1", "b:9.1") of procedural tasks

    def changes(self) -> Iterable[Change]:
        for pair in self.matched:
            yield from pair.changes
        yield from self.targets

    def is_procedural(self, side: str, task: Task) -> bool:
        return f"{side}:{task.id}" in self.procedural


def compare_tasks(a: Task, b: Task) -> list[Change]:
    """Departments and deadlines of two aligned tasks (targets: ``target_pairs``)."""
    return [
        *compare_departments("lead", a.lead, b.lead),
        *compare_departments("participants", a.participants, b.participants),
        *compare_departments("implementers", a.implementers, b.implementers),
        *compare_deadlines(a, b),
    ]


def _located(c: Change, a: Task, b: Task) -> Change:
    """A change inside an aligned pair with a line on both sides: where the
    value stands, else where its task's clause (or the task) is."""
    return replace(c, line_a=c.line_a or (a.clause.line if a.clause else a.line),
                   line_b=c.line_b or (b.clause.line if b.clause else b.line), task_a=a.id, task_b=b.id)


def _vocabulary(rules: RuleSet) -> Vocabulary:
    from policyx.rules.indicators import indicator_rules

    targets = rules.targets
    return Vocabulary(indicator_rules(rules), getattr(targets, "lower_is_stricter", None),
                      frozenset(getattr(targets, "unscaled_units", ())), frozenset(getattr(targets, "ratio_units", ("%",))))


def _statements(doc: Document, units: tuple[Task, ...], vocabulary: Vocabulary, facts: PlanFacts) -> list[Statement]:
    own = [(t, None) for t in doc.targets]
    in_tasks = [(x, t) for t in units for x in t.targets]
    return statements([*own, *in_tasks], vocabulary, facts.region_names)


def _label(s: Statement) -> str:
    """The target as people read it: its metric and words; words that are
    a bare number ("分别达到80%、90%左右" gives "90%") say their comparison
    ("约90%"), which the plan wrote apart."""
    target = s.target
    metric = f"{target.metric} " if target.metric else ""
    raw = target.raw
    if raw[:1].isdigit():
        raw = _COMPARISON_WORDS.get(target.comparator, "") + raw
    return f"{metric}{raw}"


# how a comparison reads before a bare number
_COMPARISON_WORDS = {">=": "不低于", "<=": "不高于", ">": "高于", "<": "低于", "~": "约", "decrease": "下降",
                     "increase": "增加"}


def _labels(group: Iterable[Statement]) -> str:
    return "; ".join(dict.fromkeys(_label(s) for s in group))


def _target_changes(comparison: IndicatorComparison, matched: dict[tuple[str, str], int],
                    paired_a: set[str], paired_b: set[str]) -> tuple[dict[int, list[Change]], list[Change]]:
    """Changes of the compared indicators: inside an aligned pair when both
    statements are in its two tasks, else the plans'. Indicators one plan sets
    and the other does not are dropped / added — in their pair when their
    task is aligned, the plans' when the plan states them as its own; an
    indicator of a task only one plan has is that task's news, not repeated."""
    in_pairs: dict[int, list[Change]] = {}
    plan: list[Change] = []

    def place(change: Change, a: Statement | None, b: Statement | None) -> None:
        key = (a.task.id if a and a.task else None, b.task.id if b and b.task else None)
        if key in matched:
            in_pairs.setdefault(matched[key], []).append(change)
        else:
            plan.append(change)

    for p in comparison.pairs:
        if p.direction == "same":
            continue
        direction = p.direction if p.direction in ("stricter", "looser") else None
        place(Change("targets", _labels(p.a), _labels(p.b), direction, "changed", p.a[0].line, p.b[0].line, p.note,
                     _task_id(p.a[0]), _task_id(p.b[0])), p.a[0], p.b[0])
    for group in comparison.only_a:
        first = group[0]
        if first.task is None or first.task.id in paired_a:
            change = Change("targets", _labels(group), None, None, "dropped", first.line, None, task_a=_task_id(first))
            if first.task is None:
                plan.append(change)
            else:
                in_pairs.setdefault(_pair_of(matched, a=first.task.id), []).append(change)
    for group in comparison.only_b:
        first = group[0]
        if first.task is None or first.task.id in paired_b:
            change = Change("targets", None, _labels(group), None, "added", None, first.line, task_b=_task_id(first))
            if first.task is None:
                plan.append(change)
            else:
                in_pairs.setdefault(_pair_of(matched, b=first.task.id), []).append(change)
    return in_pairs, plan


def _areas(a: PlanFacts, b: PlanFacts) -> str:
    def one(f: PlanFacts) -> str:
        return " ".join(x for x in (f.level, f.area.canonical if f.area else f.region) if x) or "unknown"

    return f"A: {one(a)}; B: {one(b)}"


def _task_id(s: Statement) -> str | None:
    return s.task.id if s.task is not None else None


def _pair_of(matched: dict[tuple[str, str], int], *, a: str | None = None, b: str | None = None) -> int:
    return next(k for (x, y), k in matched.items() if (a is None or x == a) and (b is None or y == b))


def diff_plans(a: Document, b: Document, rules: RuleSet | None = None, *, facts_a: PlanFacts | None = None,
               facts_b: PlanFacts | None = None, settings: Settings = SETTINGS) -> PlanDiff:
    """Align B's tasks to A's and list what changed (with the words of
    ``rules``, the packaged rules' unless given; ``facts_a`` / ``facts_b``
    say whose plans they are, else they are read: ``plan_info.plan_facts``).

    >>> from policyx import extract_text
    >>> p = extract_text("一、总则\\n（一）工业。取缔小企业。2016年底前完成。（省环保厅牵头）\\n")
    >>> diff_plans(p, p).summary["changed_tasks"]
    0
    """
    from policyx.rules import load_rules
    from policyx.rules.alignment import alignment_rules

    rules = rules if rules is not None else load_rules()
    facts_a = facts_a or plan_facts(a, rules)
    facts_b = facts_b or plan_facts(b, rules)
    units_a, units_b = plan_units(a), plan_units(b)
    words = alignment_rules(rules)
    proc_a = procedural(a, units_a, words.procedural_section, words.procedural_title)
    proc_b = procedural(b, units_b, words.procedural_section, words.procedural_title)
    aligned = align_units(a, b, units_a, units_b, proc_a, proc_b, settings)
    vocabulary = _vocabulary(rules)
    comparison = pair_indicators(_statements(a, units_a, vocabulary, facts_a), _statements(b, units_b, vocabulary, facts_b),
                                 vocabulary, same_area=same_area(facts_a, facts_b) or a.info.sha256 == b.info.sha256,
                                 areas=_areas(facts_a, facts_b))
    result = _assemble(a, b, units_a, units_b, aligned, comparison)
    result = replace(result, facts_a=facts_a, facts_b=facts_b,
                     procedural=frozenset([*(f"a:{t.id}" for t, p in zip(units_a, proc_a) if p),
                                           *(f"b:{t.id}" for t, p in zip(units_b, proc_b) if p)]))
    result.summary.update(_summary(result))
    return result


def _assemble(a: Document, b: Document, units_a: tuple[Task, ...], units_b: tuple[Task, ...], aligned,
              comparison: IndicatorComparison) -> PlanDiff:
    """The aligned pairs with their changes, the also links, the tasks only in
    one plan (neither paired nor covered) and the plans' target changes."""
    index = {(units_a[i].id, units_b[j].id): k for k, (i, j, _) in enumerate(aligned.pairs)}
    paired_a = {i for i, _, _ in aligned.pairs}
    paired_b = {j for _, j, _ in aligned.pairs}
    in_pairs, plan_changes = _target_changes(comparison, index, {units_a[i].id for i in paired_a},
                                             {units_b[j].id for j in paired_b})
    matched = tuple(
        TaskPair(units_a[i], units_b[j], round(score, 3),
                 tuple(_located(c, units_a[i], units_b[j]) for c in (*compare_tasks(units_a[i], units_b[j]), *in_pairs.get(k, []))))
        for k, (i, j, score) in enumerate(aligned.pairs)
    )
    also = tuple(AlsoLink(units_a[i], units_b[j], held, "b" if i in paired_a else "a") for i, j, held in aligned.also)
    covered_a = paired_a | {i for i, _, _ in aligned.also}
    covered_b = paired_b | {j for _, j, _ in aligned.also}
    return PlanDiff(a.info, b.info, matched, tuple(t for i, t in enumerate(units_a) if i not in covered_a),
                    tuple(t for j, t in enumerate(units_b) if j not in covered_b), tuple(plan_changes), also=also,
                    indicators=comparison)


def _summary(d: PlanDiff) -> dict:
    directions = Counter(c.direction for c in d.changes() if c.direction)
    statuses = Counter(c.status for c in d.changes())
    compared = Counter(p.direction for p in d.indicators.pairs)
    return {
        "tasks_a": len(d.matched) + len(d.only_a) + len({link.a.id for link in d.also if link.part == "a"}),
        "tasks_b": len(d.matched) + len(d.only_b) + len({link.b.id for link in d.also if link.part == "b"}),
        "matched": len(d.matched),
        "also": len(d.also),
        "only_a": len(d.only_a),
        "only_b": len(d.only_b),
        "procedural_only_a": sum(1 for t in d.only_a if d.is_procedural("a", t)),
        "procedural_only_b": sum(1 for t in d.only_b if d.is_procedural("b", t)),
        "changed_tasks": sum(1 for p in d.matched if p.changes),
        "lead_changes": sum(1 for c in d.changes() if c.field == "lead"),
        "stricter": directions["stricter"],
        "looser": directions["looser"],
        "earlier": directions["earlier"],
        "later": directions["later"],
        "added": statuses["added"],
        "dropped": statuses["dropped"],
        "indicators_compared": len(d.indicators.pairs),
        "indicators_same": compared["same"],
        "indicators_incomparable": compared["incomparable"],
    }


def missing_tasks(d: PlanDiff) -> list[Task]:
    """Substantive tasks of A that B neither pairs nor covers."""
    return [t for t in d.only_a if not d.is_procedural("a", t)]


def failures(d: PlanDiff, kinds: Iterable[str]) -> list[str]:
    """What ``--fail-on`` finds: looser targets, later deadlines, missing
    tasks (substantive tasks of A that B neither pairs nor covers) or dropped
    deadlines and targets."""
    found = []
    wanted = set(kinds)
    for change in d.changes():
        if change.direction in wanted:
            found.append(f"{change.field}: {change.a} → {change.b} ({change.direction})")
        elif "missing" in wanted and change.status == "dropped":
            found.append(f"{change.field}: {change.a} dropped")
    if "missing" in wanted:
        found.extend(f"task {t.id} {t.title} missing" for t in missing_tasks(d))
    return found


__all__ += ["IndicatorPair", "missing_tasks"]
