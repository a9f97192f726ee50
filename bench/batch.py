"""Batch throughput and SQLite index time, measured on demand.

    python bench/batch.py              # 1,000 plans: the corpus copied 200 times
    python bench/batch.py --copies 400 --json

Prints plans per second and characters per second for extraction with one
process and with every core (`--jobs`), and the time to index the same plans
into a fresh SQLite database.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of the 5 corpus plans (default 200: 1,000 plans)")
    parser.add_argument("--json", action="store_true")
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
        for jobs in sorted({1, default_jobs()}):
            start = time.perf_counter()
            outcomes = list(extract_many(sources, jobs=jobs))
            seconds = time.perf_counter() - start
            assert all(o.data for o in outcomes)
            figures[f"extract_jobs_{jobs}"] = {"seconds": seconds, "plans_per_second": len(sources) / seconds,
                                               "chars_per_second": chars / seconds}
        db = Path(tmp) / "plans.sqlite"
        start = time.perf_counter()
        stats = index_paths(db, outcomes)
        figures["index"] = {"seconds": time.perf_counter() - start, "stored": stats["stored"],
                            "db_mb": db.stat().st_size / 2**20}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{figures['plans']} plans, {figures['chars']:,} characters, {figures['cores']} cores")
    for key, value in figures.items():
        if key.startswith("extract_jobs_"):
            print(f"extract with {key.rsplit('_', 1)[1]} process(es): {value['seconds']:.1f} s, "
                  f"{value['plans_per_second']:.1f} plans/s, {value['chars_per_second']:,.0f} chars/s")
    i = figures["index"]
    print(f"index into SQLite: {i['seconds']:.1f} s for {i['stored']} plans ({i['db_mb']:.0f} MB)")


if __name__ == "__main__":
    sys.exit(main())
