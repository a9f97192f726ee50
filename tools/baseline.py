"""Write the figures of `policyx eval` as a baseline the tests hold them to.

    python tools/baseline.py tests/data/wild/gold > tests/data/wild/baseline.json

A baseline records, overall and per document, the F1 of every field and the
exact shares (lead, participants, implementers, lead end to end). The tests
fail when a change makes one drop; refresh the file when a change lifts them.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from policyx.analyse.evaluate import evaluate


def baseline(path: str) -> dict:
    reports = evaluate(path)

    def down(x: float) -> float:  # rounded down, so that the figure itself never falls short of it
        return math.floor(x * 10000 + 1e-9) / 10000

    def figures(report) -> dict:
        return {
            "fields": {k: down(v.f1) for k, v in report.fields.items()},
            "exact": {k: down(report.exact_share(k)) for k in report.exact},
        }

    return {**figures(reports["all"]), "documents": {n: figures(r) for n, r in reports.items() if n != "all"}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write policyx eval's figures for a gold directory as a baseline (JSON on stdout).")
    parser.add_argument("gold", help="a gold file or directory, e.g. tests/data/wild/gold")
    args = parser.parse_args(argv)
    from policyx.errors import PolicyxError

    try:
        figures = baseline(args.gold)
    except PolicyxError as exc:
        print(f"baseline: {exc}", file=sys.stderr)
        return 2
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
