"""Scoring policyx against hand-written gold annotations.

Sections are matched by line.  Tasks are matched one to one by an optimal
assignment on a score of ``0.5 + 0.5 · title similarity`` for tasks on the
same line and ``0.6 · title similarity`` otherwise; a pair scoring under 0.5
is no match, so a task on another line needs a title at least 0.83 alike.
Where a line holds several gold or several extracted tasks (paragraphs run
together on one line), being on the same line proves nothing, and a pair
there needs titles at least 0.2 alike to take the line's bonus.  Title
similarity is difflib's ratio, or 0.9 when one title opens the other.

Department names are compared by identity, not by spelling: traditional and
full-width characters folded, anti-scraping pinyin glosses ("環(huán)") and a
leading level prefix (自治区, 省, 州, 市, 县, 区 …) removed on both sides.  For
matched tasks each department field is compared as a set of such names:
exact when the sets are equal, and counted per name for precision and recall.
Lines a gold file lists in ``unscored_lines`` hold a task the excerpt cuts:
an extracted task left unmatched there is neither a hit nor a false positive.

The package is split by what is scored:

- ``report``: the counts and exact shares a scoring adds to (``Report``);
- ``keys``: how deadlines, targets, department names and titles are written
  in gold files, so extracted values can be compared with them;
- ``sections``, ``tasks``, ``targets``, ``tables``, ``alignment``: one
  scorer per kind of gold file;
- ``run``: finding gold files and scoring each (``evaluate``).
"""

from __future__ import annotations

from policyx.analyse.evaluate.alignment import score_alignment
from policyx.analyse.evaluate.keys import (
    deadline_key, name_key, normalise_target_key, target_key, target_value_key, title_similarity,
)
from policyx.analyse.evaluate.report import Counts, Report
from policyx.analyse.evaluate.run import GOLD_KINDS, evaluate, gold_files
from policyx.analyse.evaluate.sections import score_sections
from policyx.analyse.evaluate.tables import score_indicators, score_table_rows
from policyx.analyse.evaluate.targets import score_document_targets
from policyx.analyse.evaluate.tasks import MATCH_THRESHOLD, SAME_LINE_MIN_SIMILARITY, TASK_FIELDS, score_tasks

__all__ = [
    "GOLD_KINDS", "MATCH_THRESHOLD", "SAME_LINE_MIN_SIMILARITY", "TASK_FIELDS", "Counts", "Report", "deadline_key",
    "evaluate", "gold_files", "name_key", "normalise_target_key", "score_alignment", "score_document_targets",
    "score_indicators", "score_sections", "score_table_rows", "score_tasks", "target_key", "target_value_key",
    "title_similarity",
]
