"""Causes-of-concern letter records, the causes of concern with recommendations they share with custody reports,
and how drafts become them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..segment.causes import CauseDraft, RecommendationDraft
from ..segment.letter import LetterDraft, PartyDraft
from ..segment.letterhead import kept_sections
from ..vocab import LETTER_STRUCTURE
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


class DeadlinedRecommendation(Model):
    """One recommendation, with the deadline its lead line gives."""

    text: str = Field(description="The bullet (its closing ';' or '; and' kept) or paragraph, as written.")
    items: list[ListItem] = Field(description="Bullets nested under it.")
    lead: str | None = Field(description="The line opening its group, 'The force should immediately:'; or null.")
    deadline: str | None = Field(
        description="As the lead line (or a recommendation written as a sentence) writes it: 'immediately', 'By 30"
        " September 2023', 'Within six months'; null when none is given (never guessed)."
    )
    deadline_date: str | None = Field(description="The deadline as an ISO date, where it is a day.")


class CauseWithRecommendations(Model):
    """A cause of concern, its recommendations, and (in letters) its findings and status."""

    area: str | None = Field(description="The area its heading names ('investigations'); null when none does.")
    accelerated: bool | None = Field(
        description="Whether its heading calls it an accelerated cause of concern; null when no heading names it."
    )
    heading: str | None = Field(description="Its heading as written ('Accelerated cause of concern: investigations').")
    text: str | None = Field(description="The cause, as written (letters write it without a full stop).")
    paragraphs: list[str] = Field(description="Further paragraphs of the cause, before its recommendations.")
    recommendations_stated: int | None = Field(
        description="From 'Our cause of concern regarding investigations had eight recommendations:'."
    )
    count_sentence: str | None = Field(description="That sentence.")
    recommendations: list[DeadlinedRecommendation]
    status: Literal["open", "closed"] | None = Field(
        description="Only where a sentence of the cause's own text states it; never inferred from dates."
    )
    status_evidence: str | None = Field(description="The sentence status was read from.")
    findings: list[Section] = Field(description="What the letter found, under the headings after it ('Our findings').")
    truncated: bool = Field(description="True when the page stops inside this cause.")


class LetterParty(Model):
    """Who sends, receives or signs a letter."""

    name: str | None
    titles: list[str] = Field(description="The lines after the name: office, rank, force.")


class LetterCounts(Model):
    """What the letter's opening counts."""

    causes_of_concern: int | None = Field(description="From 'we identified three causes of concern'.")


class MonitoringLetterRecord(PageRecord):
    """One causes-of-concern (revisit) letter to a force, as data. Letters grade nothing."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["monitoring_letter"]
    sector: Literal["police"] = "police"
    force: str | None = Field(description="The force's short name, 'Nottinghamshire' for Nottinghamshire Police.")
    force_name: str | None = Field(description="Its full name, 'Nottinghamshire Police'.")
    name_source: Literal["title", "letter", "text"] | None = Field(
        description="Where the force was read: the title line, the 'To:' block, or 'we inspected X'."
    )
    heading: str | None = Field(description="The title line as the page shows it.")
    title: str | None = Field(description="The page's HTML <title>, where it has one.")
    published: str | None = Field(description="ISO date from 'Published on:'.")
    letter_date: str | None = Field(description="ISO date from 'Sent on:'.")
    year: str | None = Field(description="The year the letter was sent (else published); null when neither shows.")
    year_source: Literal["sent", "published"] | None
    letter_from: LetterParty | None
    letter_to: LetterParty | None
    signed_by: LetterParty | None = Field(description="The name and titles after 'Yours sincerely,'.")
    inspected: str | None = Field(description="When the force was inspected, as written ('January 2024').")
    revisited: str | None = Field(description="As written ('Between 27 January and 7 February 2025').")
    stated_counts: LetterCounts
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="The paragraphs before the letter's first heading.")
    summary_lists: list[ContentList]
    causes_of_concern: list[CauseWithRecommendations]
    sections: list[Section] = Field(description="Other headed sections ('Background').")
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def monitoring_letter_record(draft: LetterDraft, source: SourceInfo) -> MonitoringLetterRecord:
    """A letter's record."""
    fields: dict[str, Any] = {
        "page_type": "monitoring_letter",
        "letter_date": draft.letter_date,
        **{field: _party(draft.parties.get(role)) for field, role in _PARTIES},
        "revisited": draft.revisited,
        "stated_counts": {"causes_of_concern": draft.causes_stated},
        "causes_of_concern": [cause_fields(c) for c in draft.causes],
        "sections": [section(s) for s in kept_sections(draft.sections, LETTER_STRUCTURE)],
    }
    return MonitoringLetterRecord.model_validate(fields | force_publication(draft) | provenance(draft, source))


_PARTIES = (("letter_from", "from"), ("letter_to", "to"), ("signed_by", "signed"))


def _party(draft: PartyDraft | None) -> dict[str, Any] | None:
    return None if draft is None else {"name": draft.name, "titles": draft.titles}


def cause_fields(draft: CauseDraft) -> dict[str, Any]:
    """A cause of concern with its recommendations."""
    return {
        "area": draft.area,
        "accelerated": draft.accelerated,
        "heading": draft.heading,
        "text": draft.text,
        "paragraphs": draft.paragraphs,
        "recommendations_stated": draft.recommendations_stated,
        "count_sentence": draft.count_sentence,
        "recommendations": [_recommendation(r) for r in draft.recommendations],
        "status": draft.status,
        "status_evidence": draft.status_evidence,
        "findings": [section(s) for s in kept_sections(draft.findings, ())],
        "truncated": draft.truncated,
    }


def _recommendation(draft: RecommendationDraft) -> dict[str, Any]:
    lead, deadline = draft.lead, draft.deadline
    return {
        "text": draft.text,
        "items": items(draft.items),
        "lead": lead.text if lead else None,
        "deadline": deadline.deadline if deadline else None,
        "deadline_date": deadline.deadline_date if deadline else None,
    }
