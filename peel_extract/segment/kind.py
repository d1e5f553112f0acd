"""Which kind of HMICFRS page (if any) a block stream is, read from its title line and what follows it."""

from __future__ import annotations

from typing import Literal

from ..blocks import Block
from ..vocab import (
    ASCII_DIGITS,
    ASSESSMENT_ORDINAL,
    ASSESSMENTS_TITLE,
    CONTEXT_HEADING,
    EXTENT_SENTENCE,
    FIRE_AND_RESCUE,
    FRS_COUNT,
    FRS_REPORT,
    FRS_REPORTS_FROM,
    HMICFRS,
    OBSERVATIONS,
    PEEL_COUNT,
    PEEL_REPORT,
    PEEL_REPORTS_FROM,
    POLICE,
    READ_MORE,
    REPORT_COUNT_WORDS,
    REPORT_OPENING,
    TITLE,
    YEAR_TITLE,
)
from .questions import is_question
from .state import PageType

PageKind = Literal[
    "peel_pillar",
    "peel_overview",
    "frs_pillar",
    "frs_overview",
    "frs_other",
    "peel_report",
    "frs_report",
    "hmicfrs_other",
]

DESCRIPTIONS: dict[PageKind, str] = {
    "peel_pillar": "a PEEL pillar page",
    "peel_overview": "a PEEL overview page (a force's year page)",
    "frs_pillar": "a fire and rescue service pillar page",
    "frs_overview": "a fire and rescue service overview page",
    "frs_other": "a fire and rescue service page that is not a pillar or overview page",
    "peel_report": "a PEEL 2021/22 or 2023-25 report",
    "frs_report": "a fire and rescue service 2023-25 report",
    "hmicfrs_other": "an HMICFRS page that is not a PEEL assessment page",
}
# The kinds peel-extract converts; the others are recognised only to name them in an error.
CONVERTED: dict[str, PageType] = {
    "peel_pillar": "peel_pillar",
    "peel_overview": "peel_overview",
    "frs_pillar": "frs_pillar",
    "frs_overview": "frs_overview",
    "peel_report": "peel_report",
    "frs_report": "frs_report",
}
_HEAD = 40
_AFTER_TITLE = 6


def page_kind(blocks: list[Block]) -> PageKind | None:
    """The page's kind, or None when nothing marks it as an HMICFRS page."""
    texts = [b.text for b in blocks[:_HEAD] if b.kind != "title"]
    report = _report(texts)
    if report is not None:
        return report
    for index, text in enumerate(texts):
        kind = _titled(text, texts[index + 1 : index + 1 + _AFTER_TITLE])
        if kind is not None:
            return kind
    return _untitled(texts)


def _titled(text: str, following: list[str]) -> PageKind | None:
    """The kind a title line and the blocks after it show (banners above a title do not count)."""
    if text[-1:] not in ASCII_DIGITS:  # every title line ends with its year
        return None
    pillar = TITLE.match(text)
    if pillar is not None:
        return "peel_report" if int(pillar["year"]) >= PEEL_REPORTS_FROM else "peel_pillar"
    if ASSESSMENTS_TITLE.match(text):
        return "peel_overview"
    titled = YEAR_TITLE.match(text)
    if titled is None:
        return None
    overview = any(READ_MORE.match(t) for t in following[:3]) or _overview_sentences(following)
    if _sector(following) == "fire":
        if int(titled["year"]) >= FRS_REPORTS_FROM:
            return "frs_report"
        return "frs_overview" if overview else "frs_pillar"
    return "peel_overview" if overview else None


def _sector(texts: list[str]) -> str | None:
    """The sector the first block that speaks of one names: a fire and rescue service, or police."""
    for text in texts:
        fire, police = FIRE_AND_RESCUE.search(text), POLICE.search(text)
        if fire or police:
            return "fire" if fire and not (police and police.start() < fire.start()) else "police"
    return None


def _report(texts: list[str]) -> PageKind | None:
    """A report, told by the sentence counting the areas it inspected (whatever title lines it shows)."""
    for text in texts:
        if REPORT_COUNT_WORDS not in text:
            continue
        if PEEL_COUNT.search(text):
            return "peel_report"
        if FRS_COUNT.search(text):
            return "frs_report"
    return None


def _untitled(texts: list[str]) -> PageKind | None:
    """A page saved without its title line: told by what its text says of itself."""
    if any(PEEL_REPORT.search(t) for t in texts):  # a page that only speaks of PEEL 2021 is no report
        shaped = any(REPORT_OPENING.match(t) or CONTEXT_HEADING.match(t) for t in texts)
        return "peel_report" if shaped else "hmicfrs_other"
    if any(FRS_REPORT.search(t) for t in texts):
        return "frs_report"
    if any(FIRE_AND_RESCUE.search(t) for t in texts):
        return _untitled_fire(texts)
    if any(ASSESSMENT_ORDINAL.search(t) or OBSERVATIONS.match(t) for t in texts):
        return "peel_overview"
    if any(HMICFRS.search(t) for t in texts):
        return "hmicfrs_other"
    return None


def _overview_sentences(texts: list[str]) -> bool:
    """An overview's own lines: its pillars' "The extent to which ..." sentences, or its inspector's text
    (what tells an overview whose "Read more about X" link was dropped as chrome)."""
    return any(EXTENT_SENTENCE.match(t) or OBSERVATIONS.match(t) for t in texts)


def _untitled_fire(texts: list[str]) -> PageKind:
    if any(READ_MORE.match(t) for t in texts) or _overview_sentences(texts):
        return "frs_overview"
    if any(is_question(t) and FIRE_AND_RESCUE.search(t) for t in texts):
        return "frs_pillar"
    return "frs_other"
