"""Police custody inspection report records, and how drafts become them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..segment.custody import CustodyDraft, OutcomeDraft, PreviousDraft
from ..segment.letterhead import kept_sections
from ..segment.passes.custody import counts_match, listed_counts, stated_counts
from ..vocab import CUSTODY_STRUCTURE
from .common import (
    SCHEMA_VERSION,
    ContentList,
    ListItem,
    Model,
    PageRecord,
    RecordWarning,
    Section,
    SourceInfo,
    UnplacedText,
    Version,
    force_publication,
    items,
    provenance,
    section,
)
from .letters import CauseWithRecommendations, cause_fields


class CustodyPrevious(Model):
    """What the summary says of the previous inspection and its recommendations."""

    year: str | None = Field(description="From 'We last inspected custody facilities in X in 2015'.")
    recommendations: int | None = Field(description="From 'of the 23 recommendations made during that inspection'.")
    achieved: int | None = Field(description="Those 'fully or partially achieved'.")
    no_longer_applicable: int | None
    outstanding: int | None = Field(description="From 'the remaining 12 have been identified ... as areas'.")


class CustodyCounts(Model):
    """Counts of recommendations and areas for improvement; null where not stated (or not listed)."""

    recommendations: int | None
    areas_for_improvement: int | None


class CustodyOutcome(Model):
    """An outcome section: 'Section 1. Leadership, accountability and partnerships', its expected outcome and
    findings."""

    section: int | None = Field(description="Its number, from 'Section 1.' or 'Expected outcomes (section 1)'.")
    heading: str | None = Field(description="Its name, without 'Section N.'.")
    text: str | None = Field(description="The paragraph after 'Expected outcomes (section N)'.")
    sections: list[Section] = Field(description="The findings, under their sub-headings.")


class CustodyAfiGroup(Model):
    """Areas for improvement under one heading (an outcome section's name), or none."""

    heading: str | None
    items: list[ListItem]


class CustodyFact(Model):
    """A line of the fact page."""

    label: str
    value: str = Field(description="Its lines joined by newlines.")


class CustodyReportRecord(PageRecord):
    """One police custody inspection report, as data. Custody reports grade nothing."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["custody_report"]
    sector: Literal["police"] = "police"
    force: str | None = Field(description="The force's short name, 'Warwickshire' for Warwickshire Police.")
    force_name: str | None = Field(description="Its full name, from the title or the summary's first sentence.")
    name_source: Literal["title", "text"] | None
    heading: str | None = Field(description="The title line as the page shows it.")
    title: str | None = Field(description="The page's HTML <title>, where it has one.")
    published: str | None = Field(description="ISO date from 'Published on:'.")
    inspected: str | None = Field(description="The month of the inspection, 'September 2021'.")
    year: str | None = Field(description="The year inspected; null when the page does not say it (not published).")
    year_source: Literal["inspected"] | None
    partner: Literal["HMIP", "CQC"] | None = Field(
        description="The inspectorate the summary says inspected jointly with HMICFRS; never inferred from dates."
    )
    unannounced: bool | None = Field(description="Whether the title calls the visit unannounced; null untitled.")
    previous_inspection: CustodyPrevious | None
    stated_counts: CustodyCounts = Field(description="What the summary says it makes ('we have made 2 ...').")
    listed_counts: CustodyCounts = Field(description="What the summary of causes of concern (section 6) lists.")
    stated_counts_match: bool | None = Field(
        description="Whether they agree; null when no count can be checked (a stated_count_mismatch warning says"
        " where they differ)."
    )
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="The summary's paragraphs before its first heading.")
    summary_lists: list[ContentList]
    summary_sections: list[Section] = Field(description="The summary's headed parts.")
    expected_outcomes: list[CustodyOutcome]
    causes_of_concern: list[CauseWithRecommendations] = Field(description="As section 6 lists them.")
    areas_for_improvement: list[CustodyAfiGroup] = Field(description="As section 6 lists them.")
    fact_page: list[CustodyFact] | None = Field(description="Null when the page shows no facts.")
    sections: list[Section] = Field(description="Other headed sections.")
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def custody_report_record(draft: CustodyDraft, source: SourceInfo) -> CustodyReportRecord:
    """A custody report's record."""
    stated, listed = stated_counts(draft), listed_counts(draft)
    fields: dict[str, Any] = {
        "page_type": "custody_report",
        "partner": draft.partner,
        "unannounced": draft.unannounced,
        "previous_inspection": _previous(draft.previous),
        "stated_counts": {"recommendations": stated[0], "areas_for_improvement": stated[1]},
        "listed_counts": {"recommendations": listed[0], "areas_for_improvement": listed[1]},
        "stated_counts_match": counts_match(draft),
        "summary_sections": [section(s) for s in draft.summary_sections],
        "expected_outcomes": [_outcome(o) for o in draft.outcomes],
        "causes_of_concern": [cause_fields(c) for c in draft.causes],
        "areas_for_improvement": [{"heading": g.heading, "items": items(g.items)} for g in draft.afi_groups],
        "fact_page": [{"label": label, "value": value} for label, value in draft.facts] or None,
        "sections": [section(s) for s in kept_sections(draft.sections, CUSTODY_STRUCTURE)],
    }
    return CustodyReportRecord.model_validate(fields | force_publication(draft) | provenance(draft, source))


def _previous(previous: PreviousDraft | None) -> dict[str, Any] | None:
    if previous is None:
        return None
    return {
        "year": previous.year,
        "recommendations": previous.recommendations,
        "achieved": previous.achieved,
        "no_longer_applicable": previous.no_longer_applicable,
        "outstanding": previous.outstanding,
    }


def _outcome(draft: OutcomeDraft) -> dict[str, Any]:
    sections = [section(s) for s in kept_sections(draft.sections, ())]
    return {"section": draft.number, "heading": draft.heading, "text": draft.text, "sections": sections}
