"""Clauses written as phrases of a sentence, outside brackets and labels.

A phrase runs from a sentence's start or a comma to the next comma or stop.
Its units with their role word are a clause when every unit names an office:

* the whole phrase: "市教育局负责，2024年底前培训…", "…培训教师5万人次，市教育局负责。",
  "…，市教育局牵头，市财政局配合。";
* the subject of the phrase's work: "市应急管理局负责组织开展安全排查，市公安局、
  市消防救援支队配合。", "…的建设由区人民政府负责组织实施";
* a lead working with others: "市城市管理局会同市住房城乡建设局、市交通运输局建立…"
  (the units after 会同, up to the work, take part).

The phrases of one sentence are one clause: a second subject, or a 负责 after a
牵头, takes part ("市发展改革委牵头，市财政局负责资金保障").
"""

from __future__ import annotations

from typing import Iterator

import regex

from policyx.extract.clauses.grammar import ClauseContext, ParsedClause, parse_clause, read_unit_list
from policyx.model import DepartmentRef
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry
from policyx.text.kept import KeptByIdentity
from policyx.text.spans import Spans
from policyx.text.twins import short
from policyx.text.numerals import ONE_CHARACTER_NUMBERS
from policyx.text.stored_patterns import compiled

# a phrase's units are at most this long (a list of a few offices)
MAX_PHRASE_UNITS = 40
# a name a phrase gives an office (level stripped) is at most this long, unless the registry knows it
# ("政务服务和公共资源交易服务中心" is 15, county-minutes-2025)
MAX_NAMED_OFFICE = 16
# the offices a 会同 works with, at most
MAX_TOGETHER = 8
# (an ideographic space parts an article's number from its words: "第七条　市住房城乡建设局负责…")
# (and an item's number of one character: "②县应急管理局牵头，会同…", county-unicode-enumerators-2026)
_PHRASE_BREAKS = "，,。；;!?！？\n\u3000" + ONE_CHARACTER_NUMBERS
_STOPS = compiled("[。；;!?！？\n]")
_HAN = compiled(r"\p{Han}+")

Phrase = tuple[int, int, str, ParsedClause]  # start, end (after its role word or its last office), word, reading


def sentence_clauses(text: str, offset: int, first_role: int, taken: Spans, registry: DepartmentRegistry,
                     rules: ResponsibilityRules, context: ClauseContext | None) -> Iterator[tuple[int, int, ParsedClause]]:
    """``(start, end, reading)`` of the clause of each sentence's phrases, in
    order, in ``text`` (working-copy text at ``offset``: the reading's spans are
    absolute); ``taken``: the spans in ``text`` of the clauses found in other forms."""
    run: list[Phrase] = []  # the phrases read in the current sentence
    stop = -1  # where the sentence of the run ends (looked for once a sentence: a page with no stop is linear)
    ends = name_endings(registry)
    for m in short(rules.role_pattern).finditer(text, first_role):  # (by re where it reads the words alike)
        if taken.overlaps(m.start(), m.end()) or not after_a_name(text, m.start(), ends):
            continue  # (most role words: inside a clause found in brackets or after a label, or a verb: "抓好落实")
        start = _phrase_start(text, m.start(), rules)
        if start is None or taken.overlaps(start, m.end()) or run and start < run[-1][1]:
            continue  # (a role word after a subject's: "负责组织实施")
        if run and stop < start:
            yield _one_clause(run)
            run = []
        phrase = _phrase(text, offset, start, m, registry, rules, context)
        if phrase is not None:
            if run and _another_duty(run, m.group(), phrase, rules) and not _helps(text, m.end(), rules):
                yield _one_clause(run)  # ("市财政局负责安排专项资金，市发改委负责将…纳入项目库": two offices' duties)
                run = []
            if run and rules.role_of.get(m.group()) == "responsible" and any(p.lead for *_, p in run):
                reading = phrase[3]  # (…负责 after a 牵头: participants)
                phrase = (*phrase[:3], ParsedClause(participants=[*reading.lead, *reading.participants],
                                                    implementers=reading.implementers))
            if not run and stop < phrase[1]:  # (a run parted at another office's duty goes on in its sentence)
                found = _STOPS.search(text, phrase[1])
                stop = found.start() if found else len(text)
            run.append(phrase)
    if run:
        yield _one_clause(run)


def _another_duty(run: list[Phrase], word: str, phrase: Phrase, rules: ResponsibilityRules) -> bool:
    """Whether a phrase whose office answers for work of its own ("…，市发改委负责将…") follows a run of
    phrases that only say who answers for theirs ("市财政局负责统筹安排…"): a duty of its own, not a
    helper's (as "…负责" after a 牵头 is, city-hard-wrapped-text-2026)."""
    return rules.role_of.get(word) == "responsible" and bool(phrase[3].lead) \
        and all(rules.role_of.get(w) == "responsible" and p.lead for _, _, w, p in run)


def _helps(text: str, position: int, rules: ResponsibilityRules) -> bool:
    """Whether the work after a role word is a helper's ("市市场监管局负责配合开展…", "负责协助做好…")."""
    found = rules.role_pattern.match(text, position, position + MAX_HELPER_WORD)
    return found is not None and rules.role_of.get(found.group()) == "participant"


MAX_HELPER_WORD = 4  # characters of a helper's word after 负责 (配合, 协助, 协同)


def name_endings(registry: DepartmentRegistry) -> frozenset[str]:
    """The characters an office's name the registry knows, an office's kind,
    a word of the government pattern ("街道", "乡镇", "各地") or an agreement's party ("乙方") ends with: kept by registry."""
    found = _ENDINGS.get(registry)
    if found is None:
        found = _ENDINGS.put(registry, frozenset({name[-1] for name in registry.aliases}
                                                 | {word[-1] for word in registry.bare_suffixes}
                                                 | {word[-1] for word in _HAN.findall(registry.government.pattern)}
                                                 | {word[-1] for word in _HAN.findall(registry.party_word.pattern)}))
    return found


_ENDINGS: KeptByIdentity[frozenset[str]] = KeptByIdentity(4)
ASIDE_OR_ETC = frozenset(")）等")


def after_a_name(text: str, position: int, ends: frozenset[str]) -> bool:
    """Whether what stands before ``position`` may end a unit's name: a
    character that ends an office's, an aside or 等, or a government's name ("街道", "乡镇")."""
    before = text[position - 1:position]
    return before in ends or before in ASIDE_OR_ETC


def _phrase(text: str, offset: int, start: int, m: regex.Match, registry: DepartmentRegistry,
            rules: ResponsibilityRules, context: ClauseContext | None) -> Phrase | None:
    """The phrase from ``start`` to the role word ``m``, or None when it is no clause's."""
    word = m.group()
    subject = not _ends_phrase(text, m.end())
    if subject and rules.role_of.get(word) == "implementer" and not word.startswith("负责"):
        return None  # ("市财政局负责落实经费" is a duty; "各地落实…", "统筹实施…" say how, not who)
    if rules.not_a_duty.match(text[m.end():m.end() + 8]) or reports_work_done(text, m.end(), rules):
        return None  # (a slice: the rule's ^ is its start)
    by = text.rfind("由", start, m.start())
    parsed = None
    if by != -1 and text[by + 1:m.start()].strip():  # "…设施的建设由区人民政府负责组织实施"
        parsed = _offices(text, offset, by + 1, m, registry, rules, context)
    if parsed is None:  # (else from the phrase's start: "市自由贸易试验区管委会负责…")
        parsed = _offices(text, offset, start, m, registry, rules, context)
    if parsed is None:
        return None
    start, parsed = parsed
    end = m.end()
    if subject and word in rules.together_with:
        end = together(text, offset, m.end(), parsed, registry, rules)
    elif subject:  # "市发展改革委负责会同市自然资源和规划局、市住建局建立…"
        end = together_after(text, offset, m.end(), parsed, registry, rules)
    elif text[m.end():m.end() + 1] in _COMMAS:  # "县应急管理局牵头，会同县公安局、县交通运输局等部门，每季度…"
        after = together_after(text, offset, m.end() + 1, parsed, registry, rules)
        end = after if after > m.end() + 1 else end
    return start, end, word, parsed


_COMMAS = frozenset("，,")


def reports_work_done(text: str, position: int, rules: ResponsibilityRules) -> bool:
    """Whether the rest of the sentence from ``position`` reports work done ("…进行了集中调度")."""
    rest = text[position:position + MAX_REPORTED_SENTENCE]
    stop = _STOPS.search(rest)
    return bool(rules.reported_work.search(rest[:stop.start()] if stop else rest))


# how far after a role word its sentence is looked at for work reported done
MAX_REPORTED_SENTENCE = 120


def _offices(text: str, offset: int, start: int, m: regex.Match, registry: DepartmentRegistry, rules: ResponsibilityRules,
             context: ClauseContext | None) -> tuple[int, ParsedClause] | None:
    """Where the units before the role word ``m`` start, and their reading,
    when every one names an office: from ``start``, else after the last white
    space ("第七条 市住房城乡建设局负责…": an article's number before them)."""
    units = text[start:m.start()].strip()
    parties = context is not None and context.parties
    if not units or len(units) > MAX_PHRASE_UNITS or not ends_like_an_office(units, registry, parties):
        return None  # (most role words in running text: "认真抓好落实", "统筹推进实施")
    parsed = parse_clause(text[start:m.end()], offset + start, registry, rules, context, "clause.phrase")
    if parsed is not None and not parsed.empty() and all(named_office(r, registry, parties) for r in parsed.refs()):
        return start, parsed
    # (an article's number before them, "第七条 市住房城乡建设局负责…"; an item's, "1.市教育局负责", "（一）市…")
    # (the item's marker ends at the first of its characters: "1.乙方、县财政局负责" is after "1.", not "、")
    marker = min((i for i in (text.find(ch, start, min(m.start(), start + MARKER_CHARS)) for ch in MARKER_ENDS) if i != -1),
                 default=-1)
    after = max(text.rfind(" ", start, m.start()), text.rfind("\u3000", start, m.start()), marker)
    if after == -1 or not text[after + 1:m.start()].strip():
        return None
    return _offices(text, offset, after + 1, m, registry, rules, context)


MARKER_ENDS = ".、．)）"  # what ends an item's marker ("1.", "2、", "（一）")
MARKER_CHARS = 6  # an item's marker is at most this long


def ends_like_an_office(units: str, registry: DepartmentRegistry, parties: bool = False) -> bool:
    """Whether the words before a role word end as an office's or a
    government's name does ("…市教育局", "各县（市、区）人民政府", "…等部门")."""
    last = units[-MAX_NAMED_OFFICE:]  # (asked of words of any kind: kept by no table of the registry's)
    return registry.looks_like_office(last) or registry.government.search(last) is not None \
        or registry.lookup(last) is not None or bool(registry.trailing_etc.search(units)) \
        or parties and registry.party_word.search(units.strip()) is not None  # (an agreement's party: "乙方负责…")


def together_after(text: str, offset: int, position: int, parsed: ParsedClause, registry: DepartmentRegistry,
                   rules: ResponsibilityRules) -> int:
    """Where a 会同 opening at ``position`` and the offices it lists end (added
    to ``parsed`` as participants), or ``position`` when none opens there."""
    word = next((w for w in rules.together_with if text.startswith(w, position)), None)
    return position if word is None else together(text, offset, position + len(word), parsed, registry, rules)


def together(text: str, offset: int, position: int, parsed: ParsedClause, registry: DepartmentRegistry,
             rules: ResponsibilityRules) -> int:
    """Adds to ``parsed`` as participants the offices listed after a 会同
    at ``position``, up to the work they do together; where they end."""
    end = position
    for _ in range(MAX_TOGETHER):
        piece_end = min((i for i in (text.find(sep, end, end + MAX_PHRASE_UNITS) for sep in "、，,。；;") if i != -1),
                        default=min(len(text), end + MAX_PHRASE_UNITS))
        name = _office_at(text, end, piece_end, registry, rules)
        if name is None:
            break
        end += name
        if end < piece_end or text[end:end + 1] != "、":
            break
        end += 1
    end = end - 1 if text[end - 1:end] == "、" else end
    if end > position:
        read_unit_list(text[position:end], offset + position, "participant", registry, rules, parsed)
    return end


def known_whole(name: str, registry: DepartmentRegistry) -> bool:
    """Whether the registry knows ``name`` as a whole: by its aliases after a level prefix or not, with a place
    inside it ("国网潍坊供电公司"), or by its shape (a national body's local office, "人民银行潍坊市分行")."""
    prefix, _, rest = registry.split_prefix(name)
    return registry.lookup(name) is not None or bool(prefix) and registry.lookup(rest) is not None \
        or registry.split_place(name) is not None or registry.named_by_shape(name)


def _office_at(text: str, start: int, end: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> int | None:
    """The length of the office named at ``start`` (before ``end``), or None:
    the longest name the registry knows (or knows by its shape), with its branch's name after it
    (rules.branch_name: "市公安局交通管理支队"), or else the shortest a phrase names."""
    known = named = None
    for k in range(2, min(end - start, MAX_NAMED_OFFICE + 3) + 1):
        name = text[start:start + k]
        if registry.office_suffix and not registry.office_suffix.search(name):
            continue
        prefix, _, rest = registry.split_prefix(name)
        if known_whole(name, registry):
            known = k
        elif known is not None and rules.branch_name.match(text[start + known:start + k]):
            named = k
        elif known is None and named is None and (prefix or name.startswith("各")) and len(rest) <= MAX_NAMED_OFFICE \
                and (registry.looks_like_office(rest) or registry.government.search(rest) is not None):
            named = k
    return max(filter(None, (known, named)), default=None)


def _one_clause(run: list[Phrase]) -> tuple[int, int, ParsedClause]:
    """One clause of a sentence's phrases: spanning the first (where the
    units of the others are named too)."""
    start, end, _, first = run[0]
    merged = ParsedClause(lead=list(first.lead), participants=list(first.participants),
                          implementers=list(first.implementers), standing=list(first.standing), notes=first.notes)
    for *_, parsed in run[1:]:
        merged.add("lead", parsed.lead)
        merged.add("participant", parsed.participants)
        merged.add("implementer", parsed.implementers)
    if len(run) > 1 and run[-1][0] - end <= 1:  # (phrases next to each other: one stretch of text)
        end = run[-1][1]
    return start, end, merged


def _phrase_start(text: str, role_start: int, rules: ResponsibilityRules) -> int | None:
    """Where the phrase ending in the role word at ``role_start`` starts:
    after the comma or stop before it, outside brackets; None inside an
    unclosed bracket or further back than MAX_PHRASE_UNITS."""
    depth = 0
    floor = max(0, role_start - MAX_PHRASE_UNITS - 1)
    for i in range(role_start - 1, floor - 1, -1):
        ch = text[i]
        if ch in rules.closer_to_opener:
            depth += 1
        elif ch in rules.opener_to_closer:
            if not depth:
                return None
            depth -= 1
        elif not depth and ch in _PHRASE_BREAKS:
            return i + 1
    return 0 if floor == 0 and not depth else None


def _ends_phrase(text: str, position: int) -> bool:
    """Whether the role word ending at ``position`` ends its phrase."""
    rest = text[position:position + 8].lstrip()
    return not rest or rest[0] in _PHRASE_BREAKS


def named_office(ref: DepartmentRef, registry: DepartmentRegistry, parties: bool = False) -> bool:
    """An office a phrase names: one the registry knows, or an office's or a
    government's name after a level or 各 ("市大数据中心", "各县（市、区）人民政府"),
    or named by its level alone ("设区的市人民政府", "乡镇人民政府")
    — not words that end in one ("加快推进…建设市大数据局", "形成“政府")."""
    raw = ref.raw.strip()
    resolved = registry.resolve(raw)
    name = resolved.name
    named = name != raw or raw.startswith("各") or bool(registry.split_prefix(raw)[0]) \
        or registry.level_named.match(raw) is not None
    if registry.is_government(name):
        # ("政府负责监管": whose government? — "北坝镇人民政府", "潼川镇、北坝镇人民政府": a place's)
        return (named or resolved.known and _PLACE_BEFORE_GOVERNMENT.fullmatch(raw) is not None
                or registry.zone_office.match(raw) is not None) and len(name) <= MAX_NAMED_OFFICE
    if registry.lookup(name) is not None or resolved.known and len(raw) <= MAX_KNOWN_SHORT and _HAN.fullmatch(raw):
        return True  # (… or "市委宣传部", "团市委": the party's offices, known by their shape)
    if resolved.known and len(raw) <= MAX_NAMED_OFFICE and registry.named_by_shape(raw) \
            or registry.internal_office.search(raw) or parties and registry.party_word.fullmatch(raw):
        return True  # (a national body's branch in a place, its place in its name: "人民银行江西省分行"; an office's section)
    if _city_office_for_a_county(raw, registry) or registry.zone_office.match(raw):
        return True
    return named and len(name) <= MAX_NAMED_OFFICE and registry.looks_like_office(name)


def _city_office_for_a_county(raw: str, registry: DepartmentRegistry) -> bool:
    """A city's office for one of its counties, named by both places: "宿迁市沭阳生态环境局",
    "苏州市吴江生态环境局" (county-staged-deadlines-2026): a city's name, the county's (two or three
    characters, no level word) and an office the registry knows."""
    city = _CITY.match(raw)
    if city is None:
        return False
    rest = raw[city.end():]
    return any(_HAN.fullmatch(rest[:k]) and registry.lookup(rest[k:]) is not None for k in (2, 3))


_CITY = compiled(r"\p{Han}{2,4}?市(?![委政])")

# a place's government, by the place's name: at most four characters and its kind ("潼川镇、北坝镇人民政府")
_PLACE_BEFORE_GOVERNMENT = compiled(r"\p{Han}{1,4}[镇乡县区市州旗盟](?:、\p{Han}{1,4}[镇乡县区市州旗盟]){0,6}(?:人民)?政府")
MAX_KNOWN_SHORT = 8  # characters of a name the registry reads as known by its shape, taken as an office
