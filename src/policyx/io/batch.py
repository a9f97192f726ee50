"""Many plans at once: inputs expanded (files, directories, globs, corpus
names), extracted in parallel processes, failures reported and skipped.

Each document is extracted by a pure function of its file, so the work maps
over a process pool here — or over a cluster with an existing engine (see
docs/scale.md for Dask).
"""

from __future__ import annotations

import glob
import os
from collections import deque
from itertools import islice
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from policyx.errors import InputError, PolicyxError
from policyx.limits import PLAN_SUFFIXES



@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's result: a document as plain data, or the error met."""

    source: str
    data: dict | None
    error: str | None = None


def expand(inputs: Iterable[str]) -> list[str]:
    """Files, directories (recursively: *.txt, *.html, *.md, and Word, PDF and
    Excel files: *.docx, *.pdf, *.xlsx, *.xls; not hidden ones, nor what
    hidden directories hold: a .venv, a .git), globs and corpus names, in
    order, without repeats (a file under two names — a symbolic link beside
    it — is read once).  A name that matches nothing is kept so that
    reading it reports the problem."""
    out: list[str] = []
    seen: dict[str, int] = {}  # (each file's real path: where it stands in out)
    for item in inputs:
        path = Path(item)
        if item == "-" or path.is_file():
            found = [item]
        elif path.is_dir():
            found = _plans_in(path)
            if not found:
                found = [item]  # reported as "is a directory" with nothing to read
        elif glob.has_magic(item):
            found = sorted(glob.glob(item, recursive=True)) or [item]
        else:
            found = [item]
        for f in found:
            key = os.path.realpath(f) if f != "-" and os.path.isfile(f) else f
            if key not in seen:
                seen[key] = len(out)
                out.append(f)
            elif os.path.islink(out[seen[key]]) and not os.path.islink(f):
                out[seen[key]] = f  # (the file under its own name, not the link's)
    return out


def _plans_in(folder: Path) -> list[str]:
    """The plan files under a directory, hidden ones and hidden directories
    left out (never entered: ``policyx extract ~`` would read a .venv), symbolic
    links to directories not followed."""
    found = []
    for root, directories, files in os.walk(str(folder)):
        directories[:] = [d for d in directories if not d.startswith(".")]
        found += [path for path in (os.path.join(root, f) for f in files
                                    if not f.startswith(".") and os.path.splitext(f)[1].lower() in PLAN_SUFFIXES)
                  if os.path.isfile(path)]
    return sorted(found)


def _extract_one(source: str, rules_dirs: tuple[str, ...]) -> Outcome:
    """Worker: read and extract one plan; never raises for a bad input."""
    from policyx.extract.pipeline import extract_file
    from policyx.rules import load_rules
    from policyx.io.serialize import document_to_dict

    try:
        doc = extract_file(source, load_rules(rules_dirs))
    except PolicyxError as exc:
        return Outcome(source, None, str(exc))
    except (OSError, ValueError, RecursionError) as exc:  # a file that breaks no rule but still cannot be read
        return Outcome(source, None, f"{source}: {exc}")
    return Outcome(source, document_to_dict(doc))


def _extract_chunk(chunk: list[str], rules_dirs: tuple[str, ...]) -> list[Outcome]:
    return [_extract_one(source, rules_dirs) for source in chunk]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def extract_many(
    sources: list[str],
    *,
    rules_dirs: tuple[str, ...] = (),
    jobs: int | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Extract every source, in input order; ``on_done`` hears of each as it
    finishes.  One process when ``jobs`` is 1 or there is one source."""
    if jobs is not None and jobs < 0:
        raise PolicyxError(f"jobs must be 1 or more (0 or None: one per core), not {jobs}")
    jobs = jobs or default_jobs()
    if jobs == 1 or len(sources) <= 1:
        for source in sources:
            outcome = _extract_one(source, rules_dirs)
            if on_done:
                on_done(outcome)
            yield outcome
        return
    if "-" in sources:
        raise InputError("- (standard input) cannot be read together with other plans")
    # chunks keep the per-task overhead small when there are thousands of files
    size = max(1, min(32, len(sources) // (jobs * 4) or 1))
    chunks = [sources[i:i + size] for i in range(0, len(sources), size)]
    # a few chunks in flight per process, each let go once handed on: memory
    # stays flat however many plans there are (all futures at once would keep
    # every finished document until the end)
    ahead = jobs * 2
    from concurrent.futures import ProcessPoolExecutor  # 8–10 ms to import: only for a pool

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        queued = iter(chunks)
        for chunk in islice(queued, ahead):
            pending.append(pool.submit(_extract_chunk, chunk, rules_dirs))
        while pending:
            outcomes = pending.popleft().result()
            for chunk in islice(queued, 1):
                pending.append(pool.submit(_extract_chunk, chunk, rules_dirs))
            for outcome in outcomes:
                if on_done:
                    on_done(outcome)
                yield outcome
            del outcomes
