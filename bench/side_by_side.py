"""extract_text of two source trees side by side, in one run: one worker
process per tree, the corpus and wild/full sets extracted in turn (A B A B),
the best of N rounds kept for each. The figure a speed issue's "N times
faster than today" asks for, on a machine whose own speed moves.

    git worktree add /tmp/before 2ac05ca
    python bench/side_by_side.py /tmp/before .          # chars/s of each, and B's speed-up
    python bench/side_by_side.py /tmp/before . --rounds 20

Each worker imports policyx from its tree's ``src`` and reads that tree's rule
files; the texts are this checkout's. Measured on demand, never in tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"corpus": ROOT / "corpus", "wild/full": ROOT / "tests" / "data" / "wild" / "full"}

_WORKER = r'''
import gc, json, sys, time
sys.path.insert(0, sys.argv[1] + "/src")
import policyx
from pathlib import Path
texts = {name: [Path(p).read_text(encoding="utf-8") for p in paths] for name, paths in json.loads(sys.argv[2]).items()}
rules = policyx.load_rules()
for each in texts.values():
    for text in each:
        policyx.extract_text(text, rules)
print("ready", flush=True)
for line in sys.stdin:
    gc.collect()
    started = time.perf_counter()
    for text in texts[line.strip()]:
        policyx.extract_text(text, rules)
    print(time.perf_counter() - started, flush=True)
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="a source tree (a checkout or git worktree)")
    parser.add_argument("after", help="another one")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    trees = [str(Path(t).resolve()) for t in (args.before, args.after)]
    for tree in trees:
        if not (Path(tree) / "src" / "policyx").is_dir():
            parser.error(f"{tree}: no src/policyx there")
    paths = {name: sorted(map(str, folder.glob("*.txt"))) for name, folder in SETS.items()}
    chars = {name: sum(len(Path(p).read_text(encoding="utf-8")) for p in ps) for name, ps in paths.items()}
    workers = {}
    for tree in trees:
        worker = subprocess.Popen([sys.executable, "-c", _WORKER, tree, json.dumps(paths)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        if worker.stdout.readline().strip() != "ready":
            print(f"side_by_side: {tree} did not start", file=sys.stderr)
            return 1
        workers[tree] = worker
    best = {(tree, name): float("inf") for tree in trees for name in paths}
    for _ in range(args.rounds):
        for name in paths:
            for tree, worker in workers.items():
                worker.stdin.write(name + "\n")
                worker.stdin.flush()
                answer = worker.stdout.readline()
                if not answer:
                    print(f"side_by_side: the worker for {tree} stopped (see its error above)", file=sys.stderr)
                    return 1
                best[tree, name] = min(best[tree, name], float(answer))
    for worker in workers.values():
        worker.stdin.close()
        worker.wait()
    before, after = trees
    for name in paths:
        a, b = best[before, name], best[after, name]
        print(f"{name:10s} {chars[name]:9,d} chars   before {chars[name] / a / 1e6:5.2f} M chars/s   "
              f"after {chars[name] / b / 1e6:5.2f} M chars/s   after is {a / b:4.2f}x as fast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
