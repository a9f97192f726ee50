"""The tab Word's automatic numbering leaves after a heading's marker.

Copied out of Word as text, an automatically numbered list keeps its
numbers and puts a tab between each and its words: "⑴\\t开展重大事故隐患动态清零。…",
"（一）\\t深化重大事故隐患排查整治" (county-unicode-enumerators-2026). Such
lines are no table's rows: a line whose one tab follows the heading marker
that opens it has that tab blanked, and reads as the heading it is. A line
with more tabs is a row, and so is one whose marker is a bare number (a
table's 序号 cell: "1\\t推进…").
"""

from __future__ import annotations

from policyx.extract.sections.markers import confirmed_shapes, match_marker
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized


def numbering_tabs(norm: Normalized, rules: RuleSet) -> list[tuple[int, int]]:
    """The working-copy spans of the tabs to blank: each right after a heading's marker, alone on its line."""
    if "\t" not in norm.text:
        return []
    shapes = None
    spans: list[tuple[int, int]] = []
    for line in norm.lines():
        words = line.text
        if words.count("\t") != 1:
            continue
        shapes = shapes if shapes is not None else confirmed_shapes(rules.markers, norm.text)
        found = match_marker(line, rules, shapes)
        if found is None or found.rule.kind != "heading":
            continue
        tab, marker_end = words.index("\t"), found.marker_end - line.start
        marker = words[:tab].strip()
        if tab < marker_end and not words[tab + 1:marker_end].strip() \
                and marker and not marker.isdecimal():
            spans.append((line.start + tab, line.start + tab + 1))
    return spans
