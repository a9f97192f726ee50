"""Compiled task rules (``rules/tasks.yaml``): what makes a title, which sections hold no tasks."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import optional_pattern, optional_patterns


@dataclass(frozen=True, slots=True)
class TaskRules:
    title_max: int
    title_max_with_comma: int
    after_heading_max: int
    after_heading_forbidden: regex.Pattern
    title_forbidden: regex.Pattern
    title_bad_start: regex.Pattern
    non_task_sections: regex.Pattern
    unattributed_sections: regex.Pattern
    task_verbs: regex.Pattern
    office_item_verbs: regex.Pattern  # an item under a department's heading that is its own work
    office_items_not_its_own: regex.Pattern  # a heading between whose items are not
    attachment_list: regex.Pattern
    listed_item: regex.Pattern
    date_line: regex.Pattern
    signed_form: regex.Pattern  # "填报人：…审核人：…": who filled a form in, no task
    document_title: regex.Pattern
    document_name: regex.Pattern
    title_label: regex.Pattern
    schedule_label: regex.Pattern  # a line that opens with its month: "4月：完成…"
    block_attribution: regex.Pattern  # "以上第1—4项任务由…牵头": an attribution for each item above
    same_as_above: regex.Pattern  # "责任单位同上": the item before it's attribution
    explanation_title: regex.Pattern  # "关于《…》的起草说明": what follows explains the plan before it
    part_attribution: regex.Pattern  # "本部分任务由…牵头": a part's opening sentence attributes its items
    enumeration_opener: regex.Pattern  # "二是…", "三要…": an enumerated item's first word
    item_number: regex.Pattern  # "1.", "（2）" opening an item no heading was read from
    task_name_label: regex.Pattern  # "任务名称：…" opening a block of field lines
    own_duty_after: regex.Pattern  # "。负责…" after a clause: the duty of the unit it named
    schedule_heading: regex.Pattern  # a line that is only a month or a quarter: "一月份", "第二季度（4—6月）"
    division_entry: regex.Pattern  # "第二部分第（一）项：…牵头": a division of the work by item number
    division_override: regex.Pattern  # "其中第2目由…": a sub-item an entry gives to others
    bullet: regex.Pattern  # "■ …", "▪…" opening a paragraph: an item of its own (read on the file's text)


def compile_task_rules(data: dict) -> TaskRules:
    title = data.get("title") or {}
    return TaskRules(
        title_max=int(title.get("max_chars", 32)),
        title_max_with_comma=int(title.get("max_chars_with_comma", 0)),
        after_heading_max=int(title.get("after_heading_max_chars", title.get("max_chars", 32))),
        after_heading_forbidden=optional_pattern(title.get("after_heading_not_inside")),
        title_forbidden=optional_pattern(title.get("not_inside")),
        title_bad_start=optional_pattern(title.get("not_starting")),
        **optional_patterns(data, "non_task_sections", "unattributed_sections", "task_verbs", "office_item_verbs", "office_items_not_its_own", "attachment_list", "listed_item", "date_line", "signed_form",
                              "document_title", "document_name", "title_label", "schedule_label", "schedule_heading", "block_attribution", "same_as_above", "explanation_title", "part_attribution",
                              "enumeration_opener", "item_number", "task_name_label", "own_duty_after", "division_entry", "division_override", "bullet"),
    )
