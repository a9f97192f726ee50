"""Pieces of the regular-expression shape check: reading the regex module's
syntax with the standard parser, character classes, the words of an
alternation (rules/safety.py is the module to use)."""

from __future__ import annotations

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as parser
except ImportError:  # pragma: no cover - Python < 3.11 has the same modules under their old names
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

_HAN = "\\u3400-\\u9fff"
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None))
_ANCHORS = (_c.AT_BEGINNING, _c.AT_BEGINNING_LINE, _c.AT_BEGINNING_STRING)


def _translate(source: str) -> str:
    """``\\p{Han}``-style properties (the regex module's) as a range the
    standard parser reads (other properties are taken as the same block),
    ``\\G`` as ``\\A``, and a group name used twice (the regex module
    allows it) made unique."""
    names: dict[str, int] = {}

    def rename(match) -> str:
        names[match.group(1)] = names.get(match.group(1), 0) + 1
        count = names[match.group(1)]
        return match.group(0) if count == 1 else f"(?P<{match.group(1)}__{count}>"

    import re

    source = re.sub(r"\(\?P<(\w+)>", rename, source)
    out: list[str] = []
    depth = 0
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\" and i + 1 < len(source):
            if source[i + 1] in "pP" and i + 2 < len(source) and source[i + 2] == "{":
                end = source.find("}", i)
                negate = source[i + 1] == "P"
                if depth:
                    out.append(_HAN)
                else:
                    out.append(f"[{'^' if negate else ''}{_HAN}]")
                i = end + 1 if end != -1 else len(source)
                continue
            out.append("\\A" if source[i + 1] == "G" else source[i:i + 2])
            i += 2
            continue
        if ch == "[" and not depth:
            depth = 1
            out.append(ch)
            if source[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if source[i + 1:i + 2] == "]":  # a leading "]" is a member
                out.append("]")
                i += 1
        elif ch == "]" and depth:
            depth = 0
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _category(name, ch: str) -> bool:
    text = str(name)
    negate = "_NOT_" in text
    if "DIGIT" in text:
        value = ch.isdecimal()
    elif "SPACE" in text:
        value = ch.isspace()
    elif "WORD" in text:
        value = ch.isalnum() or ch == "_"
    elif "LINEBREAK" in text:
        value = ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    else:  # pragma: no cover - no other categories exist
        value = True
    return value != negate


def _in_class(items, ch: str) -> bool:
    negate = False
    found = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            found = found or ord(ch) == av
        elif op is _c.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op is _c.CATEGORY:
            found = found or _category(av, ch)
        else:  # pragma: no cover - other members (charsets) do not come out of the parser
            found = True
    return found != negate


def _literals(items, into: set[str]) -> None:
    """Every character a pattern names (with the ends of its ranges), for the
    universe in which classes are compared."""
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            into.add(chr(av))
        elif op is _c.RANGE:
            into.update((chr(av[0]), chr(av[1]), chr(min(av[1], av[0] + 1))))
        elif op is _c.IN:
            _literals(av, into)
        elif op is _c.BRANCH:
            for alternative in av[1]:
                _literals(alternative, into)
        elif op is _c.SUBPATTERN:
            _literals(av[3], into)
        elif op in _REPEATS and op is not None:
            _literals(av[2], into)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _literals(av[1], into)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            _literals(av, into)
        elif op is _c.GROUPREF_EXISTS:
            _literals(av[1], into)
            if av[2] is not None:
                _literals(av[2], into)


def _uniquely_decodable(words: list[str]) -> bool:
    """Sardinas–Patterson: no string is two different sequences of the words
    (then a repetition of their alternation never has two ways to match)."""
    code = set(words)
    if len(code) != len(words):
        return False
    dangling = {w[len(u):] for u in code for w in code if u != w and w.startswith(u)}
    seen: set[str] = set()
    while dangling:
        if dangling & code or "" in dangling:
            return False
        seen |= dangling
        following = set()
        for d in dangling:
            for w in code:
                if w.startswith(d):
                    following.add(w[len(d):])
                elif d.startswith(w):
                    following.add(d[len(w):])
        dangling = following - seen
    return True


def _name(chars: frozenset[str]) -> str:
    """One character of a set, for a message: a space, a tab, a digit …"""
    named = {" ": "' ' (space)", "\t": "'\\t' (tab)", "\n": "'\\n' (newline)", "\u3000": "'\u3000' (U+3000)",
             "\xa0": "'\\xa0' (no-break space)"}
    for ch in (" ", "\t", "\n", "\u3000", "1", "a", "一", "水", "、", "(", "【", "牵", "<", ":"):
        if ch in chars:
            return named.get(ch, repr(ch))
    ch = min(chars)
    return named.get(ch, repr(ch))
