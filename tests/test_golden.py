"""Golden files: what policyx reads from every plan the repository holds.

Each plan's reading is kept in ``tests/golden/`` as a YAML digest a reviewer
can read — the section tree, and per task its line, title, departments by role,
deadlines and targets, then the plan's own targets, its tables and its warnings
— plus the complete JSON of two corpus plans (the output contract as it is
written). A change that alters any of them fails here; when the change is
meant, regenerate with

    POLICYX_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and read the diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

import policyx
from policyx.io.serialize import document_to_dict

from .conftest import CORPUS, ROOT

GOLDEN = ROOT / "tests" / "golden"
DATA = ROOT / "tests" / "data"
UPDATE = os.environ.get("POLICYX_UPDATE_GOLDEN") == "1"

SETS = {"corpus": CORPUS, "wild": DATA / "wild" / "texts", "full": DATA / "wild" / "full",
        "annotated": DATA / "annotated" / "texts", "written": DATA / "written"}
PLANS = {f"{name}--{path.stem}": path for name, folder in SETS.items() for path in sorted(folder.glob("*.txt"))}
FULL_JSON = ("changji-water-2016", "xinjiang-water-2016")


def _names(refs) -> list[str]:
    return [r.name + (" (inherited)" if r.inherited else "") for r in refs]


def _deadline(d) -> str:
    return " ".join(str(x) for x in (d.kind, d.date or d.period or "", f"from {d.start}" if d.start else "") if x)


def _target(t) -> str:
    value = t.value_label if t.value_max is not None else t.value if t.value is not None else t.value_text
    return f"{t.comparator} {value} {t.unit or '-'}" + (f" ({t.year})" if t.year else "") + \
        (f" · {t.metric}" if t.metric else "")


def digest(doc) -> dict:
    """The reading of a plan, as a person would check it."""
    return {
        "sections": [f"{s.line}: {s.id} {s.marker} {s.title}" for s in doc.sections],
        "tasks": [
            {k: v for k, v in {
                "line": t.line,
                "title": t.title,
                "source": t.source if t.source != "body" else None,
                "rule": t.rule,
                "lead": _names(t.lead),
                "participants": _names(t.participants),
                "implementers": _names(t.implementers),
                "deadlines": [_deadline(d) for d in t.deadlines],
                "targets": [_target(x) for x in t.targets],
            }.items() if v}
            for t in doc.tasks
        ],
        "targets": [_target(t) for t in doc.targets],
        **({"baselines": [_target(t) for t in doc.baselines]} if doc.baselines else {}),
        "tables": [f"{t.line}: {t.id} {t.kind} {len(t.rows)} rows" for t in doc.tables],
        "warnings": [f"{w.code}: {w.line or '-'}: {w.message}" for w in doc.warnings],
    }


def _compare(path: Path, actual: str) -> None:
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"{path.name} has no golden file yet; run with POLICYX_UPDATE_GOLDEN=1 to write it")
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} changed; if meant, regenerate (see this module's docstring)"


@pytest.mark.parametrize("key", PLANS)
def test_reading_of_every_plan(key: str):
    doc = policyx.extract_file(str(PLANS[key]))
    actual = yaml.safe_dump(digest(doc), allow_unicode=True, sort_keys=False, width=200)
    _compare(GOLDEN / f"{key}.yaml", actual)


@pytest.mark.parametrize("name", FULL_JSON)
def test_complete_output_of_corpus_plans(name: str):
    doc = policyx.extract_file(str(CORPUS / f"{name}.txt"))
    data = document_to_dict(doc)
    data["document"]["path"] = f"corpus/{name}.txt"  # the same wherever the checkout lives
    _compare(GOLDEN / f"{name}.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def test_every_golden_file_belongs_to_a_plan():
    expected = {f"{key}.yaml" for key in PLANS} | {f"{n}.json" for n in FULL_JSON}
    assert {p.name for p in GOLDEN.iterdir()} <= expected


@pytest.mark.parametrize("key", PLANS)
def test_a_tasks_departments_come_from_its_clauses(key: str):
    """Task.lead/participants/implementers are what the task's clause and the
    clauses nested in it state, plus what a standing clause hands down
    (inherited) and what a table row restating the task adds; the clause keeps
    only what it states itself."""
    doc = policyx.extract_file(str(PLANS[key]))
    restated = {t.restates for t in doc.tasks if t.source == "table" and t.restates}
    for task in doc.body_tasks():
        if task.clause is None or task.id in restated:
            continue
        clauses = (task.clause, *task.subclauses)
        for role in ("lead", "participants", "implementers"):
            stated = {r.canonical for c in clauses for r in getattr(c, role)}
            if role == "implementers":
                stated |= {r.canonical for r in task.clause.standing}
            assert {r.canonical for r in getattr(task.clause, role)} <= {r.canonical for r in getattr(task, role)}, \
                (task.line, role)
            assert {r.canonical for r in getattr(task, role) if not r.inherited} <= stated, (task.line, role)
