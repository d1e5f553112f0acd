"""Police PEEL records (2014-2018/19 pillar pages, 2014-2021/22 overview pages) and how drafts become them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from ..segment import HeaderDraft, OverviewDraft, PageDraft, PillarPageDraft, QuestionDraft
from ..vocab import PoliceGrade, PolicePillar
from .common import (
    EVIDENCE,
    GRADE_LINE,
    IN_TEXT,
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
    content_list,
    items,
    provenance,
    section,
)

PillarSource = Literal["pillar_line", "questions_heading", "headline", "summary_sentence"]


class Question(Model):
    """One question of a pillar page."""

    number: int | None = Field(description="The number the page shows; null when it shows none.")
    text: str
    judgment: PoliceGrade | None = Field(description=GRADE_LINE)
    judgment_in_text: PoliceGrade | None = Field(description=IN_TEXT)
    judgment_evidence: str | None = Field(description=EVIDENCE)
    carried_over_from: str | None = Field(description="The year whose judgment the page says was carried over.")
    inspection_statement: str | None = Field(
        description="The page's sentence saying the question was not inspected, or its judgment carried over."
    )
    truncated: bool = Field(description="True when the page stops inside this question.")
    areas_for_improvement: list[ListItem]
    causes_of_concern: list[ListItem]
    recommendations: list[ListItem]
    sections: list[Section]


class OverviewPillar(Model):
    """One pillar shown on an overview page: its section, its summary sentence, or both."""

    pillar: PolicePillar | None
    pillar_source: PillarSource | None = Field(description="How the pillar was named.")
    headline_question: str | None
    last_updated: dt.date | None
    judgment: PoliceGrade | None = Field(description=GRADE_LINE)
    judgment_in_text: PoliceGrade | None = Field(description=IN_TEXT)
    judgment_evidence: str | None = Field(description=EVIDENCE)
    summary: list[str]
    summary_lists: list[ContentList]


class PillarRecord(PageRecord):
    """One PEEL pillar page (one pillar of one force-year) as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["peel_pillar"]
    sector: Literal["police"] = "police"
    force: str | None = Field(description="As the title line names it, e.g. 'Avon and Somerset'.")
    year: str | None = Field(description="The PEEL year of the title line, e.g. '2018' for PEEL 2018/19.")
    pillar: PolicePillar | None
    pillar_source: PillarSource | None = Field(
        description="Where the pillar was read: its own line, 'Questions for X', or inferred from the headline."
    )
    headline_question: str | None
    last_updated: dt.date | None
    judgment: PoliceGrade | None = Field(description=GRADE_LINE)
    judgment_in_text: PoliceGrade | None = Field(description=IN_TEXT)
    judgment_evidence: str | None = Field(description=EVIDENCE)
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str]
    summary_lists: list[ContentList]
    sections: list[Section] = Field(description="Findings after the summary, before the questions (2014 pages).")
    questions: list[Question]
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


class OverviewRecord(PageRecord):
    """One PEEL overview page (a force's year page) as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["peel_overview"]
    sector: Literal["police"] = "police"
    force: str | None = Field(description="As the title line names it; null when the page has no title line.")
    year: str | None = Field(description="'2014' ... '2018' (PEEL 2018/19), '2021-22'.")
    year_source: Literal["title", "assessment_ordinal"] | None = Field(
        description="'title', or 'assessment_ordinal' when read from 'this first/second/... PEEL assessment'."
    )
    inspector: str | None = Field(description="The inspector's name, from the line that gives their title.")
    inspector_title: str | None
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="The paragraphs under the title, the grade sentences among them.")
    summary_lists: list[ContentList]
    pillars: list[OverviewPillar]
    hmi_observations: Section | None
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def pillar_record(draft: PillarPageDraft, source: SourceInfo) -> PillarRecord:
    """A police pillar page's record."""
    return PillarRecord.model_validate(
        dict(
            page_type="peel_pillar",
            force=draft.name,
            **pillar_page_fields(draft),
            questions=[_question(q) for q in draft.questions],
            **provenance(draft, source),
        )
    )


def overview_record(draft: OverviewDraft, source: SourceInfo) -> OverviewRecord:
    """A police overview page's record."""
    return OverviewRecord.model_validate(
        dict(
            page_type="peel_overview",
            force=draft.name,
            year_source=draft.year_source,
            **overview_page_fields(draft),
            pillars=[dict(**header_fields(p), **summary_fields(p)) for p in draft.pillars],
            hmi_observations=section(draft.observations) if draft.observations else None,
            **provenance(draft, source),
        )
    )


def pillar_page_fields(draft: PageDraft) -> dict[str, Any]:
    """What every pillar page's record holds, police or fire: year, header, summary and early sections."""
    header = draft.header
    return {
        "year": draft.year,
        **header_fields(header),
        "truncated": draft.truncated,
        "summary": header.summary,
        "summary_lists": [content_list(d) for d in header.summary_lists],
        "sections": [section(s) for s in draft.sections],
    }


def overview_page_fields(draft: OverviewDraft) -> dict[str, Any]:
    """What every overview page's record holds, police or fire: year, inspector and summary."""
    return {
        "year": draft.year,
        "inspector": draft.inspector,
        "inspector_title": draft.inspector_title,
        "truncated": draft.truncated,
        "summary": draft.header.summary,
        "summary_lists": [content_list(d) for d in draft.header.summary_lists],
    }


def header_fields(header: HeaderDraft) -> dict[str, Any]:
    """A pillar header's fields, as pillar pages and overview pillars both have them."""
    return {
        "pillar": header.pillar,
        "pillar_source": header.pillar_source,
        "headline_question": header.headline_question,
        "last_updated": header.last_updated,
        "judgment": header.judgment,
        "judgment_in_text": header.judgment_in_text,
        "judgment_evidence": header.judgment_evidence,
    }


def summary_fields(header: HeaderDraft) -> dict[str, Any]:
    """An overview pillar's summary and its lists."""
    return {"summary": header.summary, "summary_lists": [content_list(d) for d in header.summary_lists]}


def question_lists(draft: QuestionDraft) -> dict[str, Any]:
    """A question's three lists, as trees."""
    return {name: items(draft.lists.get(name, [])) for name in _LISTS}


_LISTS = ("areas_for_improvement", "causes_of_concern", "recommendations")


def _question(draft: QuestionDraft) -> dict[str, Any]:
    return dict(
        number=draft.number,
        text=draft.text,
        judgment=draft.judgment,
        judgment_in_text=draft.judgment_in_text,
        judgment_evidence=draft.judgment_evidence,
        carried_over_from=draft.carried_over_from,
        inspection_statement=draft.inspection_statement,
        truncated=draft.truncated,
        **question_lists(draft),
        sections=[section(s) for s in draft.sections],
    )
