"""Post-pass of vetting reports: the force (from the HTML title, or the inspection sentence, for a page without its
title line), when it was inspected and the year, the grade sentence, why there is no grade, and what is missing."""

from __future__ import annotations

from ...vocab import (
    ABSENT_REASON,
    INSPECTED,
    PERIOD_YEAR,
    TITLE_PARTS,
    VETTING_AREA,
    VETTING_SENTENCE,
    VETTING_TITLE,
    force_of,
    prose_grade,
)
from ..publications import sole_area
from ..state import State
from ..vetting import VettingDraft
from .checks import Expected, mark_truncation, warn_missing
from .evidence import sentences
from .report import check_lists

PAGE_FIELDS: Expected = (
    ("name", "force_missing", "the page names no force (no title line, HTML title or inspection sentence)"),
    ("year", "year_missing", "the page states no year of its inspection, and no publication date"),
)


def finish_vetting(state: State[VettingDraft]) -> None:
    """Everything only the whole page shows."""
    mark_truncation(state)
    page = state.page
    area = sole_area(page, VETTING_AREA, 1)
    _name_from_title(page)
    _inspection(page)
    _grade_sentence(state)
    if page.no_grade:
        page.absent_reason = _absent_reason(page)
    area.judgment_evidence = area.judgment_evidence or page.label
    check_lists(state, area)
    _year(page)
    warn_missing(state, page, PAGE_FIELDS)
    if area.judgment is None and page.label is None:
        state.warn("judgment_missing", "the page states no grade (no label line, no grade sentence)", area.line)


def _name_from_title(page: VettingDraft) -> None:
    """A page without its title line: the HTML <title> may hold it ("A report into ... in Kent Police - HMICFRS")."""
    if page.name is not None or page.title is None:
        return
    for part in TITLE_PARTS.split(page.title):
        found = VETTING_TITLE.match(part)
        if found is not None:
            page.full_name, page.name, page.name_source = found["name"], force_of(found["name"]), "title"
            return


def _inspection(page: VettingDraft) -> None:
    """The inspection sentence of the introduction: when, and (for a page without its title) which force."""
    for sentence in (s for p in page.header.summary for s in sentences(p)):
        found = INSPECTED.match(sentence)
        if found is None:
            continue
        page.inspected = found["month"] or found["period"]
        year = found["year"] or _period_year(found["period"])
        if year is not None:
            page.year, page.year_source = year, "inspected"
        if page.name is None and found["force"] is not None:
            page.full_name, page.name, page.name_source = found["force"], force_of(found["force"]), "text"
        return


def _period_year(period: str | None) -> str | None:
    found = PERIOD_YEAR.search(period or "")
    return found["year"] if found is not None else None


def _grade_sentence(state: State[VettingDraft]) -> None:
    """ "Warwickshire Police is adequate at vetting, IT monitoring and counter-corruption.": the grade where the page
    has no label line; said where it disagrees with the label."""
    page = state.page
    area = sole_area(page, VETTING_AREA, 1)
    for paragraph in page.header.summary:
        found = VETTING_SENTENCE.match(paragraph)
        if found is None:
            continue
        value = prose_grade(found["grade"] or found["ri"])
        if page.label is None:
            area.judgment, area.judgment_source, area.judgment_evidence = value, "sentence", paragraph
        elif area.judgment != value:
            message = f"the label line says {area.judgment or 'no graded judgment'}, the text says {value}"
            state.warn("judgment_disagrees", message, None)
        return


def _absent_reason(page: VettingDraft) -> str | None:
    """The sentence saying why there is no graded judgment ("As our inspection took place more than 12 months ago,
    we provide no graded judgment.")."""
    texts = page.header.summary + [p for s in sole_area(page, VETTING_AREA, 1).sections for p in s.paragraphs]
    return next((s for p in texts for s in sentences(p) if ABSENT_REASON.search(s)), None)


def _year(page: VettingDraft) -> None:
    """The inspection's year, else the publication's."""
    if page.year is None and page.published is not None:
        page.year, page.year_source = page.published[:4], "published"
