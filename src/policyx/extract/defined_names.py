"""Short names a plan defines for offices.

A plan may name an office in full once and give it a short name there:
"成员单位包括市住房和城乡建设局（以下简称市住建局）、…市生态环境局（以下简称市环境局）"
(city-full-official-names-2026). Its attributions then use the short name
("市环境局配合"); each unit so written is the office the plan defined — its
name and canonical name are the full one's, its raw words as written.
"""

from __future__ import annotations

from typing import Callable

from policyx.model import DepartmentRef, Task, replaced
from policyx.rules.departments import DepartmentRegistry
from policyx.text.warm import may_hold_words

MAX_FULL_NAME = 24  # characters before the bracket that may hold the full name
_SEPARATORS = frozenset("、，,；;：:。（(\n\t 　")


def defined_names(text: str, registry: DepartmentRegistry) -> dict[str, tuple[str, DepartmentRef]]:
    """The offices a plan gives short names, by the short name's name (its level prefix off): the short
    name's level prefix ("市") and the full office."""
    if not may_hold_words(registry.defined_short_name, text):  # ("简称", "下称": most plans define no name)
        return {}
    names: dict[str, tuple[str, DepartmentRef]] = {}
    for found in registry.defined_short_name.finditer(text):
        full = _full_name(text, found.start(), registry)
        written = found.group("short").strip()
        if registry.party_word.fullmatch(written):
            continue  # (an agreement's party: "…人民政府（以下简称甲方）", read by extract/parties.py)
        short = registry.resolve(written)
        if full is not None and short.name and short.name != full.name:
            names.setdefault(short.name, (registry.split_prefix(written)[0], full))
    return names


def _full_name(text: str, end: int, registry: DepartmentRegistry) -> DepartmentRef | None:
    """The office named right before ``end``: the longest run of words back to a separator, or to the
    last word that sets an office up ("成立", "组建"), that names one."""
    start = end
    while start > 0 and end - start < MAX_FULL_NAME and text[start - 1] not in _SEPARATORS:
        start -= 1
    for verb in registry.defined_full_name_after.finditer(text, start, end):
        start = verb.end()
    for i in range(start, end - 1):
        ref = registry.resolve(text[i:end])
        prefix = registry.split_prefix(text[i:end])[0]
        if prefix and (ref.known or registry.looks_like_office(ref.name)):
            return ref
    return None


def with_defined_names(tasks: tuple[Task, ...], names: dict[str, tuple[str, DepartmentRef]]) -> tuple[Task, ...]:
    """The tasks with every unit written by a defined short name read as the office it stands for."""
    return with_units_read(tasks, lambda refs: _renamed(refs, names)) if names else tasks


def with_units_read(tasks: tuple[Task, ...], read: Callable[[tuple[DepartmentRef, ...]], tuple[DepartmentRef, ...]]
                    ) -> tuple[Task, ...]:
    """The tasks with ``read`` applied to the units of each role, the task's and its clause's (a short name's
    office, an agreement's party's)."""
    out = []
    for task in tasks:
        changes = {role: read(getattr(task, role)) for role in ("lead", "participants", "implementers")}
        if task.clause is not None:
            changes["clause"] = replaced(task.clause, **{role: read(getattr(task.clause, role))
                                                         for role in ("lead", "participants", "implementers", "standing")})
        out.append(replaced(task, **changes))
    return tuple(out)


def _renamed(refs: tuple[DepartmentRef, ...], names: dict[str, tuple[str, DepartmentRef]]) -> tuple[DepartmentRef, ...]:
    return tuple(as_defined(r, names[r.name][1]) if r.name in names and _same_level(r, names[r.name][0]) else r
                 for r in refs)


def _same_level(ref: DepartmentRef, prefix: str) -> bool:
    """Whether a unit is written at the short name's level, or at none ("县环境局" is not "市环境局")."""
    raw = ref.raw.lstrip("由请")
    return raw.startswith(ref.name) or bool(prefix) and raw.startswith(prefix)


def as_defined(ref: DepartmentRef, full: DepartmentRef) -> DepartmentRef:
    """The unit ``ref`` as written, read as the office ``full`` (its name, canonical name, function, level)."""
    return replaced(ref, name=full.name, canonical=full.canonical, function=full.function, level=full.level or ref.level,
                    known=full.known)
