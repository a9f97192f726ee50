"""A document read on an edited working copy (entities decoded, glosses
deleted, headings split off), with every span and offset in the original."""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from decimal import Decimal

from policyx.model import DepartmentRef, Document, Section, copier, replaced
from policyx.text.normalize import Normalized

_SPAN_FIELDS = ("span", "title_span", "value_span", "sentence_span")
_OFFSET_FIELDS = ("body_start", "end")
_PLAIN = (str, int, float, bool, type(None), Decimal)


def to_original_offsets(document: Document, norm: Normalized) -> Document:
    """Every span and offset of a document read from an edited working copy, in the original."""
    mapper = _Mapper(norm)
    return dataclasses.replace(
        document,
        sections=mapper.mapped(document.sections), tasks=mapper.mapped(document.tasks),
        targets=mapper.mapped(document.targets), baselines=mapper.mapped(document.baselines),
        tables=mapper.mapped(document.tables), warnings=mapper.mapped(document.warnings),
    )


class _Mapper:
    """The items of one document mapped so far, by identity (a department is
    often shared by a task and its clause: mapped once; the document holds
    every item while it lives, so an id is not reused)."""

    def __init__(self, norm: Normalized) -> None:
        self.norm = norm
        self.span = norm.span_map()
        self.memo: dict[int, object] = {}

    def mapped(self, item):
        """``item`` with its working-copy offsets turned into the original's;
        the item itself when nothing in it moves."""
        if isinstance(item, tuple):
            if not item or type(item[0]) in _PLAIN:
                return item  # the model's tuples hold one kind of thing: words, numbers, or items
            memo = self.memo
            move = self._mapped_ref if type(item[0]) is DepartmentRef else self._mapped_item
            out = [memo.get(id(x)) or move(x) for x in item]
            return tuple(out) if any(map(operator.is_not, out, item)) else item
        return self.memo.get(id(item)) or self._mapped_item(item)

    def _mapped_item(self, item):
        mapper = _MAPPERS[type(item)] if type(item) in _MAPPERS else _class_mapper(type(item))
        if mapper is None:
            return item
        changes = mapper(item, self.span, self.mapped, self._field)
        done = self.memo[id(item)] = replaced(item, **changes) if changes else item
        return done

    def _mapped_ref(self, ref):
        """:meth:`_mapped_item` for a department (of which a plan holds
        thousands): its one span moved, without the general mapper."""
        span = ref.span
        if type(ref) is not DepartmentRef or type(span) is not tuple or len(span) != 2 or span == (0, 0) \
                or type(span[0]) is not int or type(span[1]) is not int:
            return self._mapped_item(ref)
        moved = self.span(*span)
        done = self.memo[id(ref)] = ref if moved == span else _with_span(ref, moved)
        return done

    def _field(self, item, name: str, value):
        """A span or offset field's value that is not a pair of numbers or a number, mapped."""
        if name in _SPAN_FIELDS and isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
            return self.norm.original_span(*value) if value != (0, 0) else value
        if name in _OFFSET_FIELDS and (name == "end" and isinstance(item, Section) or name != "end" and isinstance(value, int)):
            return self.norm.original_span(value, value)[0]
        if isinstance(value, tuple) or _class_mapper(type(value)) is not None:
            return self.mapped(value)
        return value


_MAPPERS: dict[type, typing.Callable | None] = {}
_with_span = copier(DepartmentRef, "span")


def _class_mapper(cls: type):
    """For a model class, a function ``(item, span, mapped, field)`` giving
    the fields of ``item`` that move, with their new values — written out
    once per class, as model.replaced writes its copies: its span fields, its
    offset fields and the fields that may hold items, not those its
    annotations make words or numbers alone; None for any other class."""
    if cls not in _MAPPERS:
        _MAPPERS[cls] = _written_mapper(cls) if dataclasses.is_dataclass(cls) else None
    return _MAPPERS[cls]


def _written_mapper(cls: type):
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # noqa: BLE001 - unreadable annotations: every field is looked at
        hints = {}
    body = []
    for name in (f.name for f in dataclasses.fields(cls)):
        if name in _SPAN_FIELDS:
            body.append(_SPAN_CODE.format(name=name))
        elif name in _OFFSET_FIELDS:
            in_range = "type(v) is int" if name != "end" or issubclass(cls, Section) else "False"
            body.append(_OFFSET_CODE.format(name=name, in_range=in_range))
        elif name not in hints or not _plain_hint(hints[name]):
            body.append(_NESTED_CODE.format(name=name))
    scope = {"_PLAIN": _PLAIN}
    exec("def mapper(item, span, mapped, field):\n    changes = {}\n" + "".join(body) + "    return changes\n",  # noqa: S102
         scope)
    return scope["mapper"]


# a pair of numbers is the common case of a span (one of (0, 0) is no span); a number, of an offset
_SPAN_CODE = """    v = item.{name}
    if type(v) is tuple and len(v) == 2 and type(v[0]) is int and type(v[1]) is int:
        new = span(*v) if v != (0, 0) else v
    else:
        new = v if v is None else field(item, {name!r}, v)
    if new != v:
        changes[{name!r}] = new
"""
_OFFSET_CODE = """    v = item.{name}
    new = span(v, v)[0] if {in_range} else field(item, {name!r}, v)
    if new is not v and new != v:
        changes[{name!r}] = new
"""
_NESTED_CODE = """    v = item.{name}
    if not (type(v) in _PLAIN or type(v) is tuple and (not v or type(v[0]) in _PLAIN)):
        new = mapped(v)
        if new is not v and new != v:
            changes[{name!r}] = new
"""


def _plain_hint(hint) -> bool:
    """Whether an annotation admits only words and numbers ("str | None", "tuple[str, ...]")."""
    if hint in _PLAIN:
        return True
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return all(type(a) in _PLAIN for a in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType, tuple):
        return all(a is Ellipsis or _plain_hint(a) for a in typing.get_args(hint))
    return False
