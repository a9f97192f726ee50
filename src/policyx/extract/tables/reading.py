"""Finding tables in a plan's text: tab-separated rows, rows split by "|", and
cells written one per line after a header (in an appendix or in the body)."""

from __future__ import annotations

from dataclasses import replace

import regex

from policyx.extract.tables.cells import (
    _PAGE_NUMBER, _SECTION_MARK, _TAB_ROW, _TRAILING_DEADLINE, Cell, ParsedTable, _cell, _container, _footnotes,
    _make, column_roles,
)
from policyx.model import Section
from policyx.rules import RuleSet
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized

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
