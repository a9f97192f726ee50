"""Rule files: read ``rules/*.yaml``, validate, compile each pattern once.

Rules are data.  The packaged rules are always loaded first; every ``--rules
DIR`` given adds its files on top (a list such as department aliases is
extended, a rule with an id that already exists replaces it).  A malformed
file raises :class:`RulesError` naming the file, the rule id and the field.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from policyx.errors import RulesError
from policyx.rules.fragments import expand_fragments
from policyx.resources import packaged_rules_dir

if TYPE_CHECKING:
    from policyx.rules.clauses import ResponsibilityRules
    from policyx.rules.deadlines import DeadlineRules
    from policyx.rules.departments import DepartmentRegistry
    from policyx.rules.document import DocumentRules
    from policyx.rules.sections import SectionRules
    from policyx.rules.tables import TableRules
    from policyx.rules.targets import TargetRules
    from policyx.rules.tasks import TaskRules



@functools.lru_cache(maxsize=1)
def _unique_key_loader():
    """PyYAML silently keeps the last of two equal keys; rule files must not.
    (libyaml's C loader when PyYAML has it: five times faster at start-up.)
    Built on first use: with compiled rules cached, a command never imports yaml."""
    import yaml

    class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def _construct_mapping(loader, node, deep: bool = False) -> dict:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            mapping[key] = loader.construct_object(value_node, deep=deep)
        return mapping

    _UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return _UniqueKeyLoader


@dataclass(frozen=True, slots=True)
class PatternRule:
    id: str
    pattern: regex.Pattern
    source: str
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MarkerRule:
    id: str
    style: str
    rank: int
    kind: str
    pattern: regex.Pattern
    examples: tuple[dict, ...] = ()
    counterexamples: tuple[str, ...] = ()
    level: int | None = None  # the level this marker stands for in official documents (一、 1, （一） 2 …)
    inline: tuple[str, ...] = ()  # where else it may stand: after a sentence's stop, glued to words
    first: frozenset[str] | None = None  # the characters a match can start with (None: any)
    confirmed_by: regex.Pattern | None = None  # read only in a text where this matches (a line of it: MULTILINE)


@dataclass(frozen=True, slots=True)
class RuleSet:
    markers: tuple[MarkerRule, ...]
    sections: "SectionRules"
    noise: tuple[PatternRule, ...]
    departments: "DepartmentRegistry"
    responsibility: "ResponsibilityRules"
    tasks: "TaskRules"
    deadlines: "DeadlineRules"
    targets: "TargetRules"
    tables: "TableRules"
    document: "DocumentRules"
    files: tuple[str, ...]
    raw: dict[str, dict] = field(default_factory=dict)
    # for each pattern run over every stretch of text (by rule id), sets of
    # characters one of which each match holds: a stretch without them is not searched
    requires: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # what extraction asks text/anchors.py about these patterns, worked out
    # with the rules (and so kept in the cache): facts(), remember()
    facts: dict = field(default_factory=dict)
    key: str | None = None  # the digest its cache file is named by (rules/cache.py), when it has one

    def marker(self, rule_id: str) -> MarkerRule:
        return next(m for m in self.markers if m.id == rule_id)


def _read_yaml(path: Path) -> dict:
    import yaml

    from policyx.errors import InputError
    from policyx.limits import SETTINGS_MAX_BYTES, read_file

    try:
        text = read_file(path, limit=SETTINGS_MAX_BYTES).decode("utf-8")  # a regular file (a FIFO would block), within the size limit
        data = yaml.load(text, Loader=_unique_key_loader())  # noqa: S506
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: {exc}".replace("\n", " ")) from None
    except InputError as exc:
        raise RulesError(str(exc)) from None
    except UnicodeDecodeError:
        raise RulesError(f"{path}: not a UTF-8 text file") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RulesError(f"{path}: a rule file must hold a mapping at the top")
    return data


def _merge(into: dict[str, dict], name: str, data: dict, path: Path) -> None:
    """Layer a later rule file over an earlier one of the same name."""
    current = into.setdefault(name, {})
    for key, value in data.items():
        if isinstance(value, list) and isinstance(current.get(key), list):
            by_id = {item.get("id"): i for i, item in enumerate(current[key]) if isinstance(item, dict)}
            merged = list(current[key])
            for item in value:
                rid = item.get("id") if isinstance(item, dict) else None
                if rid is not None and rid in by_id:
                    merged[by_id[rid]] = item
                else:
                    merged.append(item)
            current[key] = merged
        elif isinstance(value, dict) and isinstance(current.get(key), dict):
            current[key] = {**current[key], **value}
        else:
            current[key] = value
    current.setdefault("_files", []).append(str(path))


NEVER = r"(?!x)x"  # a pattern that matches nothing
NOISE_ACTIONS = ("blank", "delete", "decode", "break", "cell")


def optional_pattern(source: str | None) -> regex.Pattern:
    """A rule file's optional pattern; when the file leaves it out, one that never matches."""
    return regex.compile(source or NEVER)


def optional_patterns(data: dict, *keys: str) -> dict[str, regex.Pattern]:
    """The optional patterns ``keys`` of a rule file, by key: for a compiled-rules
    class whose fields bear the keys' names (``Rules(**optional_patterns(data, "a", "b"))``)."""
    return {key: optional_pattern(data.get(key)) for key in keys}


def alternation(words, guards: dict[str, str] | None = None) -> str:
    """Words as a regex alternation, longest first so that 牵头负责 wins over 牵头; ``guards``, by word, written after it."""
    return "|".join(regex.escape(w) + (guards or {}).get(w, "") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _compile(source: str, *, where: str, flags: int = 0) -> regex.Pattern:
    try:
        return regex.compile(source, flags | regex.V0)
    except regex.error as exc:
        raise RulesError(f"{where}: bad pattern ({exc})") from None


def _require(item: Any, fields: tuple[str, ...], where: str) -> None:
    if not isinstance(item, dict):
        raise RulesError(f"{where}: each rule must be a mapping")
    for name in fields:
        if name not in item:
            raise RulesError(f"{where}: rule {item.get('id', '?')!r} has no field {name!r}")


def _check_unique_ids(items: list, where: str) -> None:
    seen: set[str] = set()
    for item in items:
        rid = item.get("id") if isinstance(item, dict) else None
        if rid in seen:
            raise RulesError(f"{where}: duplicate rule id {rid!r}")
        seen.add(rid)


def _build_markers(data: dict) -> tuple[MarkerRule, ...]:
    where = ", ".join(data.get("_files", ["sections.yaml"]))
    fragments = data.get("fragments", {}) or {}
    items = data.get("markers", []) or []
    _check_unique_ids(items, where)
    markers = []
    for item in items:
        _require(item, ("id", "style", "rank", "kind", "pattern"), where)
        if item["kind"] not in ("heading", "box", "appendix"):
            raise RulesError(f"{where}: rule {item['id']!r} field 'kind' must be heading, box or appendix")
        source = expand_fragments(item["pattern"], fragments, where=f"{where}: rule {item['id']!r} field 'pattern'")
        markers.append(
            MarkerRule(
                id=item["id"],
                style=str(item["style"]),
                rank=int(item["rank"]),
                kind=item["kind"],
                pattern=_compile(r"[ \t]*(?:" + source + ")", where=f"{where}: rule {item['id']!r} field 'pattern'"),
                examples=tuple(item.get("examples", ()) or ()),
                counterexamples=tuple(item.get("counterexamples", ()) or ()),
                level=int(item["level"]) if item.get("level") is not None else None,
                inline=_inline_places(item, where),
                confirmed_by=_compile(item["confirmed_by"], where=f"{where}: rule {item['id']!r} field 'confirmed_by'",
                                      flags=regex.MULTILINE) if item.get("confirmed_by") else None,
            )
        )
    from policyx.text.anchors import first_chars

    return tuple(replace(m, first=first_chars(m.pattern.pattern, m.pattern.flags)) for m in markers)


def _inline_places(item: dict, where: str) -> tuple[str, ...]:
    from policyx.rules.sections import INLINE_PLACES

    places = tuple(str(p) for p in item.get("inline", ()) or ())
    for place in places:
        if place not in INLINE_PLACES:
            raise RulesError(f"{where}: rule {item['id']!r} field 'inline': unknown place {place!r} "
                             f"(use {', '.join(INLINE_PLACES)})")
    return places


def _build_patterns(data: dict, name: str) -> tuple[PatternRule, ...]:
    where = ", ".join(data.get("_files", [f"{name}.yaml"]))
    fragments = data.get("fragments", {}) or {}
    items = data.get("rules", []) or []
    _check_unique_ids(items, where)
    rules = []
    for item in items:
        _require(item, ("id", "pattern"), where)
        source = expand_fragments(item["pattern"], fragments, where=f"{where}: rule {item['id']!r} field 'pattern'")
        rules.append(
            PatternRule(
                id=item["id"],
                pattern=_compile(source, where=f"{where}: rule {item['id']!r} field 'pattern'", flags=regex.MULTILINE),
                source=source,
                examples=tuple(item.get("examples", ()) or ()),
                counterexamples=tuple(item.get("counterexamples", ()) or ()),
                extra={k: v for k, v in item.items() if k not in ("id", "pattern", "examples", "counterexamples")},
            )
        )
    return tuple(rules)


_COMPILED_ONCE: dict[tuple[str, tuple[str, ...]], Any] = {}


def compiled_once(rules: RuleSet, name: str, build):
    """A rule file that only some commands use (``diff``'s alignment,
    indicators, regions), compiled on first use, once per set of rule files;
    a malformed file is a RulesError naming it."""
    key = (name, rules.files)
    if key not in _COMPILED_ONCE:
        _COMPILED_ONCE[key] = _kept(rules, name, build)
    return _COMPILED_ONCE[key]


def _kept(rules: RuleSet, name: str, build):
    """What ``build`` makes of the rule file ``name``, kept on disk beside the
    rule set itself (under its key; policyx/cache.py): compiling the
    indicator, alignment and region rules took 10-13 ms of every diff."""
    from policyx import cache

    kept = cache.load(f"rules.{name}", rules.key) if rules.key else None
    if kept is not None:
        return kept
    data = rules.raw.get(name, {})
    built = _guarded(build, data, ", ".join(data.get("_files", [f"{name}.yaml"])))
    if rules.key:
        cache.store(f"rules.{name}", rules.key, built)
    return built


def _guarded(build, data: dict, where: str):
    try:
        return build(data)
    except (regex.error, KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise RulesError(f"{where}: {exc}") from None


@functools.lru_cache(maxsize=16)
def load_rules(extra_dirs: tuple[str, ...] = ()) -> RuleSet:
    """Load, validate and compile the packaged rules plus any extra directories.

    >>> rules = load_rules()
    >>> rules.marker("section.chapter").style
    'chapter'
    """
    dirs = [packaged_rules_dir(), *(Path(d) for d in extra_dirs)]
    from policyx.rules import cache

    # compiled once per set of rule files: a command loads them back in a few ms
    files = [p for d in dirs for p in sorted(d.glob("*.yaml"))] if all(d.is_dir() for d in dirs) else None
    key = cache.cache_key(files) if files else None
    cached = cache.load(key) if key else None
    if isinstance(cached, RuleSet):
        from policyx.text.anchors import remember

        remember(cached.facts)
        return cached
    compiled = _compile_rules(dirs)
    if extra_dirs:  # a user's patterns: safe by construction, like the packaged ones (rules/safety.py)
        from policyx.rules.safety import vet_user_patterns

        vet_user_patterns(compiled, load_rules(()))
    if key:
        compiled = replace(compiled, key=key)
        cache.store(key, compiled)
    return compiled


def _compile_rules(dirs: list[Path]) -> RuleSet:
    """Read, validate and compile the rule files of ``dirs``, later over earlier."""
    raw: dict[str, dict] = {}
    files: list[str] = []
    for directory in dirs:
        if not directory.is_dir():
            raise RulesError(f"{directory}: rules directory not found")
        for path in sorted(directory.glob("*.yaml")):
            data = _read_yaml(path)
            if directory is not dirs[0]:  # a user's file: its keys, types and shapes (the packaged ones: tests)
                from policyx.rules.schema import validate

                validate(path.stem, data, path)
            _merge(raw, path.stem, data, path)
            files.append(str(path))
    if "sections" not in raw:
        raise RulesError(f"{dirs[0]}: sections.yaml is missing")
    noise = _build_patterns(raw.get("noise", {}), "noise")
    for rule in noise:
        if rule.extra.get("action", "blank") not in NOISE_ACTIONS:
            raise RulesError(f"{', '.join(raw['noise'].get('_files', ['noise.yaml']))}: rule {rule.id!r} field 'action' "
                             f"must be one of {', '.join(NOISE_ACTIONS)}")
    from policyx.rules.clauses import compile_responsibility
    from policyx.rules.deadlines import compile_deadline_rules
    from policyx.rules.departments import DepartmentRegistry
    from policyx.rules.document import compile_document_rules
    from policyx.rules.sections import compile_section_rules
    from policyx.rules.tables import compile_table_rules
    from policyx.rules.targets import compile_target_rules
    from policyx.rules.tasks import compile_task_rules

    def where(name: str) -> str:
        return ", ".join(raw.get(name, {}).get("_files", [f"{name}.yaml"]))

    responsibility = compile_responsibility(raw.get("responsibility", {}), where=where("responsibility"))
    compiled = RuleSet(
        markers=_build_markers(raw["sections"]),
        sections=_guarded(compile_section_rules, raw["sections"], where("sections")),
        noise=noise,
        departments=DepartmentRegistry(raw.get("departments", {}), where=where("departments"),
                                       conjunctions=responsibility.conjunctions),
        responsibility=responsibility,
        # the list of attachments is section vocabulary that the task finder needs too
        tasks=_guarded(compile_task_rules, {**raw.get("tasks", {}), "attachment_list": raw["sections"].get("attachment_list")},
                       where("tasks")),
        deadlines=compile_deadline_rules(raw.get("deadlines", {}), where=where("deadlines")),
        targets=compile_target_rules(raw.get("targets", {}), where=where("targets")),
        # …and a note's opening opens a table's notes
        tables=_guarded(compile_table_rules, {**raw.get("tables", {}), "note_opening": raw["sections"].get("note_opening")},
                        where("tables")),
        document=_guarded(compile_document_rules, raw.get("document", {}), where("document")),
        files=tuple(files),
        raw=raw,
    )
    return replace(compiled, requires=_requires(compiled), facts=_facts(compiled))


def _facts(rules: RuleSet) -> dict:
    """The patterns extraction reads with text/anchors.py: where the noise
    rules can start a line (text/normalize.py), what the target patterns start
    with (extract/placement.py)."""
    from policyx.text.anchors import facts

    targets = rules.targets
    return facts(line_starts=[r.pattern for r in rules.noise],
                 firsts=[targets.pattern, targets.bare_pattern, targets.verb_object, targets.fixed_pattern])


def _requires(rules: RuleSet) -> dict[str, tuple[frozenset[str], ...]]:
    """For each gated rule family, sets of characters of which its every match
    holds one (text/presence.py: a stretch lacking one is not searched)."""
    from policyx.text.anchors import required_chars

    targets = rules.targets
    patterns = {"target.comparator": targets.pattern, "target.bound": targets.bare_pattern,
                "target.verb_object": targets.verb_object, "target.fixed": targets.fixed_pattern}
    responsibility = rules.responsibility
    patterns |= {"clause.role": responsibility.role_pattern, "clause.label": responsibility.label_pattern,
                 "table.header_words": rules.tables.header_words,
                 "sections.contents_header": rules.sections.contents_header,
                 "sections.attachment_list": rules.sections.attachment_list,
                 "sections.note_opening": rules.sections.note_opening,
                 "tasks.attachment_list": rules.tasks.attachment_list}
    # a set that holds white space says nothing where the text is read with titles
    # (《…》) blanked to spaces, as targets are: such a set is not kept
    return {rid: tuple(chars for chars in required_chars(p.pattern, p.flags, max_set=64)
                       if not any(c.isspace() for c in chars))
            for rid, p in patterns.items()}
