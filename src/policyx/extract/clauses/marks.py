"""Where a paragraph's brackets and labels stand, found by ``str.find`` from
their characters (brackets, colons), which are rare, where ``re`` would try
every character of the text against a set or against the label words' first
characters, which are common: the same positions, in a tenth of the work on
Chinese text. Each is used only when the rules' pattern is of the form
rules/clauses.py writes (else the caller searches with the pattern)."""

from __future__ import annotations

import regex

from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.loader import alternation

_PLAIN = regex.compile("").flags  # (a pattern compiled with no flags)

# what a label ends with, in label_pattern as rules/clauses.py writes it
_COLONS = ":："
_LABEL_TAIL = f"[ \\t]*[{_COLONS}][ \\t]*"
_LABEL_WORDS: dict[regex.Pattern, tuple[frozenset[str], tuple[int, ...]] | None] = {}


def positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` stands in ``text``, in order: str.find runs
    through Chinese text many times faster than ``re`` looks for a set."""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i != -1:
            found.append(i)
            i = text.find(ch, i + 1)
    if len(chars) > 1:
        found.sort()
    return found


_BRACKET_CHARS: dict[regex.Pattern, str | None] = {}


def bracket_chars(rules: ResponsibilityRules) -> str | None:
    """The characters of bracket_pattern, when it is the set of the rules'
    brackets as rules/clauses.py writes it ("[（）【】]"); else None."""
    key = rules.bracket_pattern
    if key not in _BRACKET_CHARS:
        inner = key.pattern[1:-1]
        chars = regex.sub(r"\\(.)", r"\1", inner)  # (what regex.escape wrote, read back)
        known = (key.pattern == f"[{inner}]" and key.flags == _PLAIN and "".join(regex.escape(c) for c in chars) == inner
                 and set(chars) == {*rules.opener_to_closer, *rules.closer_to_opener})
        _BRACKET_CHARS[key] = "".join(dict.fromkeys(chars)) if known else None
    return _BRACKET_CHARS[key]


def _label_words(rules: ResponsibilityRules) -> tuple[frozenset[str], tuple[int, ...]] | None:
    """The label words and their lengths, longest first, when label_pattern
    is those words then a colon (as rules/clauses.py makes it); else None."""
    key = rules.label_pattern
    if key not in _LABEL_WORDS:
        words = frozenset(rules.label_of)
        known = (bool(words) and key.flags == _PLAIN
                 and key.pattern == f"(?P<label>{alternation(list(words))}){_LABEL_TAIL}"
                 and not any(c in w for w in words for c in " \t" + _COLONS))
        _LABEL_WORDS[key] = (words, tuple(sorted({len(w) for w in words}, reverse=True))) if known else None
    return _LABEL_WORDS[key]


def labels(text: str, rules: ResponsibilityRules) -> list[tuple[int, int]] | None:
    """The spans of label_pattern's matches (what its finditer gives), found
    from the colons, which are rare, not by trying the words at every
    character they can start with, which are common; None when label_pattern
    is not of the form read by :func:`_label_words`."""
    known = _label_words(rules)
    if known is None:
        return None
    words, lengths = known
    spans = []
    for colon in positions(text, _COLONS):
        word_end = colon
        while word_end > 0 and text[word_end - 1] in " \t":
            word_end -= 1
        start = next((word_end - n for n in lengths if n <= word_end and text[word_end - n:word_end] in words), None)
        if start is None:
            continue
        end = colon + 1
        while end < len(text) and text[end] in " \t":
            end += 1
        spans.append((start, end))
    return spans
