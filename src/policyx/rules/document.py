"""Compiled document rules (``rules/document.yaml``): what the plan's own
title, date, year and issuing level look like near its top."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.model import PLAN_LEVELS
from policyx.rules.loader import optional_pattern, optional_patterns


@dataclass(frozen=True, slots=True)
class DocumentRules:
    title_word: regex.Pattern
    title_item_marker: regex.Pattern
    title_not_heading: regex.Pattern
    cover_letter: regex.Pattern
    division_title: regex.Pattern  # 责任分工: a document whose tasks each name a department
    sending_notice: regex.Pattern  # 印发…的通知: a notice that sends the plan
    title_sent: regex.Pattern  # group title: the document a cover letter sends
    published: regex.Pattern  # groups year, month, day
    signature_date: regex.Pattern  # groups year, month, day
    signature_run_in: regex.Pattern  # groups year, month, day
    signature_joined: regex.Pattern  # groups year, month, day
    year_named: regex.Pattern  # group year
    baseline_before: regex.Pattern
    issuer_levels: tuple[tuple[str, regex.Pattern], ...]


def _with_groups(data: dict, key: str, groups: tuple[str, ...]) -> regex.Pattern:
    pattern = optional_pattern(data.get(key))
    missing = [g for g in groups if g not in pattern.groupindex]
    if data.get(key) and missing:
        raise ValueError(f"field {key!r}: the pattern needs a group named {missing[0]!r}")
    return pattern


def compile_document_rules(data: dict) -> DocumentRules:
    return DocumentRules(
        **optional_patterns(data, "title_word", "title_item_marker", "title_not_heading", "cover_letter", "division_title", "sending_notice"),
        title_sent=_with_groups(data, "title_sent", ("title",)),
        published=_with_groups(data, "published", ("year", "month", "day")),
        signature_date=_with_groups(data, "signature_date", ("year", "month", "day")),
        signature_run_in=_with_groups(data, "signature_run_in", ("year", "month", "day")),
        signature_joined=_with_groups(data, "signature_joined", ("year", "month", "day")),
        year_named=_with_groups(data, "year_named", ("year",)),
        baseline_before=optional_pattern(data.get("baseline_before")),
        issuer_levels=tuple((level, optional_pattern(data.get(f"{level}_issuer"))) for level in PLAN_LEVELS),  # tried in order
    )
