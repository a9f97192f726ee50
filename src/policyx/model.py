"""The data model: small frozen dataclasses for everything policyx extracts.

Spans are half-open ``(start, end)`` code-point offsets into the original
decoded text; ``line`` is 1-based in that text.  Whatever normalisation
happens inside, ``source[start:end]`` is the text the item was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "1"

Span = tuple[int, int]
SectionKind = Literal["heading", "box", "appendix"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """A problem found while reading a plan; never fatal. Serialised under ``warnings``."""

    code: str
    message: str
    line: int | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    id: str
    level: int
    marker: str
    title: str
    line: int
    span: Span  # the heading: marker and title
    parent: str | None
    kind: SectionKind = "heading"
    style: str = ""  # which marker rule produced it, e.g. "cn_paren"
    number: int | None = None
    title_span: Span = (0, 0)
    body_start: int = 0  # offset where the section's body starts (after the title)
    end: int = 0  # offset where the section ends (next sibling or ancestor heading)
    rule: str = ""


Role = Literal["lead", "participant", "implementer"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DepartmentRef:
    """One department named in a clause or a table cell."""

    raw: str  # as written, e.g. "自治区经信委" or "国土资源厅等"
    name: str  # raw without its level prefix and trailing 等: "经信委"
    canonical: str  # full official name, with the level prefix that applies
    function: str | None = None  # registry id, the same at every level ("environment")
    level: str | None = None  # province | prefecture | county, when known
    known: bool = False  # found in the department registry
    inherited: bool = False  # applied by a standing clause of an earlier task
    span: Span = (0, 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause:
    """A responsibility clause: （自治区经信委、环保厅牵头，发改委等参与）."""

    text: str
    span: Span
    line: int
    lead: tuple[DepartmentRef, ...] = ()
    participants: tuple[DepartmentRef, ...] = ()
    implementers: tuple[DepartmentRef, ...] = ()
    standing: tuple[DepartmentRef, ...] = ()  # units that every later task inherits
    closed: bool = True  # False when a bracket was missing on one side
    form: str = "bracket"  # bracket | labelled | table
    nested: bool = False  # attached to one sentence inside the task
    sentence_span: Span | None = None  # for a nested clause, the sentence it follows


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    id: str
    section: str | None
    title: str
    text: str
    line: int
    span: Span
    title_span: Span | None = None
    lead: tuple[DepartmentRef, ...] = ()
    participants: tuple[DepartmentRef, ...] = ()
    implementers: tuple[DepartmentRef, ...] = ()
    clause: Clause | None = None
    subclauses: tuple[Clause, ...] = ()
    source: Literal["body", "table"] = "body"
    deadlines: tuple = ()
    targets: tuple = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentInfo:
    id: str
    title: str | None
    path: str | None
    sha256: str
    chars: int
    encoding: str
    lines: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Everything extracted from one plan."""

    info: DocumentInfo
    sections: tuple[Section, ...]
    warnings: tuple[Issue, ...]
    tasks: tuple[Task, ...] = field(default=())
    targets: tuple = field(default=())
    tables: tuple = field(default=())

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
