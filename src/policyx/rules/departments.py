"""The department registry: from a name as written to a DepartmentRef.

Built once from ``rules/departments.yaml`` (see that file for the format).
Lookup order for a raw name such as "自治区经信委等":

1. drop a trailing 等 / 等部门 / 等单位;
2. the whole name as an alias ("市场监管局" is a name, not 市 + 场监管局);
3. a level prefix (自治区, 州, 县 …) plus an alias;
4. unknown: kept as written; a level prefix is removed only when what is
   left still looks like an office and the prefix does not start a word
   (市场监管局 keeps its 市).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.errors import RulesError
from policyx.model import DepartmentRef, copier, replaced
from policyx.rules.loader import NEVER, alternation, optional_pattern
from policyx.text.kept import Memo
from policyx.text.stored_patterns import compiled

# punctuation around a name (the words are in rules/departments.yaml)
_EDGE_STOPS = " \t\r\n,，、;；.。:："
_EDGE_NOISE = _EDGE_STOPS + "\"'“”‘’"  # (…and the quotes)


def _strip_edges(text: str) -> str:
    """A name without the stops and quotes at its edges — but for a closing quote
    that closes one inside it: "各村（社区）“两委”"."""
    out = text.strip(_EDGE_NOISE)
    if "“" in out and out.count("“") > out.count("”") and text.rstrip(_EDGE_STOPS).endswith("”"):
        out += "”"
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    function: str
    full_name: str
    generic: bool = False


# the names whose readings a registry keeps (resolve, split_prefix, is_government), each table forgotten at once past it
MAX_CACHED_NAMES = 50_000

_LINE_BREAK = compiled(r"[ \t]{0,8}\r?\n[ \t]{0,8}")

# the brackets of a document's number, written inside a name for an aside of its own (各市〔州〕人民政府)
_ASIDE_BRACKETS = str.maketrans("〔〕", "()")


class DepartmentRegistry:
    """Aliases → (function, full official name); level prefixes → level."""

    def __init__(self, data: dict, *, where: str = "departments.yaml", conjunctions: regex.Pattern | None = None) -> None:
        self.aliases: dict[str, Entry] = {}
        # (bounded: a batch of plans, or a long plan's candidate names, asks about endless distinct words)
        self._cache: Memo = Memo(MAX_CACHED_NAMES)
        self._prefixes: Memo = Memo(MAX_CACHED_NAMES)  # split_prefix's answers
        self._governments: Memo = Memo(MAX_CACHED_NAMES)  # is_government's
        levels = data.get("levels", {}) or {}
        self.prefixes: list[tuple[str, str]] = sorted(
            ((p, level) for level, prefixes in levels.items() for p in prefixes or ()),
            key=lambda item: -len(item[0]),
        )
        # the same, for split_prefix: {prefix: level} (the first listed wins) and the lengths, longest first
        self._prefix_level: dict[str, str] = {}
        for prefix, level in self.prefixes:
            self._prefix_level.setdefault(prefix, level)
        self._prefix_lengths = sorted({len(p) for p in self._prefix_level}, reverse=True)
        self.not_prefix = _pattern(data, "not_prefix", where)
        self.not_office_endings, self.position_endings = (_word_tuple(data, key) for key in ("not_office_endings",
                                                                                              "position_endings"))
        suffixes = data.get("office_suffixes", []) or []
        self.office_suffix = regex.compile(f"(?:{alternation(suffixes)})$") if suffixes else None
        self.bare_suffixes = frozenset(map(str, suffixes))
        self.government = _pattern(data, "government_pattern", where)
        self.leading_word = _pattern(data, "leading_word", where)
        self.trailing_etc = _pattern(data, "trailing_etc", where)
        self.party_committee = _pattern(data, "party_committee", where)
        self.person_note = _pattern(data, "person_note", where)
        self.party_office = _pattern(data, "party_office", where)
        self.province_office = _pattern(data, "province_office", where)
        self.state_office = _pattern(data, "state_office", where)
        self.place_name = _pattern(data, "place_name", where)
        self.generic_shape = _pattern(data, "generic_shape", where)
        self.contact_detail = _pattern(data, "contact_detail", where)
        self.internal_office = _pattern(data, "internal_office", where)
        self.every_government = _pattern(data, "every_government", where)
        self.level_named = _pattern(data, "level_named", where)
        self.park_committee = _pattern(data, "park_committee", where)
        self.zone_office = _pattern(data, "zone_office", where)  # "经开区财政金融局": a zone's own office, its name kept
        self.defined_short_name = _pattern(data, "defined_short_name", where)  # "（以下简称市环境局）"
        self.defined_full_name_after = _pattern(data, "defined_full_name_after", where)  # "…成立" before the full name
        self.defined_party = _pattern(data, "defined_party", where)  # "乙方：楚东村民委员会"
        self.party_word = _pattern(data, "party_word", where)  # "乙方"
        self._stems: tuple[regex.Pattern, dict[str, str]] | None = None  # (_function_named_in's, made when first asked)
        self.place_levels = _place_levels(data, where)
        self.place_end = regex.compile(alternation(self.place_levels) if self.place_levels else NEVER)
        # 和/及/与 between two names (responsibility.yaml's conjunctions)
        self.conjunctions = conjunctions if conjunctions is not None else regex.compile(NEVER)
        self.shaped = _shaped(data, where)
        self._any_shape = _any_of(self.shaped)
        seen_ids: set[str] = set()
        for item in data.get("departments", []) or []:
            if not isinstance(item, dict) or "id" not in item or "names" not in item:
                raise RulesError(f"{where}: each department needs 'id' and 'names' ({item!r:.60})")
            function = str(item["id"])
            if function in seen_ids:
                raise RulesError(f"{where}: duplicate department id {function!r}")
            seen_ids.add(function)
            names = item["names"] or {}
            if not isinstance(names, dict):
                raise RulesError(f"{where}: department {function!r} field 'names' must map full names to aliases")
            for full_name, aliases in names.items():
                for alias in [full_name, *(aliases or [])]:
                    self.aliases[str(alias)] = Entry(function, str(full_name))
            for alias in item.get("generic", []) or []:
                self.aliases.setdefault(str(alias), Entry(function, str(alias), generic=True))

    # -- lookups -----------------------------------------------------------------

    def split_prefix(self, name: str) -> tuple[str, str | None, str]:
        """("自治区经信委") → ("自治区", "province", "经信委"); no prefix → ("", None, name)."""
        found = self._prefixes.get(name)
        if found is None:
            found = self._prefixes.keep(name, self._split_prefix(name))
        return found

    def _split_prefix(self, name: str) -> tuple[str, str | None, str]:
        for length in self._prefix_lengths:
            if len(name) > length:
                level = self._prefix_level.get(name[:length])
                if level is not None:
                    return name[:length], level, name[length:]
        return "", None, name

    def split_place(self, name: str) -> tuple[str, str | None, str] | None:
        """("深圳市生态环境局") → ("深圳市", "prefecture", "生态环境局"): a place
        name ending in a level word, then a known office; None otherwise."""
        for m in self.place_end.finditer(name, 1):
            if not self.place_name.fullmatch(name, 0, m.end()):  # not name[:m.end()]: quadratic on a long name
                continue
            place, rest = name[:m.end()], name[m.end():]
            entry = self.aliases.get(rest)
            if entry is not None and not entry.generic and entry.function != "government":
                return place, self.place_levels.get(m.group(0)), rest
        return None

    def named_by_shape(self, name: str) -> bool:
        """Whether ``name`` is an office known by its shape ("人行石家庄中心支行", "宜昌海关")."""
        return self._any_shape.fullmatch(name) is not None

    def names_a_post(self, name: str) -> bool:
        """Whether ``name`` is a post a person holds ("各级河长", "分管副县长") or how to reach one
        ("电话：12345678901"), no office."""
        return name.strip().endswith(self.position_endings) or self.contact_detail.search(name) is not None

    def looks_like_office(self, name: str) -> bool:
        if not name:
            return False
        if name in self.aliases:
            return True
        if name.endswith(self.not_office_endings) or name in self.bare_suffixes:
            return False  # (nor is a bare kind of office: "各有关部门和单位" is one group)
        return bool(self.office_suffix and self.office_suffix.search(name))

    def is_government(self, name: str) -> bool:
        """A local government or park committee (各县市人民政府, 园区管委会, 各地区):
        the level that carries a task out."""
        found = self._governments.get(name)
        if found is None:
            found = self._governments.keep(name, self._names_government(name))
        return found

    def is_every_government(self, name: str) -> bool:
        """Every local government of a level (各区县人民政府), not a named one."""
        return self.every_government.match(name) is not None and self.is_government(name)

    def _names_government(self, name: str) -> bool:
        if self.government.search(name):
            return True
        entry = self.aliases.get(name)
        return entry is not None and entry.function == "government" and not entry.generic

    def lookup(self, name: str) -> Entry | None:
        return self.aliases.get(name)

    def asked_level(self, query: str) -> str | None:
        """The level a user's question about a department names: the one its
        prefix or place writes (省发展改革委, 深圳市生态环境局), or the state's for a state office
        (国家发展改革委, 生态环境部); None where the name only suggests one (a
        厅 is a province's, but 环保厅 asks for the function at every level)."""
        ref = self.resolve(query)
        written = self.split_prefix(query.strip())[0] or self.split_place(query.strip()) is not None
        return ref.level if written or ref.level == "state" else None

    def resolve(
        self,
        raw: str,
        *,
        inherited_prefix: str = "",
        span: tuple[int, int] | None = None,
        inherited: bool = False,
        rule: str = "",
    ) -> DepartmentRef:
        """A DepartmentRef for a name as written.

        ``inherited_prefix`` is the level prefix written once for a whole list
        ("自治区经信委、环保厅牵头" — 环保厅 is the 自治区's too); ``rule``, the
        clause form reading it.
        """
        key = (raw, inherited_prefix)
        template = self._cache.get(key)
        if template is None:
            template = self._cache.keep(key, self._resolve(raw, inherited_prefix))
        if span is None and not inherited and not rule:
            return template
        return _placed(template, span, inherited, rule or template.rule)

    def _resolve(self, raw: str, inherited_prefix: str) -> DepartmentRef:
        cleaned = self._cleaned(raw)
        # a note in brackets after a name is part of it but says nothing of the
        # office: "省发展改革委(省数据局)" is looked up as 省发展改革委. A few at
        # most: a cell of thousands of "(一)" is not peeled note by note
        notes = []
        person = _TRAILING_ASIDE.search(cleaned)  # ("（联系人：王某，联系电话：86012345）": longer than a note)
        if person is not None and person.start() > 1 and self.person_note.match(cleaned, person.start()):
            cleaned = self._cleaned(cleaned[:person.start()])
        while len(notes) < _MOST_NOTES and (note := _TRAILING_NOTE.search(cleaned)) and note.start() > 1:
            if not self.person_note.match(cleaned, note.start()):  # ("（责任人：孙某某，副局长）": a person, no part of the name)
                notes.append(cleaned[note.start():])
            cleaned = self._cleaned(cleaned[:note.start()])
        ref = self._resolve_cleaned(raw, cleaned, inherited_prefix)
        if not notes:
            return ref
        tail = "".join(reversed(notes))
        return replaced(ref, raw=raw, name=ref.name + tail, canonical=ref.canonical + tail)

    def _resolve_cleaned(self, raw: str, cleaned: str, inherited_prefix: str) -> DepartmentRef:
        prefix, level, rest, entry, placed_name = self._lookup(cleaned)
        # a place name stays in the name ("滁州海关", "深圳市生态环境局"), and so
        # does a party committee's ("市委宣传部"): only a bare level prefix
        # ("市", "自治区") is left out
        name = cleaned if placed_name or self.party_committee.search(prefix) else rest
        if entry is not None:
            if not prefix and inherited_prefix and not placed_name:
                # only a known office takes the list's level: "省商务厅、深圳海关" — the
                # customs office is not the province's
                prefix, level = inherited_prefix, self._level_of_prefix(inherited_prefix)
            return DepartmentRef(
                raw=raw, name=name, canonical=f"{prefix}{self._full_name(prefix, entry)}", function=entry.function,
                level=level if level is not None else self._level_from_name(entry.full_name),
                known=True, inherited=False, span=None,
            )
        if self._is_government(cleaned):
            # every office names its own local governments ("各设区市人民政府",
            # "各县（市、区）人民政府", "某某县人民政府"): known by their shape
            return DepartmentRef(
                raw=raw, name=cleaned, canonical=cleaned, function="government", level=level,
                known=True, inherited=False, span=None,
            )
        return DepartmentRef(
            raw=raw, name=name, canonical=name if name.startswith(prefix) else f"{prefix}{name}", function=None, level=level,
            known=False, inherited=False, span=None,
        )

    def _cleaned(self, raw: str) -> str:
        cleaned = _strip_edges(raw)
        if "\n" in cleaned:
            cleaned = _LINE_BREAK.sub("", cleaned)  # "市交通运\n输局": a name a copy broke at the line's end
        if "〔" in cleaned:
            cleaned = cleaned.translate(_ASIDE_BRACKETS)  # "各市〔州〕人民政府": the (州) of 各市(州)人民政府
        leading = self.leading_word.search(cleaned)
        if leading and len(cleaned) > 3 and self._names_an_office(cleaned[leading.end():]):
            cleaned = cleaned[leading.end():]  # "（由市环保局牵头）"; not "由环保部门负责解释"
        return _strip_edges(self.trailing_etc.sub("", cleaned)) or cleaned

    def _lookup(self, cleaned: str) -> tuple[str, str | None, str, Entry | None, bool]:
        """The name's level prefix, level, remaining name, its entry in the
        aliases, and whether a place name was split off (rather than a level)."""
        entry = self.aliases.get(cleaned)
        if entry is not None:
            return "", None, cleaned, entry, False
        prefix, level, rest = self.split_prefix(cleaned)
        entry = self.aliases.get(rest) if prefix else None
        if entry is not None:
            return prefix, level, rest, entry, False
        if prefix and not (self.looks_like_office(rest) and not self.not_prefix.match(cleaned)):
            prefix, level, rest = "", None, cleaned
        placed = self.split_place(cleaned)
        if placed is not None:
            return *placed, self.aliases[placed[2]], True
        function = next((f for f, shape in self.shaped if shape.fullmatch(cleaned)), None)
        if function is not None:  # (a branch in a place, the place in its name: "人行石家庄中心支行", "河北银保监局")
            return "", None, cleaned, Entry(function, cleaned), True
        if self.generic_shape.search(cleaned):  # ("区政府有关部门", "各省级水行政主管部门": no one office)
            return prefix, level, rest, Entry(self._function_named_in(rest) or "government", rest, generic=True), False
        return prefix, level, rest, None, False

    def _function_named_in(self, name: str) -> str | None:
        """The function whose office a name of a kind of offices names
        ("各省级水行政主管部门": water, "卫生健康主管部门": health): a known
        office's name without its office word (水行政主管, 卫生健康), found in it."""
        if self._stems is None:
            stems: dict[str, str] = {}
            for alias, entry in self.aliases.items():
                stem = self.office_suffix.sub("", alias) if self.office_suffix else alias
                if len(stem) >= 2 and entry.function != "government" and not self.government.search(stem):
                    stems.setdefault(stem, entry.function)
            self._stems = (regex.compile(alternation(list(stems)) or NEVER), stems)
        pattern, stems = self._stems
        found = pattern.search(name)
        return stems[found.group()] if found else None

    def _is_government(self, name: str) -> bool:
        """A local government named by its shape, not one joined to another by 和/及/与."""
        return bool(self.government.search(name)) and not any(
            self.government.search(name, 0, m.start()) for m in self.conjunctions.finditer(name))

    def _names_an_office(self, name: str) -> bool:
        """A particular office (not a generic 环保部门), with or without its level."""
        _, _, rest = self.split_prefix(name)
        entry = self.aliases.get(name) or self.aliases.get(rest)
        if entry is not None:
            return not entry.generic
        return self.looks_like_office(rest)

    def _level_of_prefix(self, prefix: str) -> str | None:
        return next((level for p, level in self.prefixes if p == prefix), None)

    def _full_name(self, prefix: str, entry: Entry) -> str:
        """The office's full name under a prefix: a party committee's prefix
        takes the place of a party office's 党委 (市委 + 党委组织部 is 市委组织部)."""
        party = self.party_office.search(entry.full_name) if self.party_committee.search(prefix) else None
        return entry.full_name[party.end():] if party else entry.full_name

    def _level_from_name(self, full_name: str) -> str | None:
        """A 部 is the state's office (not a party office's), and so is one its
        name gives to the state (国务院办公厅); a 厅 is a province's. 局 and 委
        exist at every level."""
        if self.state_office.search(full_name) and not self.party_office.search(full_name):
            return "state"
        if self.province_office.search(full_name):
            return "province"
        return None


_placed = copier(DepartmentRef, "span", "inherited", "rule")
# punctuation: a note in brackets after a name
_TRAILING_NOTE = compiled(r"[(（][^()（）]{1,16}[)）]$")
_TRAILING_ASIDE = compiled(r"[(（][^()（）]{1,40}[)）]$")
_MOST_NOTES = 4


def _pattern(data: dict, key: str, where: str) -> regex.Pattern:
    try:
        return optional_pattern(data.get(key))
    except regex.error as exc:
        raise RulesError(f"{where}: field {key!r}: bad pattern ({exc})") from None


def _any_of(shaped: list[tuple[str, regex.Pattern]]) -> regex.Pattern:
    """Every shape at once: "is it any?" is asked of many names, one match in place of one a shape."""
    return regex.compile("|".join(f"(?:{shape.pattern})" for _, shape in shaped) or "(?!)")


def _shaped(data: dict, where: str) -> list[tuple[str, regex.Pattern]]:
    """(function, pattern) of the offices named by their shape (``shaped``)."""
    shaped = []
    for item in data.get("shaped", []) or []:
        if not isinstance(item, dict) or "id" not in item or "pattern" not in item:
            raise RulesError(f"{where}: each entry of 'shaped' needs 'id' and 'pattern' ({item!r:.60})")
        try:
            shaped.append((str(item["id"]), regex.compile(str(item["pattern"]))))
        except regex.error as exc:
            raise RulesError(f"{where}: shaped {item['id']!r}: bad pattern ({exc})") from None
    return shaped


def _place_levels(data: dict, where: str) -> dict[str, str]:
    """{level word a place name ends in: level}."""
    levels = data.get("place_levels") or {}
    if not isinstance(levels, dict):
        raise RulesError(f"{where}: field 'place_levels' must map each level to a list of words")
    return {str(word): str(level) for level, words in levels.items() for word in words or ()}


def _word_tuple(data: dict, key: str) -> tuple[str, ...]:
    """A rule file's list of words (none where it is left out or empty)."""
    return tuple(data.get(key) or ())
