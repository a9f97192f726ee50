"""The plan's paragraphs, the section each opens, and the clauses in each."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from policyx.extract.tasks.fields import EDGE, IS_WORD, OPENS_LABEL, fields_only, has_words
from policyx.extract.tasks.blocks import hand_block_clauses, hand_closing_blocks, hand_down_same, hand_forward_clauses, hand_heading_clauses, hand_part_clauses
from policyx.extract.tasks.divisions import hand_divided_clauses
from policyx.extract.tasks.duty_sentences import add_duties
from policyx.extract.tasks.plan_notes import noted_for_the_plan
from policyx.extract.clauses import BARE_LIST_RULE, ClauseContext, FoundClause, bare_list, find_clauses, parse_clause, plan_context, standing_statement
from policyx.model import DepartmentRef, Section, maker
from policyx.rules import RuleSet
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.tasks import TaskRules
from policyx.text.presence import first_chars_search
from policyx.text.normalize import Normalized, comparable
from policyx.text.spans import Spans
from policyx.text.sentences import (
    BRACKET_CLOSERS, BRACKET_OPENERS, COMMA, SENTENCE_END, SENTENCE_STOP, STRONG_END, commas, ends_sentence, find_end, first_sentence,
)
from policyx.text.stored_patterns import compiled
from policyx.text.warm import may_hold_words

_QUOTED = compiled(r"“[^“”]*+”|\"[^\"]*+\"")  # an unclosed “ stops at the next one
_STOP = SENTENCE_STOP
_STOP_OR_COLON = compiled(f"[{regex.escape(SENTENCE_END)}:]")
# a line broken by a PDF copy is at least this long ("…从源头防" / "止生态破坏。")
_BROKEN_LINE_MIN = 25


def skip_edge(text: str, position: int, end: int) -> int:
    """The first offset from ``position`` that is not white space or punctuation."""
    while position < end and text[position] in EDGE:
        position += 1
    return position


def lead_in_title(text: str, rules: TaskRules) -> tuple[int, int] | None:
    """The span of a lead-in title sentence at the start of ``text``, or None.

    >>> from policyx.rules import load_rules
    >>> lead_in_title("取缔“十小”企业。2016年底前，各级人民政府要全面排查。", load_rules().tasks)
    (0, 8)
    """
    start, stop = first_sentence(text, 0, len(text))
    if stop >= len(text.rstrip()) or text[stop:stop + 1] not in STRONG_END + ";":
        return None
    sentence = text[start:stop]
    if not sentence or len(sentence) > rules.title_max:
        return None
    unquoted = _QUOTED.sub(_blanked, sentence) if "“" in sentence or '"' in sentence else sentence
    n = commas(unquoted, 0, len(sentence))
    if n > 1 or (n == 1 and len(sentence) > rules.title_max_with_comma):
        return None
    if rules.title_forbidden.search(sentence) or rules.title_bad_start.search(sentence):
        return None
    if n == 1:
        # "狠抓工业污染防治，2016年底前取缔“十小”企业": the words after a comma
        # that open with a time or a subject are the task's body
        comma = find_end(sentence, 0, len(sentence), COMMA)
        if rules.title_bad_start.search(sentence[comma + 1:].lstrip()):
            return start, start + comma
    return start, stop


def _blanked(quote: regex.Match) -> str:
    """A quotation as long, without its commas."""
    return "x" * len(quote.group(0))


def lead_in_at(text: str, start: int, end: int, rules: TaskRules) -> tuple[int, int] | None:
    """:func:`lead_in_title` of ``text[start:end]``, as absolute offsets."""
    span = lead_in_title(text[start:end], rules)
    return (start + span[0], start + span[1]) if span else None


def holds_no_tasks(title: str, rules: TaskRules, kinds: regex.Pattern) -> bool:
    """A heading such as "发展基础" or "面临的形势与挑战" (its last words), not one
    that opens with a task's verb ("着力解决群众反映强烈的问题")."""
    return _holds_no_tasks(title, rules.task_verbs, kinds)


@functools.lru_cache(maxsize=4096)  # many headings share a title ("（一）工作目标"), and it is asked twice
def _holds_no_tasks(title: str, task_verbs: regex.Pattern, kinds: regex.Pattern) -> bool:
    words = comparable(title).strip().rstrip("。.:：;；")
    return bool(kinds.search(words)) and not task_verbs.search(words)


@dataclass(slots=True)
class Paragraph:
    start: int  # first non-space character
    end: int  # after the last non-space character
    heading: Section | None  # the section whose marker opens this paragraph
    clauses: list[FoundClause] | tuple[()] = ()  # (set by find_all_clauses where a paragraph may hold one)
    attribution_only: bool = False  # only clause lines or a person's name
    standing: list[DepartmentRef] | tuple[()] = ()  # a standing clause stated on its own (working-copy spans)
    handed_on: bool = False  # an attribution handed to the items above it ("以上第1—4项任务由…"): no unit's words
    convention: str | None = None  # the convention on lists in force where its clauses were read (find_all_clauses)

    def is_body(self, text: str) -> bool:
        """Words of a plan's body, not a title, a date or a byline: a sentence, or a long line."""
        return bool(_STOP.search(text, self.start, self.end)) or self.end - self.start > 40

    def is_unnumbered_heading(self, text: str, rules: TaskRules) -> bool:
        """A short line of words with no stop that is not a date or a document's title."""
        words = text[self.start:self.end].strip()
        return 4 <= len(words) <= 30 and has_words(words, 0, len(words)) and not rules.date_line.match(words) \
            and not rules.document_title.search(words) and not _STOP_OR_COLON.search(words)

    def hand_on(self) -> None:
        """Its clauses were handed to the items they attribute: no task, nor an attribution, of its own."""
        self.clauses, self.handed_on, self.attribution_only = [], True, False

    def at_box_item(self, text: str, index: SectionIndex, rules: TaskRules) -> bool:
        """A numbered line of a box's content (专栏's "1.老旧小区改造工程：…"): an item, though no section."""
        return self.heading is None and index.in_box_or_appendix(self.start) \
            and rules.item_number.match(text[self.start:self.end]) is not None

    def closes_itself(self, text: str, rules: RuleSet) -> bool:
        """A schedule's month or quarter alone on its line ("第二季度（4—6月）"), or a paragraph that ends with
        a bracket of labels that name no office ("…（包村领导：各片区包村领导；责任人：各村党组织书记）"): no
        words of the task after it."""
        words = text[self.start:self.end]
        if rules.tasks.schedule_heading.match(words):
            return True
        opening = max(words.rfind("("), words.rfind("（")) if words.endswith((")", "）")) else -1
        return opening != -1 and rules.responsibility.label_pattern.match(words, opening + 1) is not None


_new_paragraph = maker(Paragraph)  # (one a line in a plan of headings: without the class call)


class SectionIndex:
    """Which section holds an offset, and which opens a paragraph."""

    def __init__(self, sections: tuple[Section, ...], text: str) -> None:
        self.text = text
        self.sections = sections
        self.headings = [s for s in sections if s.kind == "heading"]
        self.at_marker = {s.span[0]: s for s in self.headings}
        self.parents = {s.parent for s in sections if s.parent}
        self.outside = Spans((s.span[0], s.end) for s in sections if s.kind in ("box", "appendix"))

    @functools.cached_property
    def by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    @functools.cached_property
    def starts(self) -> list[int]:
        return [s.span[0] for s in self.headings]

    def innermost(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        section = self.headings[i] if i >= 0 else None
        # Sections nest (one ends where the next outside it begins), so a
        # heading holding the offset is the last one before it or its ancestor:
        # climbing parents keeps a plan of many headings linear.
        while section is not None:
            if section.kind == "heading" and section.span[0] <= offset < section.end:
                return section
            section = self.by_id.get(section.parent) if section.parent else None
        return None

    def in_box_or_appendix(self, offset: int) -> bool:
        return offset in self.outside


def paragraphs(norm: Normalized, index: SectionIndex, rules: ResponsibilityRules | None = None) -> list[Paragraph]:
    """The plan's paragraphs: its lines, a line broken by a PDF copy joined
    again ("…从源头防" + "止生态破坏。"), and the field lines under an item
    ("牵头单位：…", "配合单位：…", "完成时限：…", one a line: ``rules``' labels)
    joined into one — and a field line ends its paragraph, though no stop ends it
    ("责任单位：县住建局（牵头）、县自然资源局" over the next item's "● …")."""
    text = norm.text
    out: list[Paragraph] = []
    lines = [ln for ln in norm.lines() if ln.text.strip()]
    at_marker = index.at_marker
    count = len(lines)
    i = 0
    while i < count:
        line = lines[i]
        words = line.text.strip()  # (an offset equal to the line's own is its int: they are all kept)
        if words is line.text:  # (nothing to strip: most lines)
            start, end = line.start, line.end
        else:
            start = line.start if line.text.startswith(words) else line.start + len(line.text) - len(line.text.lstrip())
            end = line.end if line.text.endswith(words) else line.start + len(line.text.rstrip())
        # (a paragraph's tab and its end looked at line by line: a run of thousands of field lines is read in linear time)
        tabbed = "\t" in text[start:end]
        while i + 1 < count and not tabbed and (
                (field := _is_field(text, lines[i], rules)) and _is_field(text, lines[i + 1], rules)
                or end - start >= _BROKEN_LINE_MIN and not ends_sentence(lines[i].text)
                and (not field or _goes_on(text, lines[i], lines[i + 1], rules)) and not _indented_alike(norm.source, lines[i], lines[i + 1])) \
                and _joinable(norm, lines[i], lines[i + 1], index):
            i += 1
            end = lines[i].start + len(lines[i].text.rstrip())
            tabbed = "\t" in lines[i].text
        out.append(_new_paragraph(start, end, at_marker.get(start)))
        i += 1
    return out


def _is_field(text: str, line, rules: ResponsibilityRules | None) -> bool:
    """A short line that opens with a field's label: a unit list's ("牵头单位：") or another's ("完成时限：")."""
    if rules is None or len(line.text) > _FIELD_LINE or ":" not in line.text and "：" not in line.text:
        return False  # (every field's label ends with a colon)
    start = line.start + len(line.text) - len(line.text.lstrip())
    number = _FIELDS_NUMBER.match(text, start, line.end)  # ("2.配合单位：…", the fields numbered under their item)
    start = number.end() if number else start
    break_start = line.start - 2 if text[line.start - 2:line.start] == "\r\n" else line.start - 1  # (the line end before it)
    return (rules.label_pattern.match(text, start, line.end) is not None
            or break_start >= 0 and rules.label_stop.match(text, break_start, line.end) is not None)


_FIELD_LINE = 160  # characters: a longer line is no field's
_FIELDS_NUMBER = compiled(r"[0-9]{1,2}[.、．][ \t]{0,2}")


def _goes_on(text: str, line, following, rules: ResponsibilityRules | None) -> bool:
    """Whether a field line goes on on the next: right below it, opening with
    a word (not indented, no page's number) and with no full stop (a PDF copy
    broke "…、市交通运" / "输局、市教育局") — not after a blank line, at a bullet
    (the next item's "● …", its mark blanked), at the next item's sentence
    ("推行竣工联合验收…一次办结。"), at a clause of its own under the fields
    ("各市、县（区）人民政府负责落实", region-implementation-2022 in tests/data/written)
    or at a label of another field ("整改目标：", "建设内容：")."""
    return text.count("\n", line.end, following.start) == 1 and IS_WORD[following.text[:1]] \
        and not following.text[:1].isascii() and not _STOP.search(following.text) \
        and not (rules is not None and rules.role_at_end.search(following.text)) \
        and not OPENS_LABEL.match(following.text)  # (nor "— 4 —", a page's foot; nor "整改目标：…", a field of its own)





def _joinable(norm: Normalized, line, following, index: SectionIndex) -> bool:
    gap = norm.text[line.end:following.start]
    first = following.start + len(following.text) - len(following.text.lstrip())
    return gap.count("\n") <= 2 and first not in index.at_marker and "\t" not in following.text


def _indented_alike(source, line, following) -> bool:
    """Whether two lines are both indented as a paragraph's first, with ideographic spaces: the second
    opens a paragraph of its own, though the first ends with no stop ("　　10月：…责任站所：农业服务中心、
    综治中心" over "　　11月：完成…"; a PDF copy that broke a paragraph indents its first line only).
    (Spaces where markup was blanked are no indent.)"""
    return source[line.start:line.start + len(_INDENT)] == _INDENT == source[following.start:following.start + len(_INDENT)]


_INDENT = "\u3000\u3000"  # a paragraph's first line, as Chinese text indents it


def find_all_clauses(norm: Normalized, paras: list[Paragraph], rules: RuleSet, *,
                     tables: tuple[tuple[int, int], ...] | None = None) -> bool:
    """Every paragraph's clauses, in document order (a convention stated with
    下同 holds for the clauses after it; one noted on its own, for every clause
    — not one in, under or over a table of tasks (``tables``: their spans), a
    note there is its table's); paragraphs that only attribute — clause lines,
    a leading official's name — are marked. Returns whether the plan's legend says a mark after
    a unit is the lead's ("注：标★的为牵头单位")."""
    context = plan_context(rules)
    text = norm.text
    context.convention = noted_for_the_plan(text, paras, rules, tables or ())
    context.parties = may_hold_words(rules.departments.defined_party, text) and rules.departments.defined_party.search(text) is not None
    legend = rules.responsibility.lead_mark_legend
    context.lead_marks = may_hold_words(legend, text) and legend.search(text) is not None
    standing = bool(rules.responsibility.standing)  # (each tried at a paragraph's start only: no search of the whole text)
    person_start = _person_start(tuple(w for w, kind in rules.responsibility.label_of.items() if kind in ("person", "supervisor")))
    # where a role word or a label can stand: a paragraph with no such place holds no clause
    places = first_chars_search((rules.requires.get("clause.role", ()), rules.requires.get("clause.label", ())))
    for para in paras:
        if places is None or places.search(text, para.start, para.end):
            para.clauses = find_clauses(text[para.start:para.end], para.start, rules.departments, rules.responsibility,
                                        context)
        if not para.clauses and para.heading is not None:  # (a bracket of offices may close a numbered item)
            bare = bare_list(text, para.start, para.end, rules.departments, rules.responsibility, context)
            para.clauses = [bare] if bare is not None else []
        para.convention = context.convention
        if para.heading is not None:
            continue
        if standing and all(c.form == "phrase" for c in para.clauses):
            # ("以下各项任务均由各市（州）人民政府负责落实，不再列出。": a statement, not a phrase's clause)
            para.standing = standing_statement(text, para.start, para.end, rules.departments, rules.responsibility)
            if para.standing:
                para.clauses = []
        whole = bool(para.clauses) and not has_words(text, para.start, para.clauses[0].start) and (
            sum(c.end - c.start for c in para.clauses) >= len(text[para.start:para.end].strip(EDGE)) * 0.9
            or fields_only(text, para.clauses[-1].end, para.end))
        if whole or (person_start is not None and person_start.match(text, para.start, para.end)):
            para.attribution_only = True
    _without_lone_bare_lists(paras, context)
    hand_block_clauses(text, paras, rules)
    hand_closing_blocks(text, paras, rules)
    hand_heading_clauses(text, paras)
    hand_part_clauses(text, paras, rules)
    hand_forward_clauses(text, paras)
    hand_down_same(text, paras, rules)
    hand_divided_clauses(text, paras, rules)
    add_duties(text, paras, rules, context)
    return context.lead_marks


def _without_lone_bare_lists(paras: list[Paragraph], context) -> None:
    """A bracket of offices alone at an item's end is a clause in a plan that attributes its items (other
    clauses, a convention such as 列第一位者为牵头单位, or several such brackets); one or two in a plan that
    names no one else are asides ("（七）做好电力保障。…。（市发展改革委）" among six items of no office: not the
    sign of a plan whose other items left their attribution out)."""
    bare = [p for p in paras if p.clauses and p.clauses[0].rule == BARE_LIST_RULE]
    if not bare or context.convention or len(bare) >= _FEW_BARE_LISTS \
            or any(p.clauses and p.clauses[0].rule != BARE_LIST_RULE for p in paras):
        return
    for para in bare:
        para.clauses = []


_FEW_BARE_LISTS = 3


@functools.lru_cache(maxsize=16)  # (made once for the rules, not once a plan)
def _person_start(person: tuple[str, ...]) -> regex.Pattern | None:
    """A paragraph opening with a person's label ("牵头负责领导：")."""
    return (compiled(r"\s*(?:" + "|".join(regex.escape(w) for w in sorted(person, key=len, reverse=True))
                          + r")\s*[:：]") if person else None)


def attribution_blocks(norm: Normalized, paras: list[Paragraph], rules: RuleSet,
                       marks: bool = False) -> dict[int, tuple[int, FoundClause | None]]:
    """Runs of attribution-only paragraphs, each read as one clause: ``{index of
    the first paragraph: (index of the last, clause)}``; the clause is None
    when the run names nobody. ``marks``: the plan's legend says a mark after a
    unit is the lead's (as :func:`find_all_clauses` found)."""
    out: dict[int, tuple[int, FoundClause | None]] = {}
    i = 0
    while i < len(paras):
        if not paras[i].attribution_only:
            i += 1
            continue
        j = i
        while j + 1 < len(paras) and paras[j + 1].attribution_only:
            j += 1
        start, end = paras[i].start, paras[j].end
        inner_start, inner_end = _inside_brackets(norm.text, start, end)
        # (under the convention in force there: "责任单位：县委宣传部、县融媒体中心" under a note that the first leads)
        in_force = ClauseContext(convention=paras[i].convention, lead_marks=marks) if paras[i].convention or marks else None
        parsed = parse_clause(_lines_parted(norm.text[inner_start:inner_end], rules.responsibility), inner_start,
                              rules.departments, rules.responsibility, in_force)
        clause = FoundClause(start, end, inner_start, inner_end, parsed, True, "labelled",
                             "clause.labelled_lines") if parsed else None
        out[i] = (j, clause)
        i = j + 1
    return out


def _lines_parted(text: str, rules: ResponsibilityRules) -> str:
    """The lines of a run of clause lines, each that holds a role word or a label
    parted from the one before it by a "；" in place of its line end (the same
    length: spans stay): "配合单位：…、自治区总工会" over "各市、县（区）人民政府负责落实"
    are two phrases (region-implementation-2022 in tests/data/written); a line a
    PDF copy broke a name at ("…市交通运" over "输局、市教育局") stays joined."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    parted = [lines[0]]
    for line in lines[1:]:
        own = rules.role_pattern.search(line) is not None or rules.label_pattern.search(line) is not None
        parted.append(("；" if own else "\n") + line)
    return "".join(parted)


def _inside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """The span inside the brackets a run of clause lines stands in ("（牵头单位：…；完成时限：…）"
    on a line of its own, under the item it attributes), or the run's own."""
    if end - start > 2 and text[start] in BRACKET_OPENERS and text[end - 1] in BRACKET_CLOSERS:
        return start + 1, end - 1
    return start, end


def after_introduction(text: str, start: int, end: int, rules) -> int:
    """Where the task of a paragraph that introduces its measure starts ("…的通知。通知指出:大力推动
    清洁能源采暖。…"): after the colon, where a lead-in does; else ``start``."""
    colon = find_end(text, start, end, ":")
    if colon < end and lead_in_at(text, colon + 1, end, rules):
        return skip_edge(text, colon + 1, end)
    return start
