"""Fire and rescue pages of no kind peel-extract converts (inspection programmes, national reports): recognised
only, to say what they look like in an "unsupported page type" error."""

from __future__ import annotations

from ..vocab import FIRE_AND_RESCUE
from .detect import Head, Sign

DESCRIPTION = "a fire and rescue service page that is not a pillar or overview page"
SIGNS = (Sign.SECTOR,)


def detect(head: Head, sign: Sign) -> int | None:
    """Fire and rescue words, where no converted fire and rescue kind shows itself."""
    return 0 if sign is Sign.SECTOR and head.any(FIRE_AND_RESCUE.search) else None
