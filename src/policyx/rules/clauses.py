"""Compiled clause grammar (``rules/responsibility.yaml``): role words, labels, brackets, standing clauses."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyx.errors import RulesError
from policyx.rules.loader import NEVER, alternation, optional_pattern
from policyx.text.fold import fold

ROLE_KINDS = ("lead", "participant", "implementer", "responsible")


@dataclass(frozen=True, slots=True)
class ResponsibilityRules:
    role_of: dict[str, str]
    role_pattern: regex.Pattern
    label_of: dict[str, str]
    label_pattern: regex.Pattern
    closer_to_opener: dict[str, str]
    opener_to_closer: dict[str, str]
    separators: regex.Pattern
    conjunctions: regex.Pattern
    standing: tuple[regex.Pattern, ...]
    bracket_pattern: regex.Pattern
    label_stop: regex.Pattern
    standing_examples: tuple[dict, ...] = field(default=())


def compile_responsibility(data: dict, *, where: str = "responsibility.yaml") -> ResponsibilityRules:
    roles = data.get("roles") or {}
    labels = data.get("labels") or {}
    for kind in roles:
        if kind not in ROLE_KINDS:
            raise RulesError(f"{where}: field 'roles': unknown role {kind!r} (use {', '.join(ROLE_KINDS)})")
    role_of = {word: kind for kind, words in roles.items() for word in words or ()}
    label_of = {word: kind for kind, words in labels.items() for word in words or ()}
    if not role_of:
        raise RulesError(f"{where}: field 'roles' is empty")
    pairs = [tuple(fold(ch) for ch in pair) for pair in data.get("brackets") or ()]
    standing = []
    examples: list[dict] = []
    for item in data.get("standing") or ():
        try:
            standing.append(regex.compile(item["pattern"]))
        except (KeyError, TypeError, regex.error) as exc:
            raise RulesError(f"{where}: standing rule {item.get('id', '?') if isinstance(item, dict) else item!r} field 'pattern': {exc}") from None
        examples.extend(item.get("examples") or ())
    bracket_chars = "".join(regex.escape(ch) for pair in pairs for ch in pair)
    try:
        separators = regex.compile(data.get("separators") or "[、,;]")
        conjunctions = regex.compile(data.get("conjunctions") or "[和及与]")
    except regex.error as exc:
        raise RulesError(f"{where}: field 'separators'/'conjunctions': {exc}") from None
    return ResponsibilityRules(
        role_of=role_of,
        role_pattern=regex.compile(f"(?:{alternation(list(role_of))})"),
        label_of=label_of,
        label_pattern=regex.compile(f"(?P<label>{alternation(list(label_of))})\\s*[:：]\\s*") if label_of else regex.compile(NEVER),
        closer_to_opener={close: open_ for open_, close in pairs},
        opener_to_closer={open_: close for open_, close in pairs},
        separators=separators,
        conjunctions=conjunctions,
        standing=tuple(standing),
        bracket_pattern=regex.compile(f"[{bracket_chars}]" if bracket_chars else NEVER),
        label_stop=optional_pattern(data.get("label_stop")),
        standing_examples=tuple(examples),
    )
