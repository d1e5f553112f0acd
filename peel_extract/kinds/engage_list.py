"""The police monitoring lists, "Police forces in Engage" and "Police forces previously in Engage": one page
lists several forces, each with when it entered (and left) Engage and the reasons. Not a causes-of-concern
letter's grammar (no cause with recommendations and deadlines): recognised only, to say what such a page looks
like in an "unsupported page type" error."""

from __future__ import annotations

from ..vocab import ENGAGE_LINE, ENGAGE_TITLE
from .detect import Head, Sign

DESCRIPTION = "a police monitoring (Engage) list"


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line, or the lines "Entered Engage" / "Moved out of Engage" of its entries."""
    if sign is Sign.TITLE_LINE:
        return head.first(ENGAGE_TITLE.match)
    if sign is Sign.NAMED:
        return head.first(ENGAGE_LINE.match)
    return None
