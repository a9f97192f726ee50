"""Running a pattern only where it can match: on the lines that hold one of
its anchor characters.

A rule such as ``deadline.plan_year_ten_days`` (``6月中旬前``) can only match
where a 旬 stands; run over the whole text, the regex engine tries it at
every digit. :func:`line_anchors` reads, from the parsed pattern, sets of
characters of which every match holds one (a 旬; 日 or 号; 底 or 末 …);
:class:`~policyx.text.anchored.AnchoredText` finds, in one text, the lines that hold the rarest of
those sets and runs the pattern on them alone — with ``pos``/``endpos`` on
the whole text, so that lookbehinds see what stands before the line.

That gives the same matches as one pass over the whole text only when no
match can run over a line break, and no lookahead can look past one: a
pattern that can match a newline (``\\s``, ``[^。]``, ``[\\s\\S]``) outside a
lookbehind, or that asks for the end of the text (``$`` without MULTILINE,
``\\Z``), gets no anchors and is run over the whole text as before.
"""

from __future__ import annotations

import regex

from policyx.text.presence import Anchors

MAX_SET = 12  # an anchor set larger than this finds too many lines to be worth it


def line_anchors(source: str, flags: int = 0) -> Anchors | None:
    """Sets of characters of which every match of ``source`` holds at least one
    (rarest first is the caller's choice); None when the pattern cannot be run
    line by line (or cannot be read). An empty tuple: nothing to anchor on.

    >>> sorted(line_anchors(r"(?<![0-9])(?P<month>1[0-2]|[1-9])月(?P<xun>上|中|下)旬")[-1])
    ['旬']
    >>> line_anchors(r"相关链接[:：][\\s\\S]*") is None
    True
    """
    try:
        from regex import _regex_core as core

        parsed = _parse(core, source, flags)
        if _crosses_lines(core, parsed):
            return None
        return tuple(dict.fromkeys(_needed(core, parsed)))
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply not anchored
        return None


def required_chars(source: str, flags: int = 0, max_set: int = MAX_SET) -> Anchors:
    """Sets of characters of which every match holds at least one, whether or
    not a match can run over lines (empty when none is known): a text that
    lacks every character of one of them cannot match (:func:`policyx.text.presence.may_match`).

    >>> [''.join(sorted(s)) for s in required_chars(r"[0-9]+\\s*(?:以上|以下)")]
    ['0123456789', '以']
    """
    try:
        from regex import _regex_core as core

        return tuple(dict.fromkeys(_needed(core, _parse(core, source, flags), max_set)))
    except Exception:  # noqa: BLE001 - an unreadable pattern is looked for everywhere
        return ()


def required_words(source: str, flags: int = 0) -> tuple[str, ...]:
    """Words (two characters or more, as written) of which every match of
    ``source`` holds one: a text holding none of them cannot match. Empty
    when none are known.

    >>> required_words(r"(?:[【]|(?<!\\s))\\s*(?:打印本页|关闭窗口|字号\\s*大)")
    ('打印本页', '关闭窗口', '字号')
    """
    try:
        from regex import _regex_core as core

        return _words(core, _parse(core, source, flags)) or ()
    except Exception:  # noqa: BLE001 - unreadable: looked for everywhere
        return ()


def _words(core, node) -> tuple[str, ...] | None:
    if isinstance(node, core.Sequence):
        found = []
        run = ""
        for item in (*node.items, None):
            if (isinstance(item, core.Character) and item.positive and not item.case_flags and not item.zerowidth):
                run += chr(item.value)
                continue
            if len(run) >= 2:
                found.append((run,))
            run = ""
            if item is not None and (words := _words(core, item)):
                found.append(words)
        return min(found, key=len) if found else None  # the fewest words: the likeliest to be missing
    if isinstance(node, core.Branch):
        options = [_words(core, branch) for branch in node.branches]
        return tuple(dict.fromkeys(w for words in options for w in words)) if all(options) else None
    if isinstance(node, (core.Group, core.Atomic)) or (
            isinstance(node, (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)) and node.min_count >= 1):
        return _words(core, node.subpattern)
    return None


class CharMemo(dict):
    """``memo[ch]``: whether ``pattern.match(ch)``, tried once per character
    (a loop over characters looks a dict up instead of running the pattern)."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: regex.Pattern) -> None:
        super().__init__()
        self.pattern = pattern

    def __missing__(self, ch: str) -> bool:
        found = self[ch] = self.pattern.match(ch) is not None
        return found


def char_memo(pattern: regex.Pattern) -> CharMemo:
    """The memo of ``pattern`` (one per pattern, shared)."""
    memo = _CHAR_MEMOS.get(pattern)
    if memo is None:
        memo = _CHAR_MEMOS[pattern] = CharMemo(pattern)
    return memo


_CHAR_MEMOS: dict[regex.Pattern, CharMemo] = {}


def first_chars(source: str, flags: int = 0) -> frozenset[str] | None:
    r"""The characters a match of ``source`` can start with; None when any can
    (a class such as ``\p{Han}``, ``.``, a negated set) or the match can be
    empty. A position whose character is not among them cannot match there.

    >>> sorted(first_chars(r"[ \t]*(?:[(（](?P<num>[一二三])[)）])"))
    ['\t', ' ', '(', '（']
    """
    key = (source, flags)
    if key not in _FIRST_CHARS:
        _FIRST_CHARS[key] = _first_chars(source, flags)
    return _FIRST_CHARS[key]


_FIRST_CHARS: dict[tuple[str, int], frozenset[str] | None] = {}


def _first_chars(source: str, flags: int) -> frozenset[str] | None:
    try:
        from regex import _regex_core as core

        chars, can_be_empty = _first(core, _parse(core, source, flags))
        return None if can_be_empty else chars
    except Exception:  # noqa: BLE001 - unknown: tried everywhere
        return None


def gated(source: str, flags: int = 0) -> str:
    """``source`` behind a lookahead for the characters its matches start with,
    when it opens with a lookbehind: the engine, which cannot search for a
    lookbehind, then tries it only where a match can start. The same matches.

    >>> gated(r"(?<![0-9])[0-9]+年")
    '(?=[0123456789])(?<![0-9])[0-9]+年'
    """
    chars = first_chars(source, flags) if source.startswith("(?<") else None
    if not chars:
        return source
    return "(?=[" + "".join(regex.escape(c) for c in sorted(chars)) + "])" + source


def line_start_chars(pattern: regex.Pattern) -> frozenset[str] | None:
    """For a pattern whose every match starts a line (MULTILINE, opening with
    ``^``, no alternation around it) and takes a character, the characters a
    match starts with; None for any other pattern (worked out once per pattern).

    >>> sorted(line_start_chars(regex.compile(r"^ *(?:抄送|主送)[:：]", regex.M)))
    [' ', '主', '抄']
    """
    key = (pattern.pattern, pattern.flags)
    if key not in _LINE_START_CHARS:
        _LINE_START_CHARS[key] = _line_start_chars(pattern.pattern, pattern.flags)
    return _LINE_START_CHARS[key]


_LINE_START_CHARS: dict[tuple[str, int], frozenset[str] | None] = {}


def stays_in_line(pattern: regex.Pattern) -> bool:
    """Whether no match (nor lookahead) of ``pattern`` can take a newline or
    ask for the end of the text — so it may be matched with ``endpos`` at the
    end of its line (worked out once per pattern; False when unreadable).

    >>> stays_in_line(regex.compile(r"^[ \\t]*抄送[:：][^\\n]*", regex.M)), stays_in_line(regex.compile(r"年\\s*月"))
    (True, False)
    """
    key = (pattern.pattern, pattern.flags)
    if key not in _IN_LINE:
        try:
            from regex import _regex_core as core

            _IN_LINE[key] = not _crosses_lines(core, _parse(core, pattern.pattern, pattern.flags))
        except Exception:  # noqa: BLE001 - unreadable: matched over the whole text
            _IN_LINE[key] = False
    return _IN_LINE[key]


_IN_LINE: dict[tuple[str, int], bool] = {}


def facts(*, line_starts=(), firsts=()) -> dict:
    """What :func:`line_start_chars`, :func:`stays_in_line` and
    :func:`first_chars` answer for these patterns, to be kept with the
    compiled rules: reading a pattern costs about half a millisecond, some
    thirty patterns every run."""
    return {"line_start_chars": {(p.pattern, p.flags): line_start_chars(p) for p in line_starts},
            "stays_in_line": {(p.pattern, p.flags): stays_in_line(p) for p in line_starts},
            "first_chars": {(p.pattern, p.flags): first_chars(p.pattern, p.flags) for p in firsts}}


def remember(known: dict) -> None:
    """Take the answers of :func:`facts` (worked out by an earlier process)."""
    _LINE_START_CHARS.update(known.get("line_start_chars", {}))
    _IN_LINE.update(known.get("stays_in_line", {}))
    _FIRST_CHARS.update(known.get("first_chars", {}))


def _line_start_chars(source: str, flags: int) -> frozenset[str] | None:
    return (first_chars(source, flags) or None) if opens_lines(source, flags) else None


def opens_lines(source: str, flags: int = 0) -> bool:
    """Whether every match opens with a line start (``^`` under MULTILINE, first, outside any alternation)."""
    try:
        from regex import _regex_core as core

        node = _parse(core, source, flags)
        return isinstance(node, core.Sequence) and bool(node.items) and type(node.items[0]).__name__ == "StartOfLine"
    except Exception:  # noqa: BLE001 - unreadable: looked for everywhere
        return False


def _first(core, node) -> tuple[frozenset[str] | None, bool]:
    """(characters a non-empty match can start with — None: any —, whether it can be empty)."""
    if isinstance(node, core.Sequence):
        found: set[str] = set()
        for item in node.items:
            chars, can_be_empty = _first(core, item)
            if chars is None:
                return None, False
            found |= chars
            if not can_be_empty:
                return frozenset(found), False
        return frozenset(found), True
    if isinstance(node, core.Branch):
        found, empty = set(), False
        for branch in node.branches:
            chars, can_be_empty = _first(core, branch)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or can_be_empty
        return frozenset(found), empty
    if isinstance(node, (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)):
        chars, can_be_empty = _first(core, node.subpattern)
        return chars, can_be_empty or node.min_count == 0
    if isinstance(node, (core.Group, core.Atomic)):
        return _first(core, node.subpattern)
    if isinstance(node, core.LookAround) or type(node).__name__ in _SAFE_ZERO_WIDTH:
        return frozenset(), True  # takes no character (what it asks of them only narrows the set)
    chars = _chars(core, node, 256)
    return (chars, False) if chars else (None, False)


def _parse(core, source: str, flags: int):
    global_flags = flags
    while True:
        try:
            text = core.Source(source)
            info = core.Info(global_flags, text.char_type, {})
            info.guess_encoding = core.UNICODE
            text.ignore_space = bool(info.flags & core.VERBOSE)
            return core._parse_pattern(text, info)
        except core._UnscopedFlagSet:
            global_flags = info.global_flags


def _children(core, node) -> list:
    if isinstance(node, core.Sequence):
        return list(node.items)
    if isinstance(node, core.Branch):
        return list(node.branches)
    if isinstance(node, (core.Group, core.Atomic, core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)):
        return [node.subpattern]
    return []


_SAFE_ZERO_WIDTH = ("StartOfString", "StartOfLine", "StartOfLineU", "EndOfLine", "Boundary", "DefaultBoundary",
                    "StartOfWord", "EndOfWord", "DefaultStartOfWord", "DefaultEndOfWord", "SearchAnchor")


def _crosses_lines(core, node, stops: str = "\n") -> bool:
    """Whether a match (or a lookahead) can take a newline, or another of
    ``stops``, or the pattern asks for the end of the text."""
    if isinstance(node, core.LookAround):
        return False if node.behind else _crosses_lines(core, node.subpattern, stops)
    if isinstance(node, (core.Sequence, core.Branch, core.Group, core.Atomic, core.GreedyRepeat, core.LazyRepeat,
                         core.PossessiveRepeat)):
        return any(_crosses_lines(core, child, stops) for child in _children(core, node))
    if isinstance(node, (core.Character, core.Property, core.Range, core.SetBase)):
        return any(node.matches(ord(ch)) for ch in stops)
    if isinstance(node, core.Any):
        return stops != "\n"  # "." takes no newline without DOTALL (that is AnyAll), but any other character
    return type(node).__name__ not in _SAFE_ZERO_WIDTH


def stays_between(source: str, stops: str, flags: int = 0) -> bool:
    """Whether no match of ``source`` (nor a lookahead) can take a newline or
    one of ``stops``, or asks for the end of the text: a text may then be cut
    after each of them, and the pattern run on the pieces alone (with
    ``pos``/``endpos`` on the whole text) finds what it finds in the whole.
    False when unreadable.

    >>> stays_between(r"(?<=[。;])[0-9]{4}年底前", "。;"), stays_between(r"[^,]{0,9}年底前", "。;")
    (True, False)
    """
    try:
        from regex import _regex_core as core

        return not _crosses_lines(core, _parse(core, source, flags), "\n" + stops)
    except Exception:  # noqa: BLE001 - unreadable: not cut
        return False


def _rank(chars: frozenset[str]) -> tuple[bool, int]:
    """A guess at how rare a set is before a text is seen: no ASCII, few characters."""
    return any(c.isascii() for c in chars), len(chars)


def _chars(core, node, max_set: int = MAX_SET) -> frozenset[str] | None:
    """The characters one consuming node takes, when they are few."""
    if getattr(node, "case_flags", 0) or getattr(node, "zerowidth", False) or not getattr(node, "positive", True):
        return None
    if isinstance(node, core.Character):
        return frozenset(chr(node.value))
    if isinstance(node, core.Range):
        return frozenset(map(chr, range(node.lower, node.upper + 1))) if node.upper - node.lower < max_set else None
    if isinstance(node, core.SetUnion):
        found: set[str] = set()
        for item in node.items:
            chars = _chars(core, item, max_set)
            if chars is None:
                return None
            found |= chars
        return frozenset(found) if len(found) <= max_set else None
    return None


_ANY_PIECE_STOP = "\n。；;！!？?"  # (every stop a text is cut at for a pattern: anchored.py's pieces)


def _needed(core, node, max_set: int = MAX_SET) -> list[frozenset[str]]:
    """Sets of characters, each holding one character of every match of ``node``."""
    if isinstance(node, core.Sequence):
        return [s for item in node.items for s in _needed(core, item, max_set)]
    if isinstance(node, core.Branch):
        options = [_needed(core, branch, max_set) for branch in node.branches]
        if not all(options):
            return []
        return [u for u in _unions(options) if len(u) <= max_set]
    if isinstance(node, (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat)):
        return _needed(core, node.subpattern, max_set) if node.min_count >= 1 else []
    if isinstance(node, (core.Group, core.Atomic)):
        return _needed(core, node.subpattern, max_set)
    if isinstance(node, core.LookAround):
        # (what a lookbehind asks for stands right before the match, in the same piece of text where it takes
        # no line end nor sentence stop: "(?<=阶段[ \t]{0,4}[(（:：]?)" runs only where 阶 or 段 is)
        looked = node.behind and node.positive and not _crosses_lines(core, node.subpattern, _ANY_PIECE_STOP)
        return _needed(core, node.subpattern, max_set) if looked else []
    chars = _chars(core, node, max_set)
    return [chars] if chars else []


MAX_BRANCHES = 8  # a longer alternation (a list of words) gets the one union below


def _unions(options: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    """Sets holding a character of every match of an alternation whose
    branches need the sets of ``options``: one set of each branch, joined.
    The union of each branch's rarest-looking set, and for a short
    alternation also, from each set of each branch, that set joined with
    the set of every other branch that adds the least ("年…月…日" or
    "截至…年…月…日": {月} is needed whichever branch matches)."""
    first = frozenset().union(*(min(sets, key=_rank) for sets in options))
    found = [first]
    if len(options) <= MAX_BRANCHES:
        for i, sets in enumerate(options):
            for seed in sets:
                union = set(seed)
                for j, others in enumerate(options):
                    if j != i:
                        union |= min(others, key=lambda s: _rank(frozenset(union | s)))
                found.append(frozenset(union))
    found = list(dict.fromkeys(found))
    return [u for u in found if not any(other < u for other in found)]  # a set inside another says more
