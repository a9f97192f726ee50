"""Roles noted in brackets after units of a list: "州生态环境局（牵头）、州工信局"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from policyx.extract.clauses.units import resolve_units
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry
from policyx.text.stored_patterns import compiled
from policyx.text.twins import short

if TYPE_CHECKING:
    from policyx.extract.clauses.grammar import ParsedClause

# a word in brackets at the end of a unit: its role, if it is a role word
_ROLE_NOTE = compiled(r"[(（\[［【]\s*(?P<role>\p{Han}{2,7})\s*[)）\]］】]\s*$")
_EACH_OF_THEM = ("分别", "共同", "联合", "双", "按职责分工")
_OVERALL = "总"  # (a role noted after a list's last unit that is each unit's)


def _noted_kind(note, rules: ResponsibilityRules) -> str | None:
    """The role a note after a unit gives it: its role word's, or the lead's for a mark ("县教育局★")."""
    if "role" not in note.re.groupindex:
        return "lead"
    return rules.role_of.get(note.group("role").removeprefix(_OVERALL)) or rules.role_of.get(note.group("role") + "负责")


def read_noted_roles(
    units: list[tuple[str, int]], label_role: str, registry: DepartmentRegistry, rules: ResponsibilityRules,
    parsed: ParsedClause, *, lead_marks: bool = False,
) -> bool:
    """"责任单位：州生态环境局（牵头）、州工信局，各县（市）人民政府": a role written
    after a unit (of a list's ``units``) in brackets. The others take the
    label's role, or, when the lead is marked, take part (governments carry
    it out). False when no unit carries such a note."""
    # (a mark only where the plan's legend says it is the lead's: ``lead_marks``)
    notes = [short(_ROLE_NOTE).search(unit) or lead_marks and short(rules.lead_mark).search(unit) or None for unit, _ in units]
    # ("（按职责分工）": each by its duties, as 按职责分工负责 says)
    # ("（总牵头）": the lead over the others; "县教育局★": the lead marked)
    kinds = [_noted_kind(n, rules) if n else None for n in notes]
    if not any(kinds):
        return False
    if notes[-1] and kinds[-1] and "role" in notes[-1].re.groupindex and notes[-1].group("role").startswith(_EACH_OF_THEM):
        kinds = [kind or kinds[-1] for kind in kinds]  # ("市交通运输局、市财政局（分别主办）": both)
    lead_marked = any(kind in ("lead", "responsible") for kind in kinds)
    prefix = ""
    for (unit, start), note, kind in zip(units, notes, kinds):
        name = unit[:note.start()] if kind and note else unit
        refs, prefix = resolve_units(name, start, registry, rules, prefix)
        for ref in refs:
            if kind == "responsible":
                role = "lead"
            elif kind:
                role = kind
            elif registry.is_government(ref.name):
                role = "implementer"
            elif lead_marked and label_role in ("lead", "responsible"):
                role = "participant"
            else:
                role = "lead" if label_role == "responsible" else label_role
            parsed.add(role, [ref])
    return True
