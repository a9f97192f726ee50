"""Deadline extraction: policyx against JioNLP's time extraction, on the gold.

    pip install -e '.[bench]'        # adds jionlp
    python bench/compare_jionlp.py   # add --json for a machine-readable copy

Both read the same text — every line of xinjiang-water-2016 and
changji-water-2016 that holds a gold task — and are scored on recall of the
hand-written gold deadlines of those tasks ("by 2016-12-31", "from
2017-01-01", "every quarter", "ongoing"), then timed.  JioNLP's results are
mapped to the same keys: a span open at the start is "by" its end, a span open
at the end (or ending at the reference time) is "from" its start, a closed
year or month is "by" its end, a period of 3/6/12 months is "every
quarter/half-year/year".  JioNLP has no notion of "ongoing".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["xinjiang-water-2016", "changji-water-2016"]
REFERENCE_TIME = time.mktime((2016, 7, 1, 0, 0, 0, 0, 0, -1))
PERIODS = {("month", 3): "quarter", ("month", 6): "half-year", ("year", 1): "year", ("month", 12): "year",
           ("month", 1): "month", ("day", 7): "week"}


def gold_by_line() -> dict[tuple[str, int], list[str]]:
    out: dict[tuple[str, int], list[str]] = {}
    for doc in DOCS:
        for task in yaml.safe_load((ROOT / "tests/gold" / f"{doc}.tasks.yaml").read_text(encoding="utf-8"))["tasks"]:
            out.setdefault((doc, task["line"]), []).extend(task.get("deadlines", []))
    return out


def jionlp_keys(items: list[dict]) -> list[str]:
    keys = []
    for item in items:
        detail = item.get("detail", {})
        value = detail.get("time")
        if detail.get("type") == "time_period" and isinstance(value, dict):
            delta = value.get("delta") or {}
            if len(delta) == 1:
                (unit, amount), = delta.items()
                keys.append(f"every {PERIODS.get((unit, amount), f'{amount} {unit}')}")
            continue
        if not isinstance(value, list) or len(value) != 2:
            continue
        start, end = value
        reference = time.strftime("%Y-%m-%d", time.localtime(REFERENCE_TIME))
        if start == "-inf":
            keys.append(f"by {end[:10]}")
        elif end == "inf" or end[:10] == reference:
            keys.append(f"from {start[:10]}")
        else:
            keys.append(f"by {end[:10]}")
    return keys


def run() -> dict:
    from policyx import load_rules
    from policyx.extract.deadlines import find_deadlines
    from policyx.analyse.evaluate import deadline_key
    from policyx.extract.pipeline import noise_rules
    from policyx.text.normalize import Normalized

    rules = load_rules()
    gold = gold_by_line()
    texts = {}
    for doc in DOCS:
        lines = (ROOT / "corpus" / f"{doc}.txt").read_text(encoding="utf-8").split("\n")
        for (d, line), _ in gold.items():
            if d == doc:
                texts[(d, line)] = lines[line - 1]

    def score(extract) -> tuple[int, int, float]:
        found_total = hit = 0
        started = time.perf_counter()
        results = {key: extract(text) for key, text in texts.items()}
        seconds = time.perf_counter() - started
        for key, got in results.items():
            want = Counter(gold[key])
            hit += sum((want & Counter(got)).values())
            found_total += len(got)
        return hit, found_total, seconds

    def policyx_extract(text: str) -> list[str]:
        norm = Normalized(text, noise_rules(rules))
        return [deadline_key(d) for d in find_deadlines(norm.text, 0, rules.deadlines, text, norm.line_of)]

    total_gold = sum(len(v) for v in gold.values())
    p_hit, p_found, p_seconds = score(policyx_extract)
    report = {"gold_deadlines": total_gold, "lines": len(texts),
              "policyx": {"recall": p_hit / total_gold, "found": p_found, "seconds": p_seconds}}
    try:
        import jionlp
    except ImportError:
        report["jionlp"] = "not installed (pip install -e '.[bench]')"
        return report
    import logging

    logging.disable(logging.CRITICAL)  # JioNLP logs a traceback for every phrase it cannot parse
    j_hit, j_found, j_seconds = score(lambda text: jionlp_keys(jionlp.ner.extract_time(text, time_base=REFERENCE_TIME)))
    report["jionlp"] = {"recall": j_hit / total_gold, "found": j_found, "seconds": j_seconds,
                        "version": getattr(jionlp, "__version__", "?")}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = run()
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    print(f"gold deadlines: {report['gold_deadlines']} on {report['lines']} lines of {', '.join(DOCS)}")
    for name in ("policyx", "jionlp"):
        r = report[name]
        if isinstance(r, str):
            print(f"{name:8s} {r}")
        else:
            print(f"{name:8s} recall {r['recall']:.3f}  found {r['found']:4d}  time {r['seconds'] * 1000:8.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
