"""Field lines that a copy ran together: "…完成时限：2025年12月底前责任处室：
种植业管理处任务名称：推进高标准农田建设主要内容：…" is read again as the
lines it was."""

from __future__ import annotations

from policyx.extract.sections.inline import run_together
from policyx.rules import RuleSet
from policyx.text.normalize import Normalized

GLUED_FIELDS = 2  # labels run onto the words before them: a line of fields run together, not a sentence naming one


def inline_field_breaks(norm: Normalized, rules: RuleSet) -> list[int]:
    """Offsets of field labels run onto the value of the field before them
    (``sections.glued_field``), where the working copy should start a new line.

    Only in a line where two or more are glued to a word, a bracket or a
    figure; there a label after a sentence's end starts its line too
    ("…争取项目30个。责任区领导：张某某（副区长）牵头单位：…")."""
    glued_field = rules.sections.glued_field
    breaks: list[int] = []
    for line in norm.lines():
        text = line.text
        if text.count(":") < GLUED_FIELDS or "\t" in text and not run_together(text):
            continue  # (a table's row keeps its cells)
        found = [m.start() for m in glued_field.finditer(text)]
        if sum(text[p - 1] != "。" for p in found) >= GLUED_FIELDS:
            breaks.extend(line.start + p for p in found)
    return breaks
