"""PEEL reports of forces outside the Home Office set (British Transport Police, Police Service of Northern Ireland,
Civil Nuclear Constabulary, National Crime Agency): inspections HMICFRS is commissioned to make, graded in a table
of PEEL areas or in one sentence. Their page_type is "peel_report", as the Home Office forces' reports: the two
kinds share their table rows, and this kind's record is theirs with three fields more (``kinds/__init__.py``)."""

from __future__ import annotations

from ..records.nho import OtherForceReportRecord, other_force_report_record
from ..segment.header import preamble
from ..segment.judgments_table import judgments_table
from ..segment.letterhead import contents_entry, contents_furniture, publication_date_line, title_crumb
from ..segment.lists import list_heading, list_item, list_paragraph
from ..segment.nho import (
    NhoDraft,
    judgment_heading,
    nho_framing,
    nho_title,
    one_grade,
    sole_area_heading,
    table_header,
    table_row,
)
from ..segment.overview import observations
from ..segment.passes.nho import finish_nho
from ..segment.practice import practice_heading, practice_text
from ..segment.prose import prose
from ..segment.publications import cause_sentence
from ..segment.report import area_grade, area_heading, context_heading, report_heading
from ..segment.rule import Rule
from ..segment.sections import subheading
from ..segment.state import KindSpec, State
from ..tables.rows import report_page_rows
from ..vocab import (
    COMMISSION,
    COMMISSION_WORDS,
    NHO_OPENING,
    NHO_PEEL_TITLE,
    NHO_PEEL_TITLE_WORDS,
    NHO_SUBJECT_TITLE,
    NHO_SUBJECT_TITLE_WORDS,
    ONE_JUDGMENT,
    ONE_JUDGMENT_WORDS,
    REPORT_AFI_SENTENCE,
    round_year,
)
from .detect import Head, Sign

DESCRIPTION = "a PEEL report of a force outside the Home Office set"
SIGNS = (Sign.TITLE_LINE, Sign.NAMED)
SPEC = KindSpec("peel_report", (), round_year, (), "summary", REPORT_AFI_SENTENCE, opening=NHO_OPENING)
RULES: tuple[Rule, ...] = (
    nho_title,
    preamble,
    title_crumb,
    contents_furniture,
    contents_entry,
    publication_date_line,
    report_heading,
    judgment_heading,
    table_header,
    table_row,
    judgments_table,
    one_grade,
    context_heading,
    nho_framing,
    observations,
    list_heading,
    practice_heading,
    area_heading,
    area_grade,
    sole_area_heading,
    list_item,
    practice_text,
    cause_sentence,
    subheading,
    list_paragraph,
    prose,
)
RECORD = OtherForceReportRecord
build = other_force_report_record
table_rows = report_page_rows


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("Inspection into British Transport Police effectiveness, efficiency and legitimacy", "The
    Police Service of Northern Ireland: An inspection of crime data integrity"); for a page saved without it, the
    commission (only forces outside the Home Office set are inspected on one) or "We make one graded judgment as
    follows:"."""
    if sign is Sign.TITLE_LINE:
        found = (
            head.first(NHO_PEEL_TITLE.match, words=NHO_PEEL_TITLE_WORDS),
            head.first(NHO_SUBJECT_TITLE.match, words=NHO_SUBJECT_TITLE_WORDS),
        )
        return min((at for at in found if at is not None), default=None)
    if sign is Sign.NAMED:
        return 0 if head.any(commissioned) else None
    return None


def commissioned(text: str) -> bool:
    """A sentence only this kind's pages write: the commission, or "We make one graded judgment as follows:"."""
    commission = COMMISSION_WORDS in text and COMMISSION.search(text)
    return bool(commission or (ONE_JUDGMENT_WORDS in text and ONE_JUDGMENT.search(text)))


def draft() -> NhoDraft:
    return NhoDraft()


def finish(state: State[NhoDraft]) -> None:
    """The force and the year of its commission, areas' grade sentences and lists, what the page lacks."""
    finish_nho(state)
