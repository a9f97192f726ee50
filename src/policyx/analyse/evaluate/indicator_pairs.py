"""Scoring the indicator pairs of a diff against a hand-made list
(``A--B.targets-alignment.yaml``): the indicators both plans set, each with
the line each plan states it on and the direction of B against A.

A gold pair is found when the diff pairs an indicator that A states on the
gold's ``line_a`` (among every line A states it on) with one B states on
``line_b``; its direction is then right or not. A pair the diff makes that
is no gold pair is a false one (it pairs two different indicators, or an
indicator the gold has in only one plan).

Field ``indicator pairs``: precision and recall, and as its exact share the
found pairs whose direction is the gold's.
"""

from __future__ import annotations

from policyx.analyse.evaluate.report import Report
from policyx.model import Document


def score_indicator_pairs(gold: dict, a: Document, b: Document, report: Report, rules=None) -> None:
    from policyx.analyse.diff import diff_plans

    d = diff_plans(a, b, rules)
    pairs = list(d.indicators.pairs)
    used: set[int] = set()
    counts = report.counts("indicator pairs")
    directions = report.exact.setdefault("indicator pairs", [0, 0])
    for g in gold.get("shared") or ():
        found = next((k for k, p in enumerate(pairs) if k not in used and g["line_a"] in p.lines_a
                      and g["line_b"] in p.lines_b), None)
        label = f"{g.get('metric_a')} (line {g['line_a']}) ↔ {g.get('metric_b')} (line {g['line_b']})"
        if found is None:
            counts.fn += 1
            report.misses.append(f"indicator pair missing: {label}")
            continue
        used.add(found)
        counts.tp += 1
        directions[1] += 1
        if pairs[found].direction == g["direction"]:
            directions[0] += 1
        else:
            report.misses.append(f"indicator pair {label}: want {g['direction']}, got {pairs[found].direction}"
                                 + (f" ({pairs[found].note})" if pairs[found].note else ""))
    for k, p in enumerate(pairs):
        if k not in used:
            counts.fp += 1
            report.misses.append(f"indicator pair wrong: {p.indicator} A lines {list(p.lines_a)} ↔ B lines "
                                 f"{list(p.lines_b)} ({p.direction})")
