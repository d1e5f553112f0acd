"""Ordered parallel conversion: chunks of pages go to worker processes, outcomes come back in input order.

No more workers start than there are chunks of work, nor than ``MOST_PER_CORE`` per core.
Workers die with the process that started them (on Linux by PR_SET_PDEATHSIG, on other Unix
systems by a watchdog thread), and leave Ctrl-C to it. A worker that dies (killed, perhaps for lack of memory)
stops the run with WorkerDied, naming the pages in progress: none of them, nor any after them,
is written, so a resumed run converts them.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from ..errors import WorkerDied
from ..options import Limits
from ..read import Source
from .outcome import Outcome, convert, convert_chunk
from .process import collect_rarely, default_signals

Task = Source | Outcome
Window = deque[tuple["Future[list[Outcome]]", list[Task]]]

_CHUNK = 8
_CHUNKS_PER_WORKER = 4
_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 1.0
_NAMED = 3
MOST_PER_CORE = 4
"""Workers per core at most: more only wait for the cores, each costing its memory."""


def cores() -> int:
    """The machine's cores available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def ordered(tasks: Iterator[Task], workers: int, limits: Limits) -> Iterator[Outcome]:
    """Outcomes in input order; a small window of chunks in flight, so memory stays flat.

    The first window of chunks is gathered before any worker starts, so a run of a few pages
    starts only as many workers as it has chunks."""
    workers = min(workers, MOST_PER_CORE * cores())
    if workers <= 1:
        for task in tasks:
            yield convert(task, limits)
        return
    chunks = iter(lambda: list(islice(tasks, _CHUNK)), [])
    first = list(islice(chunks, workers * _CHUNKS_PER_WORKER))
    if not first:
        return
    window: Window = deque()
    started = min(workers, len(first))
    pool = ProcessPoolExecutor(max_workers=started, initializer=worker_started, initargs=(os.getpid(),))
    try:
        for chunk in chain(first, chunks):
            window.append((_submit(pool, chunk, limits), chunk))
            if len(window) >= workers * _CHUNKS_PER_WORKER:
                yield from _oldest(window)
        while window:
            yield from _oldest(window)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, chunk: list[Task], limits: Limits) -> Future[list[Outcome]]:
    """The chunk handed to the workers; if a worker died meanwhile, a future that says so (the
    chunks before it are still taken in order)."""
    try:
        return pool.submit(convert_chunk, chunk, limits)
    except BrokenProcessPool as exc:
        failed: Future[list[Outcome]] = Future()
        failed.set_exception(exc)
        return failed


def _oldest(window: Window) -> list[Outcome]:
    """The outcomes of the oldest chunk in flight (waiting for them if need be)."""
    future, _ = window[0]
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        raise _worker_died([task for _, chunk in window for task in chunk]) from None
    window.popleft()
    return outcomes


def _worker_died(in_progress: list[Task]) -> WorkerDied:
    first, *rest = [task.label for task in in_progress]
    shown = ", ".join(rest[:_NAMED]) + (f" and {len(rest) - _NAMED} more" if len(rest) > _NAMED else "")
    after = f" or one of the {len(rest)} after it ({shown})" if rest else ""
    message = (
        f"a worker process died (killed, perhaps for lack of memory) while converting this page{after}; "
        "no page from here on was converted: run again with --resume to convert them"
    )
    return WorkerDied(first, message)


def worker_started(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent (it stops the run), die with the parent, collect rarely."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    default_signals()
    collect_rarely()
    if sys.platform.startswith("linux"):
        _kill_me_with_my_parent()
    if os.getppid() != parent:  # the parent died before the worker asked to die with it
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _kill_me_with_my_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog still works
        pass


def _watch_parent(parent: int) -> None:
    """The fallback where prctl is missing: exit once the parent is gone (the worker is re-parented)."""
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)
