"""Tables drawn with box-drawing characters, as an old editor or a PDF
viewer's copy gives them: rules "┌──┬──┐", "├──┼──┤", "└──┴──┘" between
rows, and "│" between cells, a cell too long for its column going on on the
lines below with the row's other cells blank (city-box-drawing-table-2026):

    │1   │推进城镇老旧小区改造。全年新开工改造城镇老旧│市住房城乡建设局    │…│2026年11月底前│
    │    │小区120个，涉及居民2.6万户，同步推进小区养  │                    │…│              │

The lines between two rules are one row (without rules between rows, a line
whose first cell is empty goes on the row above); each cell is its pieces'
words joined; the first row is the header; a row of one cell is a group's
heading ("│一、城镇老旧小区和城中村改造│") that names the rows under it.
"""

from __future__ import annotations

from policyx.extract.tables.cells import ParsedTable, _container, _make, column_roles, names_task_columns
from policyx.extract.tables.layout import _cell
from policyx.model import Section
from policyx.rules.tables import TableRules
from policyx.text.normalize import Line, Normalized
from policyx.text.rows import BOX_BARS, BOX_RULE_STARTS
from policyx.text.stored_patterns import compiled

_RULE_LINE = compiled(r"[ \t\u3000]{0,8}+[" + BOX_RULE_STARTS + r"][─━═┬┳╦┼╋╬┴┻╩┐┓╗┤┫╣┘┛╝ \t]*+")
_CELL = compiled(r"[^" + BOX_BARS + r"\n]++")

Pieces = list[list[tuple[int, int]]]  # a row's pieces, column by column


def box_tables(norm: Normalized, sections: tuple[Section, ...], rules: TableRules) -> list[ParsedTable]:
    """The box-drawn tables of a plan."""
    if not any(bar in norm.text for bar in BOX_BARS):
        return []
    lines = norm.lines()
    tables: list[ParsedTable] = []
    i = 0
    while i < len(lines):
        if not _is_row(lines[i]):
            i += 1
            continue
        start = i
        while start > 0 and _RULE_LINE.fullmatch(lines[start - 1].text):
            start -= 1  # (the rule over the header)
        rows, i = _rows(lines, i)
        table = _table(norm, rows, lines[start].start, lines[i - 1].end, sections, rules, len(tables))
        if table is not None:
            tables.append(table)
    return tables


def _is_row(line: Line) -> bool:
    words = line.text.lstrip(" \t\u3000")
    return bool(words) and words[0] in BOX_BARS and line.text.count(words[0]) >= 2


def _rows(lines: list[Line], i: int) -> tuple[list[Pieces], int]:
    """The rows from line ``i`` on, up to the first line that is neither a row's nor a rule; where they end."""
    rows: list[Pieces] = []
    after_rule = True
    while i < len(lines):
        line = lines[i]
        if _RULE_LINE.fullmatch(line.text):
            after_rule = True
        elif _is_row(line):
            pieces = _pieces(line)
            first_empty = not pieces or not pieces[0]
            if after_rule or not first_empty or not rows or len(pieces) != len(rows[-1]):
                rows.append([[] for _ in pieces])
            row = rows[-1]
            for column, found in enumerate(pieces[:len(row)]):
                row[column].extend(found)
            after_rule = False
        else:
            break
        i += 1
    return rows, i


def _pieces(line: Line) -> Pieces:
    """The words of each cell of a row's line (none for a blank cell), with where they stand."""
    text = line.text
    out: Pieces = []
    first_bar = len(text) - len(text.lstrip(" \t\u3000"))
    words_end = len(text.rstrip())
    closed = text[words_end - 1:words_end] in BOX_BARS
    for cell in _CELL.finditer(text, first_bar + 1):
        if cell.end() >= words_end and not closed:
            break  # (words after the last bar: no cell)
        words = cell.group()
        a = len(words) - len(words.lstrip())
        b = len(words.rstrip())
        out.append([(line.start + cell.start() + a, line.start + cell.start() + b)] if b > a else [])
    return out


def _table(norm: Normalized, rows: list[Pieces], start: int, end: int, sections: tuple[Section, ...],
           rules: TableRules, n: int) -> ParsedTable | None:
    if len(rows) < 2:
        return None
    header = [_cell(norm, pieces) for pieces in rows[0]]
    names = [c.text if c else "" for c in header]
    roles = column_roles(names, rules)
    if not names_task_columns(roles) and "indicator" not in roles:
        return None
    body, groups = [], []
    group = None
    for row in rows[1:]:
        cells = [_cell(norm, pieces) for pieces in row]
        filled = [c for c in cells if c is not None]
        if len(row) < len(names) and len(filled) == 1:
            group = filled[0].text  # (a row of one cell: a group's heading)
            continue
        body.append(cells + [None] * (len(names) - len(cells)))
        groups.append(group)
    if not body:
        return None
    box = _container(sections, start)
    return _make(norm, box, box.title if box else None, names, roles, body, groups, "box", start, end, (), rules, n)
