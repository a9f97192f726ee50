"""Rendering `policyx check` results for people and for CI systems.

Formats: text (rich; file:line, rule, message), json (the output contract),
github (workflow-command annotations), junit (XML for test reporters), sarif
(2.1.0, as code-scanning tools read it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from policyx import __version__
from policyx.analyse.check import CheckRule, Finding, summary

FORMATS = ("text", "json", "github", "junit", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True, slots=True)
class CheckedPlan:
    """One plan's findings, with where it came from."""

    id: str
    path: str | None
    title: str | None
    findings: tuple[Finding, ...]
    facts: object = None  # plan_info.PlanFacts: level, region, date and where each was read
    parent_facts: object = None  # …of the plan given with --against

    @property
    def location(self) -> str:
        return self.path or self.id


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A plan that could not be read: as it was named, and why."""

    source: str
    message: str


def finding_to_dict(f: Finding) -> dict:
    return {"rule": f.rule, "severity": f.severity, "message": f.message, "line": f.line, "task": f.task,
            "span": list(f.span) if f.span else None}


def plan_to_dict(plan: CheckedPlan) -> dict:
    facts = {k: v for k, v in plan.facts.as_dict().items() if k != "title"} if plan.facts is not None else {}
    data = {"document": {"id": plan.id, "path": plan.path, "title": plan.title, **facts},
            "findings": [finding_to_dict(f) for f in plan.findings],
            "summary": summary(plan.findings)}
    if plan.parent_facts is not None:
        data["against"] = plan.parent_facts.as_dict()
    return data


def to_json(plans: list[CheckedPlan], unreadable: list[Unreadable] = ()) -> str:
    """One plan: the contract's object. Several, or any that could not be
    read: {"documents": [...], "summary": {...}, "unreadable": [{"path",
    "error"}, ...]} (the form follows the plans asked for, not those read)."""
    if len(plans) == 1 and not unreadable:
        data = plan_to_dict(plans[0])
    else:
        data = {"documents": [plan_to_dict(p) for p in plans],
                "summary": summary(f for p in plans for f in p.findings)}
    if unreadable:
        data["unreadable"] = [{"path": u.source, "error": u.message} for u in unreadable]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_github(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(plans: list[CheckedPlan], unreadable: list[Unreadable] = ()) -> str:
    lines = [f"::error file={_escape_github(u.source, property_value=True)},title=unreadable::{_escape_github(u.message)}"
             for u in unreadable]
    for plan in plans:
        for f in plan.findings:
            props = [f"file={_escape_github(plan.location, property_value=True)}"]
            if f.line:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_github(f.rule, property_value=True)}")
            lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_github(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_junit(plans: list[CheckedPlan], unreadable: list[Unreadable] = (), *, strict: bool = False) -> str:
    """One testcase per finding (a failure when it fails the run), one
    passing testcase for each plan with nothing to report, and one in error
    for each plan that could not be read."""
    suites = ET.Element("testsuites", name="policyx check")
    for u in unreadable:
        suite = ET.SubElement(suites, "testsuite", name=u.source, tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname=u.source, name="read")
        ET.SubElement(case, "error", message=u.message, type="unreadable").text = f"{u.source}: {u.message}"
    for plan in plans:
        failing = [f for f in plan.findings if f.severity == "error" or (strict and f.severity == "warning")]
        suite = ET.SubElement(suites, "testsuite", name=plan.location, tests=str(max(1, len(plan.findings))),
                              failures=str(len(failing)), errors="0", skipped="0")
        if not plan.findings:
            ET.SubElement(suite, "testcase", classname=plan.location, name="clean")
        for f in plan.findings:
            case = ET.SubElement(suite, "testcase", classname=plan.location, name=f"{f.rule} line {f.line or '-'}")
            if f in failing:
                failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
                failure.text = f"{plan.location}:{f.line or ''} {f.rule} ({f.severity}): {f.message}"
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"{f.severity}: {f.message}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def to_sarif(plans: list[CheckedPlan], catalogue: dict[str, CheckRule], unreadable: list[Unreadable] = ()) -> str:
    """The findings as results; a plan that could not be read as a tool
    execution notification, the run marked as not successful."""
    rule_ids = list(catalogue)
    rules = [
        {
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": rule.description},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"code": rule.code},
        }
        for rule in catalogue.values()
    ]
    results = []
    for plan in plans:
        for f in plan.findings:
            location: dict = {"physicalLocation": {"artifactLocation": {"uri": plan.location}}}
            if f.line:
                location["physicalLocation"]["region"] = {"startLine": f.line}
            result = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [location],
            }
            if f.rule in catalogue:
                result["ruleIndex"] = rule_ids.index(f.rule)
            results.append(result)
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "policyx", "version": __version__,
                                "informationUri": "https://pypi.org/project/policyx/", "rules": rules}},
            "results": results,
            "invocations": [{
                "executionSuccessful": not unreadable,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": u.message}, "descriptor": {"id": "unreadable"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": u.source}}}]}
                    for u in unreadable],
            }],
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def print_text(plans: list[CheckedPlan], console=None, *, unreadable: int = 0) -> None:
    """The findings for people (each plan that could not be read is named on standard error as it fails; counted here)."""
    from rich.console import Console
    from rich.markup import escape

    console = console or Console()
    colour = {"error": "red", "warning": "yellow", "info": "cyan"}
    for plan in plans:
        if plan.facts is not None:
            console.print(f"[dim]{escape(plan.location)}: {escape(plan.facts.describe())}"
                          + (f"; against {escape(plan.parent_facts.describe())}" if plan.parent_facts is not None else "")
                          + "[/dim]", highlight=False, soft_wrap=True)
        for f in plan.findings:
            where = f"{plan.location}:{f.line}" if f.line else plan.location
            console.print(f"{escape(where)}: [{colour[f.severity]}]{f.severity}[/] [bold]{escape(f.rule)}[/bold] "
                          f"{escape(f.message)}",
                          highlight=False, soft_wrap=True)
    total = summary(f for p in plans for f in p.findings)
    console.print(f"{len(plans)} plan(s) checked: {total['error']} error(s), {total['warning']} warning(s), "
                  f"{total['info']} info" + (f"; {unreadable} could not be read" if unreadable else ""), highlight=False)
