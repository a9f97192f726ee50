"""The section tree: headings, boxes (专栏, 表) and appendices (附件, 附表).

``inline_field_breaks`` and ``inline_heading_breaks`` first find the field
labels and the markers a web copy ran into the lines before them; ``segment`` then reads the tree line by line (tree.py),
skipping a table of contents (contents.py) and a notice's own numbered
paragraphs before the plan it sends (cover_letter.py); a plan with no numbered
heading at all may have lost its numbers in a copy (unmarked.py).
"""

from __future__ import annotations

from policyx.extract.sections.cover_letter import without_cover_letter
from policyx.extract.sections.inline import inline_heading_breaks
from policyx.extract.sections.inline_fields import inline_field_breaks
from policyx.extract.sections.markers import MAX_TITLE_CHARS
from policyx.extract.sections.tree import TreeReader
from policyx.extract.sections.unmarked import unmarked_outline
from policyx.model import Issue, Section
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized

__all__ = ["MAX_TITLE_CHARS", "inline_field_breaks", "inline_heading_breaks", "segment"]


def segment(norm: Normalized, rules: RuleSet) -> tuple[tuple[Section, ...], tuple[Issue, ...]]:
    """Build the section tree of a plan.

    Returns the sections in document order and the problems met on the way
    (numbering gaps, repeats and disorder; a plan with no structure).
    """
    tree = TreeReader(norm, rules, honour_contents=True).read()
    if tree.contents_closed:
        unmarked = () if tree.sections else unmarked_outline(norm, rules)
        if unmarked:
            issues = [i for i in tree.issues if i.code != "no-structure"]
            return unmarked, (*issues, Issue(
                code="unnumbered-headings", line=unmarked[0].line,
                message=f"no numbered heading: {len(unmarked)} short lines standing alone are read as headings "
                        "(a copy that lost its numbering?)"))
        return without_cover_letter(tree.sections, tree.issues, norm, rules)
    # the contents never gave way to the text (its first entry was not found
    # again): reading it as contents would lose the whole plan
    tree = TreeReader(norm, rules, honour_contents=False).read()
    warning = Issue(code="contents-unclosed", line=None,
                    message="a 目录 was found but its first entry never recurs; the contents are read as headings")
    return tree.sections, (warning, *tree.issues)
