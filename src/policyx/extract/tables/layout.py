"""Tables a PDF's text layer drew with spaces (``pdftotext -layout``): the
columns stand apart by runs of spaces, and a cell too long for its column
wraps onto the lines below, which hold only the words of the columns that go
on ("   1    分解下达…，建      省发展改革委      省统计局、各市人      2023年4月" /
"        立能耗双控…机制                        民政府              底前").

A header names the columns (序号 重点任务 牵头单位 …); where each column starts
is read from the rows, whose words start at the column's left edge (a header
is often centred over its column). A row opens where its number stands in the
first column; the lines after it add to its cells, column by column, until
the next number. A page's foot and the header repeated at the top of the next
page are passed over; a group heading alone in the first column ("一、严格能耗
强度和总量双控") names the rows under it. A cell is the words of its pieces,
joined without the breaks: ``Cell.pieces`` holds where each piece stands.
"""

from __future__ import annotations

from statistics import median
from unicodedata import east_asian_width

from policyx.extract.tables.cells import Cell, ParsedTable, _container, _make, column_roles, names_task_columns
from policyx.model import Section
from policyx.rules.tables import TableRules
from policyx.text.formats.layout import PAGE_NUMBER_LINE
from policyx.text.normalize import Line, Normalized
from policyx.text.stored_patterns import compiled

# a cell's words: runs of characters with single spaces inside; two spaces or more part two cells
_SEGMENT = compiled(r"\S++(?: \S++)*+")
_ROW_NUMBER = compiled(r"(?:[A-Z]{1,4}[-－]?)?[0-9]{1,3}[.、]?$")  # (an id too: "ZC-01", "A2"; province-policy-list-with-ids-2025)
ALIGN = 3  # characters a piece may stand left or right of its column's edge
MIN_COLUMNS = 3
EDGE_LINES = 400  # lines after a header searched for the rows that show where its columns start

Segment = tuple[int, int, str]  # start in the line, end in the line, words


def layout_tables(norm: Normalized, sections: tuple[Section, ...], rules: TableRules) -> list[ParsedTable]:
    """The space-drawn task tables of a plan."""
    if "   " not in norm.text:
        return []  # (every such table parts its columns with runs of spaces)
    lines = norm.lines()
    tables: list[ParsedTable] = []
    budget = [4 * len(lines) + EDGE_LINES]  # lines the search for column edges may read in all: linear in the plan
    i = 0
    while i < len(lines) and budget[0] > 0:
        header = _header(lines[i], rules)
        if header is None:
            i += 1
            continue
        names, roles = header
        at = i
        found, i = _read(norm, lines, at, names, roles, sections, rules, len(tables), budget)
        if found is None:  # (columns that do not line up: cells parted by runs of spaces of any length)
            found, after = _read_in_order(norm, lines, at, names, roles, sections, rules, len(tables))
            i = max(i, after) if found is not None else i
        if found is not None:
            tables.append(found)
    return tables


def _segments(text: str) -> list[Segment]:
    return [(m.start(), m.end(), m.group()) for m in _SEGMENT.finditer(text)]


def _header(line: Line, rules: TableRules) -> tuple[list[str], list[str | None]] | None:
    """The column names and roles of a header line of a task table, or None."""
    text = line.text
    if "  " not in text or "\t" in text or text.lstrip().startswith("|"):
        return None
    names = [words for _, _, words in _segments(text)]
    if len(names) < MIN_COLUMNS or _ROW_NUMBER.match(names[0]) or any(len(n) > 12 for n in names):
        return None  # (a row opens with its number, a header with a name)
    roles = column_roles(names, rules)
    if not names_task_columns(roles):
        return None
    return names, roles


def _read(norm: Normalized, lines: list[Line], at: int, names: list[str], roles: list[str | None],
          sections: tuple[Section, ...], rules: TableRules, n: int, budget: list[int]) -> tuple[ParsedTable | None, int]:
    """The table under the header on line ``at``, and the index of the first line after it."""
    header_words = "".join(names)
    budget[0] -= EDGE_LINES
    read: dict[int, list[Segment]] = {}  # (the lines the edges were read from are read again for the rows)

    def segments(k: int) -> list[Segment]:
        found = read.get(k)
        if found is None:
            found = read[k] = _segments(lines[k].text)
        return found

    edges = _column_edges(segments, at + 1, min(len(lines), at + 1 + EDGE_LINES), len(names))
    if edges is None:
        return None, at + 1
    rows: list[list[list[tuple[int, int]]]] = []
    groups: list[str | None] = []
    group: str | None = None
    after_foot = 0  # lines since a page's foot: a running head may stand there
    i = at + 1
    end = lines[at].end
    while i < len(lines):
        line = lines[i]
        words = line.text.strip()
        if not words or "".join(words.split()) == header_words:
            i += 1
            continue
        if PAGE_NUMBER_LINE.match(line.text):
            after_foot = 3
            i += 1
            continue
        pieces = segments(i)
        columns = [_column(edges, s) for s, _, _ in pieces]
        if any(c is None for c in columns):
            if after_foot:  # (a running head over the page)
                after_foot -= 1
                i += 1
                continue
            break
        after_foot = max(0, after_foot - 1)
        first = pieces[0][2]
        if columns == [0] and rules.group_row.match(first):
            group = first
        elif columns[0] == 0 and _ROW_NUMBER.match(first):
            rows.append([[] for _ in names])
            groups.append(group)
            _add(rows[-1], pieces, columns, line)
        elif rows and columns[0] != 0:
            _add(rows[-1], pieces, columns, line)
        else:
            break
        end = line.end
        i += 1
    budget[0] -= i - at  # (the lines read: a page of header-like lines is read once, not once a header)
    if len(rows) < 2:
        return None, max(at + 1, i)
    cells = [[_cell(norm, pieces) for pieces in row] for row in rows]
    start = lines[at].start
    box = _container(sections, start)
    title = box.title if box else None
    return _make(norm, box, title, names, roles, cells, groups, "layout", start, end, (), rules, n), i


def _read_in_order(norm: Normalized, lines: list[Line], at: int, names: list[str], roles: list[str | None],
                   sections: tuple[Section, ...], rules: TableRules, n: int) -> tuple[ParsedTable | None, int]:
    """The table under the header on line ``at`` when its columns do not line
    up (a web page's table copied as text, its cells parted by two to eight
    spaces, city-plan-space-columns-2026): a row is a numbered line of as many
    cells as the header names, taken in order; an indented line under it adds
    each of its pieces to the cell of the row that starts nearest it; a group's
    name alone on its line names the rows under it."""
    width = len(names)
    rows: list[list[list[tuple[int, int]]]] = []
    groups: list[str | None] = []
    group: str | None = None
    starts: list[int] = []  # where the last row's cells start in their line
    i, end = at + 1, lines[at].end
    while i < len(lines):
        line = lines[i]
        if rows and _between_rows(lines, i):
            i += 1
            continue
        pieces = _segments(line.text)
        if not pieces:
            break
        first = pieces[0][2]
        if len(pieces) == width and _ROW_NUMBER.match(first):
            rows.append([[(line.start + a, line.start + b)] for a, b, _ in pieces])
            groups.append(group)
            starts = _display_columns(line.text, pieces)
        elif starts and 2 <= len(pieces) < width and _ROW_NUMBER.match(first) and not line.text[:1].isspace():
            rows.append([[] for _ in range(width)])  # (a row with an empty cell: its pieces where they stand)
            groups.append(group)
            _add_near(rows[-1], line, pieces, starts)
        elif len(pieces) == 1 and not line.text[:1].isspace() and rules.group_row.match(first):
            group = first
        elif rows and line.text[:1].isspace() and len(pieces) < width:
            _add_near(rows[-1], line, pieces, starts)
        else:
            break
        end = line.end
        i += 1
    if len(rows) < 2:
        return None, at + 1
    cells = [[_cell(norm, pieces) for pieces in row] for row in rows]
    start = lines[at].start
    box = _container(sections, start)
    return _make(norm, box, box.title if box else None, names, roles, cells, groups, "layout", start, end, (), rules, n), i


def _between_rows(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` stands between two rows of a table: one blank line, or a page's foot (the table goes on)."""
    text = lines[i].text
    return bool(PAGE_NUMBER_LINE.match(text)) or not text.strip() and i + 1 < len(lines) and bool(lines[i + 1].text.strip())


def _add_near(row: list[list[tuple[int, int]]], line: Line, pieces: list[Segment], starts: list[int]) -> None:
    """Each piece of a line to the cell of the row that starts nearest it on screen."""
    for (a, b, _), at_column in zip(pieces, _display_columns(line.text, pieces)):
        column = min(range(len(starts)), key=lambda c: abs(starts[c] - at_column))
        row[column].append((line.start + a, line.start + b))


def _display_columns(text: str, pieces: list[Segment]) -> list[int]:
    """Where each piece starts on screen: a Chinese character is two columns
    wide, as a copy aligned its wrapped cells under their column."""
    out, column, last = [], 0, 0
    for a, _, _ in pieces:
        column += sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text[last:a])
        out.append(column)
        last = a
    return out


def _column_edges(segments, start: int, end: int, width: int) -> list[int] | None:
    """Where each column's words start, from the rows that fill every cell
    (a row opens with its number in the first column) among lines ``start`` to ``end``."""
    found: list[list[int]] = []
    for k in range(start, end):
        pieces = segments(k)
        if len(pieces) == width and _ROW_NUMBER.match(pieces[0][2]):
            found.append([s for s, _, _ in pieces])
    if not found:
        return None
    edges = [int(median(column)) for column in zip(*found)]
    return edges if edges == sorted(edges) else None


def _column(edges: list[int], start: int) -> int | None:
    """The column whose left edge a piece starting at ``start`` stands at, the
    nearest of those within reach (None: none): "1  推进…" is two columns."""
    near = min(range(len(edges)), key=lambda i: abs(start - edges[i]), default=None)
    return near if near is not None and abs(start - edges[near]) <= ALIGN else None


def _add(row: list[list[tuple[int, int]]], segments: list[Segment], columns: list[int | None], line: Line) -> None:
    for (a, b, _), column in zip(segments, columns):
        row[column].append((line.start + a, line.start + b))  # type: ignore[index]


def _cell(norm: Normalized, pieces: list[tuple[int, int]]) -> Cell | None:
    """A cell of its pieces' words, joined where the column wrapped them."""
    if not pieces:
        return None
    text = "".join(norm.clean(a, b) for a, b in pieces).strip()
    if not text:
        return None
    key = "".join(norm.text[a:b] for a, b in pieces)
    start, end = pieces[0][0], pieces[-1][1]
    return Cell(text, start, end, norm.line_of(start), key, tuple(pieces) if len(pieces) > 1 else ())
