"""The command line: thin typer commands over the library API.

Each command imports what it needs when it runs, so that ``--help`` and usage errors start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import __version__
from .cli_options import (
    DEFAULTS,
    MaxDepth,
    MaxElements,
    MaxMemberMb,
    MaxMembers,
    MaxPageMb,
    MaxRatio,
    Output,
    Pretty,
    Sqlite,
    limits_of,
)
from .errors import OutputRefused, PeelError
from .options import MB
from .process import collect_rarely

if TYPE_CHECKING:
    from .batch import Progress, Summary

STDOUT = "-"


class _Commands(TyperGroup):
    """The commands; a usage error is one plain line (``peel-extract: No such option: --prety ...``)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except typer.TyperException as error:  # typer's (vendored click's) usage and parameter errors
            context = getattr(error, "ctx", None)
            command = " ".join(["peel-extract", *context.command_path.split()[1:]]) if context else "peel-extract"
            hint = f" (see '{command} --help')"
            message = " ".join(error.format_message().split())
            typer.echo(f"peel-extract: {message}{hint}", err=True)
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Commands,
    help="Turn saved HMICFRS PEEL inspection pages into validated structured data.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(shown: bool) -> None:
    if shown:
        typer.echo(f"peel-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Turn saved HMICFRS PEEL inspection pages into validated structured data."""


def _fail(error: PeelError) -> NoReturn:
    """One line on stderr; exit 2 for an output refused before any work, 1 for any other failure."""
    typer.echo(f"peel-extract: {error}", err=True)
    raise typer.Exit(2 if isinstance(error, OutputRefused) else 1)


def _emit(text: str, output: Path | None) -> None:
    from .write import write_output

    try:
        write_output(text + "\n", output)
    except PeelError as error:
        _fail(error)


@app.command()
def extract(
    page: Annotated[str, typer.Argument(metavar="PAGE", hidden=True)],  # described in the docstring
    output: Output = None,
    pretty: Pretty = False,
    max_page_mb: MaxPageMb = DEFAULTS.max_page_bytes / MB,
    max_ratio: MaxRatio = DEFAULTS.max_ratio,
    max_depth: MaxDepth = DEFAULTS.max_depth,
    max_elements: MaxElements = DEFAULTS.max_elements,
) -> None:
    """Extract one saved PEEL page to a JSON record.

    PAGE is a saved page (.html, .htm, .txt, maybe gzipped), or - for stdin.
    """
    from .api import extract_file
    from .write import record_json

    member_mb, members = DEFAULTS.max_member_bytes / MB, DEFAULTS.max_members
    limits = limits_of(max_page_mb, member_mb, max_ratio, max_depth, members, max_elements)
    try:
        record = extract_file(page, limits)
    except PeelError as error:
        _fail(error)
    _emit(record_json(record, pretty), output)


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", hidden=True)],  # described in the docstring
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="The records, one JSON per line ('-': stdout).")
    ],
    errors: Annotated[
        Path | None,
        typer.Option("--errors", metavar="FILE", help="Log pages that give no record here (JSONL).", dir_okay=False),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", metavar="N", min=1, help="Worker processes.", show_default="the machine's cores"
        ),
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into the same files.")] = False,
    keep_duplicates: Annotated[
        bool, typer.Option("--keep-duplicates", help="Convert pages whose bytes repeat an earlier page.")
    ] = False,
    sqlite: Sqlite = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    max_page_mb: MaxPageMb = DEFAULTS.max_page_bytes / MB,
    max_member_mb: MaxMemberMb = DEFAULTS.max_member_bytes / MB,
    max_ratio: MaxRatio = DEFAULTS.max_ratio,
    max_depth: MaxDepth = DEFAULTS.max_depth,
    max_members: MaxMembers = DEFAULTS.max_members,
    max_elements: MaxElements = DEFAULTS.max_elements,
) -> None:
    """Convert folders and archives of saved pages to JSONL records (exit 1 if any page failed).

    Each INPUT is a page, a folder, or a .zip, .tar(.gz|.bz2|.xz), .tgz or .warc(.gz) file.
    """
    from .batch import BatchOptions, default_workers, run_batch

    if resume and output == STDOUT:
        raise typer.BadParameter("--resume needs an output file, not stdout", param_hint="--resume")
    options = BatchOptions(
        output=output,
        errors=str(errors) if errors else None,
        workers=workers or default_workers(),
        resume=resume,
        keep_duplicates=keep_duplicates,
        limits=limits_of(max_page_mb, max_member_mb, max_ratio, max_depth, max_members, max_elements),
        sqlite=str(sqlite) if sqlite else None,
    )
    try:
        with _progress(quiet, inputs) as progress:
            summary = run_batch(inputs, options, progress)
    except PeelError as error:
        _fail(error)
    _report(summary, quiet, logged=errors is not None)
    raise typer.Exit(1 if summary.failed else 0)


def _report(summary: Summary, quiet: bool, logged: bool) -> None:
    """Without an error log, name the first pages that failed; then (unless quiet) the summary line."""
    if not logged:
        for failure in summary.failures:
            typer.echo(f"peel-extract: {failure}", err=True)
        if summary.failed > len(summary.failures):
            more = summary.failed - len(summary.failures)
            typer.echo(f"peel-extract: ... and {more} more failed (--errors FILE logs every one)", err=True)
    if not quiet:
        typer.echo(f"peel-extract: {summary.line()}", err=True)


@app.command()
def tables(
    records: Annotated[
        Path | None, typer.Argument(help="A JSONL file of records (from 'batch').", dir_okay=False)
    ] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write one CSV file per table into this folder.")] = None,
    sqlite: Sqlite = None,
    spreadsheet_safe: Annotated[
        bool, typer.Option("--spreadsheet-safe", help="Prefix ' to CSV cells a spreadsheet would run as a formula.")
    ] = False,
    describe: Annotated[bool, typer.Option("--describe", help="Print every table and column, and exit.")] = False,
) -> None:
    """Write the records as tidy tables for analysis: CSV files and/or an SQLite database."""
    from .jsonl import iter_jsonl
    from .tables import describe_markdown
    from .write import write_tables

    if describe:
        sys.stdout.write(describe_markdown())
        return
    if records is None or (csv is None and sqlite is None):
        raise typer.BadParameter("give RECORDS and --csv DIR and/or --sqlite FILE (or --describe)")
    try:
        counts = write_tables(iter_jsonl(str(records)), csv, sqlite, spreadsheet_safe)
    except PeelError as error:
        _fail(error)
    except OSError as exc:
        typer.echo(f"peel-extract: {exc.filename or records}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo("peel-extract: " + ", ".join(f"{n} {table}" for table, n in counts.items()), err=True)


@app.command()
def report(
    database: Annotated[
        Path, typer.Argument(help="An SQLite database from 'tables --sqlite' or 'batch --sqlite'.", dir_okay=False)
    ],
    output: Output = None,
) -> None:
    """Write one self-contained HTML page of the grades: a grid per sector, timelines, areas for improvement."""
    from .grade_page import report_html

    try:
        html = report_html(database)
    except PeelError as error:
        _fail(error)
    _emit(html, output)


@app.command()
def schema(output: Output = None) -> None:
    """Print the JSON Schema of the records."""
    from .records import json_schema
    from .write import schema_json

    _emit(schema_json(json_schema()), output)


@contextmanager
def _progress(quiet: bool, inputs: list[str]) -> Iterator[Progress | None]:
    """A rich progress bar on stderr (pages done, rate, time left), only on a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from .inputs import count_pages

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

        def advance(done: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=done, rate=f"{speed:.0f} pages/s" if speed else "")

        yield advance


def main() -> None:
    """Console-script entry point."""
    collect_rarely()
    try:
        app()
    except BrokenPipeError:
        sys.exit(1)  # the reader of stdout went away (e.g. `| head`): stop quietly, as Unix tools do
    finally:
        _settle_stdout()


def _settle_stdout() -> None:
    """Flush stdout; if that fails (a full disk, a closed pipe: already reported), point it at
    /dev/null so that Python's own flush at exit cannot print a traceback."""
    try:
        sys.stdout.flush()
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
