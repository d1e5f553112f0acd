"""Vetting, IT monitoring and counter-corruption force reports (2022 on): one report per force, one graded judgment
(or "no graded judgment"), with the findings, areas for improvement, causes of concern and practice behind it."""

from __future__ import annotations

import dataclasses

from ..records.vetting import VettingReportRecord, vetting_report_record
from ..segment.header import preamble
from ..segment.letterhead import contents_entry, contents_furniture, publication_date_line, title_crumb
from ..segment.lists import list_heading, list_item, list_paragraph
from ..segment.passes.vetting import finish_vetting
from ..segment.practice import practice_heading, practice_text
from ..segment.prose import prose
from ..segment.publications import cause_sentence
from ..segment.rule import Rule
from ..segment.sections import subheading
from ..segment.state import KindSpec, State
from ..segment.vetting import (
    VettingDraft,
    vetting_about,
    vetting_intro,
    vetting_label,
    vetting_label_value,
    vetting_part,
    vetting_title,
)
from ..tables.rows import Page, Row, Rows, Tabler
from ..vocab import (
    REPORT_AFI_SENTENCE,
    VETTING_CHANGE,
    VETTING_CHANGE_WORDS,
    VETTING_LABEL,
    VETTING_LABEL_WORDS,
    VETTING_OPENING,
    VETTING_TITLE,
    VETTING_TITLE_WORDS,
    round_year,
)
from .detect import Head, Sign
from .monitoring_letter import cause_rows

DESCRIPTION = "a vetting, IT monitoring and counter-corruption report"
SIGNS = (Sign.TITLE_LINE, Sign.NAMED)
SPEC = KindSpec("vetting_report", (), round_year, (), "summary", REPORT_AFI_SENTENCE, opening=VETTING_OPENING)
RULES: tuple[Rule, ...] = (
    vetting_title,
    preamble,
    title_crumb,
    contents_furniture,
    contents_entry,
    publication_date_line,
    vetting_about,
    vetting_intro,
    vetting_label,
    vetting_label_value,
    vetting_part,
    list_heading,
    practice_heading,
    list_item,
    practice_text,
    cause_sentence,
    subheading,
    list_paragraph,
    prose,
)
RECORD = VettingReportRecord
build = vetting_report_record


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("A report into the effectiveness of vetting and counter-corruption arrangements in X"); for a
    page saved without it, its label line ("Vetting, IT monitoring and counter-corruption: good": a colon, at the
    line's start) or the sentence its introduction opens with."""
    if sign is Sign.TITLE_LINE:
        return head.first(VETTING_TITLE.match, words=VETTING_TITLE_WORDS)
    if sign is Sign.NAMED:
        label = head.any(VETTING_LABEL.match, words=VETTING_LABEL_WORDS, any_case=True)
        return 0 if label or head.any(VETTING_CHANGE.match, words=VETTING_CHANGE_WORDS) else None
    return None


def draft() -> VettingDraft:
    return VettingDraft()


def finish(state: State[VettingDraft]) -> None:
    """The force and year, the grade sentence, why there is no grade, and what the page lacks."""
    finish_vetting(state)


def table_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    """Its sections, and its area: the grade, areas for improvement, causes of concern with their recommendations
    (deadlines, as letters' are tabled), practice and findings."""
    yield from tabler.sections(page, page.where, record["sections"])
    for area in record["areas"]:
        where = {**page.where, "area": area["area"]}
        yield from tabler.graded(page, where, area, None)
        listed = {"page_id": page.page_id, **where}
        yield from tabler.items("areas_for_improvement", listed, area["areas_for_improvement"])
        yield from cause_rows(tabler, dataclasses.replace(page, where=where), area["causes_of_concern"])
        yield from tabler.practices(page, where, area)
        yield from tabler.sections(page, where, area["sections"])
