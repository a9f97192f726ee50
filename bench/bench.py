"""Speed and memory of policyx, measured on demand (never in the test suite).

    python bench/bench.py           # a table
    python bench/bench.py --json    # the same figures as JSON, to compare runs

Prints, for the bundled corpus: extract time per document and in total,
throughput in characters per second (library, one core), the CLI's cold start
for `policyx extract xinjiang` and for `policyx diff xinjiang changji`, peak
memory, and how time grows with input size (the corpus concatenated 1, 4, 16
and 64 times; after the first 附表 of the joined text everything is appendix,
so the larger inputs exercise the section and noise stages more than tasks).
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

from timing import best_of  # bench/timing.py


def library_figures(repeat: int) -> dict:
    from policyx import extract_text, load_rules
    from policyx.text.corpus import load_manifest

    rules = load_rules()
    extract_text("一、预热\n", rules)  # load lazy imports (cn2an) outside the timing
    per_doc = []
    texts = []
    for entry in load_manifest():
        text = entry.file.read_text(encoding="utf-8")
        texts.append(text)
        seconds = best_of(lambda: extract_text(text, rules), repeat)
        per_doc.append({"id": entry.id, "chars": len(text), "seconds": seconds, "chars_per_second": len(text) / seconds})
    total_chars = sum(d["chars"] for d in per_doc)
    total_seconds = sum(d["seconds"] for d in per_doc)
    scaling = []
    joined = "\n".join(texts)
    for factor in (1, 4, 16, 64):
        big = "\n".join([joined] * factor)
        seconds = best_of(lambda: extract_text(big, rules), 1 if factor > 4 else repeat)
        scaling.append({"factor": factor, "chars": len(big), "seconds": seconds, "chars_per_second": len(big) / seconds})
    return {
        "documents": per_doc,
        "total": {"chars": total_chars, "seconds": total_seconds, "chars_per_second": total_chars / total_seconds},
        "scaling": scaling,
        "peak_rss_mb_whole_corpus_x64": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


_PEAK_RSS_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write('peak_rss_kb=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    "from policyx.cli import main\n"
    "main({args!r})\n"
)


def _peak_rss_mb(args: list[str]) -> float:
    """Peak memory of one policyx run, reported by the process itself (a
    parent's RUSAGE_CHILDREN would count the pages a fork copies)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run([sys.executable, "-c", _PEAK_RSS_CHILD.format(args=args)], capture_output=True, text=True, env=env)
    line = next(l for l in proc.stderr.splitlines() if l.startswith("peak_rss_kb="))
    return int(line.split("=")[1]) / 1024


def cli_cold_start(repeat: int, args: tuple[str, ...] = ("extract", "xinjiang")) -> dict:
    """A fresh process per run, as a user starts it: with the bytecode an
    installed package has (PYTHONDONTWRITEBYTECODE is lifted, and one run
    first writes the .pyc files an editable install lacks)."""
    exe = shutil.which("policyx")
    command = [exe, *args] if exe else [sys.executable, "-m", "policyx", *args]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, check=False, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return {
        "command": "policyx " + " ".join(args),
        "median_seconds": statistics.median(times),
        "min_seconds": min(times),
        "peak_rss_mb": _peak_rss_mb(list(args)),
    }


def _compare(old: dict, new: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="bench: earlier run → this run")
    for col in ("measure", "earlier", "now", "change"):
        table.add_column(col, justify="right" if col != "measure" else "left")

    def row(label: str, a: float | None, b: float | None, unit: str, lower_is_better: bool = True) -> None:
        if a is None or b is None:
            return
        change = (b - a) / a * 100 if a else 0.0
        better = (change < 0) == lower_is_better
        colour = "green" if better else "red"
        table.add_row(label, f"{a:.3f} {unit}", f"{b:.3f} {unit}", f"[{colour}]{change:+.1f}%[/{colour}]")

    old_docs = {d["id"]: d for d in old.get("documents", [])}
    for d in new["documents"]:
        row(f"extract {d['id']}", old_docs.get(d["id"], {}).get("seconds"), d["seconds"], "s")
    row("extract total", old.get("total", {}).get("seconds"), new["total"]["seconds"], "s")
    row("CLI cold start", old.get("cli", {}).get("median_seconds"), new["cli"]["median_seconds"], "s")
    row("diff cold start", old.get("diff_cli", {}).get("median_seconds"), new["diff_cli"]["median_seconds"], "s")
    row("CLI peak RSS", old.get("cli", {}).get("peak_rss_mb"), new["cli"]["peak_rss_mb"], "MB")
    Console().print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--compare", type=argparse.FileType("r", encoding="utf-8"),
                        help="a JSON file from an earlier --json run: print both side by side")
    args = parser.parse_args()
    # the CLI first: on Linux a child's peak RSS starts from its parent's, so
    # measure it while this process is still small
    cli = cli_cold_start(args.repeat)
    diff_cli = cli_cold_start(args.repeat, ("diff", "xinjiang", "changji", "--format", "json"))
    figures = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "cli": cli, "diff_cli": diff_cli,
               **library_figures(args.repeat)}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    if args.compare:
        _compare(json.load(args.compare), figures)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="extract, per document (library, best of %d)" % args.repeat)
    for col in ("document", "chars", "ms", "chars/s"):
        table.add_column(col, justify="right" if col != "document" else "left")
    for d in figures["documents"]:
        table.add_row(d["id"], f"{d['chars']:,}", f"{d['seconds'] * 1000:.1f}", f"{d['chars_per_second']:,.0f}")
    t = figures["total"]
    table.add_row("[bold]total[/bold]", f"{t['chars']:,}", f"{t['seconds'] * 1000:.1f}", f"{t['chars_per_second']:,.0f}")
    console.print(table)
    scale = Table(title="growth with input size (corpus concatenated)")
    for col in ("times", "chars", "seconds", "chars/s"):
        scale.add_column(col, justify="right")
    for s in figures["scaling"]:
        scale.add_row(str(s["factor"]), f"{s['chars']:,}", f"{s['seconds']:.3f}", f"{s['chars_per_second']:,.0f}")
    console.print(scale)
    cli = figures["cli"]
    console.print(f"CLI cold start ({cli['command']}): median {cli['median_seconds']:.3f} s, "
                  f"min {cli['min_seconds']:.3f} s, peak RSS {cli['peak_rss_mb']:.0f} MB")
    d = figures["diff_cli"]
    console.print(f"CLI ({d['command']}): median {d['median_seconds']:.3f} s, min {d['min_seconds']:.3f} s, "
                  f"peak RSS {d['peak_rss_mb']:.0f} MB")
    console.print(f"library peak RSS, up to the corpus x64 (7.9 M chars): {figures['peak_rss_mb_whole_corpus_x64']:.0f} MB")


if __name__ == "__main__":
    main()
