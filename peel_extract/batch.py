"""Batch conversion: many pages, in parallel processes, written in input order, resumable.

The main process only walks the inputs and writes: workers read plain files themselves (archive
members are read in the main process, as archives are streams), hash and convert them, in chunks.
Each record is one line written with one system call, so a killed run leaves whole lines only;
``resume`` skips every page the output (or the error log) already accounts for.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice

from .api import extract_source
from .errors import PeelError
from .options import DEFAULT_LIMITS, Limits
from .read import STDIN, Source, iter_sources, source_label
from .write import JsonlSink

_CHUNK = 8
_CHUNKS_PER_WORKER = 4

Progress = Callable[[int], None]
Done = Counter[tuple[str, str | None]]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything a batch run needs to know, passed explicitly."""

    output: str
    errors: str | None = None
    workers: int = 1
    resume: bool = False
    keep_duplicates: bool = False
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one page: its record line, or why it has none."""

    where: dict[str, str | None]
    record: str | None = None
    code: str | None = None
    message: str | None = None
    line: int | None = None
    digest: str | None = None
    """SHA-256 of the page's bytes, when they could be read (duplicates are told by it)."""

    def log_entry(self) -> str:
        """The page's line in the error log."""
        entry = {"source": self.where, "code": self.code, "message": self.message, "line": self.line}
        return json.dumps(entry, ensure_ascii=False)


@dataclass(slots=True)
class Summary:
    """Counts of one batch run."""

    seen: int = 0
    converted: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    resumed: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        """Count one page's outcome."""
        if outcome.record is not None:
            self.converted += 1
        elif outcome.code == "duplicate":
            self.duplicates += 1
        elif outcome.code == "skipped":
            self.skipped += 1
        else:
            self.failed += 1

    def line(self) -> str:
        """The one summary line printed at the end."""
        seconds = max(time.perf_counter() - self.started, 1e-9)
        rate = (self.converted + self.failed + self.duplicates + self.skipped) / seconds
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        resumed = f", {self.resumed} already done" if self.resumed else ""
        return (
            f"{self.seen} pages seen, {self.converted} converted, {self.failed} failed, "
            f"{self.duplicates} duplicates{skipped}{resumed} in {seconds:.1f} s ({rate:.1f} pages/s)"
        )


def _where(source: Source) -> dict[str, str | None]:
    return {"path": source.name, "member": source.member, "url": source.url}


def convert(task: Source | Outcome, limits: Limits = DEFAULT_LIMITS) -> Outcome:
    """Read, hash and convert one page; every failure, expected or not, becomes data."""
    if isinstance(task, Outcome):
        return task
    source = task.loaded(limits)
    where = _where(source)
    digest = hashlib.sha256(source.data).hexdigest() if source.data is not None else None
    try:
        record = extract_source(source, limits, digest).model_dump_json()
        return Outcome(where, record=record, digest=digest)
    except PeelError as error:
        return Outcome(where, code=error.code, message=error.message, line=error.line, digest=digest)
    except Exception as exc:  # one page's bug must not stop the batch: it is reported as data
        return Outcome(where, code="internal_error", message=f"{type(exc).__name__}: {exc}", digest=digest)


def convert_chunk(tasks: list[Source | Outcome], limits: Limits) -> list[Outcome]:
    """Convert a chunk of pages (one round trip to a worker process)."""
    return [convert(task, limits) for task in tasks]


def run_batch(inputs: list[str], options: BatchOptions, progress: Progress | None = None) -> Summary:
    """Convert every page of the inputs into one JSONL file (and an error log)."""
    summary = Summary()
    if options.resume and options.output == STDIN:
        raise ValueError("--resume needs an output file, not stdout")
    with JsonlSink(options.output, options.resume) as out, JsonlSink(options.errors, options.resume) as log:
        done, digests = _done_before(out, log) if options.resume else (Counter(), {})
        tasks = _tasks(iter_sources(inputs, options.limits), done, summary)
        for converted in _ordered(tasks, options.workers, options.limits):
            outcome = converted if options.keep_duplicates else _first_of_its_bytes(converted, digests)
            summary.add(outcome)
            if outcome.record is not None:
                out.write(outcome.record)
            else:
                log.write(outcome.log_entry())
            if progress is not None:
                progress(1)
    return summary


def _first_of_its_bytes(outcome: Outcome, digests: dict[str, str]) -> Outcome:
    """The outcome, or (for a page whose bytes an earlier page had) a duplicate entry naming it."""
    if outcome.digest is None:
        return outcome
    label = source_label(str(outcome.where["path"]), outcome.where["member"])
    first = digests.setdefault(outcome.digest, label)
    if first == label:
        return outcome
    return replace(outcome, record=None, code="duplicate", message=f"same bytes as {first}", line=None)


def _done_before(out: JsonlSink, log: JsonlSink) -> tuple[Done, dict[str, str]]:
    """Sources an interrupted run already wrote (records or log entries, counted, as an archive
    may repeat a member's name), and the digests of the pages it converted."""
    done: Done = Counter()
    digests: dict[str, str] = {}
    for text in out.existing():
        source = json.loads(text)["source"]
        done[(source["path"], source.get("member"))] += 1
        digests[source["sha256"]] = source_label(source["path"], source.get("member"))
    for text in log.existing():
        source = json.loads(text)["source"]
        done[(source["path"], source.get("member"))] += 1
    return done, digests


def _tasks(sources: Iterator[Source], done: Done, summary: Summary) -> Iterator[Source | Outcome]:
    """Pages to convert, or their outcome when it is known without converting them."""
    for source in sources:
        summary.seen += 1
        key = (source.name, source.member)
        if done[key] > 0:
            done[key] -= 1
            summary.resumed += 1
        elif source.skipped is not None:
            yield Outcome(_where(source), code="skipped", message=source.skipped)
        elif source.error is not None:
            yield Outcome(_where(source), code=source.error.code, message=source.error.message)
        else:
            yield source


def _ordered(tasks: Iterator[Source | Outcome], workers: int, limits: Limits) -> Iterator[Outcome]:
    """Outcomes in input order; a small window of chunks in flight, so memory stays flat."""
    if workers <= 1:
        for task in tasks:
            yield convert(task, limits)
        return
    window: deque[Future[list[Outcome]]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while chunk := list(islice(tasks, _CHUNK)):
            window.append(pool.submit(convert_chunk, chunk, limits))
            if len(window) >= workers * _CHUNKS_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def default_workers() -> int:
    """The machine's cores available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
