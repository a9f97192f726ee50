"""Finding clauses in a paragraph: in brackets, after labels, as sentences of their own, in prose."""

from __future__ import annotations

import bisect

import functools
from dataclasses import dataclass, replace as _replace

import regex

from policyx.extract.clauses.grammar import ClauseContext, ParsedClause, parse_clause
from policyx.extract.clauses.marks import bracket_chars, labels, positions
from policyx.extract.clauses.duties import duty_clauses
from policyx.extract.clauses.phrases import sentence_clauses
from policyx.extract.clauses.units import _office
from policyx.model import Clause, DepartmentRef, copier
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry
from policyx.text import twins
from policyx.text.spans import Spans
from policyx.text.sentences import SENTENCE_END as _SENTENCE_END
from policyx.text.stored_patterns import compiled

# The longest stretch read as one clause when its end is not marked (a closer
# with no opener, an opener with no closer, a label with no full stop after
# it): the longest clause of every plan here is under 300 characters. A
# bound keeps a text of nothing but brackets or labels linear.
MAX_CLAUSE_CHARS = 600
MAX_LABEL_FAILURES = 4


@dataclass(frozen=True, slots=True)
class FoundClause:
    start: int  # absolute, the opening bracket (or where the clause starts)
    end: int  # absolute, after the closing bracket
    inner_start: int
    inner_end: int
    parsed: ParsedClause
    closed: bool
    form: str  # bracket | labelled | sentence | prose | phrase | duty
    rule: str = ""


def merge(a: FoundClause, b: FoundClause) -> FoundClause:
    """Clause lines after a clause: one clause of the two."""
    parsed = _replace(a.parsed, lead=[*a.parsed.lead, *b.parsed.lead],
                     participants=[*a.parsed.participants, *b.parsed.participants],
                     implementers=[*a.parsed.implementers, *b.parsed.implementers],
                     standing=[*a.parsed.standing, *b.parsed.standing])
    return _replace(a, end=b.end, inner_end=b.inner_end, parsed=parsed, closed=a.closed and b.closed)


def with_units_of(clause: FoundClause, others: list[FoundClause]) -> FoundClause:
    """``clause`` with the departments of ``others`` added, its own words kept as the clause's."""
    return _replace(functools.reduce(merge, others, clause), end=clause.end, inner_end=clause.inner_end)


def _has_role(text: str, rules: ResponsibilityRules) -> bool:
    return bool(twins.search(rules.role_pattern, text) or twins.search(rules.label_pattern, text))


class _Taken:
    """The spans of the clauses found so far, asked whether a stretch shares a character with one: a
    bisection while they are disjoint (as clauses are), a scan of them all once two are not (a paragraph
    of thousands of clauses is read in linear time)."""

    __slots__ = ("starts", "ends", "spans", "disjoint")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.spans: list[tuple[int, int]] = []
        self.disjoint = True

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if not self.disjoint:
            return
        i = bisect.bisect_left(self.starts, start)
        if end <= start or i and self.ends[i - 1] > start or i < len(self.starts) and self.starts[i] < end:
            self.disjoint = False
        else:
            self.starts.insert(i, start)
            self.ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        if self.disjoint:
            i = bisect.bisect_left(self.starts, end) - 1
            return i >= 0 and self.ends[i] > start
        return any(a < end and start < b for a, b in self.spans)


class _Finder:
    """Collects the clauses of one paragraph (working-copy text at ``offset``)."""

    def __init__(self, text: str, offset: int, registry, rules: ResponsibilityRules, context: ClauseContext | None,
                 first_role: int | None, label_spans: list[tuple[int, int]]):
        self.text, self.offset, self.registry, self.rules, self.context = text, offset, registry, rules, context
        self.first_role = first_role  # where the first role word starts (None: the text holds none)
        self.label_spans = label_spans  # label_pattern's matches
        self.found: list[FoundClause] = []
        self.taken = _Taken()  # (their spans in ``text``)
        self._failures, self._since = 0, 0

    def covered(self, start: int, end: int) -> bool:
        return self.taken.overlaps(start, end)

    def keep(self, found: FoundClause) -> None:
        self.found.append(found)
        self.taken.add(found.start - self.offset, found.end - self.offset)

    def attempt(self, start: int, end: int, inner_start: int, inner_end: int, closed: bool, form: str, rule: str) -> bool:
        inner = self.text[inner_start:inner_end]
        if not _has_role(inner, self.rules) or form == "bracket" and self.rules.bracket_note is not None \
                and self.rules.bracket_note.match(inner):
            return False  # (…nor a note in brackets, "（注：…按职责分工抓好配合落实。）")
        parsed = parse_clause(inner, self.offset + inner_start, self.registry, self.rules, self.context, rule)
        if parsed is None:
            return False
        o = self.offset
        self.keep(FoundClause(o + start, o + end, o + inner_start, o + inner_end, parsed, closed, form, rule))
        return True

    def brackets(self) -> None:
        """Paired with a stack; a closer with no opener takes the text back to
        the previous sentence end ("…技术改造。经信委、环保局牵头,发改委负责)"),
        an opener with no closer takes the text up to the next bracket or the end."""
        text, rules = self.text, self.rules
        stack: list[tuple[str, int]] = []
        self._failures, self._since = 0, 0  # closers with no opener read as no clause, in a row
        brackets = twins.short(rules.bracket_pattern)  # (a set of characters: re scans it twice as fast)
        chars = bracket_chars(rules)
        for i in [m.start() for m in brackets.finditer(text)] if chars is None else positions(text, chars):
            ch = text[i]
            if ch in rules.opener_to_closer:
                stack.append((ch, i))
            elif ch in rules.closer_to_opener:
                opener = rules.closer_to_opener[ch]
                if stack and stack[-1][0] == opener:
                    _, start = stack.pop()
                    if not stack:
                        self.attempt(start, i + 1, start + 1, i, True, "bracket", "clause.bracket")
                elif not stack:
                    self._unopened(i)
        for _, start in stack[:1]:
            after = brackets.search(text, start + 1, start + 1 + MAX_CLAUSE_CHARS)
            end = after.start() if after else min(len(text.rstrip()), start + 1 + MAX_CLAUSE_CHARS)
            self.attempt(start, end, start + 1, end, False, "bracket", "clause.bracket_unclosed")

    def _unopened(self, i: int) -> None:
        """A closer with no opener: the text back to the sentence's start is
        its clause. After a few that read as nothing in one sentence, the
        rest of that sentence's closers are not tried (a run of closers)."""
        text = self.text
        if self._failures >= MAX_LABEL_FAILURES:
            passed = any(p in text[self._since:i] for p in _SENTENCE_END)
            self._since = i
            if not passed:
                return
            self._failures = 0
        limit = max(0, i - MAX_CLAUSE_CHARS)
        back = max((text.rfind(p, limit, i) for p in _SENTENCE_END), default=limit - 1)
        inner_start = max(back + 1, limit)
        while inner_start < i and text[inner_start].isspace():
            inner_start += 1
        if not self.found or self.found[-1].end - self.offset <= inner_start:
            found = self.attempt(inner_start, i + 1, inner_start, i, False, "bracket", "clause.bracket_unopened")
            self._failures = 0 if found else self._failures + 1
            self._since = i

    def labels(self) -> None:
        """Labelled units outside brackets ("牵头单位：X；配合单位：Y"), up to the
        end of their sentence."""
        text = self.text
        position = 0
        failures = 0  # labels in a row that read as no clause: after a few, the rest of the stretch is skipped
        for label_start, label_end in self.label_spans:
            if label_start < position or self.covered(label_start, label_end):
                continue
            stop = text.find("。", label_end, label_end + MAX_CLAUSE_CHARS)
            end = stop if stop != -1 else min(len(text.rstrip()), label_end + MAX_CLAUSE_CHARS)
            while stop != -1 and (field := self.rules.label_stop.match(text, stop)) and self.rules.time_field.search(field.group()):
                # its other fields, each a sentence of its own ("责任单位：…各街道办事处。完成时限：2025年12月底前。")
                stop = text.find("。", stop + 1, stop + 1 + MAX_CLAUSE_CHARS)
                end = stop if stop != -1 else min(len(text.rstrip()), end + 1 + MAX_CLAUSE_CHARS)
            if self.attempt(label_start, end + (1 if stop != -1 else 0), label_start, end, True, "labelled", "clause.labelled"):
                position, failures = end, 0
            else:
                failures += 1
                if failures >= MAX_LABEL_FAILURES:  # a clause has a few labels, not a run of them
                    position, failures = end, 0

    def sentences(self) -> None:
        """"各县（市）人民政府负责。" written as a sentence of its own: only when it
        ends on a role word and every unit in it names an office."""
        gate = _role_before_stop(self.rules)
        if gate is not None and (self.first_role is None or twins.search(gate, self.text, self.first_role) is None):
            return  # no sentence here ends on a role word (most paragraphs: one cheap search, not every sentence)
        for sentence in _BARE_SENTENCE.finditer(self.text):
            start, end = sentence.span("words")
            if self.covered(start, end):
                continue
            if self.text.startswith("由", start) and end - start > 1:
                start += 1  # ("由各乡镇负责落实。": the units after 由)
            words = self.text[start:end]
            if not self.rules.role_at_end.search(words):
                continue
            parsed = parse_clause(words, self.offset + start, self.registry, self.rules, self.context, "clause.sentence")
            if parsed is None or not all(_office(ref.raw, self.registry) for ref in parsed.refs()):
                continue
            if parsed.duties:
                continue  # (words of a sentence before its duty, its phrases read them: "第七条　市住房城乡建设局负责推进…")
            o = self.offset
            self.keep(FoundClause(o + start, o + sentence.end(), o + start, o + end, parsed, True, "sentence", "clause.sentence"))

    def prose(self) -> None:
        """Attributions inside a sentence: "成立由省科技部门牵头，省财政…参加的联席会议"."""
        for rule in self.rules.prose:
            for match in rule.pattern.finditer(self.text):
                start, end = match.span("clause")
                if self.covered(match.start(), match.end()):
                    continue
                self.attempt(match.start(), end, start, end, True, "prose", rule.id)

    def phrases(self) -> None:
        """Units with their role word as phrases of a sentence (:mod:`.phrases`)."""
        if self.first_role is None:
            return
        taken = Spans((c.start - self.offset, c.end - self.offset) for c in self.found) if self.found else _NONE_TAKEN
        o = self.offset
        for start, end, parsed in sentence_clauses(self.text, o, self.first_role, taken, self.registry, self.rules,
                                                   self.context):
            self.keep(FoundClause(o + start, o + end, o + start, o + end, parsed, True, "phrase",
                                          "clause.phrase"))


# a sentence of its own: after a stop (or at the start), up to the next stop
# (the white space after the stop is bounded: a lookbehind is tried at every position)
_BARE_SENTENCE = compiled(r"(?:(?<=^|[。;；!?！？]\s{0,32}))(?P<words>[^。;；!?！？\n]{2,60}?)[。;；]")
# what role_at_end asks after its role word, as rules/clauses.py writes it
_ROLE_AT_END_TAIL = "(?=[\\s。.;；,，]*$)"
_ROLE_BEFORE_STOP: dict[regex.Pattern, regex.Pattern | None] = {}


def _role_before_stop(rules: ResponsibilityRules) -> regex.Pattern | None:
    """A role word, then only white space, full stops and commas up to the
    stop that ends a bare sentence: a paragraph without one holds no sentence
    that ``role_at_end`` finds (None when role_at_end is not the role words
    and that tail, as rules/clauses.py makes it)."""
    key = rules.role_at_end
    if key not in _ROLE_BEFORE_STOP:
        known = (key.pattern == rules.role_pattern.pattern + _ROLE_AT_END_TAIL
                 and key.flags == rules.role_pattern.flags)
        _ROLE_BEFORE_STOP[key] = compiled(rules.role_pattern.pattern + r"[\s.,，]*+[。;；]",
                                               rules.role_pattern.flags) if known else None
    return _ROLE_BEFORE_STOP[key]


_NONE_TAKEN = Spans(())


def standing_statement(text: str, start: int, end: int, registry: DepartmentRegistry,
                       rules: ResponsibilityRules) -> list[DepartmentRef]:
    """The units a paragraph that is only a standing clause hands every
    later task ("以下各项任务均需各市（州）人民政府落实，不再列出。"), else none."""
    words_end = end
    while words_end > start and text[words_end - 1] in _AROUND_STATEMENT:
        words_end -= 1
    last = text.rfind("。", start, words_end)
    # (the paragraph is the statement, or its last sentence is: "…现将《…方案》印发给你们，请认真组织实施。各县（市、区）
    # 市场监管局负责本辖区各项任务的具体落实，方案中不再逐项列出。", city-plan-saved-as-html-with-table-2026)
    for first in dict.fromkeys((start, last + 1 if last >= start else start)):
        while first < end and text[first] in _AROUND_STATEMENT:
            first += 1
        for pattern in rules.standing:
            m = pattern.match(text, first, end)  # (tried at those two places only)
            if m is None or text[m.end():end].strip(_AROUND_STATEMENT):
                continue
            parsed = parse_clause(text[m.start():m.end()], m.start(), registry, rules, None, "clause.standing")
            if parsed is not None and parsed.empty() and parsed.standing:
                return parsed.standing
    return []


_AROUND_STATEMENT = " \t\r\n。.，,；;（）()"


def find_clauses(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
    context: ClauseContext | None = None,
) -> list[FoundClause]:
    """All responsibility clauses in a stretch of working-copy text, in order."""
    role = twins.search(rules.role_pattern, text)
    found_labels = labels(text, rules)
    if found_labels is None:  # (a label pattern of another form than marks.labels reads)
        found_labels = [m.span() for m in twins.finditer(rules.label_pattern, text)]
    if role is None and not found_labels:
        return []  # every form of clause holds a role word or a label: none here
    finder = _Finder(text, offset, registry, rules, context, None if role is None else role.start(), found_labels)
    finder.brackets()
    finder.labels()
    finder.sentences()
    finder.prose()
    finder.phrases()
    return sorted(finder.found, key=lambda c: c.start)


# clauses written as phrases of a sentence, with a role word or a modal: a paragraph holds one a sentence
PHRASE_FORMS = frozenset({"phrase", "duty"})
# …and 由…牵头 prose: the clauses that are words of a sentence, neither heading nor closing a unit
SENTENCE_FORMS = PHRASE_FORMS | {"prose"}


def find_duties(text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
                context: ClauseContext | None = None, taken: Spans = _NONE_TAKEN, *,
                labelled_only: bool = False) -> list[FoundClause]:
    """Duties opening the sentences of a stretch (:mod:`.duties`) that lie outside ``taken`` (absolute spans)
    (``labelled_only``: only those after an office's name and a colon, "市财政局：负责…")."""
    return [FoundClause(offset + start, offset + end, offset + start, offset + end, parsed, True, "duty", "clause.duty")
            for start, end, parsed in duty_clauses(text, offset, registry, rules, context, labelled_only)
            if not taken.overlaps(offset + start, offset + end)]


def as_written(refs: list[DepartmentRef], source, rule: str = "") -> tuple[DepartmentRef, ...]:
    """The refs with ``raw`` taken from the original text (they were read on
    the working copy), and the rule that read them."""
    out = []
    for r in refs:
        raw, read_by = source[r.span[0]:r.span[1]], rule or r.rule
        out.append(r if r.raw == raw and r.rule == read_by else _with_raw_rule(r, raw, read_by))
    return tuple(out)


_with_raw_rule = copier(DepartmentRef, "raw", "rule")


def to_clause(found: FoundClause, source, line: int, *, nested: bool = False, sentence_span=None) -> Clause:
    """The model's Clause, with every ``raw`` taken from the original text."""
    return Clause(
        text=source[found.start:found.end],
        span=(found.start, found.end),
        line=line,
        lead=as_written(found.parsed.lead, source, found.rule),
        participants=as_written(found.parsed.participants, source, found.rule),
        implementers=as_written(found.parsed.implementers, source, found.rule),
        standing=as_written(found.parsed.standing, source, found.rule),
        closed=found.closed,
        form=found.form,
        nested=nested,
        sentence_span=sentence_span,
        rule=found.rule,
    )
