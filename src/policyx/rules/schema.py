"""The shape of every rule file, as JSON Schema, and checking a file against it.

Each ``rules/NAME.yaml`` has a schema here: which keys it may hold (a typo
such as ``max_char`` is an unknown key, not a silently ignored one), the type
of each (``pattern: 12345`` is not a pattern) and the shape of its lists and
maps (``markers: "not a list"``). A rule file from a user's ``--rules``
directory is checked when the rules are compiled (compiled rules are cached:
an unchanged file is not checked again); the packaged files are checked by
the test suite. The checking is jsonschema's (imported only then); the first
problem becomes one line naming the file, the rule's id and the field.

A file whose name is none of these is checked only for being a mapping.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from policyx.errors import RulesError
from policyx.rules.loader import NOISE_ACTIONS

STRING = {"type": "string"}
PATTERN = {"type": "string", "minLength": 1}
WORDS = {"type": "array", "items": {"type": ["string", "number"]}}
EXAMPLES = {"type": "array", "items": {"type": ["string", "object", "array", "number"]}}
NUMBER = {"type": ["integer", "number"]}


def _obj(properties: dict, *, required: tuple[str, ...] = (), extra: Any = False) -> dict:
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": extra}


def _patterns(*names: str) -> dict:
    """Scalar patterns, each with its examples and counterexamples beside it."""
    out: dict = {}
    for name in names:
        out.update({name: PATTERN, f"{name}_examples": EXAMPLES, f"{name}_counterexamples": EXAMPLES})
    return out


def _rules(properties: dict, *, required: tuple[str, ...] = ("id", "pattern")) -> dict:
    return {"type": "array", "items": _obj({"id": STRING, "examples": EXAMPLES, "counterexamples": EXAMPLES,
                                             **properties}, required=required)}


def _map_of(value: dict) -> dict:
    return {"type": "object", "additionalProperties": value}


FRAGMENTS = _map_of(STRING)
WORD_MAP = _map_of(WORDS)

SCHEMAS: dict[str, dict] = {
    "alignment": _obj(_patterns("procedural_section", "procedural_title")),
    "checks": _obj({"checks": {"type": "array", "items": _obj(
        {"id": STRING, "code": STRING, "severity": {"enum": ["error", "warning", "info"]}, "description": STRING},
        required=("id", "severity"))}}),
    "deadlines": _obj({
        "fragments": FRAGMENTS,
        "rules": _rules({"kind": {"enum": ["by", "from", "every", "ongoing"]}, "date": STRING, "pattern": PATTERN,
                         "plan_year": {"type": "boolean"}, "reference": {"type": ["string", "boolean"]}, "priority": NUMBER,
                         "heads": {"type": "boolean"},
                         "approximate": {"type": "boolean"}, "value": STRING},
                        required=("id", "kind", "pattern")),
        "periods": _map_of(STRING), "relative_years": _map_of(NUMBER), "half_end_months": _map_of(NUMBER),
        "ten_days_end": _map_of(NUMBER),
        "festivals": _map_of({"type": "array", "prefixItems": [{"enum": ["lunar", "solar"]}, NUMBER, NUMBER],
                              "minItems": 3, "maxItems": 3}),
        **_patterns("year_in_list", "date_like", "not_a_deadline", "default_note", "group_due", "time_label"),
    }),
    "departments": _obj({
        "levels": WORD_MAP, "place_levels": WORD_MAP, "office_suffixes": WORDS, "not_office_endings": WORDS, "position_endings": WORDS,
        "not_prefix": PATTERN, "government_pattern": PATTERN,
        **_patterns("leading_word", "trailing_etc", "person_note", "party_committee", "party_office", "province_office",
                    "state_office", "place_name", "generic_shape", "contact_detail", "internal_office", "every_government", "level_named", "park_committee",
                    "zone_office", "defined_short_name", "defined_full_name_after", "defined_party", "party_word"),
        "departments": {"type": "array", "items": _obj({"id": STRING, "names": WORD_MAP, "generic": WORDS},
                                                       required=("id", "names"))},
        "shaped": _rules({"pattern": PATTERN}, required=("id", "pattern")),
    }),
    "document": _obj(_patterns("title_word", "title_item_marker", "title_not_heading", "cover_letter", "division_title", "sending_notice", "title_sent", "published", "signature_date", "signature_run_in", "signature_joined", "year_named",
                               "baseline_before", "state_issuer", "province_issuer", "prefecture_issuer", "county_issuer")),
    "indicators": _obj({
        **_patterns("aside", "count", "enumeration", "lead_words", "region_wide", "place", "place_joiner", "measure",
                    "lower_is_better", "names_a_cut"),
        "settlements": {"type": "array", "items": _obj({"id": STRING, "words": WORDS, "examples": EXAMPLES,
                                                        "same_as": STRING}, required=("id", "words"))},
        "rewrites": _rules({"pattern": PATTERN, "to": STRING}, required=("id", "pattern", "to")),
        "unit_families": {"type": "array", "items": _obj({"base": STRING, "units": _map_of(NUMBER)},
                                                         required=("base", "units"))},
    }),
    "noise": _obj({"fragments": FRAGMENTS,
                   "rules": _rules({"pattern": PATTERN, "action": {"enum": list(NOISE_ACTIONS)}})}),
    "numerals": _obj({"numerals": STRING}),
    "regions": _obj({"provinces": WORD_MAP, "prefecture_endings": WORD_MAP, "min_mentions": {"type": "integer"},
                     **_patterns("prefecture_title", "county_title")}),
    "responsibility": _obj({
        "roles": WORD_MAP, "labels": WORD_MAP, "label_only_after": WORD_MAP, "together_with": WORDS, "carrying_out_labels": WORDS,
        "brackets": {"type": "array", "items": {"type": "array", "items": STRING, "minItems": 2, "maxItems": 2}},
        **_patterns("notes", "list_opener", "label_stop", "time_field", "carry_forward", "convention_others", "separators", "conjunctions", "etc_tail",
                    "place_before_office", "unit_group", "role_note", "lead_mark", "lead_mark_legend", "carry_words", "phrase_separators",
                    "not_a_duty", "branch_name", "reported_work", "duty_modal", "duty_request", "duty_lead_in", "duty_everyone", "duty_not_opening", "duty_label_work",
                    "bracket_note"),
        "conventions": _rules({"effect": STRING, "pattern": PATTERN}, required=("id", "effect", "pattern")),
        "standing": _rules({"pattern": PATTERN}),
        "prose": _rules({"pattern": PATTERN}),
    }),
    "sections": _obj({
        **_patterns("contents_header", "attachment_list", "field_line", "field_line_opening", "heading_label", "field_line_after_item", "plan_title", "unmarked_heading", "unmarked_part", "glued_field",
                    "note_opening", "footnote_line", "bracketed_label", "footnote_mark",
                    "glued_bracket_label"),
        "fragments": FRAGMENTS,
        "markers": _rules({"style": STRING, "rank": {"type": "integer"}, "kind": {"enum": ["heading", "box", "appendix"]},
                           "pattern": PATTERN, "level": {"type": ["integer", "null"]}, "inline": WORDS,
                           "confirmed_by": PATTERN},
                          required=("id", "style", "rank", "kind", "pattern")),
    }),
    "tables": _obj({
        "roles": WORD_MAP, "plan_periods": _map_of(NUMBER), "bound_note": WORD_MAP, "matrix_marks": WORD_MAP,
        **_patterns("header_words", "stated_count", "footnote", "group_row", "deadline_cell", "deadline_cell_in_year", "year_header", "dated_goal_header",
                    "lead_header", "answering_header", "unit_header", "cumulative_cell", "amount_header", "figure_header", "place_header", "caption_start", "group_count", "group_heading", "task_heading", "time_phrase",
                    "glued_header", "glued_row", "glued_date", "glued_after", "period_header", "matrix_department", "matrix_legend", "note_carried_out", "continued", "ditto_cell"),
    }),
    "targets": _obj({
        "comparators": WORD_MAP, "bounds": WORD_MAP, "verb_object": WORD_MAP, "units": WORDS,
        "ratio_units": WORDS, "unscaled_units": WORDS, "duration_units": WORDS, "digit_units": WORDS, "unit_magnitudes": WORDS, "unit_per": WORDS, "comparator_not_after": _map_of(STRING),
        "verb_in_name": _map_of(STRING),
        "unit_as": _map_of({"type": "array", "minItems": 2, "maxItems": 2}),
        "fixed": {"type": "array", "items": _obj({"id": STRING, "phrase": STRING, "comparator": STRING,
                                                  "value": NUMBER}, required=("id", "phrase", "comparator", "value"))},
        "examples": EXAMPLES, "counterexamples": EXAMPLES,
        **_patterns("respectively", "share_of", "comparator_year", "change_from", "value_list", "value_range", "not_a_value_after",
                    "goal_words", "noun_link", "noun_counted", "noun_size", "unitless_metric", "metric_stop", "after_metric_stop", "after_deadline", "completes_deadline",
                    "metric_trim_start", "metric_trim_end", "baseline", "lower_is_stricter", "retrospective_sections",
                    "support_words", "money_unit", "sentence_year", "list_item_verbs", "target_box", "target_field", "another_kind", "linked_documents",
                    "list_item_stops", "object_not_opening", "prohibition", "rate_level", "floor_before_verb", "achieved_before_verb", "change_from_bound", "condition_end", "policy_rate", "support_after"),
    }),
    "tasks": _obj({
        "title": _obj({"max_chars": {"type": "integer", "minimum": 1}, "max_chars_with_comma": {"type": "integer", "minimum": 0},
                       "after_heading_max_chars": {"type": "integer", "minimum": 1},
                       "after_heading_not_inside": PATTERN, "not_inside": PATTERN, "not_starting": PATTERN}),
        **_patterns("non_task_sections", "unattributed_sections", "task_verbs", "office_item_verbs", "office_items_not_its_own", "listed_item", "date_line", "signed_form", "document_title", "document_name",
                    "title_label", "schedule_label", "schedule_heading", "block_attribution", "same_as_above", "explanation_title", "part_attribution",
                    "enumeration_opener", "item_number", "task_name_label", "own_duty_after", "division_entry", "division_override", "bullet"),
    }),
}


def _where(data: Any, path: list) -> tuple[str | None, str]:
    """The rule id and the field (dotted, below the rule) a jsonschema error's path points at."""
    rule_id, fields, node = None, [], data
    for step in path:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            rule_id, fields = node["id"], []
        if isinstance(step, str):
            fields.append(step)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str) and not fields:
        rule_id = node["id"]
    return rule_id, ".".join(fields) or "(top)"


def _message(error, schema: dict) -> tuple[list, str]:
    """A path and a short phrase for the first problem."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        unknown = sorted(set(error.instance) - set(allowed))
        key = unknown[0] if unknown else "?"
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(allowed[:12])})" if allowed else ""
        return [*path, key], f"unknown field{hint}"
    if error.validator == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return path, f"must be {_article(wanted)}, not {type(error.instance).__name__} {error.instance!r:.40}"
    if error.validator == "required":
        missing = next((name for name in error.validator_value if name not in error.instance), "?")
        return [*path, missing], "missing (every such rule needs it)"
    if error.validator == "enum":
        return path, f"must be one of {', '.join(map(str, error.validator_value))}, not {error.instance!r:.40}"
    return path, error.message[:120]


def _article(kind: str) -> str:
    names = {"array": "a list", "object": "a mapping", "string": "a string (a text or a pattern)",
             "integer": "a whole number", "boolean": "true or false"}
    return names.get(kind, f"a {kind}")


def validate(name: str, data: Any, path: Path | str) -> None:
    """Raise RulesError in one line when ``data`` (rule file ``path`` read as
    ``name``) breaks its schema: ``FILE: rule 'ID' field 'FIELD': problem``."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=_depth_first)
    if not errors:
        return
    error = errors[0]
    where, problem = _message(error, schema)
    rule_id, field = _where(data, where)
    rule = f" rule {rule_id!r}" if rule_id else ""
    raise RulesError(f"{path}:{rule} field {field!r}: {problem}")


def _depth_first(error) -> tuple:
    """The deepest problem first (the one nearest to the typo), then in the file's order."""
    return (-len(error.absolute_path), [str(step) for step in error.absolute_path])
