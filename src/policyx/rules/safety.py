"""Regex shapes that cannot take time faster than linear in the text.

A backtracking engine goes quadratic (or worse) on patterns of a few known
shapes; this module finds them statically, from the parsed pattern:

- **adjacent**: two unbounded repetitions that can both take the same
  character, with nothing required between them that stops the first
  (``\\s{2,}\\s*``, ``\\s*[:：]?\\s*``, ``[ \\t]*\\s*``): every split of a long
  run between them is tried;
- **nested**: an unbounded repetition of something that itself repeats
  without a separator (``(?:\\s*x?)*``, ``(a+)+``), or whose alternatives
  can start with the same character (``(?:a|ab)*``);
- **search start**: an unbounded repetition that a search can reach from any
  position of a long run of the characters it takes (``[0-9]+%``, ``\\s*X``,
  ``牵头[^。]*``): each start scans the rest of the run. Anchor it (``^``),
  bound it (``{0,N}``) or guard it with a lookbehind (``(?<![0-9])[0-9]+``);
- **lookbehind**: an unbounded repetition inside a lookbehind, which is
  evaluated at every position and scans back as far as it can.

A repetition bounded by more than ``LARGE`` counts as unbounded. Possessive
repetitions (``*+``) and atomic groups (``(?>…)``) give nothing back, so
they open no adjacency. Patterns are parsed with the standard library's
parser (the ``regex`` module's ``\\p{Han}`` is read as the CJK block); a
pattern it cannot parse is reported as such.

:func:`shape_problems` returns the problems as short phrases (empty when the
pattern is safe); ``mode="match"`` is for a pattern only ever matched at a
chosen position (``pattern.match(text, pos)``), where search starts do not
arise.
"""

from __future__ import annotations

import functools

from policyx.rules.regex_parts import _literals, _translate, parser
from policyx.rules.regex_shape import _BASE, _State, _Walker


class PatternShapeError(ValueError):
    """A pattern whose shape can take time faster than linear."""


@functools.lru_cache(maxsize=4096)
def shape_problems(source: str, flags: int = 0, mode: str = "search") -> tuple[str, ...]:
    """What in ``source`` can take super-linear time (empty when nothing).

    >>> shape_problems(r"(?<![0-9])[0-9]+%")
    ()
    >>> shape_problems(r"(?:\\.{2,}|\\s{2,})\\s*[0-9]{1,3}\\s*$")[-1][:42]
    'two unbounded repetitions next to each oth'
    """
    try:
        parsed = parser.parse(_translate(source), flags & 0xFF)
    except Exception as exc:  # noqa: BLE001 - any parse failure is reported, not raised
        return (f"cannot be checked ({exc}); use standard syntax",)
    items = list(parsed)
    found: set[str] = set()
    _literals(items, found)
    walker = _Walker(_BASE | found, mode)
    walker.sequence(items, _State((), (((), ()),) if mode == "search" else ()), False)
    problems = list(walker.problems)
    for word in sorted(walker.runs):
        if not _linear_on(source, flags, word):
            problems.append(f"a search started at each {word!r} of a run of them scans the rest of the run: "
                            "bound the repetition after it or exclude the word from it")
    return tuple(problems)


def _linear_on(source: str, flags: int, word: str) -> bool:
    """Whether searching ``word`` repeated takes time proportional to its
    length (the best of three at two sizes, four times apart: linear is 4,
    quadratic 16)."""
    import time

    import regex

    try:
        pattern = regex.compile(source, flags)
    except regex.error:
        return True  # the compiler reports it
    times = []
    for count in (256, 1024):
        text = word * count + "\n"
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            try:
                for _ in pattern.finditer(text, timeout=2.0):
                    pass
            except TimeoutError:
                return False
            best = min(best, time.perf_counter() - start)
        times.append(max(best, 2e-4))
    return times[1] / times[0] < 8


def check_shape(source: str, *, where: str, flags: int = 0, mode: str = "search") -> None:
    """Raise :class:`PatternShapeError` with the first problem of ``source``."""
    problems = shape_problems(source, flags, mode)
    if problems:
        raise PatternShapeError(f"{where}: pattern can take time faster than linear: {problems[0]}")


# -- every pattern of a rule set ---------------------------------------------------

# RuleSet attributes, and the rule file each is read from
FAMILIES = {"markers": "sections", "sections": "sections", "noise": "noise", "departments": "departments",
            "responsibility": "responsibility", "tasks": "tasks", "deadlines": "deadlines", "targets": "targets",
            "tables": "tables", "document": "document"}
LAZY_FAMILIES = ("alignment", "indicators", "regions")  # compiled on first use (diff, check)


def rule_patterns(rules) -> list[tuple[str, str | None, str, object, str]]:
    """Every compiled pattern of a RuleSet as (rule file, rule id, field,
    pattern, mode): mode "match" for the heading markers (matched at a line's
    start), "search" for the rest. The files that only some commands compile
    are compiled here."""
    import regex

    from policyx.rules.alignment import alignment_rules
    from policyx.rules.indicators import indicator_rules
    from policyx.rules.regions import region_rules

    lazy = {"alignment": alignment_rules(rules), "indicators": indicator_rules(rules), "regions": region_rules(rules)}
    found: list = []
    seen: set = set()

    def walk(obj, name: str, rule_id, field: str) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, regex.Pattern):
            found.append((FAMILIES.get(name, name), rule_id, field, obj, "match" if name == "markers" else "search"))
        elif hasattr(obj, "__dataclass_fields__"):
            own = getattr(obj, "id", None)
            for key in obj.__dataclass_fields__:
                walk(getattr(obj, key), name, own if isinstance(own, str) else rule_id, key)
        elif isinstance(obj, dict):
            for key, value in obj.items():
                walk(value, name, rule_id, f"{field}.{key}" if field else str(key))
        elif isinstance(obj, (list, tuple)):
            for value in obj:
                walk(value, name, rule_id, field)
        elif type(obj).__module__.startswith("policyx"):
            for key in getattr(type(obj), "__slots__", ()) or vars(obj):
                if hasattr(obj, key):
                    walk(getattr(obj, key), name, rule_id, key.lstrip("_"))

    for name in FAMILIES:
        walk(getattr(rules, name), name, None, "")
    for name, compiled in lazy.items():
        walk(compiled, name, None, "")
    return found


def vet_user_patterns(rules, packaged) -> None:
    """Raise RulesError for the first pattern of ``rules`` that is not one of
    ``packaged`` (so: made from a user's rule file) and whose shape can take
    time faster than linear. The message names the user's file, the rule id
    and the field."""
    from policyx.errors import RulesError

    known = {(p.pattern, p.flags) for _, _, _, p, _ in rule_patterns(packaged)}
    for name, rule_id, field, pattern, mode in rule_patterns(rules):
        if (pattern.pattern, pattern.flags) in known:
            continue
        problems = shape_problems(pattern.pattern, pattern.flags, mode)
        if problems:
            files = rules.raw.get(name, {}).get("_files", [f"{name}.yaml"])
            user = ", ".join(files[1:]) or ", ".join(files)
            rule = f" rule {rule_id!r}" if rule_id else ""
            raise RulesError(f"{user}:{rule} field {field!r}: pattern can take time faster than linear: {problems[0]}")
