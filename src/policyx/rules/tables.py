"""Compiled table rules (``rules/tables.yaml``): column roles from header words."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import optional_pattern, optional_patterns

ROLES = ("other", "remarks", "index", "unit", "period", "lead", "participants", "implementers", "indicator", "amount", "target", "baseline", "attribute",
         "deadline", "subtask", "task", "work")


@dataclass(frozen=True, slots=True)
class TableRules:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    header_words: regex.Pattern
    stated_count: regex.Pattern
    footnote: regex.Pattern
    group_row: regex.Pattern
    deadline_cell: regex.Pattern
    deadline_cell_in_year: regex.Pattern  # a schedule's "3月2日（周一）": a day of the plan's year
    year_header: regex.Pattern  # group year
    dated_goal_header: regex.Pattern  # group year: a goal's column of a year, "2027年目标"
    period_header: regex.Pattern  # groups month, quarter: a column of a month's or a quarter's milestones
    plan_periods: tuple[tuple[str, int], ...]  # (十三五, 2020): the year a plan period ends
    lead_header: regex.Pattern
    answering_header: regex.Pattern  # an implementers' column that answers for the row where no lead column stands
    unit_header: regex.Pattern  # an indicator table's column of units
    cumulative_cell: regex.Pattern  # value: a total over the plan's years ("〔13〕")
    amount_header: regex.Pattern  # groups year, metric, unit: "2026年计划投资（万元）"
    figure_header: regex.Pattern  # a place table's column of targets, by its header's words
    place_header: regex.Pattern  # a first column of places or units, no field of work: "县（市、区）", "成员单位"
    bound_note: tuple[tuple[str, str], ...]  # (word, comparator): a note's words that make a column's figures caps or floors
    caption_start: regex.Pattern
    group_count: regex.Pattern
    continued: regex.Pattern  # "续表": a table goes on after a page break
    ditto_cell: regex.Pattern  # "同上", "〃": the cell says it is the one above it
    group_heading: regex.Pattern
    task_heading: regex.Pattern
    time_phrase: regex.Pattern
    glued_header: regex.Pattern  # groups column (captured once a column name)
    glued_row: regex.Pattern  # group num
    glued_date: regex.Pattern
    glued_after: regex.Pattern
    matrix_marks: tuple[tuple[str, str], ...]  # (mark, role): a responsibility matrix's cell, by default
    matrix_department: regex.Pattern  # a matrix's column header: a department's name
    matrix_legend: regex.Pattern  # groups mark, role: the notes' own reading of a mark ("●为牵头单位")
    note_carried_out: regex.Pattern  # group units: a note handing every row to the local governments


def compile_table_rules(data: dict) -> TableRules:
    # a header word is looked for in a header without its spaces ("牵 头 单 位"): kept without them too
    roles = tuple((role, tuple(str(w).replace(" ", "") for w in words or ()))
                  for role, words in (data.get("roles") or {}).items())
    for role, _ in roles:
        if role not in ROLES:
            raise ValueError(f"field 'roles': unknown role {role!r} (use {', '.join(ROLES)})")
    return TableRules(
        roles=roles,
        **optional_patterns(data, "header_words", "stated_count", "group_row", "deadline_cell", "deadline_cell_in_year"),
        footnote=optional_pattern("|".join(f"(?:{p})" for p in (data.get("note_opening"), data.get("footnote")) if p)),
        year_header=_year_header(data.get("year_header")),
        dated_goal_header=_year_header(data.get("dated_goal_header"), "dated_goal_header"),
        plan_periods=tuple((str(period), int(year)) for period, year in (data.get("plan_periods") or {}).items()),
        bound_note=tuple((str(w), str(c)) for c, words in (data.get("bound_note") or {}).items() for w in words or ()),
        **optional_patterns(data, "lead_header", "answering_header", "unit_header", "cumulative_cell", "amount_header", "figure_header", "place_header", "caption_start", "group_count", "group_heading",
                              "task_heading", "time_phrase", "glued_header", "glued_row", "glued_date", "glued_after", "period_header", "matrix_department", "matrix_legend", "note_carried_out", "continued", "ditto_cell"),
        matrix_marks=tuple((str(mark), str(role)) for role, marks in (data.get("matrix_marks") or {}).items()
                           for mark in marks or ()),
    )


def _year_header(source: str | None, key: str = "year_header") -> regex.Pattern:
    pattern = optional_pattern(source)
    if source and "year" not in pattern.groupindex:
        raise ValueError(f"field '{key}': the pattern needs a group named 'year'")
    return pattern
