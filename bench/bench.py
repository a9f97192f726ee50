"""Speed and memory of policyx, measured on demand (never in the test suite).

    python bench/bench.py                 # a table
    python bench/bench.py --json          # the same figures as JSON, to compare runs
    python bench/bench.py --compare old.json
    python bench/bench.py --db plans.sqlite   # also time `policyx query` on it (bench/batch.py --keep makes one)

The machine is shared and its speed varies from run to run, so every figure
comes with a RATIO to a reference measured in the same run, which survives a
busy neighbour:

- extraction (library, one core) on the corpus and on the real long plans of
  ``tests/data/wild/full/``: characters per second, and the time as a
  multiple of one ``regex`` pass over the same text (``REFERENCE_PATTERN``,
  finditer over the whole text);
- commands (a fresh process each, A B A B alternated, medians): ``policyx
  --version``, ``--help``, ``corpus list``, ``extract xinjiang``, ``diff
  xinjiang changji`` (and ``query`` with ``--db``), as a multiple of a bare
  ``python -c pass``;
- diff of the corpus's xinjiang and changji plans concatenated 1, 2, 4, 8
  and 16 times (library, extraction apart): the time per doubling (2.0 is
  linear);
- peak memory of a command and of extraction up to the corpus ×16.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import best_of, best_of_alternated  # bench/timing.py

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_PATTERN = r"[。；;]"  # the sentence stops: one literal-class pass, as a regex engine searches
SETS = {"corpus": ROOT / "corpus", "wild/full": ROOT / "tests" / "data" / "wild" / "full"}
COMMANDS = (("--version",), ("--help",), ("corpus", "list"), ("extract", "xinjiang"), ("diff", "xinjiang", "changji"))


def _regex_pass(text: str):
    import regex

    pattern = regex.compile(REFERENCE_PATTERN)
    return lambda: sum(1 for _ in pattern.finditer(text))


def extraction_figures(repeat: int) -> dict:
    """Per set: chars/s and the ratio of extract_text's time to one regex pass."""
    from policyx import extract_text, load_rules

    rules = load_rules()
    extract_text("一、预热\n（一）工作目标。到2020年完成。\n", rules)  # lazy imports outside the timing
    out: dict = {}
    for name, folder in SETS.items():
        documents = []
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            # (twice the repeats, in turn with the reference: a plan's few milliseconds are easily disturbed)
            seconds, reference = best_of_alternated(lambda: extract_text(text, rules), _regex_pass(text), 2 * repeat)
            documents.append({"id": path.stem, "chars": len(text), "seconds": seconds,
                              "chars_per_second": len(text) / seconds, "regex_pass_ratio": seconds / reference,
                              "reference_seconds": reference})
        chars = sum(d["chars"] for d in documents)
        seconds = sum(d["seconds"] for d in documents)
        reference = sum(d["reference_seconds"] for d in documents)
        out[name] = {"documents": documents, "chars": chars, "seconds": seconds, "chars_per_second": chars / seconds,
                     "regex_pass_ratio": seconds / reference}
    return out


def _command(args: tuple[str, ...]) -> list[str]:
    exe = shutil.which("policyx")
    return [exe, *args] if exe else [sys.executable, "-m", "policyx", *args]


def command_figures(repeat: int, db: str | None = None) -> dict:
    """Each command and ``python -c pass`` run alternately in fresh processes
    (with the bytecode an installed package has); medians, and their ratios."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {"python -c pass": [sys.executable, "-c", "pass"]}
    commands.update({"policyx " + " ".join(a): _command(a) for a in COMMANDS})
    if db:
        commands[f"policyx query --db {Path(db).name} --lead 环保厅"] = _command(("query", "--db", db, "--lead", "环保厅"))
        commands[f"policyx query --db {Path(db).name} --lead 环保厅 -f csv"] = _command(
            ("query", "--db", db, "--lead", "环保厅", "-f", "csv"))
    for command in commands.values():  # warm the file cache and write the .pyc files and the rules cache
        subprocess.run(command, capture_output=True, check=False, env=env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    return {name: {"median_seconds": statistics.median(t), "min_seconds": min(t),
                   "ratio_to_python": statistics.median(t) / base} for name, t in times.items()}


def diff_scaling(factors=(1, 2, 4, 8, 16)) -> list[dict]:
    """diff_plans on xinjiang and changji concatenated ``factor`` times."""
    from policyx import diff_plans, extract_text, load_rules

    rules = load_rules()
    a = (ROOT / "corpus" / "xinjiang-water-2016.txt").read_text(encoding="utf-8")
    b = (ROOT / "corpus" / "changji-water-2016.txt").read_text(encoding="utf-8")
    out = []
    for factor in factors:
        doc_a = extract_text("\n".join([a] * factor), rules, doc_id="a")
        doc_b = extract_text("\n".join([b] * factor), rules, doc_id="b")
        diff_plans(doc_a, doc_b, rules)  # the rules it compiles on first use, outside the timing
        # about a second of runs at each size, at least three: a single 60 ms run of x1 moves by half on
        # this machine, and one run of x8 was 2.4x x4 on a busy one
        seconds = best_of(lambda: diff_plans(doc_a, doc_b, rules), max(3, 16 // factor))
        row = {"factor": factor, "units": (len(doc_a.tasks), len(doc_b.tasks)), "seconds": seconds}
        if out:
            row["per_doubling"] = (seconds / out[-1]["seconds"]) ** (1 / __import__("math").log2(factor / out[-1]["factor"]))
        out.append(row)
    return out


def growth(repeat: int) -> list[dict]:
    """Extraction of the corpus concatenated 1, 4 and 16 times (after the first
    附表 everything is appendix: the larger inputs weigh the section and noise
    stages more than tasks)."""
    from policyx import extract_text, load_rules

    rules = load_rules()
    joined = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SETS["corpus"].glob("*.txt")))
    out = []
    for factor in (1, 4, 16):
        big = "\n".join([joined] * factor)
        seconds = best_of(lambda: extract_text(big, rules), 1 if factor > 4 else repeat)
        out.append({"factor": factor, "chars": len(big), "seconds": seconds, "chars_per_second": len(big) / seconds,
                    "regex_pass_ratio": seconds / best_of(_regex_pass(big), repeat)})
    return out


_PEAK_RSS_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write('peak_rss_kb=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    "from policyx.cli import main\n"
    "main({args!r})\n"
)


def peak_rss_mb(args: list[str]) -> float:
    """Peak memory of one policyx run, reported by the process itself (a
    parent's RUSAGE_CHILDREN would count the pages a fork copies)."""
    proc = subprocess.run([sys.executable, "-c", _PEAK_RSS_CHILD.format(args=args)], capture_output=True, text=True)
    line = next(l for l in proc.stderr.splitlines() if l.startswith("peak_rss_kb="))
    return int(line.split("=")[1]) / 1024


def _print(figures: dict) -> None:
    print(f"python {figures['python']}, {figures['cpus']} cores; load average at start {figures['load']}")
    print(f"\nextract_text (library, one core; reference: one regex pass {REFERENCE_PATTERN!r} over the same text)")
    for name, s in figures["extraction"].items():
        print(f"  {name:10s} {len(s['documents']):3d} plans {s['chars']:>9,} chars  {s['seconds'] * 1000:8.1f} ms  "
              f"{s['chars_per_second'] / 1e6:5.2f} M chars/s  = {s['regex_pass_ratio']:6.0f}x a regex pass")
        for d in s["documents"]:
            print(f"    {d['id'][:40]:40s} {d['chars']:>7,} {d['chars_per_second'] / 1e6:5.2f} M chars/s "
                  f"({d['regex_pass_ratio']:.0f}x)")
    print("\ncommands (fresh processes, alternated; reference: python -c pass)")
    for name, c in figures["commands"].items():
        print(f"  {name:48s} median {c['median_seconds'] * 1000:7.1f} ms  min {c['min_seconds'] * 1000:7.1f} ms  "
              f"= {c['ratio_to_python']:5.1f}x python")
    print("\ndiff_plans of xinjiang and changji, each concatenated N times (2.0 per doubling is linear)")
    for s in figures["diff_scaling"]:
        doubling = f"  x{s['per_doubling']:.2f} per doubling" if "per_doubling" in s else ""
        print(f"  x{s['factor']:<3d} {s['units'][0]:5d}/{s['units'][1]:<5d} tasks {s['seconds'] * 1000:8.1f} ms{doubling}")
    print("\nextraction of the corpus concatenated")
    for s in figures["growth"]:
        print(f"  x{s['factor']:<3d} {s['chars']:>10,} chars {s['seconds']:7.2f} s {s['chars_per_second'] / 1e6:5.2f} M chars/s "
              f"({s['regex_pass_ratio']:.0f}x a regex pass)")
    print(f"\npeak memory: policyx extract xinjiang {figures['peak_rss_mb']['extract']:.0f} MB, "
          f"diff {figures['peak_rss_mb']['diff']:.0f} MB; library up to the corpus x16 {figures['peak_rss_mb']['library']:.0f} MB")


def _compare(old: dict, new: dict) -> None:
    def row(label: str, a: float | None, b: float | None, unit: str) -> None:
        if a is not None and b is not None:
            print(f"  {label:48s} {a:9.3f} {unit} -> {b:9.3f} {unit}  ({(b - a) / a * 100:+.0f}%)")

    print("earlier run -> this run (ratios to the same run's reference)")
    for name, s in new["extraction"].items():
        row(f"extract {name}: x a regex pass", old.get("extraction", {}).get(name, {}).get("regex_pass_ratio"),
            s["regex_pass_ratio"], "")
    for name, c in new["commands"].items():
        row(f"{name}: x python -c pass", old.get("commands", {}).get(name, {}).get("ratio_to_python"), c["ratio_to_python"], "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", help="a database of many plans (policyx index): time policyx query on it too")
    parser.add_argument("--compare", type=argparse.FileType("r", encoding="utf-8"),
                        help="a JSON file from an earlier --json run: print both side by side")
    args = parser.parse_args()
    # the commands first: on Linux a child's peak RSS starts from its parent's, so
    # measure them while this process is still small
    figures = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "load": os.getloadavg()[0],
               "commands": command_figures(args.repeat, args.db),
               "peak_rss_mb": {"extract": peak_rss_mb(["extract", "xinjiang"]),
                               "diff": peak_rss_mb(["diff", "xinjiang", "changji", "--format", "json"])}}
    figures["extraction"] = extraction_figures(args.repeat)
    figures["diff_scaling"] = diff_scaling()
    figures["growth"] = growth(args.repeat)
    figures["peak_rss_mb"]["library"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    elif args.compare:
        _compare(json.load(args.compare), figures)
    else:
        _print(figures)


if __name__ == "__main__":
    main()
