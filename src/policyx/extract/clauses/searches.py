"""The clause grammar's searches, each as :func:`policyx.text.twins.short`
gives it, looked up once for a rules object rather than at each use: a
clause asks for a dozen."""

from __future__ import annotations

import regex

from policyx.rules.clauses import ResponsibilityRules
from policyx.text import twins
from policyx.text.kept import KeptByIdentity

_SEARCHED = ("role_pattern", "role_at_end", "label_pattern", "label_stop", "phrase_separators", "notes", "role_note",
             "list_opener", "carry_forward", "convention_others", "carry_words")
# While some search is not warm, the searches are looked up again after this
# many clauses, each counted as used once a clause (twins makes a pattern's
# plan once it has been used enough): after that, never again.
RECOUNT = 64


class Searches:
    """``rules``' searches by the names of its fields (``standing``: its
    standing clauses; ``conventions``: ``(effect, search)`` of its conventions)."""

    __slots__ = (*_SEARCHED, "standing", "conventions", "rules", "warm", "uses")

    def __init__(self, rules: ResponsibilityRules, uses: int) -> None:
        self.rules, self.uses = rules, 0
        patterns: list[regex.Pattern] = []

        def searched(pattern: regex.Pattern):
            patterns.append(pattern)
            return twins.short(pattern, uses)

        for name in _SEARCHED:
            setattr(self, name, searched(getattr(rules, name)))
        self.standing = tuple(searched(p) for p in rules.standing)
        self.conventions = tuple((c.effect, searched(c.pattern)) for c in rules.conventions)
        self.warm = all(twins.warm(p) for p in patterns)


_SEARCHES: KeptByIdentity[Searches] = KeptByIdentity(16)


def searches(rules: ResponsibilityRules) -> Searches:
    """The searches of ``rules``, for one clause."""
    found = _SEARCHES.get(rules)
    if found is None:
        found = _SEARCHES.put(rules, Searches(rules, 1))
    elif not found.warm:
        found.uses += 1
        if found.uses >= RECOUNT:
            found = _SEARCHES.put(rules, Searches(rules, found.uses))
    return found
