"""The command line's shared options (``Annotated`` aliases), the limits they give, and how it speaks:
one ``peel-extract: SOURCE: problem`` line per thing said."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from ..blocks.parse import LIBXML2_HUGE_DEPTH
from ..errors import OutputRefused, PeelError
from ..options import MB, Limits
from ..read import escape_name, source_label

Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of stdout.", dir_okay=False),
]
Pretty = Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")]
Sqlite = Annotated[
    Path | None,
    typer.Option(
        "--sqlite", metavar="FILE", help="Also write the analysis tables to this SQLite file.", dir_okay=False
    ),
]
DEFAULTS = Limits()
MOST_MB = 1024 * 1024
"""The largest size limit an option takes (1 TB): any size a machine can hold, and never inf."""


def _sane_size(value: float) -> float:
    if not value <= MOST_MB:  # also NaN
        raise typer.BadParameter(f"at most {MOST_MB} (1 TB), not {value}")
    return value


MaxPageMb = Annotated[
    float,
    typer.Option("--max-page-mb", metavar="MB", min=0.001, callback=_sane_size, help="Largest page read, in MB."),
]
MaxMemberMb = Annotated[
    float,
    typer.Option(
        "--max-member-mb",
        metavar="MB",
        min=0.001,
        callback=_sane_size,
        help="Largest archive member (decompressed), MB.",
    ),
]
MaxRatio = Annotated[
    int, typer.Option("--max-ratio", metavar="N", min=1, help="Largest compression ratio (bomb guard).")
]
MOST_DEPTH = LIBXML2_HUGE_DEPTH
"""The deepest nesting --max-depth takes: the HTML parser (libxml2) stops there even in its 'huge' mode, so a larger
limit would be one the parser does not keep (and its error would name that limit)."""


def _sane_depth(value: int) -> int:
    if value > MOST_DEPTH:
        raise typer.BadParameter(f"at most {MOST_DEPTH} (the HTML parser's own limit), not {value}")
    return value


MaxDepth = Annotated[
    int,
    typer.Option("--max-depth", metavar="N", min=8, callback=_sane_depth, help="Deepest nesting of HTML elements."),
]
MaxMembers = Annotated[
    int, typer.Option("--max-members", metavar="N", min=1, help="Most members read from one archive.")
]
MaxElements = Annotated[
    int,
    typer.Option("--max-elements", metavar="N", min=100, help="Most HTML elements or text lines in one page (memory)."),
]


def limits_of(page_mb: float, member_mb: float, ratio: int, depth: int, members: int, elements: int) -> Limits:
    """The limits the options give (sizes in MB)."""
    return Limits(
        max_page_bytes=int(page_mb * MB),
        max_member_bytes=int(member_mb * MB),
        max_ratio=ratio,
        max_depth=depth,
        max_members=members,
        max_elements=elements,
    )


Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, summary or notes (errors still show).")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also print each page's warnings.")]


def say(text: str) -> None:
    """One line on stderr, ``peel-extract: text``: names escaped, so it stays one line and no control
    character reaches the terminal."""
    typer.echo(f"peel-extract: {escape_name(text)}", err=True)


def fail(error: PeelError) -> NoReturn:
    """One line on stderr; exit 2 for an output refused before any work, 1 for any other failure."""
    say(str(error))
    raise typer.Exit(2 if isinstance(error, OutputRefused) else 1)


def refuse_outputs(
    outputs: dict[str, str | None], inputs: Sequence[str] = (), folder_files: Sequence[str] = ()
) -> None:
    """Check the outputs before any work (``outputs.check_outputs``): a refused one ends the command (exit 2)."""
    from ..write.outputs import check_outputs

    try:
        check_outputs(outputs, inputs, folder_files)
    except PeelError as error:
        fail(error)


def say_warnings(record: dict[str, Any]) -> None:
    """Each warning of a record, one line each: ``source[:line]: warning: message (code)``."""
    source = record.get("source") or {}
    label = source_label(str(source.get("path")), source.get("member"))
    for warning in record.get("warnings") or ():
        where = label if warning.get("line") is None else f"{label}:{warning['line']}"
        say(f"{where}: warning: {warning.get('message')} ({warning.get('code')})")
