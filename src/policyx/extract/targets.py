"""Numeric targets: "不低于94%", "控制在550亿立方米以内", "分别达到80%、90%左右".

Grammar in ``rules/targets.yaml``.  Each target carries its comparator, value
(as written: 6.6万亩 is 6.6 with unit 万亩), unit, metric (the noun phrase
the number measures, best effort), the year it is due and, for "比2015年下降",
the baseline year.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Sequence

import regex

from policyx.extract.deadlines import mask_titles
from policyx.model import Deadline, Target
from policyx.rules.targets import TargetRules

_AFTER_METRIC_STOP = regex.compile(r"[,，;；。:：!?！？\n和及与、]|[0-9]")


def _restate(value: Decimal, unit: str | None, rules: TargetRules) -> tuple[Decimal, str | None]:
    """A value in the unit the rules read it as: 七成 is 70 %."""
    if unit in rules.unit_as:
        to, factor = rules.unit_as[unit]
        return value * factor, to
    return value, unit


def read_value(text: str) -> Decimal | None:
    """"94" → 94, "9.5" → 9.5, "五千" → 5000 (cn2an, inside the captured number only)."""
    if text[:1].isdigit():
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    if text in ("两",) or not text:
        return None
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(text, "strict")))
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return None


_OPEN = "(（[【〔"
_CLOSE = ")）]】〕"


def _clause_start(text: str, end: int, stop: regex.Pattern, limit: int = 80) -> int:
    """Where the clause ending at ``end`` starts: back to the previous stop or
    comma, stepping over bracketed asides ("地级城市（各盟市，含满洲里市，下同）")."""
    depth = 0
    i = end - 1
    floor = max(0, end - limit)
    while i >= floor:
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if not depth:
                return i + 1  # the number stands inside an aside: "（国家考核的47个断面…不低于91.5%"
            depth -= 1
        elif not depth and stop.match(ch):
            return i + 1
        i -= 1
    return floor


def _metric(text: str, end: int, rules: TargetRules) -> tuple[int, int]:
    """The subject before a comparator, trimmed of filler words at both ends."""
    start = _clause_start(text, end, rules.metric_stop)
    phrase = text[start:end]
    stripped = phrase.lstrip()
    trimmed = rules.trim_start.sub("", stripped)
    start += (len(phrase) - len(stripped)) + (len(stripped) - len(trimmed))
    tail = rules.trim_end.search(text[start:end])
    if tail:
        end = start + tail.start()
    return start, end


def _strip_time(text: str, start: int, end: int, deadlines: Sequence[Deadline], base: int) -> tuple[int, int]:
    """Cut a deadline phrase out of a metric: at its start ("到2020年,全区用水
    总量") the metric begins after it; at its end ("处置率应于2020年底前") the
    metric ends before it."""
    for d in deadlines:
        a, b = d.span[0] - base, d.span[1] - base
        if start <= a and b <= end:
            if text[start:a].strip(" ,，、:：") and not text[b:end].strip(" ,，、:：应要将须"):
                end = a
            else:
                start = max(start, b)
    while start < end and text[start] in " ,，、:：":
        start += 1
    return start, end


def find_targets(
    text: str,
    offset: int,
    rules: TargetRules,
    original: str,
    line_of,
    deadlines: Sequence[Deadline],
    *,
    exclude: Sequence[tuple[int, int]] = (),
) -> list[Target]:
    """Targets in a stretch of working-copy text starting at ``offset``.

    ``deadlines`` are those found in the same stretch: a target's year is the
    one of a deadline in its sentence, else the latest 到…年 before it in the
    stretch.
    """
    masked = mask_titles(text)
    out: list[Target] = []
    for m in _matches(masked, rules):
        if any(a <= offset + m.start() < b for a, b in exclude):
            continue
        with_cmp = "cmp" in m.re.groupindex
        values_text = m.group("values") if with_cmp else m.group("bare")
        values_start = m.start("values") if with_cmp else m.start("bare")
        cmp_word = m.group("cmp") if with_cmp else None
        bound = m.group("bound")
        comparator = rules.comparator_of.get(cmp_word) if cmp_word else None
        if bound:
            bound_cmp = rules.bound_of[bound]
            # a bound refines a level ("达到75%以上" is >= 75) but not a change:
            # "增长8%左右" is an increase of about 8 %
            if comparator in (None, "=") or (bound_cmp == "~" and comparator not in ("increase", "decrease")):
                comparator = bound_cmp
        if comparator is None:
            continue
        items = []
        for v in rules.value_pattern.finditer(values_text):
            value = read_value(v.group("num"))
            unit = v.group("unit")
            if value is None:
                continue
            if not unit and not v.group("num")[:1].isdigit():
                continue  # a Chinese numeral needs a unit: 一流, 一批 are not numbers
            if not unit and cmp_word is None:
                continue  # a bare number needs a comparator
            value, unit = _restate(value, unit, rules)
            items.append((values_start + v.start(), values_start + v.end(), value, unit))
        if not items:
            continue
        if any(i[3] == "%" and i[2] < 0 for i in items):
            continue
        if masked.startswith("的", m.end()) and not rules.goal_words.search(
            masked, _clause_start(masked, m.start(), rules.metric_stop), m.end()
        ):
            continue  # "超过2万平方米的新建公共建筑" qualifies a noun
        metric_end = m.start("cmp") if with_cmp else m.start("bare")
        sentence_start = max((masked.rfind(ch, 0, m.start()) for ch in "。;；\n"), default=-1) + 1
        clause_start = _clause_start(masked, metric_end, rules.metric_stop)
        baseline = None
        for b in rules.baseline.finditer(masked, clause_start, metric_end):
            baseline = int(b.group("year"))
            metric_end = b.start()
        mstart, mend = _metric(masked, metric_end, rules)
        mstart, mend = _strip_time(masked, mstart, mend, deadlines, offset)
        trailing = rules.trim_end.search(masked, mstart, mend)
        if trailing:
            mend = trailing.start()
        if masked.startswith("的", m.end()):  # "50%以上的国家级园区": the metric follows
            after = masked[m.end() + 1:]
            stop = _AFTER_METRIC_STOP.search(after)
            mstart = m.end() + 1
            mend = mstart + (stop.start() if stop else min(len(after), 30))
        metrics = _distribute(original[offset + mstart:offset + mend], len(items))
        if not any(metrics) and out and out[-1].line == line_of(offset + m.start()):
            metrics = [out[-1].metric or ""] * len(items)  # "…控制在12%以内,到2020年控制在10%以内"
        # the metric's words as the rules read them (simplified, 利用係數 is a 系数),
        # or the metric carried over from the target before
        unitless = rules.unitless_metric.search(masked, mstart, mend) or rules.unitless_metric.search("".join(metrics))
        if any(i[3] is None for i in items) and not unitless:
            items = [i for i in items if i[3] is not None]
            if not items:
                continue
        sentence_end = next((i for i in (masked.find(ch, m.end()) for ch in "。;；\n") if i != -1), len(masked))
        year = _year_for(offset + m.start(), offset + sentence_start, offset + sentence_end, deadlines)
        if with_cmp and m.group("cmp_year"):
            year = int(m.group("cmp_year"))
        single = len(items) == 1
        for (vstart, vend, value, unit), metric in zip(items, metrics):
            raw_start = offset + (m.start() if single else vstart)
            raw_end = offset + (m.end() if single else vend)
            while raw_start < raw_end and original[raw_start].isspace():
                raw_start += 1
            out.append(
                Target(
                    raw=original[raw_start:raw_end],
                    metric=metric or None,
                    comparator=comparator,
                    value=value,
                    unit=unit,
                    year=year,
                    baseline_year=baseline,
                    span=(raw_start, raw_end),
                    value_span=(offset + vstart, offset + vend),
                    line=line_of(raw_start),
                    rule="target.comparator" if with_cmp else "target.bound",
                )
            )
    for m in rules.verb_object.finditer(masked):
        span = (offset + m.start("num"), offset + m.end("unit"))
        if any(a <= offset + m.start() < b for a, b in exclude):
            continue
        overlapping = [t for t in out if t.value_span[0] < span[1] and span[0] < t.value_span[1]]
        if overlapping:
            # "新增省级以上创新平台10家以上": the verb's increase, not the bound's >=
            verb = rules.verb_of.get(_first_verb(masked, m, rules))
            if verb not in ("increase", "decrease") or any(t.rule != "target.bound" for t in overlapping):
                continue
            out = [t for t in out if t not in overlapping]
        value = read_value(m.group("num"))
        if value is None:
            continue
        sentence_start = max((masked.rfind(ch, 0, m.start()) for ch in "。;；\n"), default=-1) + 1
        sentence_end = next((i for i in (masked.find(ch, m.end()) for ch in "。;；\n") if i != -1), len(masked))
        value, unit = _restate(value, m.group("unit"), rules)
        comparator, metric = _verb_comparator(masked, m.start("verb"), m.end("object"), rules)
        metric = original[offset + metric[0]:offset + metric[1]].strip().rstrip("的")
        out.append(
            Target(
                raw=original[offset + m.start():offset + m.end()],
                metric=metric or None,
                comparator=comparator,  # type: ignore[arg-type]
                value=value,
                unit=unit,
                year=_year_for(offset + m.start(), offset + sentence_start, offset + sentence_end, deadlines),
                baseline_year=None,
                span=(offset + m.start(), offset + m.end()),
                value_span=span,
                line=line_of(offset + m.start()),
                rule="target.verb_object",
            )
        )
    out.extend(_fixed(masked, offset, rules, original, line_of, deadlines, exclude))
    out.sort(key=lambda t: t.span[0])
    return out


def _fixed(masked: str, offset: int, rules: TargetRules, original, line_of, deadlines, exclude) -> list[Target]:
    """Targets stated by a phrase with no number ("施用总量零增长")."""
    out = []
    readings = {phrase: (rid, comparator, value) for rid, phrase, comparator, value in rules.fixed}
    for m in rules.fixed_pattern.finditer(masked):
        if any(a <= offset + m.start() < b for a, b in exclude):
            continue
        rid, comparator, value = readings[m.group(0)]
        mstart, mend = _metric(masked, m.start(), rules)
        sentence_start = max((masked.rfind(ch, 0, m.start()) for ch in "。;；\n"), default=-1) + 1
        sentence_end = next((i for i in (masked.find(ch, m.end()) for ch in "。;；\n") if i != -1), len(masked))
        span = (offset + m.start(), offset + m.end())
        out.append(Target(
            raw=original[span[0]:span[1]], metric=original[offset + mstart:offset + mend].strip() or None,
            comparator=comparator, value=value, unit=None,  # type: ignore[arg-type]
            year=_year_for(span[0], offset + sentence_start, offset + sentence_end, deadlines),
            baseline_year=None, span=span, value_span=span, line=line_of(span[0]), rule=rid,
        ))
    return out


def _first_verb(text: str, m: regex.Match, rules: TargetRules) -> str:
    amount = [v.group(0) for v in rules.verb_finder.finditer(text, m.start("verb"), m.end("object"))
              if rules.verb_of[v.group(0)] in ("increase", "decrease")]
    return amount[0] if amount else m.group("verb")


def _verb_comparator(text: str, start: int, end: int, rules: TargetRules) -> tuple[str, tuple[int, int]]:
    """In "完成压减灌溉面积" or "新增完成…的建制村" an amount verb (压减, 新增)
    decides over a plain one (完成); the metric is what follows the deciding verb
    and any verbs right after it."""
    verbs = [(v.start(), v.end(), rules.verb_of[v.group(0)]) for v in rules.verb_finder.finditer(text, start, end)]
    amount = [v for v in verbs if v[2] in ("increase", "decrease")]
    chosen = amount[0] if amount else verbs[0]
    metric_start = chosen[1]
    for v in verbs:
        if v[0] == metric_start:
            metric_start = v[1]
    return chosen[2], (metric_start, end)


def _matches(text: str, rules: TargetRules) -> list[regex.Match]:
    """Comparator-first matches, and value-first ones that do not overlap them."""
    first = list(rules.pattern.finditer(text))
    taken = [(m.start(), m.end()) for m in first]
    more = [m for m in rules.bare_pattern.finditer(text) if all(m.end() <= a or m.start() >= b for a, b in taken)]
    return sorted(first + more, key=lambda m: m.start())


def _distribute(subject: str, count: int) -> list[str]:
    """One metric per value.  "县城、城市污水处理率" with two values gives
    县城污水处理率 and 城市污水处理率: the last part's tail, after a modifier as
    long as the first part, is shared by the shorter parts."""
    subject = subject.strip()
    if count == 1:
        return [subject]
    parts = [p.strip() for p in subject.split("、")]
    if len(parts) != count or not all(parts):
        return [subject] * count
    last = parts[-1]
    tail = last[len(parts[0]):] if len(last) > len(parts[0]) else ""
    return [p if p == last or not tail or p.endswith(tail) else p + tail for p in parts]


def _year_for(position: int, sentence_start: int, sentence_end: int, deadlines: Sequence[Deadline]) -> int | None:
    """The year a target is due: a 'by' deadline in its sentence (the last one
    before the number, else the first after it), else the latest one before."""
    in_sentence = [d for d in deadlines if d.kind == "by" and d.date and sentence_start <= d.span[0] < sentence_end]
    if in_sentence:
        before = [d for d in in_sentence if d.span[0] <= position]
        chosen = before[-1] if before else in_sentence[0]
        return int(chosen.date[:4])
    earlier = [d for d in deadlines if d.kind == "by" and d.date and d.span[0] <= position]
    return int(earlier[-1].date[:4]) if earlier else None
