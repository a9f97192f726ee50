"""One serialiser for every output: the contract's keys first, stable order."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .model import SCHEMA_VERSION, Clause, DepartmentRef, Document, Issue, Section, Task

FORMATS = ("json", "yaml")


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    out: dict[str, Any] = {"code": issue.code, "message": issue.message, "line": issue.line}
    if issue.span is not None:
        out["span"] = list(issue.span)
    return out


def section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "level": section.level,
        "marker": section.marker,
        "title": section.title,
        "line": section.line,
        "span": list(section.span),
        "parent": section.parent,
        "kind": section.kind,
        "number": section.number,
        "title_span": list(section.title_span),
        "end": section.end,
        "rule": section.rule,
    }


def department_to_dict(ref: DepartmentRef) -> dict[str, Any]:
    return {
        "raw": ref.raw,
        "name": ref.name,
        "canonical": ref.canonical,
        "function": ref.function,
        "level": ref.level,
        "known": ref.known,
        "inherited": ref.inherited,
        "span": list(ref.span),
    }


def clause_to_dict(clause: Clause) -> dict[str, Any]:
    return {
        "text": clause.text,
        "line": clause.line,
        "span": list(clause.span),
        "form": clause.form,
        "closed": clause.closed,
        "nested": clause.nested,
        "lead": [department_to_dict(r) for r in clause.lead],
        "participants": [department_to_dict(r) for r in clause.participants],
        "implementers": [department_to_dict(r) for r in clause.implementers],
        "standing": [department_to_dict(r) for r in clause.standing],
        "sentence_span": list(clause.sentence_span) if clause.sentence_span else None,
    }


def task_to_dict(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "section": task.section,
        "title": task.title,
        "text": task.text,
        "line": task.line,
        "span": list(task.span),
        "lead": [department_to_dict(r) for r in task.lead],
        "participants": [department_to_dict(r) for r in task.participants],
        "implementers": [department_to_dict(r) for r in task.implementers],
        "deadlines": list(task.deadlines),
        "targets": list(task.targets),
        "title_span": list(task.title_span) if task.title_span else None,
        "source": task.source,
        "clause": clause_to_dict(task.clause) if task.clause else None,
        "subclauses": [clause_to_dict(c) for c in task.subclauses],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    info = doc.info
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": info.id,
            "title": info.title,
            "path": info.path,
            "sha256": info.sha256,
            "chars": info.chars,
            "encoding": info.encoding,
            "lines": info.lines,
        },
        "sections": [section_to_dict(s) for s in doc.sections],
        "tasks": [task_to_dict(t) for t in doc.tasks],
        "targets": list(doc.targets),
        "tables": list(doc.tables),
        "warnings": [issue_to_dict(w) for w in doc.warnings],
    }


def dumps(data: Any, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_atomic(path: str | Path, content: str) -> None:
    """Write a file so that readers see the old content or the new, never half.

    The text goes to a temporary file in the same directory, is flushed to
    disk, then renamed over the target.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
