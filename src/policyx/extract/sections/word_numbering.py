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
from policyx.text.normalize import Line, Normalized


MAX_MARKER = 8  # characters before the tab, at most: a heading's marker ("第十二章", "（十一）"), not a table's cell


def numbering_tabs(norm: Normalized, rules: RuleSet) -> list[tuple[int, int]]:
    """The working-copy spans of the tabs to blank: each right after a heading's marker, alone on its line,
    in a run of such lines none of which is a row of another kind (a two-column table's "序号\t内容"
    over "1.\t开展…" rows stays a table)."""
    if "\t" not in norm.text:
        return []
    shapes = confirmed_shapes(rules.markers, norm.text)
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    in_table = False
    for line in norm.lines():
        if line.text.count("\t") != 1:
            if not in_table:
                spans.extend(run)
            run, in_table = [], False
            continue
        tab = _numbering_tab(line, rules, shapes) if line.text.index("\t") <= MAX_MARKER else None
        if tab is None:
            in_table = True
        else:
            run.append(tab)
    if not in_table:
        spans.extend(run)
    return spans


def _numbering_tab(line: Line, rules: RuleSet, shapes) -> tuple[int, int] | None:
    """The span of the tab after the heading's marker that opens a line of one tab, or None."""
    found = match_marker(line, rules, shapes)
    if found is None or found.rule.kind != "heading":
        return None
    words = line.text
    tab, marker_end = words.index("\t"), found.marker_end - line.start
    marker = words[:tab].strip()
    if tab < marker_end and not words[tab + 1:marker_end].strip() and marker and not marker.isdecimal():
        return line.start + tab, line.start + tab + 1
    return None
