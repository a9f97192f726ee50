"""What `policyx report` shows, as plain data: every number taken from the
functions the terminal views use — ``analyse.views.filter_tasks`` (as
`policyx tasks`), ``department_load`` (`policyx departments`), ``timeline``
(`policyx timeline`) and ``diff_plans`` with ``render_diff.diff_to_dict``
(`policyx diff --format json`) — so the page and the commands agree.

The HTML template (report_html.py) renders these dicts; the page's script
draws the charts from the same dicts, embedded as JSON.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from policyx.io.export import deadline_label, quarter, target_label
from policyx.io.serialize import to_plain
from policyx.model import Document, DepartmentRef, Task

UNDATED = {"every": "recurring", "ongoing": "ongoing", "none": "no deadline"}


def _names(refs: tuple[DepartmentRef, ...]) -> list[str]:
    return [r.shown for r in refs]


def _top(section: str | None) -> str:
    return (section or "").split(".")[0]


def outline(doc: Document, task_counts: Counter) -> list[dict[str, Any]]:
    """The section tree, each node with its number of tasks (its own and below)."""
    nodes = {s.id: {"id": s.id, "marker": s.marker, "title": s.title, "line": s.line, "kind": s.kind,
                    "tasks": 0, "children": []} for s in doc.sections}
    roots = []
    for s in doc.sections:
        parent = nodes.get(s.parent) if s.parent else None
        (parent["children"] if parent else roots).append(nodes[s.id])
    for section_id, count in task_counts.items():
        while section_id:
            if section_id in nodes:
                nodes[section_id]["tasks"] += count
            section_id = doc.section(section_id).parent if doc.section(section_id) else None
    return roots


def task_row(task: Task, doc: Document) -> dict[str, Any]:
    section = doc.section(task.section) if task.section else None
    when = sorted({d.date[:4] if d.date else UNDATED.get(d.kind, d.kind) for d in task.deadlines}) or ["no deadline"]
    return {
        "id": task.id, "section": task.section or "", "top": _top(task.section),
        "section_title": section.title if section else "", "title": task.title, "line": task.line,
        "lead": _names(task.lead), "participants": _names(task.participants), "implementers": _names(task.implementers),
        "departments": sorted({r.canonical for r in (*task.lead, *task.participants, *task.implementers)}),
        "lead_keys": [r.canonical for r in task.lead], "participant_keys": [r.canonical for r in task.participants],
        "implementer_keys": [r.canonical for r in task.implementers],
        "deadlines": [deadline_label(d) for d in task.deadlines], "when": when,
        "first_date": min((d.date for d in task.deadlines if d.date), default="9999"),
        "inherited": any(r.inherited for r in (*task.lead, *task.participants, *task.implementers)),
        "targets": [target_label(t) for t in task.targets],
        "clause": task.clause.text if task.clause else "", "clause_line": task.clause.line if task.clause else None,
    }


def department_rows(loads) -> list[dict[str, Any]]:
    return [{"canonical": r.canonical, "function": r.function or "", "names": r.names, "leads": len(r.leads),
             "participates": len(r.participates), "implements": len(r.implements), "lead_tasks": r.leads}
            for r in loads]


def function_rows(loads) -> list[dict[str, Any]]:
    """The same load by function (自治区环保厅 and 州环保局 are both environment):
    distinct tasks per role; departments without a known function stand alone."""
    groups: dict[str, dict[str, Any]] = {}
    for r in loads:
        key = r.function or r.canonical
        g = groups.setdefault(key, {"function": key, "departments": [], "leads": set(), "participates": set(),
                                    "implements": set()})
        g["departments"].append(r.canonical)
        for role in ("leads", "participates", "implements"):
            g[role].update(getattr(r, role))
    rows = [{**g, **{role: len(g[role]) for role in ("leads", "participates", "implements")}} for g in groups.values()]
    return sorted(rows, key=lambda g: (-g["leads"], -g["participates"], g["function"]))


def timeline_data(entries) -> dict[str, Any]:
    """Deadlines by quarter (``by`` and ``from`` apart), then the recurring,
    ongoing and undated tasks as such; ``entries`` as `policyx timeline` lists them."""
    counts: dict[str, Counter] = {"by": Counter(), "from": Counter()}
    undated = Counter()
    rows = []
    for e in entries:
        if e.date:
            counts["from" if e.kind == "from" else "by"][quarter(e.date)] += 1
        else:
            undated[UNDATED.get(e.kind, e.kind)] += 1
        rows.append({"year": e.year, "quarter": quarter(e.date), "date": e.date, "kind": e.kind, "raw": e.raw,
                     "task": e.task, "title": e.title, "lead": e.lead, "line": e.line,
                     "group": str(e.year) if e.date else UNDATED.get(e.kind, e.kind)})
    quarters = sorted(set(counts["by"]) | set(counts["from"]))
    return {"quarters": quarters, "by": [counts["by"][q] for q in quarters],
            "from": [counts["from"][q] for q in quarters],
            "undated": {label: undated[label] for label in UNDATED.values()}, "entries": rows}


def targets_by_indicator(doc: Document, rules, facts) -> list[dict[str, Any]]:
    """Every target of the plan (its own and its tasks'), grouped by the
    indicator diff compares them as (core and scope, ``target_pairs``); a
    target with no known indicator stands under its metric as written."""
    from policyx.analyse.diff import _vocabulary
    from policyx.analyse.target_pairs import statements

    located = [(t, None) for t in doc.targets] + [(t, task) for task in doc.body_tasks() for t in task.targets]
    read = {id(s.target): s for s in statements(located, _vocabulary(rules), facts.region_names if facts else ())}
    groups: dict[str, dict[str, Any]] = {}
    for target, task in located:
        s = read.get(id(target))
        name = (s.reading.core if s else None) or target.metric or "(no metric)"
        scope = s.reading.scope.label() if s else ""
        key = f"{name}\x00{scope}"
        group = groups.setdefault(key, {"indicator": name, "scope": scope, "known": s is not None, "targets": []})
        value = target.value_text if target.value is None else to_plain(target.value)
        group["targets"].append({"metric": target.metric or "", "comparator": target.comparator, "value": value,
                                 "value_label": target.value_label,
                                 "unit": target.unit or "", "year": target.year, "baseline_year": target.baseline_year,
                                 "task": task.id if task else "", "line": target.line, "raw": target.raw,
                                 "source": target.source})
    return sorted(groups.values(), key=lambda g: (not g["known"], g["indicator"]))


def plan_data(doc: Document, rules, facts) -> dict[str, Any]:
    from policyx.analyse.views import department_load, filter_tasks, timeline

    tasks = filter_tasks(doc, rules.departments)  # as `policyx tasks PLAN`
    loads = department_load(doc)  # as `policyx departments PLAN`
    entries = timeline(doc)  # as `policyx timeline PLAN`
    info = doc.info
    rows = [task_row(t, doc) for t in tasks]
    return {
        "plan": {"id": info.id, "title": info.title or (facts.title if facts else None) or info.id,
                 "level": facts.level if facts else info.level, "region": facts.region if facts else None,
                 "date": facts.date if facts else info.date, "path": _file_name(info.path), "chars": info.chars,
                 "lines": info.lines, "format": info.format},
        "outline": outline(doc, Counter(t.section for t in tasks if t.section)),
        "sections": len(doc.sections),
        "tasks": rows,
        "years": sorted({w for r in rows for w in r["when"]}, key=lambda w: (not w.isdigit(), w)),
        "any_inherited": any(r["inherited"] for r in rows),
        "tops": [{"id": s.id, "title": s.title} for s in doc.sections if s.parent is None],
        "departments": department_rows(loads),
        "functions": function_rows(loads),
        "timeline": timeline_data(entries),
        "targets": targets_by_indicator(doc, rules, facts),
        "warnings": [{"code": w.code, "message": w.message, "line": w.line} for w in doc.warnings],
        "warning_codes": dict(Counter(w.code for w in doc.warnings).most_common()),
    }


def _side(task: Task) -> dict[str, str]:
    return {"lead": "、".join(_names(task.lead)), "participants": "、".join(_names(task.participants)),
            "implementers": "、".join(_names(task.implementers)),
            "deadlines": "；".join(d.raw for d in task.deadlines), "targets": "；".join(t.raw for t in task.targets)}


def diff_data(result) -> dict[str, Any]:
    """The diff as `policyx diff --format json` gives it, each aligned pair
    with both tasks' fields for the side-by-side view."""
    from policyx.cli.render_diff import diff_to_dict

    data = diff_to_dict(result)
    for row, pair in zip(data["matched"], result.matched):
        row["a_fields"], row["b_fields"] = _side(pair.a), _side(pair.b)
        row["changed"] = sorted({c["field"] for c in row["changes"]})
        row["directions"] = sorted({c["direction"] or ("incomparable" if c["field"] == "targets" and c["status"] == "changed"
                                                       else c["status"]) for c in row["changes"]})
    summary = data["summary"]
    data["directions"] = {"stricter": summary["stricter"], "looser": summary["looser"], "earlier": summary["earlier"],
                          "later": summary["later"], "same": summary["indicators_same"],
                          "incomparable": summary["indicators_incomparable"]}
    return data


def _file_name(path: str | None) -> str | None:
    """The plan's file name alone: a page made to be shared does not show where it lay on the maker's machine."""
    return path.replace("\\", "/").rsplit("/", 1)[-1] if path else None
