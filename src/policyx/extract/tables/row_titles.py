"""A task table's row's title: its sub-task, its task heading, or its work's first sentence."""

from __future__ import annotations

import regex

from policyx.extract.tables.cells import Cell, cell_at, heading_mark
from policyx.rules.tables import TableRules
from policyx.text.sentences import SENTENCE_STOP, STRONG_STOP


def row_title(row: list[Cell | None], at: dict[str, int], work: Cell, rules: TableRules, form: str) -> str:
    """A row's title: its sub-task, else its task heading (without its number)
    when that is a column of its own, else the work item's first sentence."""
    subtask = cell_at(row, at, "subtask")
    heading = row[at["task"]] if "task" in at and at["task"] != at.get("work") else None
    if subtask is not None:
        return subtask.text.rstrip("。.")
    if heading is not None and heading is not work:
        mark = heading_mark(heading.text, rules)
        # (a problem written out, "部分化工园区环境基础设施建设滞后。宜都化工园区…": named by its first sentence)
        return STRONG_STOP.split(heading.text[mark.end() if mark else 0:].strip(), maxsplit=1)[0].rstrip("。.")
    if form == "glued":  # (its work item holds its target column too: its title is all of its first sentence)
        return STRONG_STOP.split(work.text, maxsplit=1)[0].strip()[:GLUED_TITLE]
    return _first_sentence(work.text, rules)


def _first_sentence(text: str, rules: TableRules) -> str:
    """A row's title: its first sentence, or, for a long one, its first
    phrase that is not only a time ("2017年底前，造纸行业力争完成…" → "造纸行业力争完成…")."""
    sentence = SENTENCE_STOP.split(text, maxsplit=1)[0]
    if len(sentence) <= SENTENCE_TITLE:
        return sentence
    phrases = [p for p in regex.split(r"[,，]", sentence) if p.strip()]
    for phrase in phrases:
        if not rules.time_phrase.fullmatch(phrase):
            return phrase[:PHRASE_TITLE]
    return sentence[:PHRASE_TITLE]


# characters: a cell's first sentence up to this long is the row's title, as an annotator writes it ("实施扩大有效投资攻坚
# 行动，全年实施省重点项目700个以上，完成年度投资8000亿元以上", province-key-tasks-with-leaders-2026); a longer one is named
# by its first phrase, cut to the second
SENTENCE_TITLE, PHRASE_TITLE = 100, 40


GLUED_TITLE = 200  # characters of a run-together row's first sentence kept as its title
