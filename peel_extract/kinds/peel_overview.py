"""Police PEEL overview pages (2014-2021/22): a force's year page, its pillars' grades and the HMI's text."""

from __future__ import annotations

from ..records.police import OverviewRecord, overview_record
from ..segment import OverviewDraft
from ..segment.overview import OVERVIEW_RULES
from ..segment.passes.checks import Expected, mark_truncation, warn_missing, warn_pillars
from ..segment.passes.evidence import read_overview, year_from_ordinal
from ..segment.rule import Rule
from ..segment.state import KindSpec, State
from ..tables.rows import overview_page_rows
from ..vocab import (
    AFI_SENTENCE,
    ASSESSMENT_ORDINAL,
    ASSESSMENTS_TITLE,
    OBSERVATIONS,
    PILLARS,
    YEAR_TITLE,
    peel_year,
)
from .detect import Following, Head, Sign, assessments_title, overview_after_title, police_title, sector, year_title

DESCRIPTION = "a PEEL overview page (a force's year page)"
SIGNS = (Sign.TITLE_LINE, Sign.WORDS)
SPEC = KindSpec("peel_overview", (ASSESSMENTS_TITLE, YEAR_TITLE), peel_year, PILLARS, "intro", AFI_SENTENCE)
RULES: tuple[Rule, ...] = OVERVIEW_RULES
RECORD = OverviewRecord
build = overview_record
table_rows = overview_page_rows
PAGE_FIELDS: Expected = (
    ("name", "force_missing", "the page has no title line naming the force"),
    ("year", "year_missing", "the page names no PEEL year"),
)


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line, "Northumbria PEEL Assessments 2021/22", or "Gwent 2018/19" (no "PEEL") with an overview's
    lines after it and no fire and rescue service; untitled, its ordinal ("this first PEEL assessment") or
    "HMI's observations"."""
    if sign is Sign.TITLE_LINE:
        return head.first_title(_title)
    if sign is Sign.WORDS:
        return 0 if head.any(lambda t: ASSESSMENT_ORDINAL.search(t) or OBSERVATIONS.match(t)) else None
    return None


def _title(text: str, following: Following) -> bool:
    if assessments_title(text):
        return True
    plain = year_title(text) is not None and police_title(text) is None  # each asked once a page, of all kinds
    return plain and sector(following) != "fire" and overview_after_title(following)


def draft() -> OverviewDraft:
    return OverviewDraft()


def finish(state: State[OverviewDraft]) -> None:
    """Cut-off end, pillar grades stated in the summary, the year of an untitled page, gaps."""
    mark_truncation(state)
    read_overview(state)
    year_from_ordinal(state.page)
    warn_missing(state, state.page, PAGE_FIELDS)
    warn_pillars(state)
