"""Compiled section rules (``rules/sections.yaml``) besides the heading
markers themselves: the words that open a table of contents and a list of
attachments, and what a plan's own title looks like."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import optional_patterns

# where a marker may also stand inside a line that a web copy ran together
INLINE_PLACES = ("after-stop", "after-sentence", "glued")


@dataclass(frozen=True, slots=True)
class SectionRules:
    contents_header: regex.Pattern
    attachment_list: regex.Pattern
    field_line: regex.Pattern  # a numbered line's title that is its item's field: no heading
    field_line_opening: regex.Pattern  # …the first of a run of them: who does the work
    field_line_after_item: regex.Pattern  # …or, under an item with its words, its goal or date
    plan_title: regex.Pattern
    unmarked_heading: regex.Pattern  # a line that may be a heading whose number a copy lost
    unmarked_part: regex.Pattern  # …and the title of one of a plan's parts: level 1
    glued_field: regex.Pattern  # a field's label run onto the value before it, in a line of fields
    note_opening: regex.Pattern  # "注：": footnotes follow…
    footnote_line: regex.Pattern  # …each on a line opening with its number, "②…", "[1]…": no heading
    bracketed_label: regex.Pattern  # "【任务名称】…": a field's label in 【】 (groups open, label, close)
    footnote_mark: regex.Pattern  # "“无废城市”①建设": a footnote's number in the text (group mark)
    glued_bracket_label: regex.Pattern  # "…底前【任务名称】…": a 【】 label run onto the words before it
    heading_label: regex.Pattern  # "（一）问题：…": a label that opens a heading's title, no title itself


def compile_section_rules(data: dict) -> SectionRules:
    return SectionRules(
        **optional_patterns(data, "contents_header", "attachment_list", "field_line", "field_line_opening", "field_line_after_item", "plan_title", "unmarked_heading", "unmarked_part", "glued_field",
                              "note_opening", "footnote_line", "bracketed_label",
                              "footnote_mark", "glued_bracket_label", "heading_label"),
    )
