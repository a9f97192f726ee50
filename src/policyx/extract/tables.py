"""Tables: tab-separated rows, or cells written one per line after a header.

What each column holds is read from its header (``rules/tables.yaml``): a
lead column makes a task table (its rows become tasks with ``source:
"table"``, linked to the body task they restate), an indicator column an
indicator table (its rows become the plan's targets), a 序号 column a list of
sites.  Tables flattened one cell per line are re-synchronised on their 序号
cells, or — for task tables — read cell by cell: a 一、 heading opens a group,
a （一） heading a task, a cell naming only offices is the lead, a short
sentence followed by a lead is a sub-task, anything else a work item.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal

import regex

from policyx.extract.deadlines import find_deadlines
from policyx.text.similarity import bigrams, char_grams, cosine
from policyx.extract.placement import deadlines_within
from policyx.model import Clause, Deadline, DepartmentRef, Issue, Section, Table, Target, Task
from policyx.text.normalize import Normalized
from policyx.extract.clauses import ParsedClause, as_written, read_unit_list
from policyx.rules import RuleSet
from policyx.rules.tables import TableRules
from policyx.extract.targets import find_targets, read_value

_TAB_ROW = regex.compile(r"\S[^\t\n]*\t+[^\t\n]*\S")
_PAGE_NUMBER = regex.compile(r"^\s*[0-9]{1,3}\s*$")
_SECTION_MARK = regex.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_UNIT_IN_NAME = regex.compile(r"\s*[(（]\s*(?P<unit>%|％|[^()（）\d]{1,8}?)\s*[)）]\s*$")
_FOOTNOTE_MARKS = regex.compile(r"[\s①②③④⑤⑥⑦⑧⑨⑩*＊]+$")
_TRAILING_DEADLINE = regex.compile(r"[(（]([^()（）]{2,16})[)）]?\s*[。;；]?\s*$")
_PERIOD_END_YEAR = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
_YEAR_HEADER = regex.compile(r"^\s*((?:19|20)[0-9]{2})\s*年\s*$")
_BOUND = {"≤": "<=", "≥": ">=", "<": "<", ">": ">", "＜": "<", "＞": ">"}


@dataclass(slots=True)
class Cell:
    text: str  # as written, web noise removed
    start: int
    end: int
    line: int
    key: str = ""  # the working copy's text (folded, simplified), for matching


@dataclass(slots=True)
class ParsedTable:
    """A table and the cells behind it (for tasks and targets with spans)."""

    table: Table
    cells: list[list[Cell | None]]
    roles: list[str | None]
    groups: list[str | None] = field(default_factory=list)

    @property
    def positions(self) -> dict[str, int]:
        """Column index of each role the header names."""
        return {role: self.roles.index(role) for role in set(self.roles) if role}


def column_role(header: str, rules: TableRules) -> str | None:
    compact = header.replace(" ", "")
    for role, words in rules.roles:
        if any(w.replace(" ", "") in compact for w in words):
            return role
    if _YEAR_HEADER.match(header) or any(p in header for p in _PERIOD_END_YEAR):
        return "target"
    return None


def column_roles(headers: list[str], rules: TableRules) -> list[str | None]:
    """Roles of a header row. Of several year columns ("2020年 | 2025年") the
    latest is the target and the earlier ones are baselines."""
    roles = [column_role(h, rules) for h in headers]
    years = {i: _header_year(h) for i, h in enumerate(headers) if roles[i] == "target"}
    dated = {i: y for i, y in years.items() if y is not None}
    if len(dated) > 1:
        latest = max(dated, key=dated.__getitem__)
        for i in dated:
            if i != latest:
                roles[i] = "baseline" if "baseline" not in roles else None
    return roles


def _header_year(header: str) -> int | None:
    year_match = _YEAR_HEADER.match(header)
    if year_match:
        return int(year_match.group(1))
    return next((y for k, y in _PERIOD_END_YEAR.items() if k in header), None)


def table_kind(roles: list[str | None]) -> str:
    if "lead" in roles:
        return "task"
    if "indicator" in roles:
        return "indicator"
    if "index" in roles:
        return "site"
    return "generic"


def _clean(norm: Normalized, start: int, end: int) -> str:
    """The original text of a span, without the web noise blanked in it."""
    original, working = norm.source, norm.text
    if not norm.noise_spans:
        return original[start:end].strip()
    kept = [original[i] for i in range(start, end) if not (working[i] == " " and original[i] != " " and not original[i].isspace())]
    return "".join(kept).strip()


def _cell(norm: Normalized, start: int, end: int) -> Cell | None:
    text = _clean(norm, start, end)
    if not text:
        return None
    lead_ws = len(norm.text[start:end]) - len(norm.text[start:end].lstrip())
    trail_ws = len(norm.text[start:end]) - len(norm.text[start:end].rstrip())
    return Cell(text, start + lead_ws, end - trail_ws, norm.line_of(start + lead_ws), norm.text[start:end].strip())


def _container(sections: tuple[Section, ...], offset: int) -> Section | None:
    """The box or appendix a table sits in, if any."""
    best = None
    for s in sections:
        if s.kind in ("box", "appendix") and s.span[0] <= offset < s.end:
            best = s
    return best


def _stated_count(title: str | None, rules: TableRules) -> int | None:
    if not title:
        return None
    m = rules.stated_count.search(title)
    if not m:
        return None
    return int(m.group("count") or m.group("count2"))


# -- tab-separated tables -----------------------------------------------------------


def _tab_runs(norm: Normalized) -> list[list]:
    """Runs of tab-separated rows; one blank line may stand between rows."""
    runs: list[list] = []
    current: list = []
    blanks = 0
    for line in norm.lines():
        text = line.text.strip()
        if "\t" in text and _TAB_ROW.search(line.text) or (current and "\t" in line.text and text):
            current.append(line)
            blanks = 0
        elif not text and current and blanks == 0:
            blanks += 1
        else:
            if current:
                runs.append(current)
            current, blanks = [], 0
    if current:
        runs.append(current)
    return runs


def _split_row(norm: Normalized, line) -> list[Cell | None]:
    cells: list[Cell | None] = []
    start = line.start
    for part in line.text.split("\t"):
        cells.append(_cell(norm, start, start + len(part)))
        start += len(part) + 1
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def _is_contents(rows: list[list[Cell | None]]) -> bool:
    pages = sum(1 for r in rows if len([c for c in r if c]) == 2 and r[-1] and _PAGE_NUMBER.match(r[-1].key))
    return pages >= max(2, len(rows) * 0.6)


def _tab_tables(norm: Normalized, sections: tuple[Section, ...], rules: TableRules) -> list[ParsedTable]:
    tables: list[ParsedTable] = []
    for run in _tab_runs(norm):
        rows = [_split_row(norm, line) for line in run]
        rows = [r for r in rows if any(r)]
        if len(rows) < 2 or _is_contents(rows):
            continue
        box = _container(sections, run[0].start)
        title = box.title if box else None
        # a caption repeated as the table's first row: "专栏2 …（共20项）\t\t\t\t"
        while rows and len([c for c in rows[0] if c]) == 1 and rows[0][0] and (
            (box and rows[0][0].key.replace(" ", "").startswith(box.id)) or rows[0][0].key.startswith(("专栏", "附表", "表"))
        ):
            title = title or rows[0][0].text
            rows = rows[1:]
        if len(rows) < 2:
            continue
        header = [c.text if c else "" for c in rows[0]]
        width = max(len(header), *(len(r) for r in rows[1:]))
        header += [""] * (width - len(header))
        roles = column_roles([c.key if c else "" for c in rows[0]], rules) + [None] * (width - len(rows[0]))
        body_rows, groups, current_group = [], [], None
        for r in rows[1:]:
            filled = [c for c in r if c]
            if len(filled) == 1 and r[0] and (rules.group_row.match(r[0].key) or regex.search(r"[（(][0-9]+项[)）]", r[0].key)):
                current_group = r[0].text
                continue
            body_rows.append(r + [None] * (width - len(r)))
            groups.append(current_group)
        footnotes = _footnotes(norm, run[-1].end, rules)
        tables.append(_make(norm, box, title, header, roles, body_rows, groups, "tab", run[0].start, run[-1].end,
                            footnotes, rules, len(tables)))
    return tables


def _footnotes(norm: Normalized, after: int, rules: TableRules) -> tuple[str, ...]:
    notes = []
    started = False
    for line in norm.lines(after, len(norm.text)):
        if line.start <= after:
            continue
        text = line.text.strip()
        if not text:
            continue
        if rules.footnote.match(line.text) or (started and regex.match(r"^\s*[①②③④⑤⑥⑦⑧⑨⑩]", line.text)):
            notes.append(_clean(norm, line.start, line.end))
            started = True
            continue
        break
    return tuple(notes)


def _make(norm, box, title, header, roles, rows, groups, form, start, end, footnotes, rules, n) -> ParsedTable:
    table_id = box.id if box else f"table-{n + 1}"
    table = Table(
        id=table_id,
        title=title,
        line=norm.line_of(start),
        span=(start, end),
        columns=tuple(header),
        rows=tuple(tuple(c.text if c else "" for c in r) for r in rows),
        kind=table_kind(roles),  # type: ignore[arg-type]
        form=form,  # type: ignore[arg-type]
        section=box.id if box else None,
        row_lines=tuple(max((c.line for c in r if c), default=0) for r in rows),
        row_groups=tuple(groups),
        stated_count=_stated_count(title, rules),
        footnotes=footnotes,
    )
    return ParsedTable(table, rows, roles, list(groups))


# -- tables flattened one cell per line ----------------------------------------------


def _flat_cells(norm: Normalized, start: int, end: int) -> list[Cell]:
    cells = []
    for line in norm.lines(start, end):
        if line.end <= start or line.start >= end:
            continue
        cell = _cell(norm, max(line.start, start), min(line.end, end))
        if cell:
            cells.append(cell)
    return cells


def _header(cells: list[Cell], rules: TableRules) -> int:
    """How many leading cells form the header run."""
    count = 0
    for cell in cells:
        text = cell.key
        if len(text) > 16 or _PAGE_NUMBER.match(text) or _SECTION_MARK.match(text) or regex.search(r"[。;；]", text):
            break
        count += 1
    return count if count >= 2 and any(rules.header_words.search(c.key) for c in cells[:count]) else 0


def _flattened_tables(norm: Normalized, sections: tuple[Section, ...], registry, resp, rules: TableRules) -> list[ParsedTable]:
    tables = []
    for s in sections:
        if s.kind != "appendix":
            continue
        start = s.title_span[1] if s.title else s.body_start
        end = s.end
        if any(_TAB_ROW.search(line.text) for line in norm.lines(start, end)):
            continue
        cells = _flat_cells(norm, start, end)
        n = _header(cells, rules)
        if not n:
            continue
        header = [c.text for c in cells[:n]]
        roles = column_roles([c.key for c in cells[:n]], rules)
        data = cells[n:]
        if "index" in roles:
            rows = _rows_by_index(data, len(header))
            groups = [None] * len(rows)
        else:
            rows, groups = _task_rows(data, header, roles, registry, resp)
        tables.append(_make(norm, s, s.title, header, roles, rows, groups, "flattened", cells[0].start,
                            cells[-1].end, (), rules, len(tables)))
    return tables


def _rows_by_index(cells: list[Cell], width: int) -> list[list[Cell | None]]:
    """Cells grouped into rows at each 序号 (1, 2, 3 …); a row with fewer cells
    than the one above lost its leading cells to a cell spanning rows, which
    are carried down ("天池" for 天池中心 and 出口)."""
    rows: list[list[Cell]] = []
    for cell in cells:
        if _PAGE_NUMBER.match(cell.key) and int(cell.key) == len(rows) + 1:
            rows.append([cell])
        elif rows:
            rows[-1].append(cell)
    out: list[list[Cell | None]] = []
    for i, row in enumerate(rows):
        index, rest = row[0], row[1:]
        if out and len(rest) < len([c for c in out[-1][1:] if c]):
            previous = [c for c in out[-1][1:] if c]
            rest = previous[: len(previous) - len(rest)] + rest
        full: list[Cell | None] = [index, *rest][:width]
        out.append(full + [None] * (width - len(full)))
    return out


def _is_departments(text: str, registry, resp) -> bool:
    """A cell that names offices only, at least one of them known to the
    registry ("建立环境信息政府网站" ends like an office but is a task)."""
    refs = [registry.resolve(u) for u, _ in _units(text, registry, resp)]
    return bool(refs) and any(r.known for r in refs) and all(r.known or registry.looks_like_office(r.name) for r in refs)


def _units(text: str, registry, resp):
    from policyx.extract.clauses import split_units

    return split_units(text, 0, registry, resp)


def _task_rows(cells: list[Cell], header: list[str], roles: list[str | None], registry, resp):
    """Read a flattened task table cell by cell (see the module docstring).

    A lead cell may be repeated before each work item of its sub-task
    ("商务局、经信委" three times in changji 附表1), so a short sentence right
    after a lead is a work item, not the next sub-task.
    """
    col = {role: roles.index(role) for role in ("task", "subtask", "lead", "work") if role in roles}
    width = len(header)
    rows: list[list[Cell | None]] = []
    groups: list[str | None] = []
    group = task = subtask = lead = None
    previous_was_lead = False
    for i, cell in enumerate(cells):
        text = cell.key
        following = cells[i + 1] if i + 1 < len(cells) else None
        after_lead, previous_was_lead = previous_was_lead, False
        if regex.match(r"^\s*[一二三四五六七八九十]+、", text):
            group, task, subtask, lead = text, None, None, None
        elif regex.match(r"^\s*[(（][一二三四五六七八九十]+[)）]", text):
            task, subtask, lead = cell, None, None
        elif _is_departments(text, registry, resp):
            lead, previous_was_lead = cell, True
        elif (len(text) <= 32 and not after_lead and not _TRAILING_DEADLINE.search(text) and following is not None
              and _is_departments(following.key, registry, resp)):
            # a sub-task comes before its lead, never right after one
            subtask, lead = cell, None
        else:
            row: list[Cell | None] = [None] * width
            for role, value in (("task", task), ("subtask", subtask), ("lead", lead), ("work", cell)):
                if role in col:
                    row[col[role]] = value
            rows.append(row)
            groups.append(group)
    return rows, groups


# -- from tables to tasks and targets ------------------------------------------------


def _row_departments(row: list[Cell | None], at: dict[str, int], norm: Normalized, rules: RuleSet):
    """Lead, participants and implementers of a task row: each column gives
    its role, unless the cell writes its own ("市住建局（牵头）、市发改委")."""
    parsed = ParsedClause()
    for role, column in (("lead", "lead"), ("participant", "participants")):
        cell = row[at[column]] if column in at else None
        if cell is not None:
            read_unit_list(norm.text[cell.start:cell.end], cell.start, role, rules.departments, rules.responsibility, parsed)
    source = norm.source
    return (as_written(parsed.lead, source, "table.lead_column"), as_written(parsed.participants, source, "table.participants_column"),
            as_written(parsed.implementers, source, "table.lead_column"))


def _first_sentence(text: str) -> str:
    """A row's title: its first sentence, or its first phrase that is not only
    a time ("2017年底前，造纸行业力争完成…" → "造纸行业力争完成…")."""
    sentence = regex.split(r"[。;；]", text, maxsplit=1)[0]
    if len(sentence) <= 40:
        return sentence
    phrases = [p for p in regex.split(r"[,，]", sentence) if p.strip()]
    for phrase in phrases:
        if not regex.fullmatch(r"\s*(?:到|自|从|于|在)?\s*(?:19|20)[0-9]{2}\s*年[^\s]{0,4}", phrase):
            return phrase[:40]
    return sentence[:40]


def table_tasks(parsed: list[ParsedTable], norm: Normalized, rules: RuleSet, deadlines: list | None = None) -> list[Task]:
    """One task per row of every task table; ``deadlines`` are the plan's
    deadlines (found once over the whole text), else they are looked for here."""
    if deadlines is None:
        deadlines = find_deadlines(norm.text, 0, rules.deadlines, norm.source, norm.line_of)
    starts = [d.span[0] for d in deadlines]

    def within(cell: Cell | None) -> list:
        return deadlines_within(deadlines, starts, cell.start, cell.end) if cell else []

    tasks = []
    for p in (p for p in parsed if p.table.kind == "task"):
        at = p.positions
        for n, row in enumerate(p.cells, 1):
            work = row[at["work"]] if "work" in at else None
            if work is None and "task" in at:
                work = row[at["task"]]
            if work is None:
                continue
            subtask = row[at["subtask"]] if "subtask" in at else None
            heading = row[at["task"]] if "task" in at and at["task"] != at.get("work") else None
            if subtask is not None:
                title = subtask.text.rstrip("。")
            elif heading is not None and heading is not work:
                title = _SECTION_MARK.sub("", heading.text).strip().rstrip("。")
            else:
                title = _first_sentence(work.text)
            deadline_cell = row[at["deadline"]] if "deadline" in at else None
            in_column = within(deadline_cell) or _deadline_cell(deadline_cell, norm, rules.tables)
            row_deadlines = _row_deadlines(work, within(work), in_column, norm)
            targets = find_targets(norm.text[work.start:work.end], work.start, rules.targets, norm.source,
                                   norm.line_of, row_deadlines)
            due = next((int(d.date[:4]) for d in row_deadlines if d.kind == "by" and d.date), None)
            targets = [t if t.year is not None or due is None else replace(t, year=due) for t in targets]
            lead, participants, implementers = _row_departments(row, at, norm, rules)
            tasks.append(Task(
                id=f"{p.table.id}.{n}", section=p.table.section, title=title, text=work.text, line=work.line,
                span=(work.start, work.end), lead=lead, participants=participants, implementers=implementers,
                source="table", rule="table.row",
                deadlines=tuple(row_deadlines), targets=tuple(targets), table=p.table.id,
            ))
    return tasks


def _deadline_cell(cell: Cell | None, norm: Normalized, rules: TableRules) -> list[Deadline]:
    """A deadline column's bare "2016年12月" or "2016年": due by the end of it.
    (In running text such a date may only say when something happened.)"""
    if cell is None:
        return []
    match = rules.deadline_cell.fullmatch(norm.text, cell.start, cell.end)
    if not match:
        return []
    year = int(match.group("year"))
    month = int(match.group("month")) if match.group("month") else 12
    date = dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    return [Deadline(raw=norm.source[cell.start:cell.end].strip(), kind="by", date=date, span=(cell.start, cell.end),
                     line=cell.line, rule="table.deadline_cell")]


def _row_deadlines(work: Cell, in_work: list, in_column: list, norm: Normalized):
    """A row's deadline: its deadline column, else the trailing "(2016年底前)" of
    the work item, else any deadline in the work item."""
    if in_column:
        return in_column
    text = norm.text[work.start:work.end]
    found = in_work
    trailing = _TRAILING_DEADLINE.search(text)
    if trailing:
        inside = [d for d in found if d.span[0] >= work.start + trailing.start()]
        if inside:
            return inside
    return found


def indicator_targets(parsed: list[ParsedTable], norm: Normalized, units: frozenset[str] = frozenset()) -> list[Target]:
    """The plan's targets from its indicator tables."""
    targets = []
    for p in (p for p in parsed if p.table.kind == "indicator"):
        at = p.positions
        if "indicator" not in at or "target" not in at:
            continue
        year = _header_year(p.table.columns[at["target"]])
        carried: Cell | None = None
        for row, group in zip(p.cells, p.groups):
            name = row[at["indicator"]]
            if name is None:
                continue
            cell = row[at["target"]]
            if cell is None and carried is not None and read_value(carried.text.lstrip("≤≥<>")) is None:
                cell = carried  # words in a cell that spans rows: "控制在国家下达指标范围内"
            if cell is None:
                continue
            carried = cell
            metric, unit = _name_and_unit(name.text, units)
            comparator, value = _indicator_value(cell.text)
            baseline = row[at["baseline"]].text if "baseline" in at and row[at["baseline"]] else None
            attribute = row[at["attribute"]].text if "attribute" in at and row[at["attribute"]] else None
            targets.append(Target(
                raw=cell.text, metric=metric, comparator=comparator, value=value, unit=unit, year=year,  # type: ignore[arg-type]
                baseline_year=None, span=(cell.start, cell.end), value_span=(cell.start, cell.end), line=name.line,
                group=group, source="table", baseline=baseline, attribute=attribute,
                value_text=None if value is not None else cell.text, rule="table.indicator",
            ))
    return targets


def _name_and_unit(name: str, units: frozenset[str]) -> tuple[str, str | None]:
    """"达标城市比例（%）（新标准）" → ("达标城市比例", "%"): bracketed words at the
    end are dropped; the one that is a known unit is the unit."""
    name = _FOOTNOTE_MARKS.sub("", name).strip()
    unit = None
    for _ in range(3):
        m = _UNIT_IN_NAME.search(name)
        if not m:
            break
        candidate = m.group("unit").strip().replace("％", "%")
        if unit is None and (candidate in units or candidate == "%"):
            unit = candidate
        name = _FOOTNOTE_MARKS.sub("", name[:m.start()]).strip()
    return name, unit


def _indicator_value(text: str) -> tuple[str, Decimal | None]:
    comparator = "="
    stripped = text.strip()
    if stripped[:1] in _BOUND:
        comparator = _BOUND[stripped[:1]]
        stripped = stripped[1:].strip()
    value = read_value(stripped) if regex.fullmatch(r"[0-9]+(?:\.[0-9]+)?", stripped) else None
    return comparator, value


def link_to_body(tasks: list[Task], body: tuple[Task, ...]) -> list[Task]:
    """Each table task with the body task it restates.

    The rows of one sub-task (consecutive rows with one title) link together:
    score = 0.4 · title similarity (cosine of characters and bigrams) + 0.6 ·
    the share of the rows' distinct bigrams found in the body task's text; no
    link under 0.45.  Candidates come from an index of the body's bigrams, so
    the work grows with the text, not with rows × tasks.
    """
    groups: list[list[Task]] = []
    for t in tasks:
        if groups and groups[-1][0].table == t.table and groups[-1][0].title == t.title:
            groups[-1].append(t)
        else:
            groups.append([t])
    if not groups or not body:
        return list(tasks)
    index: dict[str, list[int]] = {}
    for j, b in enumerate(body):
        for gram in bigrams(b.text):
            index.setdefault(gram, []).append(j)
    body_titles = [char_grams(b.title) for b in body]
    linked = []
    for group in groups:
        grams = set(bigrams("".join(t.text for t in group)))
        shared: Counter = Counter()
        for gram in grams:
            shared.update(index.get(gram, ()))
        title = char_grams(group[0].title)
        best, best_score = None, 0.0
        for j, count in shared.most_common(12):
            score = 0.4 * cosine(title, body_titles[j]) + 0.6 * count / max(1, len(grams))
            if score > best_score:
                best, best_score = j, score
        target = body[best].id if best is not None and best_score >= 0.45 else None
        linked.extend(replace(t, restates=target) for t in group)
    return linked


def fill_from_tables(body: tuple[Task, ...], table: list[Task]) -> tuple[Task, ...]:
    """Body tasks without a clause take their departments from the table rows
    that restate them (a responsible-unit column is a clause too)."""
    by_body: dict[str, list[Task]] = {}
    for t in table:
        if t.restates:
            by_body.setdefault(t.restates, []).append(t)
    out = []
    for task in body:
        rows = by_body.get(task.id)
        if task.clause or task.subclauses or not rows or not any(r.lead for r in rows):
            out.append(task)
            continue
        lead = _union(r.lead for r in rows)
        participants = _union(r.participants for r in rows)
        first = rows[0]
        clause = Clause(text=first.text, span=first.span, line=first.line, lead=lead, participants=participants,
                        form="table")
        out.append(replace(task, lead=lead, participants=participants, clause=clause))
    return tuple(out)


def _union(groups) -> tuple[DepartmentRef, ...]:
    seen: set[str] = set()
    out = []
    for group in groups:
        for ref in group:
            if ref.canonical not in seen:
                seen.add(ref.canonical)
                out.append(ref)
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
    """Where a plan and its own tables disagree (code body-table-mismatch)."""
    issues = []
    by_body: dict[str, list[Task]] = {}
    for t in table:
        if t.restates:
            by_body.setdefault(t.restates, []).append(t)
    for task in body:
        rows = by_body.get(task.id)
        if not rows or not (task.clause and task.clause.form != "table"):
            continue
        table_lead = _union(r.lead for r in rows)
        if table_lead and task.lead and _functions(table_lead) != _functions(task.lead):
            issues.append(Issue(
                code="body-table-mismatch", line=task.line,
                message=f"task {task.id} {task.title!r}: the body names lead {'、'.join(r.name for r in task.lead)}, "
                        f"{rows[0].table} names {'、'.join(r.name for r in table_lead)} (line {rows[0].line})",
            ))
        body_dates = _dates(task.deadlines)
        table_dates = _dates(d for row in rows for d in row.deadlines)
        for row in rows:
            for d in row.deadlines:
                if d.date and (d.kind, d.date) not in body_dates:
                    issues.append(Issue(
                        code="body-table-mismatch", line=row.line, span=d.span,
                        message=f"{row.table} gives {d.raw} ({d.kind} {d.date}) for {row.title!r}; the body task "
                                f"{task.id} (line {task.line}) has no such deadline",
                    ))
        starts_of_recurrences = {d.start for d in task.deadlines if d.kind == "every" and d.start}
        for d in task.deadlines:
            if d.kind == "from" and d.date in starts_of_recurrences:
                continue  # "自2016年起，每年…" against a row's "每年…": the same recurrence
            if d.date and d.kind in ("by", "from") and (d.kind, d.date) not in table_dates:
                issues.append(Issue(
                    code="body-table-mismatch", line=d.line, span=d.span,
                    message=f"task {task.id} {task.title!r} gives {d.raw} ({d.kind} {d.date}); {rows[0].table} "
                            f"(line {rows[0].line}) has no such deadline for it",
                ))
    for p in parsed:
        stated = p.table.stated_count
        if stated is not None and stated != len(p.table.rows):
            issues.append(Issue(
                code="body-table-mismatch", line=p.table.line,
                message=f"{p.table.id} says {stated} but has {len(p.table.rows)} rows",
            ))
    return issues


def extract_tables(norm: Normalized, sections: tuple[Section, ...], rules: RuleSet) -> list[ParsedTable]:
    tab = _tab_tables(norm, sections, rules.tables)
    flat = _flattened_tables(norm, sections, rules.departments, rules.responsibility, rules.tables)
    tables = sorted(tab + flat, key=lambda p: p.table.span[0])
    seen: dict[str, int] = {}
    out = []
    for p in tables:
        n = seen.get(p.table.id, 0) + 1
        seen[p.table.id] = n
        out.append(p if n == 1 else replace(p, table=replace(p.table, id=f"{p.table.id}#{n}")))
    return out
