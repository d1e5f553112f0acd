"""Fire and rescue overview pages (2018/19, 2021/22): a service's round page, its pillars' grades stated
in "The extent to which the service ..." sentences, the inspector and the "HM Inspector's summary"."""

from __future__ import annotations

from ..records.fire import FrsOverviewRecord, frs_overview_record
from ..segment import OverviewDraft
from ..segment.overview import OVERVIEW_RULES
from ..segment.passes.checks import Expected, mark_truncation, warn_missing, warn_pillars
from ..segment.passes.evidence import read_overview
from ..segment.passes.fire_evidence import check_scale, full_name, read_previous
from ..segment.rule import Rule
from ..segment.state import KindSpec, State
from ..tables.rows import overview_page_rows
from ..vocab import FIRE_AND_RESCUE, FRS_AFI_SENTENCE, FRS_PILLARS, FRS_REPORTS_FROM, YEAR_TITLE, round_year
from .detect import Following, Head, Sign, fire_title, overview_after_title, overview_text

DESCRIPTION = "a fire and rescue service overview page"
SIGNS = (Sign.TITLE_LINE, Sign.SECTOR)
SPEC = KindSpec("frs_overview", (YEAR_TITLE,), round_year, FRS_PILLARS, "intro", FRS_AFI_SENTENCE)
RULES: tuple[Rule, ...] = OVERVIEW_RULES
RECORD = FrsOverviewRecord
build = frs_overview_record
table_rows = overview_page_rows
PAGE_FIELDS: Expected = (
    ("name", "service_missing", "the page has no title line naming the service"),
    ("year", "year_missing", "the page names no inspection round"),
)


def detect(head: Head, sign: Sign) -> int | None:
    """A fire and rescue title line before 2023 ("Kent 2021/22") with an overview's lines after it; untitled,
    fire and rescue words with an overview's lines anywhere."""
    if sign is Sign.TITLE_LINE:
        return head.first_title(_title)
    if sign is Sign.SECTOR and head.any(FIRE_AND_RESCUE.search) and overview_text(head):
        return 0
    return None


def _title(text: str, following: Following) -> bool:
    year = fire_title(text, following)
    return year is not None and year < FRS_REPORTS_FROM and overview_after_title(following)


def draft() -> OverviewDraft:
    return OverviewDraft()


def finish(state: State[OverviewDraft]) -> None:
    """Cut-off end, pillar grades stated in the summary, each pillar section's previous grade, gaps."""
    mark_truncation(state)
    page = state.page
    read_overview(state)
    for pillar in page.pillars:
        read_previous(pillar, pillar.summary)
        check_scale(state, pillar, pillar.pillar or "pillar")
    observations_text = page.observations.paragraphs if page.observations else []
    full_name(state, page.header.summary + observations_text + [p for h in page.pillars for p in h.summary])
    warn_missing(state, page, PAGE_FIELDS)
    warn_pillars(state)
