"""Records -> rows of the analysis tables: one small function per page kind, chosen by `page_type` (each kind in
the registry, `kinds/`, names its function: `Kind.table_rows`).

One record at a time, so any number of records can be tabled in flat memory (apart from a
content hash per page, an entry per graded thing for `latest_judgments`, written last, and one per page for
`pages.is_latest`, given last as (IS_LATEST, (page_id,)) for each newest page). Rows
are dicts; the writer puts their values in the dictionary's column order, so a row need only name
the columns it knows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .dictionary import LIST_TABLES, TABLES
from .latest import Latest, LatestPages, grade_fields

Row = dict[str, Any]
Rows = Iterator[tuple[str, Row]]
_COLUMN_SETS = {table: frozenset(columns) for table, columns in TABLES.items()}
_PRACTICE_KINDS = ("promising", "innovative")
_DEADLINE = ("deadline", "deadline_date")
"""A recommendation's deadline, where its kind reads one (a SOC report's)."""
Fields = tuple[str, ...]
IS_LATEST = "pages.is_latest"
"""Not a table: after every table's rows, (IS_LATEST, (page_id,)) says that page's `is_latest` is 1 (else 0)."""


@dataclass(frozen=True, slots=True)
class Page:
    """What every row of one record shares."""

    page_id: int
    page_type: str
    where: Row
    """sector, name, force, service, year, round, year_start."""
    version: Row
    """captured and url: with a grade's last_updated, they order the versions of a page."""
    duplicate_of: int | None
    """The first record with the same content (this page saved in another markup, or saved twice)."""


def table_rows(records: Iterable[Row]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row) for every row of every record, numbered across the records, `latest_judgments` last; then
    (IS_LATEST, (page_id,)) for the newest version of each page."""
    tabler = Tabler()
    for record in records:
        for table, row in tabler.rows(record):
            yield table, ordered(table, row)
    for row in tabler.latest.rows():
        yield "latest_judgments", ordered("latest_judgments", row)
    for page_id in tabler.latest_pages.ids():
        yield IS_LATEST, (page_id,)


def ordered(table: str, row: Row) -> tuple[Any, ...]:
    """The row's values in the table's column order; missing columns and empty text are null."""
    if not row.keys() <= _COLUMN_SETS[table]:
        raise KeyError(f"{table} has no column {sorted(row.keys() - _COLUMN_SETS[table])}")
    values = map(row.get, TABLES[table])
    return tuple(None if value == "" else value for value in values)


class Tabler:
    """Numbers rows across records, tells duplicates apart, and turns each record into its rows."""

    def __init__(self) -> None:
        from ..kinds import table_rows_by_type  # the kinds sit above the tables: asked when a tabling starts

        self._next = dict.fromkeys(TABLES, 0)
        self._contents: dict[str, int] = {}
        self.latest = Latest()
        self.latest_pages = LatestPages()
        self._kinds = table_rows_by_type()

    def new_id(self, table: str) -> int:
        self._next[table] += 1
        return self._next[table]

    def rows(self, record: Row) -> Rows:
        """(table, row) for every row one record gives."""
        page, content = self._page(record)
        yield "pages", page_row(page, record, content)
        for position, warning in enumerate(record.get("warnings", []), start=1):
            yield "warnings", {"warning_id": self.new_id("warnings"), "page_id": page.page_id, **page.where,
                               "pillar": record.get("pillar"), "position": position, **warning}  # fmt: skip
        yield from self._kinds[record["page_type"]](self, page, record)
        if page.duplicate_of is None:
            self.latest_pages.offer(page.page_id, page.where, record, page.version["captured"])

    def _page(self, record: Row) -> tuple[Page, str]:
        page_id, content = self.new_id("pages"), content_sha256(record)
        first = self._contents.setdefault(content, page_id)
        source = record.get("source", {})
        year, force, service = (record.get(f) for f in ("year", "force", "service"))
        sector = record.get("sector", "police")
        round_ = round_of(sector, year or record.get("inferred_year"))
        where = {"sector": sector, "name": force or service, "force": force, "service": service, "year": year,
                 "round": round_, "year_start": year_start(round_)}  # fmt: skip
        version = {"captured": source.get("captured"), "url": source.get("url")}
        return Page(page_id, record["page_type"], where, version, first if first != page_id else None), content

    def header(self, page: Page, where: Row, header: Row) -> Rows:
        """A pillar header (a pillar page's, or one of an overview page's pillars) and its grades."""
        fields = ("pillar_source", "headline_question", "last_updated", "judgment", "judgment_in_text",
                  "judgment_evidence", "previous_judgment", "previous_year")  # fmt: skip
        yield "pillars", {"pillar_id": self.new_id("pillars"), "page_id": page.page_id, **where,
                          **{f: header.get(f) for f in fields}, "summary": summary_text(header)}  # fmt: skip
        yield from self.graded(page, where, header, header.get("last_updated"))

    def graded(self, page: Page, where: Row, graded: Row, last_updated: str | None, level: str | None = None) -> Rows:
        """The judgments rows of one graded thing; the page's grade of it is offered to `latest_judgments`.

        The grade the page shows is judged by its `judgment_source` (a report's `table`), else `grade_line`.
        ``level``: what is graded, where the kind says it (a SOC report's `force` or `rocu`); else told by `where`.
        """
        row = {"page_id": page.page_id, **where, "last_updated": last_updated, **page.version}
        stated = [(judged_by, grade, evidence) for judged_by, grade, evidence in _stated(graded) if grade]
        for judged_by, grade, evidence in stated:
            yield "judgments", {**row, "judgment": grade, "judged_by": judged_by, "evidence": evidence}
        if stated and page.duplicate_of is None:
            judged_by, grade, evidence = stated[0]
            graded_by = {"grade": grade, "judged_by": judged_by, "evidence": evidence}
            self.latest.offer({**row, **graded_by, **grade_fields(grade, page.page_type, where, level)})

    def question(self, page: Page, where: Row, position: int, question: Row, last_updated: str | None) -> Rows:
        """A question, its grades, bullet lists and sections."""
        question_id, number = self.new_id("questions"), question.get("number")
        fields = ("text", "judgment", "judgment_in_text", "judgment_evidence", "previous_judgment",
                  "previous_year", "carried_over_from", "inspection_statement")  # fmt: skip
        yield "questions", {"question_id": question_id, "page_id": page.page_id, **where, "position": position,
                            "number": number, **{f: question.get(f) for f in fields},
                            "truncated": int(bool(question.get("truncated")))}  # fmt: skip
        inner = {**where, "question_id": question_id, "question_number": number}
        yield from self.graded(page, {**inner, "question_text": question["text"]}, question, last_updated)
        for table in LIST_TABLES:
            yield from self.items(table, {"page_id": page.page_id, **inner}, question.get(table, []))
        yield from self.practices(page, inner, question)
        yield from self.sections(page, inner, question.get("sections", []))

    def practices(self, page: Page, where: Row, graded: Row) -> Rows:
        """Promising and innovative practice: one row per piece, its title and text."""
        for kind in _PRACTICE_KINDS:
            for position, practice in enumerate(graded.get(f"{kind}_practice", []), start=1):
                yield "practices", {"practice_id": self.new_id("practices"), "page_id": page.page_id, **where,
                                    "kind": kind, "position": position, "title": practice.get("title"),
                                    "text": "\n\n".join(practice.get("paragraphs", []))}  # fmt: skip

    def causes(self, where: Row, causes: list[Row]) -> Rows:
        """A report area's causes of concern, each with the recommendations it carries (linked by `cause_id`)."""
        for position, cause in enumerate(causes, start=1):
            cause_id = self.new_id("causes_of_concern")
            bullet = {"position": position, "parent_id": None, "depth": 0, "text": cause["text"]}
            yield "causes_of_concern", {"item_id": cause_id, **where, **bullet}
            recommendations = cause["recommendations"]
            yield from self.items("recommendations", {**where, "cause_id": cause_id}, recommendations, fields=_DEADLINE)

    def items(
        self, table: str, where: Row, items: list[Row], parent: int | None = None, depth: int = 0, fields: Fields = ()
    ) -> Rows:
        """A tree of bullets, each row linked to the bullet it is nested under; ``fields``: the bullet's own
        fields its row has too (a recommendation's deadline), where it has them."""
        for position, item in enumerate(items, start=1):
            item_id = self.new_id(table)
            bullet = {"position": position, "parent_id": parent, "depth": depth, "text": item["text"]}
            yield table, {"item_id": item_id, **where, **bullet, **{f: item.get(f) for f in fields}}
            yield from self.items(table, where, item.get("items", []), item_id, depth + 1)

    def sections(self, page: Page, where: Row, sections: list[Row]) -> Rows:
        """Findings sections, and the bullets of their lists."""
        for position, section in enumerate(sections, start=1):
            section_id, lists = self.new_id("sections"), section.get("lists", [])
            yield "sections", {"section_id": section_id, "page_id": page.page_id, **where, "position": position,
                               "heading": section.get("heading"), "paragraphs": len(section.get("paragraphs", [])),
                               "lists": len(lists), "text": content_text(section)}  # fmt: skip
            for number, content in enumerate(lists, start=1):
                inner = {"section_id": section_id, "page_id": page.page_id, **where, "list_position": number,
                         "intro": content.get("intro")}  # fmt: skip
                yield from self.items("section_list_items", inner, content["items"])


def _stated(graded: Row) -> tuple[tuple[str, Any, Any], ...]:
    """(judged_by, grade, evidence) of the grade a page shows and of the grade its text states. A page's one grade
    sentence (`judgment_source` `sentence`: a vetting report's, PSNI's crime data integrity) is a grade stated in
    text, with the sentence; a label line ("Vetting, IT monitoring and counter-corruption: good") a grade shown on
    a line of its own, as a grade line is."""
    source = graded.get("judgment_source")
    if source == "sentence":
        return (("text", graded.get("judgment"), graded.get("judgment_evidence")),)
    shown = "grade_line" if source in (None, "label") else source
    return ((shown, graded.get("judgment"), None),
            ("text", graded.get("judgment_in_text"), graded.get("judgment_evidence")))  # fmt: skip


# One function per page kind (its `Kind.table_rows`): the rows a record gives besides its `pages` and `warnings` rows.
def pillar_page_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    where = {**page.where, "pillar": record.get("pillar")}
    yield from tabler.header(page, where, record)
    yield from tabler.sections(page, where, record.get("sections", []))
    for position, question in enumerate(record.get("questions", []), start=1):
        yield from tabler.question(page, where, position, question, record.get("last_updated"))


def report_page_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    """A report's areas: each one's grades, bullet lists, causes with their recommendations, practice and sections."""
    yield from tabler.sections(page, page.where, record.get("sections", []))
    for area in record.get("areas", []):
        where = {**page.where, "area": area["area"]}
        yield from tabler.graded(page, where, area, None)
        inner = {"page_id": page.page_id, **where}
        yield from tabler.items("areas_for_improvement", inner, area.get("areas_for_improvement", []))
        yield from tabler.causes(inner, area.get("causes_of_concern", []))
        yield from tabler.practices(page, where, area)
        yield from tabler.sections(page, where, area.get("sections", []))


def overview_page_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    for header in record.get("pillars", []):
        yield from tabler.header(page, {**page.where, "pillar": header.get("pillar")}, header)


def page_row(page: Page, record: Row, content: str) -> Row:
    """The record's `pages` row: its header fields, texts and source."""
    fields = ("page_type", "region", "service_name", "year_source", "areas_inspected", "areas_graded", "pillar",
              "pillar_source", "headline_question",
              "last_updated", "judgment", "judgment_in_text", "judgment_evidence", "inspector",
              "inspector_title")  # fmt: skip
    source = {k: v for k, v in record.get("source", {}).items() if k in TABLES["pages"]}
    observations = record.get("hmi_observations") or record.get("hmi_summary")
    unplaced = "\n".join(u["text"] for u in record.get("unplaced", []))
    return {"page_id": page.page_id, **page.where, **{f: record.get(f) for f in fields}, **source,
            "summary": summary_text(record), "hmi_observations": content_text(observations) if observations else None,
            "truncated": int(bool(record.get("truncated"))), "warnings": len(record.get("warnings", [])),
            "unplaced": unplaced, "content_sha256": content,
            "duplicate_of": page.duplicate_of, "is_latest": 0}  # fmt: skip


def round_of(sector: str | None, year: str | None) -> str | None:
    """The round as HMICFRS names it, alike in both sectors: police "2018" is PEEL 2018/19, "2018-19".

    ``year`` is the page's, else the one round its kind has (a fire and rescue report's `inferred_year`).
    """
    return "2018-19" if sector == "police" and year == "2018" else year


def year_start(year: str | None) -> int | None:
    """2018 for "2018", 2021 for "2021-22"."""
    return int(year[:4]) if year and year[:4].isdigit() else None


def summary_text(header: Row) -> str:
    return content_text({"paragraphs": header.get("summary", []), "lists": header.get("summary_lists", [])})


def content_text(content: Row) -> str:
    """Paragraphs, then each list (intro, then bullets as `- ` lines indented by depth), blank-line apart."""
    parts = list(content.get("paragraphs", []))
    for listed in content.get("lists", []):
        lines = [listed["intro"]] if listed.get("intro") else []
        parts.append("\n".join([*lines, *_bullets(listed["items"], 0)]))
    return "\n\n".join(parts)


def _bullets(items: list[Row], depth: int) -> Iterator[str]:
    for item in items:
        yield "  " * depth + "- " + item["text"]
        yield from _bullets(item.get("items", []), depth + 1)


def content_sha256(record: Row) -> str:
    """SHA-256 of the record apart from `source` and line numbers: one page in several markups gives one."""
    content = {k: v for k, v in record.items() if k != "source"}
    text = json.dumps(_without_lines(content), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value
