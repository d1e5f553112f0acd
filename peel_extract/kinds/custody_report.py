"""Police custody inspection reports (HMICFRS with HM Inspectorate of Prisons, then with the Care Quality
Commission; web pages from 2021): the summary with its counts of recommendations and areas for improvement,
the outcome sections, the summary of causes of concern, recommendations and areas for improvement, the fact
page. Custody reports grade nothing.
"""

from __future__ import annotations

from ..records.custody import CustodyReportRecord, custody_report_record
from ..segment.custody import CUSTODY_RULES, CustodyDraft
from ..segment.passes.custody import finish_custody
from ..segment.rule import Rule
from ..segment.state import KindSpec, State
from ..tables.rows import Page, Row, Rows, Tabler
from ..vocab import CUSTODY_TITLE, JOINT_INSPECTION, SHOULD
from .detect import Head, Sign
from .monitoring_letter import cause_rows

DESCRIPTION = "a police custody inspection report"
SPEC = KindSpec("custody_report", (), lambda year, _: year, (), "summary", SHOULD, opening=CUSTODY_TITLE)
RULES: tuple[Rule, ...] = CUSTODY_RULES
GRADES = False
"""Custody reports grade nothing: the grade page lists them apart from its grid."""
RECORD = CustodyReportRecord
build = custody_report_record
_LONGEST_TITLE = 250
_CUSTODY = "custody"


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("Report on an unannounced inspection visit to police custody suites in Surrey"), or (saved
    without it) the summary's sentence naming its custody and the inspectorates inspecting it jointly."""
    if sign is Sign.TITLE_LINE:
        return head.first(lambda t: len(t) < _LONGEST_TITLE and CUSTODY_TITLE.match(t))
    if sign is Sign.NAMED:
        return head.first(lambda t: _CUSTODY in t and JOINT_INSPECTION.search(t))
    return None


def draft() -> CustodyDraft:
    return CustodyDraft(causes_open=False)


def finish(state: State[CustodyDraft]) -> None:
    finish_custody(state)


def table_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    """Its summary's and outcome sections' findings (an outcome section's name as their area), other sections,
    causes of concern with their recommendations, and areas for improvement with the heading they are under."""
    yield from tabler.sections(page, page.where, record["summary_sections"])
    for outcome in record["expected_outcomes"]:
        yield from tabler.sections(page, {**page.where, "area": outcome["heading"]}, outcome["sections"])
    yield from tabler.sections(page, page.where, record["sections"])
    yield from cause_rows(tabler, page, record["causes_of_concern"])
    for group in record["areas_for_improvement"]:
        where = {"page_id": page.page_id, **page.where, "heading": group["heading"]}
        yield from tabler.items("areas_for_improvement", where, group["items"])
