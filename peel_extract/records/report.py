"""Report records (PEEL 2021/22 and 2023-25, fire and rescue 2023-25) and how drafts become them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..segment import AreaDraft, Node, ReportDraft
from ..vocab import ReportGrade
from .common import (
    EVIDENCE,
    IN_TEXT,
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

_TABLE_GRADE = "The grade the judgments table (or a grade line) gives; never guessed."
NameSource = Literal["h1", "title", "text"]
YearSource = Literal["h1", "title", "heading", "text", "commissioned"]


class CauseOfConcern(Model):
    """A cause of concern and the recommendations that come with it."""

    text: str
    recommendations: list[ListItem] = Field(description="The recommendations under it, as a tree.")


class ReportArea(Model):
    """One area a report grades (or inspects): from its judgments table, its own section, or both."""

    area: str = Field(description="As the table or the area's heading writes it.")
    judgment: ReportGrade | None = Field(
        description="The grade the judgments table (or a grade line) gives; never guessed."
    )
    judgment_source: Literal["table", "grade_line", "sentence"] | None = Field(
        description="Where judgment was read: the table, a grade line, or the one sentence that is the page's"
        " judgment ('The Police Service of Northern Ireland’s crime data integrity is good.')."
    )
    judgment_in_text: ReportGrade | None = Field(description=IN_TEXT + " ('X is adequate at investigating crime.')")
    judgment_evidence: str | None = Field(description=EVIDENCE + " Or the sentence judgment was read from.")
    truncated: bool = Field(description="True when the page stops inside this area's section.")
    areas_for_improvement: list[ListItem]
    causes_of_concern: list[CauseOfConcern]
    promising_practice: list[Practice]
    innovative_practice: list[Practice]
    sections: list[Section] = Field(description="The area's findings, under their sub-headings.")


class UngradedArea(Model):
    """An area the report inspects without grading it (the service to victims of crime)."""

    area: str = Field(description="As the page's sentence names it, e.g. 'victims of crime'.")
    statement: str = Field(description="The sentences saying it was inspected and not graded.")


class ReportBody(Model):
    """The fields both kinds of report share, after the force's or service's name."""

    name_source: NameSource | None = Field(
        description="Where the name was read: the page's h1 (for a force outside the Home Office set, its title"
        " line, the h1 a text scrape keeps), its HTML <title>, or the text's count sentence."
    )
    year: str | None = Field(
        description="The round, '2021-22' or '2023-25' (for a force outside the Home Office set, the year of its"
        " commission, '2021'); null when the page does not say it."
    )
    year_source: YearSource | None = Field(
        description="The h1, the HTML <title>, a heading 'PEEL 2023–2025', 'PEEL Assessment Framework 2021/22', or"
        " the commission sentence ('In 2021, we were commissioned ...')."
    )
    title: str | None = Field(description="The page's HTML <title>, where it has one.")
    heading: str | None = Field(description="The page's h1, where it names the force or service or the round.")
    areas_inspected: int | None = Field(description="From 'Our inspection assessed how good X is in nine areas'.")
    areas_graded: int | None = Field(description="From 'We make graded judgments in eight of these nine'.")
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="The 'Overall summary' paragraphs, the count sentence among them.")
    summary_lists: list[ContentList]
    areas: list[ReportArea] = Field(description="In page order: the table's areas, then areas seen only as sections.")
    ungraded_areas: list[UngradedArea]
    hmi_summary: Section | None = Field(description="'HM Inspector's summary' / 'observations', 'HMI summary'.")
    context_sections: list[Section] = Field(
        description="'Important changes to PEEL', 'PEEL 2023–2025', 'Terminology in this report', ..."
    )
    sections: list[Section] = Field(description="Other headed sections outside any area.")
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


class _PoliceHead(Model):
    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["peel_report"]
    sector: Literal["police"] = "police"
    force: str | None = Field(description="The force's short name, e.g. 'Northumbria' for Northumbria Police.")


class _FireHead(Model):
    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["frs_report"]
    sector: Literal["fire"] = "fire"
    service: str | None = Field(description="The service's short name, e.g. 'Cornwall'.")
    service_name: str | None = Field(description="Its full name, e.g. 'Cornwall Fire and Rescue Service'.")
    inferred_year: str | None = Field(
        description="The round when the page names none (year null): fire and rescue reports have had one round,"
        " '2023-25'. Inferred from the page's kind, so kept apart from year; null when year is read."
    )


class PeelReportRecord(ReportBody, _PoliceHead, PageRecord):
    """One PEEL 2021/22 or 2023-25 report (one force, one round) as data."""


class FrsReportRecord(ReportBody, _FireHead, PageRecord):
    """One fire and rescue 2023-25 report (one service, one round) as data."""


def peel_report_record(draft: ReportDraft, source: SourceInfo) -> PeelReportRecord:
    """A PEEL report's record."""
    return PeelReportRecord.model_validate(
        dict(page_type="peel_report", force=draft.name, **report_body(draft, source))
    )


def frs_report_record(draft: ReportDraft, source: SourceInfo) -> FrsReportRecord:
    """A fire and rescue report's record."""
    return FrsReportRecord.model_validate(
        dict(
            page_type="frs_report",
            service=draft.name,
            service_name=draft.full_name,
            inferred_year=draft.inferred_year,
            **report_body(draft, source),
        )
    )


def report_body(draft: ReportDraft, source: SourceInfo) -> dict[str, Any]:
    """The fields of ``ReportBody``, from a report's draft."""
    report, header = draft, draft.header
    return {
        "name_source": report.name_source,
        "year": draft.year,
        "year_source": draft.year_source,
        "title": draft.title,
        "heading": report.heading,
        "areas_inspected": report.areas_inspected,
        "areas_graded": report.areas_graded,
        "truncated": draft.truncated,
        "summary": header.summary,
        "summary_lists": [content_list(d) for d in header.summary_lists],
        "areas": [_area(a) for a in report.areas],
        "ungraded_areas": [{"area": area, "statement": text} for area, text in report.ungraded],
        "hmi_summary": section(draft.observations) if draft.observations else None,
        "context_sections": [section(s) for s in report.context_sections],
        "sections": [section(s) for s in draft.sections],
        **provenance(draft, source),
    }


def _area(draft: AreaDraft) -> dict[str, Any]:
    return dict(
        area=draft.text,
        judgment=draft.judgment,
        judgment_source=draft.judgment_source,
        judgment_in_text=draft.judgment_in_text,
        judgment_evidence=draft.judgment_evidence,
        truncated=draft.truncated,
        areas_for_improvement=items(draft.lists.get("areas_for_improvement", [])),
        causes_of_concern=[_cause(n) for n in draft.lists.get("causes_of_concern", [])],
        **practice_fields(draft),
        sections=[section(s) for s in draft.sections],
    )


def _cause(node: Node) -> dict[str, Any]:
    """A cause of concern and the recommendations that come with it."""
    return {"text": node.text, "recommendations": items(node.items)}
