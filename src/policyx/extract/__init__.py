"""Extraction: one module per entity, run in order by :mod:`policyx.extract.pipeline`.

sections → clauses → tasks → deadlines → targets → tables, then placement of
deadlines and targets on the tasks that hold them.
"""

from policyx.extract.pipeline import extract_file, extract_text

__all__ = ["extract_file", "extract_text"]
