"""Scoring tables: the rows of a task table (``*.table*.yaml``), compared in
order, and the rows of indicator tables (``*.indicators.yaml``), by line."""

from __future__ import annotations

import difflib

from policyx.analyse.evaluate.keys import deadline_key, target_value_key
from policyx.analyse.evaluate.report import Report
from policyx.model import Document, Task

_ROW_DEPARTMENTS = ("lead", "participants")


def score_table_rows(gold: dict, doc: Document, report: Report) -> None:
    """Rows of a task table, in order: each gold field the row names
    (subtask or task, lead, participants, deadline) is compared."""
    table_id = gold["table"]
    rows = [t for t in doc.tasks if t.table == table_id]
    want = [_gold_row_fields(r) for r in gold.get("rows", [])]
    got = [_task_row_fields(t, want[0] if want else {}) for t in rows]
    matcher = difflib.SequenceMatcher(None, [_row_key(w) for w in want], [_row_key(g) for g in got], autojunk=False)
    name = f"table rows ({table_id})"
    right = sum(block.size for block in matcher.get_matching_blocks())
    counts = report.counts(name)
    counts.tp += right
    counts.fn += len(want) - right
    counts.fp += len(got) - right
    exact = report.exact.setdefault(name, [0, 0])
    exact[0] += right
    exact[1] += len(want)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            report.misses.append(f"{table_id} rows {a1 + 1}-{a2}: want {want[a1:a2]}, got {got[b1:b2]}")


def _row_key(values: dict) -> tuple:
    """A row's fields as one comparable value, for the sequence alignment."""
    return tuple(sorted((k, str(v)) for k, v in values.items()))


def _task_heading():
    """The （一） that numbers a task heading (tables.yaml), as the gold is read
    with the packaged rules."""
    from policyx.rules import load_rules

    return load_rules().tables.task_heading


def _gold_row_fields(row: dict) -> dict:
    """The fields a gold row names; its title is the subtask, else the task
    without its heading number."""
    out = {}
    if "subtask" in row or "task" in row:
        task = row.get("task") or ""
        mark = _task_heading().match(task)
        heading = task[mark.end():] if mark else task
        out["title"] = row.get("subtask") or heading
    for name in _ROW_DEPARTMENTS:
        if name in row:
            out[name] = list(row[name])
    if "deadline" in row:
        out["deadline"] = row["deadline"]
    return out


def _task_row_fields(t: Task, wanted: dict) -> dict:
    """The same fields of an extracted row: those the gold's first row names."""
    out = {}
    if "title" in wanted:
        out["title"] = t.title
    for name in _ROW_DEPARTMENTS:
        if name in wanted:
            out[name] = [d.name for d in getattr(t, name)]
    if "deadline" in wanted:
        out["deadline"] = deadline_key(t.deadlines[0]) if t.deadlines else None
    return out


def score_indicators(gold: dict, doc: Document, report: Report) -> None:
    """Indicator-table rows (by line): metric, unit, target, baseline, attribute, group."""
    targets = {t.line: t for t in (*doc.targets, *doc.baselines) if t.source == "table"}  # baselines: a table looking back
    for table_id, spec in (gold.get("tables") or {}).items():
        counts = report.counts(f"indicators ({table_id})")
        for row in spec.get("rows", []):
            t = targets.get(row["line"])
            if t is None:
                counts.fn += 1
                report.misses.append(f"{table_id} line {row['line']}: indicator {row.get('metric')!r} not read")
                continue
            got = {"metric": t.metric, "unit": t.unit, "target": target_value_key(t), "baseline": t.baseline,
                   "attribute": t.attribute, "group": t.group}
            want = {k: row.get(k) for k in got}
            if got == want:
                counts.tp += 1
            else:
                counts.fp += 1
                counts.fn += 1
                report.misses.append(f"{table_id} line {row['line']}: want {want}, got {got}")
