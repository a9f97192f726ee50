"""Where a table written one cell per line may stand: each appendix without
tab-separated rows, and in the body from each run of header-like lines
("序号", "重点任务", "牵头单位" one per line) to the end of its section."""

from __future__ import annotations

from policyx.extract.tables.cells import _PAGE_NUMBER, _TAB_ROW, heading_mark
from policyx.model import Section
from policyx.rules.tables import TableRules
from policyx.text.presence import Anchors, may_match
from policyx.text.normalize import Normalized
from policyx.text.sentences import PHRASE_STOP


def flat_regions(norm: Normalized, sections: tuple[Section, ...], rules: TableRules, header_anchors: Anchors = ()):
    """``(start, end, appendix or None)`` of where a table written one cell per
    line may be: each appendix, and in the body from each run of header-like
    lines to the end of the section that holds it."""
    taken: list[tuple[int, int]] = []
    yield from _appendix_regions(norm, sections, taken)
    yield from _header_run_regions(norm, sections, rules, taken, header_anchors)


def _appendix_regions(norm: Normalized, sections: tuple[Section, ...], taken: list[tuple[int, int]]):
    """Each appendix with no tab-separated row (added to ``taken``)."""
    for s in sections:
        if s.kind != "appendix":
            continue
        start = s.title_span[1] if s.title else s.body_start
        lines = norm.lines(start, s.end)
        # (one search over the lines: a tab-separated row never runs past its line's end)
        if not (lines and _TAB_ROW.search(norm.text, lines[0].start, lines[-1].end)):
            taken.append((start, s.end))
            yield start, s.end, s


def _header_run_regions(norm: Normalized, sections: tuple[Section, ...], rules: TableRules,
                        taken: list[tuple[int, int]], header_anchors: Anchors = ()):
    """From each run of at least three header-like lines, one with a header
    word, to the end of the heading's section that holds it; not inside a
    region already ``taken`` (added to it). None in a plan without a
    character every header word may start with (``header_anchors``)."""
    if not may_match(norm.text, header_anchors):
        return
    lines = [ln for ln in norm.lines() if ln.text.strip()]
    i = 0
    while i < len(lines):
        run = _header_like_run(lines, i, rules)
        start = lines[i].start
        run_end = lines[i + run - 1].end if run else start
        # (a run that reaches into an appendix taken already is its header: "2024年7月12日", "附件", "整改清单", "序号", …)
        if run >= 3 and any(rules.header_words.search(lines[j].text) for j in range(i, i + run)) \
                and not any(a <= start < b or start <= a < run_end for a, b in taken):
            end = _section_end(norm, sections, start)
            taken.append((start, end))
            yield start, end, None
            while i < len(lines) and lines[i].start < end:
                i += 1
            continue
        i += max(run, 1)


def _header_like_run(lines: list, i: int, rules: TableRules) -> int:
    """How many lines from ``lines[i]`` on look like header cells."""
    run = 0
    while i + run < len(lines) and _header_like(lines[i + run].text, rules):
        run += 1
    return run


def _section_end(norm: Normalized, sections: tuple[Section, ...], offset: int) -> int:
    """The end of the innermost heading's section holding ``offset`` (of the
    text when none does)."""
    holder = [s for s in sections if s.kind == "heading" and s.span[0] <= offset < s.end]
    return min((s.end for s in holder), default=len(norm.text))


def _header_like(text: str, rules: TableRules) -> bool:
    cell = text.strip().rstrip("|").strip()
    return 0 < len(cell) <= 16 and not PHRASE_STOP.search(cell) and not _PAGE_NUMBER.match(cell) \
        and not heading_mark(cell, rules)
