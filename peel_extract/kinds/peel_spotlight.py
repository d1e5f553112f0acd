"""PEEL spotlight reports (national thematic reports on groups of PEEL inspections, no force of their own),
recognised only, to say what they look like in an "unsupported page type" error."""

from __future__ import annotations

from ..vocab import SPOTLIGHT_THEMES, SPOTLIGHT_THEMES_WORDS, SPOTLIGHT_TITLE, SPOTLIGHT_TITLE_WORDS
from .detect import Head, Sign

DESCRIPTION = "a PEEL spotlight report (a national thematic report, no force)"
SIGNS = (Sign.TITLE_LINE, Sign.NAMED)


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("PEEL spotlight report: A system under pressure"); untitled, its foreword's "This report
    gives an overview of the emerging themes from ... PEEL ... inspections"."""
    if sign is Sign.TITLE_LINE:
        return head.first(SPOTLIGHT_TITLE.match, words=SPOTLIGHT_TITLE_WORDS)
    if sign is Sign.NAMED:
        return head.first(SPOTLIGHT_THEMES.match, words=SPOTLIGHT_THEMES_WORDS)
    return None
