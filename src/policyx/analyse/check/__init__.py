"""`policyx check`: a plan validated by named rules, for CI.

Rules are catalogued in ``rules/checks.yaml`` (id, code, default severity,
description).  A config file — ``[tool.policyx.check]`` in pyproject.toml or
the top level of policyx.toml, found in the working directory or above —
switches rules off (``disable = [...]``) or re-grades them (``[severity]``
table).  Each check is a module of :mod:`policyx.analyse.check.checks` with its
id, as yamllint keeps its rules.  Everything here returns data; the CLI renders
and picks exit codes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, get_args

__all__ = ["CheckConfig", "CheckRule", "Finding", "SEVERITIES", "catalogue", "check_plan", "find_config", "load_config",
           "summary"]

from policyx.analyse.check.context import CheckContext, Finding, plan_tasks
from policyx.analyse.check.checks import CHECKS
from policyx.errors import PolicyxError
from policyx.model import Document, Severity
from policyx.rules import RuleSet

SEVERITIES: tuple[Severity, ...] = get_args(Severity)


@dataclass(frozen=True, slots=True)
class CheckRule:
    id: str
    code: str
    severity: Severity
    description: str


@dataclass(slots=True)
class CheckConfig:
    disabled: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)
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
    from policyx.limits import SETTINGS_MAX_BYTES, read_file

    try:
        data = tomllib.loads(read_file(path, limit=SETTINGS_MAX_BYTES).decode("utf-8"))  # a regular file: a FIFO would block
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise PolicyxError(f"{path}: cannot read config ({exc})") from None
    except UnicodeDecodeError:
        raise PolicyxError(f"{path}: cannot read config (not a UTF-8 text file)") from None
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


def _raw_findings(doc: Document, rules: RuleSet, parent: Document | None, facts=None,
                  parent_facts=None) -> Iterable[Finding]:
    """Every finding of every check, before the config switches some off.
    Task checks look at the body's tasks (and the rows of the plan's tables
    that restate none of them); a table row restating a body task is checked
    against it (body-table-mismatch) rather than on its own."""
    context = CheckContext(full=doc, doc=replace(doc, tasks=plan_tasks(doc)), rules=rules, parent=parent, facts=facts,
                           parent_facts=parent_facts)
    for module in CHECKS:
        yield from module.check(context)


def check_plan(
    doc: Document,
    rules: RuleSet,
    *,
    parent: Document | None = None,
    config: CheckConfig | None = None,
    disable: Iterable[str] = (),
    facts=None,
    parent_facts=None,
) -> list[Finding]:
    """The findings for one plan, with severities from the catalogue and the config
    (``facts`` / ``parent_facts``: whose plans they are, ``plan_info.PlanFacts``;
    read from the manifest or the text when not given).

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
    for f in _raw_findings(doc, rules, parent, facts, parent_facts):
        if f.rule in off or f.rule not in known:
            continue
        default = f.severity or known[f.rule].severity  # a check may grade a finding itself
        findings.append(replace(f, severity=config.severity.get(f.rule, default)))
    return sorted(findings, key=lambda f: (f.line or 0, f.rule))


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts
