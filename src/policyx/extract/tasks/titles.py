"""What each task is called, and where a task under a heading starts.

A unit that starts at a heading is named by the short lead-in that follows the
heading on its line ("（七）控制用水总量。实施最严格水资源管理。…"), or by the heading
when there is none, or when the heading is a sentence of its own ("1．2021年6月
底前修改完善…，…。"); where the heading's section holds several tasks, a unit
named by a lead-in starts at it. Other units: their lead-in; for a paragraph
with none, its opening phrase; for a measure after another's clause, its first
sentence (the conventions of tests/data/wild/README.md).
"""

from __future__ import annotations

from policyx.extract.tasks.fields import run_in
from policyx.extract.tasks.paragraphs import lead_in_at, skip_edge
from policyx.extract.tasks.selection import counts
from policyx.extract.clauses import PHRASE_FORMS
from policyx.extract.tasks.units import IN_THE_SENTENCE, Unit
from policyx.model import Section
from policyx.rules.tasks import TaskRules
from policyx.text.sentences import commas, first_phrase, first_sentence


_PHRASE_ENDS = frozenset(",，;；。:：")
_EDGE_OF_TITLE = " \t\u3000,，;；。:：、"
_FIELDS_NAME = 4  # characters of a heading that names a field of work (工业, 水源保护), not a task


def settle_titles(units: list[Unit], text: str, rules: TaskRules) -> None:
    held = counts(units, True)
    # the heading styles that hold several tasks somewhere in the plan: their lead-ins name tasks
    # (xinjiang's "（一）狠抓工业污染防治。取缔“十小”企业。…"); a heading of a style that never does names its one
    # task itself ("1.取缔“十小”企业。全面排查…。", province-water-plan-2016)
    grouping = {unit.at_marker.style for unit in units if unit.at_marker is not None and held.get(unit.at_marker.id, 0) > 1}
    for unit in units:
        if unit.title_span is not None:
            continue
        limit = unit.clause.start if unit.clause is not None and unit.clause.start > unit.start \
            and unit.clause.form not in PHRASE_FORMS else unit.end  # (a phrase's units are words of the task's sentence)
        if unit.at_marker is not None:
            heading, several = unit.at_marker, held.get(unit.at_marker.id, 0) > 1
            # (…and a field's name, a word or two, never does: "（二）农业。控制面源污染。")
            _under_heading(unit, heading, text, limit, rules, several=several,
                           named_by_lead_in=several or heading.style in grouping
                           or heading.title_span[1] - heading.title_span[0] <= _FIELDS_NAME)
            continue
        unit.title_span = _own_title(unit, text, limit, rules)


def _own_title(unit: Unit, text: str, limit: int, rules: TaskRules) -> tuple[int, int]:
    """The title of a unit that starts at no heading: a task-name field's value, else its lead-in, else its
    opening phrase or sentence, after a label, an item's number or an enumeration's word."""
    named = rules.task_name_label.match(text[unit.start:limit])
    if named:  # ("任务名称：稳定粮食生产": the rest of its line)
        line_end = text.find("\n", unit.start, limit)
        return unit.start + named.end(), limit if line_end == -1 else line_end
    start = _after_label(text, unit.start, limit, rules)
    numbered = rules.item_number.match(text[start:limit])
    if numbered:
        start += numbered.end()
    enumerated = rules.enumeration_opener.match(text[start:limit])  # ("二是落实助餐补贴政策，…": the item's words)
    if enumerated:
        start = skip_edge(text, start + enumerated.end(), limit)
    if unit.clause is not None and unit.clause.form == "phrase" and unit.clause.start <= start < unit.clause.end \
            and text[unit.clause.end:unit.clause.end + 1] in _PHRASE_ENDS:
        start = skip_edge(text, unit.clause.end, limit)  # ("区数据局负责，推进电子证照共享应用": the work names it;
        # the office that is its sentence's subject stays: "县综合行政执法局负责城区排水管网清淤疏浚", a duty's too)
    lead_in = lead_in_at(text, start, limit, rules)
    if lead_in:
        return lead_in
    if unit.starts_paragraph or start > unit.start or enumerated or unit.clause is not None and unit.clause.form == "duty":
        # a labelled measure ("具体措施：…") opens a paragraph of its own; a duty opens its
        # sentence ("市财政局要加强与省财政厅的沟通对接，积极争取…")
        return first_phrase(text, start, limit)
    return first_sentence(text, start, limit)


def _after_label(text: str, start: int, limit: int, rules: TaskRules) -> int:
    """Where the words start after a label that opens the unit ("具体措施：…")."""
    label = rules.title_label.match(text[start:limit])
    return start + label.end() if label else start


def _under_heading(unit: Unit, heading: Section, text: str, limit: int, rules: TaskRules, *, several: bool,
                   named_by_lead_in: bool) -> None:
    lead_in = _lead_in_after(unit, heading, text, limit, rules) if run_in(text, heading) and named_by_lead_in else None
    if lead_in is None:
        start, end = heading.title_span
        # (a run-in title past the unit's end names the next duty too: "第十一条　市水利局负责…，市生态环境局负责…")
        end = unit.end if start < unit.end < end else end
        if start < limit < end and unit.clause is not None and not text[unit.clause.end:end].strip(_EDGE_OF_TITLE):
            # (…and a clause that closes it is none of its name: "（1）做优特色产业，…（县烧饼办牵头）；（2）…")
            end = start + len(text[start:limit].rstrip(_EDGE_OF_TITLE))
        unit.title_span = (start, end)
        return
    if several:
        unit.start = _body_after_heading(unit, heading, text, limit)
    unit.title_span = lead_in


def _body_after_heading(unit: Unit, heading: Section, text: str, limit: int) -> int:
    body = heading.body_start
    if unit.clause is not None and unit.clause.form not in IN_THE_SENTENCE and unit.start <= unit.clause.start <= body + 2:
        body = skip_edge(text, unit.clause.end, limit)  # "（一）水源保护。【牵头单位：…】加强水源地保护。"
    return body


def _lead_in_after(unit: Unit, heading: Section, text: str, limit: int, rules: TaskRules) -> tuple[int, int] | None:
    """The short lead-in after a run-in heading that names the task, if any."""
    if heading.body_start >= limit:
        return None
    body = _body_after_heading(unit, heading, text, limit)
    lead_in = lead_in_at(text, body, unit.end if body >= limit else limit, rules)
    if lead_in is None:
        return None
    heading_words = text[heading.title_span[0]:heading.title_span[1]]
    words = text[lead_in[0]:lead_in[1]]
    if len(words) > rules.after_heading_max or rules.after_heading_forbidden.search(words):
        return None  # a list of examples, or a statement, is no sub-heading
    if len(heading_words) > rules.after_heading_max or commas(heading_words, 0, len(heading_words)):
        return None  # a heading that is a sentence of its own names its task
    if skip_edge(text, lead_in[1], limit) >= limit and rules.task_verbs.search(heading_words):
        # the whole of the body, under a heading that names a task, is no sub-heading: "2.推进城市道路微循环。
        # 打通断头路15条。（牵头单位：…）" (under a field's name it is: "（二）农业。控制面源污染。（…牵头）")
        return None
    return lead_in
