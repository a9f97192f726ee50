"""`policyx check`: a plan validated by named rules, for CI.

Rules are catalogued in ``rules/checks.yaml`` (id, code, default severity,
description).  A config file — ``[tool.policyx.check]`` in pyproject.toml or
the top level of policyx.toml, found in the working directory or above —
switches rules off (``disable = [...]``) or re-grades them (``[severity]``
table).  Everything here returns data; the CLI renders and picks exit codes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

import regex

from policyx.analyse.diff import diff_plans
from policyx.errors import PolicyxError
from policyx.analyse.matching import text_similarity
from policyx.model import Document, Task
from policyx.rules import RuleSet

SEVERITIES = ("error", "warning", "info")
_DATE_LIKE = regex.compile(r"(?:19|20)[0-9]{2}\s*年|[一二][〇零九][〇零一二三四五六七八九]{2}年")
# a year that is not a deadline by design: a baseline, the past, a table column, a document title
_NOT_A_DEADLINE = regex.compile(
    r"(?:比|较|对比|相比|同比|与|由|和|从)\s*$|^\s*年?\s*(?:的|以来|以前|现状|完成情况|基准|数据|为基|度|平均|均值|同期|全年)"
)
HORIZON_YEARS = 35


@dataclass(frozen=True, slots=True)
class CheckRule:
    id: str
    code: str
    severity: str
    description: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str
    message: str
    line: int | None
    task: str | None = None
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class CheckConfig:
    disabled: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)
    source: str | None = None


def catalogue(rules: RuleSet) -> dict[str, CheckRule]:
    data = rules.raw.get("checks", {}).get("checks", []) or []
    out = {}
    for item in data:
        if item.get("severity") not in SEVERITIES:
            raise PolicyxError(f"checks.yaml: rule {item.get('id')!r} field 'severity' must be one of {', '.join(SEVERITIES)}")
        out[item["id"]] = CheckRule(item["id"], str(item.get("code", "")), item["severity"], str(item.get("description", "")))
    return out


def find_config(start: Path | None = None) -> Path | None:
    """policyx.toml, or a pyproject.toml with [tool.policyx], here or above."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        own = folder / "policyx.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "policyx" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, OSError):
                pass
        if (folder / ".git").exists():
            break
    return None


def load_config(path: Path | None, known: Iterable[str]) -> CheckConfig:
    """Read a config file; unknown rule ids and severities are errors."""
    if path is None:
        return CheckConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise PolicyxError(f"{path}: cannot read config ({exc})") from None
    section = data.get("tool", {}).get("policyx", {}) if path.name == "pyproject.toml" else data
    section = section.get("check", section)
    known = set(known)
    config = CheckConfig(source=str(path))
    for rule in section.get("disable", []) or []:
        if rule not in known:
            raise PolicyxError(f"{path}: unknown rule {rule!r} in 'disable'")
        config.disabled.add(rule)
    for rule, severity in (section.get("severity", {}) or {}).items():
        if rule not in known:
            raise PolicyxError(f"{path}: unknown rule {rule!r} in 'severity'")
        if severity not in SEVERITIES:
            raise PolicyxError(f"{path}: severity of {rule!r} must be one of {', '.join(SEVERITIES)}")
        config.severity[rule] = severity
    return config


def _plan_year(doc: Document) -> int | None:
    if doc.info.date:
        return int(doc.info.date[:4])
    return None


def _raw_findings(doc: Document, rules: RuleSet, parent: Document | None) -> Iterable[Finding]:
    """Every finding, before the config switches some off.  Task rules look at
    the body's tasks; rows of the plan's own tables are checked against them
    (body-table-mismatch) rather than on their own."""
    doc = replace(doc, tasks=doc.body_tasks())
    for w in doc.warnings:
        if w.code in ("task-without-clause", "department-unknown", "clause-unclosed", "section-numbering", "no-structure",
                      "body-table-mismatch"):
            yield Finding(w.code, "", w.message, w.line, None, w.span)
    uses_clauses = any(t.clause or t.subclauses for t in doc.tasks)
    for t in doc.tasks:
        if uses_clauses and (t.clause or t.subclauses) and not t.lead:
            yield Finding("task-without-lead", "", f"task {t.id} {t.title!r} names no lead department", t.line, t.id)
    yield from _unparsed_dates(doc)
    year = _plan_year(doc)
    if year:
        for t in doc.tasks:
            for d in t.deadlines:
                if d.date and d.kind == "by" and int(d.date[:4]) < year:
                    yield Finding("deadline-outside-plan", "", f"deadline {d.raw} ({d.date}) is before the plan's year {year}",
                                  d.line, t.id, d.span)
                elif d.date and int(d.date[:4]) > year + HORIZON_YEARS:
                    yield Finding("deadline-outside-plan", "", f"deadline {d.raw} ({d.date}) is more than {HORIZON_YEARS} "
                                  f"years after the plan's year {year}", d.line, t.id, d.span)
    for t in doc.tasks:
        recurring = [d.span for d in t.deadlines if d.kind == "every"]
        for target in t.targets:
            # "每年新增铁路货运量50万吨" is due every year, not in none
            if target.year is None and not any(_same_sentence(t, span, target.span) for span in recurring):
                yield Finding("target-without-year", "", f"target {target.raw!r} ({target.metric or 'no metric'}) has no year",
                              target.line, t.id, target.span)
    for target in doc.targets:
        if target.year is None:
            yield Finding("target-without-year", "", f"plan target {target.raw!r} has no year", target.line, None, target.span)
    yield from _duplicates(doc)
    if parent is not None:
        yield from _against(doc, parent)


def _same_sentence(task: Task, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two spans inside a task's text lie in one sentence?"""
    lo, hi = min(a[0], b[0]) - task.span[0], max(a[1], b[1]) - task.span[0]
    return 0 <= lo and hi <= len(task.text) and not any(ch in "。；;\n" for ch in task.text[lo:hi])


def _unparsed_dates(doc: Document) -> Iterable[Finding]:
    for t in doc.tasks:
        covered = [d.span for d in t.deadlines]
        clauses = [c.span for c in (*t.subclauses, *([t.clause] if t.clause else []))] + list(doc.noise)
        for m in _DATE_LIKE.finditer(t.text):
            start = t.span[0] + m.start()
            written = "".join(m.group(0).split())
            if any(a <= start < b for a, b in covered) or any(a <= start < b for a, b in clauses) \
                    or any(written in "".join(d.raw.split()) for d in t.deadlines):  # a wording repeated is one deadline
                continue
            before, after = t.text[max(0, m.start() - 4):m.start()], t.text[m.end() - 1:m.end() + 6]
            if _NOT_A_DEADLINE.search(before) or _NOT_A_DEADLINE.search(after) or "《" in t.text[max(0, m.start() - 40):m.start()] and "》" in t.text[m.end():m.end() + 40]:
                continue
            phrase = t.text[m.start():m.end() + 6].split("，")[0].split(",")[0]
            yield Finding("deadline-unparsed", "", f"date-like phrase {phrase!r} was not read as a deadline",
                          _line(doc, start), t.id, (start, t.span[0] + m.end()))


def _line(doc: Document, offset: int) -> int:
    for t in doc.tasks:
        if t.span[0] <= offset < t.span[1]:
            return t.line + t.text[: offset - t.span[0]].count("\n")
    return 0


def _duplicates(doc: Document) -> Iterable[Finding]:
    """Body tasks only: a table row restating a body task is no duplicate."""
    seen: dict[str, object] = {}
    for t in doc.tasks:
        if t.source != "body":
            continue
        key = t.title
        earlier = seen.get(key)
        if earlier is not None and text_similarity(earlier.text, t.text) >= 0.8:  # type: ignore[attr-defined]
            yield Finding("duplicate-task", "", f"task {t.id} {t.title!r} repeats task {earlier.id} (line {earlier.line})",  # type: ignore[attr-defined]
                          t.line, t.id)
        else:
            seen.setdefault(key, t)


def _against(doc: Document, parent: Document) -> Iterable[Finding]:
    d = diff_plans(parent, doc)
    for t in d.only_a:
        yield Finding("parent-task-missing", "", f"parent task {t.id} {t.title!r} (line {t.line} of {parent.info.id}) "
                      "has no counterpart here", None, None)
    for pair in d.matched:
        for c in pair.changes:
            if c.field == "deadlines" and c.direction == "later":
                yield Finding("deadline-later-than-parent", "", f"task {pair.b.id} {pair.b.title!r}: deadline {c.b} is later "
                              f"than the parent's {c.a}", c.line_b, pair.b.id)
            elif c.field == "targets" and c.direction == "looser":
                yield Finding("target-looser-than-parent", "", f"task {pair.b.id} {pair.b.title!r}: target {c.b} is looser "
                              f"than the parent's {c.a}", c.line_b, pair.b.id)
            elif c.field == "lead":
                yield Finding("lead-changed", "", f"task {pair.b.id} {pair.b.title!r}: lead {c.b or '—'} where the parent "
                              f"has {c.a or '—'}", pair.b.line, pair.b.id)
    for c in d.targets:
        if c.direction == "looser":
            yield Finding("target-looser-than-parent", "", f"plan target {c.b} is looser than the parent's {c.a}", c.line_b, None)


def check_plan(
    doc: Document,
    rules: RuleSet,
    *,
    parent: Document | None = None,
    config: CheckConfig | None = None,
    disable: Iterable[str] = (),
) -> list[Finding]:
    """The findings for one plan, with severities from the catalogue and the config.

    >>> from policyx import extract_text, load_rules
    >>> [f.rule for f in check_plan(extract_text("各地要高度重视。"), load_rules())]
    ['no-structure']
    """
    known = catalogue(rules)
    config = config or CheckConfig()
    off = set(config.disabled) | set(disable)
    unknown = off - set(known)
    if unknown:
        raise PolicyxError(f"unknown rule {sorted(unknown)[0]!r}; see policyx check --list-rules")
    findings = []
    for f in _raw_findings(doc, rules, parent):
        if f.rule in off or f.rule not in known:
            continue
        findings.append(replace(f, severity=config.severity.get(f.rule, known[f.rule].severity)))
    return sorted(findings, key=lambda f: (f.line or 0, f.rule))


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts
