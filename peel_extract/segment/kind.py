"""Which kind of HMICFRS page (if any) a block stream is, read from its first blocks."""

from __future__ import annotations

from typing import Literal

from ..blocks import Block
from ..vocab import ASSESSMENTS_TITLE, FIRE_AND_RESCUE, HMICFRS, PEEL_REPORT, READ_MORE, TITLE, YEAR_TITLE

PageKind = Literal["peel_pillar", "peel_overview", "frs", "peel_report", "hmicfrs_other"]

DESCRIPTIONS: dict[PageKind, str] = {
    "peel_pillar": "a PEEL pillar page",
    "peel_overview": "a PEEL overview page (a force's year page)",
    "frs": "a fire and rescue service page",
    "peel_report": "a PEEL 2021/22 or 2023-25 report",
    "hmicfrs_other": "an HMICFRS page that is not a PEEL assessment page",
}
_HEAD = 40
_MAX_TITLE = 120


def page_kind(blocks: list[Block]) -> PageKind | None:
    """The page's kind from its first blocks, or None when nothing marks it as HMICFRS's."""
    head = blocks[:_HEAD]
    texts = [b.text for b in head]
    if any(len(t) < _MAX_TITLE and TITLE.match(t) for t in texts):
        return "peel_pillar"
    if any(FIRE_AND_RESCUE.search(t) for t in texts):
        return "frs"
    if _overview(texts):
        return "peel_overview"
    if any(PEEL_REPORT.search(t) for t in texts):
        return "peel_report"
    if any(HMICFRS.search(t) for t in texts):
        return "hmicfrs_other"
    return None


def _overview(texts: list[str]) -> bool:
    for index, text in enumerate(texts):
        if ASSESSMENTS_TITLE.match(text):
            return True
        titled = len(text) < _MAX_TITLE and YEAR_TITLE.match(text) is not None
        if titled and any(READ_MORE.match(t) for t in texts[index + 1 : index + 4]):
            return True
    return False
