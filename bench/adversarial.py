"""Hostile text against real plan text: the whole pipeline (``policyx.extract_text``)
on the same number of characters of each, as a ratio (measured on demand,
never in the test suite; tests/test_regex_safety.py checks a smaller size).

    python bench/adversarial.py                 # 1 MB of each, a table
    python bench/adversarial.py --size 200000   # another size
    python bench/adversarial.py --json

The texts are those of tools/adversary.py: each unit (runs of every kind of
white space, digits, markers, brackets, 牵头/负责 repeats, markup that the
noise rules mask to spaces …) repeated to the size; the real text is the
corpus and tests/data/wild/full/ concatenated and repeated to the size. The
issue's bar: every adversarial text within 3x of the real one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import adversary  # noqa: E402  (tools/adversary.py)


def seconds(text: str, rules, repeat: int) -> float:
    import policyx

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        policyx.extract_text(text, rules)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of each text (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, the best kept")
    parser.add_argument("--only", nargs="*", help="only these units (names of tools/adversary.py UNITS)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--paired", action="store_true",
                        help="time the real text again after each hostile one (the best of all kept): steadier on a busy machine")
    args = parser.parse_args(argv)

    import policyx

    rules = policyx.load_rules()
    policyx.extract_text("一、总则\n", rules)  # warm: imports, lazy compilation
    plan = adversary.plan_text(args.size)
    real = seconds(plan, rules, args.repeat)
    rows = []
    for name, unit in adversary.UNITS.items():
        if args.only and name not in args.only:
            continue
        took = seconds(adversary.adversarial_text(unit, args.size, tail="。"), rules, args.repeat)
        if args.paired:
            # the real text again right after: a neighbour's load that changed
            # during the run moves both sides of this ratio alike
            real = min(real, seconds(plan, rules, args.repeat))
        rows.append({"text": name, "seconds": round(took, 3), "ratio": round(took / real, 2)})
        if not args.json:
            print(f"{name:20s} {took:8.3f} s  {took / real:5.2f}x", flush=True)
    worst = max(rows, key=lambda r: r["ratio"]) if rows else None
    if args.json:
        print(json.dumps({"size": args.size, "real_seconds": round(real, 3), "rows": rows}, ensure_ascii=False, indent=2))
    else:
        print(f"{'real plan text':20s} {real:8.3f} s  1.00x   ({args.size:,} characters each)")
        if worst:
            print(f"worst: {worst['text']} at {worst['ratio']}x (the bar: 3x)")
    return 0 if worst is None or worst["ratio"] <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
