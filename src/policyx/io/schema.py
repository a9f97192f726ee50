"""The output contract as JSON Schema (draft 2020-12), generated from the
types that produce the output — never written by hand.

- `extract`: from ``model.Document`` and the dataclasses it holds, each
  object's keys in the order ``serialize.KEYS`` writes them (``info`` is
  written as ``document``; ``Origin`` writes only the places that apply);
- `diff` and `check`: the findings and changes from their dataclasses
  (``task_changes.Change``, ``check.context.Finding``); the envelopes around
  them from the TypedDicts below, which name the keys ``render_diff`` and
  ``render_check`` write (the test suite validates real output against them).

Python types map as: str → string, int → integer, bool → boolean, float
and Decimal → number, ``X | None`` → X or null, ``tuple[X, ...]`` and
``list[X]`` → array, a fixed tuple (``Span``) → an array of that length,
``Literal`` → enum, ``dict[str, X]`` → object of X, a dataclass or
TypedDict → ``$ref`` to its definition.

The published schema allows keys it does not name (the contract lets
policyx add keys freely); ``strict=True`` closes every object, which is
how the tests catch output that drifts from the types.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from decimal import Decimal
from typing import Any, Literal, TypedDict, Union

from policyx.analyse.check.context import Finding
from policyx.analyse.task_changes import Change
from policyx.io.serialize import KEYS
from policyx.model import SCHEMA_VERSION, Document, DocumentInfo, Origin

DIALECT = "https://json-schema.org/draft/2020-12/schema"
OUTPUTS = ("extract", "diff", "check")


# -- the envelopes of diff and check (keys as render_diff / render_check write them) ------------


class PlanFactsOut(TypedDict):
    id: str
    title: str | None
    level: str | None
    region: str | None
    date: str | None
    read_from: dict[str, str]


class MatchedOut(TypedDict):
    a: str
    b: str
    a_title: str
    b_title: str
    similarity: float
    a_line: int
    b_line: int
    procedural: bool
    changes: list[Change]


class AlsoOut(TypedDict):
    a: str
    b: str
    a_title: str
    b_title: str
    a_line: int
    b_line: int
    held: float
    part: Literal["a", "b"]


class TaskRefOut(TypedDict):
    id: str
    title: str
    line: int
    procedural: bool


class StatementOut(TypedDict):
    metric: str | None
    raw: str
    comparator: str
    value: int | float | None
    value_max: int | float | None  # a range's upper end
    unit: str | None
    year: int | None
    baseline_year: int | None
    line: int
    task: str | None
    scope: str


class IndicatorOut(TypedDict):
    indicator: str
    relation: Literal["same", "split", "subject"]
    direction: Literal["stricter", "looser", "same", "incomparable"]
    note: str | None
    lines_a: list[int]
    lines_b: list[int]
    a: list[StatementOut]
    b: list[StatementOut]


class DiffOut(TypedDict):
    a: PlanFactsOut
    b: PlanFactsOut
    summary: dict[str, int]
    matched: list[MatchedOut]
    also: list[AlsoOut]
    only_a: list[TaskRefOut]
    only_b: list[TaskRefOut]
    targets: list[Change]
    indicators: list[IndicatorOut]


class ParentFactsOut(TypedDict):
    title: str | None
    level: str | None
    region: str | None
    date: str | None
    read_from: dict[str, str]


class CheckedDocumentOut(TypedDict):
    id: str
    path: str | None
    title: str | None
    level: str | None
    region: str | None
    date: str | None
    read_from: dict[str, str]


class SummaryOut(TypedDict):
    error: int
    warning: int
    info: int


class CheckOut(TypedDict, total=False):
    document: typing.Required[CheckedDocumentOut]
    findings: typing.Required[list[Finding]]
    summary: typing.Required[SummaryOut]
    against: ParentFactsOut  # with --against


class UnreadableOut(TypedDict):
    path: str  # the plan as it was named
    error: str  # why it could not be read


class CheckManyOut(TypedDict, total=False):
    documents: typing.Required[list[CheckOut]]
    summary: typing.Required[SummaryOut]
    unreadable: list[UnreadableOut]  # plans that could not be read, when there are any


# -- the generator ---------------------------------------------------------------------------------


class _Builder:
    def __init__(self, strict: bool):
        self.strict = strict
        self.defs: dict[str, Any] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of a Python type."""
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is type(None):
            return {"type": "null"}
        simple = {str: "string", bool: "boolean", int: "integer", float: "number", Decimal: "number"}
        if tp in simple:
            return {"type": simple[tp]}
        if tp is Any or tp is object:
            return {}
        if origin is Literal:
            return {"enum": list(args)}
        if origin in (Union, types.UnionType):
            return self._union(args)
        if origin in (tuple, list):
            if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
                return {"type": "array", "prefixItems": [self.of(a) for a in args],
                        "minItems": len(args), "maxItems": len(args)}
            return {"type": "array", "items": self.of(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.of(args[1])}
        if dataclasses.is_dataclass(tp) or typing.is_typeddict(tp):
            return self.ref(tp)
        raise TypeError(f"no JSON Schema for {tp!r}")

    def _union(self, args: tuple) -> dict[str, Any]:
        parts = [self.of(a) for a in args]
        plain = [p.get("type") for p in parts]
        if all(isinstance(t, str) and len(p) == 1 for t, p in zip(plain, parts)):
            return {"type": list(dict.fromkeys(plain))}
        return {"anyOf": parts}

    def ref(self, tp: type, name: str | None = None) -> dict[str, Any]:
        name = name or tp.__name__.removesuffix("Out")
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder while the type's own fields are read
            self.defs[name] = self._object(tp)
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, tp: type) -> dict[str, Any]:
        hints = typing.get_type_hints(tp, include_extras=False)
        if typing.is_typeddict(tp):
            keys, required = list(hints), [k for k in hints if k in tp.__required_keys__]
        else:
            keys = list(KEYS.get(tp, [f.name for f in dataclasses.fields(tp)]))
            required = [] if tp is Origin else keys
        properties = {key: self.of(hints[key]) for key in keys}
        if tp is Origin:  # only the places that apply are written: never null
            properties = {k: _not_null(v) for k, v in properties.items()}
            required = ["line", "span"]
        doc = (tp.__doc__ or "").strip().split("\n\n")[0]
        schema: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
        if doc and not doc.startswith(tp.__name__ + "("):
            schema["description"] = " ".join(doc.split())
        if self.strict:
            schema["additionalProperties"] = False
        return schema


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    kinds = schema.get("type")
    if isinstance(kinds, list):
        rest = [k for k in kinds if k != "null"]
        return {**schema, "type": rest[0] if len(rest) == 1 else rest}
    return schema


def _extract(builder: _Builder) -> dict[str, Any]:
    """``document_to_dict``: schema_version, then Document's fields (info as document)."""
    hints = typing.get_type_hints(Document)
    properties: dict[str, Any] = {"schema_version": {"const": SCHEMA_VERSION}}
    for field in dataclasses.fields(Document):
        key = "document" if field.name == "info" else field.name
        properties[key] = builder.ref(DocumentInfo) if field.name == "info" else builder.of(hints[field.name])
    schema = {"type": "object", "properties": properties, "required": list(properties),
              "description": "policyx extract --format json: one plan."}
    if builder.strict:
        schema["additionalProperties"] = False
    return schema


def output_schema(which: str | None = None, *, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema of one output (extract, diff, check) or, with None, of
    all three: each under ``$defs`` by name, the top level any of them."""
    if which is not None and which not in OUTPUTS:
        raise ValueError(f"unknown output {which!r}; choose from {', '.join(OUTPUTS)}")
    builder = _Builder(strict)
    builder.defs["extract"] = _extract(builder)
    builder.ref(DiffOut, "diff")
    builder.defs["check"] = {"anyOf": [builder.ref(CheckOut), builder.ref(CheckManyOut)],
                             "description": "policyx check --format json: one plan, or several with a summary."}
    top = {"$ref": f"#/$defs/{which}"} if which else {"anyOf": [{"$ref": f"#/$defs/{name}"} for name in OUTPUTS]}
    return {"$schema": DIALECT, "$id": f"urn:policyx:output-contract:v{SCHEMA_VERSION}",
            "title": f"policyx output contract, version {SCHEMA_VERSION}" + (f": {which}" if which else ""),
            **top, "$defs": dict(sorted(builder.defs.items()))}
