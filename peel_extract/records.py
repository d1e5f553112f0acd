"""Records stage: the output contract as pydantic v2 models, built from the segmentation draft."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .errors import Issue
from .segment import HeaderDraft, ListDraft, Node, PageDraft, QuestionDraft, SectionDraft

SCHEMA_VERSION: Literal["2.1"] = "2.1"

Grade = Literal["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate", "Ungraded", "To be graded"]
Pillar = Literal["effectiveness", "efficiency", "legitimacy", "leadership"]
PillarSource = Literal["pillar_line", "questions_heading", "headline", "summary_sentence"]

_GRADE_LINE = "The grade the page shows as a grade line; null when it shows none (never guessed)."
_IN_TEXT = "The grade stated in HMICFRS's standard sentences; kept apart from the grade line."
_EVIDENCE = "The sentence judgment_in_text was read from."


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordWarning(_Model):
    """Something odd about the page that the record should not hide."""

    code: str = Field(description="Machine-readable name, e.g. judgment_missing, truncated, unplaced.")
    message: str
    line: int | None = Field(description="1-based line of the decoded source, when known.")


class SourceInfo(_Model):
    """Where the record came from."""

    path: str = Field(description="The file as given (the archive, for an archive member), or '<stdin>'.")
    member: str | None = Field(default=None, description="The member's name inside an archive.")
    url: str | None = Field(default=None, description="The page's URL, where the archive records it (WARC).")
    captured: str | None = Field(default=None, description="When the page was captured, where recorded (WARC).")
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
    """Paragraphs and lists under one heading; the first section of a question may have no heading."""

    heading: str | None
    paragraphs: list[str]
    lists: list[ContentList]


class UnplacedText(_Model):
    """Content the rules could not place; kept so nothing is lost."""

    text: str
    line: int


class Question(_Model):
    """One question of a pillar page."""

    number: int | None = Field(description="The number the page shows; null when it shows none.")
    text: str
    judgment: Grade | None = Field(description=_GRADE_LINE)
    judgment_in_text: Grade | None = Field(description=_IN_TEXT)
    judgment_evidence: str | None = Field(description=_EVIDENCE)
    carried_over_from: str | None = Field(description="The year whose judgment the page says was carried over.")
    inspection_statement: str | None = Field(
        description="The page's sentence saying the question was not inspected, or its judgment carried over."
    )
    truncated: bool = Field(description="True when the page stops inside this question.")
    areas_for_improvement: list[ListItem]
    causes_of_concern: list[ListItem]
    recommendations: list[ListItem]
    sections: list[Section]


class OverviewPillar(_Model):
    """One pillar shown on an overview page: its section, its summary sentence, or both."""

    pillar: Pillar | None
    pillar_source: PillarSource | None = Field(description="How the pillar was named.")
    headline_question: str | None
    last_updated: dt.date | None
    judgment: Grade | None = Field(description=_GRADE_LINE)
    judgment_in_text: Grade | None = Field(description=_IN_TEXT)
    judgment_evidence: str | None = Field(description=_EVIDENCE)
    summary: list[str]
    summary_lists: list[ContentList]


class PillarRecord(_Model):
    """One PEEL pillar page (one pillar of one force-year) as data."""

    schema_version: Literal["2.1"] = SCHEMA_VERSION
    page_type: Literal["peel_pillar"]
    force: str | None = Field(description="As the title line names it, e.g. 'Avon and Somerset'.")
    year: str | None = Field(description="The PEEL year of the title line, e.g. '2018' for PEEL 2018/19.")
    pillar: Pillar | None
    pillar_source: PillarSource | None = Field(
        description="Where the pillar was read: its own line, 'Questions for X', or inferred from the headline."
    )
    headline_question: str | None
    last_updated: dt.date | None
    judgment: Grade | None = Field(description=_GRADE_LINE)
    judgment_in_text: Grade | None = Field(description=_IN_TEXT)
    judgment_evidence: str | None = Field(description=_EVIDENCE)
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str]
    summary_lists: list[ContentList]
    sections: list[Section] = Field(description="Findings after the summary, before the questions (2014 pages).")
    questions: list[Question]
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


class OverviewRecord(_Model):
    """One PEEL overview page (a force's year page) as data."""

    schema_version: Literal["2.1"] = SCHEMA_VERSION
    page_type: Literal["peel_overview"]
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


PageRecord = PillarRecord | OverviewRecord
_ADAPTER: TypeAdapter[PageRecord] = TypeAdapter(Annotated[PageRecord, Field(discriminator="page_type")])


def build_record(draft: PageDraft, source: SourceInfo) -> PageRecord:
    """Validate the draft into the output contract of its page type."""
    if draft.page_type == "peel_overview":
        return _overview(draft, source)
    header = draft.header
    return PillarRecord(
        page_type="peel_pillar",
        force=draft.force,
        year=draft.year,
        **_header_fields(header, with_summary=False),
        truncated=draft.truncated,
        summary=header.summary,
        summary_lists=[_content_list(d) for d in header.summary_lists],
        sections=[_section(s) for s in draft.sections],
        questions=[_question(q) for q in draft.questions],
        **_provenance(draft, source),
    )


def _overview(draft: PageDraft, source: SourceInfo) -> OverviewRecord:
    return OverviewRecord(
        page_type="peel_overview",
        force=draft.force,
        year=draft.year,
        year_source=draft.year_source,
        inspector=draft.inspector,
        inspector_title=draft.inspector_title,
        truncated=draft.truncated,
        summary=draft.header.summary,
        summary_lists=[_content_list(d) for d in draft.header.summary_lists],
        pillars=[OverviewPillar(**_header_fields(p, with_summary=True)) for p in draft.pillars],
        hmi_observations=_section(draft.observations) if draft.observations else None,
        **_provenance(draft, source),
    )


def _header_fields(header: HeaderDraft, with_summary: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "pillar": header.pillar,
        "pillar_source": header.pillar_source,
        "headline_question": header.headline_question,
        "last_updated": header.last_updated,
        "judgment": header.judgment,
        "judgment_in_text": header.judgment_in_text,
        "judgment_evidence": header.judgment_evidence,
    }
    if with_summary:
        fields["summary"] = header.summary
        fields["summary_lists"] = [_content_list(d) for d in header.summary_lists]
    return fields


def _provenance(draft: PageDraft, source: SourceInfo) -> dict[str, Any]:
    return {
        "unplaced": [UnplacedText(text=t, line=n) for t, n in draft.unplaced],
        "warnings": [_warning(i) for i in draft.issues],
        "source": source,
    }


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
        judgment_in_text=draft.judgment_in_text,
        judgment_evidence=draft.judgment_evidence,
        carried_over_from=draft.carried_over_from,
        inspection_statement=draft.inspection_statement,
        truncated=draft.truncated,
        areas_for_improvement=_items(draft.lists.get("areas_for_improvement", [])),
        causes_of_concern=_items(draft.lists.get("causes_of_concern", [])),
        recommendations=_items(draft.lists.get("recommendations", [])),
        sections=[_section(s) for s in draft.sections],
    )


def _warning(issue: Issue) -> RecordWarning:
    return RecordWarning(code=issue.code, message=issue.message, line=issue.line)


def record_problem(data: object) -> str | None:
    """None when ``data`` is a valid record, else the first thing wrong with it."""
    try:
        _ADAPTER.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a page record (either page type, told apart by page_type)."""
    return _ADAPTER.json_schema()
