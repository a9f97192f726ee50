"""Scoring a diff's task alignment against a hand-made one (``*.alignment.yaml``).

The gold names tasks by line and title, as its annotator cut them; a diff
aligns the plan's tasks as policyx cuts them (``alignment.plan_units``). Where
the two cuts differ — a paragraph policyx reads as one task holds two or
three of the annotator's (neimenggu writes 加快城镇污水处理设施建设, 配套管网
and 污泥 in one paragraph without a clause between them) — the gold is
scored on policyx's units: a gold link (a ``matched`` pair or an ``also``
link) is the pair of units that hold its two tasks, and is found when the
diff pairs those units or links them with "also covers". Segmentation is
scored by the task gold, not here; this measures whether the diff connects
the right parts of the two plans.

Field ``alignment``: precision and recall of those links.
"""

from __future__ import annotations

from typing import Sequence

from policyx.analyse.evaluate.keys import title_similarity
from policyx.analyse.evaluate.report import Report
from policyx.model import Document, Task


def unit_of(units: Sequence[Task], line: int, title: str | None) -> Task | None:
    """The unit holding the gold task at ``line``: the one on that line titled
    most alike, else the last unit starting before it in the same part of
    the plan (its text or its tables)."""
    same_line = [t for t in units if t.line == line]
    if same_line:
        return max(same_line, key=lambda t: title_similarity(title or "", t.title))
    before = [t for t in units if t.line < line]
    return max(before, key=lambda t: t.line) if before else None


def gold_links(gold: dict, units_a: Sequence[Task], units_b: Sequence[Task]) -> tuple[set[tuple[str, str]], list[str]]:
    """The gold's pairs and also links as pairs of unit ids, and the links
    whose task policyx has no unit for."""
    links: set[tuple[str, str]] = set()
    lost = []
    entries = [*(gold.get("matched") or ()), *(gold.get("also") or ())]
    for m in entries:
        a = unit_of(units_a, m["a_line"], m.get("a_title"))
        b = unit_of(units_b, m["b_line"], m.get("b_title"))
        if a is None or b is None:
            lost.append(f"alignment: no task of policyx holds line {m['a_line'] if a is None else m['b_line']}")
            continue
        links.add((a.id, b.id))
    return links, lost


def score_links(want: set[tuple[str, str]], got: set[tuple[str, str]], report: Report, name: str = "alignment",
                describe=None) -> None:
    counts = report.counts(name)
    counts.tp += len(want & got)
    counts.fp += len(got - want)
    counts.fn += len(want - got)
    label = describe or (lambda link: f"{link[0]} ↔ {link[1]}")
    report.misses.extend(f"{name} missing: {label(link)}" for link in sorted(want - got))
    report.misses.extend(f"{name} wrong: {label(link)}" for link in sorted(got - want))


def score_alignment(gold: dict, a: Document, b: Document, report: Report, rules=None) -> None:
    """A diff's pairs and also links against the gold's, on policyx's units."""
    from policyx.analyse.alignment import plan_units
    from policyx.analyse.diff import diff_plans

    d = diff_plans(a, b, rules)
    units_a, units_b = plan_units(a), plan_units(b)
    want, lost = gold_links(gold, units_a, units_b)
    report.misses.extend(lost)
    got = {(p.a.id, p.b.id) for p in d.matched} | {(link.a.id, link.b.id) for link in d.also}
    titles = {("a", t.id): f"{t.line} {t.title[:24]}" for t in units_a} | {("b", t.id): f"{t.line} {t.title[:24]}" for t in units_b}
    score_links(want, got, report, describe=lambda link: f"A {titles[('a', link[0])]} ↔ B {titles[('b', link[1])]}")
