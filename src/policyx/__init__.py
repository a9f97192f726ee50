"""policyx: Chinese government policy plans as structured, checkable data.

>>> import policyx
>>> doc = policyx.extract_text("一、总体要求\\n（一）工作目标。到2020年完成。\\n")
>>> doc.sections[1].title
'工作目标'
"""

from .errors import InputError, PolicyxError, RulesError
from .model import Document, DocumentInfo, Issue, Section
from .pipeline import extract_file, extract_text
from .rules import load_rules

__version__ = "0.1.0"

__all__ = [
    "Document",
    "DocumentInfo",
    "InputError",
    "Issue",
    "PolicyxError",
    "RulesError",
    "Section",
    "__version__",
    "extract_file",
    "extract_text",
    "load_rules",
]
