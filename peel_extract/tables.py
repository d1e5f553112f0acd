"""Records -> tidy tables for analysis: pages, pillars, questions, judgments, list items, sections.

One record at a time, so any number of records can be tabled in flat memory. Every row keeps
force, year and pillar, so each table can be used on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

Row = tuple[Any, ...]
_ITEM_COLUMNS = (
    "item_id", "question_id", "page_id", "force", "year", "pillar", "question_number",
    "position", "parent_id", "depth", "text",
)  # fmt: skip
TABLES: dict[str, tuple[str, ...]] = {
    "pages": (
        "page_id", "page_type", "force", "year", "pillar", "headline_question", "last_updated",
        "judgment", "judgment_in_text", "truncated", "warnings", "path", "member", "url", "captured", "sha256",
    ),
    "pillars": (
        "pillar_id", "page_id", "force", "year", "pillar", "pillar_source", "headline_question",
        "last_updated", "judgment", "judgment_in_text", "judgment_evidence",
    ),
    "questions": (
        "question_id", "page_id", "force", "year", "pillar", "position", "number", "text", "judgment",
        "judgment_in_text", "judgment_evidence", "carried_over_from", "inspection_statement", "truncated",
    ),
    "judgments": (
        "page_id", "question_id", "force", "year", "pillar", "question_number", "question_text",
        "judgment", "judged_by", "evidence",
    ),
    "areas_for_improvement": _ITEM_COLUMNS,
    "causes_of_concern": _ITEM_COLUMNS,
    "recommendations": _ITEM_COLUMNS,
    "sections": (
        "section_id", "page_id", "question_id", "force", "year", "pillar", "question_number",
        "position", "heading", "paragraphs", "text",
    ),
}  # fmt: skip
LIST_TABLES = ("areas_for_improvement", "causes_of_concern", "recommendations")
KEYS = {
    "pages": "page_id",
    "pillars": "pillar_id",
    "questions": "question_id",
    "sections": "section_id",
    **dict.fromkeys(LIST_TABLES, "item_id"),
}


def table_rows(records: Iterable[dict[str, Any]]) -> Iterator[tuple[str, Row]]:
    """(table, row) for every row of every record, numbered across the records."""
    tabler = Tabler()
    for record in records:
        yield from tabler.rows(record)


class Tabler:
    """Numbers rows across records and turns each record into its rows."""

    def __init__(self) -> None:
        self._next = dict.fromkeys(TABLES, 0)

    def _id(self, table: str) -> int:
        self._next[table] += 1
        return self._next[table]

    def rows(self, record: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        """(table, row) for every row one record gives."""
        page_id = self._id("pages")
        yield "pages", _page_row(page_id, record)
        key = (record.get("force"), record.get("year"))
        headers = [record] if record["page_type"].endswith("_pillar") else record.get("pillars", [])
        for header in headers:
            yield from self._pillar(page_id, key, header)
        yield from self._sections(page_id, None, (*key, record.get("pillar"), None), record.get("sections", []))
        for position, question in enumerate(record.get("questions", []), start=1):
            yield from self._question(page_id, (*key, record.get("pillar")), position, question)

    def _pillar(self, page_id: int, key: tuple[Any, Any], header: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        yield "pillars", (
            self._id("pillars"), page_id, *key, header.get("pillar"), header.get("pillar_source"),
            header.get("headline_question"), header.get("last_updated"), header.get("judgment"),
            header.get("judgment_in_text"), header.get("judgment_evidence"),
        )  # fmt: skip
        for judged_by, value, evidence in _judgments(header):
            yield "judgments", (page_id, None, *key, header.get("pillar"), None, None, value, judged_by, evidence)

    def _question(
        self, page_id: int, key: tuple[Any, Any, Any], position: int, question: dict[str, Any]
    ) -> Iterator[tuple[str, Row]]:
        question_id, number = self._id("questions"), question.get("number")
        yield "questions", (
            question_id, page_id, *key, position, number, question["text"], question.get("judgment"),
            question.get("judgment_in_text"), question.get("judgment_evidence"), question.get("carried_over_from"),
            question.get("inspection_statement"), int(bool(question.get("truncated"))),
        )  # fmt: skip
        for judged_by, value, evidence in _judgments(question):
            yield "judgments", (page_id, question_id, *key, number, question["text"], value, judged_by, evidence)
        where = (question_id, page_id, *key, number)
        for table in LIST_TABLES:
            yield from self._items(table, where, None, 0, question.get(table, []))
        yield from self._sections(page_id, question_id, (*key, number), question.get("sections", []))

    def _items(
        self, table: str, where: tuple[Any, ...], parent: int | None, depth: int, items: list[dict[str, Any]]
    ) -> Iterator[tuple[str, Row]]:
        for position, item in enumerate(items, start=1):
            item_id = self._id(table)
            yield table, (item_id, *where, position, parent, depth, item["text"])
            yield from self._items(table, where, item_id, depth + 1, item.get("items", []))

    def _sections(
        self, page_id: int, question_id: int | None, key: tuple[Any, ...], sections: list[dict[str, Any]]
    ) -> Iterator[tuple[str, Row]]:
        for position, section in enumerate(sections, start=1):
            paragraphs = section.get("paragraphs", [])
            text = "\n\n".join(paragraphs)
            row = (self._id("sections"), page_id, question_id, *key, position, section.get("heading"))
            yield "sections", (*row, len(paragraphs), text)


def _page_row(page_id: int, record: dict[str, Any]) -> Row:
    source = record.get("source", {})
    return (
        page_id, record["page_type"], record.get("force"), record.get("year"), record.get("pillar"),
        record.get("headline_question"), record.get("last_updated"), record.get("judgment"),
        record.get("judgment_in_text"), int(bool(record.get("truncated"))), len(record.get("warnings", [])),
        source.get("path"), source.get("member"), source.get("url"), source.get("captured"), source.get("sha256"),
    )  # fmt: skip


def _judgments(graded: dict[str, Any]) -> Iterator[tuple[str, str, str | None]]:
    """(judged_by, judgment, evidence): one for the grade line, one for the grade stated in prose."""
    if graded.get("judgment"):
        yield "grade_line", graded["judgment"], None
    if graded.get("judgment_in_text"):
        yield "text", graded["judgment_in_text"], graded.get("judgment_evidence")
