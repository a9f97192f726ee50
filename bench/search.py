"""`policyx query --text` on a 1,000-plan store: answer time and the hits to read by hand.

    python bench/search.py                       # makes /tmp/policyx-1000.sqlite once (the corpus copied 200 times)
    python bench/search.py --db plans.sqlite --runs 5 --show 3

For each query in QUERIES: the median wall time of the whole command
(`policyx query --db DB --text Q --format csv`, a fresh process: Python,
imports, segmentation, SQLite) over --runs runs, the time of the search
itself in this process, the number of rows, and the distinct tasks found
(plan, task, title) — the list that was read by hand for the precision in
the README. Timing is measured on demand, never asserted in tests.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("黑臭水体", "饮用水水源", "畜禽养殖", "地下水", "排污许可", "河长制", "再生水利用", "工业集聚区", "水体", "海绵城市")


def build(db: Path, copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        for i in range(copies):
            for plan in sorted((ROOT / "corpus").glob("*.txt")):
                shutil.copyfile(plan, folder / f"{plan.stem}-{i:04d}.txt")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "policyx", "index", str(folder), "--db", str(db), "--quiet"], check=True)
        print(f"indexed {copies * 5} plans in {time.perf_counter() - start:.0f} s ({db.stat().st_size / 2**20:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "policyx-1000.sqlite")
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--show", type=int, default=1000, help="distinct tasks to list per query")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.copies)
    from policyx.io.search import search_tasks

    connection = sqlite3.connect(str(args.db))
    plans = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    tasks = connection.execute("SELECT count(*) FROM tasks").fetchone()[0]
    print(f"{args.db}: {plans} plans, {tasks} tasks")
    for query in QUERIES:
        walls = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "policyx", "query", "--db", str(args.db), "--text", query, "--format", "csv"],
                           check=True, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
        start = time.perf_counter()
        columns, rows = search_tasks(connection, query)
        inner = time.perf_counter() - start
        distinct = {(r[0].rsplit("-", 1)[0], r[1]): r for r in rows}
        print(f"\n{query}: {len(rows)} rows, {len(distinct)} distinct tasks; command {statistics.median(walls):.2f} s "
              f"(median of {args.runs}, fastest {min(walls):.2f} s), search alone {inner * 1000:.0f} ms")
        for (plan, task), row in list(distinct.items())[: args.show]:
            print(f"  {plan} {task} {row[2]} | {row[-1]}")
        _against_substrings(connection, query, set(distinct))


def _against_substrings(connection: sqlite3.Connection, query: str, found: set) -> None:
    """The tasks a plain substring search (LIKE) finds, against the word search's:
    what each finds that the other does not, to read by hand."""
    rows = connection.execute(
        "SELECT DISTINCT d.doc_id, t.task_id, t.title, t.text FROM tasks t JOIN documents d ON d.id = t.document_id "
        "WHERE t.source = 'body' AND (t.title LIKE ?1 OR t.text LIKE ?1)", (f"%{query}%",)).fetchall()
    like = {}
    for doc_id, task_id, title, text in rows:
        like.setdefault((doc_id.rsplit("-", 1)[0], task_id), (title, text))
    print(f"  substring search: {len(like)} distinct tasks; words only: {len(found - set(like))}, "
          f"substring only: {len(set(like) - found)}")
    for key in sorted(found - set(like)):
        print(f"    words only: {key[0]} {key[1]}")
    for key in sorted(set(like) - found):
        title, text = like[key]
        at = text.find(query)
        print(f"    substring only: {key[0]} {key[1]} {title} | …{text[max(0, at - 12): at + len(query) + 12]}…")


if __name__ == "__main__":
    sys.exit(main())
