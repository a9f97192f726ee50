"""The parsed shape of a regular expression, walked for what makes a
backtracking engine slow (the checks are described in rules/safety.py,
which is the module to use)."""

from __future__ import annotations

from dataclasses import dataclass

from policyx.rules.regex_parts import _ANCHORS, _REPEATS, _c, _in_class, _name, _uniquely_decodable

LARGE = 1000  # a repetition bounded above this counts as unbounded

_BASE = frozenset(
    [chr(i) for i in range(0x20, 0x7F)]
    + list("\t\n\r\x0b\x0c\x85\xa0\u1680\u2002\u2003\u2009\u200b\u2028\u3000\ufeff")
    + list("０１９ＡＺａｚ（）【】〔〕［］《》“”‘’、。，；：！？·…—－～％")
    + list("水一二三十百零〇两年月日底前牵头负责由会同配合章节条①②⑳") + ["\u3400", "\u4e00", "\u9fff", "\u0663", "é"]
)


_MAX_PATHS = 32


@dataclass(frozen=True)
class _State:
    """Where a walk stands: the unbounded repetitions that can still give
    characters back (``open``), and the ways a search start can have come
    here (``paths``: the classes of the required items since that start, and
    the lookbehind guards met on the way; none when anchored)."""

    open: tuple = ()  # characters of each open repetition
    paths: tuple = (((), ()),)  # ((class, ...), (("not" | "only", characters), ...)) per way here

    def with_paths(self, paths) -> "_State":
        unique = tuple(dict.fromkeys(paths))
        if len(unique) > _MAX_PATHS:  # keep the shortest, the hardest to rule out
            unique = tuple(sorted(unique, key=lambda p: (len(p[0]), len(p[1])))[:_MAX_PATHS])
        return _State(self.open, unique)

    def with_open(self, open_) -> "_State":
        return _State(tuple(dict.fromkeys(open_)), self.paths)


class _Walker:
    def __init__(self, universe: frozenset[str], mode: str) -> None:
        self.universe = universe
        self.mode = mode
        self.problems: list[str] = []
        self.runs: set[str] = set()  # words whose runs a probe must try
        self._everything = universe

    # -- characters ------------------------------------------------------------
    def _one(self, op, av) -> frozenset[str] | None:
        if op is _c.LITERAL:
            return frozenset((chr(av),))
        if op is _c.NOT_LITERAL:
            return frozenset(ch for ch in self.universe if ord(ch) != av)
        if op is _c.ANY:
            return self._everything
        if op is _c.IN:
            return frozenset(ch for ch in self.universe if _in_class(av, ch))
        return None

    def chars(self, items) -> frozenset[str]:
        """Every character that a match of ``items`` can contain."""
        found: set[str] = set()
        for op, av in items:
            one = self._one(op, av)
            inner = _inner(op, av)
            if one is not None:
                found |= one
            elif inner is not None:
                for sub in inner:
                    found |= self.chars(sub)
            elif op is _c.GROUPREF_EXISTS:
                found |= self.chars(av[1]) | (self.chars(av[2]) if av[2] is not None else frozenset())
            elif op is _c.GROUPREF:
                found |= self._everything
        return frozenset(found)

    def first(self, items) -> frozenset[str]:
        """The characters a non-empty match of ``items`` can start with."""
        found: set[str] = set()
        for op, av in items:
            one = self._one(op, av)
            if one is not None:
                return frozenset(found | one)
            inner = _inner(op, av)
            if inner is not None:
                for sub in inner:
                    found |= self.first(sub)
            elif op is _c.GROUPREF:
                return self._everything
            if _min_width([(op, av)]) > 0:
                break
        return frozenset(found)

    # -- the walk ----------------------------------------------------------------
    def report(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def sequence(self, items, state: _State, tail: bool = True) -> _State:
        """Walk ``items``; ``tail``: whether what comes after them can fail
        (a repetition that ends the pattern is never given back)."""
        items = list(items)
        for i, (op, av) in enumerate(items):
            state = self.item(op, av, state, tail or _can_fail(items[i + 1:]))
        return state

    def item(self, op, av, state: _State, tail: bool = True) -> _State:
        one = self._one(op, av)
        if one is not None:
            return self._required(one, state)
        if op is _c.AT:
            if av is _c.AT_BEGINNING_LINE:  # a line start: a run with newlines in it has many
                return state.with_paths((prefix, (*guards, ("only", frozenset("\n")))) for prefix, guards in state.paths)
            if av in _ANCHORS:
                return state.with_paths(())
            return state
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            return self._assertion(op, av, state)
        if op is _c.BRANCH:
            return self._branch(av[1], state, tail)
        if op is _c.SUBPATTERN:
            return self.sequence(av[3], state, tail)
        if op is getattr(_c, "ATOMIC_GROUP", None):
            inner = self.sequence(av, state, False)
            return _State(state.open if _min_width(av) == 0 else self._close(state.open, self.chars(av)), inner.paths)
        if op in _REPEATS and op is not None:
            return self._repeat(op, av, state, tail)
        if op is _c.GROUPREF_EXISTS:
            return self._branch([av[1], av[2] or []], state, tail)
        return state

    def _required(self, chars: frozenset[str], state: _State) -> _State:
        return _State(self._close(state.open, chars), tuple(((*prefix, chars), guards) for prefix, guards in state.paths))

    @staticmethod
    def _close(open_: tuple, chars: frozenset[str]) -> tuple:
        """A required character stops every open repetition that cannot take it."""
        return tuple(entry for entry in open_ if entry & chars)

    def _branch(self, alternatives, state: _State, tail: bool = True) -> _State:
        outs = [self.sequence(alternative, state, tail) for alternative in alternatives]
        if not outs:
            return state
        open_ = tuple(entry for out in outs for entry in out.open)
        return _State(open_, ()).with_open(open_).with_paths(path for out in outs for path in out.paths)

    def _assertion(self, op, av, state: _State) -> _State:
        direction, body = av
        if direction < 0:
            if self._unbounded_inside(body):
                self.report("an unbounded repetition inside a lookbehind (evaluated at every position): bound it")
            guard = self._guard(op, body)
            if guard is None:
                return state
            return state.with_paths((prefix, (*guards, guard)) for prefix, guards in state.paths)
        self.sequence(body, state, False)  # a lookahead continues the path; its own state is dropped
        return state

    def _guard(self, op, body):
        """A lookbehind that stops a search inside a run: (?<![0-9]) or (?<=[。;])."""
        alternatives = body[0][1][1] if len(body) == 1 and body[0][0] is _c.BRANCH else [body]
        classes = []
        for alternative in alternatives:
            if len(alternative) == 1 and alternative[0][0] is _c.AT:
                classes.append(frozenset())
                continue
            if len(alternative) != 1 or self._one(*alternative[0]) is None:
                return None
            classes.append(self._one(*alternative[0]))
        chars = frozenset().union(*classes)
        return ("not" if op is _c.ASSERT_NOT else "only", chars)

    def _unbounded_inside(self, items) -> bool:
        for op, av in items:
            if op in _REPEATS and op is not None and _unbounded(av):
                return True
            inner = _inner(op, av)
            if inner is not None and any(self._unbounded_inside(sub) for sub in inner):
                return True
        return False

    def _repeat(self, op, av, state: _State, tail: bool = True) -> _State:
        low, _, body = av
        possessive = op is getattr(_c, "POSSESSIVE_REPEAT", None)
        inner = self.sequence(body, _State((), state.paths), tail)
        if not _unbounded(av):
            # a bounded repetition: its body once (twice to see it next to itself), then what it leaves open
            if av[1] > 1:
                self.sequence(body, _State(inner.open, ()))
            out = self.sequence(body, state, tail)
            if low > 0:
                return out
            return _State((*state.open, *out.open), ()).with_open((*state.open, *out.open)).with_paths(
                (*state.paths, *out.paths))
        chars = self.chars(body)
        if tail:
            self._adjacent(state, chars)
            self._search_starts(state, body, chars)
        if not possessive and tail:
            self._nested(body, inner)
        open_ = state.open if low == 0 else self._close(state.open, chars)
        if not possessive:
            open_ = (*open_, chars)
        paths = state.paths if low == 0 else tuple(((*prefix, chars), guards) for prefix, guards in state.paths)
        return _State(open_, ()).with_open(open_).with_paths(paths)

    def _adjacent(self, state: _State, chars: frozenset[str]) -> None:
        for entry in state.open:
            shared = entry & chars
            if shared:
                self.report(f"two unbounded repetitions next to each other can both take {_name(shared)}: "
                            "bound one, make the first possessive (*+) or put a required character between them")
                return

    def _search_starts(self, state: _State, body, chars: frozenset[str]) -> None:
        """A search started anywhere in a long run of what the repetition takes."""
        starts = self.first(body) & chars  # what a run it can take all of is made of
        for prefix, guards in state.paths if self.mode == "search" and starts else ():
            if all(c & starts for c in prefix) and not self._guarded(guards, starts):
                run = starts & prefix[0] if prefix else starts
                literal = "".join(next(iter(c)) for c in prefix) if prefix and all(len(c) == 1 for c in prefix) else ""
                if len(literal) >= 2:  # a run of a word: whether the repetition can take it is left to a probe
                    self.runs.add(literal)
                    return
                self.report(f"a search can start this unbounded repetition anywhere in a run of "
                            f"{_name(run)}: anchor it (^), bound it ({{0,N}}) or guard it with a lookbehind")
                return

    def _guarded(self, guards: tuple, chars: frozenset[str]) -> bool:
        for kind, guard in guards:
            if kind == "not" and chars <= guard:
                return True
            if kind == "only" and not (chars & guard):
                return True
        return False

    def _literal_words(self, alternatives) -> list[str] | None:
        words = []
        for alternative in alternatives:
            if not alternative or any(op is not _c.LITERAL for op, _ in alternative):
                return None
            words.append("".join(chr(av) for _, av in alternative))
        return words

    def _nested(self, body, inner: _State) -> None:
        """An unbounded repetition of a body: the body next to itself must not
        be ambiguous, nor its alternatives start alike."""
        again = _Walker(self.universe, "match")
        again.sequence(body, _State(inner.open, ()))
        if again.problems:
            self.report("an unbounded repetition of something that repeats itself (nested quantifiers): "
                        "bound one or make the outer one possessive (*+)")
        alternatives = body[0][1][1] if len(body) == 1 and body[0][0] is _c.BRANCH else None
        if alternatives is None and len(body) == 1 and body[0][0] is _c.SUBPATTERN:
            sub = body[0][1][3]
            alternatives = sub[0][1][1] if len(sub) == 1 and sub[0][0] is _c.BRANCH else None
        words = self._literal_words(alternatives) if alternatives else None
        if words is not None:
            if not _uniquely_decodable(words):
                self.report("words inside an unbounded repetition that can be read in two ways (a word made of "
                            "others): make the repetition possessive (*+)")
            return
        if alternatives:
            firsts = [self.first(a) for a in alternatives]
            for i, a in enumerate(firsts):
                if any(a & b for b in firsts[i + 1:]):
                    self.report("alternatives that can start with the same character inside an unbounded "
                                "repetition: make them exclusive or the repetition possessive (*+)")
                    return


def _unbounded(av) -> bool:
    return av[1] == _c.MAXREPEAT or av[1] > LARGE


_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)  # (Python 3.11 on)


def _inner(op, av) -> list | None:
    """The item lists inside a grouping item — a branch's alternatives, a
    group's body, what a repetition repeats — or None for any other item."""
    if op is _c.BRANCH:
        return av[1]
    if op is _c.SUBPATTERN:
        return [av[3]]
    if op in _REPEATS and op is not None:
        return [av[2]]
    if op is _ATOMIC and op is not None:
        return [av]
    return None


def _can_fail(items) -> bool:
    """Whether ``items`` can fail to match where they are tried."""
    return any(op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT, _c.GROUPREF, _c.GROUPREF_EXISTS) or _min_width([(op, av)]) > 0
               for op, av in items)


def _min_width(items) -> int:
    total = 0
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            total += 1
        elif op is _c.BRANCH:
            total += min((_min_width(a) for a in av[1]), default=0)
        elif op is _c.SUBPATTERN:
            total += _min_width(av[3])
        elif op in _REPEATS and op is not None:
            total += av[0] * _min_width(av[2])
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            total += _min_width(av)
        elif op is _c.GROUPREF_EXISTS:
            total += min(_min_width(av[1]), _min_width(av[2] or []))
    return total
