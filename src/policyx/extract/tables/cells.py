"""Cells, parsed tables and what a column holds (from its header)."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyx.model import Section, Table
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized
from policyx.text.stored_patterns import compiled

# punctuation and layout only: the words of tables are in rules/tables.yaml
_TAB_ROW = compiled(r"\S[^\S\t\n]*+\t++[^\S\t\n]*+\S")  # words, tabs, words
_PAGE_NUMBER = compiled(r"^\s*[0-9]{1,3}\s*$")
_UNIT_IN_NAME = compiled(r"(?<!\s)\s*+[(（]\s*+(?P<unit>%|％|[^()（）\d\s][^()（）\d]{0,7}?)\s*+[)）]\s*+$")
_FOOTNOTE_MARKS = compiled(r"(?<![\s①②③④⑤⑥⑦⑧⑨⑩*＊])[\s①②③④⑤⑥⑦⑧⑨⑩*＊]++$")
_TRAILING_DEADLINE = compiled(r"[(（]([^()（）]{2,16})[)）]?\s*+(?:[。;；]\s*+)?$")
# symbols written before a value in an indicator table's cell
_BOUND = {"≤": "<=", "≥": ">=", "<": "<", ">": ">", "＜": "<", "＞": ">"}


@dataclass(slots=True)
class Cell:
    text: str  # as written, web noise removed
    start: int
    end: int
    line: int
    key: str = ""  # the working copy's text (folded, simplified), for matching
    pieces: tuple[tuple[int, int], ...] = ()  # a cell a column wrapped over lines: where each piece stands


@dataclass(slots=True)
class ParsedTable:
    """A table and the cells behind it (for tasks and targets with spans)."""

    table: Table
    cells: list[list[Cell | None]]
    roles: list[str | None]
    groups: list[str | None] = field(default_factory=list)
    notes_end: int = 0  # where the notes under it end (注：…), if it has any
    departments: dict[int, Cell] = field(default_factory=dict)  # a matrix's department columns: their header cells
    marks: dict[str, str] = field(default_factory=dict)  # …and the role each mark in its cells says

    @property
    def positions(self) -> dict[str, int]:
        """Column index of each role the header names."""
        return {role: self.roles.index(role) for role in set(self.roles) if role}


def joined(a: Cell, b: Cell) -> Cell:
    """One cell of two that a break split (a line's, a page's): the words of both, where each piece stands."""
    pieces = (*(a.pieces or ((a.start, a.end),)), *(b.pieces or ((b.start, b.end),)))
    return Cell(a.text + b.text, a.start, b.end, a.line, a.key + b.key, pieces)


def column_role(header: str, rules: TableRules) -> str | None:
    compact = header.replace(" ", "")
    if rules.unit_header.match(compact):
        return "unit"
    if rules.period_header.match(compact):
        return "period"
    if compact.strip():  # (an empty cell names no role: a row of thousands of tabs is thousands of them)
        for role, words in rules.roles:  # (the words are kept without their spaces)
            if any(w in compact for w in words):
                return role
    if rules.year_header.match(header) or any(p in header for p, _ in rules.plan_periods):
        return "target"
    return None


def heading_mark(text: str, rules: TableRules) -> regex.Match | None:
    """The 一、 or （一） heading number a cell's text (stripped) opens with."""
    return rules.group_heading.match(text) or rules.task_heading.match(text)


# the columns that name who answers for a row's task, and those that say what the task is
DEPARTMENT_ROLES = ("lead", "participants", "implementers")
WORK_ROLES = ("work", "task")



def cell_at(row: list[Cell | None], at: dict[str, int], role: str) -> Cell | None:
    """The row's cell in the column of ``role``, if the table has one."""
    return row[at[role]] if role in at else None

def work_cell(row: list[Cell | None], at: dict[str, int]) -> Cell | None:
    """What the row asks to be done: its work item, else its task."""
    work = cell_at(row, at, "work")
    if work is None:
        work = cell_at(row, at, "task")
    return work


def names_task_columns(roles: list[str | None]) -> bool:
    """Whether a header's roles are a task table's: who answers, and for what."""
    return any(r in DEPARTMENT_ROLES for r in roles) and any(r in WORK_ROLES for r in roles)


def column_roles(headers: list[str], rules: TableRules) -> list[str | None]:
    """Roles of a header row. Of several year columns ("2020年 | 2025年") the
    latest is the target and the earlier ones are baselines. Of two lead
    columns (牵头单位 | 责任单位) the one that says 牵头 leads and the other
    carries the task out; columns of no use are left without a role."""
    roles = [column_role(h, rules) for h in headers]
    works = [i for i, r in enumerate(roles) if r == "work"]
    if len(works) > 1 and "task" not in roles:  # ("工作任务 | 具体措施": the task's name, then its work)
        roles[works[0]] = "task"
    tasks = [i for i, r in enumerate(roles) if r == "task"]
    if len(tasks) > 1:  # ("一级任务 | 二级任务": the group's, merged down its rows, then each row's own task)
        for i in tasks[:-1]:
            roles[i] = None
    _one_lead_column(roles, headers, rules)
    if "lead" not in roles:  # ("实施主体" with no 牵头 column beside it: who answers for the row)
        roles = ["lead" if r == "implementers" and rules.answering_header.search(h) else r for r, h in zip(roles, headers)]
    roles = [None if r == "other" else r for r in roles]
    _latest_year_is_target(roles, headers, rules)
    return roles


def _one_lead_column(roles: list[str | None], headers: list[str], rules: TableRules) -> None:
    """Of several lead columns, the one whose header says it leads (else the
    first) keeps the lead; the others carry the task out (implementers)."""
    leads = [i for i, r in enumerate(roles) if r == "lead"]
    if len(leads) > 1:
        leading = next((i for i in leads if rules.lead_header.search(headers[i])), leads[0])
        for i in leads:
            if i != leading:
                roles[i] = "implementers"


def _latest_year_is_target(roles: list[str | None], headers: list[str], rules: TableRules) -> None:
    """Of several target columns headed by a year, the latest stays the
    target; the first earlier one becomes the baseline unless a column
    already is one, and the others lose their role."""
    years = {i: rules.year_header.match(h) for i, h in enumerate(headers) if roles[i] == "target"}
    dated = {i: int(m.group("year")) for i, m in years.items() if m is not None}
    # (a goal's column names its year too: "2024年 | 2027年目标", the year before it looking back)
    goals = [int(m.group("year")) for i, h in enumerate(headers) if roles[i] == "target" and i not in dated
             and (m := rules.dated_goal_header.match(h))]
    if dated and goals and max(goals) > max(dated.values()):
        dated[-1] = max(goals)
    if len(dated) > 1:
        latest = max(dated, key=dated.__getitem__)
        for i in dated:
            if i != latest and i >= 0:
                roles[i] = "baseline" if "baseline" not in roles else None


def header_year(header: str, rules: TableRules) -> int | None:
    """The year a target column's header names: "2020年", "2027年目标", or the end of a plan period ("“十三五”规划目标")."""
    year_match = rules.year_header.match(header) or rules.dated_goal_header.match(header)
    if year_match:
        return int(year_match.group("year"))
    return next((y for k, y in rules.plan_periods if k in header), None)


def table_kind(roles: list[str | None]) -> str:
    if "lead" in roles or "matrix" in roles:
        return "task"
    if "indicator" in roles:
        return "indicator"
    if "index" in roles:
        return "site"
    return "generic"


def _clean(norm: Normalized, start: int, end: int) -> str:
    """The original words of a span, without the web noise blanked in it nor
    the pinyin glosses of a web copy (a cell's words, not as displayed)."""
    return norm.clean(start, end, glosses=False).strip()


def _cell(norm: Normalized, start: int, raw: str) -> Cell | None:
    """The cell of ``raw``, the working copy's words from ``start`` on."""
    end = start + len(raw)
    text = _clean(norm, start, end) or raw.strip()  # (words written over a blanked tag: a merged cell's "〃")
    if not text:
        return None
    opened = raw.lstrip()
    key = opened.rstrip()
    lead_ws = len(raw) - len(opened)
    trail_ws = len(opened) - len(key) if opened else len(raw)
    return Cell(text, start + lead_ws, end - trail_ws, norm.line_of(start + lead_ws), key)


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


def _footnotes(norm: Normalized, after: int, rules: TableRules) -> tuple[tuple[str, ...], int]:
    """The notes under a table (注：…, 说明：…, ①…), and where they end
    (``after`` when there are none). A note's label alone on its line ("说明："
    before "1.各牵头单位…" "2.…") takes the numbered lines after it."""
    notes = []
    started = listed = False
    end = after
    for line in norm.lines(after, len(norm.text)):
        if line.start <= after:
            continue
        text = line.text.strip()
        if not text:
            continue
        if rules.footnote.match(line.text) or (started and _NOTE_MARK.match(line.text)) \
                or (listed and _NUMBERED.match(line.text)):
            notes.append(_clean(norm, line.start, line.end))
            started, end = True, line.end
            listed = listed or text[-1:] in ":：" and bool(rules.footnote.match(line.text))
            continue
        break
    return tuple(notes), end


_NOTE_MARK = compiled(r"^\s*[①②③④⑤⑥⑦⑧⑨⑩]")
_NUMBERED = compiled(r"^\s*[0-9]{1,2}\s*[.、．]")


def _make(norm, box, title, header, roles, rows, groups, form, start, end, footnotes, rules, n,
          notes_end: int = 0, departments: dict[int, Cell] | None = None) -> ParsedTable:
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
    return ParsedTable(table, rows, roles, list(groups), notes_end, departments or {})


