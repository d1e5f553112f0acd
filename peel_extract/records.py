"""Records stage: the output contract as pydantic v2 models, built from the segmentation draft."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import Issue
from .segment import ListDraft, Node, PageDraft, QuestionDraft, SectionDraft

SCHEMA_VERSION: Literal["1.0"] = "1.0"

Grade = Literal["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate", "Ungraded", "To be graded"]
Pillar = Literal["effectiveness", "efficiency", "legitimacy", "leadership"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordWarning(_Model):
    """Something odd about the page that the record should not hide."""

    code: str = Field(description="Machine-readable name, e.g. judgment_missing, truncated, unplaced.")
    message: str
    line: int | None = Field(description="1-based line of the decoded source, when known.")


class SourceInfo(_Model):
    """Where the record came from."""

    path: str = Field(description="The file as given, or '<stdin>'.")
    format: Literal["html", "text"] = Field(description="Told from the content, not the file name.")
    encoding: str = Field(description="The encoding the bytes were decoded with.")
    sha256: str = Field(description="SHA-256 of the page's bytes (after gunzip).")


class ListItem(_Model):
    """One bullet (or paragraph entry) and the bullets nested under it."""

    text: str
    items: list[ListItem] = Field(default_factory=list)


class ContentList(_Model):
    """A list of the findings or summary, with the sentence that introduces it."""

    intro: str | None = Field(description="The sentence before the list, when it introduces it (ends with ':').")
    items: list[ListItem]


class Section(_Model):
    """Findings under one sub-heading; the first section of a question may have no heading."""

    heading: str | None
    paragraphs: list[str]
    lists: list[ContentList]


class Question(_Model):
    """One question of a pillar page."""

    number: int | None = Field(description="The number the page shows; null when it shows none.")
    text: str
    judgment: Grade | None = Field(description="The grade line under the question; null when not shown.")
    carried_over_from: str | None = Field(description="Year whose judgment the page says was carried over.")
    truncated: bool = Field(description="True when the page stops inside this question.")
    areas_for_improvement: list[ListItem]
    causes_of_concern: list[ListItem]
    recommendations: list[ListItem]
    sections: list[Section]


class UnplacedText(_Model):
    """Content the rules could not place; kept so nothing is lost."""

    text: str
    line: int


class PageRecord(_Model):
    """One PEEL pillar page as data."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    page_type: Literal["peel_pillar"]
    force: str | None = Field(description="As the title line names it, e.g. 'Avon and Somerset'.")
    year: str | None = Field(description="The PEEL year of the title line, e.g. '2018' for PEEL 2018/19.")
    pillar: Pillar | None
    pillar_source: Literal["pillar_line", "questions_heading", "headline"] | None = Field(
        description="Where the pillar was read: its own line, 'Questions for X', or inferred from the headline."
    )
    headline_question: str | None
    last_updated: dt.date | None
    judgment: Grade | None = Field(description="The grade line after 'Last updated'; null when not shown.")
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str]
    summary_lists: list[ContentList]
    questions: list[Question]
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def build_record(draft: PageDraft, source: SourceInfo) -> PageRecord:
    """Validate the draft into the output contract."""
    return PageRecord(
        page_type="peel_pillar",
        force=draft.force,
        year=draft.year,
        pillar=draft.pillar,
        pillar_source=draft.pillar_source,
        headline_question=draft.headline_question,
        last_updated=draft.last_updated,
        judgment=draft.judgment,
        truncated=draft.truncated,
        summary=draft.summary,
        summary_lists=[_content_list(d) for d in draft.summary_lists],
        questions=[_question(q) for q in draft.questions],
        unplaced=[UnplacedText(text=t, line=n) for t, n in draft.unplaced],
        warnings=[_warning(i) for i in draft.issues],
        source=source,
    )


def _items(nodes: list[Node]) -> list[ListItem]:
    return [ListItem(text=n.text, items=_items(n.items)) for n in nodes]


def _content_list(draft: ListDraft) -> ContentList:
    return ContentList(intro=draft.intro, items=_items(draft.items))


def _section(draft: SectionDraft) -> Section:
    lists = [_content_list(d) for d in draft.lists]
    return Section(heading=draft.heading, paragraphs=draft.paragraphs, lists=lists)


def _question(draft: QuestionDraft) -> Question:
    return Question(
        number=draft.number,
        text=draft.text,
        judgment=draft.judgment,
        carried_over_from=draft.carried_over_from,
        truncated=draft.truncated,
        areas_for_improvement=_items(draft.lists.get("areas_for_improvement", [])),
        causes_of_concern=_items(draft.lists.get("causes_of_concern", [])),
        recommendations=_items(draft.lists.get("recommendations", [])),
        sections=[_section(s) for s in draft.sections],
    )


def _warning(issue: Issue) -> RecordWarning:
    return RecordWarning(code=issue.code, message=issue.message, line=issue.line)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a page record."""
    return PageRecord.model_json_schema()
