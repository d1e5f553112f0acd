"""National child protection re-inspections (2022): a force's report with no graded judgment, recognised only, to
say what it looks like in an "unsupported page type" error."""

from __future__ import annotations

from ..vocab import NCPI_FINDINGS, NCPI_TITLE
from .detect import Head, Sign

DESCRIPTION = "a national child protection re-inspection report"


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("Derbyshire – National child protection re‑inspection"); untitled, its contents'
    "<Area>: Re-inspection findings" lines."""
    if sign is Sign.TITLE_LINE:
        return head.first(NCPI_TITLE.match)
    if sign is Sign.NAMED:
        return head.first(NCPI_FINDINGS.match)
    return None
