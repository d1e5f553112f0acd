"""A toy page kind, to show that a kind is one module: "Wessex notice 2024" pages (a notice number, then
paragraphs). Registered only by tests/test_kinds.py; no other module names it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from peel_extract.blocks import Block
from peel_extract.kinds import Head, Sign
from peel_extract.records.common import (
    SCHEMA_VERSION,
    PageRecord,
    RecordWarning,
    SourceInfo,
    UnplacedText,
    Version,
    provenance,
)
from peel_extract.segment import KindSpec, PageDraft, Rule, State
from peel_extract.segment.header import preamble, title_line
from peel_extract.segment.prose import prose
from peel_extract.segment.rule import accepts
from peel_extract.tables.rows import Page, Row, Tabler

# In a real kind, these two patterns would be in vocab/.
NOTICE_TITLE = re.compile(r"^(?P<force>[A-Z][a-z]+) notice (?P<year>20[0-9][0-9])(?:/(?P<end>[0-9][0-9]))?$")
NOTICE_NUMBER = re.compile(r"^Notice number (?P<number>[0-9]{1,3})$")


@dataclass(slots=True)
class NoticeDraft(PageDraft):
    number: int | None = None


@accepts(longest=40, phases=["summary"])
def toy_notice_number(state: State[NoticeDraft], block: Block) -> bool:
    """The line "Notice number 7"."""
    found = NOTICE_NUMBER.match(block.text)
    if found is None or state.page.number is not None:
        return False
    state.page.number = int(found["number"])
    return True


class NoticeRecord(PageRecord):
    """A toy notice page as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["toy_notice"]
    sector: Literal["police"] = "police"
    force: str | None
    year: str | None
    number: int | None
    truncated: bool
    summary: list[str]
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


DESCRIPTION = "a toy notice page"
SPEC = KindSpec("toy_notice", (NOTICE_TITLE,), lambda year, _: year, (), "summary", re.compile(r"(?!)"))
RULES: tuple[Rule, ...] = (title_line, preamble, toy_notice_number, prose)
RECORD = NoticeRecord


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line, "Wessex notice 2024"."""
    return head.first_title(lambda text, _: NOTICE_TITLE.match(text)) if sign is Sign.TITLE_LINE else None


def draft() -> NoticeDraft:
    return NoticeDraft()


def finish(state: State[NoticeDraft]) -> None:
    if state.page.number is None:
        state.warn("number_missing", "the notice shows no number", None)


def build(draft: NoticeDraft, source: SourceInfo) -> NoticeRecord:
    fields: dict[str, Any] = {"page_type": "toy_notice", "force": draft.name, "year": draft.year}
    fields |= {"number": draft.number, "truncated": draft.truncated, "summary": draft.header.summary}
    return NoticeRecord.model_validate(fields | provenance(draft, source))


def table_rows(tabler: Tabler, page: Page, record: Row) -> Iterator[tuple[str, Row]]:
    yield from tabler.sections(page, page.where, [{"heading": None, "paragraphs": record["summary"], "lists": []}])
