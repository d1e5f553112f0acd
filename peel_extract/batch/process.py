"""Settings of a whole process, for the processes peel-extract runs itself (the CLI's, batch workers).

A library call never changes them: they are the application's to choose.
"""

from __future__ import annotations

import gc
import signal
from types import FrameType

_RARELY = 70_000
"""Allocations between collections of the youngest generation (Python's default: 700)."""
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_received: list[int] = []


def collect_rarely() -> None:
    """Pages make many short-lived objects and no reference cycles, so Python's cyclic collector, run
    every 700 allocations, costs time and frees nothing: run it a hundredth as often."""
    gc.freeze()
    gc.set_threshold(_RARELY, *gc.get_threshold()[1:])


class Stopped(BaseException):
    """A stop signal (Ctrl-C's SIGINT, SIGTERM) arrived. Raised in the main thread, like Ctrl-C's
    KeyboardInterrupt, so that the way out cleans up: temporary files are removed, the lines waiting
    are written, the workers are stopped."""

    def __init__(self, signal_number: int) -> None:
        self.signal_number = signal_number
        self.name = signal.Signals(signal_number).name
        """SIGINT or SIGTERM."""
        self.exit_code = 128 + signal_number
        """The status a shell gives a command its signal ended: 130 for SIGINT, 143 for SIGTERM."""
        super().__init__(f"stopped by {self.name}")


def stop_on_signals() -> None:
    """Make SIGINT and SIGTERM raise Stopped (a signal this process was started ignoring, as a
    background job's SIGINT, stays ignored). A second one ends the process at once."""
    for number in STOP_SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _stop)


def _stop(number: int, _frame: FrameType | None) -> None:
    _received.append(number)
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_DFL)
    raise Stopped(number)


def stopped_by() -> int | None:
    """The stop signal this process received, if any."""
    return _received[0] if _received else None


def default_signals() -> None:
    """In a worker process: SIGTERM ends it at once, as the process pool expects (it was forked from
    a parent that turns it into Stopped)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
