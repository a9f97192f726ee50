"""Responsibility clauses: finding them in a task's text and reading who leads,
who takes part and who carries it out.

The grammar (rules in ``rules/responsibility.yaml``): a clause is a run of
``units ROLE`` segments — "自治区经信委、环保厅牵头，发改委、国土资源厅等参与，
各级人民政府负责落实" — or labelled lists, "牵头单位：X；配合单位：Y".  Units are
separated by 、，,；; and by 和/及/与 when both sides name offices.  A level
prefix written once ("自治区经信委、环保厅") applies to the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from policyx.rules.departments import DepartmentRegistry
from policyx.model import Clause, DepartmentRef
from policyx.rules.clauses import ResponsibilityRules

_SENTENCE_END = "。;!?"

@dataclass(slots=True)
class ParsedClause:
    lead: list[DepartmentRef] = field(default_factory=list)
    participants: list[DepartmentRef] = field(default_factory=list)
    implementers: list[DepartmentRef] = field(default_factory=list)
    standing: list[DepartmentRef] = field(default_factory=list)

    def add(self, role: str, refs: list[DepartmentRef]) -> None:
        {"lead": self.lead, "participant": self.participants, "implementer": self.implementers}[role].extend(refs)

    def empty(self) -> bool:
        return not (self.lead or self.participants or self.implementers)


def split_units(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules
) -> list[tuple[str, int]]:
    """Units of a list as ``(text, absolute start)``: "发改委、国土资源厅等" → two."""
    units: list[tuple[str, int]] = []
    start = 0
    for match in [*rules.separators.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead_ws = len(piece) - len(piece.lstrip())
            units.extend(_split_conjunction(stripped, offset + start + lead_ws, registry, rules))
        if match:
            start = match.end()
    return units


def _split_conjunction(
    piece: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules
) -> list[tuple[str, int]]:
    """Split at 和/及/与 only when every part names an office: "各县市人民政府和
    园区管委会" is two, "住房和城乡建设局" and "发展和改革委员会" are one."""
    if registry.resolve(piece).known:
        return [(piece, offset)]
    for match in rules.conjunctions.finditer(piece):
        left, right = piece[: match.start()], piece[match.end():]
        if _office(left, registry) and _office(right, registry):
            return [(left, offset), *_split_conjunction(right, offset + match.end(), registry, rules)]
    return [(piece, offset)]


def _office(name: str, registry: DepartmentRegistry) -> bool:
    ref = registry.resolve(name)
    return ref.known or registry.looks_like_office(ref.name)


def parse_clause(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules
) -> ParsedClause | None:
    """Read the inside of a clause (working-copy text, absolute ``offset``).

    Returns None when the text is not a responsibility clause: no role word or
    label, or nothing in it names an office.
    """
    parsed = ParsedClause()
    core_end = len(text)
    for pattern in rules.standing:
        standing = pattern.search(text)
        if standing:
            units = split_units(standing.group("units"), offset + standing.start("units"), registry, rules)
            parsed.standing = [registry.resolve(u, span=(s, s + len(u))) for u, s in units]
            core_end = standing.start()
            break
    core = text[:core_end]
    if rules.label_pattern.search(core):
        _parse_labelled(core, offset, registry, rules, parsed)
    else:
        _parse_roles(core, offset, registry, rules, parsed)
    if parsed.empty() and not parsed.standing:
        return None
    named = [*parsed.lead, *parsed.participants, *parsed.implementers, *parsed.standing]
    if not any(ref.known or registry.looks_like_office(ref.name) for ref in named):
        return None
    return parsed


def _parse_roles(core: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules, parsed: ParsedClause) -> None:
    start = 0
    prefix = ""
    seen_lead = False
    for match in rules.role_pattern.finditer(core):
        items_start, start = start, match.end()
        items = core[items_start:match.start()]
        kind = rules.role_of[match.group(0)]
        refs, prefix = resolve_units(items, offset + items_start, registry, rules, prefix)
        if not refs:
            continue
        if kind == "responsible":
            kind = "participant" if seen_lead else "lead"
        if kind == "lead":
            seen_lead = True
        if kind == "participant" and seen_lead:
            # local governments named among the participants are the level
            # that carries the task out: "(环保局牵头,各县市人民政府、园区管委会,经信委负责)"
            governments = [r for r in refs if registry.is_government(r.name)]
            if governments:
                parsed.add("implementer", governments)
                refs = [r for r in refs if r not in governments]
        parsed.add(kind, refs)


def _parse_labelled(core: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules, parsed: ParsedClause) -> None:
    labels = list(rules.label_pattern.finditer(core))
    prefix = ""
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(core)
        items = core[match.end():end]
        stop = regex.search(r"[。]", items) or rules.label_stop.search(items)
        if stop:
            items = items[: stop.start()]
        items = items.rstrip(" ;,，、")
        role = rules.label_of[match.group("label")]
        if role == "lead" and parsed.lead:
            # "牵头单位：市水利局，责任单位：各县区政府": a second lead label lists
            # those who carry the task out or take part
            second = ParsedClause()
            prefix = read_unit_list(items, offset + match.end(), role, registry, rules, second, prefix)
            parsed.add("participant", second.participants)
            parsed.add("participant", [r for r in second.lead if not registry.is_government(r.name)])
            parsed.add("implementer", second.implementers)
            parsed.add("implementer", [r for r in second.lead if registry.is_government(r.name)])
            continue
        prefix = read_unit_list(items, offset + match.end(), role, registry, rules, parsed, prefix)


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
        # only its own group, and the groups before it keep the label's role
        group_break = max(items.rfind(sep, 0, found.start()) for sep in "；;，,")
        if group_break <= 0:
            _parse_roles(items, offset, registry, rules, parsed)
            return prefix
        _parse_roles(items[group_break + 1:], offset + group_break + 1, registry, rules, parsed)
        items = items[:group_break]
    refs, prefix = resolve_units(items, offset, registry, rules, prefix)
    parsed.add(role, refs)
    return prefix


_ROLE_NOTE = regex.compile(r"[(（\[［【]\s*(?P<role>\p{Han}{2,7})\s*[)）\]］】]\s*$")


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
            else:
                role = "participant" if lead_marked and label_role == "lead" else label_role
            parsed.add(role, [ref])
    return True


def resolve_units(
    items: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules, prefix: str
) -> tuple[list[DepartmentRef], str]:
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


# -- finding clauses in text ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FoundClause:
    start: int  # absolute, the opening bracket (or where the clause starts)
    end: int  # absolute, after the closing bracket
    inner_start: int
    inner_end: int
    parsed: ParsedClause
    closed: bool
    form: str


def find_clauses(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules
) -> list[FoundClause]:
    """All responsibility clauses in a stretch of working-copy text.

    Brackets are paired with a stack; a closer with no opener takes the text
    back to the previous sentence end ("…技术改造。经信委、环保局牵头,发改委负责)"),
    an opener with no closer takes the text up to the end.  Labelled clauses
    outside brackets ("牵头单位：X；配合单位：Y") are found too.
    """
    found: list[FoundClause] = []
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
                    _try(found, text, offset, start, i + 1, start + 1, i, True, registry, rules)
            elif not stack:
                back = max((text.rfind(p, 0, i) for p in _SENTENCE_END), default=-1)
                inner_start = back + 1
                while inner_start < i and text[inner_start].isspace():
                    inner_start += 1
                if not found or found[-1].end - offset <= inner_start:
                    _try(found, text, offset, inner_start, i + 1, inner_start, i, False, registry, rules)
    for _, start in stack[:1]:
        # an opener never closed: the clause runs to the next bracket or the end
        after = rules.bracket_pattern.search(text, start + 1)
        end = after.start() if after else len(text.rstrip())
        _try(found, text, offset, start, end, start + 1, end, False, registry, rules)
    covered = [(c.start - offset, c.end - offset) for c in found]
    for match in rules.label_pattern.finditer(text):
        if any(a <= match.start() < b for a, b in covered):
            continue
        end = len(text.rstrip())
        _try(found, text, offset, match.start(), end, match.start(), end, True, registry, rules, form="labelled")
        covered.append((match.start(), end))
    for sentence in _BARE_SENTENCE.finditer(text):
        start, end = sentence.span("words")
        if any(a < end and start < b for a, b in covered):
            continue
        clause = _bare_clause(text[start:end], offset + start, registry, rules)
        if clause is not None:
            found.append(FoundClause(offset + start, offset + sentence.end(), offset + start, offset + end, clause, True, "sentence"))
    found.sort(key=lambda c: c.start)
    return found


# a sentence of its own: after a stop (or at the start), up to the next stop
_BARE_SENTENCE = regex.compile(r"(?:(?<=^|[。;；!?！？]\s*))(?P<words>[^。;；!?！？\n]{2,60}?)[。;；]")


def _bare_clause(words: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> ParsedClause | None:
    """"各县（市）人民政府负责。" written as a sentence, without brackets: only when
    the sentence ends on a role word and every unit in it names an office."""
    ending = None
    for ending in rules.role_pattern.finditer(words):
        pass
    if ending is None or ending.end() != len(words.rstrip()):
        return None
    parsed = parse_clause(words, offset, registry, rules)
    if parsed is None:
        return None
    named = [*parsed.lead, *parsed.participants, *parsed.implementers]
    if not named or not all(_office(ref.raw, registry) for ref in named):
        return None
    return parsed


def _try(
    found: list[FoundClause], text: str, offset: int, start: int, end: int, inner_start: int, inner_end: int,
    closed: bool, registry: DepartmentRegistry, rules: ResponsibilityRules, *, form: str = "bracket",
) -> None:
    inner = text[inner_start:inner_end]
    if not rules.role_pattern.search(inner) and not rules.label_pattern.search(inner):
        return
    parsed = parse_clause(inner, offset + inner_start, registry, rules)
    if parsed is not None:
        found.append(FoundClause(offset + start, offset + end, offset + inner_start, offset + inner_end, parsed, closed, form))


def as_written(refs: list[DepartmentRef], original: str) -> tuple[DepartmentRef, ...]:
    """The refs with ``raw`` taken from the original text (they were read on the working copy)."""
    return tuple(replace(r, raw=original[r.span[0]:r.span[1]]) for r in refs)


def to_clause(found: FoundClause, original: str, line: int, *, nested: bool = False, sentence_span=None) -> Clause:
    """The model's Clause, with every ``raw`` taken from the original text."""
    return Clause(
        text=original[found.start:found.end],
        span=(found.start, found.end),
        line=line,
        lead=as_written(found.parsed.lead, original),
        participants=as_written(found.parsed.participants, original),
        implementers=as_written(found.parsed.implementers, original),
        standing=as_written(found.parsed.standing, original),
        closed=found.closed,
        form=found.form,
        nested=nested,
        sentence_span=sentence_span,
    )
