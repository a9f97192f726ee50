"""Fragments of a rule file: pieces of pattern a rule names as ``${name}``
(deadlines.yaml's ``year``, ``ws``, ``finished`` …), and a fragment may name another."""

from __future__ import annotations

import regex

from policyx.errors import RulesError
from policyx.text.stored_patterns import compiled

_FRAGMENT_REF = compiled(r"\$\{(\w+)\}")


def expand_fragments(source: str, fragments: dict[str, str], *, where: str) -> str:
    """``source`` with each ``${name}`` replaced by its fragment, and the
    fragments a fragment names in turn (one naming itself, at any depth, is an error)."""
    def substitute(match: regex.Match) -> str:
        name = match.group(1)
        if name not in fragments:
            raise RulesError(f"{where}: unknown fragment ${{{name}}}")
        return fragments[name]

    for _ in range(len(fragments) + 1):
        if _FRAGMENT_REF.search(source) is None:
            return source
        source = _FRAGMENT_REF.sub(substitute, source)
    raise RulesError(f"{where}: a fragment names itself (${{…}} within ${{…}} without end)")
