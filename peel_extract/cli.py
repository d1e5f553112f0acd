"""The command line: thin typer commands over the library API."""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from .api import extract_file
from .batch import BatchOptions, Progress, default_workers, run_batch
from .errors import PeelError
from .options import MB, Limits
from .read import count_pages
from .records import json_schema
from .write import iter_jsonl, record_json, schema_json, write_atomic, write_csv, write_sqlite

app = typer.Typer(
    help="Turn saved HMICFRS PEEL inspection pages into validated structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False)
]
Pretty = Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")]
Sqlite = Annotated[
    Path | None, typer.Option("--sqlite", help="Also write the analysis tables to this SQLite file.", dir_okay=False)
]
_DEFAULTS = Limits()
_LIMITS = "Limits"
MaxPageMb = Annotated[
    float, typer.Option("--max-page-mb", min=0.001, help="Largest page read, in MB.", rich_help_panel=_LIMITS)
]
MaxMemberMb = Annotated[
    float,
    typer.Option(
        "--max-member-mb", min=0.001, help="Largest archive member (decompressed), MB.", rich_help_panel=_LIMITS
    ),
]
MaxRatio = Annotated[
    int, typer.Option("--max-ratio", min=1, help="Largest compression ratio (bomb guard).", rich_help_panel=_LIMITS)
]
MaxDepth = Annotated[
    int, typer.Option("--max-depth", min=8, help="Deepest nesting of HTML elements.", rich_help_panel=_LIMITS)
]
MaxMembers = Annotated[
    int, typer.Option("--max-members", min=1, help="Most members read from one archive.", rich_help_panel=_LIMITS)
]
MaxElements = Annotated[
    int,
    typer.Option(
        "--max-elements",
        min=100,
        help="Most HTML elements or text lines in one page (memory).",
        rich_help_panel=_LIMITS,
    ),
]


def _limits(page_mb: float, member_mb: float, ratio: int, depth: int, members: int, elements: int) -> Limits:
    return Limits(
        max_page_bytes=int(page_mb * MB),
        max_member_bytes=int(member_mb * MB),
        max_ratio=ratio,
        max_depth=depth,
        max_members=members,
        max_elements=elements,
    )


def _fail(error: PeelError) -> NoReturn:
    typer.echo(f"peel-extract: {error}", err=True)
    raise typer.Exit(1)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text + "\n")
        return
    try:
        write_atomic(output, text + "\n")
    except OSError as exc:
        typer.echo(f"peel-extract: {output}: cannot write: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def extract(
    page: Annotated[str, typer.Argument(help="A saved page (.html, .htm, .txt, maybe gzipped), or - for stdin.")],
    output: Output = None,
    pretty: Pretty = False,
    max_page_mb: MaxPageMb = _DEFAULTS.max_page_bytes / MB,
    max_ratio: MaxRatio = _DEFAULTS.max_ratio,
    max_depth: MaxDepth = _DEFAULTS.max_depth,
    max_elements: MaxElements = _DEFAULTS.max_elements,
) -> None:
    """Extract one saved PEEL page to a JSON record."""
    member_mb, members = _DEFAULTS.max_member_bytes / MB, _DEFAULTS.max_members
    limits = _limits(max_page_mb, member_mb, max_ratio, max_depth, members, max_elements)
    try:
        record = extract_file(page, limits)
    except PeelError as error:
        _fail(error)
    _emit(record_json(record, pretty), output)


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Pages, folders, .zip, .tar(.gz|.bz2|.xz), .tgz or .warc(.gz) files.")
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="The records, one JSON per line ('-': stdout).")],
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Log pages that give no record here (JSONL).", dir_okay=False)
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Worker processes.", show_default="the machine's cores")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into the same files.")] = False,
    keep_duplicates: Annotated[
        bool, typer.Option("--keep-duplicates", help="Convert pages whose bytes repeat an earlier page.")
    ] = False,
    sqlite: Sqlite = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    max_page_mb: MaxPageMb = _DEFAULTS.max_page_bytes / MB,
    max_member_mb: MaxMemberMb = _DEFAULTS.max_member_bytes / MB,
    max_ratio: MaxRatio = _DEFAULTS.max_ratio,
    max_depth: MaxDepth = _DEFAULTS.max_depth,
    max_members: MaxMembers = _DEFAULTS.max_members,
    max_elements: MaxElements = _DEFAULTS.max_elements,
) -> None:
    """Convert folders and archives of saved pages to JSONL records (exit 1 if any page failed)."""
    if resume and output == "-":
        raise typer.BadParameter("--resume needs an output file, not stdout", param_hint="--resume")
    options = BatchOptions(
        output=output,
        errors=str(errors) if errors else None,
        workers=workers or default_workers(),
        resume=resume,
        keep_duplicates=keep_duplicates,
        limits=_limits(max_page_mb, max_member_mb, max_ratio, max_depth, max_members, max_elements),
    )
    with _progress(quiet, inputs) as progress, _records_copy(output, sqlite) as options_output:
        summary = run_batch(inputs, _with_output(options, options_output), progress)
        if sqlite is not None:
            write_sqlite(iter_jsonl(options_output), sqlite)
    if not quiet:
        typer.echo(f"peel-extract: {summary.line()}", err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def tables(
    records: Annotated[Path, typer.Argument(help="A JSONL file of records (from 'batch').", dir_okay=False)],
    csv: Annotated[Path | None, typer.Option("--csv", help="Write one CSV file per table into this folder.")] = None,
    sqlite: Sqlite = None,
) -> None:
    """Write the records as tidy tables for analysis: CSV files and/or an SQLite database."""
    if csv is None and sqlite is None:
        raise typer.BadParameter("give --csv DIR and/or --sqlite FILE")
    try:
        counts = write_csv(iter_jsonl(str(records)), csv) if csv else {}
        if sqlite:
            counts = write_sqlite(iter_jsonl(str(records)), sqlite)
    except PeelError as error:
        _fail(error)
    except OSError as exc:
        typer.echo(f"peel-extract: {exc.filename or records}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo("peel-extract: " + ", ".join(f"{n} {table}" for table, n in counts.items()), err=True)


@app.command()
def schema(output: Output = None) -> None:
    """Print the JSON Schema of the records."""
    _emit(schema_json(json_schema()), output)


def _with_output(options: BatchOptions, output: str) -> BatchOptions:
    return dataclasses.replace(options, output=output)


@contextmanager
def _records_copy(output: str, sqlite: Path | None) -> Iterator[str]:
    """Where batch writes its records: the output itself, or (stdout with --sqlite) a copy to table."""
    if output != "-" or sqlite is None:
        yield output
        return
    handle, tmp = tempfile.mkstemp(suffix=".jsonl")
    os.close(handle)
    try:
        yield tmp
        with open(tmp, encoding="utf-8") as copy:
            for line in copy:
                sys.stdout.write(line)
    finally:
        os.unlink(tmp)


@contextmanager
def _progress(quiet: bool, inputs: list[str]) -> Iterator[Progress | None]:
    """A rich progress bar on stderr (pages done, rate, time left), only on a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
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
    try:
        app()
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        sys.exit(1)
