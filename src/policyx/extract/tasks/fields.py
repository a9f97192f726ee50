"""The fields of an item written after its label ("完成时限：…", "责任领导：…",
"整改目标：…"): what a paragraph's field lines and the words after its clause are."""

from __future__ import annotations

from policyx.text.anchors import char_memo
from policyx.text.stored_patterns import compiled

WORD = compiled(r"[\p{Han}A-Za-z0-9]")
IS_WORD = char_memo(WORD)


def has_words(text: str, start: int, end: int) -> bool:
    # (most stretches open with a word: one look-up, not a search)
    return start < end and (IS_WORD[text[start:start + 1]] or WORD.search(text, start + 1, end) is not None)


EDGE = " \t\r\n。.;；,，:：、"  # (what stands at the edges of words: spaces, stops, separators)

OPENS_LABEL = compiled(r"\p{Han}{2,6}[:：]")  # (a field's label: 整改目标：, 建设内容：)


def fields_only(text: str, start: int, end: int) -> bool:
    """Whether the words from ``start`` are fields, each after its label: the
    "责任领导：市政府副秘书长王某某。完成时限：长期坚持。" after a paragraph's clause
    (a PDF copy put the clause on a paragraph of its own, city-pdf-extracted-2026)."""
    pieces = [p for p in _FIELD_SEPARATOR.split(text[start:end]) if p.strip(EDGE)]
    return bool(pieces) and len(pieces) <= _MOST_FIELDS and all(TRAILING_FIELD.match(p.strip(EDGE)) for p in pieces)


_FIELD_SEPARATOR = compiled(r"[。;；]")
# (the fields that may close an item's paragraph after its clause: when, who in person, to what end — not
# a page's "主办：…" under the last item)
TRAILING_FIELD = compiled(r"\p{Han}{0,4}(?:时限|时间|期限|节点|领导|责任人|联系人|目标|进度)[ \t]*+[:：]")
_MOST_FIELDS = 6
# an item's field on a line of its own ("整改措施：…", "建设内容：…", "完成时限：…"), not its group's requirements
# ("工作要求：…" under a group's last item; a second reading of the township plan's change)
ITEM_FIELD = compiled(r"(?!\p{Han}{0,4}(?:要求|说明|备注)[ \t]*+[:：])\p{Han}{2,6}[:：]")


def run_in(text: str, heading) -> bool:
    """Does the heading's own line go on after its title ("（一）狠抓工业污染防治。取缔…")?"""
    return heading.body_start < len(text) and text[heading.body_start:heading.body_start + 1] != "\n" \
        and heading.body_start > heading.title_span[1]


def field_under_its_heading(text: str, para, before, rules) -> bool:
    """Whether ``para`` is a field ("整改目标：…") right under an item's heading with words of its own
    ("（一）问题：…。反馈意见指出，…", paragraph ``before``) and no clause — not a task's name of its own
    ("任务名称：稳定粮食生产"): the item's, as an 整改方案's problem's fields are."""
    return before is not None and before.heading is not None and OPENS_LABEL.match(text, para.start, para.end) is not None \
        and before.heading.level > 1 and not before.clauses and not before.attribution_only and not before.handed_on \
        and run_in(text, before.heading) and not rules.task_name_label.match(text[para.start:para.end])
