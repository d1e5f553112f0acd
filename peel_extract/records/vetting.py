"""Vetting, IT monitoring and counter-corruption report records (2022 on), and how drafts become them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..segment import AreaDraft, Node
from ..segment.causes import Lead, inline_deadline, lead_of
from ..segment.vetting import VettingDraft
from ..vocab import ReportGrade
from .common import (
    SCHEMA_VERSION,
    ContentList,
    ListItem,
    Model,
    PageRecord,
    Practice,
    RecordWarning,
    Section,
    SourceInfo,
    UnplacedText,
    Version,
    force_publication,
    items,
    practice_fields,
    provenance,
    section,
)
from .letters import CauseWithRecommendations


class VettingArea(Model):
    """The one area a vetting report grades, with the report's findings."""

    area: str = Field(description="'Vetting, IT monitoring and counter-corruption'.")
    judgment: ReportGrade | None = Field(
        description="The grade the label line, or else the grade sentence, gives; null when the page states none."
    )
    judgment_source: Literal["label", "sentence"] | None = Field(
        description="'label' ('Vetting, IT monitoring and counter-corruption: good') or 'sentence' ('Warwickshire"
        " Police is adequate at vetting, IT monitoring and counter-corruption.')."
    )
    judgment_evidence: str | None = Field(description="The label line or sentence the judgment was read from.")
    judgment_absent_reason: str | None = Field(
        description="Where the label says 'no graded judgment': the sentence saying why, as the page writes it."
    )
    truncated: bool = Field(description="True when the page stops inside the report's findings.")
    areas_for_improvement: list[ListItem] = Field(description="Every area for improvement of the report's parts.")
    causes_of_concern: list[CauseWithRecommendations] = Field(
        description="As letters' causes: the cause and its recommendations, each with the deadline its lead line"
        " gives; no heading, area or status (a report states none)."
    )
    promising_practice: list[Practice]
    innovative_practice: list[Practice]
    sections: list[Section] = Field(
        description="The report's parts ('How effectively does the force vet its officers and staff?', without its"
        " number) and their sub-headings, in page order."
    )


class VettingReportRecord(PageRecord):
    """One vetting, IT monitoring and counter-corruption report (one force) as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["vetting_report"]
    sector: Literal["police"] = "police"
    force: str | None = Field(
        description="The short name, 'Warwickshire' for Warwickshire Police (a body outside the Home Office set keeps"
        " its full name, 'British Transport Police')."
    )
    force_name: str | None = Field(description="The full name as the title line writes it.")
    name_source: Literal["h1", "title", "text"] | None = Field(
        description="The title line (h1, or a text scrape's first line), the HTML <title>, or the inspection sentence."
    )
    heading: str | None = Field(description="The title line, 'A report into the effectiveness of vetting and ...'.")
    title: str | None = Field(description="The page's HTML <title>, where it has one.")
    published: str | None = Field(description="ISO date of 'Published on: 17 November 2022'; null where not shown.")
    inspected: str | None = Field(description="As written: 'April 2023', 'Between 31 January and ...'")
    year: str | None = Field(description="The inspection's year, else the publication's; null when neither is stated.")
    year_source: Literal["inspected", "published"] | None
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="The introduction's paragraphs (the grade sentence among them).")
    summary_lists: list[ContentList]
    areas: list[VettingArea] = Field(description="One area: the one the report grades.")
    context_sections: list[Section] = Field(description="'About us'.")
    sections: list[Section] = Field(description="Other headed sections, outside the report's parts.")
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def vetting_report_record(draft: VettingDraft, source: SourceInfo) -> VettingReportRecord:
    """A vetting report's record."""
    fields = {
        "page_type": "vetting_report",
        "areas": [_area(a, draft.absent_reason, _truncated_at(draft)) for a in draft.areas],
        "context_sections": [section(s) for s in draft.context_sections],
        "sections": [section(s) for s in draft.sections],
    }
    return VettingReportRecord.model_validate(fields | force_publication(draft) | provenance(draft, source))


def _truncated_at(draft: VettingDraft) -> int | None:
    """The line the page stops at, when it is cut mid-sentence."""
    return next((issue.line for issue in draft.issues if issue.code == "truncated"), None)


def _area(area: AreaDraft, absent_reason: str | None, truncated_at: int | None) -> dict[str, Any]:
    return {
        "area": area.text,
        "judgment": area.judgment,
        "judgment_source": area.judgment_source,
        "judgment_evidence": area.judgment_evidence,
        "judgment_absent_reason": absent_reason,
        "truncated": area.truncated,
        "areas_for_improvement": items(area.lists.get("areas_for_improvement", [])),
        "causes_of_concern": [causes(n, truncated_at) for n in area.lists.get("causes_of_concern", [])],
        **practice_fields(area),
        "sections": [section(s) for s in area.sections],
    }


def causes(node: Node, truncated_at: int | None) -> dict[str, Any]:
    """A cause of concern and its recommendations, in the shape of letters' causes: a lead line ending with ':'
    ("By 31 March 2024, Barsetshire Constabulary should:") gives its bullets their deadline; a recommendation
    written as a sentence may give its own."""
    found: list[dict[str, Any]] = []
    for child in node.items:
        lead = lead_of(child.text) if child.items else None
        if lead is not None:
            found.extend(_recommendation(item, lead, lead) for item in child.items)
        else:
            found.append(_recommendation(child, None, inline_deadline(child.text)))
    return {
        "area": None,
        "accelerated": None,
        "heading": None,
        "text": node.text,
        "paragraphs": [],
        "recommendations_stated": None,
        "count_sentence": None,
        "recommendations": found,
        "status": None,
        "status_evidence": None,
        "findings": [],
        "truncated": truncated_at is not None and truncated_at == _last_line(node),
    }


def _recommendation(node: Node, lead: Lead | None, deadline: Lead | None) -> dict[str, Any]:
    return {
        "text": node.text,
        "items": items(node.items),
        "lead": lead.text if lead else None,
        "deadline": deadline.deadline if deadline else None,
        "deadline_date": deadline.deadline_date if deadline else None,
    }


def _last_line(node: Node) -> int:
    return max([node.line, *(_last_line(child) for child in node.items)])
