"""Runs the stages in order and collects their problems."""

from __future__ import annotations

import functools
import gc
import hashlib
import re
from pathlib import Path

from policyx.text.corpus import CorpusEntry, resolve
from policyx.extract.baselines import split_baselines
from policyx.extract.defined_names import defined_names, with_defined_names
from policyx.extract.parties import parties, with_parties
from policyx.extract.deadlines import deadline_hits, festivals_after
from policyx.extract.offsets import to_original_offsets
from policyx.extract.schedule import date_by_schedule
from policyx.extract.placement import all_deadlines, attach_to_tasks, document_targets, with_default_deadline, with_group_deadlines
from policyx.errors import InputError
from policyx.model import Document, DocumentInfo, Issue
from policyx.text.noise import NoiseRule
from policyx.text.normalize import Normalized, to_simplified
from policyx.text.reader import SourceText, read_source
from policyx.text.warm import search_lines
from policyx.rules import RuleSet, load_rules
from policyx.rules.document import DocumentRules
from policyx.extract.sections import inline_field_breaks, inline_heading_breaks, segment
from policyx.extract.sections.footnotes import footnote_marks
from policyx.extract.sections.inline_fields import bracketed_labels
from policyx.extract.sections.spaced import spaced_characters
from policyx.extract.sections.word_numbering import numbering_tabs
from policyx.extract.sections.wraps import markers_alone, wrapped_lines
from policyx.extract.tables.html_rows import html_rows, merged_cells
from policyx.extract.tables.quoted import quoted_cells
from policyx.extract.tables import consistency, extract_tables, fill_from_tables, indicator_targets, link_to_body, table_tasks
from policyx.extract.tasks import FEW_ATTRIBUTED_ITEMS, extract_tasks, outside_safeguards
from policyx.text.sentences import SENTENCE_STOP


def _guess_title(norm: Normalized, rules: DocumentRules) -> str | None:
    """The plan's own title line, near the top: short, ending in 方案/规划/意见…

    A title that is not a cover letter ("关于印发…的通知") is preferred, then
    the document a cover letter near the top sends ("印发《…》"), then the
    cover letter's own title.
    """
    candidates: list[str] = []
    for number, raw, start in _title_lines(norm):
        text = raw.strip()
        if not text:
            continue
        if len(candidates) > 60 or number > 80:
            break
        word = rules.title_word.search(text) if len(text) <= _TITLE_LINE else None
        if word and not _FULL_STOP.search(text) and not rules.title_not_heading.match(text):
            if word.groupdict().get("news"):
                text = text[:word.start("news")]  # ("…三年行动计划发布": a news page says it came out)
            # the original's words at the working copy's span: markup around
            # a title ("<p style=…>title</p>") is masked in the working copy
            start += len(raw) - len(raw.lstrip())
            marker = rules.title_item_marker.match(text)
            skip = marker.end() if marker and marker.end() < len(text) else 0
            candidates.append(norm.source[start + skip:start + len(text)])
    for title in candidates:
        if not rules.cover_letter.search(title):
            return title
    sent = rules.title_sent.search(norm.text, 0, _TITLE_SENT_WITHIN)
    if sent:
        return norm.clean(*sent.span("title"))
    return candidates[0] if candidates else None


_TITLE_SENT_WITHIN = 1000  # characters from the top where a cover letter names the plan it sends


def _title_lines(norm: Normalized):
    """``(line number, text, start)`` of the lines near the top; a long line
    in the paragraphs a crawler ran into it, each kept after its indent (two
    ideographic spaces, "　　"), up to _TITLE_SENT_WITHIN characters in."""
    for line in norm.lines():
        if len(line.text) <= _TITLE_LINE or line.start >= _TITLE_SENT_WITHIN:
            yield line.number, line.text, line.start
            continue
        at = line.start
        for indent in _INDENT.finditer(norm.text, line.start, min(line.end, _TITLE_SENT_WITHIN)):
            yield line.number, norm.text[at:indent.start()], at
            at = indent.end()
        yield line.number, norm.text[at:line.end], at


_TITLE_LINE = 60  # characters: a title line is no longer
_INDENT = re.compile("[ \t]{2,8}")  # (the working copy's two ideographic spaces of a paragraph's indent)


# punctuation: a title has no full stop (the words are in rules/document.yaml)
_FULL_STOP = SENTENCE_STOP


def guess_date(original: str, rules: DocumentRules) -> str | None:
    """The plan's date: a "发布日期: 2016-07-27" line of its web page, else the
    first line that is only a date (the signature: "2015年10月19日"), else a
    signature run into the text after a cover letter's last sentence
    ("…认真贯彻落实。国务院办公厅2020年11月1日（此件公开发布）"), else a date
    between runs of spaces in a plan run into one line, whatever ends
    the lines (a file saved on Windows ends them with \r\n). Searched on
    the original: the working copy blanks a date line as a web page's chrome."""
    import datetime as dt

    if "\r" in original:
        original = original.replace("\r\n", "\n").replace("\r", "\n")
    for pattern in (rules.published, rules.signature_date, rules.signature_run_in, rules.signature_joined):
        m = search_lines(pattern, original)
        if m:
            try:
                return dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None


def guess_year(text: str, rules: DocumentRules) -> int | None:
    """The plan's year when it has no date, for dates written without one: the
    first year its opening words name ("2023年省政府民生实事项目实施计划")."""
    m = rules.year_named.search(text, 0, 600)
    return int(m.group("year")) if m else None


def _earliest_year(text: str, rules: DocumentRules) -> int | None:
    years = [int(m.group("year")) for m in rules.year_named.finditer(text)
             if not rules.baseline_before.search(text, max(0, m.start() - 3), m.start())]
    return min(years) if years else None


def guess_level(title: str | None, rules: DocumentRules) -> str | None:
    """Whose plan a title names: 新疆维吾尔自治区… → province, 昌吉州… → prefecture
    (in simplified characters, inside the brackets a news page puts it in:
    "《內蒙古自治區…方案》(征求意見稿)")."""
    if not title:
        return None
    words = to_simplified(title).lstrip(_TITLE_OPENERS)
    for level, pattern in rules.issuer_levels:
        if pattern.search(words):
            return level
    return None


_TITLE_OPENERS = "《〈“\" \t\u3000"


def noise_rules(rules: RuleSet) -> tuple[NoiseRule, ...]:
    """The noise rules in the form the working copy takes them."""
    return tuple(NoiseRule(r.pattern, r.extra.get("action", "blank")) for r in rules.noise)


def _collector_paused(function):
    """``function`` run with Python's cycle collector paused (as it was, after).

    Reading a plan makes many small objects that hold no cycles — on a plan
    of many headings hundreds of thousands — and every pass of the collector
    walks all that are alive: a third of the time of 1 MB of heading lines.
    Reference counting frees them all the same."""
    @functools.wraps(function)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return paused


@_collector_paused
def extract_text(
    text: str,
    rules: RuleSet | None = None,
    *,
    doc_id: str = "document",
    title: str | None = None,
    path: str | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
    level: str | None = None,
    date: str | None = None,
    source_format: str = "text",
    origins: tuple = (),
) -> Document:
    """Extract the structure of one plan from its text.

    A pure function of its arguments: the same text and rules give the same
    Document, which is picklable.

    >>> doc = extract_text("一、总体要求\\n（一）目标。到2020年完成。\\n")
    >>> [s.id for s in doc.sections]
    ['1', '1.1']
    """
    encoded = _as_utf8(text)
    rules = rules or load_rules()
    norm = Normalized(text, noise_rules(rules))
    layout_issues = _columns_read_in_turn(norm)
    norm.join_lines(spaced_characters(norm), blanks=numbering_tabs(norm, rules))
    norm.join_lines((), blanks=footnote_marks(norm, rules))
    norm.join_lines(*wrapped_lines(norm, rules))
    norm.join_lines(*quoted_cells(norm))
    norm.join_lines(*html_rows(norm))
    norm.respell(merged_cells(norm))
    norm.join_lines(markers_alone(norm, rules))
    field_breaks = inline_field_breaks(norm, rules)
    norm.insert_breaks(field_breaks)
    norm.respell(bracketed_labels(norm, rules))
    norm.insert_breaks(inline_heading_breaks(norm, rules, after_fields=bool(field_breaks)))
    sections, section_issues = segment(norm, rules)
    parsed = extract_tables(norm, sections, rules)
    notice = _title_line_near_top(norm, rules.document.sending_notice, _TITLE_SENT_WITHIN)
    tasks, task_issues, restatable = extract_tasks(norm, sections, rules, tables=tuple(
        (p.table.span[0], max(p.table.span[1], p.notes_end)) for p in parsed),  # (its notes are no tasks either)
        task_tables=any(p.table.kind == "task" for p in parsed), sends_a_plan=notice is not None)
    date = date or guess_date(text, rules.document)
    plan_year = int(date[:4]) if date else guess_year(norm.text, rules.document)
    hits = deadline_hits(norm.text, 0, rules.deadlines)  # the same phrases, whatever the plan's year
    deadlines = all_deadlines(norm, rules, plan_year, hits)
    if plan_year is None:
        # a page of a plan with no date: its dates without a year ("7月底前")
        # are taken to be in the year of its earliest dated deadline, or the
        # earliest year it names
        years = [int(d.date[:4]) for d in deadlines if d.kind == "by" and d.date]
        plan_year = min(years) if years else _earliest_year(norm.text, rules.document)
        if plan_year is not None:
            deadlines = all_deadlines(norm, rules, plan_year, hits)
    deadlines = festivals_after(deadlines, date, rules.deadlines)
    tasks = date_by_schedule(attach_to_tasks(tasks, norm, rules, deadlines), sections, norm.text, deadlines, rules)
    tasks, from_tables, task_issues, table_issues = _with_table_tasks(
        tasks, task_issues, parsed, norm, rules, deadlines, plan_year, sections, restatable,
        _plan_sent_at(norm, notice, sections) if notice is not None and not tasks else None)
    names = defined_names(norm.text, rules.departments)  # ("市生态环境局（以下简称市环境局）")
    tasks, from_tables = with_defined_names(tasks, names), with_defined_names(from_tables, names)
    agreed = parties(norm.text, rules.departments)  # ("乙方：楚东村民委员会" … "乙方负责…")
    tasks, from_tables = with_parties(tasks, agreed, rules.departments), with_parties(from_tables, agreed, rules.departments)
    # ("注：…未明确完成时限的，均须于2026年12月底前完成": every task that names no date of its own)
    tasks, from_tables = (with_default_deadline(found, norm.text, deadlines, rules, sections) for found in (tasks, from_tables))
    tasks = with_group_deadlines(tasks, norm.text, deadlines, rules, sections)  # ("一、6月底前完成的任务（8项）")
    targets = (*document_targets(norm, sections, (*tasks, *from_tables), rules, deadlines),
               *indicator_targets(parsed, norm, rules))
    targets, baselines = split_baselines(targets, plan_year)  # a table of the last plan's targets looks back
    title = title if title is not None else _guess_title(norm, rules.document)
    info = DocumentInfo(
        id=doc_id,
        title=title,
        path=path,
        sha256=sha256 or hashlib.sha256(encoded).hexdigest(),
        chars=len(text),
        encoding=encoding,
        lines=norm.line_count,
        level=level or guess_level(title, rules.document),
        date=date,
        format=source_format,
    )
    document = Document(
        info=info,
        sections=sections,
        tasks=(*tasks, *from_tables),
        targets=targets,
        baselines=baselines,
        tables=tuple(p.table for p in parsed),
        warnings=(*layout_issues, *section_issues, *task_issues, *table_issues,
                  *_attributions_unread((*tasks, *from_tables), norm, title, rules.document)),
        noise=norm.noise_spans,
        origins=tuple(origins),
    )
    return to_original_offsets(document, norm) if norm.edited else document


def _columns_read_in_turn(norm: Normalized) -> tuple[Issue, ...]:
    """Said where pages of two columns side by side (a gazette's PDF copied with its layout) were put in reading order."""
    if not norm.two_column_pages:
        return ()
    return (Issue(code="two-columns", line=None,
                  message=f"{norm.two_column_pages} page(s) hold two columns side by side (a PDF copied with its layout): "
                          "read down the left column, then the right; each item keeps its line in the file"),)


def _as_utf8(text) -> bytes:
    """The text in UTF-8 (what its digest is of); what is no text is refused in words."""
    if not isinstance(text, str):
        raise InputError(f"extract_text takes a plan's text as str, not {type(text).__name__}"
                         + (": decode it first, or give the file to extract_file" if isinstance(text, (bytes, bytearray))
                            else ""))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"the text holds a character no file can: {text[exc.start:exc.end]!r} at offset {exc.start} "
                         "(a lone surrogate, left by a broken decoding)") from None


def _with_table_tasks(tasks, task_issues, parsed, norm: Normalized, rules: RuleSet, deadlines, plan_year, sections,
                      restatable=(), plan_at: int | None = None):
    """(body tasks, table tasks, task issues, table issues): each task table's
    rows as tasks, linked to the body tasks they restate and filling them in
    — and to the ``restatable`` items no clause attributes, each then a task
    of the body; where the rows restate no body item and no body item has a
    clause, the items of the plan's closing safeguards (保障措施 …) are no tasks.
    ``plan_at``: in a notice that sends a plan and a table of tasks, where the
    plan it sends starts (its title's line): the items after it are tasks
    unless the table divides them, restating some."""
    row_deadlines = [d for d in deadlines if rules.deadlines.is_deadline(d.rule)]
    body = tuple(sorted((*tasks, *restatable), key=lambda t: t.span[0])) if restatable else tasks
    from_tables = link_to_body(table_tasks(parsed, norm, rules, row_deadlines, plan_year), body)
    restated = _promoted(restatable, from_tables, plan_at)
    if restated:  # (an item with no clause that a row attributes: the row's words are its clause)
        added = attach_to_tasks(tuple(t for t in restatable if t.id in restated), norm, rules, deadlines)
        tasks = tuple(sorted((*tasks, *added), key=lambda t: t.span[0]))
        spans = {t.span for t in added}
        task_issues = tuple(i for i in task_issues if not (i.code == "task-without-clause" and i.span in spans
                                                          or i.code == "items-without-clauses"
                                                          and len(restatable) - len(added) < FEW_ATTRIBUTED_ITEMS))
    if from_tables and not any(r.restates for r in from_tables):
        kept = {id(t) for t in outside_safeguards(tasks, sections, rules.tasks)}
        tasks = tuple(t for t in tasks if t.clause or id(t) in kept)
    tasks = fill_from_tables(tasks, from_tables)
    table_issues = consistency(tasks, from_tables, parsed)
    if from_tables:  # (its tasks are in its tables: its numbered headings alone are no missed task; its clauses are)
        task_issues = tuple(i for i in task_issues if i.code != "no-tasks" or "clause" in i.message)
    return tasks, from_tables, task_issues, table_issues


def _attributions_unread(tasks, norm: Normalized, title: str | None, rules: DocumentRules) -> tuple[Issue, ...]:
    """A document that divides tasks among offices (责任分工 in its title or a
    title-like line near its top, not in a sentence: "为明确工作分工，…") none
    of whose tasks names a department: the form its attributions are written
    in was not read — said, not left as tasks that no one answers for."""
    if not tasks or any(t.lead or t.participants or t.implementers for t in tasks):
        return ()
    found = rules.division_title.search(title or "") or _title_line_near_top(norm, rules.division_title, _DIVISION_WITHIN)
    if not found:
        return ()
    return (Issue(code="attribution-unread", line=None,
                  message=f"the plan divides tasks among offices ({found.group()!r}), but none of its {len(tasks)} "
                          "task(s) names a department: its attributions are in a form policyx does not read yet "
                          "(a table run together into lines?)"),)


_DIVISION_WITHIN = 400  # characters from the top where a division of tasks says what it is


def _promoted(restatable, from_tables, plan_at: int | None) -> set[str]:
    """The ids of the items no clause attributes that are tasks: those a row
    restates — or, beside a table that restates none (a project list beside a
    plan a notice sends), every one of the plan's, after ``plan_at``."""
    restated = {r.restates for r in from_tables} & {t.id for t in restatable}
    if plan_at is not None and not restated:
        return {t.id for t in restatable if t.span[0] >= plan_at}
    return restated


def _plan_sent_at(norm: Normalized, notice, sections) -> int:
    """Where the plan a notice sends starts: the line that is its title
    ("关于印发某县2026年乡村振兴重点工作方案的通知" … "某县2026年乡村振兴重点工作方案"), after the
    notice's own title (0 where none is: the text is the plan's). An annex's
    title is no plan of the text: its table is the plan ("附件" / "2026年省政府
    重点工作任务清单", province-key-tasks-with-leaders-2026), the text before it the notice's."""
    title = notice.group("title").strip() if "title" in notice.re.groupindex else ""
    after = norm.text.find("\n", notice.end())
    if not title or after < 0:
        return 0
    for line in norm.lines(after + 1, len(norm.text)):
        if line.text.strip().lstrip("#").strip() == title:  # (a Markdown heading's too: "# 绵阳市2025年数字政府建设工作要点")
            in_annex = any(s.kind == "appendix" and s.span[0] <= line.start < s.end for s in sections)
            return len(norm.text) if in_annex else line.start
    return 0


def _title_line_near_top(norm: Normalized, pattern, within: int):
    """The words ``pattern`` finds in a title-like line (no sentence) ``within``
    characters of the top: the document divides tasks, it sends a plan…"""
    for _, raw, start in _title_lines(norm):
        if start >= within:
            return None
        line = raw.strip()
        found = pattern.search(line) if len(line) <= _TITLE_LINE and not _FULL_STOP.search(line) else None
        if found:
            return found
    return None


def read_plan(name_or_path: str | Path) -> tuple[SourceText, Path | None, CorpusEntry | None]:
    """The text of a plan given as a path, a corpus name, or ``-`` for stdin
    (extracted from a Word, PDF or Excel file), with its path and corpus entry."""
    path, entry = resolve(str(name_or_path))
    return read_source(path if path is not None else "-"), path, entry


def extract_file(name_or_path: str | Path, rules: RuleSet | None = None, *, title: str | None = None,
                 level: str | None = None, date: str | None = None) -> Document:
    """Read and extract a plan given as a path, a corpus name, or ``-`` for stdin
    (``title``, ``level`` and ``date``, when given, win over the corpus manifest
    and the text)."""
    source, path, entry = read_plan(name_or_path)
    return extract_text(
        source.text,
        rules,
        doc_id=_doc_id(path, entry),
        title=title or (entry.title if entry and entry.title else None),
        path=source.path,
        sha256=source.sha256,
        encoding=source.encoding,
        level=level or (entry.level if entry else None),
        date=date or (entry.date if entry else None),
        source_format=source.format,
        origins=source.origins,
    )


def _doc_id(path: Path | None, entry: CorpusEntry | None) -> str:
    if entry is not None:
        return entry.id
    if path is None:
        return "stdin"
    return path.stem
