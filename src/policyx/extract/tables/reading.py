"""Finding tables in a plan's text: tab-separated rows, rows split by "|"
(:mod:`.separated`), cells written one per line after a header (in an
appendix or in the body), cells run together (:mod:`.glued`), columns drawn
with spaces (:mod:`.layout`)."""

from __future__ import annotations

from dataclasses import replace

from policyx.extract.tables.cells import (
    DEPARTMENT_ROLES, _PAGE_NUMBER, _TRAILING_DEADLINE, Cell, ParsedTable, _cell, _make, column_roles, heading_mark,
)
from policyx.extract.tables.glued import glued_tables
from policyx.extract.tables.box_drawn import box_tables
from policyx.extract.tables.layout import layout_tables
from policyx.extract.tables.regions import flat_regions
from policyx.extract.tables.separated import tab_tables
from policyx.model import Section
from policyx.rules import RuleSet
from policyx.rules.tables import TableRules
from policyx.text.anchors import Anchors
from policyx.text.kept import KeptByIdentity, Memo
from policyx.text.normalize import Normalized
from policyx.text.rows import FIELD_WITH_VALUE
from policyx.text.sentences import SENTENCE_STOP
from policyx.text.formats.layout import PAGE_NUMBER_LINE
from policyx.text.stored_patterns import compiled

# -- tables flattened one cell per line ----------------------------------------------


def _flat_cells(norm: Normalized, start: int, end: int) -> list[Cell]:
    """One cell per line; a cell may end in " |" (a web copy of a table
    written cell by cell), a line of bars only separates rows, and a page's
    foot is none (a PDF's table, province-division-table-one-cell-a-line-2025)."""
    cells = []
    for line in norm.lines(start, end):
        if line.end <= start or line.start >= end:
            continue
        a = max(line.start, start)
        text = (line.text if a == line.start and line.end <= end else norm.text[a:min(line.end, end)]).rstrip()
        while text.endswith("|"):
            text = text[:-1].rstrip()
        cell = _cell(norm, a, text) if text else None  # (white space is stripped off its end: none is left)
        if cell and not PAGE_NUMBER_LINE.match(cell.key):  # (a page's foot between rows: "— 5 —")
            cells.append(cell)
    return cells


MAX_HEADER_CELLS = 40  # a run of more short cells before a number is a list of short lines, not a header


def _header(cells: list[Cell], rules: TableRules) -> int:
    """How many leading cells form the header run."""
    count = 0
    for cell in cells:
        text = cell.key
        if len(text) > 16 or _PAGE_NUMBER.match(text) or heading_mark(text, rules) or SENTENCE_STOP.search(text) \
                or FIELD_WITH_VALUE.search(text):
            break  # (…nor a field's label with its value: "牵头单位：区人社局", district-responsibility-list-2026)
        count += 1
        if count > MAX_HEADER_CELLS:
            return 0  # (each cell of a header is asked its column's role: a page of short lines is thousands)
    return count if count >= 2 and any(rules.header_words.search(c.key) for c in cells[:count]) else 0


def _flattened_tables(norm: Normalized, sections: tuple[Section, ...], registry, resp, rules: TableRules,
                      header_anchors: Anchors = ()) -> list[ParsedTable]:
    """Appendices written one cell per line, and such tables in the body: a
    run of short header cells with a lead or a 序号 column among them
    (``header_anchors``: characters every header word holds one of, if known)."""
    tables = []
    offices = _office_cells(registry, resp)
    for start, end, box in flat_regions(norm, sections, rules, header_anchors):
        cells = _flat_cells(norm, start, end)
        n = _header(cells, rules)
        if not n:
            continue
        # a table's title above its header ("2022年重点工作及责任清单"): 序号 opens the header
        index = next((i for i, c in enumerate(cells[:n]) if column_roles([c.key], rules) == ["index"]), 0)
        cells, n = cells[index:], n - index
        header = [c.text for c in cells[:n]]
        roles = column_roles([c.key for c in cells[:n]], rules)
        if box is None and not ({"lead", "index"} & set(roles)):
            continue
        data = cells[n:]
        note = next((k for k, c in enumerate(data) if rules.footnote.match(c.text)), None)
        if note is not None:  # (a note under the table ends it: "注：1.责任领导为分管局领导…")
            data = data[:note]
        if "index" in roles:
            rows, groups = _rows_by_index(data, len(header), rules, carry_down="lead" not in roles,
                                          whole="lead" in roles)
            if "lead" in roles:
                rows = [_align_by_content(row, header, roles, offices, last=k == len(rows) - 1) for k, row in enumerate(rows)]
        else:
            rows, groups = _task_rows(data, header, roles, offices, rules)
        if not rows:
            continue
        tables.append(_make(norm, box, box.title if box else None, header, roles, rows, groups, "flattened",
                            cells[0].start, cells[-1].end, (), rules, len(tables)))
    return tables


def _rows_by_index(cells: list[Cell], width: int, rules: TableRules, carry_down: bool = True,
                   whole: bool = False) -> tuple[list[list[Cell | None]], list[str | None]]:
    """Cells grouped into rows at each 序号, counting on from the first (a page
    of a longer table may start at 24); a group heading between rows ("一、
    潘东旭市长负责事项（共9项）") names the rows after it. A row with fewer cells
    than the one above lost its leading cells to a cell spanning rows, which
    are carried down ("天池" for 天池中心 and 出口) in a list of sites. ``whole``:
    a longer row keeps its cells (for :func:`_align_by_content`)."""
    rows, row_groups = _split_at_index(cells, rules)
    out: list[list[Cell | None]] = []
    for row in rows:
        index, rest = row[0], row[1:]
        # (not in a task table: there a short row lost its last cells, to the end of a page)
        if carry_down and out:
            rest = _carried_down(out[-1], rest)
        full: list[Cell | None] = [index, *rest] if whole else [index, *rest][:width]
        out.append(full + [None] * (width - len(full)))
    return out, row_groups


def _split_at_index(cells: list[Cell], rules: TableRules) -> tuple[list[list[Cell]], list[str | None]]:
    """Cells split into rows at each index cell that counts on from the one
    before, each row with the group heading above it."""
    rows: list[list[Cell]] = []
    row_groups: list[str | None] = []
    group: str | None = None
    number: int | None = None
    for cell in cells:
        if _PAGE_NUMBER.match(cell.key) and (number is None or int(cell.key) == number + 1):
            number = int(cell.key)
            rows.append([cell])
            row_groups.append(group)
        elif rules.group_row.match(cell.key) and rules.group_heading.search(cell.key[:4]):
            group = cell.text
        elif rows:
            rows[-1].append(cell)
    return rows, row_groups


def _carried_down(above: list[Cell | None], rest: list[Cell]) -> list[Cell]:
    """A row's cells after its index, with the leading cells it lost to cells
    spanning rows taken from the row above."""
    previous = [c for c in above[1:] if c]
    if len(rest) < len(previous):
        return previous[: len(previous) - len(rest)] + rest
    return rest


def _align_by_content(row: list[Cell | None], header: list[str], roles: list[str | None],
                      offices: _OfficeCells, last: bool = False) -> list[Cell | None]:
    """A row flattened one cell per line loses its empty cells, and the cells
    after a gap slide left. When a row has fewer cells than the header, its
    cells are put back, in their order, in the columns whose header fits what
    they hold best (offices under a department's header, a person's name
    under 责任领导 or 责任人, a date under 完成时限, words under the work):
    the best of all the ways to leave columns empty, found column by column."""
    cells = [c for c in row[1:] if c is not None]
    columns = len(header) - 1
    if len(cells) > columns:
        if last and _each_fits(cells[:columns], header, roles, offices):
            return row[:len(header)]  # (the words after a table's last row, no note between: "各县市区要参照本清单…")
        return _joined_by_content(row[0], cells, header, roles, offices)
    if not cells or len(cells) == columns:
        return row  # no cell lost
    kinds = [_cell_kind(c.key, offices) for c in cells]
    fits = [_column_kind(h, r) for h, r in zip(header[1:], roles[1:])]
    # best[i][j]: the best score of the first i cells in the first j columns
    best = [[0] * (columns + 1)] + [[_NEVER] * (columns + 1) for _ in cells]
    for i in range(1, len(cells) + 1):
        for j in range(i, columns + 1):
            best[i][j] = max(best[i][j - 1], best[i - 1][j - 1] + _FIT[fits[j - 1]][kinds[i - 1]])
    aligned: list[Cell | None] = [row[0]] + [None] * columns
    i, j = len(cells), columns
    while i > 0:
        if best[i][j] == best[i][j - 1] and j > i:
            j -= 1
        else:
            aligned[j] = cells[i - 1]
            i, j = i - 1, j - 1
    return aligned


def _joined_by_content(index: Cell | None, cells: list[Cell], header: list[str], roles: list[str | None],
                      offices: _OfficeCells) -> list[Cell | None]:
    """A row with more cells than the header: a cell of words written over
    several lines ("1．严格落实…" "2．支持企业…" "3．开展…" under 整改措施), each
    line a cell, and perhaps a cell lost too (an empty 责任人). The lines of
    one cell are joined again in a column of words, the cells put in the
    columns whose header fits best — the best way found column by column, a
    line opening with an item's number ("2．") best kept with the one before."""
    columns = len(header) - 1
    numbered = [_ITEM_NUMBER.match(c.key) is not None for c in cells]
    # (an item of a list is words, with a date in it or not: "2．开展管网排查，9月底前建立问题清单。")
    kinds = ["words" if n else _cell_kind(c.key, offices) for c, n in zip(cells, numbered)]
    fits = [_column_kind(h, r) for h, r in zip(header[1:], roles[1:])]
    # (a line that ends inside its sentence goes on too: "推行企业开办“一网通办”，" / "压缩开办时间至1个工作日。")
    goes_on = [0] + [_GOES_ON if n and before or not n and _MID_SENTENCE.search(previous.key) else _STANDS_ALONE
                     for before, n, previous in zip(numbered, numbered[1:], cells)]
    # best[i][j]: the best score of the first i cells in the first j columns, and the cells column j took
    best = [[(0.0, 0)] * (columns + 1)] + [[(_NEVER, 0)] * (columns + 1) for _ in cells]
    for i in range(1, len(cells) + 1):
        for j in range(1, columns + 1):
            choice = (best[i][j - 1][0], 0)
            score = 0.0
            for k in range(i, max(0, i - MAX_JOINED_LINES), -1):  # (column j takes cells k..i)
                score += _FIT[fits[j - 1]][kinds[k - 1]] + (goes_on[k] if k < i else 0)
                if best[k - 1][j - 1][0] > _NEVER and best[k - 1][j - 1][0] + score > choice[0]:
                    choice = (best[k - 1][j - 1][0] + score, i - k + 1)
                if not _takes_the_line_before(fits[j - 1], kinds, cells, k):
                    break
            best[i][j] = choice
    aligned: list[Cell | None] = [index] + [None] * columns
    i, j = len(cells), columns
    while i > 0 and j > 0:
        taken = best[i][j][1]
        if taken:
            aligned[j] = _joined(cells[i - taken:i])
            i -= taken
        j -= 1
    return aligned if i == 0 else [index, *cells[:columns]]


def _takes_the_line_before(fit: str, kinds: list[str], cells: list[Cell], k: int) -> bool:
    """Whether a column that took line ``k`` (1-based) on may take the one
    before it too: words, in a column of words; or a list of offices the line
    before broke off after a 、 ("省发展改革委、省财政厅、省自然资源厅、" / "省住房城乡建设厅",
    province-division-table-one-cell-a-line-2025)."""
    if fit in _JOINED_KINDS:
        return kinds[k - 1] == "words"
    return fit == "office" and k >= 2 and kinds[k - 2] == "office" and _MID_SENTENCE.search(cells[k - 2].key) is not None


def _each_fits(cells: list[Cell], header: list[str], roles: list[str | None], offices: _OfficeCells) -> bool:
    return all(_FIT[_column_kind(h, r)][_cell_kind(c.key, offices)] >= 0 for c, h, r in zip(cells, header[1:], roles[1:]))


def _joined(cells: list[Cell]) -> Cell:
    if len(cells) == 1:
        return cells[0]
    return Cell("".join(c.text for c in cells), cells[0].start, cells[-1].end, cells[0].line,
                "".join(c.key for c in cells), tuple((c.start, c.end) for c in cells))


_JOINED_KINDS = ("work", "other")
MAX_JOINED_LINES = 60  # lines of one cell, at most (the row is read in time linear in its lines)
_MID_SENTENCE = compiled(r"[，,、；;：:]$")
_ITEM_NUMBER = compiled(r"[ \t]{0,8}(?:[0-9]{1,2}[.、．](?![0-9](?![0-9]{3}\s*年))|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])")
_GOES_ON, _STANDS_ALONE = 1.0, -1.5  # (an item of a list, "2．", goes on with the item before it; another line, rather not)
_NEVER = -10**6
# (a name: "张三", "许冬梅", with the post after it: "吴某某（副市长）"; not "安全生产")
_PERSON = compiled(r"\p{Han}{2,3}(?:[（(][^（()）]{2,16}+[)）])?(?:[、，,\s]+\p{Han}{2,3}(?:[（(][^（()）]{2,16}+[)）])?)*+")
_WHEN = compiled(r"[0-9]{4}\s*+年|[0-9]{4}[./-][0-9]|[0-9一二三四五六七八九十]{1,2}\s*+月|季度|年底|年末|半年|长期|持续|常态|每[年季月周日]|全年")
_PERSON_HEADER = compiled(r"领导|责任人|联系人|负责人")
# how well a cell of each kind fits a column of each kind
_FIT = {
    "office": {"office": 3, "person": -3, "date": -2, "words": -1},
    "person": {"office": -2, "person": 2, "date": -2, "words": -2},
    "date": {"office": -2, "person": -2, "date": 2, "words": -1},
    "work": {"office": -1, "person": -2, "date": -1, "words": 1},
    "other": {"office": 0, "person": 0, "date": 0, "words": 0},
}


def _cell_kind(text: str, offices: _OfficeCells) -> str:
    if "。" in text.rstrip("。"):
        return "words"  # (sentences: a problem stated, "…建设滞后。宜都化工园区…长期超负荷运行。")
    if offices.looks_like_offices(text):  # (a cell of known offices, offices[text], is one too)
        return "office"
    if len(text) <= 40 and _WHEN.search(text):
        return "date"
    if _PERSON.fullmatch(text):
        return "person"
    return "words"


def _column_kind(header: str, role: str | None) -> str:
    if role in DEPARTMENT_ROLES:
        return "office"
    if role == "deadline":
        return "date"
    if role in ("work", "task", "subtask"):
        return "work"
    return "person" if _PERSON_HEADER.search(header) else "other"


class _OfficeCells(Memo):
    """``cells[words]``: whether a cell names offices only, at least one of them
    known to the registry ("建立环境信息政府网站" ends like an office but is a
    task); read once for each cell's words (a lead cell is repeated row after
    row, a plan's cells when it is read again), by the rules read with."""

    def __init__(self, registry, resp) -> None:
        super().__init__(MAX_REMEMBERED_CELLS, MAX_REMEMBERED_CHARS)
        self.registry, self.resp = registry, resp

    def __missing__(self, text: str) -> bool:
        refs = self._refs(text)
        return self.keep(text, any(r.known for r in refs) and self._offices_only(refs))

    def looks_like_offices(self, text: str) -> bool:
        """Whether a cell names offices only, known to the registry or not ("登记注册科（牵头）、行政审批科")."""
        return self._offices_only(self._refs(text))

    def _refs(self, text: str) -> list:
        from policyx.extract.clauses import split_units

        return [self.registry.resolve(u) for u, _ in split_units(text, 0, self.registry, self.resp)]

    def _offices_only(self, refs: list) -> bool:
        # (a unit with its role noted after it: "市林业和园林局（牵头）")
        return bool(refs) and all(r.known or self.registry.looks_like_office(_TRAILING_NOTE.sub("", r.name)) for r in refs)


_TRAILING_NOTE = compiled(r"[（(][^（()）]{1,8}+[)）]$")


# the cells read so far, by the registry read with (the last few registries; then forgotten:
# endless distinct cells stay within bounds)
_OFFICE_CELLS: KeptByIdentity[_OfficeCells] = KeptByIdentity(4)
MAX_REMEMBERED_CELLS = 20_000
MAX_REMEMBERED_CHARS = 200  # the longest cell kept (a longer one is read each time it is asked about)


def _office_cells(registry, resp) -> _OfficeCells:
    """The cells read with these rules (read anew under other responsibility rules)."""
    found = _OFFICE_CELLS.get(registry)
    if found is None or found.resp is not resp:
        found = _OFFICE_CELLS.put(registry, _OfficeCells(registry, resp))
    return found


def _task_rows(cells: list[Cell], header: list[str], roles: list[str | None], offices: _OfficeCells, rules: TableRules):
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
        if rules.group_heading.match(text):
            group, task, subtask, lead = text, None, None, None
        elif rules.task_heading.match(text):
            task, subtask, lead = cell, None, None
        elif offices[text]:
            lead, previous_was_lead = cell, True
        elif (len(text) <= 32 and not after_lead and not _TRAILING_DEADLINE.search(text) and following is not None
              and offices[following.key]):
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
    tab = tab_tables(norm, sections, rules.tables)
    pipe = tab_tables(norm, sections, rules.tables, "|")
    spaced = tab_tables(norm, sections, rules.tables, " ")
    flat = _flattened_tables(norm, sections, rules.departments, rules.responsibility, rules.tables,
                             rules.requires.get("table.header_words", ()))
    glued = glued_tables(norm, sections, _office_cells(rules.departments, rules.responsibility), rules.tables)
    drawn = layout_tables(norm, sections, rules.tables)
    boxed = box_tables(norm, sections, rules.tables)
    tables = sorted(tab + pipe + spaced + flat + glued + drawn + boxed, key=lambda p: p.table.span[0])
    seen: dict[str, int] = {}
    out = []
    for p in tables:
        n = seen.get(p.table.id, 0) + 1
        seen[p.table.id] = n
        out.append(p if n == 1 else replace(p, table=replace(p.table, id=f"{p.table.id}#{n}")))
    return out
