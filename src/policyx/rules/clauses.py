"""Compiled clause grammar (``rules/responsibility.yaml``): role words, labels,
brackets, notes, conventions, standing clauses and prose attributions."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.errors import RulesError
from policyx.rules.loader import NEVER, alternation, optional_pattern, optional_patterns
from policyx.text.fold import fold

ROLE_KINDS = ("lead", "participant", "implementer", "responsible")
LABEL_KINDS = (*ROLE_KINDS, "person", "supervisor")  # (labels of those who do no part of the task)
CONVENTION_EFFECTS = ("first_is_lead", "all_lead", "lead_before_semicolon")


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    effect: str
    pattern: regex.Pattern
    examples: tuple[dict, ...] = ()


@dataclass(frozen=True, slots=True)
class ProseRule:
    id: str
    pattern: regex.Pattern
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ResponsibilityRules:
    role_of: dict[str, str]
    role_pattern: regex.Pattern
    role_at_end: regex.Pattern
    label_of: dict[str, str]
    label_pattern: regex.Pattern
    closer_to_opener: dict[str, str]
    opener_to_closer: dict[str, str]
    separators: regex.Pattern
    conjunctions: regex.Pattern
    phrase_separators: regex.Pattern
    standing: tuple[regex.Pattern, ...]
    bracket_pattern: regex.Pattern
    label_stop: regex.Pattern
    time_field: regex.Pattern  # the fields of label_stop that say when (完成时限)
    list_opener: regex.Pattern
    notes: regex.Pattern
    conventions: tuple[Convention, ...]
    carry_forward: regex.Pattern
    convention_others: regex.Pattern  # right after a convention: the others it speaks of ("，其他单位按…")
    prose: tuple[ProseRule, ...]
    etc_tail: regex.Pattern
    place_before_office: regex.Pattern
    unit_group: regex.Pattern
    role_note: regex.Pattern
    lead_mark: regex.Pattern  # "县教育局★": the lead marked at a unit's end
    lead_mark_legend: regex.Pattern  # "注：标★的为牵头单位": the plan says so
    carry_words: regex.Pattern
    not_a_duty: regex.Pattern  # after a role word: no duty ("负责人", "负责解释")
    branch_name: regex.Pattern  # a branch's name after its office's ("交通管理支队")
    reported_work: regex.Pattern  # after a phrase's role word, in its sentence: work reported done ("…进行了集中调度")
    standing_examples: tuple[dict, ...] = ()
    together_with: frozenset[str] = frozenset()  # a lead's word that, opening a phrase, names participants: 会同
    # answering labels that, after another answering label, name those who carry the task out ("责任学校")
    carrying_out_labels: frozenset[str] = frozenset()
    duty_modal: regex.Pattern | None = None  # after a sentence's named offices: their duty ("市财政局要…")
    duty_request: regex.Pattern | None = None  # opening a sentence, before the offices asked ("请国网芜湖供电公司…")
    duty_lead_in: regex.Pattern | None = None  # before a duty's offices in its sentence ("会议要求，")
    duty_not_opening: regex.Pattern | None = None  # words before the office: no duty ("一是市财政局要…")
    duty_everyone: regex.Pattern | None = None  # units that are everyone, no office a duty names ("各地各部门要…")
    duty_label_work: regex.Pattern | None = None  # after offices and a colon or a stop: their duties ("市财政局：负责…")
    bracket_note: regex.Pattern | None = None  # "（注：…）": a note in brackets, no clause


def _words(data: dict, field: str, kinds: tuple[str, ...], where: str) -> dict[str, str]:
    groups = data.get(field) or {}
    if not isinstance(groups, dict):
        raise RulesError(f"{where}: field {field!r} must map each kind to a list of words")
    out = {}
    for kind, words in groups.items():
        if kind not in kinds:
            raise RulesError(f"{where}: field {field!r}: unknown kind {kind!r} (use {', '.join(kinds)})")
        if not isinstance(words, list):
            raise RulesError(f"{where}: field {field!r}: {kind!r} must be a list of words")
        out.update({str(word): kind for word in words})
    return out


def _pattern(source, where: str, field: str) -> regex.Pattern:
    try:
        return regex.compile(source)
    except (regex.error, TypeError) as exc:
        raise RulesError(f"{where}: field {field!r}: bad pattern ({exc})") from None


def _standing(data: dict, where: str) -> tuple[tuple[regex.Pattern, ...], tuple[dict, ...]]:
    patterns, examples = [], []
    for item in data.get("standing") or ():
        rid = item.get("id", "?") if isinstance(item, dict) else item
        if not isinstance(item, dict) or "pattern" not in item:
            raise RulesError(f"{where}: standing rule {rid!r} needs a 'pattern'")
        patterns.append(_pattern(item["pattern"], where, f"standing {rid}"))
        examples.extend(item.get("examples") or ())
    return tuple(patterns), tuple(examples)


def _conventions(data: dict, where: str) -> tuple[Convention, ...]:
    out = []
    for item in data.get("conventions") or ():
        if not isinstance(item, dict) or not {"id", "effect", "pattern"} <= set(item):
            raise RulesError(f"{where}: each convention needs 'id', 'effect' and 'pattern' ({item!r:.60})")
        if item["effect"] not in CONVENTION_EFFECTS:
            raise RulesError(f"{where}: convention {item['id']!r} field 'effect' must be one of {', '.join(CONVENTION_EFFECTS)}")
        out.append(Convention(item["id"], item["effect"], _pattern(item["pattern"], where, f"conventions {item['id']}"),
                              tuple(item.get("examples") or ())))
    return tuple(out)


def _prose(data: dict, where: str) -> tuple[ProseRule, ...]:
    out = []
    for item in data.get("prose") or ():
        if not isinstance(item, dict) or not {"id", "pattern"} <= set(item):
            raise RulesError(f"{where}: each prose rule needs 'id' and 'pattern' ({item!r:.60})")
        pattern = _pattern(item["pattern"], where, f"prose {item['id']}")
        if "clause" not in pattern.groupindex:
            raise RulesError(f"{where}: prose rule {item['id']!r} field 'pattern' needs a group named 'clause'")
        out.append(ProseRule(item["id"], pattern, tuple(item.get("examples") or ()), tuple(item.get("counterexamples") or ())))
    return tuple(out)


def _label_guards(label_of: dict[str, str], only_after: dict[str, list[str]]) -> dict[str, str]:
    """Lookbehinds over the label word itself: a person's label not in the bracket right after a name; a label
    that counts only after another in its line (``label_only_after``: a group's members after its leader)."""
    guards = {w: f"(?<!\\p{{Han}}[（(]{regex.escape(w)})" for w, kind in label_of.items() if kind == "person"}
    for word, before in only_after.items():
        after = "|".join(regex.escape(b) for b in before)
        guards[word] = guards.get(word, "") + f"(?<=(?:{after})[\\s\\S]{{1,{_LABEL_REACH}}}?{regex.escape(word)})"
    for word in label_of:  # (nor the end of a longer label: 组长单位 in "副组长单位")
        for longer in (w for w in label_of if w != word and w.endswith(word)):
            guards[word] = guards.get(word, "") + f"(?<!{regex.escape(longer)})"
    return guards


_LABEL_REACH = 200  # characters from the label a later one counts after (its own line or the next ones)


def compile_responsibility(data: dict, *, where: str = "responsibility.yaml") -> ResponsibilityRules:
    role_of = _words(data, "roles", ROLE_KINDS, where)
    label_of = _words(data, "labels", LABEL_KINDS, where)
    guards = _label_guards(label_of, {str(k): [str(w) for w in v] for k, v in (data.get("label_only_after") or {}).items()})
    if not role_of:
        raise RulesError(f"{where}: field 'roles' is empty")
    pairs = [tuple(fold(ch) for ch in pair) for pair in data.get("brackets") or ()]
    if any(len(pair) != 2 for pair in pairs):
        raise RulesError(f"{where}: field 'brackets': each entry is an [opener, closer] pair")
    bracket_chars = "".join(regex.escape(ch) for pair in pairs for ch in pair)
    standing, examples = _standing(data, where)
    roles = alternation(list(role_of))
    return ResponsibilityRules(
        role_of=role_of,
        role_pattern=regex.compile(f"(?:{roles})"),
        role_at_end=regex.compile(f"(?:{roles})(?=[\\s。.;；,，]*$)"),
        label_of=label_of,
        # (or the label in 【】 before its units: "【牵头单位】州经信局【责任单位】州农业农村局、各县市人民政府",
        # prefecture-implementation-opinions-mixed-2025)
        # (the label's words first: the engine then scans for them, not tries every position)
        # (a person's label right after a name's bracket is no field of the clause but a note on the unit:
        # "区文化和旅游局（责任人：陈某某，副局长）、区市场监管局…", district-responsibility-list-2026)
        label_pattern=regex.compile(f"(?P<label>{alternation(list(label_of), guards)})[ \\t]*[:：】][ \\t]*")
        if label_of else regex.compile(NEVER),
        closer_to_opener={close: open_ for open_, close in pairs},
        opener_to_closer={open_: close for open_, close in pairs},
        separators=_pattern(data.get("separators") or "[、,;]", where, "separators"),
        conjunctions=_pattern(data.get("conjunctions") or NEVER, where, "conjunctions"),
        phrase_separators=_pattern(data.get("phrase_separators") or "[，,；;。]", where, "phrase_separators"),
        standing=standing,
        bracket_pattern=regex.compile(f"[{bracket_chars}]" if bracket_chars else NEVER),
        **optional_patterns(data, "label_stop", "time_field", "list_opener", "notes"),
        conventions=_conventions(data, where),
        carry_forward=optional_pattern(data.get("carry_forward")),
        convention_others=optional_pattern(data.get("convention_others")),
        prose=_prose(data, where),
        **optional_patterns(data, "etc_tail", "place_before_office", "unit_group", "role_note", "lead_mark", "lead_mark_legend", "carry_words",
                            "not_a_duty", "branch_name", "reported_work", "duty_modal", "duty_request", "duty_lead_in", "duty_everyone",
                            "duty_not_opening", "duty_label_work", "bracket_note"),
        standing_examples=examples,
        together_with=frozenset(fold(str(w)) for w in data.get("together_with") or ()),
        carrying_out_labels=frozenset(fold(str(w)) for w in data.get("carrying_out_labels") or ()),
    )
