"""Batch throughput and SQLite index time, measured on demand.

    python bench/batch.py              # 1,000 plans: the corpus copied 200 times
    python bench/batch.py --copies 400 --json

Prints plans per second and characters per second for extraction with one
process and with two or more (`--jobs`), each beside the machine's own
throughput of `python -c pass` processes at the same parallelism (the ratio
survives a busy neighbour), and the time to index the same plans into a fresh
SQLite database, streamed from the extraction.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_throughput(jobs: int, runs: int = 40) -> float:
    """``python -c pass`` processes per second with ``jobs`` of them at a time:
    the machine's own capacity, the reference the batch figures are divided by
    (a busy neighbour slows both alike)."""
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda _: subprocess.run([sys.executable, "-c", "pass"], check=False), range(runs)))
    return runs / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of the 5 corpus plans (default 200: 1,000 plans)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", metavar="DB", help="keep the SQLite database here (for bench/bench.py --db)")
    args = parser.parse_args()

    from policyx.io.batch import default_jobs, expand, extract_many
    from policyx.io.store import index_paths

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        corpus = sorted((ROOT / "corpus").glob("*.txt"))
        for i in range(args.copies):
            for plan in corpus:
                shutil.copyfile(plan, folder / f"{plan.stem}-{i:04d}.txt")
        sources = expand([str(folder)])
        chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus) * args.copies
        figures: dict = {"plans": len(sources), "chars": chars, "cores": default_jobs()}
        for jobs in sorted({1, max(2, default_jobs())}):
            reference = python_throughput(jobs)
            start = time.perf_counter()
            count = sum(1 for o in extract_many(sources, jobs=jobs) if o.data)  # streamed: nothing kept
            seconds = time.perf_counter() - start
            assert count == len(sources)
            figures[f"extract_jobs_{jobs}"] = {"seconds": seconds, "plans_per_second": len(sources) / seconds,
                                               "chars_per_second": chars / seconds,
                                               "python_c_per_second": reference,
                                               "plans_per_python_c": len(sources) / seconds / reference}
        outcomes = extract_many(sources, jobs=max(2, default_jobs()))
        db = Path(tmp) / "plans.sqlite"
        start = time.perf_counter()
        stats = index_paths(db, outcomes)
        figures["index"] = {"seconds": time.perf_counter() - start, "stored": stats["stored"],
                            "db_mb": db.stat().st_size / 2**20}
        if args.keep:
            shutil.copyfile(db, args.keep)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{figures['plans']} plans, {figures['chars']:,} characters, {figures['cores']} cores")
    runs = {int(k.rsplit("_", 1)[1]): v for k, v in figures.items() if k.startswith("extract_jobs_")}
    for jobs, value in runs.items():
        print(f"extract with {jobs} process(es): {value['seconds']:.1f} s, "
              f"{value['plans_per_second']:.1f} plans/s, {value['chars_per_second']:,.0f} chars/s; "
              f"python -c pass at the same parallelism: {value['python_c_per_second']:.1f}/s "
              f"(ratio {value['plans_per_python_c']:.3f} plans per python start)")
    if len(runs) > 1:
        one, many = runs[min(runs)], runs[max(runs)]
        print(f"scaling {min(runs)} -> {max(runs)} processes: policyx x{many['plans_per_second'] / one['plans_per_second']:.2f}, "
              f"python -c x{many['python_c_per_second'] / one['python_c_per_second']:.2f} (the machine's own)")
    i = figures["index"]
    print(f"extract (2 processes) and index into SQLite, streamed: {i['seconds']:.1f} s for {i['stored']} plans "
          f"({i['db_mb']:.0f} MB)")


if __name__ == "__main__":
    sys.exit(main())
