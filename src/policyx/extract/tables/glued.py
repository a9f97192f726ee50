"""Tables a copy ran together (the text of a docx or PDF preview): the header's
column names with nothing between them ("序号工作内容目标任务责任单位备注"),
and rows that open with their number glued to the last cell of the row before
("…各区(市)县政府(管委会)2完善生活垃圾回收利用体系…").

No separator is left between cells, so a row is found by what ends the one
before it: the next number, right after a list of offices (the department
column of a task table comes late in a row), or after such a list and a date
when the header has a deadline column after it. Within a row the list of
offices is the department column's cell, and the words before it the work
item's (its target column with it: nothing tells them apart).
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from policyx.extract.clauses import split_units
from policyx.extract.tables.cells import Cell, ParsedTable, _cell, _container, _make, column_roles
from policyx.model import Section
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized
from policyx.text.sentences import SENTENCE_END

MAX_ROW = 3_000  # characters: a longer stretch before the next number is no row of a table
MAX_UNITS = 240  # characters: the longest list of offices looked for at a row's end
MAX_DATE = 16  # characters: the longest date a row ends with ("2021年12月31日前")
MAX_CUTS = 16
MAX_CAPTION = 80  # characters before a header on its line that are its table's caption  # places a list of offices may start, tried back from its end
# after these a list of offices may start (the cut between the work item's cell and the department cell)
_UNIT_CUTS = frozenset("、,，;；:：\n \u3000")
_PADDING = " \u3000\n,，、;；:："
_OPENING, _CLOSING = "(（〔【[", ")）〕】]"
_DEPARTMENT_ROLES = ("lead", "participants", "implementers")
_WORK_ROLES = ("work", "task", "target")

NamesOffices = Callable[[str], bool]  # whether a text names offices only (reading._OfficeCells)
Row = tuple[int, int, int]  # where its number starts, where its words start, where it ends


def glued_tables(norm: Normalized, sections: tuple[Section, ...], offices, rules: TableRules) -> list[ParsedTable]:
    """The run-together task tables of a plan (``offices[text]``: whether a
    text names offices only)."""
    text = norm.text
    tables: list[ParsedTable] = []
    at = 0
    while (header := rules.glued_header.search(text, at)) is not None:
        at = header.end()
        names = header.captures("column")
        roles = column_roles(names, rules)
        if not any(r in _DEPARTMENT_ROLES for r in roles):
            continue
        reader = _RowReader(text, offices, rules, "deadline" in roles)
        rows = reader.rows(header.end())
        if len(rows) < 2:
            continue
        start = _caption_start(text, header.start())
        end = rows[-1][-1]
        box = _container(sections, start)
        title = _title(norm, start, header.start(), rules) or (box.title if box else None)
        cells = [reader.cells(norm, row, roles) for row in rows]
        tables.append(_make(norm, box, title, names, roles, cells, [None] * len(cells), "glued", start, end, (), rules,
                            len(tables)))
        at = end
    return tables


class _RowReader:
    """The rows of one run-together table, and their cells."""

    def __init__(self, text: str, offices, rules: TableRules, dated: bool) -> None:
        self.text, self.names_offices, self.rules = text, offices.__getitem__, rules
        self.registry, self.responsibility = offices.registry, offices.resp
        self.dated = dated  # the header has a deadline column: a row may end with its date ("…市发改委2021年底前")

    def rows(self, after: int) -> list[Row]:
        """Each row after a header: the first opens right after it, each next
        one with the next number, right after a list of offices (and a date);
        the last ends with its paragraph."""
        text = self.text
        while after < len(text) and text[after] in " \u3000":
            after += 1
        current = self.rules.glued_row.match(text, after)
        if current is None:
            return []
        number = int(current.group("num"))
        rows = []
        while (following := self._next_row(current.end(), number + 1)) is not None:
            rows.append((current.start(), current.end(), following.start()))
            current, number = following, number + 1
        rows.append((current.start(), current.end(), _paragraph_end(text, current.end(), current.end() + MAX_ROW)))
        return rows

    def _next_row(self, start: int, number: int) -> regex.Match | None:
        """The number ``number`` after ``start`` that opens a row: right after
        a list of offices (and a date)."""
        text, wanted = self.text, str(number)
        limit = min(len(text), start + MAX_ROW)
        at = text.find(wanted, start, limit)
        while at != -1:
            m = self.rules.glued_row.match(text, at, limit)
            if m is not None and m.group("num") == wanted and self.tail(start, at) is not None:
                return m
            at = text.find(wanted, at + 1, limit)
        return None

    def tail(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the list of offices that a row's words (``start`` to ``end``)
        end with starts and ends: at ``end``, or, when the table has a deadline
        column, where the words of a date after it start ("2022年底前",
        "长期坚持"); None if they end otherwise."""
        text = self.text
        units = _units_start(text, start, end, self.names_offices)
        if units is not None:
            return units, end
        if self.dated:
            date = self.rules.glued_date
            for at in range(end - 1, max(start, end - MAX_DATE) - 1, -1):
                if text[at] in SENTENCE_END:
                    return None
                if date.match(text, at, end):
                    units = _units_start(text, start, at, self.names_offices)
                    if units is not None:
                        return units, at
        return None

    def cells(self, norm: Normalized, row: Row, roles: list[str | None]) -> list[Cell | None]:
        """A row's cells under the header's columns: its number, the list of
        offices at its end in the first department column (a date after it in
        the deadline column), the words before them in the first column of
        work (else task, else target)."""
        number_start, words_start, end = row
        text = self.text
        cells: list[Cell | None] = [None] * len(roles)
        if "index" in roles:
            cells[roles.index("index")] = _cell(norm, number_start, text[number_start:words_start])
        tail = self.tail(words_start, end)
        work_end = end
        if tail is not None:
            work_end, units_end = tail
            for column, (a, b) in zip((i for i, r in enumerate(roles) if r in _DEPARTMENT_ROLES),
                                      self._columns(work_end, units_end)):
                cells[column] = _cell(norm, a, text[a:b])
            if units_end < end:
                cells[roles.index("deadline")] = _cell(norm, units_end, text[units_end:end])
        work = next((i for role in _WORK_ROLES for i, r in enumerate(roles) if r == role), None)
        if work is not None:
            while work_end > words_start and text[work_end - 1] in _PADDING:
                work_end -= 1
            cells[work] = _cell(norm, words_start, text[words_start:work_end])
        return cells


    def _columns(self, start: int, end: int) -> list[tuple[int, int]]:
        """A list of offices cut where one office runs into the next with
        nothing between them ("市住房城乡建设局市发展改革委、市财政局": 牵头单位
        and 配合单位 run together): the first department column's cell, and
        the next's."""
        text = self.text
        units = split_units(text[start:end], start, self.registry, self.responsibility)
        for (unit, at), (_, following) in zip(units, units[1:]):
            if at + len(unit) == following:
                return [(start, following), (following, end)]
        return [(start, end)]


def _paragraph_end(text: str, start: int, limit: int) -> int:
    """Where the paragraph holding ``start`` ends: its line's end, or two
    ideographic spaces (a web copy's paragraphs run together), by ``limit``."""
    ends = [at for at in (text.find("\n", start, limit), text.find("\u3000\u3000", start, limit)) if at >= 0]
    return min(ends, default=min(limit, len(text)))


def _units_start(text: str, start: int, end: int, names_offices: NamesOffices) -> int | None:
    """Where the longest list of offices ending at ``end`` starts (after a
    separator outside brackets, not before the row's last sentence stop), or
    None; the last office alone is asked first (most numbers follow no office)."""
    floor = max(start, end - MAX_UNITS, *(text.rfind(stop, start, end) + 1 for stop in SENTENCE_END))
    best = None
    for n, cut in enumerate(_cuts(text, floor, end)):
        if names_offices(text[cut:end].strip(_PADDING)):
            best = cut
        elif n == 0:
            return None
    return best


def _cuts(text: str, floor: int, end: int) -> Iterator[int]:
    """Where a list of offices ending at ``end`` may start, nearest first: after
    each separator outside brackets ("各市、县(市、区)人民政府" is one office),
    and at ``floor``; at most MAX_CUTS."""
    depth = made = 0
    for i in range(end - 1, floor, -1):
        ch = text[i]
        if ch in _CLOSING:
            depth += 1
        elif ch in _OPENING:
            depth = max(0, depth - 1)
        elif depth == 0 and text[i - 1] in _UNIT_CUTS and ch not in _UNIT_CUTS:
            yield i
            made += 1
            if made == MAX_CUTS:
                return
    yield floor


def _caption_start(text: str, header: int) -> int:
    """Where a table starts: its caption's start, the words before the header on
    its line when they are short enough for one, else the header."""
    line_start = text.rfind("\n", max(0, header - MAX_CAPTION), header) + 1
    return line_start if line_start or header <= MAX_CAPTION else header


def _title(norm: Normalized, start: int, end: int, rules: TableRules) -> str | None:
    """The words before a header on its line (a page's number before them
    left out): the table's caption."""
    words = norm.clean(start, end, glosses=False).strip()
    mark = rules.group_row.match(words)
    return words[mark.end():].strip() if mark else words or None
