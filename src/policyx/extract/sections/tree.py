"""Reading the section tree line by line.

* Lines holding a tab between two cells are table rows or table-of-contents
  entries, never headings; so are lines ending in a page number.
* After a line "目录", heading-like lines are contents entries (contents.py).
* After "附件：" a numbered list names the attachments; it is not a heading list.
* A box (专栏N, 表N-N) sits inside the body.  Its own numbered lines are box
  content, not sections; whether a numbered line after the box belongs to the
  box or closes it is decided by which numbering it continues
  (:func:`outline.belongs_to_box`).
* An appendix (附件N, 附表N) ends the body.  An appendix that is a table (tab
  rows, or one cell per line after a header) has no sections inside; any other
  appendix gets its own heading tree.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


from policyx.extract.sections.contents import Contents
from policyx.extract.sections.footnotes import note_line, note_openings
from policyx.extract.sections.markers import (
    Candidate,
    ends_in_page_number,
    is_table_row,
    confirmed_shapes,
    may_end_in_page_number,
    match_marker,
    title_from_next_line,
)
from policyx.extract.sections.outline import (
    Appendix,
    Box,
    Outline,
    belongs_to_box,
    NumberingWarnings,
    numbering_problem,
    official_level,
)
from policyx.limits import REPEATS_LISTED
from policyx.model import Issue, Section, maker
from policyx.rules import RuleSet
from policyx.text.normalize import Line, Normalized
from policyx.text.sentences import SENTENCE_STOP as _SENTENCE_END
from policyx.text.anchors import line_start_chars
from policyx.text.presence import may_match
from policyx.text.twins import short
from policyx.text.rows import FIELD_WITH_VALUE

_new_section = maker(Section)  # (one a heading: made without the class call's keyword dict)
# a flattened table header: at least this many short lines, none longer than that
_HEADER_CELLS, _HEADER_CELL_CHARS = 3, 16


@dataclass(frozen=True, slots=True)
class Tree:
    sections: tuple[Section, ...]
    issues: tuple[Issue, ...]
    contents_closed: bool


@dataclass
class TreeReader:
    norm: Normalized
    rules: RuleSet
    honour_contents: bool
    lines: list[Line] = field(init=False)
    sections: list[Section] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = list(self.norm.lines())
        self.lines_are_the_files = self.norm.lines_are_the_files  # (a heading's file line is its line's number)
        self.text_end = len(self.norm.text)
        self.marker_shapes = confirmed_shapes(self.rules.markers, self.norm.text)
        self.body = Outline()
        self.body_ids: list[int] = []  # section indices parallel to body.stack
        self.box: Box | None = None
        self.appendix: Appendix | None = None
        self.contents = Contents(self.honour_contents)
        self.in_attachment_list = False
        self.in_notes = False  # (after "注：", the footnotes' lines)
        self.child_count: dict[int | None, int] = {}
        self.used_ids: set[str] = set()
        self.numbering = NumberingWarnings(REPEATS_LISTED, self.issues)
        self.fields_over: int | None = None  # the rank of the heading whose field lines may follow
        self.in_fields = False  # (in a run of field lines)
        self.over_an_item = False
        self.rule_of = {m.style: m for m in self.rules.markers}
        # a plan without the characters of a 目录 or of a list of attachments is not asked about them per line
        requires = self.rules.requires
        self.may_hold_contents = may_match(self.norm.text, requires.get("sections.contents_header", ()))
        self.may_list_attachments = may_match(self.norm.text, requires.get("sections.attachment_list", ()))
        self.may_hold_notes = may_match(self.norm.text, requires.get("sections.note_opening", ()))
        # (the characters a note's line may open with, "注": other lines are not asked; None: any)
        self.note_starts = line_start_chars(note_openings(self.rules.sections))

    def read(self) -> Tree:
        for index, line in enumerate(self.lines):
            self._read_line(index, line)
        sections = with_ends(self.sections, len(self.norm.text))
        self.issues.extend(self.numbering.summaries())
        if not sections:
            self.issues.append(Issue(
                code="no-structure",
                message="no recognisable section structure (no 一、/（一）/1./第X章 headings found)",
                line=None,
            ))
        return Tree(tuple(sections), tuple(self.issues), self.contents.closed)

    def _read_line(self, index: int, line: Line) -> None:
        text = line.text.strip()
        if not text:
            return
        if self.may_hold_contents and short(self.rules.sections.contents_header).match(text):
            self.contents.open()
            return
        if ("\t" in text and is_table_row(line.text)) or (may_end_in_page_number(text)
                                                         and ends_in_page_number(line.text.rstrip("\r"))):
            self.contents.note_entry(line, self.rules)
            self._note_text()
            return
        if self._a_footnote(text):
            self._note_text()
            return
        cand = match_marker(line, self.rules, self.marker_shapes, long_titles=True)
        if cand is not None:
            cand.file_line = line.number if self.lines_are_the_files else self.norm.line_of(cand.marker_start)
        if ((self.in_attachment_list or self.may_list_attachments) and self._in_attachment_list(line, cand)) \
                or (self.contents.inside and self.contents.holds(cand, text)):
            return
        if self._a_field_line(line, cand) or cand is None or cand.long_title and not self._goes_on(cand):
            self._note_text()
            return
        self.fields_over, self.in_fields = (cand.rule.rank if cand.rule.kind == "heading" else None), False
        self.over_an_item = cand.run_in  # (a heading with its words on its line: an item, whose fields may open with any)
        if cand.rule.kind != "heading" and not cand.title:
            title_from_next_line(cand, self.lines, index, self.rules)
        self._place(cand, index)

    def _a_footnote(self, text: str) -> bool:
        """Whether a line is a note's opening ("注：①…") or a footnote after it ("②…", "[1]…"): no heading."""
        if not self.may_hold_notes or not self.in_notes and self.note_starts is not None and text[0] not in self.note_starts:
            return False
        self.in_notes, _ = note_line(text, self.in_notes, self.rules.sections)
        return self.in_notes

    def _a_field_line(self, line: Line, cand: Candidate | None) -> bool:
        """A numbered line holding a field of the item above it ("1.牵头单位：…", "3.完成时限：…"), of a
        rank below the item's, one of a run that opens with who does the work — or with any field under
        an item with its words on its line ("（一）扩大有效投资。…" over "1.工作目标：…")."""
        if cand is None or cand.rule.kind != "heading" or self.fields_over is None or cand.rule.rank <= self.fields_over:
            return False  # (not under a heading, or a heading of a rank above it: "二、牵头单位：…" heads a group)
        words = line.text[cand.marker_end - line.start:]  # (a slice: the rule's ^ is its start)
        sections = self.rules.sections
        if self.in_fields:
            return sections.field_line.match(words) is not None
        self.in_fields = sections.field_line_opening.match(words) is not None or self.over_an_item \
            and sections.field_line_after_item.match(words) is not None
        return self.in_fields

    def _goes_on(self, cand: Candidate) -> bool:
        """Whether a numbered line with a long first sentence goes on its
        siblings' numbering ("47．…" then "48．利用原有…(190 characters)…。",
        baotou-digital-gov-evaluation-2022), or its style's across a parent
        ("（二十三）…　　101.建立统一开放的…", hebei-sci-tech-reform-2015): a heading
        then, else a paragraph."""
        if self.appendix is not None:  # (the outline _place puts it in)
            outline = self.appendix.outline
        elif self.box is not None and belongs_to_box(cand, self.box, self.body):
            outline = self.box.outline
        else:
            outline = self.body
        fit = outline.fit(cand)  # (a child goes on only from the same style's last number, not from 1)
        return fit == "sibling" or fit == "child" and cand.number is not None and cand.number > 1

    def _note_text(self) -> None:
        if self.box:
            self.box.text_since_heading = True

    def _in_attachment_list(self, line: Line, cand: Candidate | None) -> bool:
        if self.in_attachment_list:
            if cand is not None and cand.rule.style == "ar_dot":
                return True
            self.in_attachment_list = False
        if self.may_list_attachments and short(self.rules.sections.attachment_list).match(line.text.lstrip()):
            self.in_attachment_list = True
            return True
        return False

    def _place(self, cand: Candidate, index: int) -> None:
        kind = cand.rule.kind
        if kind == "appendix":
            self.box = None
            self.body.stack.clear()
            self.body_ids.clear()
            section = self._emit(cand, "appendix", None, 1, cand.label)
            self.appendix = Appendix(section, _appendix_is_table(self.lines, index, self.rules))
        elif self.appendix is not None:
            if kind == "heading" and not self.appendix.is_table:
                self._place_heading(cand, self.appendix.outline, self.appendix.ids, self.appendix.section_index)
        elif kind == "box":
            self._open_box(cand)
        elif self.box is not None and belongs_to_box(cand, self.box, self.body):
            self.box.outline.place(cand)
            self.box.text_since_heading = cand.run_in
        else:
            self.box = None
            self._place_heading(cand, self.body, self.body_ids, None)

    def _open_box(self, cand: Candidate) -> None:
        box = self.box
        if box and self.sections[box.section_index].style == cand.rule.style and box.label == cand.label:
            return  # the caption repeated above its table
        parent = self.body_ids[-1] if self.body_ids else None
        holder = self.sections[parent] if parent is not None else None
        section = self._emit(cand, kind="box", parent=parent, level=holder.level + 1 if holder else 1,
                             section_id=cand.label, depth=(holder.depth if holder else 0) + 1)
        self.box = Box(section, cand.label)

    def _place_heading(self, cand: Candidate, outline: Outline, ids: list[int], root: int | None) -> None:
        depth, previous, last_before = outline.place(cand)
        del ids[depth:]
        parent = ids[-1] if ids else root
        n = self.child_count[parent] = self.child_count.get(parent, 0) + 1
        if parent is None:
            ids.append(self._emit(cand, "heading", None, cand.rule.level or 1, str(n)))
        else:
            holder = self.sections[parent]
            ids.append(self._emit(cand, "heading", parent, official_level(cand.rule, holder, self.rule_of),
                                  f"{holder.id}.{n}", holder.depth + 1))
        if cand.number is not None:
            problem = numbering_problem(cand, previous, last_before)
            if problem is not None:
                self.numbering.add(problem, cand)

    def _unique(self, section_id: str) -> str:
        candidate, n = section_id, 2
        while candidate in self.used_ids:
            candidate, n = f"{section_id}#{n}", n + 1
        self.used_ids.add(candidate)
        return candidate

    def _emit(self, cand: Candidate, kind: str, parent: int | None, level: int, section_id: str,
              depth: int = 1) -> int:
        if section_id in self.used_ids:
            section_id = self._unique(section_id)
        else:
            self.used_ids.add(section_id)
        sections = self.sections
        marker_start, marker_end, title_start, title_end = cand.marker_start, cand.marker_end, cand.title_start, cand.title_end
        rule = cand.rule
        sections.append(_new_section(
            id=section_id,
            level=level,
            marker=sys.intern(self.norm.source[marker_start:marker_end].strip()),  # ("（一）" a hundred times)
            title=self.norm.clean(title_start, title_end),
            line=cand.file_line,
            span=(marker_start, title_end if title_end >= marker_end else marker_end),
            parent=sections[parent].id if parent is not None else None,
            kind=kind,  # type: ignore[arg-type]
            style=rule.style,
            number=cand.number,
            title_span=(title_start, title_end),
            body_start=cand.body_start,
            end=self.text_end,
            rule=rule.id,
            depth=depth,
        ))
        return len(sections) - 1


def _appendix_is_table(lines: list[Line], start: int, rules: RuleSet) -> bool:
    """Does the appendix starting after line index ``start`` hold a table?

    Yes if a tab-separated row comes soon, or a run of short cell-like lines
    (a header flattened one cell per line) with a header word.
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
        if is_table_row(line.text):
            return True
        if len(text) <= _HEADER_CELL_CHARS and not _SENTENCE_END.search(text) and not FIELD_WITH_VALUE.search(text):
            run.append(text)  # (…not a field's label with its value: "牵头单位：省农业农村厅", a task's block of fields)
            if len(run) >= _HEADER_CELLS and any(rules.tables.header_words.search(cell) for cell in run):
                return True
        else:
            run = []
    return False


def _ancestors(section: Section, by_id: dict[str, Section]) -> set[str]:
    ancestors: set[str] = set()
    parent = section.parent
    while parent is not None and parent not in ancestors:
        ancestors.add(parent)
        holder = by_id.get(parent)
        parent = holder.parent if holder is not None else None
    return ancestors


def with_ends(sections: list[Section], text_end: int) -> list[Section]:
    """A section ends where the next section that is not inside it begins.

    The open sections form a chain of ancestors; each new section closes
    those of the chain that are not its ancestors (linear in the plan's
    sections). The sections have not left the reader yet, so their ``end``
    is set in place instead of copying each of them."""
    set_end = Section.__dict__["end"].__set__  # (the slot itself: the sections are not out yet)
    by_id: dict[str, Section] | None = None
    open_chain: list[Section] = []
    for section in sections:
        start = section.span[0]
        parent = section.parent
        # each open section is an ancestor of those above it: when the parent
        # is open, those above it are closed (a top-level section closes all)
        at = len(open_chain) - 1
        while at >= 0 and open_chain[at].id != parent:
            at -= 1
        if at < 0 and parent is not None:  # (the parent is closed: by ancestry)
            by_id = by_id or {s.id: s for s in sections}
            ancestors = _ancestors(section, by_id)
            while open_chain and open_chain[-1].id not in ancestors:
                set_end(open_chain.pop(), start)
        else:
            while len(open_chain) > at + 1:
                set_end(open_chain.pop(), start)
        open_chain.append(section)
    for section in open_chain:
        set_end(section, text_end)
    return sections
