"""Indicator tables: a 主要指标 table's rows as the plan's targets — the metric
and unit from the name cell (or a unit column), comparator and value from the
target cell ("≥80", "300左右", a total over the plan's years "〔13〕")."""

from __future__ import annotations

from decimal import Decimal

from policyx.extract.tables.cells import _BOUND, _FOOTNOTE_MARKS, _UNIT_IN_NAME, Cell, ParsedTable, cell_at, header_year
from policyx.extract.target_values import read_value
from policyx.model import Target
from policyx.rules import RuleSet
from policyx.text.kept import KeptByIdentity
from policyx.text.normalize import Normalized
from policyx.text.stored_patterns import compiled


def indicator_targets(parsed: list[ParsedTable], norm: Normalized, rules: RuleSet) -> list[Target]:
    """The plan's targets from its indicator tables."""
    units = rules.targets.units
    targets = []
    for p in (p for p in parsed if p.table.kind in ("indicator", "task")):
        at = p.positions
        if "indicator" not in at or "target" not in at or p.table.kind == "task" and ("work" in at or "task" in at):
            continue  # (…and a task table's indicators only where it names no work: a 指标体系 with its 牵头单位)
        year = header_year(p.table.columns[at["target"]], rules.tables)
        for row, group, name, cell in indicator_rows(p):
            targets.append(indicator_target(row, at, name, cell, group, year, units, rules))
    return targets


_NO_NAME = compiled(r"一级|单位|属性|解释|说明|类型|性质|类别|分类")  # (an indicator column that names no indicator)


def indicator_rows(p: ParsedTable):
    """``(row, group, name cell, target cell)`` of each row naming an
    indicator with a target. A row with no target cell takes the one above
    when that holds words, not a number: a cell spanning rows
    ("控制在国家下达指标范围内"). The row's indicator is named by the first
    indicator column that is no group's, unit's, kind's or gloss's (二级指标 after
    一级指标; 指标名称 before 指标单位, 指标属性, 指标解释)."""
    at = p.positions
    named = next((i for i, role in enumerate(p.roles) if role == "indicator" and not _NO_NAME.search(p.table.columns[i])),
                 at["indicator"])
    carried: Cell | None = None
    for row, group in zip(p.cells, p.groups):
        name = row[named] if named < len(row) else None
        if name is None:
            continue
        cell = row[at["target"]]
        if cell is None and carried is not None and read_value(carried.text.lstrip("≤≥<>")) is None:
            cell = carried
        if cell is None:
            continue
        carried = cell
        yield row, group, name, cell


def indicator_target(row: list[Cell | None], at: dict[str, int], name: Cell, cell: Cell, group: str | None,
                      year: int | None, units: frozenset[str], rules: RuleSet) -> Target:
    """The target of one indicator row: metric and unit from the name cell
    (else the unit column), comparator and value from the target cell; a
    total over the plan's years ("〔13〕") is the change its name says
    ("…能源消耗降低": decrease)."""
    metric, unit = _name_and_unit(name.text, units)
    if unit is None:
        unit = _cell_text(row, at, "unit")
        unit = unit.strip().replace("％", "%") if unit and unit.strip() not in ("", "-", "—") else None
    cumulative = rules.tables.cumulative_cell.match(cell.text)
    value_max = None
    if cumulative:
        comparator, value = _change_named(metric, rules), read_value(cumulative.group("value"))
    elif (change := _change_in_cell(cell.text, rules)) is not None:
        comparator, value, unit = change[0], change[1], change[2] or unit
    elif (bounds := _RANGE_CELL.fullmatch(cell.text.strip())) is not None:
        comparator, value, value_max = "=", read_value(bounds.group("low")), read_value(bounds.group("high"))
    else:
        comparator, value = _indicator_value(cell.text, rules.targets.bound_of)
    baseline = _cell_text(row, at, "baseline")
    attribute = _cell_text(row, at, "attribute")
    return Target(
        raw=cell.text, metric=metric, comparator=comparator, value=value, value_max=value_max, unit=unit, year=year,  # type: ignore[arg-type]
        baseline_year=None, span=(cell.start, cell.end), value_span=(cell.start, cell.end), line=name.line,
        group=group, source="table", baseline=baseline, attribute=attribute,
        value_text=None if value is not None else cell.text, rule="table.indicator",
    )


def _change_named(metric: str, rules: RuleSet) -> str:
    """The change an indicator's name says ("化学需氧量重点工程减排量": decrease), else "="."""
    changes = _CHANGE_WORDS.get(rules.targets)
    if changes is None:  # (the words of a change, longest first: made once a rule set)
        changes = _CHANGE_WORDS.put(rules.targets, sorted(
            ((w, c) for w, c in rules.targets.comparator_of.items() if c in ("decrease", "increase") and len(w) > 1),
            key=lambda wc: -len(wc[0])))
    return next((c for w, c in changes if w in metric), "=")


_CHANGE_WORDS: KeptByIdentity[list[tuple[str, str]]] = KeptByIdentity(4)


def _change_in_cell(text: str, rules: RuleSet) -> tuple[str, Decimal | None, str | None] | None:
    """A target cell that states a change ("下降3个百分点", "提高2%"): its comparator, value and
    unit when the cell names one (province-goal-figures-varieties-2026); None for any other cell."""
    found = _CHANGE_CELL.fullmatch(text.strip())
    if found is None:
        return None
    word = found.group("word")
    comparator = rules.targets.comparator_of.get(word) if len(word) > 1 else None
    if comparator not in ("decrease", "increase"):
        return None
    return comparator, read_value(found.group("value")), found.group("unit")


_CHANGE_CELL = compiled(r"(?P<word>\p{Han}{1,4}?)[ \t]{0,2}(?P<value>[0-9]{1,6}(?:\.[0-9]{1,4})?)[ \t]{0,2}(?P<unit>个百分点|%)?")
_RANGE_CELL = compiled(r"(?P<low>[0-9]{1,6}(?:\.[0-9]{1,4})?)[ \t]{0,2}%?[ \t]{0,2}[—–\-~～至到]{1,2}[ \t]{0,2}(?P<high>[0-9]{1,6}(?:\.[0-9]{1,4})?)[ \t]{0,2}%?")


def _cell_text(row: list[Cell | None], at: dict[str, int], role: str) -> str | None:
    """The text of the row's cell in the column of ``role``, if any."""
    cell = cell_at(row, at, role)
    return cell.text if cell else None


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
        if unit is None and (candidate in units or candidate == "%" or _unit_per_unit(candidate, units)):
            unit = candidate
        name = _FOOTNOTE_MARKS.sub("", name[:m.start()]).strip()
    return name, unit


def _unit_per_unit(unit: str, units: frozenset[str]) -> bool:
    """A rate's unit: "公里/平方公里", "吨/日" — a unit over a unit."""
    above, _, below = unit.partition("/")
    return above in units and (below in units or below in ("日", "天", "年", "月"))


_CELL_NUMBER = compiled(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")  # ("3,300": thousands set apart)


def _indicator_value(text: str, bound_of: dict[str, str]) -> tuple[str, Decimal | None]:
    """A target cell's comparator and value: "≥80", "8", and a bound word after
    the number ("300左右": ~, "95以上": >=; city-special-plan-14th-2021)."""
    comparator = "="
    stripped = text.strip()
    if stripped[:1] in _BOUND:
        comparator = _BOUND[stripped[:1]]
        stripped = stripped[1:].strip()
    elif (number := _CELL_NUMBER.match(stripped)) and stripped[number.end():].strip() in bound_of:
        comparator = bound_of[stripped[number.end():].strip()]
        stripped = number.group()
    value = read_value(stripped) if _CELL_NUMBER.fullmatch(stripped) else None
    return comparator, value


