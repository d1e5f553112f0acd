"""The data dictionary: every analysis table, what one row is, and each column's type and meaning.

The SQLite schema, the CSV headers, `peel-extract tables --describe` and the README's table section
are all made from this one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["INTEGER", "TEXT"]
Spec = str | tuple[str, ColumnType, str]
"""A column: a shared one by name, or (name, type, meaning)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table."""

    name: str
    """The column's name, the same in CSV and SQLite."""
    type: ColumnType
    """INTEGER or TEXT, in SQLite as in CSV (read CSV columns with these types)."""
    meaning: str
    """One sentence for the analyst."""


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its rows and columns."""

    name: str
    row: str
    """What one row is ("one row per ...")."""
    columns: tuple[Column, ...]
    key: str | None
    """The primary key column, if the table has one."""


_SHARED = (
    Column("page_id", "INTEGER", "The page (record) the row comes from: `pages.page_id`."),
    Column("question_id", "INTEGER", "The question the row belongs to (`questions.question_id`); null outside one."),
    Column("sector", "TEXT", "`police`, or `fire` for fire and rescue services."),
    Column("name", "TEXT", "The force's or the service's name: `force` for police, `service` for fire and rescue."),
    Column("force", "TEXT", "The police force as the title line names it, e.g. `Avon and Somerset`."),
    Column("service", "TEXT", "The fire and rescue service's short name; null for police."),
    Column(
        "year",
        "TEXT",
        "The year as the page gives it: police `2014` ... `2018` (PEEL 2018/19), `2021-22`, "
        "`2023-25`; fire and rescue `2018-19`, `2021-22`, `2023-25`; a letter's year sent, a custody report's year "
        "inspected (`2025`).",
    ),
    Column(
        "round",
        "TEXT",
        "The inspection round as HMICFRS names it, the same kind of value in both sectors: "
        "`2014` ... `2017`, `2018-19` (police `year` `2018` is PEEL 2018/19), `2021-22`, `2023-25`; where the page "
        "names none, the one round its kind has (a fire and rescue report's `inferred_year`, `2023-25`); letters and "
        "custody reports, which belong to no round, their `year`.",
    ),
    Column("year_start", "INTEGER", "The first year of `round` as a number (2018, 2021, 2023), for sorting."),
    Column(
        "pillar", "TEXT", "`effectiveness`, `efficiency`, `legitimacy`, `leadership`, or (fire) `people`; null if none."
    ),
    Column(
        "area",
        "TEXT",
        "The inspected area of a 2021+ report (of a force outside the Home Office set too); a vetting report's one "
        "area, 'Vetting, IT monitoring and counter-corruption'; on a causes-of-concern letter's causes and "
        "recommendations, the area the cause's heading names ('investigations'); on a custody report's sections, the "
        "outcome section they are in; null on pillar and overview pages.",
    ),
    Column("question_number", "INTEGER", "The question's number as the page shows it; null when it shows none."),
    Column("last_updated", "TEXT", "The page's 'Last updated' date (ISO) for this pillar; null when not shown."),
    Column("captured", "TEXT", "When the page was captured (a WARC's date); null when not recorded."),
    Column("url", "TEXT", "The page's URL, where the input records it (WARC); else null."),
    Column("judgment", "TEXT", "The grade the page shows as a grade line; null when it shows none."),
    Column("judgment_in_text", "TEXT", "The grade stated in HMICFRS's standard sentences, kept apart."),
    Column("judgment_evidence", "TEXT", "The sentence `judgment_in_text` was read from."),
    Column("headline_question", "TEXT", "The headline under the title (a statement on 2014 pages)."),
    Column("pillar_source", "TEXT", "How the pillar was named: `pillar_line`, `questions_heading`, `headline`, ..."),
    Column("summary", "TEXT", "The summary's paragraphs, then its lists as indented `- ` lines, blank-line apart."),
    Column("truncated", "INTEGER", "1 when the page (or question) stops mid-way, as saved pages often do; else 0."),
    Column("position", "INTEGER", "1-based position among its siblings, in page order."),
    Column("parent_id", "INTEGER", "The bullet this one is nested under (`item_id` of this table); null at the top."),
    Column("depth", "INTEGER", "Nesting depth: 0 for a top-level bullet."),
    Column("item_id", "INTEGER", "The bullet's id (key)."),
    Column("evidence", "TEXT", "For a grade `judged_by` `text`: the sentence it was read from."),
    Column("previous_judgment", "TEXT", "Fire and rescue 2021/22: the previous round's grade the page states."),
    Column("previous_year", "TEXT", "The round `previous_judgment` is from, e.g. `2018-19`."),
)
_COLUMNS = {column.name: column for column in _SHARED}
_WHERE = ("sector", "name", "force", "service", "year", "round", "year_start", "pillar")
_BULLET: tuple[Spec, ...] = ("position", "parent_id", "depth", ("text", "TEXT", "The bullet's text."))


def _table(name: str, row: str, *columns: Spec, key: str | None = None) -> Table:
    """A table whose columns are shared names or (name, type, meaning) of its own."""
    built = tuple(_COLUMNS[c] if isinstance(c, str) else Column(*c) for c in columns)
    return Table(name, row, built, key)


def _list_table(name: str, what: str, *extra: Spec) -> Table:
    where = ("page_id", "question_id", *_WHERE, "area", "question_number")
    row = (
        f"bullet of a question's (or a report area's, a letter's or a custody report's) {what}, nested bullets included"
    )
    return _table(name, row, "item_id", *where,
                  *extra, *_BULLET, key="item_id")  # fmt: skip


_PAGES = _table(
    "pages", "record (converted page)",
    ("page_id", "INTEGER", "The record's id (key), in the order the records were read."),
    ("page_type", "TEXT", "The kind of page: `peel_pillar`, `peel_overview`, `peel_report`, `frs_pillar`, "
                          "`frs_overview`, `frs_report`, `monitoring_letter` (a causes-of-concern letter), "
                          "`custody_report` (a police custody inspection report; these two grade nothing) or "
                          "`soc_report` (a region's serious and organised crime report: no name of its own, its "
                          "bodies' grades carry theirs)."),
    *_WHERE[:7],
    ("region", "TEXT", "SOC reports: the region as the title writes it (`south-east`); else null."),
    ("service_name", "TEXT", "The fire and rescue service's full name; null for police."),
    ("year_source", "TEXT", "Overview pages: `title`, or `assessment_ordinal` ('this first PEEL assessment'); "
                            "reports: `h1`, `title`, `heading` or `text`; letters: `sent` or `published`; custody "
                            "reports: `inspected`; SOC reports: `published`."),
    ("areas_inspected", "INTEGER", "Reports: the areas inspected ('in nine areas of policing'); else null."),
    ("areas_graded", "INTEGER", "Reports: the areas graded ('graded judgments in eight of these nine'); else null."),
    "pillar", "pillar_source", "headline_question",
    ("last_updated", "TEXT", "A pillar page's 'Last updated' date (ISO); null when not shown or not a pillar page."),
    "judgment", "judgment_in_text", "judgment_evidence",
    ("inspector", "TEXT", "Overview pages: the inspector's name."),
    ("inspector_title", "TEXT", "Overview pages: the inspector's title."),
    "summary",
    ("hmi_observations", "TEXT", "Overview pages: the 'HMI's observations' (fire: 'HM Inspector's summary') text, "
                                 "lists as indented `- ` lines."),
    "truncated",
    ("warnings", "INTEGER", "How many warnings the record has (the `warnings` table lists them)."),
    ("unplaced", "TEXT", "Text the rules could not place, one line each; null when there is none."),
    ("path", "TEXT", "The file read (the archive, for an archive member)."),
    ("member", "TEXT", "The member's name inside an archive; else null."),
    "url", "captured",
    ("format", "TEXT", "`html` or `text`, told from the content."),
    ("encoding", "TEXT", "The encoding the bytes were decoded with."),
    ("sha256", "TEXT", "SHA-256 of the page's bytes."),
    ("content_sha256", "TEXT", "SHA-256 of the record apart from `source` and line numbers: equal for one page "
                               "saved in several markups."),
    ("duplicate_of", "INTEGER", "The first page with the same `content_sha256`; null for that first page."),
    ("is_latest", "INTEGER", "1 for the newest version of each page (a page: its kind, sector, name, round and "
                             "pillar; a page without a name is its own), by the rule of `latest_judgments`; 0 for "
                             "older versions and for duplicates. The `latest_*` views hold the rows of these pages."),
    key="page_id",
)  # fmt: skip
_PILLARS = _table(
    "pillars", "pillar header: a pillar page's own, or each pillar shown on an overview page",
    ("pillar_id", "INTEGER", "The pillar header's id (key)."),
    "page_id", *_WHERE, "pillar_source", "headline_question", "last_updated",
    "judgment", "judgment_in_text", "judgment_evidence", "previous_judgment", "previous_year", "summary",
    key="pillar_id",
)  # fmt: skip
_QUESTIONS = _table(
    "questions", "question of a pillar page",
    ("question_id", "INTEGER", "The question's id (key)."),
    "page_id", *_WHERE, "position",
    ("number", "INTEGER", "The number the page shows; null when it shows none."),
    ("text", "TEXT", "The question."),
    "judgment", "judgment_in_text", "judgment_evidence", "previous_judgment", "previous_year",
    ("carried_over_from", "TEXT", "The year whose judgment the page says was carried over."),
    ("inspection_statement", "TEXT", "The page's sentence saying the question was not inspected or carried over."),
    "truncated",
    key="question_id",
)  # fmt: skip
_GRADED: tuple[Spec, ...] = (
    "page_id", "question_id", *_WHERE, "area", "question_number",
    ("question_text", "TEXT", "The question; null for a pillar's (or area's) own grade."),
)  # fmt: skip
_JUDGMENTS = _table(
    "judgments", "grade a page states, long format: a grade line and a grade in text are two rows",
    *_GRADED,
    ("judgment", "TEXT", "The grade: Outstanding, Good, Adequate, Requires improvement, Inadequate, Ungraded, "
                         "To be graded."),
    ("judged_by", "TEXT", "`grade_line` (the grade line the page shows; a vetting report's label line), `table` "
                          "(a report's graded-judgments table) or `text` (a grade sentence; a vetting report's or "
                          "PSNI's one grade sentence)."),
    "evidence", "last_updated", "captured", "url",
)  # fmt: skip
_LATEST = _table(
    "latest_judgments", "graded thing (sector, force or service, round, pillar or area, question by its text), from "
    "the newest version of the pages that grade it: a grade before 'To be graded' (shown only until the grade is "
    "out), then by `last_updated`, then `captured`, then the page read last; one page in several markups counts once, "
    "and a page without a name grades things of its own",
    *_GRADED,
    ("level", "TEXT", "What is graded: `pillar` (a pillar's own grade), `question` or `area` (a report's area); "
                      "on a SOC report, a `force`'s or a regional organised crime unit's (`rocu`) response to "
                      "serious and organised crime (`name` the force, or the unit's full name)."),
    ("grade", "TEXT", "The grade line, else the grade stated in text."),
    ("grade_rank", "INTEGER", "The grade's step on the page's own scale, best first: 1 Outstanding, 2 Good, "
                              "3 Requires improvement, 4 Inadequate on the four-grade pillar and overview pages "
                              "(police 2014-2018/19, fire and rescue 2018/19-2021/22); 1 Outstanding, 2 Good, "
                              "3 Adequate, 4 Requires improvement, 5 Inadequate on the five-grade reports (PEEL "
                              "2021/22 on, fire and rescue 2023-25); null for Ungraded, To be graded and a grade "
                              "the scale does not have. The difference of two ranks on one scale is the steps "
                              "between them."),
    ("grade_scale", "INTEGER", "How many grades the page's scale has: 4 or 5 (see `grade_rank`)."),
    ("judged_by", "TEXT", "`grade_line`, `table` or `text`: where `grade` was read."),
    "evidence", "last_updated", "captured", "url",
    ("versions", "INTEGER", "How many versions of pages grade this thing (markups of one page count once)."),
    ("conflict", "INTEGER", "1 when another version gives a different grade and the dates do not order the two "
                            "(one is undated, or both have the same dates); else 0."),
)  # fmt: skip
_WARNINGS = _table(
    "warnings", "warning in a record",
    ("warning_id", "INTEGER", "The warning's id (key)."),
    "page_id", *_WHERE, "position",
    ("code", "TEXT", "e.g. `judgment_missing`, `truncated`, `judgment_disagrees` (docs/records.md)."),
    ("message", "TEXT", "The warning for a person."),
    ("line", "INTEGER", "The line of the page it refers to, when known."),
    key="warning_id",
)  # fmt: skip
_SECTIONS = _table(
    "sections", "findings section (heading, paragraphs and lists) of a question, or of a pillar page before its "
    "questions",
    ("section_id", "INTEGER", "The section's id (key)."),
    "page_id", "question_id", *_WHERE, "area", "question_number", "position",
    ("heading", "TEXT", "The section's heading; null for a question's first section when it has none."),
    ("paragraphs", "INTEGER", "How many paragraphs it has."),
    ("lists", "INTEGER", "How many lists it has (`section_list_items` holds their bullets)."),
    ("text", "TEXT", "Its paragraphs, then each list (its intro, then its bullets as indented `- ` lines), "
                     "blank-line apart; the record does not keep where among the paragraphs a list stood."),
    key="section_id",
)  # fmt: skip
_SECTION_ITEMS = _table(
    "section_list_items", "bullet of a list in a section",
    "item_id",
    ("section_id", "INTEGER", "The section the list is in: `sections.section_id`."),
    "page_id", "question_id", *_WHERE, "area", "question_number",
    ("list_position", "INTEGER", "Which list of the section (1-based)."),
    ("intro", "TEXT", "The sentence that introduces the list, e.g. 'These were:'."),
    *_BULLET,
    key="item_id",
)  # fmt: skip
_PRACTICES = _table(
    "practices", "piece of promising or innovative practice a question (or area) describes",
    ("practice_id", "INTEGER", "The piece of practice's id (key)."),
    "page_id", "question_id", *_WHERE, "area", "question_number",
    ("kind", "TEXT", "`promising` or `innovative`, as its heading says."),
    "position",
    ("title", "TEXT", "Its title line; null when it has none."),
    ("text", "TEXT", "Its paragraphs, blank-line apart."),
    key="practice_id",
)  # fmt: skip
LIST_TABLES = ("areas_for_improvement", "causes_of_concern", "recommendations")
DICTIONARY: dict[str, Table] = {
    table.name: table
    for table in (
        _PAGES, _PILLARS, _QUESTIONS, _JUDGMENTS, _LATEST, _WARNINGS,
        _list_table("areas_for_improvement", "areas for improvement",
                    ("heading", "TEXT", "Custody reports: the heading it is listed under (an outcome section's "
                                        "name); else null.")),
        _list_table("causes_of_concern", "causes of concern",
                    ("accelerated", "INTEGER", "Letters: 1 for an accelerated cause of concern, 0 for another "
                                               "its heading names; else null."),
                    ("status", "TEXT", "Letters: `open` or `closed`, only where a sentence of the letter states "
                                       "it; else null."),
                    ("status_evidence", "TEXT", "The sentence `status` was read from.")),
        _list_table("recommendations", "recommendations",
                    ("cause_id", "INTEGER", "Reports, letters and custody reports: the cause of concern these "
                                            "recommendations answer (`causes_of_concern.item_id`); null on pillar "
                                            "pages."),
                    ("deadline", "TEXT", "Letters and SOC reports: the deadline as written ('immediately', 'By 30 "
                                         "September 2023', 'Within six months'), a SOC report's from the lead line "
                                         "it stands under; null where none is given."),
                    ("deadline_date", "TEXT", "The deadline as an ISO date, where it is a day."),
                    ("status", "TEXT", "Letters: the `status` of the cause of concern it answers.")),
        _PRACTICES, _SECTIONS, _SECTION_ITEMS,
    )
}  # fmt: skip
# SQLite views: each item table's rows from the newest version of each page (`pages.is_latest`).
LATEST_VIEWS: dict[str, str] = {
    f"latest_{table}": table
    for table in ("pillars", "questions", "warnings", *LIST_TABLES, "practices", "sections", "section_list_items")
}
TABLES: dict[str, tuple[str, ...]] = {t.name: tuple(c.name for c in t.columns) for t in DICTIONARY.values()}
KEYS = {t.name: t.key for t in DICTIONARY.values() if t.key}


def describe_markdown() -> str:
    """The data dictionary as Markdown: the README's table section and `tables --describe`."""
    parts = []
    for table in DICTIONARY.values():
        lines = [f"#### `{table.name}`: one row per {table.row}", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.meaning} |" for c in table.columns]
        parts.append("\n".join(lines))
    parts.append(_views_markdown())
    return "\n\n".join(parts) + "\n"


def _views_markdown() -> str:
    lines = [
        "#### Views (SQLite): the rows of the newest version of each page",
        "",
        "Each `latest_<table>` view has the columns of its table and only the rows of pages whose "
        "`pages.is_latest` is 1 (older versions and duplicates left out). A CSV reader gets the same rows by "
        "keeping those whose `page_id` has `is_latest` 1 in `pages.csv`.",
        "",
        "| view | rows of |",
        "|---|---|",
    ]
    lines += [f"| `{view}` | `{table}` |" for view, table in LATEST_VIEWS.items()]
    return "\n".join(lines)
