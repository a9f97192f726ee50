"""The checks of `policyx check`, one module each (as yamllint keeps its rules).

Each module has an ``ID`` (catalogued with its code, severity and description
in ``rules/checks.yaml``) and a ``check(context)`` that yields Findings.
"""

from policyx.analyse.check.checks import (
    attribution_unread,
    body_table_mismatch,
    clause_unclosed,
    deadline_later_than_parent,
    deadline_outside_plan,
    deadline_unparsed,
    department_unknown,
    duplicate_task,
    items_without_clauses,
    lead_changed,
    no_structure,
    no_tasks,
    parent_task_missing,
    section_numbering,
    target_looser_than_parent,
    target_without_year,
    task_without_clause,
    task_without_lead,
)

CHECKS = (
    task_without_lead,
    task_without_clause,
    department_unknown,
    clause_unclosed,
    no_tasks,
    attribution_unread,
    items_without_clauses,
    deadline_unparsed,
    deadline_outside_plan,
    target_without_year,
    section_numbering,
    duplicate_task,
    no_structure,
    body_table_mismatch,
    parent_task_missing,
    deadline_later_than_parent,
    target_looser_than_parent,
    lead_changed,
)
