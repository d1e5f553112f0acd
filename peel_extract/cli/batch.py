"""The ``batch`` command: options, the progress bar, and what it says at the end (or when stopped)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..batch.process import Stopped, stopped_by
from ..errors import PeelError
from ..options import MB
from .options import (
    DEFAULTS,
    MaxDepth,
    MaxElements,
    MaxMemberMb,
    MaxMembers,
    MaxPageMb,
    MaxRatio,
    Quiet,
    Sqlite,
    Verbose,
    fail,
    limits_of,
    refuse_outputs,
    say,
    say_warnings,
)

if TYPE_CHECKING:
    from ..batch.outcome import Outcome
    from ..batch.run import BatchOptions, Progress, Summary

STDOUT = "-"
Output = Annotated[
    str, typer.Option("--output", "-o", metavar="FILE", help="The records, one JSON per line ('-': stdout).")
]
Errors = Annotated[
    Path | None,
    typer.Option("--errors", metavar="FILE", help="Log pages that give no record here (JSONL).", dir_okay=False),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        metavar="N",
        min=1,
        help="Worker processes (at most 4 per core, and no more than the pages need).",
        show_default="the machine's cores",
    ),
]
Resume = Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into the same files.")]
KeepDuplicates = Annotated[
    bool, typer.Option("--keep-duplicates", help="Convert pages whose bytes repeat an earlier page.")
]


def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", hidden=True)],  # described in the docstring
    output: Output,
    errors: Errors = None,
    workers: Workers = None,
    resume: Resume = False,
    keep_duplicates: KeepDuplicates = False,
    sqlite: Sqlite = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    max_page_mb: MaxPageMb = DEFAULTS.max_page_bytes / MB,
    max_member_mb: MaxMemberMb = DEFAULTS.max_member_bytes / MB,
    max_ratio: MaxRatio = DEFAULTS.max_ratio,
    max_depth: MaxDepth = DEFAULTS.max_depth,
    max_members: MaxMembers = DEFAULTS.max_members,
    max_elements: MaxElements = DEFAULTS.max_elements,
) -> None:
    """Convert folders and archives of saved pages to JSONL records (exit 1 if any page failed,
    or an input holds no page).

    Each INPUT is a page, a folder, or a .zip, .tar(.gz|.bz2|.xz), .tgz or .warc(.gz) file.
    """
    from ..batch.run import BatchOptions, default_workers, run_batch

    if resume and output == STDOUT:
        raise typer.BadParameter("--resume needs an output file, not stdout", param_hint="--resume")
    if "-" in inputs and not os.path.lexists("-"):
        raise typer.BadParameter(
            "batch reads files, folders and archives, not stdin ('extract -' reads a page from it)"
        )
    options = BatchOptions(
        output=output,
        errors=str(errors) if errors else None,
        workers=workers or default_workers(),
        resume=resume,
        keep_duplicates=keep_duplicates,
        limits=limits_of(max_page_mb, max_member_mb, max_ratio, max_depth, max_members, max_elements),
        sqlite=str(sqlite) if sqlite else None,
    )
    refuse_outputs({"--output": output, "--errors": options.errors, "--sqlite": options.sqlite}, inputs)
    done = _Done(verbose)
    try:
        with _progress(quiet, inputs, done) as progress:
            summary = run_batch(inputs, options, progress)
    except Stopped as stop:
        _stopped(stop, done.count, options)
    except PeelError as error:
        if (signal := stopped_by()) is not None:  # the stop signal (sent to the group) killed a worker first
            _stopped(Stopped(signal), done.count, options)
        fail(error)
    _report(summary, quiet, logged=errors is not None)
    raise typer.Exit(0 if summary.ok else 1)


class _Done:
    """Counts the pages done (and, with --verbose, prints each one's warnings)."""

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.count = 0

    def __call__(self, outcome: Outcome) -> None:
        self.count += 1
        if self.verbose and outcome.record is not None:
            say_warnings(json.loads(outcome.record))


def _stopped(stop: Stopped, count: int, options: BatchOptions) -> NoReturn:
    """Say what a stop signal left, and exit with the shell's status for it (128 + the signal)."""
    kept = "written" if options.output == STDOUT else f"kept in {options.output}"
    database = f"; {options.sqlite} was not written" if options.sqlite else ""
    resume = "" if options.output == STDOUT else " (--resume goes on from there)"
    say(f"stopped by {stop.name} after {count} pages: their lines are {kept}{resume}{database}")
    raise typer.Exit(stop.exit_code)


def _report(summary: Summary, quiet: bool, logged: bool) -> None:
    """Without an error log, name the first pages that failed; each input that holds no page; then
    (unless quiet) the notes and the summary line."""
    if not logged:
        for failure in summary.failures:
            say(failure)
        if summary.failed > len(summary.failures):
            more = summary.failed - len(summary.failures)
            say(f"... and {more} more failed (--errors FILE logs every one)")
    for name in summary.empty:
        say(f"{name}: holds no page (no file or member named like a saved page: .html, .htm, .txt, ...)")
    if not quiet:
        for note in summary.notes:
            say(note)
        say(summary.line())


@contextmanager
def _progress(quiet: bool, inputs: list[str], done: _Done) -> Iterator[Progress]:
    """The pages done, counted; and a rich progress bar on stderr (pages done, rate, time left), only
    on a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        yield done
        return
    from ..read.inputs import count_pages

    total = count_pages(inputs)  # a walk of the inputs: only worth it when a bar shows the time left
    from rich import progress as bars
    from rich.console import Console

    columns = (
        bars.SpinnerColumn(),
        bars.BarColumn(),
        bars.MofNCompleteColumn(),
        bars.TextColumn("{task.fields[rate]}"),
        bars.TimeRemainingColumn(),
    )
    with bars.Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("pages", total=total, rate="")

        def advance(outcome: Outcome) -> None:
            done(outcome)
            speed = bar.tasks[0].speed
            bar.update(task, advance=1, rate=f"{speed:.0f} pages/s" if speed else "")

        yield advance
