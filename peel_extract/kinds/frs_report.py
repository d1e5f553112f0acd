"""Fire and rescue reports (2023-25): one report per service, its 11 areas and their grades (no pillar grades).

Text scrapes start at "Overall summary" with no title line, name no round, and lose the judgments table. The
kind has had one round so far: a page that names none is of 2023-25, kept apart from ``year`` (which holds what
the page states) as ``inferred_year``.
"""

from __future__ import annotations

from ..records.report import FrsReportRecord, frs_report_record
from ..segment import ReportDraft
from ..segment.passes.checks import Expected
from ..segment.passes.report import finish_report
from ..segment.report import REPORT_RULES
from ..segment.rule import Rule
from ..segment.state import KindSpec, State
from ..tables.rows import report_page_rows
from ..vocab import (
    FRS_AFI_SENTENCE,
    FRS_COUNT,
    FRS_REPORT,
    FRS_REPORT_ROUND,
    FRS_REPORTS_FROM,
    PEEL_REPORT,
    REPORT_COUNT_WORDS,
    REPORT_OPENING,
    round_year,
)
from .detect import Head, Sign, fire_title

DESCRIPTION = "a fire and rescue service 2023-25 report"
SIGNS = (Sign.COUNT_SENTENCE, Sign.TITLE_LINE, Sign.NAMED)
SPEC = KindSpec("frs_report", (), round_year, (), "summary", FRS_AFI_SENTENCE, opening=REPORT_OPENING)
RULES: tuple[Rule, ...] = REPORT_RULES
RECORD = FrsReportRecord
build = frs_report_record
table_rows = report_page_rows
PAGE_FIELDS: Expected = (
    ("name", "service_missing", "the page names no service (no h1, no HTML title, no count sentence)"),
    ("year", "year_missing", "the page names no round; inferred_year gives the one round of fire and rescue reports"),
)


def detect(head: Head, sign: Sign) -> int | None:
    """Its count sentence ("Our inspection assessed how well X Fire and Rescue Service has performed in 11
    areas"), a fire and rescue title line from 2023, or "has performed in 11 areas" on a page naming no PEEL round
    (a page that does is a police one)."""
    if sign is Sign.COUNT_SENTENCE:
        return head.first(FRS_COUNT.search, words=REPORT_COUNT_WORDS)
    if sign is Sign.TITLE_LINE:
        return head.first_title(lambda text, following: (fire_title(text, following) or 0) >= FRS_REPORTS_FROM)
    if sign is Sign.NAMED:
        return 0 if head.any(FRS_REPORT.search) and not head.any(PEEL_REPORT.search) else None
    return None


def draft() -> ReportDraft:
    return ReportDraft()


def finish(state: State[ReportDraft]) -> None:
    """Name and round (2023-25 when the page names none: text scrapes do not), the count of areas (each one
    graded), areas' grades, gaps."""
    finish_report(state, FRS_COUNT, PAGE_FIELDS, every_area_graded=True)
    page = state.page
    if page.year is None:
        page.inferred_year = FRS_REPORT_ROUND
