"""Tasks inside sections, each with the departments that answer for it.

A section's own text (up to its first subsection or box) is cut into units:
lines, and a line again after every clause that closes a task ("…（自治区水利厅
负责）　　推进水产生态健康养殖。…").  A unit is a task when it opens with a short
lead-in sentence or carries a clause; a unit with neither continues the task
before it.  A clause followed by 、 ， or 。 belongs to one sentence inside the
task ("…水源水质状况(卫计委、水利局负责)、供水厂出水…") and is kept as a
subclause.  "一是…二是…" lists inside a unit become one task per item.  A
standing clause ("以下均需各级人民政府落实，不再列出") makes its units
implementers of every later task.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import regex

from policyx.rules.departments import DepartmentRegistry
from policyx.model import DepartmentRef, Issue, Section, Task
from policyx.text.normalize import Normalized, comparable
from policyx.extract.clauses import FoundClause, ResponsibilityRules, find_clauses, to_clause
from policyx.rules.tasks import TaskRules

_SENTENCE = regex.compile(r"[。!?！？]")
_AFTER_CLAUSE_NESTED = regex.compile(r"\s*[、,，。;；]")
_PHRASE_END = regex.compile(r"[,，;；。:：!?！？]")
_COMMA = regex.compile(r"[,，]")
_ENDS_SENTENCE = regex.compile(r"[。;；!！?？:：)）\]】」”』…]\s*$")
_QUOTED = regex.compile(r"“[^”]*”|\"[^\"]*\"")
_SENTENCE_START = "。;；!?！？\n"


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    clauses: list[FoundClause] = field(default_factory=list)


@dataclass(slots=True)
class _Draft:
    section: Section
    start: int
    end: int
    title: str
    title_span: tuple[int, int] | None
    clause: FoundClause | None
    subclauses: list[FoundClause]


def lead_in_title(text: str, rules: TaskRules) -> tuple[int, int] | None:
    """The span of a unit's lead-in title sentence within ``text``, or None.

    >>> from policyx.rules import load_rules
    >>> lead_in_title("取缔“十小”企业。2016年底前，各级人民政府要全面排查。", load_rules().tasks)
    (0, 8)
    """
    stripped = len(text) - len(text.lstrip())
    match = _SENTENCE.search(text, stripped)
    if not match:
        return None
    sentence = text[stripped:match.start()].strip()
    if not sentence or len(sentence) > rules.title_max:
        return None
    commas = len(_COMMA.findall(_QUOTED.sub("", sentence)))
    if commas > 1 or (commas == 1 and len(sentence) > rules.title_max_with_comma):
        return None
    if rules.title_forbidden.search(sentence) or rules.title_bad_start.search(sentence):
        return None
    if commas == 1:
        # "狠抓工业污染防治，2016年底前取缔“十小”企业": the words after a comma
        # that open with a time or a subject are the task's body
        quoted = [q.span() for q in _QUOTED.finditer(sentence)]
        comma = next(c for c in _COMMA.finditer(sentence) if not any(a <= c.start() < b for a, b in quoted))
        if rules.title_bad_start.search(sentence[comma.end():].lstrip()):
            return stripped, stripped + comma.start()
    return stripped, stripped + len(sentence)


def first_phrase(text: str) -> tuple[int, int]:
    """A title for a task with no lead-in: its words up to the first comma or stop."""
    stripped = len(text) - len(text.lstrip())
    match = _PHRASE_END.search(text, stripped)
    end = match.start() if match else len(text.rstrip())
    return stripped, max(stripped, end)


def _units(norm: Normalized, start: int, end: int, registry, resp: ResponsibilityRules) -> list[_Unit]:
    """Lines of a section's own text, cut again after each task-closing clause."""
    units: list[_Unit] = []
    text = norm.text
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline == -1 else newline
        # a sentence broken over lines (PDF copies: "…从源头防\n\n止生态破坏。")
        # is one unit: join while a line ends without a stop
        while line_end < end and text[pos:line_end].strip() and not _ENDS_SENTENCE.search(text[pos:line_end]):
            following = text.find("\n", line_end + 1, end)
            next_end = end if following == -1 else following
            if not text[line_end + 1:next_end].strip():
                if following == -1:
                    break
                line_end = next_end  # skip one blank line
                continue
            line_end = next_end
        segment = text[pos:line_end]
        if segment.strip():
            clauses = find_clauses(segment, pos, registry, resp)
            unit = _Unit(pos, line_end)
            for clause in clauses:
                unit.clauses.append(clause)
                rest = text[clause.end:line_end]
                leads_unit = not text[unit.start:clause.start].strip()
                # a clause that opens its unit ("【牵头单位：市环保局】加强…") is
                # that unit's clause; one after words closes the task
                if rest.strip() and not leads_unit and not _AFTER_CLAUSE_NESTED.match(rest):
                    unit.end = clause.end
                    units.append(unit)
                    unit = _Unit(clause.end, line_end)
            units.append(unit)
        pos = line_end + 1
    return [u for u in units if text[u.start:u.end].strip()]


def _task_clause(unit: _Unit, text: str) -> tuple[FoundClause | None, list[FoundClause]]:
    """The clause that closes the unit, and the ones nested inside it."""
    if not unit.clauses:
        return None, []
    last = unit.clauses[-1]
    after = text[last.end:unit.end]
    if not after.strip() and not _AFTER_CLAUSE_NESTED.match(after):
        return last, unit.clauses[:-1]
    first = unit.clauses[0]
    if not text[unit.start:first.start].strip():
        return first, unit.clauses[1:]
    return None, list(unit.clauses)


def _merge(a: FoundClause, b: FoundClause) -> FoundClause:
    """Two labelled clause lines of one task as one clause."""
    parsed = replace(a.parsed, lead=[*a.parsed.lead, *b.parsed.lead],
                     participants=[*a.parsed.participants, *b.parsed.participants],
                     implementers=[*a.parsed.implementers, *b.parsed.implementers],
                     standing=[*a.parsed.standing, *b.parsed.standing])
    return replace(a, end=b.end, inner_end=b.inner_end, parsed=parsed, closed=a.closed and b.closed)


def holds_no_tasks(title: str, rules: TaskRules, kinds: regex.Pattern) -> bool:
    """A heading such as "发展基础" or "面临的形势与挑战" (its last words), not one
    that opens with a task's verb ("着力解决群众反映强烈的问题")."""
    words = comparable(title).strip().rstrip("。.:：;；")
    return bool(kinds.search(words)) and not rules.task_verbs.search(words)


def _section_ranges(sections: tuple[Section, ...], rules: TaskRules) -> list[tuple[Section, int, int]]:
    """Each heading section's own text: from its body to its first child."""
    skipped: set[str] = set()
    first_child: dict[str, int] = {}
    for s in sections:
        if s.parent is not None and s.parent not in first_child:
            first_child[s.parent] = s.span[0]
    ranges = []
    for s in sections:
        if s.kind != "heading" or (s.parent in skipped) or holds_no_tasks(s.title, rules, rules.non_task_sections):
            skipped.add(s.id)
            continue
        end = min(first_child.get(s.id, s.end), s.end)
        if end > s.body_start:
            ranges.append((s, s.body_start, end))
    return ranges


def extract_tasks(
    norm: Normalized,
    sections: tuple[Section, ...],
    registry: DepartmentRegistry,
    resp: ResponsibilityRules,
    rules: TaskRules,
) -> tuple[tuple[Task, ...], tuple[Issue, ...]]:
    """Tasks of a plan in document order, and the problems found with them."""
    text = norm.text
    drafts: list[_Draft] = []
    parents = {s.parent for s in sections if s.parent}
    for section, start, end in _section_ranges(sections, rules):
        first = True
        section_drafts: list[_Draft] = []
        units_seen = _units(norm, start, end, registry, resp)
        for unit in units_seen:
            clause, nested = _task_clause(unit, text)
            body_end = clause.start if clause else unit.end
            items = _list_items(text, unit.start, body_end, rules)
            if len(items) >= 2:
                head = text[unit.start:items[0][0]]
                if head.strip() and section_drafts:
                    section_drafts[-1].end = unit.start + len(head.rstrip())
                for i, (item_start, title_start) in enumerate(items):
                    item_end = items[i + 1][0] if i + 1 < len(items) else unit.end
                    span = lead_in_title(text[title_start:item_end], rules)
                    title_span = (title_start + span[0], title_start + span[1]) if span else (title_start, title_start + first_phrase(text[title_start:item_end])[1])
                    mine = [c for c in nested if item_start <= c.start < item_end]
                    section_drafts.append(_Draft(section, item_start, item_end, "", title_span, clause, mine))
                first = False
                continue
            unit_text = text[unit.start:unit.end]
            if clause is not None and not text[unit.start:clause.start].strip() and not text[clause.end:unit.end].strip(" \t\r。;；") \
                    and section_drafts and (section_drafts[-1].clause is None or
                                            (section_drafts[-1].clause.form == clause.form == "labelled")):
                # "牵头单位：市环保局" on a line of its own after its task; the
                # next line "配合单位：…" adds to the same clause
                previous = section_drafts[-1]
                previous.clause = clause if previous.clause is None else _merge(previous.clause, clause)
                previous.end = unit.end
                first = False
                continue
            span = lead_in_title(unit_text if clause is None or clause.start > unit.start else text[clause.end:unit.end], rules)
            if span is not None and clause is not None and clause.start == unit.start + (len(unit_text) - len(unit_text.lstrip())):
                span = (span[0] + clause.end - unit.start, span[1] + clause.end - unit.start)
            # "2．严格环境准入。二〇一七年底前，完成…": a leaf heading with its
            # words on the same line is a task even without a clause
            own_task = (first and unit.start == section.body_start and norm.line_of(section.body_start) == section.line
                        and section.id not in parents)
            if span is None and clause is None and not nested and not own_task:
                # words after a task's closing clause do not reopen that task
                if section_drafts and section_drafts[-1].clause is None:
                    section_drafts[-1].end = unit.end
                first = False
                continue
            if span is not None:
                title_span = (unit.start + span[0], unit.start + span[1])
            elif own_task or (first and unit.start == section.body_start and norm.line_of(section.body_start) == section.line):
                title_span = section.title_span  # the section is its own task
            else:
                phrase = first_phrase(unit_text)
                title_span = (unit.start + phrase[0], unit.start + phrase[1])
            section_drafts.append(_Draft(section, unit.start, unit.end, "", title_span, clause, nested))
            first = False
        if not section_drafts and section.id not in parents and units_seen:
            # a leaf heading whose words hold no lead-in and no clause is a
            # task itself: "4. 全面开展水环境综合分析" + a paragraph
            section_drafts.append(_Draft(section, units_seen[0].start, units_seen[-1].end, "", section.title_span, None, []))
        drafts.extend(section_drafts)
    _name_single_tasks_by_heading(drafts, parents, norm, rules)
    return _finish(_drop_closing_remarks(drafts, sections), norm, registry)


def _name_single_tasks_by_heading(drafts: list[_Draft], parents: set[str | None], norm: Normalized, rules: TaskRules) -> None:
    """A leaf heading with a single task names that task, unless the plan writes
    several lead-in tasks under headings of that kind, when

    * it is run in and its first sentence is a long statement rather than a
      lead-in ("1.严格环境准入。新建钢铁、水泥项目一律实行产能等量或减量置换。");
    * it is run in, opens with a task's verb, and every heading of its kind
      holds one task ("3.扎实推进土壤污染防治。开展土壤污染状况详查。");
    * it stands on a line of its own over a paragraph with no lead-in
      ("（四）加强运行管护\n建立…体系，自2022年起，…").

    Under "（一）狠抓工业污染防治。取缔“十小”企业。…（…）专项整治…" the headings
    group tasks, and "（二）农业。控制面源污染。（…）" keeps its short lead-in.
    """
    per_section: dict[str, list[_Draft]] = {}
    for draft in drafts:
        per_section.setdefault(draft.section.id, []).append(draft)
    grouping_styles = {group[0].section.style for group in per_section.values() if len(group) > 1}
    sections_of_style = Counter(group[0].section.style for group in per_section.values())
    task_styles = {style for style, n in sections_of_style.items() if n >= 2 and style not in grouping_styles}
    for group in per_section.values():
        draft, section = group[0], group[0].section
        heading_chars = section.title_span[1] - section.title_span[0]
        if len(group) != 1 or section.style in grouping_styles or section.id in parents \
                or heading_chars < rules.heading_title_min:
            continue
        if draft.start == section.body_start and norm.line_of(section.body_start) == section.line:
            long_sentence = draft.title_span is not None and \
                draft.title_span[1] - draft.title_span[0] > max(rules.sentence_not_title, 1.5 * heading_chars)
            task_heading = section.style in task_styles and rules.task_verbs.search(comparable(section.title))
            if long_sentence or task_heading:
                draft.title_span = section.title_span
        elif not norm.text[section.body_start:draft.start].strip() and norm.line_of(draft.start) > section.line \
                and lead_in_title(norm.text[draft.start:draft.end], rules) is None:
            draft.title_span = section.title_span


def _drop_closing_remarks(drafts: list[_Draft], sections: tuple[Section, ...]) -> list[_Draft]:
    """In a plan whose tasks carry clauses, paragraphs with no clause after the
    last clause of the last section are the plan's closing words ("各地、各部门
    要切实处理好…"), not tasks."""
    if not drafts or not any(d.clause or d.subclauses for d in drafts):
        return drafts
    body_sections = [s for s in sections if s.kind == "heading" and s.parent is None]
    last_top = body_sections[-1].id if body_sections else None
    while drafts and not (drafts[-1].clause or drafts[-1].subclauses):
        top = drafts[-1].section.id.split(".")[0]
        if top != last_top or drafts[-1].title_span == drafts[-1].section.title_span:
            break  # a heading that is its own task is no closing word
        drafts.pop()
    return drafts


def _list_items(text: str, start: int, end: int, rules: TaskRules) -> list[tuple[int, int]]:
    """(item start, title start) of "一是…二是…" items, when a unit has two or more.

    Items must be numbered 1, 2, 3 …; the first has to open a sentence.
    """
    from policyx.text.numerals import read_number

    segment = text[start:end]
    for pattern in rules.list_items:
        items: list[tuple[int, int]] = []
        for m in pattern.finditer(segment):
            number = read_number(m.group("num"))
            if number == len(items) + 1:
                if not items:
                    before = segment[:m.start()].rstrip()
                    if before and before[-1] not in _SENTENCE_START:
                        continue
                items.append((start + m.start("marker"), start + m.end("marker")))
        if len(items) >= 2:
            return items
    return []


def _dedupe(refs: list[DepartmentRef]) -> tuple[DepartmentRef, ...]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        if ref.canonical not in seen:
            seen.add(ref.canonical)
            out.append(ref)
    return tuple(out)


def _finish(drafts: list[_Draft], norm: Normalized, registry: DepartmentRegistry) -> tuple[tuple[Task, ...], tuple[Issue, ...]]:
    original = norm.original
    tasks: list[Task] = []
    issues: list[Issue] = []
    counters: dict[str, int] = {}
    standing: list[DepartmentRef] = []
    any_clause = any(d.clause or d.subclauses for d in drafts)
    unknown: dict[str, int] = {}
    for draft in drafts:
        end = draft.end
        while end > draft.start and original[end - 1].isspace():
            end -= 1
        start = draft.start
        while start < end and original[start].isspace():
            start += 1
        line = norm.line_of(start)
        clause = to_clause(draft.clause, original, norm.line_of(draft.clause.start)) if draft.clause else None
        subclauses = tuple(
            to_clause(c, original, norm.line_of(c.start), nested=True, sentence_span=_sentence_before(norm.text, c.start))
            for c in draft.subclauses
        )
        own = [clause] if clause else list(subclauses)
        lead = _dedupe([r for c in own for r in c.lead])
        participants = _dedupe([r for c in own for r in c.participants])
        implementers = [r for c in own for r in c.implementers]
        implementers.extend(
            replace(r, inherited=True) for r in standing if r.canonical not in {i.canonical for i in implementers}
        )
        counters[draft.section.id] = counters.get(draft.section.id, 0) + 1
        title_span = draft.title_span
        title = original[title_span[0]:title_span[1]] if title_span else ""
        tasks.append(
            Task(
                id=f"{draft.section.id}.{counters[draft.section.id]}",
                section=draft.section.id,
                title=title,
                text=original[start:end],
                line=line,
                span=(start, end),
                title_span=title_span,
                lead=lead,
                participants=participants,
                implementers=_dedupe(implementers),
                clause=clause,
                subclauses=subclauses,
            )
        )
        if clause is None and not subclauses and any_clause:
            issues.append(Issue(code="task-without-clause", message=f"task {title!r} has no responsibility clause", line=line, span=(start, end)))
        for c in own:
            if not c.closed:
                issues.append(Issue(code="clause-unclosed", message=f"clause {c.text!r} is missing a bracket", line=c.line, span=c.span))
            for ref in (*c.lead, *c.participants, *c.implementers, *c.standing):
                if not ref.known:
                    unknown.setdefault(ref.name, norm.line_of(ref.span[0]))
            if c.standing:
                standing = list(c.standing)
    for name, line in unknown.items():
        issues.append(Issue(code="department-unknown", message=f"department {name!r} is not in the rules' registry", line=line))
    return tuple(tasks), tuple(issues)


def _sentence_before(text: str, pos: int) -> tuple[int, int]:
    """The sentence a nested clause follows: back to the previous stop or comma list start."""
    back = max(text.rfind(ch, 0, pos) for ch in "。;!?\n")
    return back + 1, pos
