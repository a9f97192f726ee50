"""Adversarial texts and every pattern policyx uses, for the robustness tests,
bench/adversarial.py and tools/fuzz.py.

- :data:`UNITS` — what a hostile (or merely odd) plan is made of: runs of each
  kind of white space (U+3000 too), digits, heading markers (一、, (1)), brackets,
  牵头/负责 repeats, markup that the noise rules mask to spaces;
- :func:`adversarial_text` — a unit repeated to a size, after a trigger that
  lets a rule get going (a year, a label, a marker) and before a tail that
  makes it fail at the end, which is where a backtracking engine pays;
- :func:`pattern_families` — every compiled pattern, grouped by where it
  lives: each rule file (``rules.noise``, ``rules.deadlines`` …) and each
  module of ``src/policyx`` (module-level patterns and pattern literals
  passed to ``regex``/``re`` calls, found with ``ast``);
- :func:`plan_text` — real plan text (corpus/ and tests/data/wild/full/
  concatenated) to a size;
- :func:`growth` — time at two sizes, as a ratio.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
import re
import time
from pathlib import Path
from typing import Callable, Iterable

import regex

ROOT = Path(__file__).resolve().parents[1]

# name -> unit repeated to the size
UNITS: dict[str, str] = {
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "blank-lines": "\n \n",
    "crlf": "\r\n",
    "ideographic-spaces": "\u3000",
    "no-break-spaces": "\xa0",
    "mixed-white": " \t\u3000",
    "digits": "1",
    "decimals": "1.",
    "years": "2016年",
    "year-list": "2016年、",
    "number-list": "1、",
    "percent-list": "5%、",
    "markers-cn": "一、",
    "marker-lines": "一、总则\n",
    "markers-paren": "(1)",
    "markers-paren-cn": "（一）",
    "markers-dot": "1.",
    "circled": "①",
    "chapters": "第一章",
    "brackets": "【",
    "parens": "（",
    "closing": "）",
    "quotes": "“",
    "lead": "牵头",
    "responsible": "负责",
    "lead-responsible": "牵头负责",
    "labels": "责任单位：",
    "units-list": "环保厅、",
    "stops": "。",
    "colons": "：",
    "han": "水",
    "html-p": "<p>",
    "html-span": '<span style="font-size:16px">',
    "html-open": "<",
    "entities": "&nbsp;",
    "script": "<script>",
    "comment": "<!--",
    "pipes": "|",
    "dots": "..",
    "ellipsis": "…",
    # a run-together table's header, then offices each before a number that opens no row
    "glued-rows": "序号工作内容责任单位1做市环保局2",
    "glued-offices": "市环保局2",
    "glued-dated": "序号工作内容责任单位完成时限1" + "长期2" * 50,
    # a header of a table drawn with spaces on every line, and rows with no header (tables/layout.py)
    "layout-headers": "序号    重点任务    牵头单位    完成时限\n",
    "layout-rows": "  1    推进工作    市环保局    2023年底前\n    续写    \n",
    # offices as the subjects of a sentence's phrases, and a role word after an office that is no duty
    # (extract/clauses/phrases.py: a page with no stop once took 14 s for 200k characters)
    "phrase-subjects": "市财政局负责组织x，",
    "phrase-nouns": "市财政局负责人，",
    # prose clauses with their helpers, one paragraph of thousands (extract/clauses/finding.py: each asked whether
    # a clause found before covered it, once quadratic)
    "prose-helpers": "由市财政局负责，市住建局配合x，",
    "ledger-rows": "\t\t建立机制\t\t市直有关部门\t\t每月\n",
    "duty-sentences": "市财政局要加强x。",
    "duty-requests": "请市财政局、",
}

# what comes before the run: nothing, or what lets a rule start
TRIGGERS: tuple[str, ...] = ("", "2016年", "今年1月", "第一", "专栏1", "附件", "共", "(", "责任单位:", "以下", "比",
                             "字号", "当前位置:", "发布日期:", "相关链接:", "序号工作内容责任单位完成时限1")


def adversarial_text(unit: str, size: int, trigger: str = "", tail: str = "x") -> str:
    """``trigger`` + ``unit`` repeated to about ``size`` characters + ``tail``."""
    return trigger + unit * max(1, size // max(1, len(unit))) + tail


def adversarial_texts(size: int, *, triggers: Iterable[str] = ("",)) -> dict[str, str]:
    return {f"{name}{'@' + trigger if trigger else ''}": adversarial_text(unit, size, trigger)
            for trigger in triggers for name, unit in UNITS.items()}


def plan_text(size: int) -> str:
    """Real plan text: the corpus and the wild full plans, concatenated and
    repeated to ``size`` characters."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/wild/full").glob("*.txt"))]
    whole = "\n".join(parts)
    return (whole * (size // len(whole) + 1))[:size]


# -- every pattern ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Found:
    where: str  # rules.deadlines[deadline.year_end] or policyx.extract.sections.markers._TITLE_END
    pattern: object  # a compiled regex / re pattern
    mode: str = "search"  # "match": only ever matched at a chosen position


def _walk(obj, path: str, out: dict, seen: set) -> None:
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, (regex.Pattern, re.Pattern)):
        out.setdefault((obj.pattern, obj.flags), path)
        return
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        rid = getattr(obj, "id", None)
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name), f"{path}[{rid}]" if isinstance(rid, str) and f.name == "pattern"
                  else f"{path}.{f.name}", out, seen)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, f"{path}.{k}", out, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, v in enumerate(obj):
            _walk(v, f"{path}[{i}]", out, seen)
    elif type(obj).__module__.startswith("policyx"):
        if hasattr(obj, "__dict__"):
            _walk(vars(obj), path, out, seen)
        for slot in getattr(type(obj), "__slots__", ()):
            if hasattr(obj, slot):
                _walk(getattr(obj, slot), f"{path}.{slot}", out, seen)


_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _literal_patterns(module_file: Path) -> list[tuple[str, int]]:
    """Pattern literals passed to regex./re. calls (and to stored_patterns.compiled) in a module's source."""
    found = []
    tree = ast.parse(module_file.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        called = isinstance(node, ast.Call) and (
            isinstance(node.func, ast.Attribute) and node.func.attr in _CALLS
            and isinstance(node.func.value, ast.Name) and node.func.value.id in ("regex", "re")
            or isinstance(node.func, ast.Name) and node.func.id == "compiled")  # (text/stored_patterns.py)
        if called and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            found.append((node.args[0].value, node.lineno))
    return found


def pattern_families(rules=None) -> dict[str, list[Found]]:
    """Every pattern of the rule files (by file) and of src/policyx (by module)."""
    import policyx
    from policyx.rules import load_rules

    rules = rules or load_rules()
    families: dict[str, list[Found]] = {}
    seen_sources: set = set()
    from policyx.rules.alignment import alignment_rules
    from policyx.rules.indicators import indicator_rules
    from policyx.rules.regions import region_rules

    lazy = {"alignment": alignment_rules(rules), "indicators": indicator_rules(rules), "regions": region_rules(rules)}
    for name in ("markers", "sections", "noise", "departments", "responsibility", "tasks", "deadlines", "targets",
                 "tables", "document", *lazy):
        out: dict = {}
        _walk(lazy[name] if name in lazy else getattr(rules, name), f"rules.{name}", out, set())
        mode = "match" if name == "markers" else "search"
        families[f"rules.{name}"] = [Found(path, regex.compile(src, flags), mode) for (src, flags), path in out.items()]
        seen_sources.update(out)
    for module_info in pkgutil.walk_packages(policyx.__path__, "policyx."):
        name = module_info.name
        if name.endswith("__main__") or name == "policyx.text.stored_patterns":
            continue  # (the store holds the patterns other modules define, as its cache on disk left them)
        module = importlib.import_module(name)
        out = {}
        for key, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)) or isinstance(value, (tuple, list, dict)):
                _walk(value, f"{name}.{key}", out, set())
        for source, line in _literal_patterns(Path(module.__file__)):
            out.setdefault((source, 0), f"{name}:{line}")
        found = [Found(path, regex.compile(src, flags if isinstance(flags, int) else 0),
                       "match" if src.startswith("\\G") else "search")
                 for (src, flags), path in out.items() if (src, flags) not in seen_sources]
        seen_sources.update(out)  # a pattern imported by another module is counted once
        if found:
            families[name] = found
    return families


# -- timing ----------------------------------------------------------------------


def best_time(work: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` runs, with the cyclic garbage collector held off
    as timeit does: in a process that holds much (a test session), its passes
    cost with the heap, not with the work measured."""
    import gc

    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
        finally:
            if was_enabled:
                gc.enable()
    return best


def scan(pattern, text: str, timeout: float = 20.0) -> None:
    """Every match of ``pattern`` in ``text`` (a search at every position, as finditer does)."""
    if isinstance(pattern, regex.Pattern):
        for _ in pattern.finditer(text, timeout=timeout):
            pass
    else:
        for _ in pattern.finditer(text):
            pass


def growth(work_at: Callable[[int], Callable[[], object]], small: int, large: int, repeat: int = 3,
           floor: float = 2e-4) -> tuple[float, float, float]:
    """(time at ``small``, time at ``large``, their ratio): the ratio of a
    linear cost is ``large / small``, of a quadratic one its square. Times
    below ``floor`` seconds are raised to it (too short to compare). The two
    sizes are timed in turn, each best kept: the machine is shared, and a busy
    moment that fell on one size's runs alone would read as growth."""
    small_work, large_work = work_at(small), work_at(large)
    t_small = t_large = float("inf")
    for _ in range(repeat):
        t_small = min(t_small, best_time(small_work, 1))
        t_large = min(t_large, best_time(large_work, 1))
    t_small, t_large = max(floor, t_small), max(floor, t_large)
    return t_small, t_large, t_large / t_small
