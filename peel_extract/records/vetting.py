"""Vetting, IT monitoring and counter-corruption report records (2022 on), and how drafts become them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..segment import AreaDraft, Node
from ..segment.vetting import VettingDraft
from ..vocab import ReportGrade, deadline, deadline_date
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
    content_list,
    items,
    practice_fields,
    provenance,
    section,
)


class DatedRecommendation(Model):
    """A recommendation, with when it is due where the page says so."""

    text: str
    items: list[ListItem] = Field(description="Bullets nested under it.")
    deadline: str | None = Field(
        description="As its group's lead line writes it ('By 31 March 2024', 'Within six months', 'immediately'),"
        " or the recommendation's own opening; null where none is stated."
    )
    deadline_date: str | None = Field(description="The ISO date of a deadline that is a day ('2024-03-31').")
    lead: str | None = Field(
        description="The line introducing its group: 'By 31 March 2024, Barsetshire Constabulary should:'."
    )


class DatedCause(Model):
    """A cause of concern (a sentence, often without its full stop) and the recommendations that come with it."""

    text: str
    recommendations: list[DatedRecommendation]


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
    causes_of_concern: list[DatedCause]
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
        "force": draft.name,
        "force_name": draft.full_name,
        "name_source": draft.name_source,
        "heading": draft.heading,
        "title": draft.title,
        "published": draft.published,
        "inspected": draft.inspected,
        "year": draft.year,
        "year_source": draft.year_source,
        "truncated": draft.truncated,
        "summary": draft.header.summary,
        "summary_lists": [content_list(d) for d in draft.header.summary_lists],
        "areas": [_area(a, draft.absent_reason) for a in draft.areas],
        "context_sections": [section(s) for s in draft.context_sections],
        "sections": [section(s) for s in draft.sections],
    }
    return VettingReportRecord.model_validate(fields | provenance(draft, source))


def _area(area: AreaDraft, absent_reason: str | None) -> dict[str, Any]:
    return {
        "area": area.text,
        "judgment": area.judgment,
        "judgment_source": area.judgment_source,
        "judgment_evidence": area.judgment_evidence,
        "judgment_absent_reason": absent_reason,
        "truncated": area.truncated,
        "areas_for_improvement": items(area.lists.get("areas_for_improvement", [])),
        "causes_of_concern": [causes(n) for n in area.lists.get("causes_of_concern", [])],
        **practice_fields(area),
        "sections": [section(s) for s in area.sections],
    }


def causes(node: Node) -> dict[str, Any]:
    """A cause of concern and its recommendations: a lead line ending with ':' gives its bullets their deadline."""
    found: list[dict[str, Any]] = []
    for child in node.items:
        if child.items and child.text.endswith(":"):
            found.extend(_recommendation(item, deadline(child.text), child.text) for item in child.items)
        else:
            found.append(_recommendation(child, deadline(child.text), None))
    return {"text": node.text, "recommendations": found}


def _recommendation(node: Node, due: str | None, lead: str | None) -> dict[str, Any]:
    return {
        "text": node.text,
        "items": items(node.items),
        "deadline": due,
        "deadline_date": deadline_date(due) if due else None,
        "lead": lead,
    }
