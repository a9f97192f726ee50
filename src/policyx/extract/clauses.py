"""Responsibility clauses: finding them in the text and reading who leads, who
takes part and who carries the task out.

The grammar (vocabulary in ``rules/responsibility.yaml``): a clause is a run of
phrases separated by ，；。 outside brackets. A phrase is a list of units closed
by a role word ("自治区经信委、环保厅牵头") or opened by a label ("牵头单位：市环保局").
A phrase with neither takes the role of the label before it or, failing one,
of the next role word ("(省A、省B,各市政府负责)"). Then:

* 牵头 and lead labels name the leads; 配合/参与/协同 the participants;
  负责落实/具体落实 the implementers;
* a plain 负责 names the leads, or after a 牵头 the participants; a 责任单位
  label names the leads, or beside a 牵头单位 the implementers;
* local governments (各县市人民政府, 管委会, 各地区) named anywhere but in a 牵头
  list carry the task out: implementers;
* "列第一位者为牵头部门" makes the first unit the lead and the others
  participants — for later clauses too when it says 下同;
* "以下均需各级人民政府落实，不再列出" makes its units implementers of this and
  every later task;
* a person (牵头负责领导：张三) is never a unit, and a time or a state of work
  written in the clause ("6月底完成", "持续推进") is not one either.

Units are separated by 、，,；; (never inside brackets: "各县（市、区）人民政府"
is one unit) and by 和/及/与 when both sides name offices; a place name
before a shared office ("各县、市、区政府", "滁州经开区、中新苏滁高新区管委会")
stays with it. A level prefix written once ("自治区经信委、环保厅") applies to
the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from policyx.model import Clause, DepartmentRef
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry

_SENTENCE_END = "。;!?"
# "A、B等国务院相关部门" and "市司法局等有关部门": what follows 等 is no unit
_ETC_TAIL = regex.compile(r"(?<![高平同中上下初优])等[^、,，;；]{0,16}$")
_DIGIT = regex.compile(r"[0-9]")


@dataclass(slots=True)
class ParsedClause:
    lead: list[DepartmentRef] = field(default_factory=list)
    participants: list[DepartmentRef] = field(default_factory=list)
    implementers: list[DepartmentRef] = field(default_factory=list)
    standing: list[DepartmentRef] = field(default_factory=list)
    convention: str | None = None  # first_is_lead | all_lead, stated here
    carries: bool = False  # …for later clauses too (下同)
    notes: list[tuple[int, int]] = field(default_factory=list)  # absolute spans of time/state phrases

    def add(self, role: str, refs: list[DepartmentRef]) -> None:
        {"lead": self.lead, "participant": self.participants, "implementer": self.implementers}[role].extend(refs)

    def empty(self) -> bool:
        return not (self.lead or self.participants or self.implementers)

    def refs(self) -> list[DepartmentRef]:
        return [*self.lead, *self.participants, *self.implementers, *self.standing]


@dataclass(slots=True)
class ClauseContext:
    """What earlier clauses of a plan say about later ones: a convention
    carried forward with 下同."""

    convention: str | None = None


# -- units ----------------------------------------------------------------------------


def _pieces(text: str, separators: regex.Pattern, rules: ResponsibilityRules) -> list[tuple[int, int, str]]:
    """``(start, end, separator after)`` of the parts of ``text`` between
    separators that stand outside brackets."""
    pieces = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in rules.opener_to_closer:
            depth += 1
        elif ch in rules.closer_to_opener:
            depth = max(0, depth - 1)
        elif depth == 0 and separators.match(ch):
            pieces.append((start, i, ch))
            start = i + 1
    pieces.append((start, len(text), ""))
    return pieces


def _office(name: str, registry: DepartmentRegistry) -> bool:
    ref = registry.resolve(name)
    return ref.known or registry.looks_like_office(ref.name) or registry.is_government(ref.name)


def _split_conjunction(piece: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> list[tuple[str, int]]:
    """Split at 和/及/与 only when every part names an office: "各县市人民政府和
    园区管委会" is two, "住房和城乡建设局" and "发展和改革委员会" are one."""
    if registry.lookup(piece) is not None or registry.lookup(registry.split_prefix(piece)[2]) is not None:
        return [(piece, offset)]
    for match in rules.conjunctions.finditer(piece):
        left, right = piece[: match.start()], piece[match.end():]
        if _office(left, registry) and _office(right, registry):
            return [(left, offset), *_split_conjunction(right, offset + match.end(), registry, rules)]
    return [(piece, offset)]


def _strip_etc(unit: str) -> str:
    """"市司法局等有关部门" → "市司法局"; a lone "等" is nothing."""
    match = _ETC_TAIL.search(unit)
    if match:
        unit = unit[: match.start()]
    return unit.rstrip()


_GENERIC_GROUP = regex.compile(r"^(?:各|相关|有关|其他|其它)")
_PLACE_ENDING = regex.compile(r"(?:省|市|县|区|州|旗|镇|乡|盟|地区|新区|园区)$|^[^委局厅办部院会署联行司处科队站所室组社馆]{1,3}$")


def _shares_suffix(piece: str, registry: DepartmentRegistry) -> bool:
    """A place before a shared office: "各县" in "各县、市、区政府", "滁州经开区"
    in "滁州经开区、中新苏滁高新区管委会", "石家庄" in "石家庄、邢台、廊坊市政府"."""
    if not 0 < len(piece) <= 10 or _DIGIT.search(piece) or registry.lookup(piece) is not None:
        return False
    _, _, rest = registry.split_prefix(piece)
    return registry.lookup(rest) is None and bool(_PLACE_ENDING.search(piece))


def split_units(text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> list[tuple[str, int]]:
    """Units of a list as ``(text, absolute start)``: "发改委、国土资源厅等" → two."""
    parts: list[tuple[str, int, str]] = []
    for start, end, separator in _pieces(text, rules.separators, rules):
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead_ws = len(piece) - len(piece.lstrip())
        found = _split_conjunction(stripped, offset + start + lead_ws, registry, rules)
        for i, (unit, at) in enumerate(found):
            parts.append((unit, at, separator if i == len(found) - 1 else "和"))
    units: list[tuple[str, int]] = []
    pending: tuple[str, int] | None = None
    for unit, at, separator in parts:
        unit = _strip_etc(unit)
        if not unit:
            continue
        piece_alone = unit
        if pending is not None:
            if _GENERIC_GROUP.match(unit):
                # "崇川经济开发区、各街道": a group of units shares nothing with the place before it
                units.append(pending)
            else:
                unit, at = text[pending[1] - offset:at - offset] + unit, pending[1]
            pending = None
        if separator == "、" and _shares_suffix(piece_alone, registry):
            pending = (unit, at)
            continue
        units.append((unit, at))
    if pending is not None:
        units.append(pending)
    return units


def resolve_units(
    items: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules, prefix: str
) -> tuple[list[DepartmentRef], str]:
    """DepartmentRefs for a list of units, a level prefix written once carried
    along ("自治区经信委、环保厅"). Returns the refs and the prefix in force."""
    refs = []
    for unit, start in split_units(items, offset, registry, rules):
        if not unit.strip(" ,，、;；:："):
            continue
        own_prefix, _, rest = registry.split_prefix(unit)
        if own_prefix and (registry.lookup(rest) is not None or len(own_prefix) > 1):
            prefix = own_prefix
        government = registry.is_government(registry.resolve(unit).name)
        refs.append(registry.resolve(unit, inherited_prefix="" if government else prefix, span=(start, start + len(unit))))
    return refs, prefix


# -- the grammar of a clause ------------------------------------------------------------


@dataclass(slots=True)
class _Phrase:
    kind: str | None  # lead | participant | implementer | responsible | person | None (pending)
    by_label: bool
    refs: list[DepartmentRef]


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _cut_standing(core: str, offset: int, registry, rules, parsed: ParsedClause) -> str:
    for pattern in rules.standing:
        standing = pattern.search(core)
        if standing:
            units = split_units(standing.group("units"), offset + standing.start("units"), registry, rules)
            parsed.standing = [registry.resolve(u, span=(s, s + len(u))) for u, s in units]
            return core[: standing.start()]
    return core


def _cut_conventions(core: str, rules: ResponsibilityRules, parsed: ParsedClause) -> str:
    for convention in rules.conventions:
        match = convention.pattern.search(core)
        if match:
            parsed.convention = convention.effect
            end = match.end()
            carry = rules.carry_forward.match(core, end)
            if carry:
                parsed.carries = True
                end = carry.end()
            core = _blank(core, match.start(), end)
    carry = regex.search(r"[,，;；。]\s*下同\s*$", core)
    if carry:  # "…负责,下同" with no convention: nothing to carry but the words
        core = _blank(core, carry.start(), carry.end())
    return core


def _cut_other_fields(core: str, rules: ResponsibilityRules, parsed: ParsedClause, offset: int) -> str:
    """Blank the other fields of a labelled clause ("，完成时限：2018年底"),
    each up to the next phrase; their times are the task's."""
    for stop in list(rules.label_stop.finditer(core)):
        end = stop.end()
        following = rules.phrase_separators.search(core, end)
        end = following.start() if following else len(core)
        parsed.notes.append((offset + stop.start(), offset + end))
        core = _blank(core, stop.start(), end)
    return core


def _role_segments(phrase: str, rules: ResponsibilityRules) -> list[tuple[str | None, int, int]]:
    """``(role word, start, end)`` of the unit lists in a phrase: each ends
    at a role word — at the phrase's end, or a 牵头/会同 inside it ("市环保局
    会同市财政局负责")."""
    segments = []
    start = 0
    for match in rules.role_pattern.finditer(phrase):
        word = match.group(0)
        at_end = rules.role_at_end.match(phrase, match.start()) is not None
        if not at_end and rules.role_of[word] != "lead":
            continue
        segments.append((word, start, match.start()))
        start = match.end()
    if phrase[start:].strip(" \t,，;；。"):
        segments.append((None, start, len(phrase)))
    return segments


def _phrases(core: str, offset: int, registry, rules: ResponsibilityRules, parsed: ParsedClause) -> list[_Phrase]:
    phrases: list[_Phrase] = []
    prefix = ""
    for start, end, _ in _pieces(core, rules.phrase_separators, rules):
        # several labels may share a phrase: "牵头单位:能源局 参加单位:发展改革委"
        labels = list(rules.label_pattern.finditer(core, start, end))
        cuts = [(None, start)] + [(m, m.start()) for m in labels if m.start() >= start]
        for i, (label, at) in enumerate(cuts):
            stop = cuts[i + 1][1] if i + 1 < len(cuts) else end
            body_start = label.end() if label else at
            body = core[body_start:stop]
            stop_field = rules.label_stop.search(body)
            if stop_field:
                body = body[: stop_field.start()]
            if not body.strip():
                continue
            label_kind = rules.label_of[label.group("label")] if label else None
            if label_kind == "person":
                continue
            if rules.notes.search(body.strip()) and not any(_office(u, registry) for u, _ in split_units(body, 0, registry, rules)):
                parsed.notes.append((offset + body_start, offset + body_start + len(body)))
                continue
            if _ROLE_NOTE_INSIDE.search(body):
                # "州生态环境局（牵头）、州工业和信息化局": roles noted after units
                noted = ParsedClause()
                if _parse_annotated(body, offset + body_start, label_kind or "responsible", registry, rules, noted):
                    phrases.extend(_Phrase(kind, True, refs) for kind, refs in
                                   (("lead", noted.lead), ("participant", noted.participants), ("implementer", noted.implementers)) if refs)
                    continue
            for word, a, b in _role_segments(body, rules):
                opener = rules.list_opener.match(body, a, b)
                if opener:
                    a = opener.end()
                refs, prefix = resolve_units(body[a:b], offset + body_start + a, registry, rules, prefix)
                if not refs:
                    continue
                if word is not None:
                    phrases.append(_Phrase(rules.role_of[word], False, refs))
                else:
                    phrases.append(_Phrase(label_kind, label_kind is not None, refs))
    return phrases


def _settle(phrases: list[_Phrase]) -> None:
    """Give each pending phrase a role: the label before it, else the next role word."""
    label_in_force: str | None = None
    pending: list[_Phrase] = []
    for phrase in phrases:
        if phrase.kind is None:
            if label_in_force is not None:
                phrase.kind, phrase.by_label = label_in_force, True
            else:
                pending.append(phrase)
            continue
        if phrase.by_label:
            label_in_force = phrase.kind
        for waiting in pending:
            waiting.kind, waiting.by_label = phrase.kind, phrase.by_label
        pending = []


def _assign(phrases: list[_Phrase], registry: DepartmentRegistry, parsed: ParsedClause) -> bool:
    """Roles to departments; True when the clause names a lead outright (牵头)."""
    explicit_lead = any(p.kind == "lead" for p in phrases)
    lead_seen = False
    for phrase in phrases:
        kind = phrase.kind
        if kind is None or kind == "person":
            continue
        if kind == "responsible":
            if phrase.by_label:
                kind = "implementer" if explicit_lead else "lead"
            else:
                kind = "participant" if lead_seen else "lead"
            if kind == "lead":
                # "(各县市人民政府负责)": governments carry out, they do not lead
                governments = [r for r in phrase.refs if registry.is_government(r.name)]
                parsed.add("implementer", governments)
                parsed.add("lead", [r for r in phrase.refs if r not in governments])
                lead_seen = lead_seen or len(governments) < len(phrase.refs)
                continue
        if kind == "participant":
            governments = [r for r in phrase.refs if registry.is_government(r.name)]
            parsed.add("implementer", governments)
            parsed.add("participant", [r for r in phrase.refs if r not in governments])
            continue
        parsed.add(kind, phrase.refs)
        lead_seen = lead_seen or kind == "lead"
    return explicit_lead


def parse_clause(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
    context: ClauseContext | None = None,
) -> ParsedClause | None:
    """Read the inside of a clause (working-copy text, absolute ``offset``).

    Returns None when the text is not a responsibility clause: no role word or
    label, or nothing in it names an office.
    """
    parsed = ParsedClause()
    core = _cut_standing(text, offset, registry, rules, parsed)
    core = _cut_conventions(core, rules, parsed)
    core = _cut_other_fields(core, rules, parsed, offset)
    phrases = _phrases(core, offset, registry, rules, parsed)
    _settle(phrases)
    explicit_lead = _assign(phrases, registry, parsed)
    convention = parsed.convention or (context.convention if context else None)
    if convention == "first_is_lead" and not explicit_lead and len(parsed.lead) > 1:
        parsed.participants[:0] = parsed.lead[1:]
        del parsed.lead[1:]
    if context is not None and parsed.convention and parsed.carries:
        context.convention = parsed.convention
    if parsed.empty() and not parsed.standing:
        return None
    if not any(ref.known or registry.looks_like_office(ref.name) for ref in parsed.refs()):
        return None
    return parsed


def read_unit_list(
    items: str, offset: int, role: str, registry: DepartmentRegistry, rules: ResponsibilityRules,
    parsed: ParsedClause, prefix: str = "",
) -> str:
    """Units listed under a label or in a table column whose header gives
    ``role``; roles written among them decide where they are given. Returns
    the level prefix in force at the end."""
    if _parse_annotated(items, offset, role, registry, rules, parsed):
        return prefix
    found = rules.role_pattern.search(items)
    if found:
        # "责任单位：市环保局牵头，市发改委配合": the roles inside decide; but in
        # "责任单位：市发改委、市工信局；各区县政府负责落实" the role word governs
        # only its own group, and the groups before it keep the column's role
        group_break = max(items.rfind(sep, 0, found.start()) for sep in "；;，,")
        inner = parse_clause(items[group_break + 1:], offset + group_break + 1, registry, rules)
        if inner is not None:
            for name in ("lead", "participant", "implementer"):
                parsed.add(name, {"lead": inner.lead, "participant": inner.participants, "implementer": inner.implementers}[name])
        if group_break <= 0:
            return prefix
        items = items[:group_break]
    refs, prefix = resolve_units(items, offset, registry, rules, prefix)
    # a government in a table's lead column carries the task out ("市委宣传部、…,各区(市)县政府(管委会)")
    split = len(refs) > 1 or role != "lead"
    for ref in refs:
        parsed.add("implementer" if split and registry.is_government(ref.name) else role, [ref])
    return prefix


_ROLE_NOTE = regex.compile(r"[(（\[［【]\s*(?P<role>\p{Han}{2,7})\s*[)）\]］】]\s*$")
_ROLE_NOTE_INSIDE = regex.compile(r"[(（\[［【]\s*(?:牵头|主办|主责|配合|参与|协办|协同|负责)\s*[)）\]］】]")


def _parse_annotated(
    items: str, offset: int, label_role: str, registry: DepartmentRegistry, rules: ResponsibilityRules, parsed: ParsedClause
) -> bool:
    """"责任单位：州生态环境局（牵头）、州工信局，各县（市）人民政府": a role written
    after a unit in brackets. The others take the label's role, or, when the
    lead is marked, take part (governments carry it out). False when no unit
    carries such a note."""
    units = split_units(items, offset, registry, rules)
    notes = [_ROLE_NOTE.search(unit) for unit, _ in units]
    kinds = [rules.role_of.get(n.group("role")) if n else None for n in notes]
    if not any(kinds):
        return False
    lead_marked = any(kind in ("lead", "responsible") for kind in kinds)
    prefix = ""
    for (unit, start), note, kind in zip(units, notes, kinds):
        name = unit[:note.start()] if kind else unit
        refs, prefix = resolve_units(name, start, registry, rules, prefix)
        for ref in refs:
            if kind == "responsible":
                role = "lead"
            elif kind:
                role = kind
            elif registry.is_government(ref.name):
                role = "implementer"
            elif lead_marked and label_role in ("lead", "responsible"):
                role = "participant"
            else:
                role = "lead" if label_role == "responsible" else label_role
            parsed.add(role, [ref])
    return True


# -- finding clauses in text ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FoundClause:
    start: int  # absolute, the opening bracket (or where the clause starts)
    end: int  # absolute, after the closing bracket
    inner_start: int
    inner_end: int
    parsed: ParsedClause
    closed: bool
    form: str  # bracket | labelled | sentence | prose
    rule: str = ""


def _has_role(text: str, rules: ResponsibilityRules) -> bool:
    return bool(rules.role_pattern.search(text) or rules.label_pattern.search(text))


class _Finder:
    """Collects the clauses of one paragraph (working-copy text at ``offset``)."""

    def __init__(self, text: str, offset: int, registry, rules: ResponsibilityRules, context: ClauseContext | None):
        self.text, self.offset, self.registry, self.rules, self.context = text, offset, registry, rules, context
        self.found: list[FoundClause] = []

    def covered(self, start: int, end: int) -> bool:
        return any(c.start - self.offset < end and start < c.end - self.offset for c in self.found)

    def attempt(self, start: int, end: int, inner_start: int, inner_end: int, closed: bool, form: str, rule: str) -> bool:
        inner = self.text[inner_start:inner_end]
        if not _has_role(inner, self.rules):
            return False
        parsed = parse_clause(inner, self.offset + inner_start, self.registry, self.rules, self.context)
        if parsed is None:
            return False
        o = self.offset
        self.found.append(FoundClause(o + start, o + end, o + inner_start, o + inner_end, parsed, closed, form, rule))
        return True

    def brackets(self) -> None:
        """Paired with a stack; a closer with no opener takes the text back to
        the previous sentence end ("…技术改造。经信委、环保局牵头,发改委负责)"),
        an opener with no closer takes the text up to the next bracket or the end."""
        text, rules = self.text, self.rules
        stack: list[tuple[str, int]] = []
        for bracket in rules.bracket_pattern.finditer(text):
            i, ch = bracket.start(), bracket.group(0)
            if ch in rules.opener_to_closer:
                stack.append((ch, i))
            elif ch in rules.closer_to_opener:
                opener = rules.closer_to_opener[ch]
                if stack and stack[-1][0] == opener:
                    _, start = stack.pop()
                    if not stack:
                        self.attempt(start, i + 1, start + 1, i, True, "bracket", "clause.bracket")
                elif not stack:
                    back = max((text.rfind(p, 0, i) for p in _SENTENCE_END), default=-1)
                    inner_start = back + 1
                    while inner_start < i and text[inner_start].isspace():
                        inner_start += 1
                    if not self.found or self.found[-1].end - self.offset <= inner_start:
                        self.attempt(inner_start, i + 1, inner_start, i, False, "bracket", "clause.bracket_unopened")
        for _, start in stack[:1]:
            after = rules.bracket_pattern.search(text, start + 1)
            end = after.start() if after else len(text.rstrip())
            self.attempt(start, end, start + 1, end, False, "bracket", "clause.bracket_unclosed")

    def labels(self) -> None:
        """Labelled units outside brackets ("牵头单位：X；配合单位：Y"), up to the
        end of their sentence."""
        text = self.text
        position = 0
        for match in self.rules.label_pattern.finditer(text):
            if match.start() < position or self.covered(match.start(), match.end()):
                continue
            stop = text.find("。", match.end())
            end = stop if stop != -1 else len(text.rstrip())
            if self.attempt(match.start(), end + (1 if stop != -1 else 0), match.start(), end, True, "labelled", "clause.labelled"):
                position = end

    def sentences(self) -> None:
        """"各县（市）人民政府负责。" written as a sentence of its own: only when it
        ends on a role word and every unit in it names an office."""
        for sentence in _BARE_SENTENCE.finditer(self.text):
            start, end = sentence.span("words")
            if self.covered(start, end):
                continue
            words = self.text[start:end]
            if not self.rules.role_at_end.search(words):
                continue
            parsed = parse_clause(words, self.offset + start, self.registry, self.rules, self.context)
            if parsed is None or not all(_office(ref.raw, self.registry) for ref in parsed.refs()):
                continue
            o = self.offset
            self.found.append(FoundClause(o + start, o + sentence.end(), o + start, o + end, parsed, True, "sentence", "clause.sentence"))

    def prose(self) -> None:
        """Attributions inside a sentence: "成立由省科技部门牵头，省财政…参加的联席会议"."""
        for rule in self.rules.prose:
            for match in rule.pattern.finditer(self.text):
                start, end = match.span("clause")
                if self.covered(match.start(), match.end()):
                    continue
                self.attempt(match.start(), end, start, end, True, "prose", rule.id)


# a sentence of its own: after a stop (or at the start), up to the next stop
_BARE_SENTENCE = regex.compile(r"(?:(?<=^|[。;；!?！？]\s*))(?P<words>[^。;；!?！？\n]{2,60}?)[。;；]")


def find_clauses(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
    context: ClauseContext | None = None,
) -> list[FoundClause]:
    """All responsibility clauses in a stretch of working-copy text, in order."""
    finder = _Finder(text, offset, registry, rules, context)
    finder.brackets()
    finder.labels()
    finder.sentences()
    finder.prose()
    return sorted(finder.found, key=lambda c: c.start)


def as_written(refs: list[DepartmentRef], source, rule: str = "") -> tuple[DepartmentRef, ...]:
    """The refs with ``raw`` taken from the original text (they were read on
    the working copy), and the rule that read them."""
    return tuple(replace(r, raw=source[r.span[0]:r.span[1]], rule=rule or r.rule) for r in refs)


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
