"""Fire and rescue overview pages (2018/19, 2021/22): a service's round page, its pillars' grades stated
in "The extent to which the service ..." sentences, the inspector and the "HM Inspector's summary"."""

from __future__ import annotations

from ..vocab import FRS_AFI_SENTENCE, FRS_PILLARS, YEAR_TITLE, round_year
from .overview import OVERVIEW_RULES
from .passes.checks import Expected, mark_truncation, warn_missing, warn_pillars
from .passes.evidence import read_overview
from .passes.fire_evidence import check_scale, full_name, read_previous
from .rule import Rule
from .state import KindSpec, State

SPEC = KindSpec("frs_overview", (YEAR_TITLE,), round_year, FRS_PILLARS, "intro", FRS_AFI_SENTENCE)
RULES: tuple[Rule, ...] = OVERVIEW_RULES
PAGE_FIELDS: Expected = (
    ("name", "service_missing", "the page has no title line naming the service"),
    ("year", "year_missing", "the page names no inspection round"),
)


def finish(state: State) -> None:
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
