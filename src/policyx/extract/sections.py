"""The section tree: headings, boxes (专栏, 表) and appendices (附件, 附表).

Reading order of decisions, line by line on the working copy:

* Lines holding a tab between two cells are table rows or table-of-contents
  entries, never headings; so are lines ending in a page number.
* After a line "目录", heading-like lines are table-of-contents entries until
  the text proper starts.
* After "附件：" a numbered list names the attachments; it is not a heading list.
* A box (专栏N, 表N-N) sits inside the body.  Its own numbered lines are box
  content, not sections.  Whether a numbered line after the box belongs to the
  box or closes it is decided by which numbering it continues — see
  :func:`_belongs_to_box`.
* An appendix (附件N, 附表N) ends the body.  An appendix that is a table (tab
  rows, or one cell per line after a header) has no sections inside; any other
  appendix gets its own heading tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from policyx.model import Issue, Section
from policyx.text.normalize import Line, Normalized
from policyx.text.numerals import read_number
from policyx.rules import MarkerRule, RuleSet

# A heading's title ends at the first sentence end; what follows on the line
# is the section's run-in body: "(一)狠抓工业污染防治。取缔“十小”企业。…"
_TITLE_END = regex.compile(r"[。;!?！？；]|:(?=\s*\S)|[ \t]{2,}(?=\S)")
_TITLE_STRIP = " \t,，、:：;；.。"
# Longer than this, a numbered line is a numbered paragraph, not a heading.
MAX_TITLE_CHARS = 150
_TOC_HEADER = regex.compile(r"^\s*目\s*录\s*$")
_TRAILING_CLAUSE = regex.compile(r"[(（〔【\[][^()（）〔〕【】\[\]]{2,120}[)）〕】\]]\s*$")
_PAGE_NUMBER_END = regex.compile(r"(?:\.{2,}|…+|·{2,}|\s{2,}|\t)\s*\d{1,3}\s*$")
_ATTACHMENT_LIST = regex.compile(r"^\s*附\s*件\s*:")
_TABLE_ROW = regex.compile(r"\S[^\t\n]*\t+[^\t\n]*\S")
# Header cells of a table flattened one cell per line.
_HEADER_WORDS = regex.compile(r"序号|任务|部门|单位|名称|目标|时间|时限|现状|类型|指标|措施|内容|责任|地区|断面|点位|备注")
_SENTENCE_END = regex.compile(r"[。;；]")


@dataclass(slots=True)
class _Candidate:
    rule: MarkerRule
    line: Line
    marker_start: int
    marker_end: int
    number: int | None
    title: str
    title_start: int
    title_end: int
    run_in: bool
    body_start: int  # where the run-in body starts, or the end of the line
    label: str  # e.g. "专栏3", "附表1", "表2-1"
    file_line: int = 0  # the heading's line in the file (set by segment)


@dataclass(slots=True)
class _Open:
    """A heading on the stack of open headings."""

    style: str
    rank: int
    number: int | None
    section_index: int | None  # index into the emitted list; None inside a box


@dataclass(slots=True)
class _Outline:
    """One numbering context: the body, a box, or an appendix."""

    stack: list[_Open] = field(default_factory=list)
    last_number: dict[str, int] = field(default_factory=dict)

    def fit(self, cand: _Candidate) -> str | None:
        """'sibling' if the candidate continues an open heading's numbering,
        'child' if it starts a new level, None if it fits nowhere."""
        style, number = cand.rule.style, cand.number
        for node in self.stack:
            if node.style == style:
                return "sibling" if node.number is not None and number == node.number + 1 else None
        if number == 1 or (style in self.last_number and number == self.last_number[style] + 1):
            return "child"
        return None

    def place(self, cand: _Candidate) -> tuple[int, _Open | None, int | None]:
        """Put a heading on the stack.

        Returns its depth, the previous sibling of the same style (if any) and
        the last number this style had anywhere before.
        """
        style, rank = cand.rule.style, cand.rule.rank
        last_before = self.last_number.get(style)
        previous = None
        for i, node in enumerate(self.stack):
            if node.style == style:
                previous = node
                del self.stack[i:]
                break
        else:
            while self.stack and self.stack[-1].rank >= rank:
                self.stack.pop()
        depth = len(self.stack)
        node = _Open(style, rank, cand.number, None)
        self.stack.append(node)
        if cand.number is not None:
            self.last_number[style] = cand.number
        return depth, previous, last_before


@dataclass(slots=True)
class _Box:
    section_index: int
    label: str
    outline: _Outline = field(default_factory=_Outline)
    text_since_heading: bool = False


def _match_marker(line: Line, rules: RuleSet) -> _Candidate | None:
    text = line.text
    for rule in rules.markers:
        m = rule.pattern.match(text)
        if not m:
            continue
        rest_start = m.end()
        rest = text[rest_start:]
        numeral = m.group("num") if "num" in rule.pattern.groupindex else None
        number = read_number(numeral) if numeral else None
        if numeral and number is None:
            continue
        marker_start = len(text) - len(text.lstrip(" \t"))
        stripped_rest = rest.rstrip(" \t\r")
        if rule.kind == "heading":
            end = _TITLE_END.search(stripped_rest)
            title_raw = stripped_rest[: end.start()] if end else stripped_rest
            clause = _TRAILING_CLAUSE.search(title_raw)
            if clause and (rules.responsibility.role_pattern.search(clause.group(0))
                           or rules.responsibility.label_pattern.search(clause.group(0))):
                # "(1)深入开展…超低排放改造(牵头单位:省生态环境厅)。": the clause is no part of the title
                title_raw = title_raw[: clause.start()]
            run_in = bool(end) and bool(stripped_rest[end.end():].strip())
            body_start = line.start + rest_start + end.end() if run_in else line.end
            title = title_raw.strip(_TITLE_STRIP)
            if not title or len(title) > MAX_TITLE_CHARS:
                continue
            label = text[marker_start:rest_start].strip()
        else:
            title = stripped_rest.strip(_TITLE_STRIP)
            title_raw = stripped_rest
            run_in = False
            body_start = line.end
            label = regex.sub(r"\s+", "", text[marker_start:rest_start]).rstrip(":.、")
        offset = len(title_raw) - len(title_raw.lstrip(_TITLE_STRIP))
        title_start = line.start + rest_start + offset
        return _Candidate(
            rule=rule,
            line=line,
            marker_start=line.start + marker_start,
            marker_end=line.start + rest_start,
            number=number,
            title=title,
            title_start=title_start,
            title_end=title_start + len(title),
            run_in=run_in,
            body_start=body_start,
            label=label,
        )
    return None


def _is_table_row(text: str) -> bool:
    return "\t" in text.strip() and bool(_TABLE_ROW.search(text))


def _appendix_is_table(lines: list[Line], start: int) -> bool:
    """Does the appendix starting after line index ``start`` hold a table?

    Yes if a tab-separated row comes soon, or a run of at least three short
    cell-like lines (a header flattened one cell per line) with a header word.
    """
    seen = 0
    run: list[str] = []
    for line in lines[start + 1:]:
        text = line.text.strip()
        if not text:
            continue
        seen += 1
        if seen > 10:
            break
        if _is_table_row(line.text):
            return True
        if len(text) <= 16 and not _SENTENCE_END.search(text):
            run.append(text)
            if len(run) >= 3 and any(_HEADER_WORDS.search(cell) for cell in run):
                return True
        else:
            run = []
    return False


# Where a heading marker may stand inside a line: after a sentence or a clause
# ends ("…负责）　2.强化…", "…。（二）…"), or after a label's colon
# ("具体措施：1．…"). A bracketed marker may even follow the words of the
# heading before it ("…提高宏观政策实施的时效性和精准性（一）研究将…").
_INLINE_AFTER_STOP = regex.compile(r"[。;!?)\]】〕:][ \t]*")
_INLINE_BRACKETED = regex.compile(r"[(\[〔][ \t]*(?:[一二三四五六七八九十百零〇两]{1,4}|[0-9]{1,3})[ \t]*[)\]〕]")
# circled numbers inside a line are footnotes and enumerations ("注：①…"), not headings
_INLINE_STYLES = ("cn_dun", "cn_paren", "ar_dot", "ar_paren", "chapter", "jie")
_GLUED_STYLES = ("cn_paren", "ar_paren")


def inline_heading_breaks(norm: Normalized, rules: RuleSet) -> list[int]:
    """Offsets of heading markers that a web copy ran into the text before
    them, where the working copy should start a new line.

    A marker is taken only where it continues its own numbering (1, or one
    more than the last marker of its style), so "（2）" in a sentence that
    never had a "（1）" stays text.
    """
    markers = [m for m in rules.markers if m.kind == "heading" and m.style in _INLINE_STYLES]
    last: dict[str, int] = {}
    breaks: list[int] = []

    def fits(rule, number: int | None) -> bool:
        return number is not None and (number == 1 or last.get(rule.style) == number - 1)

    def read(position: int, text: str, styles) -> tuple[object, int | None] | None:
        for rule in markers:
            if rule.style not in styles:
                continue
            m = rule.pattern.match(text, position)
            if m and m.end() < len(text) and "num" in rule.pattern.groupindex and m.group("num"):
                return rule, read_number(m.group("num"))
        return None

    for line in norm.lines():
        text = line.text
        stripped = len(text) - len(text.lstrip(" \t"))
        if not text.strip() or "\t" in text.strip():
            continue
        at_start = read(stripped, text, _INLINE_STYLES)
        if at_start is not None and at_start[1] is not None:
            last[at_start[0].style] = at_start[1]
        candidates = [(m.end(), _INLINE_STYLES) for m in _INLINE_AFTER_STOP.finditer(text, stripped + 1)]
        candidates += [(m.start(), _GLUED_STYLES) for m in _INLINE_BRACKETED.finditer(text, stripped + 1)]
        for position, styles in sorted(set(candidates)):
            if position >= len(text) or position <= stripped:
                continue
            if _ATTACHMENT_LIST.match(text):
                break  # "附件：1.…": a list of attachments, not headings
            found = read(position, text, styles)
            if found is None:
                continue
            rule, number = found
            if fits(rule, number) and _opens_words(text, position, rule):
                last[rule.style] = number  # type: ignore[assignment]
                breaks.append(line.start + position)
    return breaks


def _opens_words(text: str, position: int, rule) -> bool:
    """A marker inside a line opens words of its own: "（一）研究将…", not "（一）、（二）"."""
    m = rule.pattern.match(text, position)
    rest = text[m.end():m.end() + 5] if m else ""
    return bool(regex.match(r"\p{Han}|[“\"《]|[0-9]{4}\s*年", rest))


def segment(norm: Normalized, rules: RuleSet) -> tuple[tuple[Section, ...], tuple[Issue, ...]]:
    """Build the section tree of a plan.

    Returns the sections in document order and the problems met on the way
    (numbering gaps, repeats and disorder; a plan with no structure).
    """
    sections, issues, toc_closed = _segment(norm, rules, honour_toc=True)
    if toc_closed:
        return _without_cover_letter(sections, issues, norm)
    # the contents never gave way to the text (its first entry was not found
    # again): reading it as contents would lose the whole plan
    sections, issues, _ = _segment(norm, rules, honour_toc=False)
    warning = Issue(code="contents-unclosed", line=None,
                    message="a 目录 was found but its first entry never recurs; the contents are read as headings")
    return sections, (warning, *issues)


_PLAN_TITLE = regex.compile(r"^[^。;:]{4,60}(?:方案|规划|意见|计划|办法|纲要|细则|要点|清单|分工|分解)[”》\"']?$")


def _without_cover_letter(sections: tuple[Section, ...], issues: tuple[Issue, ...],
                          norm: Normalized) -> tuple[tuple[Section, ...], tuple[Issue, ...]]:
    """A notice's own numbered paragraphs ("一、各责任单位要高度重视…") before the
    plan it sends: where the top-level numbering starts again at 1 after a line
    that is the plan's title, the sections before that line are the notice's."""
    top = [s for s in sections if s.parent is None and s.kind == "heading"]
    for earlier, later in zip(top, top[1:]):
        if later.style != earlier.style or later.number != 1 or (earlier.number or 0) < 1:
            continue
        between = [ln for ln in norm.lines(earlier.span[0], later.span[0]) if ln.start > earlier.span[0]]
        title = next((ln for ln in reversed(between) if _PLAN_TITLE.match(ln.text.strip())), None)
        if title is None:
            continue
        cut = title.start
        kept = [s for s in sections if s.span[0] >= cut]
        shift = sum(1 for s in top if s.span[0] < cut)
        return (tuple(_renumbered(s, shift) for s in kept),
                tuple(i for i in issues if not (i.code == "section-numbering" and i.span and i.span[0] < later.span[1])))
    return sections, issues


def _renumbered(section: Section, shift: int) -> Section:
    """A section's id (and its parent's) with the top-level number lowered by ``shift``."""
    def renumber(section_id: str | None) -> str | None:
        if section_id is None:
            return None
        head, dot, rest = section_id.partition(".")
        return f"{int(head) - shift}{dot}{rest}" if head.isdigit() else section_id
    return replace(section, id=renumber(section.id), parent=renumber(section.parent))


def _toc_key(cand: _Candidate) -> tuple[str, int | None, str]:
    """A contents entry and its heading compare without page numbers or leaders."""
    return cand.rule.style, cand.number, _PAGE_NUMBER_END.sub("", cand.title).strip()


def _segment(norm: Normalized, rules: RuleSet, *, honour_toc: bool) -> tuple[tuple[Section, ...], tuple[Issue, ...], bool]:
    lines = list(norm.lines())
    sections: list[Section] = []
    issues: list[Issue] = []
    body = _Outline()
    body_ids: list[int] = []  # section indices parallel to body.stack
    box: _Box | None = None
    appendix: dict | None = None  # {"index", "table", "outline", "ids"}
    in_toc = False
    toc_first: tuple[str, int | None, str] | None = None
    in_attachment_list = False
    child_count: dict[int | None, int] = {}
    used_ids: set[str] = set()

    def unique(section_id: str) -> str:
        candidate, n = section_id, 2
        while candidate in used_ids:
            candidate, n = f"{section_id}#{n}", n + 1
        used_ids.add(candidate)
        return candidate

    rule_of = {m.style: m for m in rules.markers}

    def emit(cand: _Candidate, *, kind: str, parent: int | None, level: int, section_id: str, depth: int = 1) -> int:
        sections.append(
            Section(
                id=unique(section_id),
                level=level,
                marker=norm.source[cand.marker_start:cand.marker_end].strip(),
                title=norm.source[cand.title_start:cand.title_end],
                line=cand.file_line,
                span=(cand.marker_start, max(cand.title_end, cand.marker_end)),
                parent=sections[parent].id if parent is not None else None,
                kind=kind,  # type: ignore[arg-type]
                style=cand.rule.style,
                number=cand.number,
                title_span=(cand.title_start, cand.title_end),
                body_start=cand.body_start,
                end=len(norm.text),
                rule=cand.rule.id,
                depth=depth,
            )
        )
        return len(sections) - 1

    def place_heading(cand: _Candidate, outline: _Outline, ids: list[int], root: int | None) -> None:
        depth, previous, last_before = outline.place(cand)
        del ids[depth:]
        parent = ids[-1] if ids else root
        n = child_count.get(parent, 0) + 1
        child_count[parent] = n
        parent_id = sections[parent].id if parent is not None else None
        index = emit(
            cand,
            kind="heading",
            parent=parent,
            level=_level(cand.rule, sections[parent] if parent is not None else None, rule_of),
            section_id=f"{parent_id}.{n}" if parent_id else str(n),
            depth=(sections[parent].depth if parent is not None else 0) + 1,
        )
        ids.append(index)
        _check_number(cand, previous, last_before, issues)

    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if _TOC_HEADER.match(text):
            in_toc, toc_first = honour_toc, None
            continue
        if _is_table_row(line.text) or _PAGE_NUMBER_END.search(line.text.rstrip("\r")):
            if in_toc and toc_first is None:
                # "第一章  发展基础\t1": the first entry, whose heading ends the contents
                entry = _match_marker(line, rules)
                if entry is not None:
                    toc_first = _toc_key(entry)
            if box:
                box.text_since_heading = True
            continue
        cand = _match_marker(line, rules)
        if cand is not None:
            cand.file_line = norm.line_of(cand.marker_start)
        if in_attachment_list:
            if cand is not None and cand.rule.style == "ar_dot":
                continue
            in_attachment_list = False
        if _ATTACHMENT_LIST.match(line.text):
            in_attachment_list = True
            continue
        if in_toc:
            if cand is None:
                if len(text) > 40:
                    in_toc = False
                continue
            key = _toc_key(cand)
            if toc_first is None:
                toc_first = key
                continue
            if key != toc_first:
                continue
            in_toc = False
        if cand is None:
            if box:
                box.text_since_heading = True
            continue

        kind = cand.rule.kind
        if kind != "heading" and not cand.title:
            _title_from_next_line(cand, lines, i, rules)
        if kind == "appendix":
            box = None
            body.stack.clear()
            body_ids.clear()
            index = emit(cand, kind="appendix", parent=None, level=1, section_id=cand.label)
            appendix = {"index": index, "table": _appendix_is_table(lines, i), "outline": _Outline(), "ids": []}
            continue
        if appendix is not None:
            if kind == "heading" and not appendix["table"]:
                place_heading(cand, appendix["outline"], appendix["ids"], appendix["index"])
            continue
        if kind == "box":
            if box and sections[box.section_index].style == cand.rule.style and box.label == cand.label:
                continue  # the caption repeated above its table
            parent = body_ids[-1] if body_ids else None
            level = sections[parent].level + 1 if parent is not None else 1
            index = emit(cand, kind="box", parent=parent, level=level, section_id=cand.label,
                         depth=(sections[parent].depth if parent is not None else 0) + 1)
            box = _Box(index, cand.label)
            continue
        if box is not None:
            if _belongs_to_box(cand, box, body):
                box.outline.place(cand)
                box.text_since_heading = cand.run_in
                continue
            box = None
        place_heading(cand, body, body_ids, None)

    _set_ends(sections, len(norm.text))
    if not sections:
        issues.append(
            Issue(
                code="no-structure",
                message="no recognisable section structure (no 一、/（一）/1./第X章 headings found)",
                line=None,
            )
        )
    return tuple(sections), tuple(issues), not (in_toc and toc_first is not None)


def _level(rule: MarkerRule, parent: Section | None, rule_of: dict[str, MarkerRule]) -> int:
    """A section's level: the official level of its marker, counted from its
    parent's ("1." directly under "一、" is 3, not 2); one below its parent
    for markers with no official level (第X章, 第X节, 专栏)."""
    if parent is None:
        return rule.level or 1
    above = rule_of.get(parent.style)
    if rule.level is not None and above is not None and above.level is not None:
        return parent.level + max(1, rule.level - above.level)
    return parent.level + 1


def _title_from_next_line(cand: _Candidate, lines: list[Line], index: int, rules: RuleSet) -> None:
    """A caption alone on its line ("附表1") takes its title from the next line."""
    for line in lines[index + 1:index + 3]:
        text = line.text.strip()
        if not text:
            continue
        if len(text) <= 60 and not _is_table_row(line.text) and _match_marker(line, rules) is None:
            offset = len(line.text) - len(line.text.lstrip(" \t"))
            cand.title = text
            cand.title_start = line.start + offset
            cand.title_end = cand.title_start + len(text)
        return


def _belongs_to_box(cand: _Candidate, box: _Box, body: _Outline) -> bool:
    """Does a numbered line inside a box's reach continue the box or the body?

    A box continuing its own numbering wins ("3. 建材行业" after "2. 火电行业"
    in 专栏4); then the body continuing its numbering ("3. 开展大气环境综合分析"
    after the body's "2."); when both would only open a new level, the line
    belongs to the box if it follows the box's last line directly, and to the
    body if text came between.
    """
    box_fit = box.outline.fit(cand)
    body_fit = body.fit(cand)
    if box_fit == "sibling":
        return True
    if body_fit == "sibling":
        return False
    if box_fit == "child" and body_fit == "child":
        return not box.text_since_heading
    if body_fit:
        return False
    return True


def _check_number(cand: _Candidate, previous: _Open | None, last_before: int | None, issues: list[Issue]) -> None:
    """Warn about a gap, a repeat or disorder in a heading's numbering."""
    number = cand.number
    if number is None:
        return
    if previous is None or previous.number is None:
        # the first heading of its level here; numbering may run on across
        # parents (xinjiang's 二、 opens with （四）), so that is accepted too
        if number == 1 or (last_before is not None and number == last_before + 1):
            return
        what = f"opens its level at {number}; expected 1" + (
            f" or {last_before + 1}" if last_before is not None else ""
        )
    elif number == previous.number + 1:
        return
    elif number == previous.number:
        what = "repeats the previous number"
    elif number < previous.number:
        what = f"comes after number {previous.number} (out of order)"
    else:
        what = f"follows number {previous.number} (gap)"
    issues.append(
        Issue(
            code="section-numbering",
            message=f"section {cand.label} {what}",
            line=cand.file_line,
            span=(cand.marker_start, cand.marker_end),
        )
    )


def _set_ends(sections: list[Section], text_end: int) -> None:
    """A section ends where the next section that is not inside it begins."""
    parents = {s.id: s.parent for s in sections}

    def inside(candidate: Section, ancestor_id: str) -> bool:
        parent = candidate.parent
        while parent is not None:
            if parent == ancestor_id:
                return True
            parent = parents.get(parent)
        return False

    for i, section in enumerate(sections):
        end = text_end
        for later in sections[i + 1:]:
            if not inside(later, section.id):
                end = later.span[0]
                break
        sections[i] = replace(section, end=end)
