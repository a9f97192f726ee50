"""Units of a list: "发改委、国土资源厅等" → two, "各县（市、区）人民政府" → one."""

from __future__ import annotations

import re
from itertools import islice

import regex

from policyx.model import DepartmentRef
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry
from policyx.text.anchors import char_memo, first_chars
from policyx.text.kept import Memo
from policyx.text.presence import any_char
from policyx.text.twins import short
from policyx.text.stored_patterns import compiled

_DIGIT = compiled(r"[0-9]")
_ASIDE = compiled(r"\([^()]{0,24}+\)")  # (on the working copy: its brackets are half-width)


def _pieces(text: str, separators: regex.Pattern, rules: ResponsibilityRules) -> list[tuple[int, int, str]]:
    """``(start, end, separator after)`` of the parts of ``text`` between
    separators that stand outside brackets."""
    pieces = []
    depth = 0
    start = 0
    openers, closers = rules.opener_to_closer, rules.closer_to_opener
    separator = char_memo(separators)
    marks = _marks(separators, openers, closers)
    if marks is not None and marks[0].search(text) is None:
        # no bracket: only the characters a separator can be are looked at (found by one search)
        for m in marks[1].finditer(text):
            i = m.start()
            if separator[text[i]]:
                pieces.append((start, i, text[i]))
                start = i + 1
        pieces.append((start, len(text), ""))
        return pieces
    # (with brackets: only the brackets and the characters a separator can be, when those are known)
    looked_at = ((m.start(), m.group()) for m in marks[2].finditer(text)) if marks is not None else enumerate(text)
    for i, ch in looked_at:
        if ch in openers:
            depth += 1
        elif ch in closers:
            depth = max(0, depth - 1)
        elif depth == 0 and separator[ch]:
            pieces.append((start, i, ch))
            start = i + 1
    pieces.append((start, len(text), ""))
    return pieces


# by separators: the brackets they were made for (the rules' own objects) and the searches
_MARKS: dict[regex.Pattern, tuple[object, object, tuple[re.Pattern, re.Pattern, re.Pattern] | None]] = {}


def _marks(separators: regex.Pattern, openers, closers) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """Searches for a bracket, for a character a separator can be (one its
    matches start with), and for either; None when those are not known."""
    found = _MARKS.get(separators)
    if found is None or found[0] is not openers or found[1] is not closers:
        firsts = first_chars(separators.pattern, separators.flags)
        brackets = frozenset(c for c in (*openers, *closers) if len(c) == 1)
        found = _MARKS[separators] = (openers, closers, None if not firsts or len(brackets) < len(openers) + len(closers)
                                      else (any_char(brackets), any_char(firsts), any_char(brackets | firsts)))
    return found[2]


def _office(name: str, registry: DepartmentRegistry) -> bool:
    ref = registry.resolve(name)
    return ref.known or registry.looks_like_office(ref.name) or registry.is_government(ref.name)


def _particular_office(name: str, registry: DepartmentRegistry) -> bool:
    """An office the registry knows that is no generic one (各部门), or a government:
    what may follow another office with nothing between them."""
    ref = registry.resolve(name)
    entry = registry.lookup(ref.name)
    return (entry is not None and not entry.generic) or registry.is_government(ref.name)


# each split, and each 和 tried for one, reads the rest of the piece again: a few at
# most, not thousands of "市环保局和" in a fuzzed clause
_MOST_CONJUNCTIONS = 8


# a government after 和 or 、 with no place of its own is the place's before it: "各县（市、区）党委和政府",
# "各级党委和政府", "各市州党委、政府" are one unit each (city-party-joint-plan-2026, province-rectification-2026)
_PLACELESS_GOVERNMENT = frozenset({"政府", "人民政府"})


def _split_conjunction(piece: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> list[tuple[str, int]]:
    """Split at 和/及/与 only when every part names an office: "各县市人民政府和
    园区管委会" is two, "住房和城乡建设局", "发展和改革委员会" and "各县（市、区）党委和政府" are one; and
    where one office runs into a particular other ("市生态环境局市水务局")."""
    parts = []
    while (len(parts) < _MOST_CONJUNCTIONS and registry.lookup(piece) is None
           and registry.lookup(registry.split_prefix(piece)[2]) is None):
        for match in islice(short(rules.conjunctions).finditer(piece), _MOST_CONJUNCTIONS):
            left, right = piece[: match.start()], piece[match.end():]
            if _office(left, registry) and _office(right, registry) and right not in _PLACELESS_GOVERNMENT \
                    and (match.end() > match.start() or _particular_office(right, registry)):
                parts.append((left, offset))
                piece, offset = right, offset + match.end()
                break
        else:
            break
    parts.append((piece, offset))
    return parts


def _strip_etc(unit: str, rules: ResponsibilityRules) -> str:
    """"市司法局等有关部门" → "市司法局"; a lone "等" is nothing."""
    match = short(rules.etc_tail).search(unit)
    if match:
        unit = unit[: match.start()]
    return unit.rstrip()


def _shares_suffix(piece: str, registry: DepartmentRegistry, rules: ResponsibilityRules) -> bool:
    """A place before a shared office: "各县" in "各县、市、区政府", "滁州经开区"
    in "滁州经开区、中新苏滁高新区管委会", "石家庄" in "石家庄、邢台、廊坊市政府";
    an aside in brackets read past: "各市(含定州、辛集市,下同)、县(市、区)政府"
    (hebei-economy-stabilization-2022 x5)."""
    if "(" in piece:
        piece = short(_ASIDE).sub("", piece)
    if not 0 < len(piece) <= 10 or short(_DIGIT).search(piece) or registry.lookup(piece) is not None \
            or registry.party_word.fullmatch(piece):
        return False  # (…nor an agreement's party: "乙方、县财政局")
    _, _, rest = registry.split_prefix(piece)
    return registry.lookup(rest) is None and bool(short(rules.place_before_office).search(piece))


def split_units(text: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules) -> list[tuple[str, int]]:
    """Units of a list as ``(text, absolute start)``: "发改委、国土资源厅等" → two."""
    readings = _memo((registry, rules.conjunctions, rules.etc_tail, rules.place_before_office, rules.unit_group))
    units: list[tuple[str, int]] = []
    pending: tuple[str, int] | None = None
    for start, end, separator in _pieces(text, rules.separators, rules):
        piece = text[start:end]
        reading = readings.get(piece)
        if reading is None:
            reading = readings.keep(piece, _read_piece(piece, registry, rules))
        for unit, at, last, shares_suffix, opens_group in reading:
            at += offset + start
            if pending is not None:
                if opens_group or not (shares_suffix or _office(unit, registry)):
                    # "崇川经济开发区、各街道": a group of units shares nothing with the place before it;
                    # "省财政、发展改革等相关部门": nor does a list that ends in no office
                    units.append(pending)
                else:
                    unit, at = text[pending[1] - offset:at - offset] + unit, pending[1]
                pending = None
            if last and separator == "、" and shares_suffix:
                pending = (unit, at)
                continue
            if unit in _PLACELESS_GOVERNMENT and units and units[-1][0].endswith("党委"):
                units[-1] = (text[units[-1][1] - offset:at - offset + len(unit)], units[-1][1])  # ("各市州党委、政府")
                continue
            units.append((unit, at))
    if pending is not None:
        units.append(pending)
    return units


# the pieces and units read so far, by the rules read with (plans name the same offices in clause after
# clause); the memos of the last few rule sets, two each (a caller loading rules again and again keeps only those)
_READINGS: Memo = Memo(most=8)
MAX_READINGS = 20_000  # in one memo (then forgotten: a text of endless distinct lists stays within bounds)
MAX_REMEMBERED_CHARS = 80  # the longest piece or unit kept (a unit is a name: a long cell of a table is no list)


def _memo(key: tuple) -> Memo:
    """The readings kept for ``key``: what the readings depend on besides the words."""
    found = _READINGS.get(key)
    if found is None:
        found = _READINGS.keep(key, Memo(MAX_READINGS, MAX_REMEMBERED_CHARS))
    return found


def _read_piece(piece: str, registry: DepartmentRegistry, rules: ResponsibilityRules) -> tuple:
    """The units of one piece between separators, each ``(unit, start in the
    piece, whether it is the piece's last, whether it is a place before a
    shared office, whether it names a group of units)``; a piece that is only
    "等" or white space has none."""
    stripped = piece.strip()
    if not stripped:
        return ()
    found = _split_conjunction(stripped, len(piece) - len(piece.lstrip()), registry, rules)
    out = []
    for i, (unit, at) in enumerate(found):
        unit = _strip_etc(unit, rules)
        if unit:
            out.append((unit, at, i == len(found) - 1, _shares_suffix(unit, registry, rules),
                        short(rules.unit_group).match(unit) is not None))
    return tuple(out)


def resolve_units(
    items: str, offset: int, registry: DepartmentRegistry, rules: ResponsibilityRules, prefix: str,
    units: list[tuple[str, int]] | None = None, *, rule: str = "",
) -> tuple[list[DepartmentRef], str]:
    """DepartmentRefs for a list of units, a level prefix written once carried
    along ("自治区经信委、环保厅"). Returns the refs and the prefix in force.
    ``units``: the list's :func:`split_units`, when split already."""
    refs = []
    readings = _memo((registry,))
    for unit, start in split_units(items, offset, registry, rules) if units is None else units:
        reading = readings.get(unit)
        if reading is None:
            reading = readings.keep(unit, _read_unit(unit, registry))
        if not reading:
            continue
        own_prefix, government = reading
        if own_prefix:
            prefix = own_prefix
        refs.append(registry.resolve(unit, inherited_prefix="" if government else prefix, span=(start, start + len(unit)),
                                     rule=rule))
    return refs, prefix


NO_ONE = frozenset({"无", "暂无", "不涉及", "—", "——", "-", "－", "/", "／"})  # a unit field or cell that names no one


def _read_unit(unit: str, registry: DepartmentRegistry) -> tuple:
    """``(the level prefix it sets for the units after it, or "";
    whether it names a government)``; nothing for a unit of punctuation."""
    if not unit.strip(" ,，、;；:：") or unit.strip() in NO_ONE or registry.names_a_post(unit):
        return ()  # (…nor a field's "无": "配合单位：无", province-task-field-blocks-2025; nor a post, "各级河长")
    own_prefix, _, rest = registry.split_prefix(unit)
    sets_prefix = own_prefix and (registry.lookup(rest) is not None or len(own_prefix) > 1)
    return own_prefix if sets_prefix else "", registry.is_government(registry.resolve(unit).name)
