"""The command line's shared options (``Annotated`` aliases) and the limits they give."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import MB, Limits

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
MaxPageMb = Annotated[float, typer.Option("--max-page-mb", metavar="MB", min=0.001, help="Largest page read, in MB.")]
MaxMemberMb = Annotated[
    float, typer.Option("--max-member-mb", metavar="MB", min=0.001, help="Largest archive member (decompressed), MB.")
]
MaxRatio = Annotated[
    int, typer.Option("--max-ratio", metavar="N", min=1, help="Largest compression ratio (bomb guard).")
]
MaxDepth = Annotated[int, typer.Option("--max-depth", metavar="N", min=8, help="Deepest nesting of HTML elements.")]
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
