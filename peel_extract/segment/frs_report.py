"""Fire and rescue reports (2023-25): one report per service, its 11 areas and their grades (no pillar grades).

Text scrapes start at "Overall summary" with no title line, name no round, and lose the judgments table. The
kind has had one round so far: a page that names none is of 2023-25, kept apart from ``year`` (which holds what
the page states) as ``inferred_year``.
"""

from __future__ import annotations

from ..vocab import FRS_AFI_SENTENCE, FRS_COUNT, FRS_REPORT_ROUND, REPORT_OPENING, round_year
from .passes.checks import Expected
from .passes.report import finish_report
from .report import REPORT_RULES
from .rule import Rule
from .state import KindSpec, State

SPEC = KindSpec("frs_report", (), round_year, (), "summary", FRS_AFI_SENTENCE, opening=REPORT_OPENING)
RULES: tuple[Rule, ...] = REPORT_RULES
PAGE_FIELDS: Expected = (
    ("name", "service_missing", "the page names no service (no h1, no HTML title, no count sentence)"),
    ("year", "year_missing", "the page names no round; inferred_year gives the one round of fire and rescue reports"),
)


def finish(state: State) -> None:
    """Name and round (2023-25 when the page names none: text scrapes do not), the count of areas (each one
    graded), areas' grades, gaps."""
    finish_report(state, FRS_COUNT, PAGE_FIELDS, every_area_graded=True)
    page = state.page
    if page.year is None:
        page.report.inferred_year = FRS_REPORT_ROUND
