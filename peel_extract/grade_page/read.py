"""The grade page's rows, read from the tables' SQLite database with each value's type checked.

Every value the page uses is checked against the type 'tables' writes (text, or an integer, and
whether it may be NULL), so a database changed by hand fails as one `NotAPeelDatabase` line that
names the table, row and column, never as a traceback further on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import NotAPeelDatabase, ReadError
from ..kinds import ungraded_kinds

BUSY_SECONDS = 5.0
"""How long to wait for another program's write to finish before calling the database locked."""
NO_NAME, NO_YEAR = "(name not read)", "(no year)"
_REMAKE = "make it again with 'peel-extract tables RECORDS --sqlite FILE'"


@dataclass(frozen=True, slots=True)
class GradeRow:
    """One pillar's or area's grade from `latest_judgments`, with the page it was read from."""

    sector: str
    name: str
    year: str
    year_start: int | None
    pillar: str | None
    area: str | None
    grade: str
    judged_by: str
    evidence: str | None
    """The sentence a grade `judged_by` text was read from."""
    conflict: bool
    source: str
    """The page: its path (and archive member), or its URL."""


@dataclass(frozen=True, slots=True)
class PageRow:
    """One page (markups of one page count once), with what the grade page says about it."""

    page_id: int
    sector: str
    name: str
    year: str
    year_start: int | None
    pillar: str | None
    page_type: str | None
    source: str
    version: tuple[str, str, int]
    """(last_updated, captured, page_id): the newest version of a page is the largest."""
    graded: bool
    """Whether the page states any grade (`judgments`)."""
    problem: str | None
    """The page's first warning about a grade, name or year it could not read."""
    areas: int
    """Its areas for improvement (top-level bullets)."""
    causes: int = 0
    """Its causes of concern."""
    recommendations: int = 0
    """Its recommendations (top-level bullets)."""
    ungraded_kind: str | None = None
    """What its kind is, when its kind grades nothing (a causes-of-concern letter): no place in the grid."""


@dataclass(frozen=True, slots=True)
class Rows:
    """Everything the grade page shows, as read from the database."""

    grades: list[GradeRow]
    pages: list[PageRow]


def read_rows(database: str | Path) -> Rows:
    """The grades and pages of ``database``; `ReadError` or `NotAPeelDatabase` when it cannot be used."""
    with read_only(database) as db:
        grades = list(checked(db, _GRADES_SQL, "latest_judgments", _GRADES))
        pages = list(_pages(db))
        return Rows(_grade_rows(grades, _sources(db)), pages)


@contextmanager
def read_only(database: str | Path) -> Iterator[sqlite3.Connection]:
    """``database`` opened read-only (waiting a while for a run writing it); what stops its use is raised as
    `ReadError` (no such file) or `NotAPeelDatabase` (damaged, locked, foreign, or values not as written)."""
    path = Path(database)
    if not path.is_file():
        raise ReadError(str(path), "no such file" if not path.exists() else "not a file")
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)) as db:
            yield db
    except sqlite3.DatabaseError as exc:
        raise NotAPeelDatabase(str(path), database_problem(exc)) from None
    except BadValue as bad:
        raise not_as_written(path, bad) from None


def not_as_written(path: Path, bad: BadValue) -> NotAPeelDatabase:
    """The error for a database whose values are not of the types `tables` writes (changed by hand)."""
    return NotAPeelDatabase(str(path), f"not peel-extract's tables as written: {bad}; {_REMAKE}")


def database_problem(exc: sqlite3.DatabaseError) -> str:
    """What an SQLite error says of the database: not ours, locked by another program, or not a database."""
    text = str(exc)
    if text.startswith(("no such table", "no such column")):
        return f"not a peel-extract database ({text}): make one with 'peel-extract tables RECORDS --sqlite FILE'"
    if text.startswith("database is locked") or getattr(exc, "sqlite_errorname", "") == "SQLITE_BUSY":
        return "the database is locked (busy): another program is writing to it; try again when it has finished"
    return f"not an SQLite database of peel-extract's tables ({text})"


class BadValue(Exception):
    """A value of the wrong type: the message names its table, row and column."""


# Each column's type: "text" or "int", with "?" when it may be NULL.
_GRADES = {"rowid": "int", "sector": "text", "force": "text?", "service": "text?", "year": "text?",
           "year_start": "int?", "pillar": "text?", "area": "text?", "grade": "text", "judged_by": "text",
           "evidence": "text?", "conflict": "int", "page_id": "int?"}  # fmt: skip
_PAGES = {"page_id": "int", "sector": "text", "force": "text?", "service": "text?", "year": "text?",
          "year_start": "int?", "pillar": "text?", "page_type": "text?", "path": "text", "member": "text?",
          "last_updated": "text?", "captured": "text?"}  # fmt: skip


def _select(columns: dict[str, str]) -> str:
    """The columns to select: a page's year, else its round (a fire and rescue report that names no round is of
    its kind's one round)."""
    return ", ".join("coalesce(year, round)" if column == "year" else column for column in columns)


_GRADES_SQL = f"SELECT {_select(_GRADES)} FROM latest_judgments WHERE question_text IS NULL ORDER BY rowid"
# A page without a name of its own, of a region or grading bodies named in their rows (a SOC report: its forces and
# unit), has no row of its own: its grades are in its bodies' rows.
_OWN_ROW = (
    "NOT (name IS NULL AND (region IS NOT NULL OR page_id IN (SELECT page_id FROM judgments WHERE name IS NOT NULL)))"
)
_PROBLEMS = ("judgment_missing", "judgments_table_missing", "force_missing", "year_missing")


def checked(db: sqlite3.Connection, sql: str, table: str, columns: dict[str, str]) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` (selecting ``columns`` in order) as dicts, each value's type checked."""
    names = list(columns)
    for values in db.execute(sql):
        row = dict(zip(names, values, strict=True))
        for column, kind in columns.items():
            if not _fits(row[column], kind):
                raise BadValue(f"{table} row {values[0]}: {column} is {_described(row[column])}, not "
                                + ("text" if kind.startswith("text") else "an integer"))  # fmt: skip
        yield row


def _fits(value: object, kind: str) -> bool:
    if value is None:
        return kind.endswith("?")
    return isinstance(value, str) if kind.startswith("text") else isinstance(value, int)


def _described(value: object) -> str:
    if value is None:
        return "NULL"
    return {bytes: "a BLOB", str: "text", float: "a real number", int: "an integer"}.get(type(value), "a value")


def _grade_rows(rows: list[dict[str, Any]], sources: dict[int, str]) -> list[GradeRow]:
    return [GradeRow(row["sector"], _name(row), row["year"] or NO_YEAR, row["year_start"], row["pillar"], row["area"],
                     row["grade"], row["judged_by"], row["evidence"], bool(row["conflict"]),
                     sources.get(row["page_id"], "(page not in the database)")) for row in rows]  # fmt: skip


def _pages(db: sqlite3.Connection) -> Iterator[PageRow]:
    graded = {page for (page,) in db.execute("SELECT DISTINCT page_id FROM judgments")}
    areas, causes, recommendations = (_top_level(db, table) for table in _ITEMS)
    ungraded = ungraded_kinds()
    problems = _problems(db)
    sql = f"SELECT {_select(_PAGES)} FROM pages WHERE duplicate_of IS NULL AND {_OWN_ROW} ORDER BY page_id"
    for row in checked(db, sql, "pages", _PAGES):
        page_id = row["page_id"]
        version = (row["last_updated"] or "", row["captured"] or "", page_id)
        yield PageRow(page_id, row["sector"], _name(row), row["year"] or NO_YEAR, row["year_start"], row["pillar"],
                      row["page_type"], _source(row), version, page_id in graded, problems.get(page_id),
                      _count(areas.get(page_id)), _count(causes.get(page_id)), _count(recommendations.get(page_id)),
                      ungraded.get(row["page_type"] or ""))  # fmt: skip


_ITEMS = ("areas_for_improvement", "causes_of_concern", "recommendations")


def _top_level(db: sqlite3.Connection, table: str) -> dict[int, int]:
    """Each page's top-level bullets of an item table."""
    return dict(db.execute(f"SELECT page_id, count(*) FROM {table} WHERE depth = 0 GROUP BY page_id"))


def _sources(db: sqlite3.Connection) -> dict[int, str]:
    """Each page's source, those with no row of their own (`_OWN_ROW`) included."""
    columns = {"page_id": "int", "path": "text", "member": "text?"}
    return {row["page_id"]: _source(row) for row in checked(db, "SELECT page_id, path, member FROM pages", "pages",
                                                                columns)}  # fmt: skip


def _problems(db: sqlite3.Connection) -> dict[int, str]:
    """Each page's first warning about what it could not read, in the order of `_PROBLEMS`."""
    found: dict[int, tuple[int, str]] = {}
    marks = ", ".join("?" * len(_PROBLEMS))
    sql = f"SELECT page_id, code, message FROM warnings WHERE code IN ({marks}) ORDER BY warning_id"
    for page, code, message in db.execute(sql, _PROBLEMS):
        rank = _PROBLEMS.index(code)
        if page not in found or rank < found[page][0]:
            found[page] = (rank, str(message))
    return {page: message for page, (_, message) in found.items()}


def _name(row: dict[str, Any]) -> str:
    return str(row["force"] or row["service"] or NO_NAME)


def _source(row: dict[str, Any]) -> str:
    return str(row["path"]) + (f"!{row['member']}" if row["member"] else "")


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0
