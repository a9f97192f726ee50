"""Compiled task rules (``rules/tasks.yaml``): what makes a title, which sections hold no tasks."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import optional_pattern


@dataclass(frozen=True, slots=True)
class TaskRules:
    title_max: int
    title_max_with_comma: int
    sentence_not_title: int
    heading_title_min: int
    title_forbidden: regex.Pattern
    title_bad_start: regex.Pattern
    list_items: tuple[regex.Pattern, ...]
    non_task_sections: regex.Pattern
    task_verbs: regex.Pattern


def compile_task_rules(data: dict) -> TaskRules:
    title = data.get("title") or {}
    return TaskRules(
        title_max=int(title.get("max_chars", 32)),
        title_max_with_comma=int(title.get("max_chars_with_comma", 0)),
        sentence_not_title=int(title.get("heading_wins_over_lead_in_longer_than", 8)),
        heading_title_min=int(title.get("heading_wins_when_at_least", 4)),
        title_forbidden=optional_pattern(title.get("not_inside")),
        title_bad_start=optional_pattern(title.get("not_starting")),
        list_items=tuple(regex.compile(item["pattern"]) for item in data.get("list_items") or ()),
        non_task_sections=optional_pattern(data.get("non_task_sections")),
        task_verbs=optional_pattern(data.get("task_verbs")),
    )
