"""HMICFRS pages of no kind peel-extract converts (news, methodology, letters): recognised only, to say what they
look like in an "unsupported page type" error."""

from __future__ import annotations

from ..vocab import HMICFRS, PEEL_REPORT
from .detect import Head, Sign
from .peel_report import shaped_as_report

DESCRIPTION = "an HMICFRS page that is not a PEEL assessment page"
SIGNS = (Sign.NAMED, Sign.INSPECTORATE)


def detect(head: Head, sign: Sign) -> int | None:
    """A PEEL round from 2021 named on a page not shaped as a report (news of it); else the inspectorate's name."""
    if sign is Sign.NAMED:
        return 0 if head.any(PEEL_REPORT.search) and not shaped_as_report(head) else None
    if sign is Sign.INSPECTORATE:
        return 0 if head.any(HMICFRS.search) else None
    return None
