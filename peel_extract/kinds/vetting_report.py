"""Vetting, IT monitoring and counter-corruption force reports (2022 on): one report per force, one graded judgment
(or "no graded judgment"), with the findings, areas for improvement, causes of concern and practice behind it."""

from __future__ import annotations

from ..records.vetting import VettingReportRecord, vetting_report_record
from ..segment.header import preamble
from ..segment.lists import list_heading, list_item, list_paragraph
from ..segment.passes.vetting import finish_vetting
from ..segment.practice import practice_heading, practice_text
from ..segment.prose import prose
from ..segment.publications import cause_sentence, furniture, published_line
from ..segment.rule import Rule
from ..segment.sections import subheading
from ..segment.state import KindSpec, State
from ..segment.vetting import (
    VettingDraft,
    vetting_about,
    vetting_intro,
    vetting_label,
    vetting_part,
    vetting_title,
)
from ..tables.rows import report_page_rows
from ..vocab import REPORT_AFI_SENTENCE, VETTING_CHANGE, VETTING_LABEL, VETTING_OPENING, VETTING_TITLE, round_year
from .detect import Head, Sign

DESCRIPTION = "a vetting, IT monitoring and counter-corruption report"
SPEC = KindSpec("vetting_report", (), round_year, (), "summary", REPORT_AFI_SENTENCE, opening=VETTING_OPENING)
RULES: tuple[Rule, ...] = (
    vetting_title,
    preamble,
    furniture,
    published_line,
    vetting_about,
    vetting_intro,
    vetting_label,
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
table_rows = report_page_rows


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("A report into the effectiveness of vetting and counter-corruption arrangements in X"); for a
    page saved without it, its label line ("Vetting, IT monitoring and counter-corruption: good": a colon, at the
    line's start) or the sentence its introduction opens with."""
    if sign is Sign.TITLE_LINE:
        return head.first(VETTING_TITLE.match)
    if sign is Sign.NAMED:
        return head.first(lambda text: VETTING_LABEL.match(text) or VETTING_CHANGE.match(text))
    return None


def draft() -> VettingDraft:
    return VettingDraft()


def finish(state: State[VettingDraft]) -> None:
    """The force and year, the grade sentence, why there is no grade, and what the page lacks."""
    finish_vetting(state)
