"""policyx: Chinese government policy plans as structured, checkable data.

>>> import policyx
>>> doc = policyx.extract_text("一、总体要求\\n（一）工作目标。到2020年完成。\\n")
>>> doc.sections[1].title
'工作目标'

The names below are imported on first use, so that ``import policyx`` (and
``policyx --version``) loads no extraction stage.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (10 ms at start-up)

__version__ = "0.1.0"

_EXPORTS = {
    "Document": "policyx.model",
    "DocumentInfo": "policyx.model",
    "Issue": "policyx.model",
    "Section": "policyx.model",
    "Task": "policyx.model",
    "InputError": "policyx.errors",
    "PolicyxError": "policyx.errors",
    "RulesError": "policyx.errors",
    "extract_text": "policyx.extract",
    "extract_file": "policyx.extract",
    "load_rules": "policyx.rules",
    "diff_plans": "policyx.analyse.diff",
    "check_plan": "policyx.analyse.check",
}

__all__ = [
    "Document",
    "DocumentInfo",
    "InputError",
    "Issue",
    "PolicyxError",
    "RulesError",
    "Section",
    "Task",
    "__version__",
    "check_plan",
    "diff_plans",
    "extract_file",
    "extract_text",
    "load_rules",
]

if TYPE_CHECKING:  # pragma: no cover
    from policyx.analyse.check import check_plan
    from policyx.analyse.diff import diff_plans
    from policyx.errors import InputError, PolicyxError, RulesError
    from policyx.extract import extract_file, extract_text
    from policyx.model import Document, DocumentInfo, Issue, Section, Task
    from policyx.rules import load_rules


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policyx' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
