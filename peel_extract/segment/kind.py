"""Which kind of HMICFRS page (if any) a block stream is, read from its title line and what follows it."""

from __future__ import annotations

from typing import Literal

from ..blocks import Block
from ..vocab import (
    ASSESSMENT_ORDINAL,
    ASSESSMENTS_TITLE,
    FIRE_AND_RESCUE,
    HMICFRS,
    OBSERVATIONS,
    PEEL_REPORT,
    READ_MORE,
)
from .header import match_title

PageKind = Literal["peel_pillar", "peel_overview", "frs", "peel_report", "hmicfrs_other"]

DESCRIPTIONS: dict[PageKind, str] = {
    "peel_pillar": "a PEEL pillar page",
    "peel_overview": "a PEEL overview page (a force's year page)",
    "frs": "a fire and rescue service page",
    "peel_report": "a PEEL 2021/22 or 2023-25 report",
    "hmicfrs_other": "an HMICFRS page that is not a PEEL assessment page",
}
_HEAD = 40
_AFTER_TITLE = 6


def page_kind(blocks: list[Block]) -> PageKind | None:
    """The page's kind, or None when nothing marks it as an HMICFRS page."""
    texts = [b.text for b in blocks[:_HEAD]]
    for index, text in enumerate(texts):
        kind = _titled(text, texts[index + 1 : index + 1 + _AFTER_TITLE])
        if kind is not None:
            return kind
    return _untitled(texts)


def _titled(text: str, following: list[str]) -> PageKind | None:
    """The kind a title line and the blocks after it show (banners above a title do not count)."""
    if match_title("peel_pillar", text):
        return "peel_pillar"
    overview = match_title("peel_overview", text)
    if overview is None:
        return None
    if overview.re is ASSESSMENTS_TITLE:
        return "peel_overview"
    if any(FIRE_AND_RESCUE.search(t) for t in following):
        return "frs"
    if any(READ_MORE.match(t) for t in following[:3]):
        return "peel_overview"
    return None


def _untitled(texts: list[str]) -> PageKind | None:
    """A page saved without its title line: told by what its text says of itself."""
    if any(FIRE_AND_RESCUE.search(t) for t in texts):
        return "frs"
    if any(PEEL_REPORT.search(t) for t in texts):
        return "peel_report"
    if any(ASSESSMENT_ORDINAL.search(t) or OBSERVATIONS.match(t) for t in texts):
        return "peel_overview"
    if any(HMICFRS.search(t) for t in texts):
        return "hmicfrs_other"
    return None
