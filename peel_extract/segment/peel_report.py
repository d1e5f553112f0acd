"""Police PEEL reports (2021/22, 2023-25): one report per force and round, its areas of policing and their grades.

Text scrapes start at "Overall summary" with no title line and lose the graded-judgments table.
"""

from __future__ import annotations

from ..vocab import PEEL_COUNT, REPORT_AFI_SENTENCE, REPORT_OPENING, round_year
from .passes.checks import Expected
from .passes.report import finish_report
from .report import REPORT_RULES
from .rule import Rule
from .state import KindSpec, State

SPEC = KindSpec("peel_report", (), round_year, (), "summary", REPORT_AFI_SENTENCE, opening=REPORT_OPENING)
RULES: tuple[Rule, ...] = REPORT_RULES
PAGE_FIELDS: Expected = (
    ("name", "force_missing", "the page names no force (no h1, no HTML title, no count sentence)"),
    ("year", "year_missing", "the page names no round (text scrapes of 2021/22 and 2023-25 reports may not)"),
)


def finish(state: State) -> None:
    """Name and round, the counts of areas (some inspected areas are not graded), areas' grades, gaps."""
    finish_report(state, PEEL_COUNT, PAGE_FIELDS, every_area_graded=False)
