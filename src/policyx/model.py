"""The data model: small frozen dataclasses for everything policyx extracts.

Spans are half-open ``(start, end)`` code-point offsets into the original
decoded text; ``line`` is 1-based in that text.  Whatever normalisation
happens inside, ``source[start:end]`` is the text the item was read from.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

SCHEMA_VERSION = "1"


def replaced(item, /, **changes):
    """``dataclasses.replace`` for a plain dataclass (every field set by
    ``__init__``, no ``__post_init__``): the new item's fields copied straight
    in, without replace's per-call checks — extraction makes thousands.
    Any other class goes through ``dataclasses.replace``."""
    key = (type(item), *changes)
    copy = _COPIERS.get(key)
    if copy is None:
        copy = _COPIERS[key] = _copier(type(item), key[1:], by_name=True)
    if copy is False:
        return dataclasses.replace(item, **changes)  # (an unknown name raises there)
    return copy(item, changes)


def copier(cls: type, *names: str):
    """A function ``(item, *values)`` copying a ``cls`` with the fields ``names``
    set to ``values``: :func:`replaced` without its keywords, for copies made very often."""
    copy = _copier(cls, names, by_name=False)
    if copy is False:
        return lambda item, *values: dataclasses.replace(item, **dict(zip(names, values)))
    return copy


def _plain_slots(cls: type) -> list | None:
    """The slots of a dataclass whose ``__init__`` only sets its fields, each
    held in a slot, and with no default made by a factory; None for any other class."""
    fields = dataclasses.fields(cls)
    slots = [cls.__dict__.get(f.name) for f in fields]
    if (hasattr(cls, "__post_init__") or any(not f.init or f._field_type is not dataclasses._FIELD for f in fields)
            or any(f.default_factory is not dataclasses.MISSING for f in fields)
            or not all(type(s).__name__ == "member_descriptor" for s in slots)):
        return None
    return slots


def _copier(cls: type, changed: tuple[str, ...], *, by_name: bool):
    """For a plain dataclass (:func:`_plain_slots`) and some of its field
    names: a function making a copy with those fields changed, each field set
    through its slot (written out once per class and set of names, as
    dataclasses writes ``__init__``) — ``(item, changes)`` taking the new
    values from a dict ``by_name``, else ``(item, *values)``; False for any
    other class or names that are not its fields."""
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        return False
    slots = _plain_slots(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    if slots is None or not set(changed) <= set(names) or len(set(changed)) != len(changed):
        return False
    values = {n: f"changes[{n!r}]" if by_name else f"_value{i}" for i, n in enumerate(changed)}
    params = ", changes" if by_name else "".join(f", {v}" for v in values.values())
    twin = _unguarded_twin(cls)
    if twin is not None:
        body = "".join(f"    new.{n} = {values.get(n, 'item.' + n)}\n" for n in names)
        scope = {"_new": object.__new__, "_cls": cls, "_twin": twin}
        exec(f"def copy(item{params}):\n    new = _new(_twin)\n{body}    new.__class__ = _cls\n    return new\n",  # noqa: S102
             scope)
    else:
        body = "".join(f"    _set{i}(new, {values.get(n, 'item.' + n)})\n" for i, n in enumerate(names))
        scope = {"_new": object.__new__, "_cls": cls, **{f"_set{i}": s.__set__ for i, s in enumerate(slots)}}
        exec(f"def copy(item{params}):\n    new = _new(_cls)\n{body}    return new\n", scope)  # noqa: S102 - names of fields
    return scope["copy"]


@functools.cache  # (one twin a class: slot_init and _copier both ask)
def _unguarded_twin(cls: type) -> type | None:
    """A class with ``cls``'s slots, in the same order, and no frozen guard:
    an item is made as its twin — each field set by a plain assignment, the
    interpreter's fastest store, where a frozen class needs a call per field —
    and then becomes a ``cls``, which it is from then on. None when Python
    will not let an instance change between the two (the layouts differ)."""
    if cls.__bases__ != (object,) or "__slots__" not in cls.__dict__:
        return None
    twin = type(f"_{cls.__name__}Fields", (object,), {"__slots__": cls.__slots__})
    try:
        probe = object.__new__(twin)
        probe.__class__ = cls
    except TypeError:
        return None
    return twin


_COPIERS: dict[tuple, object] = {}  # by (class, *names of the changed fields)


def slot_init(cls: type):
    """For a plain dataclass (:func:`_plain_slots`): an ``__init__`` with the
    same signature and defaults that sets each field as its unguarded twin
    (:func:`_unguarded_twin`), or else through its slot. The one dataclasses
    writes for a frozen class calls ``object.__setattr__`` per field — a Task
    costs 2.3 times as much — and a long plan makes hundreds of thousands of
    items. Any other class keeps its own."""
    slots = _plain_slots(cls)
    if slots is None:
        return cls.__init__
    fields = dataclasses.fields(cls)
    params = _parameters(fields)
    twin = _unguarded_twin(cls)
    through_slots = [f"_set{i}(self, {f.name})" for i, f in enumerate(fields)]
    if twin is None:
        lines = through_slots
    else:  # (a subclass's item is set through the slots: its layout may not be the twin's)
        lines = ["if type(self) is not _cls:", *(f"    {line}" for line in through_slots), "    return",
                 "_become(self, '__class__', _twin)", *(f"self.{f.name} = {f.name}" for f in fields),
                 "self.__class__ = _cls"]
    body = "".join(f"    {line}\n" for line in lines)
    scope = {**_scope(cls, fields), "_become": object.__setattr__, "_twin": twin,
             **{f"_set{i}": s.__set__ for i, s in enumerate(slots)}}
    exec(f"def __init__(self, {params}):\n{body}", scope)  # noqa: S102 - names of fields
    init = scope["__init__"]
    init.__module__ = cls.__module__
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    return init


def maker(cls: type):
    """A function taking what ``cls`` takes (the same names, defaults and
    keyword-only fields) and giving a new ``cls`` made as its unguarded twin,
    without calling the class: the call gathers its keywords into a dict
    for ``__init__`` (a Section: 2.6 µs, against 0.9 µs made this way). For
    the items a plan makes one of per line; a class that is not frozen is
    made as itself. The class itself for a class that is not a plain
    dataclass, or is frozen and has no twin."""
    frozen = cls.__dataclass_params__.frozen if dataclasses.is_dataclass(cls) else True  # type: ignore[attr-defined]
    twin = cls if not frozen else _unguarded_twin(cls)
    if _plain_slots(cls) is None or twin is None:
        return cls
    fields = dataclasses.fields(cls)
    body = "".join(f"    new.{f.name} = {f.name}\n" for f in fields) + ("    new.__class__ = _cls\n" if frozen else "")
    scope = {**_scope(cls, fields), "_new": object.__new__, "_twin": twin}
    exec(f"def make({_parameters(fields)}):\n    new = _new(_twin)\n{body}    return new\n", scope)  # noqa: S102
    make = scope["make"]
    make.__module__, make.__qualname__ = cls.__module__, f"maker({cls.__qualname__})"
    make.__annotations__ = {**cls.__init__.__annotations__, "return": cls.__qualname__}
    return make


def _parameters(fields) -> str:
    """The parameters of a dataclass's ``__init__``, defaults named ``_default<i>`` (see :func:`_scope`)."""
    named = [f.name if f.default is dataclasses.MISSING else f"{f.name}=_default{i}" for i, f in enumerate(fields)]
    positional = [p for p, f in zip(named, fields) if not f.kw_only]
    keyword = [p for p, f in zip(named, fields) if f.kw_only]
    return ", ".join([*positional, *(["*", *keyword] if keyword else [])])


def _scope(cls: type, fields) -> dict:
    """The globals of a function written for ``cls``: its module's (its
    annotations, "Span", resolve there), the class and its fields' defaults."""
    return {**vars(sys.modules[cls.__module__]), "_cls": cls,
            **{f"_default{i}": f.default for i, f in enumerate(fields) if f.default is not dataclasses.MISSING}}

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
    title_span: Span | None = None
    body_start: int = 0  # offset where the section's body starts (after the title)
    end: int = 0  # offset where the section ends (next sibling or ancestor heading)
    rule: str = ""
    depth: int = 0  # 1 for a top-level section, 2 for one inside it …


Role = Literal["lead", "participant", "implementer"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DepartmentRef:
    """One department named in a clause or a table cell."""

    raw: str  # as written, e.g. "自治区经信委" or "国土资源厅等"
    name: str  # raw without its level prefix and trailing 等: "经信委"
    canonical: str  # full official name, with the level prefix that applies
    function: str | None = None  # registry id, the same at every level ("environment")
    level: str | None = None  # state | province | prefecture | county | township, when known
    known: bool = False  # found in the department registry
    inherited: bool = False  # applied by a standing clause of an earlier task
    span: Span | None = None  # None only for a name resolved outside any text
    rule: str = ""  # the clause form or table column that read it

    @property
    def shown(self) -> str:
        """The name as tables and exports show it: marked * when a standing clause gave it."""
        return self.name + ("*" if self.inherited else "")


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
    form: str = "bracket"  # bracket | labelled | sentence | prose | phrase | duty | table
    nested: bool = False  # attached to one sentence inside the task
    sentence_span: Span | None = None  # for a nested clause, the sentence it follows
    rule: str = ""  # clause.bracket | clause.labelled | clause.sentence | prose.* …


DeadlineKind = Literal["by", "from", "every", "ongoing"]
Comparator = Literal[">=", "<=", ">", "<", "=", "~", "decrease", "increase"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    """A time limit: 2016年底前 → by 2016-12-31; 自2017年起 → from 2017-01-01."""

    raw: str
    kind: DeadlineKind
    date: str | None  # ISO date; None for every / ongoing
    span: Span
    line: int
    rule: str = ""
    period: str | None = None  # for every: quarter, half-year, year …
    start: str | None = None  # for a range or "自2018年起每季度": when it starts
    approximate: bool = False  # 到本世纪中叶


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """A numeric target: 不低于94% → (>=, 94, %)."""

    raw: str
    metric: str | None
    comparator: Comparator
    value: Decimal | None  # None when the table gives words ("控制在国家下达指标范围内")
    value_max: Decimal | None = None  # a range's upper end: "10至20家" is value 10, value_max 20
    unit: str | None
    year: int | None
    baseline_year: int | None
    span: Span
    value_span: Span
    line: int
    group: str | None = None  # an indicator table's group heading
    source: str = "text"  # text | table
    baseline: str | None = None  # an indicator table's base value, as written ("56.02", "—")
    attribute: str | None = None  # 约束性 / 预期性
    value_text: str | None = None  # the target cell as written, when it is not a number
    rule: str = ""  # target.comparator | target.bound | target.rate_level | target.verb_object | table.indicator | table.amount

    @property
    def value_label(self) -> str:  # "94", "10-20" for a range, a table's words where it gives no number
        return "-".join(format(v.normalize(), "f") for v in (self.value, self.value_max) if v is not None) \
            if self.value is not None else self.value_text or ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One thing the plan asks to be done.

    ``lead``, ``participants`` and ``implementers`` are the task's departments
    as resolved: what its clause and the clauses nested in it state, plus what
    a standing clause hands down (``inherited``) and what a table row that
    restates the task adds. ``clause`` keeps only what the clause itself says.
    """

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
    deadlines: tuple[Deadline, ...] = ()
    targets: tuple[Target, ...] = ()
    restates: str | None = None  # for a table task: the body task it restates
    table: str | None = None  # for a table task: the table's id
    rule: str = ""  # how the task's extent was found: task.clause, task.item, task.paragraph, table.row …


TableKind = Literal["task", "indicator", "site", "generic"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table of the plan: tab-separated rows, or cells one per line."""

    id: str  # 附表1, 专栏2, 附件1, or table-N when it has no caption
    title: str | None
    line: int
    span: Span
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: TableKind = "generic"
    form: Literal["tab", "pipe", "spaced", "flattened", "glued", "layout", "box"] = "tab"
    section: str | None = None
    row_lines: tuple[int, ...] = ()
    row_groups: tuple[str | None, ...] = ()
    stated_count: int | None = None  # "共20项", "15个水质断面"
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """Where a stretch of the extracted text comes from in the file it was
    read from (a Word, PDF or Excel file; a text file is its own origin).

    ``line`` and ``span`` are in the extracted text, like every item's; the
    rest name the place in the file, 1-based: the PDF ``page``; the Word
    body ``paragraph``; the ``table``, its ``row`` and ``cell`` (column) —
    for a cell spanning rows, the row it is written in; the Excel ``sheet``
    with the sheet's own ``row`` and ``cell`` (column) numbers.
    """

    line: int
    span: Span
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    sheet: str | None = None


# whose plan it is, highest first: the State Council's and its ministries', a province's …
PLAN_LEVELS = ("state", "province", "prefecture", "county")


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentInfo:
    id: str
    title: str | None
    path: str | None
    sha256: str
    chars: int
    encoding: str
    lines: int
    level: str | None = None  # one of PLAN_LEVELS: whose plan it is
    date: str | None = None  # the plan's date, when known (manifest or text)
    format: str = "text"  # text | docx | pdf | xlsx | xls: what the file was read as


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Everything extracted from one plan."""

    info: DocumentInfo
    sections: tuple[Section, ...]
    warnings: tuple[Issue, ...]
    tasks: tuple[Task, ...] = field(default=())
    targets: tuple[Target, ...] = field(default=())
    baselines: tuple[Target, ...] = field(default=())  # rows of a table that looks back (the last plan's targets)
    tables: tuple[Table, ...] = field(default=())
    noise: tuple[Span, ...] = field(default=())  # spans read as web noise / end matter
    origins: tuple[Origin, ...] = field(default=())  # where the text's stretches are in a Word/PDF/Excel file

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def origin(self, offset: int) -> Origin | None:
        """Where the character at ``offset`` of the text (an item's
        ``span[0]``) is in the file it was read from; None for a text file."""
        import bisect

        starts = [o.span[0] for o in self.origins]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.origins[i].span[0] <= offset < max(self.origins[i].span[1], self.origins[i].span[0] + 1):
            return self.origins[i]
        return None

    def body_tasks(self) -> tuple[Task, ...]:
        """The tasks written in the plan's text (not the rows of its tables)."""
        return tuple(t for t in self.tasks if t.source == "body")


for _cls in (Issue, Section, DepartmentRef, Clause, Deadline, Target, Task, Table, Origin, DocumentInfo, Document):
    _cls.__init__ = slot_init(_cls)  # type: ignore[method-assign]
