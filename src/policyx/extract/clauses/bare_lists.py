"""A bracket of offices alone at an item's end, with no role word: "…社会消费品
零售总额增长6%。（省商务厅、省发展改革委、省财政厅，各市州人民政府）"
(province-first-listed-lead-division-2026). A 分工 plan writes its units so
under a note that the first listed leads ("列第一位者为牵头单位…下同"), or
with no note, every one answering: the list is read as after 责任单位：
(offices lead, governments carry out), and a convention in force makes the first the
lead, the others participants. Only where the bracket closes its paragraph
and every unit in it names an office: "（2026年）", "（试行）" or "（含…）" are
no clause, nor a bracket inside a sentence ("省发展改革委（省能源局）牵头").
"""

from __future__ import annotations

from policyx.extract.clauses.finding import FoundClause
from policyx.extract.clauses.grammar import ClauseContext, parse_clause
from policyx.extract.clauses.phrases import known_whole, name_endings, named_office
from policyx.rules.clauses import ResponsibilityRules
from policyx.rules.departments import DepartmentRegistry

BARE_LIST_RULE = "clause.bracket_bare"
_READ_AS = "责任单位："  # (the label the list is read after: its time, "，长期坚持", a note of it)
_CLOSING = " \t\u3000。.；;"  # what may follow the bracket in its paragraph
_MOST_CHARS = 200  # a longer bracket is a passage of words, no list of units
_LONGEST_NAME = 14  # characters: an office's name before a bracket looked for so far back


def bare_list(text: str, start: int, end: int, registry: DepartmentRegistry, rules: ResponsibilityRules,
              context: ClauseContext | None) -> FoundClause | None:
    """The clause a bracket of offices closing the paragraph ``text[start:end]`` (working copy) is, if any."""
    close = end - 1
    while close > start and text[close] in _CLOSING:
        close -= 1
    if close <= start or text[close] not in rules.closer_to_opener:
        return None
    open_ = _its_opener(text, max(start, close - _MOST_CHARS), close, rules)
    if open_ is None or open_ == start or not text[open_ + 1:close].strip():
        return None
    parsed = parse_clause(_READ_AS + text[open_ + 1:close], open_ + 1 - len(_READ_AS), registry, rules, context,
                          BARE_LIST_RULE)
    if parsed is None or not all(known_whole(r.raw.strip(), registry) or registry.is_government(r.name)
                                 and named_office(r, registry) for r in parsed.refs()):
        return None
    if text[open_ - 1] in name_endings(registry) and _after_a_name(text, max(start, open_ - _LONGEST_NAME), open_, registry):
        return None  # (…nor another name of the office before it: "报省发展改革委（省能源局）。")
    return FoundClause(open_, close + 1, open_ + 1, close, parsed, True, "bracket", BARE_LIST_RULE)


def _its_opener(text: str, limit: int, close: int, rules: ResponsibilityRules) -> int | None:
    """Where the bracket closing at ``close`` opens, back to ``limit`` ("（…、各县（市、区）人民政府）")."""
    depth = 0
    for i in range(close, limit - 1, -1):
        if text[i] in rules.closer_to_opener:
            depth += 1
        elif text[i] in rules.opener_to_closer:
            depth -= 1
            if depth == 0:
                return i
    return None


def _after_a_name(text: str, limit: int, open_: int, registry: DepartmentRegistry) -> bool:
    """Whether the words right before a bracket end with an office's name (the bracket another name of it)."""
    return any(known_whole(text[k:open_], registry) or registry.is_government(text[k:open_])
               for k in range(open_ - 2, limit - 1, -1))
