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
