"""Compiled deadline rules (``rules/deadlines.yaml``): each pattern with its kind and date form."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.errors import RulesError
from policyx.rules.loader import expand_fragments, optional_pattern, optional_patterns
from policyx.text.anchors import Anchors, gated, line_anchors, stays_between
from policyx.text.sentences import SENTENCE_END

KINDS = ("by", "from", "every", "ongoing")
DATE_FORMS = ("year_end", "half_end", "quarter_end", "month_end", "ten_days_end", "day", "year_start", "month_start",
              "year_end_start", "year2_end", "month2_end", "each_year_end", "plan_period", "fixed", "none", "festival")


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    id: str
    kind: str
    date: str
    pattern: regex.Pattern
    priority: int = 1
    value: str | None = None
    approximate: bool = False
    plan_year: bool = False  # a date with no year is in the plan's year
    reference: bool = False  # dates the targets near it, but is no task's deadline ("十四五期间")
    heads: bool = False  # a line that only names a time: the items under it are due then ("一月份")
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[str, ...] = ()
    anchors: Anchors | None = None  # characters one of which every match holds: the lines to run it on
    stops: str = "\n"  # where a text may be cut to run it on the pieces holding its anchors (anchored.py)
    long_stops: str = ""  # …and a long piece too: the pattern's matches take none of them
    source: str = ""  # the pattern as the rule file writes it, fragments expanded (``pattern`` may be gated)


@dataclass(frozen=True, slots=True)
class DeadlineRules:
    rules: tuple[DeadlineRule, ...]
    periods: dict[str, str]
    relative_years: dict[str, int]  # 明: 1 (明年 is the plan's year + 1)
    half_end_months: dict[str, int]  # 上: 6 (上半年 ends in June)
    ten_days_end: dict[str, int]  # 中: 20 (6月中旬 ends on the 20th; 31 is the month's last day)
    festivals: dict[str, tuple[str, int, int]]  # 春节: (lunar, 1, 1)
    year_in_list: regex.Pattern  # group year
    date_like: regex.Pattern  # for `policyx check`: a year written in a task …
    not_a_deadline: regex.Pattern  # … and the words around it that make it no deadline
    default_note: regex.Pattern  # "未明确完成时限的，均须于…前完成": the due date of every task that names none
    group_due: regex.Pattern  # a heading saying when its items are due: "一、6月底前完成的任务"
    time_label: regex.Pattern  # a time field's label right before a date: "完成时限："
    references: frozenset[str] = frozenset()  # ids of the rules that only date targets
    headings: frozenset[str] = frozenset()  # ids of the rules whose time the items under it are due at
    anchor_chars: frozenset[str] = frozenset()  # every character of the rules' anchors

    def is_deadline(self, rule_id: str) -> bool:
        """False for a rule that only names a period for the targets near it."""
        return rule_id not in self.references


def _check_fields(item, seen: set[str], where: str) -> str:
    """The rule's id, once its fields are checked: an id not seen before, a
    pattern, a known kind and date form."""
    rid = item.get("id") if isinstance(item, dict) else None
    if not rid or "pattern" not in item:
        raise RulesError(f"{where}: each rule needs 'id' and 'pattern' ({item!r:.60})")
    if rid in seen:
        raise RulesError(f"{where}: duplicate rule id {rid!r}")
    if item.get("kind") not in KINDS:
        raise RulesError(f"{where}: rule {rid!r} field 'kind' must be one of {', '.join(KINDS)}")
    if item.get("date") not in DATE_FORMS:
        raise RulesError(f"{where}: rule {rid!r} field 'date' must be one of {', '.join(DATE_FORMS)}")
    return rid


# where a long sentence may be cut too for a rule that takes none of these, most first
_LONG_CUTS = (",:", ",")


def _compile_rule(rid: str, item: dict, fragments: dict, where: str) -> DeadlineRule:
    source = expand_fragments(item["pattern"], fragments, where=f"{where}: rule {rid!r} field 'pattern'")
    try:
        pattern = regex.compile(gated(source))
    except regex.error as exc:
        raise RulesError(f"{where}: rule {rid!r} field 'pattern': {exc}") from None
    return DeadlineRule(
        id=rid, kind=item["kind"], date=item["date"], pattern=pattern, priority=int(item.get("priority", 1)),
        value=item.get("value"), approximate=bool(item.get("approximate", False)),
        plan_year=bool(item.get("plan_year", False)), reference=bool(item.get("reference", False)),
        heads=bool(item.get("heads", False)), examples=tuple(item.get("examples") or ()), counterexamples=tuple(item.get("counterexamples") or ()),
        anchors=line_anchors(source), source=source,
        stops="\n" + SENTENCE_END if stays_between(source, SENTENCE_END) else "\n",
        long_stops=next((cuts for cuts in _LONG_CUTS if stays_between(source, SENTENCE_END + cuts)), ""),
    )


def compile_deadline_rules(data: dict, *, where: str = "deadlines.yaml") -> DeadlineRules:
    fragments = data.get("fragments") or {}
    compiled = []
    seen: set[str] = set()
    for item in data.get("rules") or ():
        rid = _check_fields(item, seen, where)
        seen.add(rid)
        compiled.append(_compile_rule(rid, item, fragments, where))
    periods = {str(k): str(v) for k, v in (data.get("periods") or {}).items()}
    try:
        return DeadlineRules(
            rules=tuple(compiled), periods=periods, references=frozenset(r.id for r in compiled if r.reference),
            headings=frozenset(r.id for r in compiled if r.heads),
            anchor_chars=frozenset(ch for r in compiled for chars in r.anchors or () for ch in chars),
            relative_years={str(k): int(v) for k, v in (data.get("relative_years") or {}).items()},
            half_end_months={str(k): int(v) for k, v in (data.get("half_end_months") or {}).items()},
            ten_days_end={str(k): int(v) for k, v in (data.get("ten_days_end") or {}).items()},
            festivals={str(k): (str(v[0]), int(v[1]), int(v[2])) for k, v in (data.get("festivals") or {}).items()},
            year_in_list=_year_in_list(data.get("year_in_list")),
            **optional_patterns(data, "date_like", "not_a_deadline", "default_note", "group_due", "time_label"),
        )
    except (regex.error, TypeError, ValueError) as exc:
        raise RulesError(f"{where}: {exc}") from None


def _year_in_list(source: str | None) -> regex.Pattern:
    pattern = optional_pattern(source)
    if source and "year" not in pattern.groupindex:
        raise ValueError("field 'year_in_list': the pattern needs a group named 'year'")
    return pattern
