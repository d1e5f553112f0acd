"""National child protection re-inspections (2022): a force's report with no graded judgment, recognised only, to
say what it looks like in an "unsupported page type" error."""

from __future__ import annotations

from ..vocab import NCPI_FINDINGS, NCPI_FINDINGS_WORDS, NCPI_TITLE, NCPI_TITLE_WORDS
from .detect import Head, Sign

DESCRIPTION = "a national child protection re-inspection report"
SIGNS = (Sign.TITLE_LINE, Sign.NAMED)


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("Derbyshire – National child protection re‑inspection"); untitled, its contents'
    "<Area>: Re-inspection findings" lines."""
    if sign is Sign.TITLE_LINE:
        return head.first(NCPI_TITLE.match, words=NCPI_TITLE_WORDS)
    if sign is Sign.NAMED:
        return head.first(NCPI_FINDINGS.match, words=NCPI_FINDINGS_WORDS)
    return None
