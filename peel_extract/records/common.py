"""Parts every record kind shares: provenance, warnings, lists, sections, and the draft-to-model steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..errors import Issue
from ..segment import HeaderDraft, ListDraft, Node, PageDraft, QuestionDraft, SectionDraft

Version = Literal["3.0"]
SCHEMA_VERSION: Version = "3.0"

GRADE_LINE = "The grade the page shows as a grade line; null when it shows none (never guessed)."
IN_TEXT = "The grade stated in HMICFRS's standard sentences; kept apart from the grade line."
EVIDENCE = "The sentence judgment_in_text was read from."


class Model(BaseModel):
    """A part of a record: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class RecordWarning(Model):
    """Something odd about the page that the record should not hide."""

    code: str = Field(description="Machine-readable name, e.g. judgment_missing, truncated, unplaced.")
    message: str
    line: int | None = Field(description="1-based line of the decoded source, when known.")


class SourceInfo(Model):
    """Where the record came from."""

    path: str = Field(description="The file as given (the archive, for an archive member), or '<stdin>'.")
    member: str | None = Field(default=None, description="The member's name inside an archive.")
    url: str | None = Field(default=None, description="The page's URL, where the archive records it (WARC).")
    captured: str | None = Field(default=None, description="When the page was captured, where recorded (WARC).")
    format: Literal["html", "text"] = Field(description="Told from the content, not the file name.")
    encoding: str = Field(description="The encoding the bytes were decoded with.")
    sha256: str = Field(description="SHA-256 of the page's bytes (after gunzip).")


class ListItem(Model):
    """One bullet (or paragraph entry) and the bullets nested under it."""

    text: str
    items: list[ListItem] = Field(default_factory=list)


class ContentList(Model):
    """A list of the findings or summary, with the sentence that introduces it."""

    intro: str | None = Field(description="The sentence before the list, when it introduces it (ends with ':').")
    items: list[ListItem]


class Section(Model):
    """Paragraphs and lists under one heading; the first section of a question may have no heading."""

    heading: str | None
    paragraphs: list[str]
    lists: list[ContentList]


class Practice(Model):
    """A piece of promising (or innovative) practice: its title line and paragraphs."""

    title: str | None
    paragraphs: list[str]


class UnplacedText(Model):
    """Content the rules could not place; kept so nothing is lost."""

    text: str
    line: int


class PageRecord(Model):
    """A page's record, of whichever kind: each kind's model is one (the registry in ``kinds/`` lists them, and
    its ``page_type`` tells them apart). Each model declares its own fields, in its own order; every one has
    these."""

    if TYPE_CHECKING:
        schema_version: str
        page_type: str
        sector: str
        truncated: bool
        unplaced: list[UnplacedText]
        warnings: list[RecordWarning]
        source: SourceInfo


def record_adapter(models: tuple[type[PageRecord], ...]) -> TypeAdapter[PageRecord]:
    """Validation and JSON Schema of a record of any of these models, told apart by ``page_type``."""
    # A union of the models the registry holds at run time, which no static type can name.
    union = Union[models]  # type: ignore[valid-type]  # noqa: UP007
    return TypeAdapter(Annotated[union, Field(discriminator="page_type")])


def provenance(draft: PageDraft, source: SourceInfo) -> dict[str, Any]:
    """The fields every record ends with: unplaced text, warnings and the source."""
    return {
        "unplaced": [{"text": t, "line": n} for t, n in draft.unplaced],
        "warnings": [_warning(i) for i in draft.issues],
        "source": source,
    }


class Publication(Protocol):
    """A draft of a publication that states when it was published and inspected (vetting, custody, SOC, letters)."""

    heading: str | None
    title: str | None
    published: str | None
    inspected: str | None
    year: str | None
    year_source: str | None
    truncated: bool
    header: HeaderDraft


class ForcePublication(Publication, Protocol):
    """A publication about one force."""

    name: str | None
    full_name: str | None
    name_source: str | None


def publication(draft: Publication) -> dict[str, Any]:
    """The fields such a publication's record shares: its title line, dates, year, and introduction."""
    return {
        "heading": draft.heading,
        "title": draft.title,
        "published": draft.published,
        "inspected": draft.inspected,
        "year": draft.year,
        "year_source": draft.year_source,
        "truncated": draft.truncated,
        "summary": draft.header.summary,
        "summary_lists": [content_list(d) for d in draft.header.summary_lists],
    }


def force_publication(draft: ForcePublication) -> dict[str, Any]:
    """A one-force publication's shared fields: the force's names and where they were read, then the rest."""
    names = {"force": draft.name, "force_name": draft.full_name, "name_source": draft.name_source}
    return names | publication(draft)


def items(nodes: list[Node]) -> list[dict[str, Any]]:
    """A tree of list entries."""
    return [{"text": n.text, "items": items(n.items) if n.items else []} for n in nodes]  # (most have none)


def content_list(draft: ListDraft) -> dict[str, Any]:
    """A list with its intro."""
    return {"intro": draft.intro, "items": items(draft.items)}


def section(draft: SectionDraft) -> dict[str, Any]:
    """A section with its paragraphs and lists."""
    return {"heading": draft.heading, "paragraphs": draft.paragraphs, "lists": [content_list(d) for d in draft.lists]}


def practice_fields(draft: QuestionDraft) -> dict[str, list[dict[str, Any]]]:
    """A question's (or an area's) promising and innovative practice ("notable" counts as promising)."""
    return {
        "promising_practice": _practices(draft, ("promising", "notable")),
        "innovative_practice": _practices(draft, ("innovative",)),
    }


def _practices(draft: QuestionDraft, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"title": p.title, "paragraphs": p.paragraphs} for p in draft.practices if p.kind in kinds]


def _warning(issue: Issue) -> dict[str, Any]:
    return {"code": issue.code, "message": issue.message, "line": issue.line}
