"""Fire and rescue records (2018/19 and 2021/22 pillar and overview pages) and how drafts become them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from ..segment import HeaderDraft, OverviewDraft, PillarPageDraft, QuestionDraft
from ..vocab import FrsGrade, FrsPillar
from .common import (
    EVIDENCE,
    GRADE_LINE,
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
    practice_fields,
    provenance,
    section,
)
from .police import (
    PillarSource,
    header_fields,
    overview_page_fields,
    pillar_page_fields,
    question_lists,
    summary_fields,
)

_FRS_GRADE = GRADE_LINE + " The four-tier scale of 2018/19-2021/22: an 'Adequate' is a warning, not a grade."
_PREVIOUS = "The previous round's grade, from 'X was good in its 2018/19 assessment'."
_PREVIOUS_YEAR = "The round that grade is from, e.g. '2018-19'."
_SERVICE = "The service's short name as the title line writes it, e.g. 'Kent', 'West Midlands'."
_SERVICE_NAME = "The service's full name where its prose writes it, e.g. 'Kent Fire and Rescue Service'."
_YEAR = "The inspection round of the title line: '2018-19' or '2021-22'."


class FrsQuestion(Model):
    """One question of a fire and rescue pillar page."""

    number: int | None = Field(description="The number the page shows; null when it shows none.")
    text: str
    judgment: FrsGrade | None = Field(description=_FRS_GRADE)
    judgment_in_text: FrsGrade | None = Field(description=IN_TEXT)
    judgment_evidence: str | None = Field(description=EVIDENCE)
    previous_judgment: FrsGrade | None = Field(description=_PREVIOUS)
    previous_year: str | None = Field(description=_PREVIOUS_YEAR)
    truncated: bool = Field(description="True when the page stops inside this question.")
    areas_for_improvement: list[ListItem] = Field(description="One entry per paragraph under the heading.")
    causes_of_concern: list[ListItem]
    recommendations: list[ListItem]
    promising_practice: list[Practice]
    innovative_practice: list[Practice]
    sections: list[Section]


class FrsOverviewPillar(Model):
    """One pillar shown on a fire and rescue overview page: its summary sentence, its section, or both."""

    pillar: FrsPillar | None
    pillar_source: PillarSource | None = Field(description="How the pillar was named.")
    headline_question: str | None
    last_updated: dt.date | None
    judgment: FrsGrade | None = Field(description=_FRS_GRADE)
    judgment_in_text: FrsGrade | None = Field(description=IN_TEXT)
    judgment_evidence: str | None = Field(description=EVIDENCE)
    previous_judgment: FrsGrade | None = Field(description=_PREVIOUS)
    previous_year: str | None = Field(description=_PREVIOUS_YEAR)
    summary: list[str]
    summary_lists: list[ContentList]


class FrsPillarRecord(PageRecord):
    """One fire and rescue pillar page (one pillar of one service's round) as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["frs_pillar"]
    sector: Literal["fire"] = "fire"
    service: str | None = Field(description=_SERVICE)
    service_name: str | None = Field(description=_SERVICE_NAME)
    year: str | None = Field(description=_YEAR)
    pillar: FrsPillar | None
    pillar_source: PillarSource | None = Field(
        description="Where the pillar was read: its own line, 'Questions for X', or inferred from the headline."
    )
    headline_question: str | None
    last_updated: dt.date | None
    judgment: FrsGrade | None = Field(description=_FRS_GRADE)
    judgment_in_text: FrsGrade | None = Field(description=IN_TEXT)
    judgment_evidence: str | None = Field(description=EVIDENCE)
    previous_judgment: FrsGrade | None = Field(description=_PREVIOUS)
    previous_year: str | None = Field(description=_PREVIOUS_YEAR)
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str]
    summary_lists: list[ContentList]
    sections: list[Section] = Field(description="Findings after the summary, before the questions.")
    questions: list[FrsQuestion]
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


class FrsOverviewRecord(PageRecord):
    """One fire and rescue overview page (a service's round page) as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["frs_overview"]
    sector: Literal["fire"] = "fire"
    service: str | None = Field(description=_SERVICE)
    service_name: str | None = Field(description=_SERVICE_NAME)
    year: str | None = Field(description=_YEAR)
    inspector: str | None = Field(description="The inspector's name, from the line that gives their title.")
    inspector_title: str | None
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="The paragraphs under the title, the grade sentences among them.")
    summary_lists: list[ContentList]
    pillars: list[FrsOverviewPillar]
    hmi_summary: Section | None = Field(description="The 'HM Inspector's summary': paragraphs and lists.")
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def frs_pillar_record(draft: PillarPageDraft, source: SourceInfo) -> FrsPillarRecord:
    """A fire and rescue pillar page's record."""
    return FrsPillarRecord.model_validate(
        dict(
            page_type="frs_pillar",
            service=draft.name,
            service_name=draft.full_name,
            **pillar_page_fields(draft),
            **_previous(draft.header),
            questions=[_question(q) for q in draft.questions],
            **provenance(draft, source),
        )
    )


def frs_overview_record(draft: OverviewDraft, source: SourceInfo) -> FrsOverviewRecord:
    """A fire and rescue overview page's record."""
    return FrsOverviewRecord.model_validate(
        dict(
            page_type="frs_overview",
            service=draft.name,
            service_name=draft.full_name,
            **overview_page_fields(draft),
            pillars=[dict(**header_fields(p), **_previous(p), **summary_fields(p)) for p in draft.pillars],
            hmi_summary=section(draft.observations) if draft.observations else None,
            **provenance(draft, source),
        )
    )


def _previous(graded: HeaderDraft | QuestionDraft) -> dict[str, str | None]:
    return {"previous_judgment": graded.previous_judgment, "previous_year": graded.previous_year}


def _question(draft: QuestionDraft) -> dict[str, Any]:
    return dict(
        number=draft.number,
        text=draft.text,
        judgment=draft.judgment,
        judgment_in_text=draft.judgment_in_text,
        judgment_evidence=draft.judgment_evidence,
        **_previous(draft),
        truncated=draft.truncated,
        **question_lists(draft),
        **practice_fields(draft),
        sections=[section(s) for s in draft.sections],
    )
