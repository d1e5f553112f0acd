"""Batch conversion: many pages, in parallel processes, written in input order, resumable.

The main process only walks the inputs and writes: workers read plain files and a zip's members
themselves (tar and WARC members are read in the main process, as those archives are streams), hash
and convert them, in chunks
(``pool.py``). Records are lines written whole, many to a system call, so a killed run leaves whole
lines only; ``resume`` skips every page the output (or the error log) already accounts for, and
counts it as it was counted then. Outputs are checked before any work (``write/outputs.py``) and locked
while they are written.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any

from ..errors import OutputRefused
from ..options import DEFAULT_LIMITS, Limits
from ..read import Source, escape_name, source_label
from ..read.inputs import FileId, file_id, iter_sources
from ..write.files import STDOUT, write_sqlite
from ..write.jsonl import JsonlSink
from ..write.outputs import check_outputs
from .outcome import Outcome, where
from .pool import cores, ordered

Progress = Callable[[Outcome], None]
"""Called with each page's outcome as it is written (the CLI's progress bar, --verbose)."""
PathArg = str | os.PathLike[str]
Done = defaultdict[tuple[str, str | None], deque[tuple[str, str | None]]]
"""Pages an earlier run accounted for, by (path, member): the code each line gave it and the sha256 of the bytes
it converted, in order."""
_RECORD = "record"
_SHOWN_FAILURES = 5


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything a batch run needs to know, passed explicitly."""

    output: str
    """The JSONL file of records ('-' for stdout)."""
    errors: str | None = None
    """The JSONL log of pages that give no record."""
    workers: int = 1
    resume: bool = False
    keep_duplicates: bool = False
    limits: Limits = DEFAULT_LIMITS
    sqlite: str | None = None
    """Also write the analysis tables to this SQLite database."""


@dataclass(slots=True)
class Summary:
    """Counts of one batch run (pages a resumed run found done are counted as they were then)."""

    seen: int = 0
    converted: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    resumed: int = 0
    failures: list[str] = field(default_factory=list)
    """The first few pages that failed in this run, as ``source[:line]: message``."""
    empty: list[str] = field(default_factory=list)
    """Inputs (folders, archives) that hold no page: the run is not a success."""
    notes: list[str] = field(default_factory=list)
    """What the run should say besides its counts, each ``source: what``: pages an earlier run
    wrote that are not in these inputs (on resume), an output written without a lock."""
    started: float = field(default_factory=time.perf_counter)

    @property
    def ok(self) -> bool:
        """Whether every page converted and every input held a page."""
        return not self.failed and not self.empty

    def add(self, outcome: Outcome) -> None:
        """Count one page's outcome."""
        self.count(_RECORD if outcome.record is not None else str(outcome.code))
        failed = outcome.record is None and outcome.code not in ("duplicate", "skipped")
        if failed and len(self.failures) < _SHOWN_FAILURES:
            self.failures.append(outcome.failure())

    def count(self, code: str) -> None:
        """Count a page by its code (``record`` for a converted page)."""
        if code == _RECORD:
            self.converted += 1
        elif code == "duplicate":
            self.duplicates += 1
        elif code == "skipped":
            self.skipped += 1
        else:
            self.failed += 1

    def line(self) -> str:
        """The one summary line printed at the end."""
        seconds = max(time.perf_counter() - self.started, 1e-9)
        rate = (self.converted + self.failed + self.duplicates + self.skipped - self.resumed) / seconds
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        resumed = f", {self.resumed} already done" if self.resumed else ""
        return (
            f"{self.seen} pages seen, {self.converted} converted, {self.failed} failed, "
            f"{self.duplicates} duplicates{skipped}{resumed} in {seconds:.1f} s ({rate:.1f} pages/s)"
        )


def input_paths(inputs: PathArg | Sequence[PathArg]) -> list[str]:
    """The inputs as path strings: one path (str or Path), or a list or tuple of them; else TypeError."""
    if isinstance(inputs, str | os.PathLike):
        return [os.fspath(inputs)]
    if isinstance(inputs, list | tuple) and all(isinstance(i, str | os.PathLike) for i in inputs):
        return [os.fspath(i) for i in inputs]
    raise TypeError(f"inputs must be a path (str or Path) or a list of paths, not {type(inputs).__name__}")


def iter_records(
    inputs: PathArg | Sequence[PathArg],
    *,
    workers: int = 1,
    keep_duplicates: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Outcome]:
    """The outcome of every page of the inputs, in input order, in memory: each has its record
    (``outcome.record``, a JSON line; ``outcome.record_data()``, a dict) or the reason it has none.

    Inputs of the wrong type are a TypeError at once, not at the first page."""
    paths = input_paths(inputs)
    run = _Run(BatchOptions(STDOUT, workers=workers, keep_duplicates=keep_duplicates, limits=limits))
    return run.outcomes(paths)


def run_batch(inputs: PathArg | Sequence[PathArg], options: BatchOptions, progress: Progress | None = None) -> Summary:
    """Convert every page of the inputs into one JSONL file, an error log and (maybe) SQLite tables.

    Raises OutputRefused before any work when an output cannot be written or has two roles, or
    another run is writing it; OutputError when writing fails; WorkerDied when a worker dies.
    """
    paths = input_paths(inputs)
    if options.resume and options.output == STDOUT:
        raise ValueError("--resume needs an output file, not stdout")
    check_outputs({"--output": options.output, "--errors": options.errors, "--sqlite": options.sqlite}, paths)
    with _sinks(options) as (out, log):
        run = _Run(options, progress)
        if options.resume:
            run.done_before(out, log)
        skip = frozenset(i for i in (out.identity, log.identity, file_id(options.sqlite)) if i is not None)
        run.summary.notes.extend(sink.unlocked for sink in (out, log) if sink.unlocked)
        _tabled(run.write(run.outcomes(paths, skip), out, log), out, options)
        run.not_met(out)
    return run.summary


@contextmanager
def _sinks(options: BatchOptions) -> Iterator[tuple[JsonlSink, JsonlSink]]:
    """The records and the error log, both opened and locked before either is emptied (or, on
    resume, cut back to its last whole line): a refused run changes neither."""
    with JsonlSink(options.output) as out, JsonlSink(options.errors) as log:
        for sink in (out, log):
            sink.start(options.resume)
        yield out, log


def _tabled(records: Iterator[dict[str, Any]], out: JsonlSink, options: BatchOptions) -> None:
    """Run the batch through to its end, writing the SQLite tables from its records if asked: the
    records an earlier run wrote (on resume), then this run's, as they come."""
    if options.sqlite is None:
        for _ in records:
            pass
        return
    earlier = (json.loads(text) for text in out.existing()) if options.resume else iter(())
    write_sqlite(chain(earlier, records), options.sqlite)  # a failure (a full disk) stops the run: --resume goes on


class _Run:
    """One run's state: its counts, what an earlier run did (on resume), the digests seen so far."""

    def __init__(self, options: BatchOptions, progress: Progress | None = None) -> None:
        self.options = options
        self.progress = progress
        self.summary = Summary()
        self.done: Done = defaultdict(deque)
        self.digests: dict[str, str] = {}
        self.changed: list[str] = []
        """Pages done by an earlier run whose bytes are not the bytes it converted (on resume)."""

    def outcomes(self, inputs: list[str], skip: frozenset[FileId] = frozenset()) -> Iterator[Outcome]:
        """The outcome of every page not already done, in input order, duplicates told apart."""
        tasks = self._tasks(self._sources(inputs, skip))
        for converted in ordered(tasks, self.options.workers, self.options.limits):
            outcome = converted if self.options.keep_duplicates else self._first_of_its_bytes(converted)
            self.summary.add(outcome)
            yield outcome

    def write(self, outcomes: Iterator[Outcome], out: JsonlSink, log: JsonlSink) -> Iterator[dict[str, Any]]:
        """Write each outcome to the records or the log; pass on each record's data (for tables)."""
        for outcome in outcomes:
            if outcome.record is None:
                log.write(outcome.log_entry())
            else:
                out.write(outcome.record)
            if self.progress is not None:
                self.progress(outcome)
            if outcome.record is not None and self.options.sqlite is not None:
                yield json.loads(outcome.record)

    def _sources(self, inputs: list[str], skip: frozenset[FileId]) -> Iterator[Source]:
        """The pages of each input in turn, noting the inputs that hold none."""
        deferred = self.options.workers > 1  # workers read the members of a zip themselves
        for name in inputs:
            held = False
            for source in iter_sources([name], self.options.limits, skip, deferred):
                held = True
                yield source
            if not held:
                self.summary.empty.append(escape_name(name))

    def _tasks(self, sources: Iterator[Source]) -> Iterator[Source | Outcome]:
        """Pages to convert, or their outcome when it is known without converting them."""
        for source in sources:
            self.summary.seen += 1
            earlier = self.done.get(_key(source.name, source.member))
            if earlier:
                self.summary.resumed += 1
                code, digest = earlier.popleft()
                self.summary.count(code)
                self._note_changed(source, digest)
            elif source.skipped is not None:
                yield Outcome(where(source), code="skipped", message=source.skipped)
            elif source.error is not None:
                yield Outcome(where(source), code=source.error.code, message=source.error.message)
            else:
                yield source

    def _note_changed(self, source: Source, digest: str | None) -> None:
        """On resume, note a page done before whose bytes have changed since (its earlier line is kept)."""
        if digest is None:
            return
        data = source.loaded(self.options.limits).data
        if data is not None and hashlib.sha256(data).hexdigest() != digest:
            self.changed.append(source.label)

    def _first_of_its_bytes(self, outcome: Outcome) -> Outcome:
        """The outcome, or (for a page whose bytes an earlier page had) a duplicate entry naming it."""
        if outcome.digest is None:
            return outcome
        first = self.digests.get(outcome.digest)
        if first is None:
            self.digests[outcome.digest] = outcome.label
            return outcome
        # The same page met again (an input given twice, a folder and a folder inside it, an archive member
        # repeated) is a duplicate too.
        message = f"same bytes as {first}" if first != outcome.label else "the same page again, same name and bytes"
        return replace(outcome, record=None, code="duplicate", message=message, line=None)

    def done_before(self, out: JsonlSink, log: JsonlSink) -> None:
        """Read what an interrupted run wrote: each page's code (a record, or its log entry's code),
        counted per name as an archive may repeat a member's name, and the digests of its pages."""
        for sink, is_log in ((out, False), (log, True)):
            for number, text in enumerate(sink.existing(), start=1):
                source, code = _entry(text, str(sink.path), number, is_log)
                key = _key(source["path"], source.get("member"))
                self.done[key].append((code, source.get("sha256")))
                if source.get("sha256"):
                    self.digests.setdefault(source["sha256"], source_label(key[0], key[1]))

    def not_met(self, out: JsonlSink) -> None:
        """On resume, note the pages an earlier run accounted for that these inputs no longer hold:
        their lines are kept (a run without --resume drops them)."""
        left = [key for key, codes in self.done.items() for _ in codes]
        if left:
            pages = (
                "1 page an earlier run wrote is" if len(left) == 1 else f"{len(left)} pages an earlier run wrote are"
            )
            self.summary.notes.append(
                f"{escape_name(str(out.path))}: {pages} not in these inputs (the first: {source_label(*left[0])}); "
                "their lines are kept (a run without --resume drops them)"
            )
        if self.changed:
            one = len(self.changed) == 1
            pages, it = ("1 page has", "it") if one else (f"{len(self.changed)} pages have", "them")
            kept = "its earlier line is kept" if one else "their earlier lines are kept"
            self.summary.notes.append(
                f"{escape_name(str(out.path))}: {pages} changed since an earlier run converted {it} (the first: "
                f"{escape_name(self.changed[0])}); {kept} (a run without --resume converts {it} again)"
            )


def _key(path: str, member: str | None) -> tuple[str, str | None]:
    """How a page is known across runs: its path and member, escaped as records hold them."""
    return escape_name(path), None if member is None else escape_name(member)


def _entry(text: bytes, path: str, number: int, is_log: bool) -> tuple[dict[str, str], str]:
    """The source and code of a line an earlier run wrote (a record's code is ``record``)."""
    try:
        entry = json.loads(text)
        source = entry["source"]
        code = str(entry["code"]) if is_log else _RECORD
        return {key: value for key, value in source.items() if value is not None}, code
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        message = "not a line peel-extract wrote: cannot resume from this file"
        raise OutputRefused(path, message, number) from None


def default_workers() -> int:
    """The machine's cores available to this process."""
    return cores()
