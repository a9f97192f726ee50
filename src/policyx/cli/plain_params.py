"""Options of plain types read without pydantic.

Typer (from 0.2x) coerces every option through a pydantic ``TypeAdapter``:
importing pydantic alone takes 60–100 ms, more than the rest of a short
command. policyx's options are all plain — ``str``, ``int``, ``Path``, flags and
lists or pairs of them — so :func:`install` gives Typer a coercion for
those that reads the common spellings directly ("12", "plans/") and hands
anything else (" 1_000 ", an empty path, a type it does not know) to Typer's
own, pydantic-backed coercion, so every value is read and every error worded
exactly as before. With a Typer that works otherwise, it does nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, get_args, get_origin

_INTEGER = re.compile(r"[+-]?[0-9]+")
_PLAIN = (str, int, Path, bool)


def _plain(annotation: Any) -> bool:
    if annotation in _PLAIN:
        return True
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and len(args) == 1:
        return args[0] in _PLAIN
    return origin is tuple and bool(args) and Ellipsis not in args and all(a in _PLAIN for a in args)


def _one(kind: type, value: Any) -> Any:
    """``value`` read as ``kind``, or a LookupError when it is not a plain spelling."""
    if kind is bool and isinstance(value, bool):
        return value  # a flag (Typer passes it on untouched)
    if not isinstance(value, str) or kind is bool:
        raise LookupError
    if kind is str:
        return value
    if kind is int and _INTEGER.fullmatch(value):
        return int(value)
    if kind is Path and value and (not os.path.exists(value) or os.access(value, os.R_OK)):
        return Path(value)  # Typer would say an unreadable one is not readable
    raise LookupError


def _in_range(value: Any, info: Any) -> Any:
    """``value`` when it is within the option's min and max (if any); out of
    range, a LookupError: Typer's own coercion says why."""
    if isinstance(value, int) and not isinstance(value, bool):
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if (low is not None and value < low) or (high is not None and value > high):
            raise LookupError
    return value


def _checks_nothing(info: Any) -> bool:
    """No custom parser and no path checks beyond Typer's defaults."""
    defaults = {"parser": None, "exists": False, "resolve_path": False, "file_okay": True, "dir_okay": True,
                "writable": False, "path_type": None, "allow_dash": False}
    return all(getattr(info, name, value) == value for name, value in defaults.items())


def install() -> None:
    """Let Typer coerce plain options without importing pydantic (once)."""
    try:
        from typer import _coercion
        from typer import core
    except ImportError:  # pragma: no cover - a Typer without the adapter layer
        return
    base = getattr(_coercion, "RuntimeParam", None)
    build = getattr(core, "build_runtime_param", None)
    if base is None or build is None or getattr(build, "_policyx", False):
        return

    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        """Coercion of a plain annotation; Typer's own for anything unusual."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation = self.annotation
            try:
                if annotation in _PLAIN:
                    return _in_range(_one(annotation, value), self.parameter_info)
                args = get_args(annotation)
                if get_origin(annotation) is list and isinstance(value, (list, tuple)):
                    return [_one(args[0], v) for v in value]
                if isinstance(value, (list, tuple)) and len(value) == len(args):
                    return tuple(_one(a, v) for a, v in zip(args, value))
            except LookupError:
                pass
            return build(self.descriptor)._coerce_value(value, param, ctx)

    def plain_build(descriptor: Any) -> Any:
        ranged = descriptor.is_ranged and (descriptor.annotation is not int or getattr(descriptor.parameter_info, "clamp", False))
        plain = (descriptor.file_annotation is None and _plain(descriptor.annotation)
                 and _checks_nothing(descriptor.parameter_info)
                 and not (descriptor.is_choice or ranged or descriptor.is_datetime))
        if not plain:
            return build(descriptor)
        runtime = PlainRuntimeParam(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
        object.__setattr__(runtime, "descriptor", descriptor)  # for the fall-back
        return runtime

    plain_build._policyx = True  # type: ignore[attr-defined]
    core.build_runtime_param = plain_build
