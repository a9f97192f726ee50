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

from typing import Iterator

import regex

from policyx.extract.clauses import split_units
from policyx.extract.clauses.phrases import name_endings
from policyx.extract.tables.cells import DEPARTMENT_ROLES, Cell, ParsedTable, _cell, _container, _make, column_roles
from policyx.model import Section
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized
from policyx.text.sentences import BRACKET_CLOSERS, BRACKET_OPENERS, SENTENCE_END
from policyx.text.stored_patterns import compiled

MAX_ROW = 3_000  # characters: a longer stretch before the next number is no row of a table
MAX_UNITS = 240  # characters: the longest list of offices looked for at a row's end
MAX_DATE = 16  # characters: the longest date a row ends with ("2021年12月31日前")
MAX_CUTS = 16  # places a list of offices may start, tried back from its end
MAX_CAPTION = 80  # characters before a header on its line that are its table's caption
MAX_GROUP = 40  # characters of a group heading between two rows ("二、完善收运体系")
# after these a list of offices may start (the cut between the work item's cell and the department cell)
_UNIT_CUTS = frozenset("、,，;；:：\n \u3000")
_PADDING = " \u3000\n,，、;；:："
_WORK_ROLES = ("work", "task", "target")
_LAST_STOP = compiled("[" + regex.escape(SENTENCE_END) + "]", regex.REVERSE)

Tail = tuple[int, int]  # where a row's list of offices starts and ends (its date, if any, runs on to the row's end)
# where its number starts, where its words start, where it ends, and its offices if it ends with them
Row = tuple[int, int, int, "Tail | None"]


def glued_tables(norm: Normalized, sections: tuple[Section, ...], offices, rules: TableRules) -> list[ParsedTable]:
    """The run-together task tables of a plan (``offices[text]``: whether a
    text names offices only)."""
    text = norm.text
    tables: list[ParsedTable] = []
    headers = list(rules.glued_header.finditer(text))
    at = 0
    for header, following in zip(headers, [*(h.start() for h in headers[1:]), len(text)]):
        if header.start() < at:
            continue  # (a header in the rows of the table before: its words)
        names = header.captures("column")
        roles = column_roles(names, rules)
        if not any(r in DEPARTMENT_ROLES for r in roles):
            continue
        reader = _RowReader(text, following, offices, rules, "deadline" in roles)
        rows, groups = reader.rows(header.end())
        if len(rows) < 2:
            continue
        start = _caption_start(text, header.start())
        end = rows[-1][2]
        box = _container(sections, start)
        title = _title(norm, start, header.start(), rules) or (box.title if box else None)
        cells = [reader.cells(norm, row, roles) for row in rows]
        tables.append(_make(norm, box, title, names, roles, cells, groups, "glued", start, end, (), rules, len(tables)))
        at = end
    return tables


class _RowReader:
    """The rows of one run-together table, and their cells."""

    def __init__(self, text: str, limit: int, offices, rules: TableRules, dated: bool) -> None:
        self.text, self.offices, self.rules = text, offices, rules
        self.limit = limit  # where the next header starts (it ends the table), or the text's end
        self.registry, self.responsibility = offices.registry, offices.resp
        self.dated = dated  # the header has a deadline column: a row may end with its date ("…市发改委2021年底前")
        # where an office may open with nothing before it: a level's first character, or 各
        self.opening = frozenset(p[0] for p, _ in self.registry.prefixes) | {"各"}
        self.name_ends = name_endings(self.registry)  # (what an office's or a government's name ends with)

    def rows(self, after: int) -> tuple[list[Row], list[str | None]]:
        """Each row after a header, with the group heading above it: the first
        opens right after the header (or a group heading after it), each next
        one with the next number, right after a list of offices (and a date),
        or after a group heading after them ("…市城管委二、完善收运体系3…");
        the last ends with its paragraph, or before a heading after its offices."""
        text = self.text
        while after < self.limit and text[after] in " \u3000":
            after += 1
        group = None
        heading = self.rules.glued_after.match(text, after, self.limit)
        if heading is not None and (first := self._group_end(heading.start(), heading.end())) is not None:
            group, after = text[heading.start():first].strip(), first
        current = self.rules.glued_row.match(text, after, self.limit)
        if current is None:
            return [], []
        number = int(current.group("num"))
        rows: list[Row] = []
        groups: list[str | None] = []
        while (found := self._next_row(current.end(), number + 1)) is not None:
            following, heading_start, tail = found
            rows.append((current.start(), current.end(), following.start() if heading_start is None else heading_start,
                         tail))
            groups.append(group)
            if heading_start is not None:
                group = text[heading_start:following.start()].strip()
            current, number = following, number + 1
        rows.append((current.start(), current.end(), *self._last_row_end(current.end())))
        groups.append(group)
        return rows, groups

    def _group_end(self, start: int, after_mark: int) -> int | None:
        """Where the first row after a group heading at ``start`` opens (its
        number), within MAX_GROUP characters and before any sentence stop."""
        text = self.text
        limit = min(self.limit, start + MAX_GROUP)
        for m in self.rules.glued_row.finditer(text, after_mark, limit):
            if not any(stop in text[start:m.start()] for stop in SENTENCE_END):
                return m.start()
        return None

    def _last_row_end(self, start: int) -> tuple[int, Tail | None]:
        """The end of the last row, with its offices: of its paragraph, or
        where a heading (三、, （二）) follows its offices ("…市生态环境局三、保障措施…")."""
        end = _paragraph_end(self.text, start, min(self.limit, start + MAX_ROW))
        for heading in self.rules.glued_after.finditer(self.text, start, end):
            if (tail := self.tail(start, heading.start())) is not None:
                return heading.start(), tail
        return end, self.tail(start, end)

    def _next_row(self, start: int, number: int) -> tuple[regex.Match, int | None, Tail] | None:
        """The number ``number`` after ``start`` that opens a row: right after
        a list of offices (and a date), or after a group heading after them;
        with where that heading starts (None: no heading), and the offices."""
        text, wanted = self.text, str(number)
        limit = min(self.limit, start + MAX_ROW)
        at = text.find(wanted, start, limit)
        while at != -1:
            m = self.rules.glued_row.match(text, at, limit)
            if m is not None and m.group("num") == wanted:
                if (tail := self.tail(start, at)) is not None:
                    return m, None, tail
                heading = self._group_before(start, at)
                if heading is not None:
                    return m, *heading
            at = text.find(wanted, at + 1, limit)
        return None

    def _group_before(self, start: int, at: int) -> tuple[int, Tail] | None:
        """Where a group heading right before ``at`` starts, when a list of
        offices (and a date) ends right before it, with those offices."""
        text = self.text
        floor = _after_last_stop(text, max(start, at - MAX_GROUP), at)
        for heading in self.rules.glued_after.finditer(text, floor, at):
            if heading.end() < at and (tail := self.tail(start, heading.start())) is not None:
                return heading.start(), tail
        return None

    def tail(self, start: int, end: int) -> Tail | None:
        """Where the list of offices that a row's words (``start`` to ``end``)
        end with starts and ends: when the table has a deadline column, where
        the words of a date after them start ("2022年底前", "长期坚持"), else at
        ``end``; None if they end otherwise."""
        text = self.text
        if self.dated:
            # (the date's words from the first that a date holds: "2023年6月底前(每季度报送)")
            date = self.rules.glued_date.search(text, _after_last_stop(text, max(start, end - MAX_DATE), end), end)
            units = None if date is None else self._units_start(start, date.start())
            if units is not None:
                return units, date.start()
        units = self._units_start(start, end)
        return None if units is None else (units, end)

    def _units_start(self, start: int, end: int) -> int | None:
        """Where the longest list of offices ending at ``end`` starts (not
        before the row's last sentence stop), or None."""
        text = self.text
        if not self._may_end_office(end):
            return None  # (asked of every number in a row: most follow no office's name)
        floor = _after_last_stop(text, max(start, end - MAX_UNITS), end)
        best = None
        for cut in _cuts(text, floor, end, self.opening):
            words = text[cut:end].strip(_PADDING)
            if words and self.offices[words] and self._opens_with_office(words):
                best = cut
        return best

    def _may_end_office(self, end: int) -> bool:
        """Whether the words before ``end`` may end an office's name (a
        trailing 等 read past; an aside in brackets may end one)."""
        text = self.text
        while end > 0 and text[end - 1] in _PADDING:
            end -= 1
        if end and text[end - 1] == "等":
            end -= 1
        if end and text[end - 1] in BRACKET_CLOSERS:
            return True
        registry = self.registry
        if registry.office_suffix is None:
            return True
        if not end or text[end - 1] not in self.name_ends:
            return False  # (asked at every number a row holds: a character no office's name ends with, most often)
        return (registry.office_suffix.search(text, max(0, end - 12), end) is not None
                or registry.government.search(text, max(0, end - 12), end) is not None)

    def _opens_with_office(self, words: str) -> bool:
        """Whether a list's first office is all office, not a work item's words
        run into it ("加强河湖管护市水务局", "2022年底前市生态环境局"): such words
        end with an office that opens with a level of its own."""
        first = split_units(words, 0, self.registry, self.responsibility)[:1]
        if not first:
            return False
        unit = first[0][0]
        if unit[0] in self.opening or self.registry.lookup(unit) is not None:
            return True
        # (two characters at least before it: 团市委 is one office)
        return not any(unit[i] in self.opening and self.offices[unit[i:]] for i in range(2, len(unit) - 1))

    def cells(self, norm: Normalized, row: Row, roles: list[str | None]) -> list[Cell | None]:
        """A row's cells under the header's columns: its number, the list of
        offices at its end in the department columns (a date after it in the
        deadline column), the words before them in the first column of work
        (else task, else target)."""
        number_start, words_start, end, tail = row
        text = self.text
        cells: list[Cell | None] = [None] * len(roles)
        if "index" in roles:
            cells[roles.index("index")] = _cell(norm, number_start, text[number_start:words_start])
        work_end = end
        if tail is not None:
            work_end, units_end = tail
            columns = [i for i, r in enumerate(roles) if r in DEPARTMENT_ROLES]
            spans = self._columns(work_end, units_end) if len(columns) > 1 else [(work_end, units_end)]
            for column, (a, b) in zip(columns, spans):
                cells[column] = _cell(norm, a, text[a:b])
            if units_end < end and "deadline" in roles:
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
        units = split_units(self.text[start:end], start, self.registry, self.responsibility)
        for (unit, at), (_, following) in zip(units, units[1:]):
            if at + len(unit) == following:
                return [(start, following), (following, end)]
        return [(start, end)]


def _after_last_stop(text: str, start: int, end: int) -> int:
    """Where the words after the last sentence stop between ``start`` and ``end`` start."""
    stop = _LAST_STOP.search(text, start, end)  # (asked at each number in a row: one backward search)
    return start if stop is None else stop.end()


def _paragraph_end(text: str, start: int, limit: int) -> int:
    """Where the paragraph holding ``start`` ends: its line's end, or two
    ideographic spaces (a web copy's paragraphs run together), by ``limit``."""
    ends = [at for at in (text.find("\n", start, limit), text.find("\u3000\u3000", start, limit)) if at >= 0]
    return min(ends, default=min(limit, len(text)))


def _cuts(text: str, floor: int, end: int, opening: frozenset[str]) -> Iterator[int]:
    """Where a list of offices ending at ``end`` may start, nearest first:
    after each separator outside brackets ("各市、县(市、区)人民政府" is one
    office), before a level that opens an office with nothing before it
    ("…机制市城管委"), and at ``floor``; at most MAX_CUTS."""
    depth = made = 0
    for i in range(end - 1, floor, -1):
        ch = text[i]
        if ch in BRACKET_CLOSERS:
            depth += 1
        elif ch in BRACKET_OPENERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch not in _UNIT_CUTS and (text[i - 1] in _UNIT_CUTS or ch in opening):
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
