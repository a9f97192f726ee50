"""Field lines that a copy ran together: "…完成时限：2025年12月底前责任处室：
种植业管理处任务名称：推进高标准农田建设主要内容：…" is read again as the
lines it was; and fields whose labels stand in 【】 ("【任务名称】加快推进重大项目建设",
"【完成时限】2026年12月底前", county-task-cards-2026) read as fields "任务名称：…"."""

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
        labels = _glued_bracket_labels(text, rules)
        if labels:
            breaks.extend(line.start + p for p in labels)
            continue
        if text.count(":") < GLUED_FIELDS or "\t" in text and not run_together(text):
            continue  # (a table's row keeps its cells)
        found = [m.start() for m in glued_field.finditer(text)]
        if sum(text[p - 1] != "。" for p in found) >= GLUED_FIELDS:
            breaks.extend(line.start + p for p in found)
    return breaks


def _glued_bracket_labels(text: str, rules: RuleSet) -> list[int]:
    """Where field labels in 【】 run onto the words before them start, in a line that does not open with one
    and holds GLUED_BRACKET_LABELS of them or more (a 任务卡 run into one line: "…2026年12月底前————【任务名称】…
    【工作目标】…【牵头单位】…"); none in a line of 【】 clauses that opens with one ("【牵头单位】X【责任单位】Y")."""
    if text.count("【") < GLUED_BRACKET_LABELS or text.lstrip(" \t\u3000").startswith("【"):
        return []
    found = [m.start() for m in rules.sections.glued_bracket_label.finditer(text)]
    return found if len(found) >= GLUED_BRACKET_LABELS else []


GLUED_BRACKET_LABELS = 3  # labels in 【】 glued in one line: a run of fields, not a sentence's 【】 note


def bracketed_labels(norm: Normalized, rules: RuleSet) -> list[tuple[int, int, str]]:
    """Same-length edits turning a field's label in 【】 that opens a line into "label：" and a space
    ("【完成时限】2026年12月底前" → "完成时限： 2026年12月底前"). A line of several labelled clauses
    ("【牵头单位】州发展改革委【责任单位】州财政局") is read as it stands: it may attribute the item after
    it (blocks.hand_forward_clauses)."""
    if "【" not in norm.text:
        return []
    label = rules.sections.bracketed_label
    edits: list[tuple[int, int, str]] = []
    for line in norm.lines():
        found = label.match(line.text) if "【" in line.text[:4] else None
        if found is not None and "【" not in line.text[found.end():]:
            edits.append((line.start + found.start("open"), line.start + found.end("close"), found.group("label") + "： "))
    return edits
