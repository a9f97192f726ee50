"""The parties of an agreement (a 目标管理责任书, a 协议) and the words that stand for them.

Lines near an agreement's top name its parties: "甲方：大围山镇人民政府", "乙方：楚东村民委员会"
(township-target-agreement-2026); its duties then name them by those words ("乙方负责…", "甲方负责…",
"双方负责…"). Each word is the office its last definition before it names: a file of several agreements
names a new 乙方 in each (a bundle of 目标责任书).
"""

from __future__ import annotations

import bisect

from policyx.extract.defined_names import as_defined, with_units_read
from policyx.model import DepartmentRef, Task, replaced
from policyx.rules.departments import DepartmentRegistry
from policyx.text.warm import may_hold_words

Party = tuple[int, str, DepartmentRef]  # where it is defined, its word ("乙方"), the office
_BOTH = frozenset({"双方", "甲乙双方", "三方"})  # (every party in force)


def parties(text: str, registry: DepartmentRegistry) -> list[Party]:
    """The parties the text defines, in order; a placed office by its office's name, as the plan's other
    units name it ("沂南县农业农村局" is 农业农村局)."""
    if not may_hold_words(registry.defined_party, text):
        return []
    found: list[Party] = []
    for match in registry.defined_party.finditer(text):
        written = match.group("full").strip()
        full = registry.resolve(written)
        placed = registry.split_place(written)
        if placed is not None:
            full = replaced(full, name=registry.resolve(placed[2]).name)
        if full.known or registry.looks_like_office(full.name) or registry.is_government(full.name):
            found.append((match.start(), match.group("party") + "方", full))
    return found


def with_parties(tasks: tuple[Task, ...], defined: list[Party], registry: DepartmentRegistry) -> tuple[Task, ...]:
    """The tasks with every unit written as a party's word read as the office it stands for there."""
    if not defined:
        return tasks
    starts = [at for at, _, _ in defined]
    return with_units_read(tasks, lambda refs: _read(refs, defined, starts, registry))


def _read(refs: tuple[DepartmentRef, ...], defined: list[Party], starts: list[int], registry: DepartmentRegistry
          ) -> tuple[DepartmentRef, ...]:
    out: list[DepartmentRef] = []
    for ref in refs:
        if not registry.party_word.fullmatch(ref.name):
            out.append(ref)
            continue
        in_force = _in_force(defined, starts, ref.span[0] if ref.span else 0)
        offices = list(in_force.values()) if ref.name in _BOTH else [in_force[ref.name]] if ref.name in in_force else []
        out.extend(as_defined(ref, full) for full in offices)
        if not offices:
            out.append(ref)
    return tuple(dict.fromkeys(out))


def _in_force(defined: list[Party], starts: list[int], position: int) -> dict[str, DepartmentRef]:
    """Each party's office as defined last before ``position`` (the first definitions where none is before it)."""
    upto = bisect.bisect_right(starts, position) or len(defined)
    in_force: dict[str, DepartmentRef] = {}
    for _, word, full in defined[:upto]:
        in_force[word] = full
    for _, word, full in defined[upto:]:
        in_force.setdefault(word, full)
    return in_force
