"""Police PEEL overview pages (2014-2021/22): a force's year page, its pillars' grades and the HMI's text."""

from __future__ import annotations

from ..vocab import AFI_SENTENCE, ASSESSMENTS_TITLE, PILLARS, YEAR_TITLE, peel_year
from .overview import OVERVIEW_RULES
from .passes.checks import Expected, mark_truncation, warn_missing, warn_pillars
from .passes.evidence import read_overview, year_from_ordinal
from .rule import Rule
from .state import KindSpec, State

SPEC = KindSpec("peel_overview", (ASSESSMENTS_TITLE, YEAR_TITLE), peel_year, PILLARS, "intro", AFI_SENTENCE)
RULES: tuple[Rule, ...] = OVERVIEW_RULES
PAGE_FIELDS: Expected = (
    ("name", "force_missing", "the page has no title line naming the force"),
    ("year", "year_missing", "the page names no PEEL year"),
)


def finish(state: State) -> None:
    """Cut-off end, pillar grades stated in the summary, the year of an untitled page, gaps."""
    mark_truncation(state)
    read_overview(state)
    year_from_ordinal(state.page)
    warn_missing(state, state.page, PAGE_FIELDS)
    warn_pillars(state)
