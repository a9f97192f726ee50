"""Reading a clause: phrases, labels, role words, conventions, standing clauses.

See the package docstring for the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policyx.extract.clauses.conventions import after_the_semicolon_take_part, cut_conventions
from policyx.extract.clauses.fields import cut_other_fields, without_next_fields_number
from policyx.extract.clauses.noted_roles import read_noted_roles
from policyx.extract.clauses.searches import Searches, searches
from policyx.extract.clauses.units import _office, _pieces, resolve_units, split_units
from policyx.model import DepartmentRef, Role, copier
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry
from policyx.text.kept import KeptByIdentity, Memo


@dataclass(slots=True)
class ParsedClause:
    lead: list[DepartmentRef] = field(default_factory=list)
    participants: list[DepartmentRef] = field(default_factory=list)
    implementers: list[DepartmentRef] = field(default_factory=list)
    standing: list[DepartmentRef] = field(default_factory=list)
    convention: str | None = None  # first_is_lead | all_lead | lead_before_semicolon, stated here
    carries: bool = False  # …for later clauses too (下同)
    notes: list[tuple[int, int]] = field(default_factory=list)  # absolute spans of time/state phrases
    duties: bool = False  # a 负责 stands before the duty it names ("县住建局负责统筹推进"): words of a sentence, not a list

    def add(self, role: Role, refs: list[DepartmentRef]) -> None:
        {"lead": self.lead, "participant": self.participants, "implementer": self.implementers}[role].extend(refs)

    def empty(self) -> bool:
        return not (self.lead or self.participants or self.implementers)

    def refs(self) -> list[DepartmentRef]:
        return [*self.lead, *self.participants, *self.implementers, *self.standing]


@dataclass(slots=True)
class ClauseContext:
    """What earlier clauses of a plan say about later ones: a convention
    carried forward with 下同; and the clauses read so far, by their words
    and the convention in force (a plan repeats its clauses: "（自治区环保厅牵头）")."""

    convention: str | None = None
    parties: bool = False  # the plan names an agreement's parties ("乙方：…"): "乙方" is a unit of its clauses
    lead_marks: bool = False  # the plan's legend says a mark after a unit is the lead's ("注：标★的为牵头单位")
    # (offset read at, (reading or None, the convention it leaves in force)), by words, convention and parties named
    read: dict[tuple[str, str | None, bool], tuple[int, tuple]] = field(default_factory=lambda: Memo(MAX_KEPT_READINGS))
    # the unit lists read so far, by their words and the level prefix in force: (offset, (refs, prefix after))
    lists: dict[tuple[str, str], tuple[int, tuple]] = field(default_factory=lambda: Memo(MAX_KEPT_READINGS))


# the clauses and unit lists read in earlier plans, by the rule set read with:
# plans repeat each other's clauses ("（财政部牵头，各地区按职责分工负责）"), and a
# caller reading plans again reads them all again
_EARLIER: KeptByIdentity[ClauseContext] = KeptByIdentity(4)
MAX_KEPT_READINGS = 20_000  # of each kind (then forgotten when a plan starts: memory stays bounded)


def plan_context(rules: object) -> ClauseContext:
    """The context a plan's clauses start with (no convention in force),
    holding what earlier plans read under the same ``rules`` (the rule set:
    a reading is the same whatever plan asks for it)."""
    earlier = _EARLIER.get(rules)
    if earlier is None:
        earlier = _EARLIER.put(rules, ClauseContext())
    earlier.read.forget_if_full()
    earlier.lists.forget_if_full()
    return ClauseContext(read=earlier.read, lists=earlier.lists)


def _read_once(memo: dict, key, offset: int, read, move):
    """``read()``, made once per ``key`` of a plan's ``memo`` and kept with the
    offset it was read at; given back, that time and later, as ``move(reading,
    by)`` to ``offset`` (a copy: what is kept is never handed out)."""
    found = memo.get(key)
    if found is None:
        found = memo[key] = (offset, read())
    return move(found[1], offset - found[0])


@dataclass(slots=True)
class _Phrase:
    kind: str | None  # lead | participant | implementer | responsible | person | None (pending)
    by_label: bool
    refs: list[DepartmentRef]


def _cut_standing(core: str, offset: int, registry, found: Searches, parsed: ParsedClause, rule: str) -> str:
    for pattern in found.standing:
        standing = pattern.search(core)
        if standing:
            units = split_units(standing.group("units"), offset + standing.start("units"), registry, found.rules)
            parsed.standing = [registry.resolve(u, span=(s, s + len(u)), rule=rule) for u, s in units]
            return core[: standing.start()]
    return core



def _role_segments(phrase: str, found: Searches) -> tuple[list[tuple[str | None, int, int]], bool]:
    """``(role word, start, end)`` of the unit lists in a phrase: each ends
    at a role word — at the phrase's end, or a 牵头/会同 inside it ("市环保局
    会同市财政局负责"); and whether the last stands before the duty it names."""
    segments: list[tuple[str | None, int, int]] = []
    start = 0
    opening = None  # a phrase opening with 会同 after a lead's ("由区金融办牵头，会同人行某某支行，推动…")
    role_at_end, role_of = found.role_at_end, found.rules.role_of
    for match in found.role_pattern.finditer(phrase):
        word = match.group(0)
        at_end = role_at_end.match(phrase, match.start()) is not None
        if not at_end and role_of[word] == "responsible" and phrase[start:match.start()].strip():
            # a 负责 before its duty ends the units before it, and the duty is no unit
            # ("县住建局负责统筹推进，各乡镇负责具体落实"; "县财政局负责资金保障") — unless it names no duty ("负责解释")
            if found.rules.not_a_duty.match(phrase[match.end():match.end() + MAX_NAMED_DUTY]):
                continue
            segments.append((word, start, match.start()))
            return segments, True
        if not at_end and role_of[word] != "lead":
            continue
        if not at_end and word in found.rules.together_with and not phrase[:match.start()].strip():
            # the units after it work together with the lead: a participant's role word stands for it
            opening, start = participant_word(role_of), match.end()
            continue
        if (opening is not None and not segments or segments and segments[-1][0] in found.rules.together_with) \
                and role_of[word] in ("implementer", "responsible"):
            word = participant_word(role_of)  # ("由自治区教育厅会同自治区财政厅组织实施": the second takes part)
        segments.append((word, start, match.start()))
        start = match.end()
    if phrase[start:].strip(" \t,，;；。"):
        segments.append((opening, start, len(phrase)))
    return segments, False


MAX_NAMED_DUTY = 20  # characters after a 负责 looked at for a name it is part of ("负责市场监督管理的部门")


def participant_word(role_of: dict[str, str]) -> str | None:
    """A role word of those who take part, to stand for one that reads otherwise where it follows a 会同."""
    return next((w for w, kind in role_of.items() if kind == "participant"), None)


def _resolved(items: str, offset: int, registry, rules: ResponsibilityRules, prefix: str,
              context: ClauseContext | None, rule: str = "") -> tuple[list[DepartmentRef], str]:
    """:func:`resolve_units`; with a ``context``, a list read before under
    the same prefix is moved to ``offset``, not read again."""
    if context is None:
        return resolve_units(items, offset, registry, rules, prefix, rule=rule)
    return _read_once(context.lists, (items, prefix), offset,
                      lambda: resolve_units(items, offset, registry, rules, prefix, rule=rule),
                      lambda found, by: (_shifted(found[0], by), found[1]))


def _phrases(core: str, offset: int, registry, found: Searches, parsed: ParsedClause,
             context: ClauseContext | None = None, rule: str = "") -> list[_Phrase]:
    rules = found.rules
    phrases: list[_Phrase] = []
    prefix = ""
    for start, end, _ in _pieces(core, rules.phrase_separators, rules):
        # several labels may share a phrase: "牵头单位:能源局 参加单位:发展改革委"
        labels = list(found.label_pattern.finditer(core, start, end))
        # (a label in 【】 is cut at its opening bracket: "【牵头单位】州经信局【责任单位】…")
        cuts = [(None, start)] + [(m, m.start() - (m.start() > start and core[m.start() - 1] == "【"))
                                  for m in labels if m.start() >= start]
        for i, (label, at) in enumerate(cuts):
            stop = cuts[i + 1][1] if i + 1 < len(cuts) else end
            body_start = label.end() if label else at
            body = core[body_start:stop]
            stop_field = found.label_stop.search(body)
            if stop_field:
                body = body[: stop_field.start()]
            elif i + 1 < len(cuts):
                body = without_next_fields_number(body)
            label_kind = rules.label_of[label.group("label")] if label else None
            if label and label.group("label") in rules.carrying_out_labels \
                    and any(p.kind in ("lead", "responsible") for p in phrases):
                label_kind = "implementer"  # ("责任股室：安全管理股；责任学校：各中小学校": the schools carry it out)
            if body.strip() and label_kind not in ("person", "supervisor"):
                prefix = _body_phrases(body, offset + body_start, label_kind, registry, found, parsed, phrases, prefix,
                                       context, rule)
    return phrases


def _body_phrases(body: str, at: int, label_kind: str | None, registry, found: Searches, parsed: ParsedClause,
                  phrases: list[_Phrase], prefix: str, context: ClauseContext | None, rule: str) -> str:
    """The phrases of a label's body (or of a piece with no label) at ``at``, added to ``phrases``; the level
    prefix in force after them."""
    rules = found.rules
    segments, duty = _role_segments(body, found)
    parsed.duties = parsed.duties or duty
    if found.notes.search(body.strip()) and not any(_office(u, registry) for _, a, b in segments
                                                     for u, _ in split_units(body[a:b], 0, registry, rules)):
        parsed.notes.append((at, at + len(body)))
        return prefix
    if found.role_note.search(body) and _noted_phrases(body, at, label_kind, registry, rules, phrases,
                                                       context is not None and context.lead_marks):
        return prefix
    for word, a, b in segments:
        if word is None and a and not any(_office(u, registry) for u, _ in split_units(body[a:b], 0, registry, rules)):
            parsed.duties = True
            continue  # (a role word's duty after it, no unit: "省级河长牵头推动")
        opener = found.list_opener.match(body, a, b)
        if opener:
            a = opener.end()
        refs, prefix = _resolved(body[a:b], at + a, registry, rules, prefix, context, rule)
        if refs:
            phrases.append(_Phrase(rules.role_of[word], False, refs) if word is not None
                           else _Phrase(label_kind, label_kind is not None, refs))
    return prefix


def _noted_phrases(body: str, at: int, label_kind: str | None, registry, rules: ResponsibilityRules,
                   phrases: list[_Phrase], lead_marks: bool) -> bool:
    """"州生态环境局（牵头）、州工业和信息化局": roles noted after units, added to ``phrases``; False when none is."""
    noted = ParsedClause()
    role = label_kind or "responsible"
    if role in ("lead", "responsible") and any(p.kind == "lead" and p.refs for p in phrases):
        role = "participant"  # (after a lead noted so: "市住建局（主办）；市财政局、市自然资源和规划局（协办）")
    if not read_noted_roles(split_units(body, at, registry, rules), role, registry, rules, noted, lead_marks=lead_marks):
        return False
    phrases.extend(_Phrase(kind, True, refs) for kind, refs in
                   (("lead", noted.lead), ("participant", noted.participants), ("implementer", noted.implementers)) if refs)
    # (a lead noted after a post, "分管副县长（牵头）", leads no unit, but the units after it still take part)
    if (noted.lead or not (noted.participants or noted.implementers)) and (label_kind or "responsible") in ("lead", "responsible"):
        # the list's units after a comma take part, as those after a 、 do ("市城市管理局（牵头），
        # 市机关事务服务中心，各县（市、区）人民政府", city-fullwidth-digits-2026): no refs, the label in force
        phrases.append(_Phrase("participant", True, []))
    return True


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
    lead_seen = answering_label = False
    for phrase in phrases:
        kind = phrase.kind
        if kind is None or kind in ("person", "supervisor"):
            continue
        if kind == "responsible":
            if phrase.by_label:
                # (a second answering label after one that named a lead carries out where it names every unit
                # of a kind: "责任部门：安全环保部；…；责任单位：各二级公司、各项目部", state-owned-group-safety-plan-2026)
                kind = "implementer" if explicit_lead or lead_seen and answering_label and phrase.refs and all(
                    r.raw.lstrip().startswith("各") for r in phrase.refs) else "lead"
                answering_label = True
            else:
                kind = "participant" if lead_seen else "lead"
            if kind == "lead":
                # "(各县市人民政府负责)": governments carry out, they do not lead
                lead_seen = _carried_out(phrase.refs, registry.is_government, "lead", parsed) or lead_seen
                continue
        if kind == "lead":
            # "承办单位：各区县人民政府": every government of a level carries out, named the lead or not
            # (a 负责 after the phrase still reads as taking part: a lead was named)
            _carried_out(phrase.refs, registry.is_every_government, "lead", parsed)
            lead_seen = True
        elif kind == "participant":
            _carried_out(phrase.refs, registry.is_government, "participant", parsed)
        else:
            parsed.add(kind, phrase.refs)
    return explicit_lead


def _carried_out(refs: list[DepartmentRef], carries_out, role: str, parsed: ParsedClause) -> bool:
    """The ``refs`` that ``carries_out`` added as implementers, the others in
    ``role``; whether any is left in that role."""
    implementers = [r for r in refs if carries_out(r.name)]
    others = [r for r in refs if r not in implementers]
    parsed.add("implementer", implementers)
    parsed.add(role, others)
    return bool(others)


def parse_clause(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
    context: ClauseContext | None = None, rule: str = "",
) -> ParsedClause | None:
    """Read the inside of a clause (working-copy text, absolute ``offset``).

    Returns None when the text is not a responsibility clause: no role word or
    label, or nothing in it names an office. With a ``context``, words read
    before under the same convention are not read again: their reading is
    moved to ``offset``. The refs read carry ``rule`` (what to_clause gives
    them: a ref already carrying it is not copied again).
    """
    if context is None:
        return _parse_clause(text, offset, registry, rules, None, rule)

    def read() -> tuple[ParsedClause | None, str | None]:
        return _parse_clause(text, offset, registry, rules, context, rule), context.convention

    parsed, context.convention = _read_once(  # (with the convention the clause leaves in force)
        context.read, (text, context.convention, context.parties, context.lead_marks), offset, read,
        lambda found, by: (None if found[0] is None else _moved(found[0], by), found[1]))
    return parsed


def _shifted(refs: list[DepartmentRef], by: int) -> list[DepartmentRef]:
    """The refs with their spans moved ``by`` characters."""
    return [_with_span(r, (r.span[0] + by, r.span[1] + by)) if by and r.span is not None else r for r in refs]


_with_span = copier(DepartmentRef, "span")


def _moved(parsed: ParsedClause, by: int) -> ParsedClause:
    """A clause's reading with its offsets moved ``by`` characters."""
    return ParsedClause(lead=_shifted(parsed.lead, by), participants=_shifted(parsed.participants, by),
                        implementers=_shifted(parsed.implementers, by), standing=_shifted(parsed.standing, by),
                        convention=parsed.convention, carries=parsed.carries,
                        notes=[(a + by, b + by) for a, b in parsed.notes], duties=parsed.duties)


def _parse_clause(
    text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules, context: ClauseContext | None,
    rule: str = "",
) -> ParsedClause | None:
    parsed = ParsedClause()
    found = searches(rules)
    core = _cut_standing(text, offset, registry, found, parsed, rule)
    core, parsed.convention, parsed.carries = cut_conventions(core, found)
    core = cut_other_fields(core, found, parsed.notes, offset)
    phrases = _phrases(core, offset, registry, found, parsed, context, rule)
    _settle(phrases)
    explicit_lead = _assign(phrases, registry, parsed)
    convention = parsed.convention or (context.convention if context else None)
    if convention == "first_is_lead" and not explicit_lead and len(parsed.lead) > 1:
        parsed.participants[:0] = parsed.lead[1:]
        del parsed.lead[1:]
    elif convention == "lead_before_semicolon" and not explicit_lead and len(parsed.lead) > 1:
        after_the_semicolon_take_part(text, offset, parsed)
    if context is not None and parsed.convention and parsed.carries:
        context.convention = parsed.convention
    if parsed.empty() and not parsed.standing:
        return None
    if not any(ref.known or registry.looks_like_office(ref.name) or context is not None and context.parties
               and registry.party_word.fullmatch(ref.name) for ref in parsed.refs()):
        return None  # (…an agreement's party stands for an office: "乙方负责…")
    return parsed


def read_unit_list(
    items: str, offset: int, role: str, registry: DepartmentRegistry, rules: ResponsibilityRules,
    parsed: ParsedClause, prefix: str = "",
) -> str:
    """Units listed under a label or in a table column whose header gives
    ``role``; roles written among them decide where they are given. Returns
    the level prefix in force at the end."""
    units: list[tuple[str, int]] | None = split_units(items, offset, registry, rules)
    # (a table's column of units: its mark is its own column's legend's, read as the lead's — no name holds a ★)
    if read_noted_roles(units, role, registry, rules, parsed, lead_marks=True):
        return prefix
    found = searches(rules).role_pattern.search(items)
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
        items, units = items[:group_break], None
    refs, prefix = resolve_units(items, offset, registry, rules, prefix, units)
    # a government in a table's lead column carries the task out ("市委宣传部、…,各区(市)县政府(管委会)"),
    # and every government of a level does, alone in it too ("各区县人民政府")
    split = len(refs) > 1 or role != "lead"
    for ref in refs:
        carries_out = registry.is_government(ref.name) if split else registry.is_every_government(ref.name)
        parsed.add("implementer" if carries_out else role, [ref])
    return prefix


class UnitLists(dict):
    """A plan's unit lists read so far, by their words and role: its tables
    name the same offices in row after row ("市水务局、市发改委")."""

    def read(self, items: str, offset: int, role: str, registry: DepartmentRegistry,
             rules: ResponsibilityRules) -> ParsedClause:
        """:func:`read_unit_list` of ``items`` at ``offset`` on its own; a
        reading of the same words is moved to ``offset``, not made again."""
        def read() -> ParsedClause:
            parsed = ParsedClause()
            read_unit_list(items, offset, role, registry, rules, parsed)
            return parsed

        return _read_once(self, (items, role), offset, read, _moved)
