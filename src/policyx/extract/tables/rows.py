"""From a task table's rows to tasks (indicator tables: indicators.py)."""

from __future__ import annotations

from dataclasses import replace

from policyx.extract.clauses import ParsedClause, UnitLists, as_written, parse_clause
from policyx.extract.clauses.units import NO_ONE
from policyx.extract.deadlines import find_deadlines
from policyx.extract.placement import deadlines_within
from policyx.extract.tables.pieces import RowText
from policyx.extract.tables.row_titles import row_title
from policyx.extract.tables import row_dates
from policyx.extract.tables.standing import standing_over, with_standing
from policyx.extract.tables.cells import Cell, ParsedTable, cell_at, header_year, work_cell
from policyx.extract.tables.indicators import indicator_rows, indicator_target
from policyx.extract.tables.list_conventions import a_places_own, as_the_plan_says, plan_convention
from policyx.extract.tables.matrix import matrix_departments
from policyx.extract.tables.merged import continues, dittoed, merged_filled, merges_cells
from policyx.extract.target_values import read_value
from policyx.extract.targets import find_targets
from policyx.model import Target, Task
from policyx.rules import RuleSet
from policyx.rules.tables import TableRules
from policyx.text.kept import KeptByIdentity
from policyx.text.normalize import Normalized
from policyx.text.stored_patterns import compiled

# -- from tables to tasks and targets ------------------------------------------------


def _row_departments(row: list[Cell | None], roles: list[str | None], norm: Normalized, rules: RuleSet,
                     lists: UnitLists):
    """Lead, participants and implementers of a task row: each column gives
    its role, unless the cell writes its own ("市住建局（牵头）、市发改委");
    ``roles``: the table's columns, every one of a role read (会办单位 |
    协办单位); ``lists``: the cells read so far (this plan's and others')."""
    parsed = ParsedClause()
    for role, column in (("lead", "lead"), ("participant", "participants"), ("implementer", "implementers")):
        for cell in (row[i] for i, r in enumerate(roles) if r == column and i < len(row)):
            if cell is None or cell.text.strip() in NO_ONE:
                continue
            words = norm.text[cell.start:cell.end]
            labelled = rules.responsibility.label_pattern.match(words.lstrip())
            # (a cell that labels its units: "会办：市生态环境局；协办：市公安局", city-proposals-handling-2026)
            read = (labelled and parse_clause(words, cell.start, rules.departments, rules.responsibility)) \
                or lists.read(words, cell.start, role, rules.departments, rules.responsibility)
            parsed.lead += read.lead
            parsed.participants += read.participants
            parsed.implementers += read.implementers
    source = norm.source
    return (as_written(parsed.lead, source, "table.lead_column"), as_written(parsed.participants, source, "table.participants_column"),
            as_written(parsed.implementers, source, "table.implementers_column"))


def _indicator_row_tasks(p: ParsedTable, norm: Normalized, rules: RuleSet, lists: UnitLists, within) -> list[Task]:
    """The rows of an indicator table with a lead column (a 指标体系 whose every
    indicator names its 牵头单位, province-no-waste-city-2024): a task an
    indicator, titled by it, its target the row's — or, where its target cell
    is words with figures ("稳定在78.6万亩以上", "4.2万亩，11月底前完成主体工程",
    a 目标责任书's), the targets and dates written there."""
    at = p.positions
    year = header_year(p.table.columns[at["target"]], rules.tables)
    tasks = []
    for n, (row, group, name, cell) in enumerate(indicator_rows(p), 1):
        lead, participants, implementers = _row_departments(row, p.roles, norm, rules, lists)
        if not (lead or participants or implementers):
            continue
        target = indicator_target(row, at, name, cell, group, year, rules.targets.units, rules)
        deadlines, targets = row_dates.goal_year(p, at, cell, norm, rules), [target]
        if target.value is None:
            deadlines = within(cell) or deadlines
            targets = _row_targets(cell, deadlines, norm, rules)
        tasks.append(Task(
            id=f"{p.table.id}.{n}", section=p.table.section, title=target.metric or name.text.strip(), text=name.text,
            line=name.line, span=(name.start, name.end), lead=lead, participants=participants, implementers=implementers,
            source="table", rule="table.indicator_row", deadlines=tuple(deadlines), targets=tuple(targets),
            table=p.table.id,
        ))
    return tasks


def table_tasks(parsed: list[ParsedTable], norm: Normalized, rules: RuleSet, deadlines: list | None = None,
                plan_year: int | None = None) -> list[Task]:
    """One task per row of every task table; ``deadlines`` are the plan's
    deadlines (found once over the whole text), else they are looked for here
    (and in a row whose cells stand in pieces, with ``plan_year``)."""
    if deadlines is None:
        deadlines = find_deadlines(norm.text, 0, rules.deadlines, norm.source, norm.line_of)
    starts = [d.span[0] for d in deadlines]

    def within(cell: Cell | None) -> list:
        return deadlines_within(deadlines, starts, cell.start, cell.end) if cell else []

    tasks = []
    lists = _unit_lists(rules)
    first_leads = plan_convention(parsed, norm, rules, "first_is_lead")
    semicolon_leads = plan_convention(parsed, norm, rules, "lead_before_semicolon")
    for p in (p for p in parsed if p.table.kind == "task"):
        at = p.positions
        if "indicator" in at and "target" in at and "work" not in at and "task" not in at:
            tasks.extend(_indicator_row_tasks(p, norm, rules, lists, within))
            continue
        groups = p.table.row_groups or (None,) * len(p.cells)
        standing = standing_over(p, norm, rules)
        merged = merges_cells(p, at)
        above: list[Cell | None] | None = None
        for n, (row, group) in enumerate(zip(p.cells, groups), 1):
            if above is not None:
                row = dittoed(row, above, at, rules.tables.ditto_cell)
            if above is not None and group == groups[n - 2] and (merged or continues(row, at)):
                row = merged_filled(row, above, at)
            above = row
            if any(c is not None and c.pieces for c in row):
                task = _pieced_row_task(p, at, n, row, norm, rules, lists, plan_year)
            else:
                task = _row_task(p, at, n, row, norm, rules, within, lists, plan_year)
            if task is not None:
                task = with_standing(task, standing) if standing else task
                tasks.append(task if "participants" in at else
                             as_the_plan_says(task, row, at, norm, rules, first_leads, semicolon_leads))
    return tasks


# the cells a spreadsheet merges down the rows of one task: pasted as text, only its first row holds them
def _pieced_row_task(p: ParsedTable, at: dict[str, int], n: int, row: list[Cell | None], norm: Normalized,
                     rules: RuleSet, lists: UnitLists, plan_year: int | None) -> Task | None:
    """The task of a row whose cells a column wrapped over lines: read on its
    cells' words joined, then placed back in the plan's text."""
    words = RowText(norm, row)
    found = [d for d in find_deadlines(words.text, 0, rules.deadlines, words.source, words.line_of, reference_year=plan_year)
             if rules.deadlines.is_deadline(d.rule)]
    starts = [d.span[0] for d in found]

    def within(cell: Cell | None) -> list:
        return deadlines_within(found, starts, cell.start, cell.end) if cell else []

    task = _row_task(p, at, n, words.cells, words, rules, within, lists)  # type: ignore[arg-type]
    return words.placed(task) if task is not None else None


class _KeptLists(UnitLists):
    """The department cells read with one registry and these responsibility
    rules (a cell longer than MAX_KEPT_CHARS is read each time: no office list)."""

    def __init__(self, resp) -> None:
        super().__init__()
        self.resp = resp

    def read(self, items: str, offset: int, role: str, registry, rules) -> ParsedClause:
        if len(items) > MAX_KEPT_CHARS:
            return UnitLists().read(items, offset, role, registry, rules)
        return super().read(items, offset, role, registry, rules)


# the department cells of the plans read so far (tables name the same offices plan after plan, and
# a plan read again names all its own), by the registry read with: the last four, each up to a bound
_UNIT_LISTS: KeptByIdentity[_KeptLists] = KeptByIdentity(4)
MAX_KEPT_CELLS = 5_000
MAX_KEPT_CHARS = 200


def _unit_lists(rules: RuleSet) -> UnitLists:
    """The cells read with these rules, forgotten when there are too many (before a plan is read)."""
    found = _UNIT_LISTS.get(rules.departments)
    if found is None or found.resp is not rules.responsibility:
        found = _UNIT_LISTS.put(rules.departments, _KeptLists(rules.responsibility))
    elif len(found) > MAX_KEPT_CELLS:
        found.clear()
    return found


def _row_task(p: ParsedTable, at: dict[str, int], n: int, row: list[Cell | None], norm: Normalized, rules: RuleSet,
              within, lists: UnitLists, plan_year: int | None = None) -> Task | None:
    """The task of row ``n`` of a task table (``at``: its columns by role), or
    None for a row with no work item; ``within(cell)`` gives the plan's
    deadlines inside a cell, ``lists`` the department cells read so far."""
    first = next((c for c in row if c is not None and c.text.strip()), None)
    if first is not None and _COUNT_AFTER.sub("", first.text.strip()) in _TOTALS:
        return None  # (a total's row: "合计 | 4项", " | 合计（15个） | 153.5")
    work = work_cell(row, at)
    if work is None:
        return _place_row_task(p, at, n, row, norm, rules, lists, within)
    deadline_cell = cell_at(row, at, "deadline")
    in_column = within(deadline_cell) or row_dates.deadline_cell(deadline_cell, norm, rules.tables, plan_year)
    row_deadlines = row_dates.row_deadlines(work, within(work), in_column, norm)
    if not row_deadlines:  # (a remark's date is the row's only when it has none: "上年度结转项目，2025年10月底前已开工")
        row_deadlines = within(cell_at(row, at, "remarks"))
    targets = _row_targets(work, row_deadlines, norm, rules)
    goals = [i for i, role in enumerate(p.roles) if role == "target"]
    if len(goals) > 1:  # (a milestone for each year: "2024年目标 | 2025年目标 | 2026年目标")
        row_deadlines, targets = _milestones(p, at, row, goals, work, (row_deadlines, bool(in_column)), targets,
                                             norm, rules, within)
    goal = cell_at(row, at, "target")
    if goal is not None and goal is not work and len(goals) == 1:  # (a column of goals: "Ⅳ类（总磷≤0.3mg/L）" under "2025年水质目标")
        # (a goal's own date is the row's too: "2025年6月底前完成园区污水处理设施扩容改造" under 整改目标)
        # (beside a 完成时限 column, a goal's bare year dates its figures, not the row: "到2027年，…达到75%以上")
        in_goal = [d for d in within(goal) if not in_column or not row_dates.a_years_target(d)]
        row_deadlines = row_dates.in_order(row_deadlines, in_goal) if in_goal \
            else row_deadlines or row_dates.goal_year(p, at, goal, norm, rules)
        targets += _row_targets(goal, row_deadlines, norm, rules)
    if "period" in p.roles:  # (a milestone for each month or quarter: "1月 | 2月 | … | 12月")
        row_deadlines, targets = _period_milestones(p, row, plan_year, row_deadlines, targets, norm, rules)
    amount = _amount_target(p, at, row, norm, rules)
    if amount is not None:
        targets.append(amount)
    lead, participants, implementers = _row_departments(row, p.roles, norm, rules, lists)
    if p.departments:
        marked = matrix_departments(p, row, norm, rules, lists)
        lead += as_written(marked.lead, norm.source, "table.matrix")
        participants += as_written(marked.participants, norm.source, "table.matrix")
        implementers += as_written(marked.implementers, norm.source, "table.matrix")
    return Task(
        id=f"{p.table.id}.{n}", section=p.table.section, title=row_title(row, at, work, rules.tables, p.table.form), text=work.text,
        line=_row_line(row, at, work), span=(work.start, work.end), lead=lead, participants=participants, implementers=implementers,
        source="table", rule="table.row",
        deadlines=tuple(row_deadlines), targets=tuple(targets), table=p.table.id,
    )


def _period_milestones(p: ParsedTable, row: list[Cell | None], year: int | None, row_deadlines: list,
                       targets: list[Target], norm: Normalized, rules: RuleSet) -> tuple[list, list[Target]]:
    """A row's milestone for each month or quarter, a column each: due by the
    period's end in the plan's year, its figures due then ("完成投资50%" under
    "6月", county-battle-map-monthly-2026)."""
    for cell, due in row_dates.period_milestones(p, row, year, norm, rules.tables):
        dated = [due] if due is not None else []
        row_deadlines = [*row_deadlines, *dated]
        targets = [*targets, *(replace(t, rule=row_dates.PERIOD_RULE) for t in _row_targets(cell, dated, norm, rules))]
    return row_deadlines, targets


def _milestones(p: ParsedTable, at: dict[str, int], row: list[Cell | None], goals: list[int], work: Cell,
                dated: tuple[list, bool], targets: list[Target], norm: Normalized, rules: RuleSet, within) -> tuple[list, list[Target]]:
    """A row's goal for each year, a column each: due by its own date, else
    by the end of its column's year, its figures due then ("新建公共充电桩7000个"
    under "2025年目标"; province-three-year-milestones-2024). ``dated``: the
    row's deadlines, and whether its 完成时限 cell gave them (then a column's
    year dates its figures only); a cell that holds no words ("—", "/", "无") is none."""
    row_deadlines, by_column = dated
    for column in goals:
        goal = row[column] if column < len(row) else None
        if goal is None or goal is work or not row_dates.HOLDS_WORDS.search(goal.key):
            continue
        due = within(goal) or row_dates.goal_year(p, at, goal, norm, rules, column)
        if not by_column:
            row_deadlines = row_dates.in_order(row_deadlines, due)
        targets = [*targets, *_row_targets(goal, due, norm, rules)]
    return row_deadlines, targets




_TOTALS = frozenset({"合计", "小计", "总计", "共计", "合 计", "小 计"})
_COUNT_AFTER = compiled(r"(?<![ \t])[ \t]*+[(（][^()（）]{0,12}[)）][ \t]*+$")  # ("合计（15个）")


def _amount_target(p: ParsedTable, at: dict[str, int], row: list[Cell | None], norm: Normalized, rules: RuleSet) -> Target | None:
    """A row's amount for the year, as its header writes it: "2026年计划投资（万元）"
    over "22000" is "= 22000 万元" in 2026."""
    cell = cell_at(row, at, "amount")
    return None if cell is None else _column_target(p, at["amount"], cell, norm, rules, "table.amount")


def _column_target(p: ParsedTable, column: int, cell: Cell, norm: Normalized, rules: RuleSet, rule: str) -> Target | None:
    """The figure of a cell as its column's header names it (what, in what unit, of what year)."""
    value = read_value(cell.text.strip())
    header = rules.tables.amount_header.fullmatch(p.table.columns[column])
    if value is None or header is None:
        return None
    year = int(header.group("year")) if header.group("year") else None
    return Target(raw=norm.source[cell.start:cell.end].strip(), metric=header.group("metric").strip(), comparator="=",
                  value=value, unit=header.group("unit"), year=year, baseline_year=None, span=(cell.start, cell.end),
                  value_span=(cell.start, cell.end), line=cell.line, source="table", rule=rule)


_FIGURE_ROLES = (None, "target", "amount")  # (columns that may hold a place's figures)


def _noted_bound(target: Target, notes: tuple[str, ...], rules: TableRules) -> Target:
    """A column's figure as a cap or a floor where the table's note says so of
    the column: its metric, then up to the end of the note's phrase, a word of
    ``bound_note`` ("…重度及以上污染天数为年度控制上限": <=)."""
    metric = target.metric or ""
    for note in notes:
        at = note.find(metric) if metric else -1
        if at < 0:
            continue
        phrase = _PHRASE_END.split(note[at + len(metric):], maxsplit=1)[0]
        found = next((c for w, c in rules.bound_note if w in phrase), None)
        if found is not None:
            return replace(target, comparator=found)
    return target


_PHRASE_END = compiled(r"[，,。；;]")


def _place_row_task(p: ParsedTable, at: dict[str, int], n: int, row: list[Cell | None], norm: Normalized, rules: RuleSet,
                    lists: UnitLists, within) -> Task | None:
    """A row of a table whose header names no work column: a place, its figures
    to reach and who answers for them (a 目标任务分解表: "红旗区 | 45 | 67 | 6 |
    红旗区人民政府", city-targets-by-county-table-2026), a task named by the
    place, with a target a figure of a column of targets; or a field of work and
    who answers for it ("危险化学品 | 市应急管理局 | 市公安局… | 整治重点…",
    city-safety-campaign-phases-2026), a task named by the field. None for a row
    no one answers for (the plan's own "全市" row)."""
    place = _place_column(p, at)
    name = row[place] if place is not None and place < len(row) else None
    if name is None:
        return None
    targets = []
    for i, cell in enumerate(row):
        if i == place or cell is None or p.roles[i] not in _FIGURE_ROLES:
            continue
        target = _column_target(p, i, cell, norm, rules, "table.place_row")
        if target is None:
            continue
        bounded = _noted_bound(target, p.table.footnotes, rules.tables)
        if bounded is not target or p.roles[i] is not None or rules.tables.figure_header.search(p.table.columns[i]):
            targets.append(bounded)  # (not what the place has or has done: "行政村数（个）", "2025年已改厕（户）")
    lead, participants, implementers = _row_departments(row, p.roles, norm, rules, lists)
    if not (lead or participants or implementers):
        return None
    if not targets and not _names_work(name.text, p.table.columns[place], rules):
        return None
    deadline_cell = cell_at(row, at, "deadline")  # (a field of work's 完成时限: "水质不达标 | 市生态环境局 | 2025年6月")
    deadlines = within(deadline_cell) or row_dates.deadline_cell(deadline_cell, norm, rules.tables)
    # the place's own government answers for its figures; a park's committee carries them out
    own = tuple(r for r in implementers if a_places_own(r, rules.departments))
    lead, implementers = (*own, *lead), tuple(r for r in implementers if r not in own)
    return Task(
        id=f"{p.table.id}.{n}", section=p.table.section, title=name.text.strip(), text=name.text, line=name.line,
        span=(name.start, name.end), lead=lead, participants=participants, implementers=implementers,
        source="table", rule="table.place_row", deadlines=tuple(deadlines), targets=tuple(targets), table=p.table.id,
    )


def _place_column(p: ParsedTable, at: dict[str, int]) -> int | None:
    """The column that names a row's place: the first, or the one after a 序号 column, of no role."""
    if "task" in at or "work" in at:
        return None
    first = 1 if p.roles and p.roles[0] == "index" else 0
    return first if first < len(p.roles) and p.roles[first] is None else None



def _row_line(row: list[Cell | None], at: dict[str, int], work: Cell) -> int:
    """The line a row's task starts on: its task's name in a column of its own, when it is the row's own
    (after the row's number) and stands before its work (a table written one cell a line puts "工作任务" a
    line above "具体措施"), else its work. (A task's cell merged over rows is no row's own.)"""
    task, index = cell_at(row, at, "task"), cell_at(row, at, "index")
    own = task is not None and index is not None and index.start < task.start < work.start
    return task.line if own else work.line


def _row_targets(work: Cell, row_deadlines: list, norm: Normalized, rules: RuleSet) -> list[Target]:
    """The targets of a work item; one with no year of its own is due in the
    year of the row's first "by" deadline."""
    targets = find_targets(norm.text[work.start:work.end], work.start, rules.targets, norm.source,
                           norm.line_of, row_deadlines, requires=rules.requires)
    due = next((int(d.date[:4]) for d in row_deadlines if d.kind == "by" and d.date), None)
    return [t if t.year is not None or due is None else replace(t, year=due) for t in targets]


def _names_work(name: str, header: str, rules: RuleSet) -> bool:
    """Whether a row's first cell names a field of work ("危险化学品", "城镇燃气"), under a header
    that names no places ("行业领域", "问题"), not a place ("红旗区", "城关镇": a place's row
    answers for its figures)."""
    name = _PLACE_NOTE.sub("", name.strip())
    registry = rules.departments
    at_end = any(m.end() == len(name) for m in registry.place_end.finditer(name, 1))
    return len(name) > 1 and not name[0].isdigit() and not rules.tables.place_header.search(header) \
        and not (at_end and registry.place_name.fullmatch(name)) and not _LOCAL.search(name)


_PLACE_NOTE = compiled(r"[（(][^（()）]{1,12}[)）]$")  # ("红旗区（含高新区）")
_LOCAL = compiled(r"(?:镇|乡|街道|村|社区|办事处|本级)$|^(?:市|县|区)直")  # (a township, a street, 市本级, 市直单位)
