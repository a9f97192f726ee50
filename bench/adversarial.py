"""Hostile text against real plan text: the whole pipeline (``policyx.extract_text``)
on the same number of characters of each, as a ratio (measured on demand,
never in the test suite; tests/test_regex_safety.py checks a smaller size).

    python bench/adversarial.py                 # 1 MB of each, a table
    python bench/adversarial.py --size 200000   # another size
    python bench/adversarial.py --json
    python bench/adversarial.py --paired --fresh --repeat 3   # the steadiest figures

The texts are those of tools/adversary.py: each unit (runs of every kind of
white space, digits, markers, brackets, 牵头/负责 repeats, markup that the
noise rules mask to spaces …) repeated to the size; the real text is the
corpus and tests/data/wild/full/ concatenated and repeated to the size. The
issue's bar: every adversarial text within 3x of the real one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import adversary  # noqa: E402  (tools/adversary.py)
from timing import best_of, best_of_alternated  # noqa: E402  (bench/timing.py)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of each text (default 1 MB)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, the best kept")
    parser.add_argument("--only", nargs="*", help="only these units (names of tools/adversary.py UNITS)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--paired", action="store_true",
                        help="time the real text in turn with each hostile one (hostile, real, hostile, real …) "
                             "and set the best of each against the other: steadier on a busy machine")
    parser.add_argument("--fresh", action="store_true",
                        help="each hostile text in a process of its own: a process that has just made and freed "
                             "hundreds of MB for one reads the next slower, so the figures depend on the order")
    args = parser.parse_args(argv)
    names = [name for name in adversary.UNITS if not args.only or name in args.only]
    measure = _in_fresh_processes if args.fresh else _in_this_process
    rows, real = [], None
    for name, took, real_here in measure(names, args):
        real = real_here if real is None else min(real, real_here)
        rows.append({"text": name, "seconds": round(took, 3), "real_seconds": round(real_here, 3),
                     "ratio": round(took / real_here, 2)})
        if not args.json:
            print(f"{name:20s} {took:8.3f} s  {took / real_here:5.2f}x  (real text {real_here:.3f} s)", flush=True)
    worst = max(rows, key=lambda r: r["ratio"]) if rows else None
    if args.json:
        print(json.dumps({"size": args.size, "real_seconds": real and round(real, 3), "rows": rows},
                         ensure_ascii=False, indent=2))
    elif real is not None:
        print(f"{'real plan text':20s} {real:8.3f} s  1.00x   ({args.size:,} characters each; the best run)")
        if worst:
            print(f"worst: {worst['text']} at {worst['ratio']}x (the bar: 3x)")
    return 0 if worst is None or worst["ratio"] <= 3 else 1


def _in_this_process(names: list[str], args):
    """``(name, seconds, real text's seconds)`` for each unit, read in this process."""
    import policyx

    rules = policyx.load_rules()
    policyx.extract_text("一、总则\n", rules)  # warm: imports, lazy compilation
    plan = adversary.plan_text(args.size)

    def read_plan():
        policyx.extract_text(plan, rules)

    real = None if args.paired else best_of(read_plan, args.repeat)
    for name in names:
        hostile = adversary.adversarial_text(adversary.UNITS[name], args.size, tail="。")

        def read_hostile():
            policyx.extract_text(hostile, rules)

        if args.paired:
            yield name, *best_of_alternated(read_hostile, read_plan, args.repeat)
        else:
            yield name, best_of(read_hostile, args.repeat), real


def _in_fresh_processes(names: list[str], args):
    """The same, each unit in a Python process of its own."""
    for name in names:
        command = [sys.executable, __file__, "--json", "--only", name, "--size", str(args.size),
                   "--repeat", str(args.repeat), *(["--paired"] if args.paired else [])]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if not done.stdout.strip():
            raise SystemExit(f"{name}: the child process failed: {done.stderr.strip()[-500:]}")
        row = json.loads(done.stdout)["rows"][0]
        yield name, row["seconds"], row["real_seconds"]


if __name__ == "__main__":
    sys.exit(main())
