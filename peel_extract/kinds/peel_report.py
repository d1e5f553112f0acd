"""Police PEEL reports (2021/22, 2023-25): one report per force and round, its areas of policing and their grades.

Text scrapes start at "Overall summary" with no title line and lose the graded-judgments table.
"""

from __future__ import annotations

from ..records.report import PeelReportRecord, peel_report_record
from ..segment import ReportDraft
from ..segment.passes.checks import Expected
from ..segment.passes.report import finish_report
from ..segment.report import REPORT_RULES
from ..segment.rule import Rule
from ..segment.state import KindSpec, State
from ..tables.rows import report_page_rows
from ..vocab import (
    CONTEXT_HEADING,
    PEEL_COUNT,
    PEEL_REPORT,
    PEEL_REPORTS_FROM,
    REPORT_AFI_SENTENCE,
    REPORT_COUNT_WORDS,
    REPORT_OPENING,
    round_year,
)
from .detect import Head, Sign, police_title
from .nho_peel_report import commissioned

DESCRIPTION = "a PEEL 2021/22 or 2023-25 report"
SIGNS = (Sign.COUNT_SENTENCE, Sign.TITLE_LINE, Sign.NAMED)
SPEC = KindSpec("peel_report", (), round_year, (), "summary", REPORT_AFI_SENTENCE, opening=REPORT_OPENING)
RULES: tuple[Rule, ...] = REPORT_RULES
RECORD = PeelReportRecord
build = peel_report_record
table_rows = report_page_rows
PAGE_FIELDS: Expected = (
    ("name", "force_missing", "the page names no force (no h1, no HTML title, no count sentence)"),
    ("year", "year_missing", "the page names no round (text scrapes of 2021/22 and 2023-25 reports may not)"),
)


def detect(head: Head, sign: Sign) -> int | None:
    """Its count sentence ("Our inspection assessed how good X Police is in nine areas"), a title line "X PEEL
    2021/22" or later, or a PEEL round from 2021 named on a page shaped as a report ("Overall summary") that no
    commission marks as a report of a force outside the Home Office set."""
    if sign is Sign.COUNT_SENTENCE:
        return head.first(PEEL_COUNT.search, words=REPORT_COUNT_WORDS)
    if sign is Sign.TITLE_LINE:
        return head.first_title(lambda text, _: (police_title(text) or 0) >= PEEL_REPORTS_FROM)
    if sign is Sign.NAMED:
        return 0 if head.any(PEEL_REPORT.search) and shaped_as_report(head) and not head.any(commissioned) else None
    return None


def shaped_as_report(head: Head) -> bool:
    """An "Overall summary" heading (or a count sentence), or a report's framing heading."""
    return head.any(lambda t: REPORT_OPENING.match(t) or CONTEXT_HEADING.match(t))


def draft() -> ReportDraft:
    return ReportDraft()


def finish(state: State[ReportDraft]) -> None:
    """Name and round, the counts of areas (some inspected areas are not graded), areas' grades, gaps."""
    finish_report(state, PEEL_COUNT, PAGE_FIELDS, every_area_graded=False)
