"""Tables whose rows are lines and whose cells a separator divides: a tab
(a sheet or a Word table pasted as text), "|" (Markdown, a web copy) or one
space (a table typed into the text, or a copy that put a space for each cell's
border: "1 用水总量（亿立方米） 305.1 ＜344 约束性"). A run of such lines is a
table; its header is its first row, or the first under a sheet's title block;
its group rows name the rows under them. A table of spaces is read only under a
header that opens with an index column and names a column the rules know
("序号 指标 2020年 2025年 属性"), and only as far as its rows have as many cells."""

from __future__ import annotations

from policyx.extract.tables.cells import (
    _PAGE_NUMBER, _TAB_ROW, Cell, ParsedTable, _cell, _container, _footnotes, _make, column_role, column_roles, heading_mark,
    joined,
    names_task_columns,
)
from policyx.extract.tables.matrix import mark_roles, matrix_columns
from policyx.extract.tables.page_breaks import across_page_breaks, another_table, is_page_break
from policyx.extract.tables.sub_header import under_merged_header
from policyx.model import Section
from policyx.rules.tables import TableRules
from policyx.text.normalize import Normalized
from policyx.text.rows import MIN_SPACED_CELLS, is_spaced_row, spaced_cells
from policyx.text.stored_patterns import compiled



# words | words | (the last word before a bar, the first after it: each stretch scanned once)
_PIPE_ROW = compiled(r"\S[^\S|\n]*+\|[^\S|\n]*+\S[^|\n]*+\|")


def _is_row(line, separator: str) -> bool:
    text = line.text.strip()
    if separator == "\t":
        return "\t" in text and bool(_TAB_ROW.search(line.text))
    return text.count("|") >= 2 and bool(_PIPE_ROW.search(text))


def _runs(norm: Normalized, separator: str, rules: TableRules) -> list[list]:
    """Runs of rows whose cells a separator divides (a tab, or "|"); one blank
    line may stand between rows, and between tab-separated rows a group's name
    on a line of its own ("环境治理" in a table of 主要指标)."""
    runs: list[list] = []
    current: list = []
    blanks = 0
    after_break = False
    lines = norm.lines() if separator in norm.text else []  # (no line to look at in a plan without one)
    for i, line in enumerate(lines):
        text = line.text.strip()
        if after_break and current and _is_row(line, separator) and another_table(current[0].text, text, separator):
            runs.append(current)  # (after a page's foot, another table's header: "序号\t项目名称\t建设内容…")
            current = []
        if _is_row(line, separator) or (current and separator in line.text and text) \
                or separator == "\t" and current and _group_line(text, rules) and i + 1 < len(lines) \
                and _is_row(lines[i + 1], separator) and _NUMBERED_ROW.match(lines[i + 1].text):
            current.append(line)
            blanks, after_break = 0, False
        elif not text and current and blanks == 0:
            blanks += 1
        elif current and separator == "\t" and is_page_break(text, rules):
            blanks, after_break = 0, True  # (the page's number, "续表": the rows go on over the break)
        else:
            if current:
                runs.append(current)
            current, blanks = [], 0
    if current:
        runs.append(current)
    return runs


# a group's name written between a table's rows on a line of its own, with no separator ("环境治理",
# or numbered as a group row is: "一、扩大有效投资（6项）"), over a numbered row (not over a second
# table's header: "重点项目清单" / "序号\t项目名称…")
_GROUP_NAME = compiled(r"\p{Han}{2,12}(?:[(（][^(（)）\n]{1,10}+[)）])?")  # (with a note: "业务工作指标（80分）")
_NUMBERED_ROW = compiled(r"[ \t]{0,8}[0-9]")
MAX_GROUP_LINE = 30


def _group_line(text: str, rules: TableRules) -> bool:
    if _GROUP_NAME.fullmatch(text):
        return True
    return len(text) <= MAX_GROUP_LINE and "。" not in text \
        and bool(rules.group_row.match(text) or rules.group_count.search(text))


def _split_row(norm: Normalized, line, separator: str = "\t") -> list[Cell | None]:
    cells: list[Cell | None] = []
    start = line.start
    text = line.text
    if separator == "|" and text.lstrip().startswith("|"):  # (a Markdown row's bars around it bound no cell)
        opening = text.index("|") + 1
        start, text = start + opening, text[opening:].rstrip()
        text = text[:-1] if text.endswith("|") else text
    for part in text.split(separator):
        cells.append(_cell(norm, start, part) if part else None)  # (between two separators: no cell)
        start += len(part) + 1
    while cells and cells[-1] is None:
        cells.pop()
    return cells


_FORMS = {"\t": "tab", "|": "pipe", " ": "spaced"}


def _spaced_runs(norm: Normalized, rules: TableRules) -> list[list]:
    """Runs of lines of cells one space divides: a header ("序号 指标 2020年
    2025年 属性") and the rows under it with as many cells, opening with a
    number ("4 用水总量（亿立方米） 305.1 ＜344 约束性"), or a group's name
    on a line of its own over such a row."""
    if not any(word in norm.text for role, words in rules.roles if role == "index" for word in words):
        return []  # (no index column's header, 序号 or 编号: most plans)
    runs: list[list] = []
    lines = norm.lines()
    i = 0
    while i < len(lines):
        width = _spaced_header(lines[i].text, rules)
        if width is None:
            i += 1
            continue
        run = [lines[i]]
        i += 1
        while i < len(lines):
            text = lines[i].text.strip()
            if _spaced_row(text, width) or _group_line(text, rules) \
                    and i + 1 < len(lines) and spaced_cells(lines[i + 1].text.strip()) == width:
                run.append(lines[i])
                i += 1
            elif not text and i + 1 < len(lines) and _spaced_row(lines[i + 1].text.strip(), width):
                i += 1  # (a blank line between two rows)
            else:
                break
        if len(run) > 2:
            runs.append(run)
    return runs


def _spaced_row(words: str, width: int) -> bool:
    """A row (its words, stripped) of ``width`` cells one space divides."""
    return spaced_cells(words) == width and is_spaced_row(words)


def _spaced_header(text: str, rules: TableRules) -> int | None:
    """The number of columns of a header of cells one space divides, or None."""
    text = text.strip()
    width = spaced_cells(text)
    if width < MIN_SPACED_CELLS:
        return None
    cells = text.split(" ")
    if column_role(cells[0], rules) != "index" or not any(column_role(c, rules) not in (None, "other", "index") for c in cells[1:]):
        return None
    return width


# a Markdown table's rule under its header: "|---|:---:|"
_RULE_CELL = compiled(r"^:?-+:?$")  # (on a cell's text, stripped: "---", ":-:", "-")


def _is_contents(rows: list[list[Cell | None]]) -> bool:
    pages = sum(1 for r in rows if len([c for c in r if c]) == 2 and r[-1] and _PAGE_NUMBER.match(r[-1].key))
    return pages >= max(2, len(rows) * 0.6)


def tab_tables(norm: Normalized, sections: tuple[Section, ...], rules: TableRules, separator: str = "\t") -> list[ParsedTable]:
    """Tables whose rows are lines and whose cells a separator divides."""
    tables: list[ParsedTable] = []
    for run in (_runs(norm, separator, rules) if separator != " " else _spaced_runs(norm, rules)):
        table = _tab_table(norm, run, sections, rules, separator, len(tables))
        if table is not None:
            tables.append(table)
    return tables


def _tab_table(norm: Normalized, run: list, sections: tuple[Section, ...], rules: TableRules, separator: str,
               n: int) -> ParsedTable | None:
    """The table a run of rows holds (the ``n``-th found with this separator),
    or None for a run too short to be one or a table of contents."""
    rows = [_split_row(norm, line, separator) for line in run]
    plain = {norm.line_of(line.start) for line in run if separator not in line.text}  # (group names on lines of their own; as cells number them)
    rows = [r for r in rows if any(r) and not all(c is None or _RULE_CELL.match(c.text.strip()) for c in r)]
    if len(rows) < 2 or _is_contents(rows):
        return None
    rows = _rejoined(rows, len(rows[0]), rules)
    box = _container(sections, run[0].start)
    title = box.title if box else None
    caption, rows = _without_captions(rows, box, rules)
    if caption is not None:
        title = title or caption
    width = max(len(r) for r in rows) if rows else 0
    rows = under_merged_header(across_page_breaks(_from_header(rows, width, rules)), width, rules)
    if len(rows) < 2:
        return None
    rows, departments = matrix_columns(rows, width, rules)
    header, roles = _header_columns(rows[0], width, rules)
    for column in departments:
        roles[column] = "matrix"
    body_rows, groups = _grouped_rows(rows[1:], width, rules, plain, roles.index("index") if "index" in roles else None)
    footnotes, notes_end = _footnotes(norm, run[-1].end, rules)
    first = next(c for c in rows[0] if c).start
    start = max(run[0].start, norm.text.rfind("\n", 0, first) + 1)
    parsed = _make(norm, box, title, header, roles, body_rows, groups, _FORMS[separator],
                   start, run[-1].end, footnotes, rules, n, notes_end, departments)
    if departments:
        parsed.marks = mark_roles(parsed, rules)
    return parsed


# a row's first cell that opens a row of its own: a number, a sub-item's ("1.1", "（1）"), a total or a note
_OWN_ROW = compiled(r"[ \t]{0,8}(?:(?:[0-9]{1,3}(?:[.．][0-9]{1,3}){0,3}|[(（][0-9一二三四五六七八九十]{1,3}[)）])[ \t]{0,8}$"
                   r"|合计|小计|总计|共计|(?:说明|注|备注)[ \t]{0,4}[:：])")


def _rejoined(rows: list[list[Cell | None]], width: int, rules: TableRules) -> list[list[Cell | None]]:
    """The rows with those a cell's line break split put together again: a numbered row
    short of the header's cells, and the next, not numbered nor a group's heading
    ("二、创新驱动", "共性指标（20分）"), whose first cell goes on with the last
    ("5\t第0036号\t关于加快中心城区老旧小区" then "加装电梯工作的建议\t刘芳\t市住建局…")."""
    out: list[list[Cell | None]] = []
    for row in rows:
        above = out[-1] if out else None
        if above is not None and 1 < len(above) < width and above[0] is not None and above[0].text.strip().isdigit() \
                and above[-1] is not None and row and row[0] is not None and not _OWN_ROW.match(row[0].text) \
                and not _is_group_row(row, rules) \
                and len(above) + len(row) - 1 <= width:
            out[-1] = [*above[:-1], joined(above[-1], row[0]), *row[1:]]
        else:
            out.append(row)
    return out


MIN_MERGED_ROW_CELLS = 2  # a row under merged cells keeps its own work and its units at least
MIN_MEASURE_CHARS = 8  # its first cell is a measure written out, not a number or a label ("1、", "加分项")
_NUMBERED = compiled(r"[ \t]{0,4}(?:[0-9０-９①-⑳一二三四五六七八九十A-Za-z]{1,3}[、.．)）-]|第[0-9一二三四五六七八九十]{1,3}[项条])")

# rows a sheet may hold over its header: its title block ("填报单位：…\t\t更新日期：…"), a merged row of goals
MAX_ROWS_OVER_HEADER = 4


def _from_header(rows: list[list[Cell | None]], width: int, rules: TableRules) -> list[list[Cell | None]]:
    """The rows from the header on: where the first row names no task
    table's columns and one of the next few does (a ledger pasted from a
    spreadsheet with its title block), the rows over it are no part of it."""
    if not rows or names_task_columns(_header_columns(rows[0], width, rules)[1]):
        return rows
    for k in range(1, min(len(rows) - 1, MAX_ROWS_OVER_HEADER + 1)):
        if sum(1 for c in rows[k - 1] if c) > MAX_TITLE_BLOCK_CELLS:
            break  # (a row of the table itself)
        if names_task_columns(_header_columns(rows[k], width, rules)[1]):
            return rows[k:]
    return rows


MAX_TITLE_BLOCK_CELLS = 3  # the cells a row of a sheet's title block fills: "填报单位：…", "更新日期：", "2026/2/27"


def _header_columns(row: list[Cell | None], width: int, rules: TableRules) -> tuple[list[str], list[str | None]]:
    """The header row's texts and column roles, padded to the table's width."""
    header = [c.text if c else "" for c in row]
    roles = column_roles([c.key if c else "" for c in row], rules)
    padding = width - len(row)
    return header + [""] * padding, roles + [None] * padding


def _without_captions(rows: list[list[Cell | None]], box: Section | None,
                      rules: TableRules) -> tuple[str | None, list[list[Cell | None]]]:
    """The rows after the caption that may be repeated as a table's first
    row(s) ("专栏2 …（共20项）\t\t\t\t"), and the first such caption."""
    caption = None
    while rows and _is_caption_row(rows[0], box, rules):
        caption = caption or rows[0][0].text  # type: ignore[union-attr]
        rows = rows[1:]
    return caption, rows


def _is_caption_row(row: list[Cell | None], box: Section | None, rules: TableRules) -> bool:
    """A row of one cell, in the first column, naming the box it sits in or
    opening like a caption."""
    first = row[0]
    if first is None or len([c for c in row if c]) != 1:
        return False
    return bool((box and first.key.replace(" ", "").startswith(box.id)) or rules.caption_start.match(first.key))


def _grouped_rows(rows: list[list[Cell | None]], width: int, rules: TableRules,
                  plain: set[int] | frozenset[int] = frozenset(), index_column: int | None = None,
                  ) -> tuple[list[list[Cell | None]], list[str | None]]:
    """The body rows padded to the header's width, each with the group heading
    above it; a row that is only a group heading (or the group name on a line
    of ``plain``, line numbers with no separator) is no body row. A numbered row
    short of as many cells as stand before the index column ("领域 | 序号 | 指标 …", the
    领域 cell merged down a group) is padded in front (province-goal-figures-varieties-2026)."""
    body_rows: list[list[Cell | None]] = []
    groups: list[str | None] = []
    current_group = None
    above_whole = False  # (the row above fills every column)
    for r in rows:
        if _is_group_row(r, rules) or r[0] is not None and r[0].line in plain:
            current_group = r[0].text  # type: ignore[union-attr]
            continue
        short = width - len(r)
        if 0 < short == index_column and r[0] is not None and _OWN_ROW.match(r[0].key):
            body_rows.append([None] * short + r)  # (a merged cell before the number: "健康水平 | 1 | …" then "2 | …")
        elif 0 < short and above_whole and index_column == 0 and len(r) >= MIN_MERGED_ROW_CELLS \
                and all(c is not None and c.text.strip() for c in r) and len(r[0].text.strip()) >= MIN_MEASURE_CHARS \
                and not _OWN_ROW.match(r[0].key) and heading_mark(r[0].key, rules) is None and not _NUMBERED.match(r[0].key):
            # (a numbered row's first cells merged down over the rows after it: "2 | 巩固提升水环境质量 | 开展… | …"
            # then "推进城镇污水处理提质增效… | 市住房城乡建设局… | 2026年12月底前", city-npc-deliberation-opinions-
            # implementation-2026)
            body_rows.append([None] * short + r)
        else:
            body_rows.append(r + [None] * short)
        above_whole = len(r) == width or above_whole and short > 0 and body_rows[-1][0] is None
        groups.append(current_group)
    return body_rows, groups


def _is_group_row(row: list[Cell | None], rules: TableRules) -> bool:
    """One cell, in the first column, that heads a group: a group heading of
    the rules, or a count of items in brackets."""
    first = row[0]
    if first is None or len([c for c in row if c]) != 1:
        return False
    return bool(rules.group_row.match(first.key) or rules.group_count.search(first.key))
