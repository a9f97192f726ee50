"""Choose the alignment's weights and thresholds on every hand-made alignment
together, and print the figures per pair of plans.

    python tools/tune_alignment.py                 # tests/gold/*.alignment.yaml
    python tools/tune_alignment.py GOLD_DIR --top 5

One setting serves every pair: the grid is searched for the setting with the
best F1 over the gold links of every pair together (then the best worst
pair, then the setting closest to the one in use), and each pair's figures
are printed beside it. A gold link is
scored on policyx's task units, as `policyx eval` does
(``analyse/evaluate/alignment.py``). The result is printed, not written: put
it in ``analyse/alignment.py`` (``Settings``) by hand and say why.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from policyx.analyse.alignment import SETTINGS, Settings, align_units, features_of, plan_units, procedural
from policyx.analyse.evaluate.alignment import gold_links
from policyx.analyse.evaluate.run import gold_files
from policyx.extract.pipeline import extract_file
from policyx.rules import load_rules
from policyx.rules.alignment import alignment_rules


@dataclass
class Case:
    name: str
    units_a: tuple
    units_b: tuple
    proc_a: tuple
    proc_b: tuple
    features: object
    want: set
    a: object
    b: object


def load_cases(directory: Path) -> list[Case]:
    rules = load_rules()
    words = alignment_rules(rules)
    cases = []
    for file in gold_files(directory):
        if not file.name.endswith(".alignment.yaml"):
            continue
        gold = yaml.safe_load(file.read_text(encoding="utf-8"))
        docs = []
        for name in (gold["a"], gold["b"]):
            local = file.parent / name
            docs.append(extract_file(str(local) if local.is_file() else name, rules))
        a, b = docs
        units_a, units_b = plan_units(a), plan_units(b)
        want, _ = gold_links(gold, units_a, units_b)
        cases.append(Case(f"{a.info.id} ↔ {b.info.id}", units_a, units_b,
                          procedural(a, units_a, words.procedural_section, words.procedural_title),
                          procedural(b, units_b, words.procedural_section, words.procedural_title),
                          features_of(a, b, units_a, units_b), want, a, b))
    return cases


def counts(case: Case, settings: Settings) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of one pair of plans."""
    aligned = align_units(case.a, case.b, case.units_a, case.units_b, case.proc_a, case.proc_b, settings, case.features)
    got = {(case.units_a[i].id, case.units_b[j].id) for i, j, _ in (*aligned.pairs, *aligned.also)}
    tp = len(got & case.want)
    return tp, len(got) - tp, len(case.want) - tp


def figures(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def grid():
    steps = [x / 10 for x in range(11)]
    for title, text, section in itertools.product(steps, steps, steps):
        position = round(1.0 - title - text - section, 2)
        if position < 0 or position > 0.3 or section > 0.3 or text < 0.2:
            continue
        for threshold, also, margin, factor in itertools.product((0.25, 0.3, 0.35, 0.4, 0.45), (0.4, 0.45, 0.5, 0.55, 0.6, 0.7),
                                                                 (0.0, 0.05, 0.1, 0.15), (0.6, 0.7, 0.8, 1.0)):
            yield Settings((title, text, section, position), threshold, also, margin, factor)


def distance(s: Settings) -> float:
    """How far a setting is from the one in use (ties go to the nearer)."""
    return sum(abs(x - y) for x, y in zip((*s.weights, s.threshold, s.also_threshold, s.also_margin, s.procedural_factor),
                                          (*SETTINGS.weights, SETTINGS.threshold, SETTINGS.also_threshold,
                                           SETTINGS.also_margin, SETTINGS.procedural_factor)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default="tests/gold")
    parser.add_argument("--top", type=int, default=3)
    args = parser.parse_args(argv)
    cases = load_cases(Path(args.gold))
    if not cases:
        print(f"{args.gold}: no *.alignment.yaml", file=sys.stderr)
        return 2
    results = []
    for settings in grid():
        per_pair = [counts(c, settings) for c in cases]
        pooled = figures(*(sum(x) for x in zip(*per_pair)))[2]
        worst = min(figures(*c)[2] for c in per_pair)
        results.append(((round(pooled, 4), round(worst, 4), -distance(settings)), settings, per_pair))
    results.sort(key=lambda r: r[0], reverse=True)
    print(f"{len(results)} settings on {len(cases)} pairs: " + ", ".join(c.name for c in cases))
    print("ranked by F1 over every gold link of every pair, then by the worst pair's F1, then nearness to the setting in use")
    _print("in use", SETTINGS, cases, [counts(c, SETTINGS) for c in cases])
    for rank, (_, settings, per_pair) in enumerate(results[:args.top], 1):
        _print(f"best #{rank}", settings, cases, per_pair)
    return 0


def _print(label: str, settings: Settings, cases: list[Case], per_pair) -> None:
    print(f"\n{label}: weights (title, text, section, position) {settings.weights}, threshold {settings.threshold}, "
          f"also {settings.also_threshold} (margin {settings.also_margin}), procedural factor {settings.procedural_factor}")
    for case, c in zip(cases, per_pair):
        p, r, f = figures(*c)
        print(f"  {case.name:50} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {c[0]}, fp {c[1]}, fn {c[2]})")
    p, r, f = figures(*(sum(x) for x in zip(*per_pair)))
    print(f"  {'all pairs':50} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
