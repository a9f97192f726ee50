"""Compiled table rules (``rules/tables.yaml``): column roles from header words."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import optional_pattern

ROLES = ("other", "index", "lead", "participants", "implementers", "indicator", "target", "baseline", "attribute", "deadline",
         "subtask", "task", "work")

@dataclass(frozen=True, slots=True)
class TableRules:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    header_words: regex.Pattern
    stated_count: regex.Pattern
    footnote: regex.Pattern
    group_row: regex.Pattern
    deadline_cell: regex.Pattern


def compile_table_rules(data: dict) -> TableRules:
    roles = tuple((role, tuple(str(w) for w in words or ())) for role, words in (data.get("roles") or {}).items())
    for role, _ in roles:
        if role not in ROLES:
            raise ValueError(f"field 'roles': unknown role {role!r} (use {', '.join(ROLES)})")
    return TableRules(
        roles=roles,
        header_words=optional_pattern(data.get("header_words")),
        stated_count=optional_pattern(data.get("stated_count")),
        footnote=optional_pattern(data.get("footnote")),
        group_row=optional_pattern(data.get("group_row")),
        deadline_cell=optional_pattern(data.get("deadline_cell")),
    )
