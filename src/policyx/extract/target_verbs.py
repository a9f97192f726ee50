"""Targets read from a verb and its object before a count: "新增省级以上创新平台10家",
"新建建筑垃圾中转站8个、建筑垃圾分类池20个" (the verbs, by comparator, in
``rules/targets.yaml`` ``verb_object``): the second pass over a stretch, after
the comparators and bounds of :mod:`policyx.extract.targets`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from policyx.extract.target_metrics import clause_start, metric_after
from policyx.extract.target_values import read_value, restate
from policyx.extract.target_years import in_their_years
from policyx.model import Target, replaced
from policyx.rules.targets import TargetRules
from policyx.text.spans import Spans
from policyx.text.stored_patterns import compiled

if TYPE_CHECKING:
    from policyx.extract.targets import _Stretch

# comparators that state a change rather than a level
CHANGES = ("increase", "decrease")


def verb_object_targets(stretch: _Stretch, found: list[Target], matches: list[regex.Match]) -> list[Target]:
    """``found`` (in order, none overlapping) with the targets of the
    verb-object ``matches`` added. Where one reads a number already read,
    it replaces a bound's reading if its verb states an amount, and is
    dropped otherwise."""
    starts = [t.value_span[0] for t in found]
    values = Spans(t.value_span for t in found)
    dropped: set[int] = set()  # (indices in found of the readings a verb's replaced)
    listed: set[int] = set()  # (where the numbers read as listed objects start)
    out: list[Target] = []
    for m in matches:
        value_span = (stretch.offset + m.start("num"), stretch.offset + m.end("unit"))
        if stretch.excluded(m.start()) or value_span[0] in listed:
            continue
        overlapping = [i for i in _overlapping(found, starts, value_span) if i not in dropped]
        if overlapping:
            if not _verb_overrides(stretch, m, [found[i] for i in overlapping]):
                continue
            dropped.update(overlapping)
        read = _verb_target(stretch, m, value_span)
        if read is not None:
            target, end, counted_first = read
            more = (_counted_after if counted_first else _listed_after)(stretch, end, target, values)
            listed.update(t.value_span[0] for t in more)
            out += _each_in_its_year(stretch, m, [target, *more])
    return [t for i, t in enumerate(found) if i not in dropped] + out


_NOUN_AFTER = compiled(r"\p{Han}")
_MAY_FOLLOW_A_COUNT = compiled(r"[等的]")
_ENDS_WITH_A_LINK = compiled(r"(?:及|和|与|、)$")


def _of_the_noun_after(masked: str, end: int, metric: str, rules: TargetRules) -> bool:
    """Whether a count after a verb's words is of the noun right after it, the
    words before it a link to that noun or a description of it ("新建城北污水处理厂及
    20公里配套管网", "完成省政府下达的、涉及民生的10件实事"): the noun after is the metric."""
    if not _NOUN_AFTER.match(masked, end) or _MAY_FOLLOW_A_COUNT.match(masked, end) \
            or rules.after_metric_stop.match(masked, end) or rules.bound_after.match(masked, end):
        return False
    return "的" in metric or _ENDS_WITH_A_LINK.search(metric) is not None


def _no_count_of_the_verb(metric: str, masked: str, end: int, rules: TargetRules) -> bool:
    """A count that is no verb's target: one the verb's words set to a rate
    ("实施阶段性降低失业保险费率为1%政策"), one of things the verb describes
    ("对2022年实施改造的石津等7处大型灌区": 改造的, a relative clause), one that
    qualifies the noun after it ("实施总投资1200亿元的260个重点项目")."""
    if metric.endswith("为") and _NOUN_AFTER.match(masked, end):
        return True
    if metric.startswith("的") or (verb := rules.verb_finder.match(metric)) is not None and metric[verb.end():verb.end() + 1] == "的":
        return True  # (the verb's words end in 的 right after it, or after a second verb: "实施改造的…")
    # (…or the noun after 的 that a count follows: "培育营业收入超100亿元的医药企业10家以上", province-goal-figures-varieties-2026)
    return bool(metric) and masked[end:end + 1] == "的" and (
        masked[end + 1:end + 2].isdigit() or rules.noun_counted.match(masked, end + 1) is not None)



def _each_in_its_year(stretch: _Stretch, m: regex.Match, targets: list[Target]) -> list[Target]:
    """A verb's list of counts after a list of as many years and 分别, each in its
    year: "2023年、2024年、2025年分别新增公共充电桩2500个、3500个、4000个"."""
    respectively = stretch.rules.respectively
    if len(targets) < 2 or respectively is None:
        return targets
    found = stretch.years_listed_before(m, len(targets))
    if found is None or not respectively.fullmatch(stretch.masked[found[1]:m.start()].strip()):
        return targets
    return in_their_years(targets, found[0])


def _counted_after(stretch: _Stretch, end: int, first: Target, taken: Spans) -> list[Target]:
    """The counts listed after a verb's first when each comes before its noun,
    in a measure word of its own: "筛选推荐10家科技领军企业、100项重大科技成果、1000家高新技术企业"
    (hebei-economy-stabilization-2022 x5); up to a number another reading has
    ``taken``, a share, a duration, or a count with a bound after it."""
    listed: list[Target] = []
    rules, masked = stretch.rules, stretch.masked
    while (m := rules.counted_more.match(masked, end)) is not None and not stretch.excluded(m.start()):
        value = read_value(m.group("num"))
        value_span = (stretch.offset + m.start("num"), stretch.offset + m.end("unit"))
        if value is None or taken.overlaps(*value_span) or rules.bound_after.match(masked, m.end()):
            break  # (…or a share or threshold of what follows: "、80%以上的县实现全覆盖")
        value, unit = restate(value, m.group("unit"), rules)
        if unit in rules.ratio_units or unit in rules.duration_units:
            break  # (no count of things: "、2个月内完成拨付")
        metric_start, end = metric_after(masked, m.end(), rules)
        span = (stretch.offset + m.start("num"), stretch.offset + end)
        listed.append(replaced(first, raw=stretch.original[span[0]:span[1]], metric=stretch.source(metric_start, end).strip() or None,
                               value=value, unit=unit, span=span, value_span=value_span, line=stretch.line_of(span[0])))
    return listed


def _listed_after(stretch: _Stretch, end: int, first: Target, taken: Spans) -> list[Target]:
    """The objects and counts listed after a verb's first, in its unit
    ("新建建筑垃圾中转站8个、建筑垃圾分类池20个"): the same verb's, up to a number
    another reading has ``taken``, an item with a verb of its own, or one
    that breaks the list down ("、其中市区5个")."""
    listed: list[Target] = []
    rules = stretch.rules
    while (m := rules.verb_object_more.match(stretch.masked, end)) is not None and not stretch.excluded(m.start()) \
            and not rules.verb_finder.match(stretch.masked, m.start("object")) \
            and not rules.list_item_stops.match(stretch.masked, m.start("object")):
        value = read_value(m.group("num"))
        value_span = (stretch.offset + m.start("num"), stretch.offset + m.end("unit"))
        if value is None or taken.overlaps(*value_span):
            break
        value, unit = restate(value, m.group("unit"), rules)
        if unit != first.unit and not _another_thing_built(m, unit, first.unit, rules):
            break  # (an amount of another kind: "、投资5亿元", "、总面积120公顷")
        if not m.group("object") and _NOUN_AFTER.match(stretch.masked, m.end()):
            break  # (a count of its own noun: "新建中转站8个、12个分拣中心", "2家上市")
        span = (stretch.offset + m.start("object"), stretch.offset + m.end())
        metric = rules.noun_link_end.sub("", stretch.source(*m.span("object")).strip())
        listed.append(replaced(first, raw=stretch.original[span[0]:span[1]], value=value,
                               metric=metric or (listed[-1] if listed else first).metric,  # ("2500个、3500个": its object)
                               unit=unit, span=span, value_span=value_span, line=stretch.line_of(span[0]),
                               comparator="=" if m.group("action") else first.comparator))
        end = m.end()
    return listed


def _another_thing_built(m: regex.Match, unit: str, first_unit: str | None, rules: TargetRules) -> bool:
    """Whether a listed object with a count in another unit is one more thing the
    verb makes: "新建标准化厂房6万平方米、冷链仓储中心1座" (county-key-projects-2026) —
    not money, a share or a time, on either side."""
    odd = (rules.ratio_units, rules.duration_units)
    thing = m.group("object").strip()
    return bool(thing) and not rules.another_kind.search(thing) \
        and not any(u is None or rules.money_unit.search(u) or any(u in s for s in odd) for u in (unit, first_unit))


def _verb_overrides(stretch: _Stretch, m: regex.Match, overlapping: list[Target]) -> bool:
    """"新增省级以上创新平台10家以上": the verb's increase, not the bound's >=; and
    "建成20所左右国际化学校": the verb's count, with the bound's comparator, whose
    noun follows it (the bound's reading took the verb for its metric)."""
    if not all(t.rule == "target.bound" for t in overlapping):
        return False
    rules, masked = stretch.rules, stretch.masked
    comparator, (metric_start, metric_end) = _verb_comparator(masked, m.start("verb"), m.end("object"), rules)
    if comparator in CHANGES:
        return True
    return not masked[metric_start:metric_end].strip() and rules.bound_after.match(masked, m.end()) is not None


def _sizes_what_is_counted(bound: regex.Match | None, masked: str, rules) -> bool:
    """A bound after the verb's figure run into a noun that a count follows: a size of the things counted
    ("实施500万元以上工业技改项目300个"), no target."""
    return bound is not None and rules.noun_counted.match(masked, bound.end()) is not None


def _verb_target(stretch: _Stretch, m: regex.Match, value_span: tuple[int, int]) -> tuple[Target, int, bool] | None:
    """The target of a verb-object match, where its reading ends, and whether
    its count came before its noun ("选派6个科技特派团": the metric follows)."""
    value = read_value(m.group("num"))
    rules, masked = stretch.rules, stretch.masked
    if value is None or not _the_verbs_count(stretch, m) or stretch.in_condition(m):
        return None  # (nor a count a condition or a base states: "在已建成100个示范村的基础上")
    bounding = _bounding_before_count(stretch, m)
    if bounding is None and rules.comparator_in.search(masked, m.start("object"), m.end("object")):
        return None  # (a comparator inside the object: "投入占营业收入比重高于行业平均水平20%")
    value_max = _range_end(m, rules)
    if m.group("num_max") and value_max is None:
        return None  # (no range: "2-1万个")
    value, unit = restate(value, m.group("unit"), rules)
    comparator, metric_span = _verb_comparator(masked, m.start("verb"), m.end("object"), rules)
    if comparator not in CHANGES:
        if unit in rules.duration_units:
            return None  # (a duration, "组织2个月以上的专项检查行动"; an amount verb's stays one: "新增优良天数10天")
        if bounding is not None:  # ("组建不少于150人的涉外律师人才库": the comparator's, its word no part of the metric)
            comparator, metric_span = rules.comparator_of[bounding.group()], (metric_span[0], bounding.start())
        elif rules.floor_before_verb.search(masked, max(0, m.start() - 4), m.start()):
            comparator = ">="  # ("至少建成1所…")
    end = m.end()
    bound = rules.bound_after.match(masked, end)
    if _sizes_what_is_counted(bound, masked, rules):
        return None
    if bound and comparator not in CHANGES:  # ("新增…10家以上" stays an increase)
        comparator, end = rules.bound_of[bound.group("bound")], bound.end()
    metric = rules.noun_link_end.sub("", stretch.source(*metric_span).strip())
    if _no_count_of_the_verb(metric, masked, end, rules):
        return None
    noun_after = bool(metric) and _of_the_noun_after(masked, end, metric, rules)
    # (the count right after the verb, its noun after it: "选派6个科技特派团", not "新改建1200公里、…")
    counted_first = noun_after or not metric and masked[end:end + 1].isalpha() and rules.after_metric_stop.match(masked, end) is None
    span = (stretch.offset + m.start(), stretch.offset + end)
    if counted_first:
        link = rules.noun_link.match(masked, end)
        metric_start, end = metric_after(masked, link.end() if link else end, rules)
        metric = stretch.source(metric_start, end).strip()
        if noun_after and rules.linked_documents.search(metric):
            return None
    target = Target(
        raw=stretch.original[span[0]:span[1]],
        metric=metric or None,
        comparator=comparator,  # type: ignore[arg-type]
        value=value,
        value_max=value_max,
        unit=unit,
        year=stretch.year_of(m),
        baseline_year=None,
        span=span,
        value_span=value_span,
        line=stretch.line_of(span[0]),
        rule="target.verb_object",
    )
    return target, end, counted_first


def _range_end(m: regex.Match, rules: TargetRules):
    """The upper end of a count written as a range ("3-5个"), in the count's unit; None for one count."""
    if not m.group("num_max"):
        return None
    low, high = read_value(m.group("num")), read_value(m.group("num_max"))
    if low is None or high is None or high <= low:
        return None
    return restate(high, m.group("unit"), rules)[0]


def _the_verbs_count(stretch: _Stretch, m: regex.Match) -> bool:
    """Whether the count is the verb's: not when its clause forbids it
    ("严禁…设置2个(含)以上防疫检查点"), when what follows the verb is no object
    of it ("筛选出30%的企业", "成立由12个部门组成的…", "组织全省11个设区市"), or when
    it is a support the plan gives ("…每个栏位补助1000元"). (A comparator inside
    the object is asked by :func:`_verb_target`, which reads one ending it.)"""
    rules, masked = stretch.rules, stretch.masked
    if rules.object_not_opening.match(masked, m.start("object")):
        return False
    if rules.support_words.search(masked, m.start("object"), m.end("object")) or rules.support_after.match(masked, m.end()):
        return False  # (what the plan gives for each: "新建、扩建社会养殖场每个栏位补助1000元", x7; "…的100%给予奖励", x6)
    if rules.achieved_before_verb.search(masked, max(0, m.start("verb") - 4), m.start("verb")) \
            and not _a_verb_of_its_own(m.group("object"), rules):
        return False  # (work done: "已完成投资12.3亿元"; not "在已建成小区新建充电桩500个", a verb of its own after it)
    return not rules.prohibition.search(masked, clause_start(masked, m.start("verb"), rules.metric_stop), m.start("verb"))


def _a_verb_of_its_own(words: str, rules) -> bool:
    """Whether a verb of counts stands in ``words`` as a verb, not a qualifier ("已完成治理的18条": 治理的)."""
    for verb in rules.verb_of:
        at = words.find(verb)
        if at != -1 and words[at + len(verb):at + len(verb) + 1] != "的":
            return True
    return False


def _bounding_before_count(stretch: _Stretch, m: regex.Match) -> regex.Match | None:
    """A bounding comparator that ends the object, right before the count ("组建不少于150人")."""
    found = [c for c in stretch.rules.comparator_in.finditer(stretch.masked, m.start("object"), m.end("object"))
             if c.end() == m.end("object")]
    return found[-1] if found else None


def _overlapping(found: list[Target], starts: list[int], span: tuple[int, int]) -> list[int]:
    """The indices of the targets of ``found`` (in order, none overlapping;
    ``starts``: where their values start) whose values overlap ``span``."""
    i = bisect.bisect_left(starts, span[1])
    out = []
    while i and found[i - 1].value_span[1] > span[0]:
        i -= 1
        out.append(i)
    return out


def _verb_comparator(text: str, start: int, end: int, rules: TargetRules) -> tuple[str, tuple[int, int]]:
    """In "完成压减灌溉面积" or "新增完成…的建制村" an amount verb (压减, 新增)
    decides over a plain one (完成); the metric is what follows the deciding verb
    and any verbs right after it."""
    verbs = [(v.start(), v.end(), rules.verb_of[v.group(0)]) for v in rules.verb_finder.finditer(text, start, end)]
    amount = [v for v in verbs if v[2] in CHANGES]
    # (with no amount verb, the first: a later one is often in a noun of the object, 整治目标, 建设项目)
    chosen = amount[0] if amount else verbs[0]
    metric_start = chosen[1]
    for v in verbs:
        if v[0] == metric_start:
            metric_start = v[1]
    return chosen[2], (metric_start, end)
