"""The command line: thin typer commands over the library API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from .api import extract_file
from .errors import PeelError
from .records import json_schema
from .write import record_json, schema_json, write_atomic

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
) -> None:
    """Extract one saved PEEL page to a JSON record."""
    try:
        record = extract_file(page)
    except PeelError as error:
        _fail(error)
    _emit(record_json(record, pretty), output)


@app.command()
def schema(output: Output = None) -> None:
    """Print the JSON Schema of the records."""
    _emit(schema_json(json_schema()), output)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        sys.exit(1)
