"""Timing shared by the bench scripts: the best of several runs (the
machine is shared and noisy; the fastest run is the least disturbed)."""

from __future__ import annotations

import time


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_alternated(fn, reference, rounds: int) -> tuple[float, float]:
    """The best of ``rounds`` runs of ``fn`` and of ``reference``, run in
    turn (A B A B): a burst of load on the machine falls on both."""
    best, best_reference = float("inf"), float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        middle = time.perf_counter()
        reference()
        end = time.perf_counter()
        best, best_reference = min(best, middle - start), min(best_reference, end - middle)
    return best, best_reference
