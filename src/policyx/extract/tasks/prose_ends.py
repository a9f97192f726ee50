"""Where the task of a clause written in its sentence ends, when the paragraph
holds the clauses of other tasks too.

A clause written as the words of a sentence ("市自然资源局会同市城市管理局将…纳入
规划", "市财政局负责…") attributes its sentence; a paragraph may hold several:

* another office's duty later in the same sentence, named by its own words
  ("市财政局负责统筹安排…专项资金，市发改委负责将…纳入市重大项目库", city-hard-wrapped-text-2026;
  "第十一条　市水利局负责…，市生态环境局负责…", city-regulation-2024): the first task ends
  before the comma, the next starts at the second office;
* a clause in a later sentence ("…推进改造。年底前完成改造136个。各区人民政府要…"): the
  first task runs up to that clause's sentence.
"""

from __future__ import annotations

import bisect

from dataclasses import replace

from policyx.extract.clauses import PHRASE_FORMS, SENTENCE_FORMS, FoundClause, with_units_of
from policyx.extract.tasks.paragraphs import Paragraph, skip_edge
from policyx.text.sentences import SENTENCE_END, find_end

IN_THE_SENTENCE = tuple(sorted(SENTENCE_FORMS))  # the forms of a clause written as a sentence's words


def prose_end(text: str, clause: FoundClause, later: FoundClause | None, para: Paragraph, phrase_starts: list[int],
              last_phrase: int) -> tuple[int, int] | None:
    """Where the task of ``clause`` (its paragraph's clause before ``later``) ends, and where the
    paragraph's next words start; None when its task runs on to the paragraph's end."""
    if later is not None and _a_duty_of_its_own(text, clause, later, para):
        return _before_comma(text, later.start), later.start
    if last_phrase > clause.end and find_end(text, clause.end, last_phrase, SENTENCE_END) < last_phrase:
        # (another phrase in a later sentence: if any stands there, the last does)
        end = _before_the_sentence_of(text, clause.end, phrase_starts, para.end)
        return end, skip_edge(text, end, para.end)
    return None


def _a_duty_of_its_own(text: str, clause: FoundClause, later: FoundClause, para: Paragraph) -> bool:
    """Whether the clause after ``clause`` is another office's duty in the same sentence, its own lead
    named (the phrase reader parts two offices' duties, "X负责…，Y负责…", into two clauses)."""
    return clause.form in PHRASE_FORMS and later.form in PHRASE_FORMS and bool(later.parsed.lead) \
        and para.start <= clause.start < clause.end < later.start < later.end \
        and find_end(text, clause.end, later.start, SENTENCE_END) >= later.start


def _before_comma(text: str, position: int) -> int:
    """Where the words before ``position`` end, its comma and spaces left out."""
    while position > 0 and (text[position - 1].isspace() or text[position - 1] in "，,"):
        position -= 1
    return position


def _before_the_sentence_of(text: str, position: int, phrase_starts: list[int], end: int) -> int:
    """Where the sentences from ``position`` end before the sentence of the
    first phrase clause (of ``phrase_starts``, in order) that a sentence end
    parts from ``position``: after the last sentence end before that clause."""
    stop = find_end(text, position, end, SENTENCE_END)
    following = bisect.bisect_right(phrase_starts, stop)
    if stop >= end or following == len(phrase_starts):
        return min(stop + 1, end)
    limit = phrase_starts[following]
    while (later := find_end(text, stop + 1, limit, SENTENCE_END)) < limit:
        stop = later
    return min(stop + 1, end)


def with_its_helpers(text: str, prose: FoundClause, nested: list[FoundClause], end: int,
                     responsible_words: tuple[str, ...]) -> tuple[FoundClause, list[FoundClause]]:
    """A prose clause with the phrases later in its sentence (in a paragraph ending at ``end``) that name
    no lead, only who takes part ("由市城发集团有限公司负责，改造…80公里，市住建局、市城管执法局配合。",
    city-full-official-names-2026) — or a 负责 after its 牵头, who take part too ("由县农业农村局牵头，县财政局
    负责资金保障，各乡镇负责具体落实"); and the nested clauses left."""
    stop = find_end(text, prose.end, end, SENTENCE_END)
    helpers = [_as_helper(text, prose, c, responsible_words) if prose.end < c.start < stop and c.form in IN_THE_SENTENCE
               else None for c in nested]
    if not any(helpers):
        return prose, nested
    return with_units_of(prose, [h for h in helpers if h is not None]), [c for c, h in zip(nested, helpers) if h is None]


def _as_helper(text: str, prose: FoundClause, clause: FoundClause, responsible_words: tuple[str, ...]) -> FoundClause | None:
    """``clause`` as a helper of ``prose``'s task: as it is when it names no lead; its lead taking part when
    it is a 负责 after the prose's 牵头; None when it names a lead of its own."""
    if not clause.parsed.lead:
        return clause
    if not prose.parsed.lead or clause.form != "phrase" \
            or not text[clause.inner_start:clause.inner_end].rstrip().endswith(responsible_words):
        return None
    parsed = clause.parsed
    return replace(clause, parsed=replace(parsed, lead=[], participants=[*parsed.lead, *parsed.participants]))


def helped_by_its_sentence(text: str, clauses: list[FoundClause], first: int, prose: FoundClause, end: int,
                           helped: set[int], responsible_words: tuple[str, ...]) -> FoundClause:
    """A prose clause whose task ends at ``end`` with the phrases of its sentence (of ``clauses`` from
    ``first``, in order) that help it ("由市国资委牵头，…，芜湖市建设投资有限公司具体实施，…。请…",
    city-minutes-2024), their ids added to ``helped`` (no clauses of their own)."""
    inside = []
    for k in range(first, len(clauses)):
        if clauses[k].start >= end:
            break
        inside.append(clauses[k])
    if not inside:
        return prose
    prose, left = with_its_helpers(text, prose, inside, end, responsible_words)
    helped.update(id(c) for c in inside if all(c is not other for other in left))
    return prose
