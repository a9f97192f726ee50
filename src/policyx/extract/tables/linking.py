"""Table rows against the body: which body task a row restates, departments a
body task takes from its rows, and where the two disagree."""

from __future__ import annotations

import operator
import sys
from itertools import compress

from policyx.extract.tables.row_dates import PERIOD_RULE
from policyx.extract.tables.cells import ParsedTable
from policyx.model import Clause, DepartmentRef, Issue, Task, replaced
from policyx.text.kept import Memo
from policyx.text.similarity import (
    char_grams, cosine, distinct_bigram_codes, distinct_bigrams, neighbour_codes, squared_norm,
)

CANDIDATES = 12  # body tasks scored for a sub-task: those sharing most of its bigrams


def link_to_body(tasks: list[Task], body: tuple[Task, ...]) -> list[Task]:
    """Each table task with the body task it restates.

    The rows of one sub-task (consecutive rows with one title) link together:
    score = 0.4 · title similarity (cosine of characters and bigrams) + 0.6 ·
    the share of the rows' distinct bigrams found in the body task's text; no
    link under 0.45; a row whose title the body task's text holds word for word
    is linked to it.  Candidates are the body tasks sharing most bigrams with
    the rows (the earlier first among equals), counted for all body tasks at
    once (:class:`_SharedBigrams`), so the work grows with the text, not with
    rows × tasks.
    """
    groups = _sub_task_rows(tasks)
    if not groups or not body:
        return list(tasks)
    row_grams, body_pairs = _bigrams(groups, body)
    shared = _SharedBigrams(body_pairs, row_grams)
    titles = _TitleGrams()
    by_title: dict[str, int] = {}
    for j, b in enumerate(body):
        by_title.setdefault(b.title, j)
    linked = []
    for group, grams in zip(groups, row_grams):
        candidates = shared.most(grams)
        same = by_title.get(group[0].title)  # (a row titled as a task is, among tasks alike but for a number: "加快地铁13号线建设")
        if same is not None and all(j != same for j, _ in candidates):
            candidates = [(same, shared.count(grams, same)), *candidates]
        best = _restated_body_task(group, len(grams), body, candidates, titles)
        target = body[best].id if best is not None else None
        linked.extend(replaced(t, restates=target) for t in group)
    return linked


def _bigrams(groups: list[list[Task]], body: tuple[Task, ...]) -> tuple[list, list]:
    """The distinct bigrams of each sub-task's rows, and each body task's
    characters with their next: as numbers (:func:`distinct_bigram_codes`),
    or as strings where a text holds a character outside the Basic
    Multilingual Plane."""
    texts = ["".join(t.text for t in group) for group in groups]
    rows = [distinct_bigram_codes(text) for text in texts]
    pairs = [neighbour_codes(b.text) for b in body]
    if any(r is None for r in rows) or any(p is None for p in pairs):
        # every pair of neighbours, not only those of Han runs: a wanted bigram is two Han
        # characters, which stand in one run wherever they are neighbours
        return [distinct_bigrams(text) for text in texts], [map(operator.add, b.text, b.text[1:]) for b in body]
    return rows, pairs


_BIG_ENDIAN = sys.byteorder == "big"
# the widths of a count's field (bits), with memoryview's format for an unsigned number that wide
_FIELDS = (("B", 8), ("H", 16), ("I", 32), ("Q", 64))


class _SharedBigrams:
    """How many of a sub-task's bigrams each body task holds, for every body
    task in one sum: each bigram of the rows is a number with a field of bits
    per body task, 1 in the fields of the tasks holding it; the sum over a
    sub-task's bigrams holds each task's count in its field (a count is at
    most the sub-task's number of bigrams, which the fields are wide enough for)."""

    def __init__(self, body_pairs: list, row_grams: list[set]) -> None:
        wanted = set().union(*row_grams)
        self.tasks = len(body_pairs)
        most = max(map(len, row_grams))
        self.format, width = next((f, w) for f, w in _FIELDS if most < 1 << w)
        self.width = width
        self.size = self.tasks * width // 8
        fields: dict = {}
        for j, pairs in enumerate(body_pairs):
            bit = 1 << (width * j)
            for gram in wanted.intersection(pairs):
                fields[gram] = fields.get(gram, 0) | bit
        self.fields = fields

    def most(self, grams: set) -> list[tuple[int, int]]:
        """``(position, count)`` of the CANDIDATES body tasks sharing most of
        ``grams``, most first, in body order among equals (none sharing none)."""
        total = sum(filter(None, map(self.fields.get, grams)))
        counts = memoryview(total.to_bytes(self.size, sys.byteorder)).cast(self.format).tolist()
        if _BIG_ENDIAN:
            counts.reverse()  # (each count reads right, but the last task's stands first)
        held = sorted(compress(range(self.tasks), counts), key=counts.__getitem__, reverse=True)
        return [(j, counts[j]) for j in held[:CANDIDATES]]

    def count(self, grams: set, j: int) -> int:
        """How many of ``grams`` body task ``j`` holds."""
        shift = self.width * j
        return sum((self.fields.get(g, 0) >> shift) & 1 for g in grams)


class _TitleGrams(dict):
    """``titles[words]``: the characters and bigrams of a title and their
    squared norm, made when first asked for (most body tasks are no row's
    candidate; a row's title is often its body task's), or kept from a plan
    linked before (a plan read again has all its own titles)."""

    def __missing__(self, words: str) -> tuple:
        found = _KEPT_TITLES.get(words)
        if found is None:
            grams = char_grams(words)
            found = _KEPT_TITLES.keep(words, (grams, squared_norm(grams)))
        self[words] = found
        return found


# the titles of the plans linked so far, forgotten past a bound (a long one is not kept)
MAX_KEPT_TITLES = 5_000
MAX_KEPT_TITLE_CHARS = 200
_KEPT_TITLES = Memo(MAX_KEPT_TITLES, MAX_KEPT_TITLE_CHARS)


def _sub_task_rows(tasks: list[Task]) -> list[list[Task]]:
    """Consecutive rows of one table with one title: the rows of a sub-task."""
    groups: list[list[Task]] = []
    for t in tasks:
        if groups and groups[-1][0].table == t.table and groups[-1][0].title == t.title:
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _restated_body_task(group: list[Task], grams: int, body: tuple[Task, ...], candidates: list[tuple[int, int]],
                        titles: _TitleGrams) -> int | None:
    """The position of the body task a sub-task's rows restate (scored as in
    ``link_to_body``, among its ``candidates``: positions and bigrams shared),
    or None under 0.45; ``grams``: how many distinct bigrams the rows' text has."""
    words = group[0].title
    title, title_norm = titles[words]
    may_be_named = len(words) >= 4
    best, best_score = None, 0.0
    for j, count in candidates:
        share = 0.6 * count / max(1, grams)
        named = may_be_named and words in body[j].text  # "一是健全举报制度" inside a task
        if 0.4 * _COSINE_CEILING + share <= best_score and (not named or 0.8 <= best_score):
            # (even titles alike in every character would not score higher; nor would the
            # candidates after, which share fewer bigrams, once a score reaches what naming gives)
            if best_score >= 0.8:
                break
            continue
        body_title, body_norm = titles[body[j].title]
        score = 0.4 * cosine(title, body_title, (title_norm, body_norm)) + share
        if named:
            score = max(score, 0.8)
        if score > best_score:
            best, best_score = j, score
    return best if best_score >= 0.45 else None


_COSINE_CEILING = 1 + 1e-9  # a cosine is at most 1 (a rounding may pass it by an ulp)


def fill_from_tables(body: tuple[Task, ...], table: list[Task]) -> tuple[Task, ...]:
    """Body tasks without a clause take their departments from the table rows
    that restate them (a responsible-unit column is a clause too), and their
    dates when they state none."""
    by_body = _rows_by_body_task(table)
    if not by_body:
        return body
    out = []
    for task in body:
        rows = by_body.get(task.id)
        if task.clause or task.subclauses or not rows or not any(r.lead or r.implementers for r in rows):
            out.append(task)
            continue
        lead = _union(r.lead for r in rows)
        participants = _union(r.participants for r in rows)
        implementers = _union(r.implementers for r in rows)  # ("十大重点行业专项治理方案（各地区）": 各地区 carry it out)
        first = rows[0]
        clause = Clause(text=first.text, span=first.span, line=first.line, lead=lead, participants=participants,
                        implementers=implementers, form="table")
        deadlines = _with_row_dates(task.deadlines, _distinct((d for r in rows for d in r.deadlines), lambda d: (d.kind, d.date)))
        # (a row's figures the body item does not state: a year's goal in the row's column, "2025年目标 | 新增快充桩400个")
        stated = {_figure(t) for t in task.targets}
        # (…not a month's or a quarter's: it dates the item, but its figure is the period's, "履约率达到75%" under
        # 三季度 beside the item's "85%", zone-development-plan-2026)
        targets = (*task.targets, *_distinct((t for r in rows for t in r.targets if _figure(t) not in stated
                                              and t.rule != PERIOD_RULE),
                                             lambda t: (*_figure(t), t.year)))  # (7000个 in 2025 and again in 2026: two)
        out.append(replaced(task, lead=lead, participants=participants, implementers=implementers, clause=clause,
                            deadlines=deadlines, targets=targets))
    return tuple(out)


def _with_row_dates(stated: tuple, in_rows: tuple) -> tuple:
    """A body task's dates with those of the rows that restate it: the row's
    完成时限 beside the item's own ("到2027年…" and "2027年底前"; each mention,
    as a bracket's beside its sentence's); where the item states its own, not
    the rows' milestones over several years (province-three-year-milestones-2024)."""
    if stated and len(in_rows) > 1:
        return stated
    return (*stated, *in_rows)


def _figure(target) -> tuple:
    """A figure as the body and its rows both write it (the row's column may give it a year the body leaves out)."""
    return target.comparator, target.value, target.unit


def _rows_by_body_task(table: list[Task]) -> dict[str, list[Task]]:
    """Table rows by the id of the body task they restate."""
    by_body: dict[str, list[Task]] = {}
    for t in table:
        if t.restates:
            by_body.setdefault(t.restates, []).append(t)
    return by_body


def _union(groups) -> tuple[DepartmentRef, ...]:
    return _distinct((ref for group in groups for ref in group), lambda ref: ref.canonical)


def _distinct(items, key) -> tuple:
    """The items in order, each ``key`` once (the units of several rows; the dates of rows that restate one task)."""
    seen: set = set()
    out = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return tuple(out)


def _functions(refs) -> set[str]:
    return {r.function if r.known and r.function else r.name for r in refs}


def _dates(deadlines) -> set[tuple[str, str]]:
    """(kind, date) pairs; "自2016年起每季度" also counts as from 2016-01-01."""
    out = set()
    for d in deadlines:
        if d.date:
            out.add((d.kind, d.date))
        if d.kind == "every" and d.start:
            out.add(("from", d.start))
    return out


def consistency(body: tuple[Task, ...], table: list[Task], parsed: list[ParsedTable]) -> list[Issue]:
    """Where a plan and its own tables disagree (code body-table-mismatch):
    for each body task with a clause of its own and rows restating it, the
    lead and the deadlines on either side; and tables whose caption states a
    number of rows they do not have."""
    issues = []
    by_body = _rows_by_body_task(table)
    for task in body if by_body else ():
        rows = by_body.get(task.id)
        if not rows or not (task.clause and task.clause.form != "table"):
            continue
        issues.extend(_lead_mismatch(task, rows))
        issues.extend(_row_deadlines_not_in_body(task, rows))
        issues.extend(_body_deadlines_not_in_rows(task, rows))
    issues.extend(_stated_count_mismatch(parsed))
    issues.extend(_rows_unread(table, parsed))
    return issues


def _rows_unread(table: list[Task], parsed: list[ParsedTable]) -> list[Issue]:
    """Tables of tasks (a lead column) with rows none of which gave a task:
    said, not left silently empty (a form of row or of work column not read)."""
    read = {t.table for t in table}
    return [Issue(code="table-rows-unread", line=p.table.line,
                  message=f"{p.table.id} lists {len(p.table.rows)} row(s) under {', '.join(c for c in p.table.columns if c)}, "
                          "but no task could be read from them: its work column is in a form policyx does not read yet")
            for p in parsed if p.table.kind == "task" and p.table.rows and p.table.id not in read
            and _EXPECTS_TASKS.intersection(p.roles)]


_EXPECTS_TASKS = frozenset({"work", "task", "deadline", "target"})  # (not a contact list: 责任单位 | 联络员 | 联系电话)


def _lead_mismatch(task: Task, rows: list[Task]) -> list[Issue]:
    """The body's lead against the leads of the rows restating the task
    (compared by function, so two names of one office agree)."""
    table_lead = _union(r.lead for r in rows)
    if not (table_lead and task.lead and _functions(table_lead) != _functions(task.lead)):
        return []
    return [Issue(
        code="body-table-mismatch", line=task.line,
        message=f"task {task.id} {task.title!r}: the body names lead {'、'.join(r.name for r in task.lead)}, "
                f"{rows[0].table} names {'、'.join(r.name for r in table_lead)} (line {rows[0].line})",
    )]


def _row_deadlines_not_in_body(task: Task, rows: list[Task]) -> list[Issue]:
    """Each dated deadline of a row that the body task does not give."""
    body_dates = _dates(task.deadlines)
    return [
        Issue(
            code="body-table-mismatch", line=row.line, span=d.span,
            message=f"{row.table} gives {d.raw} ({d.kind} {d.date}) for {row.title!r}; the body task "
                    f"{task.id} (line {task.line}) has no such deadline",
        )
        for row in rows for d in row.deadlines if d.date and (d.kind, d.date) not in body_dates and d.rule != PERIOD_RULE
    ]



def _body_deadlines_not_in_rows(task: Task, rows: list[Task]) -> list[Issue]:
    """Each "by" or "from" date of the body task that no row restating it gives."""
    table_dates = _dates(d for row in rows for d in row.deadlines)
    starts_of_recurrences = {d.start for d in task.deadlines if d.kind == "every" and d.start}
    issues = []
    for d in task.deadlines:
        if d.kind == "from" and d.date in starts_of_recurrences:
            continue  # "自2016年起，每年…" against a row's "每年…": the same recurrence
        if d.date and d.kind in ("by", "from") and (d.kind, d.date) not in table_dates:
            issues.append(Issue(
                code="body-table-mismatch", line=d.line, span=d.span,
                message=f"task {task.id} {task.title!r} gives {d.raw} ({d.kind} {d.date}); {rows[0].table} "
                        f"(line {rows[0].line}) has no such deadline for it",
            ))
    return issues


def _stated_count_mismatch(parsed: list[ParsedTable]) -> list[Issue]:
    """Tables whose title states a number of rows other than they have."""
    issues = []
    for p in parsed:
        stated = p.table.stated_count
        if stated is not None and stated != len(p.table.rows):
            issues.append(Issue(
                code="body-table-mismatch", line=p.table.line,
                message=f"{p.table.id} says {stated} but has {len(p.table.rows)} rows",
            ))
    return issues
