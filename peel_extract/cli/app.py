"""The command line: thin typer commands over the library API.

Each command imports what it needs when it runs, so that ``--help`` and usage errors start fast.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer.core import TyperGroup

from .. import __version__
from ..batch.process import Stopped, collect_rarely, stop_on_signals
from ..errors import PeelError
from ..options import MB
from .batch import batch
from .options import (
    DEFAULTS,
    MaxDepth,
    MaxElements,
    MaxPageMb,
    MaxRatio,
    Output,
    Pretty,
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
    from ..options import Limits


class _Commands(TyperGroup):
    """The commands; a usage error is one plain line (``peel-extract: No such option: --prety ...``);
    no command at all shows the help."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except typer.TyperException as error:  # typer's (vendored click's) usage and parameter errors
            if type(error).__name__ == "NoArgsIsHelpError":  # typer's own test: the class is not public
                typer.echo(error.format_message())
                sys.exit(0)
            context = getattr(error, "ctx", None)
            command = " ".join(["peel-extract", *context.command_path.split()[1:]]) if context else "peel-extract"
            hint = f" (see '{command} --help')"
            message = " ".join(error.format_message().split())
            say(f"{message}{hint}")
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Commands,
    help="Turn saved HMICFRS PEEL inspection pages into validated structured data.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
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


def _emit(text: str, output: Path | None) -> None:
    from ..write.files import write_output

    try:
        write_output(text + "\n", output)
    except PeelError as error:
        fail(error)


@app.command()
def extract(
    pages: Annotated[list[str], typer.Argument(metavar="PAGE", hidden=True)],  # described in the docstring
    output: Output = None,
    pretty: Pretty = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    max_page_mb: MaxPageMb = DEFAULTS.max_page_bytes / MB,
    max_ratio: MaxRatio = DEFAULTS.max_ratio,
    max_depth: MaxDepth = DEFAULTS.max_depth,
    max_elements: MaxElements = DEFAULTS.max_elements,
) -> None:
    """Extract a saved PEEL page to a JSON record (several pages: one record per line, JSONL).

    PAGE is a saved page (.html, .htm, .txt, maybe gzipped), or - for stdin. With several pages,
    one that fails is one line on stderr and the others are still written (exit 1).
    """
    if pretty and len(pages) > 1:
        raise typer.BadParameter("--pretty needs one PAGE (several are written as JSON lines)", param_hint="--pretty")
    target = str(output) if output else None
    refuse_outputs({"--output": target}, pages)
    member_mb, members = DEFAULTS.max_member_bytes / MB, DEFAULTS.max_members
    limits = limits_of(max_page_mb, member_mb, max_ratio, max_depth, members, max_elements)
    if len(pages) == 1:
        _emit(_record_json(pages[0], limits, pretty, verbose), output)
        return
    failed: list[str] = []
    _write_parts(_records(pages, limits, verbose, failed), output)
    raise typer.Exit(1 if failed else 0)


def _record_json(page: str, limits: Limits, pretty: bool, verbose: bool) -> str:
    """The page's record as JSON (its warnings said with --verbose); a failure ends the command."""
    from ..api import extract_file
    from ..write.files import record_json

    try:
        record = extract_file(page, limits)
    except PeelError as error:
        fail(error)
    text = record_json(record, pretty)
    if verbose:
        say_warnings(json.loads(text))
    return text


def _records(pages: list[str], limits: Limits, verbose: bool, failed: list[str]) -> Iterator[str]:
    """Each page's record as a JSON line; a page that fails is said (and listed in ``failed``)."""
    from ..api import extract_file

    for page in pages:
        try:
            text = extract_file(page, limits).model_dump_json()
        except PeelError as error:
            say(str(error))
            failed.append(page)
            continue
        if verbose:
            say_warnings(json.loads(text))
        yield text + "\n"


def _write_parts(parts: Iterator[str], output: Path | None) -> None:
    from ..write.files import write_parts

    try:
        write_parts(parts, output)
    except PeelError as error:
        fail(error)


app.command()(batch)


@app.command()
def tables(
    records: Annotated[
        Path | None, typer.Argument(help="A JSONL file of records (from 'batch'); - for stdin.", dir_okay=False)
    ] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write one CSV file per table into this folder.")] = None,
    sqlite: Sqlite = None,
    spreadsheet_safe: Annotated[
        bool, typer.Option("--spreadsheet-safe", help="Prefix ' to CSV cells a spreadsheet would run as a formula.")
    ] = False,
    describe: Annotated[bool, typer.Option("--describe", help="Print every table and column, and exit.")] = False,
    quiet: Quiet = False,
) -> None:
    """Write the records as tidy tables for analysis: CSV files and/or an SQLite database."""
    from ..tables import TABLES, describe_markdown
    from ..write.files import write_tables
    from ..write.jsonl import iter_jsonl

    if describe:
        _emit(describe_markdown().removesuffix("\n"), None)
        return
    if records is None or (csv is None and sqlite is None):
        raise typer.BadParameter("give RECORDS and --csv DIR and/or --sqlite FILE (or --describe)")
    outputs = {"--csv": str(csv) if csv else None, "--sqlite": str(sqlite) if sqlite else None}
    refuse_outputs(outputs, [str(records)], [f"{table}.csv" for table in TABLES])
    try:
        counts = write_tables(iter_jsonl(str(records)), csv, sqlite, spreadsheet_safe)
    except PeelError as error:
        fail(error)
    if not quiet:
        say(", ".join(f"{n} {table}" for table, n in counts.items()))
    if not counts.get("pages"):  # as batch on an input with no page: a pipe from a batch that found none
        say(f"{'<stdin>' if str(records) == '-' else records}: holds no record: the tables written are empty")
        raise typer.Exit(1)


@app.command()
def report(
    database: Annotated[
        Path, typer.Argument(help="An SQLite database from 'tables --sqlite' or 'batch --sqlite'.", dir_okay=False)
    ],
    output: Output = None,
    quiet: Quiet = False,
) -> None:
    """Write one self-contained HTML page of the grades: a grid per sector, timelines, areas for improvement."""
    from ..grade_page import report_html

    refuse_outputs({"--output": str(output) if output else None}, [str(database)])
    try:
        html = report_html(database)
    except PeelError as error:
        fail(error)
    _emit(html, output)


@app.command()
def grades(
    database: Annotated[
        Path, typer.Argument(help="An SQLite database from 'batch --sqlite' or 'tables --sqlite'.", dir_okay=False)
    ],
    form: Annotated[Literal["table", "csv", "json"], typer.Option("--format", "-f", help="Output format.")] = "table",
    areas: Annotated[bool, typer.Option("--areas", help="The 2021+ reports' area grades, one per line.")] = False,
    output: Output = None,
    quiet: Quiet = False,
) -> None:
    """Print the grade grid: each force's and service's latest grade per round and pillar (or report area)."""
    from ..tables.grades import format_grades, read_grades

    refuse_outputs({"--output": str(output) if output else None}, [str(database)])
    try:
        grid, note = read_grades(database, areas)
    except PeelError as error:
        fail(error)
    _emit(format_grades(grid, form), output)
    if note and not quiet:
        say(note)


@app.command()
def schema(output: Output = None, quiet: Quiet = False) -> None:
    """Print the JSON Schema of the records."""
    from ..records import json_schema
    from ..write.files import schema_json

    refuse_outputs({"--output": str(output) if output else None})
    _emit(schema_json(json_schema()), output)


def main() -> None:
    """Console-script entry point."""
    collect_rarely()
    stop_on_signals()
    try:
        app(prog_name="peel-extract")
    except Stopped as stop:  # batch says more itself
        say(f"stopped by {stop.name} before it finished; no output file was changed")
        sys.exit(stop.exit_code)
    except BrokenPipeError:
        sys.exit(1)  # the reader of stdout went away (e.g. `| head`): stop quietly, as Unix tools do
    except OSError as exc:  # the help or the version written to a full disk: said as any output's failure
        if exc.errno not in _WRITE_ERRORS:  # every other output and input says its own failures
            raise
        from ..errors import cannot_write
        from ..write.files import STDOUT_LABEL

        say(str(cannot_write(STDOUT_LABEL, exc)))
        sys.exit(1)
    finally:
        _settle_stdout()


_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""Errors of a write to stdout that typer makes itself (the help, the version)."""


def _settle_stdout() -> None:
    """Flush stdout; if that fails (a full disk, a closed pipe: already reported), point it at
    /dev/null so that Python's own flush at exit cannot print a traceback."""
    try:
        sys.stdout.flush()
    except OSError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
