"""Scaling checks: work that grows 4x must cost about 4x the time, not 16x (a quadratic step).

Timed with the process's CPU clock (a shared machine's wall time is mostly waiting), the best of
a few runs at each size, and a generous bound: linear work gives a ratio near 4, quadratic near 16,
so a bound of 8 tells them apart without flaking on noise.
"""

from __future__ import annotations

import time
from collections.abc import Callable

LINEAR_BOUND = 8.0
"""Above this ratio of times for 4x the input, the work is not linear."""


def best_cpu_seconds(work: Callable[[], object], runs: int = 3) -> float:
    """The least CPU time of ``runs`` calls of ``work``."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def growth_ratio(make_work: Callable[[int], Callable[[], object]], size: int, runs: int = 3) -> float:
    """How many times longer the work takes at ``4 * size`` than at ``size``.

    ``make_work(n)`` builds the input of size ``n`` (not timed) and returns the call to time. ``size``
    should make the small run take some tens of milliseconds, so clock resolution does not matter.
    """
    small, large = make_work(size), make_work(4 * size)
    return best_cpu_seconds(large, runs) / max(best_cpu_seconds(small, runs), 1e-3)


def assert_linear(make_work: Callable[[int], Callable[[], object]], size: int, runs: int = 3) -> None:
    """Fail when 4x the input costs more than ``LINEAR_BOUND`` times the time."""
    ratio = growth_ratio(make_work, size, runs)
    assert ratio < LINEAR_BOUND, f"4x the input took {ratio:.1f}x the CPU time (linear ~4x, quadratic ~16x)"
