"""Lines a PDF copy broke at the page's right margin, and the page's foot and
running head between two halves of a paragraph.

Text copied out of a PDF (pdftotext, a viewer's "copy") keeps the page's
layout: every line of a paragraph but the last runs to the same width, and
breaks wherever the margin fell, inside a sentence, a department's name or a
label ("（牵头单位：省应急管理\\n厅…", "配\\n\\n— 2 —\\n\\n…工作任务分工方案\\n合单位："). Such a
text is told by its widths: many lines of one width, the widest there is
(widths in columns, a Chinese character two, a Latin one or a digit one).
There, a line of that width that does not end a sentence goes on into the
next one, unless the next opens a heading or is indented; the line break is
taken out of the working copy (its line numbers stay the file's). A page's
foot ("— 2 —", "第2页") and the running head next to it are taken out with
it where they cut a paragraph, and blanked where they stand between two.
"""

from __future__ import annotations

from collections import Counter

from policyx.extract.sections.markers import confirmed_shapes, match_marker
from policyx.rules import RuleSet
from policyx.text.formats.layout import PAGE_NUMBER_LINE
from policyx.text.normalize import Line, Normalized
from policyx.text.rows import BOX_BARS, BOX_RULE_STARTS
from policyx.text.sentences import STRONG_END

MIN_WIDTH = 30  # columns: a margin narrower than 15 Chinese characters is no page's
MAX_WIDTH = 120  # columns: nor one wider than 60 (a paragraph a line is as wide as it is long)
MIN_FULL_LINES = 8  # lines of the margin's width a wrapped text has, at least…
FULL_SHARE = 0.35  # …and this share of its lines with words
HEAD_REACH = 3  # lines after a page's foot where the next page's head stands
HEAD_SHARE = 0.4  # of the pages a running head stands on, at least (as formats/pdf.py asks of a PDF's)
SLACK = 6  # columns a full line may fall short of the margin (digits and punctuation set narrower)
_INDENT = frozenset(" \t\u3000")
_TABLE_EDGES = frozenset("|" + BOX_BARS + BOX_RULE_STARTS)


def wrapped_lines(norm: Normalized, rules: RuleSet) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The working-copy spans to take out (a break inside a paragraph, with the
    page foot and running head inside it) and to blank (a page foot and
    running head between paragraphs) of a text a PDF copy wrapped; none of
    another text."""
    lines = norm.lines()
    if norm.lines_are_the_files and "\r" not in norm.original:  # (most plans: the file's own lines, cut once)
        widths = [_width(words) for words in norm.original.split("\n")]
    else:
        widths = [_width(norm.source[line.start:line.end]) for line in lines]
    margin = _margin(widths)
    if margin is None:
        return [], []
    chrome, heads = _page_chrome(lines)
    passed = chrome | heads  # (inside a paragraph a page break cuts, its head goes with its foot)
    shapes = confirmed_shapes(rules.markers, norm.text)
    joins: list[tuple[int, int]] = []
    blanks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and (j in passed or not lines[j].text.strip()):
            j += 1
        between = [k for k in range(i + 1, j) if k in passed]
        if i not in passed and j < len(lines) and _goes_on(line, widths[i], margin, lines[j], shapes, rules) \
                and (j == i + 1 or between):
            joins.append((line.start + len(line.text.rstrip()), lines[j].start))  # (the line's trailing spaces too)
        else:
            blanks.extend((lines[k].start, lines[k].end) for k in between if k in chrome)
        i = j
    return joins, blanks


def _width(text: str) -> int:
    """Columns of a line's words: a Chinese character (or a full-width mark) two, an ASCII one."""
    words = text.strip()
    return 2 * len(words) - len(words.encode("ascii", "ignore"))


def _margin(widths: list[int]) -> int | None:
    """The width most lines run to, when many do: a wrapped text's margin."""
    counts = Counter(w for w in widths if MIN_WIDTH <= w <= MAX_WIDTH)
    if not counts:
        return None
    with_words = sum(1 for w in widths if w)
    # the widest width held by many lines (a digit makes one a column short of the next)
    top = max(counts.values())
    margin = max(w for w, n in counts.items() if n * 2 >= top)
    full = sum(n for w, n in counts.items() if margin - SLACK <= w <= margin + 1)
    if full < MIN_FULL_LINES or full < FULL_SHARE * with_words:
        return None
    return margin


def _page_chrome(lines: list[Line]) -> tuple[set[int], set[int]]:
    """The indices of a page's foot lines ("— 2 —") and of the running heads
    to blank (a head: the words of a line that opens a page, after a foot, on
    two pages or more and on HEAD_SHARE of them), and those of every line that
    opens a page with a head's words (the first of which may be the plan's own
    title, after the cover letter's page: blanked only where it cuts a paragraph)."""
    feet = [i for i, line in enumerate(lines) if PAGE_NUMBER_LINE.match(line.text)]
    if not feet:
        return set(), set()
    opening: dict[str, list[int]] = {}
    for i in feet:
        k = i + 1
        while k < len(lines) and k <= i + HEAD_REACH and not lines[k].text.strip():
            k += 1
        if k < len(lines) and k <= i + HEAD_REACH and k not in feet:
            opening.setdefault(lines[k].text.strip(), []).append(k)
    pages = len(feet) + 1
    heads = {words: found for words, found in opening.items() if len(found) >= max(2, HEAD_SHARE * pages)}
    first_line = {}
    for k, line in enumerate(lines):
        words = line.text.strip()
        if words in heads and words not in first_line:
            first_line[words] = k
    chrome = set(feet) | {k for words, found in heads.items() for k in found if k != first_line[words]}
    return chrome, {k for found in heads.values() for k in found}


def _goes_on(line: Line, width: int, margin: int, following: Line, shapes, rules: RuleSet) -> bool:
    """Whether a line runs to the margin inside its paragraph, into ``following``."""
    words = line.text.rstrip()
    if width < margin - SLACK or not words or words[-1] in STRONG_END:  # (the working copy's: ！？ are folded to !?)
        return False
    if "\t" in words or "   " in words.strip() or words.lstrip()[:1] in _TABLE_EDGES:
        return False  # (a table's row: tab, pipe, a drawn box's bar or rule, or spaces part its cells)
    if following.text[:1] in _INDENT:
        return False  # (an indented line opens a paragraph)
    return match_marker(following, rules, shapes) is None


MARKER_ALONE = 8  # characters: a line this short may be a heading's marker whose title the copy put on the next line
TITLE_ALONE = 30  # …and a title this short, with no stop, on the line after it
MAX_ALONE_NUMBER = 30  # …numbered as headings are, not as a table's figure is ("〔100〕" over "预期性")


def markers_alone(norm: Normalized, rules: RuleSet) -> list[tuple[int, int]]:
    """The line breaks to take out between a heading's marker alone on its
    line and its title on the next ("第一章" / "总　则", a centred heading of a
    Word or PDF copy): the marker reads the two as one heading, at its own line."""
    lines = norm.lines()
    joins: list[tuple[int, int]] = []
    for line, after in zip(lines, lines[1:]):
        marker = line.text.strip()
        title = after.text.strip()
        if not marker or len(marker) > MARKER_ALONE or not title or len(title) > TITLE_ALONE or "\t" in title \
                or any(c in title for c in STRONG_END) or marker[-1] in _STOPS:
            continue
        joined = Line(line.number, line.start, line.start + len(line.text) + len(title), line.text.rstrip() + title)
        found = match_marker(joined, rules)
        if found is not None and found.marker_end >= len(line.text.rstrip()) and (found.number or 0) <= MAX_ALONE_NUMBER \
                and match_marker(line, rules) is None and match_marker(after, rules) is None:
            joins.append((line.start + len(line.text.rstrip()), after.start + len(after.text) - len(after.text.lstrip())))
    return joins


_STOPS = frozenset("。；;，,：:")
