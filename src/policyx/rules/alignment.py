"""Compiled alignment rules (``rules/alignment.yaml``): which tasks are
procedural, for ``policyx diff``."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import RuleSet, compiled_once, optional_patterns


@dataclass(frozen=True, slots=True)
class AlignmentRules:
    procedural_section: regex.Pattern
    procedural_title: regex.Pattern


def compile_alignment_rules(data: dict) -> AlignmentRules:
    return AlignmentRules(
        **optional_patterns(data, "procedural_section", "procedural_title"),
    )


def alignment_rules(rules: RuleSet):
    """The alignment vocabulary of a rule set, compiled once per set of files."""
    return compiled_once(rules, "alignment", compile_alignment_rules)
