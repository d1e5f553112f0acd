"""Settings of a whole process, for the processes peel-extract runs itself (the CLI's, batch workers).

A library call never changes them: they are the application's to choose.
"""

from __future__ import annotations

import gc

_RARELY = 70_000
"""Allocations between collections of the youngest generation (Python's default: 700)."""


def collect_rarely() -> None:
    """Pages make many short-lived objects and no reference cycles, so Python's cyclic collector, run
    every 700 allocations, costs time and frees nothing: run it a hundredth as often."""
    gc.freeze()
    gc.set_threshold(_RARELY, *gc.get_threshold()[1:])
