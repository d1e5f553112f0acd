"""The grade grid of a tables database: each force's and service's latest grade per round and pillar.

Read from `latest_judgments`: one row per sector, name and round, one column per pillar the database
grades (in vocab order). The 2021+ reports grade areas, not pillars: `areas=True` lists those grades
instead, one per line. As text (a padded table), CSV or JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any, Literal

from ..grade_page.read import checked, read_only
from ..vocab import ALL_PILLARS

Format = Literal["table", "csv", "json"]
Grid = tuple[list[str], list[tuple[Any, ...]]]
"""Column names, then rows."""

_ORDER = "sector DESC, name IS NULL, name, year_start IS NULL, year_start, round"
_PILLARS = f"""SELECT rowid, sector, name, round, pillar, grade FROM latest_judgments WHERE level = 'pillar'
               ORDER BY {_ORDER}, pillar"""
# Grades of areas: a report's areas, and a SOC report's grades of a force or a unit (levels `force`, `rocu`).
_AREA_LEVELS = "level NOT IN ('pillar', 'question')"
_AREAS = f"""SELECT rowid, sector, name, round, area, grade FROM latest_judgments WHERE {_AREA_LEVELS}
             ORDER BY {_ORDER}, rowid"""
# Each value's type as `tables` writes it (see grade_page.read.checked): a database changed by hand is one error.
_TYPES = {"rowid": "int", "sector": "text", "name": "text?", "round": "text?", "part": "text?", "grade": "text"}
_COUNT_AREAS = (
    f"SELECT count(*), count(DISTINCT coalesce(name, '') || sector) FROM latest_judgments WHERE {_AREA_LEVELS}"
)


def read_grades(database: str | Path, areas: bool = False) -> tuple[Grid, str | None]:
    """The pillar grade grid (or, with ``areas``, the report areas' grades) and a note on what it leaves out."""
    with read_only(database) as db:
        if areas:
            return (["sector", "name", "round", "area", "grade"], _rows(db, _AREAS)), None
        return _pillar_grid(_rows(db, _PILLARS)), _areas_note(db, Path(database))


def _rows(db: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` without their rowid, each value's type checked."""
    return [tuple(row.values())[1:] for row in checked(db, sql, "latest_judgments", _TYPES)]


def _pillar_grid(rows: list[tuple[Any, ...]]) -> Grid:
    """One row per (sector, name, round), one column per pillar graded anywhere, in vocab order."""
    grid: dict[tuple[Any, ...], dict[str, str]] = {}
    for sector, name, round_, pillar, grade in rows:
        grid.setdefault((sector, name, round_), {})[pillar or "(no pillar)"] = grade
    graded = {pillar for grades in grid.values() for pillar in grades}
    pillars = [p for p in ALL_PILLARS if p in graded] + sorted(graded - set(ALL_PILLARS))
    return ["sector", "name", "round", *pillars], [(*key, *map(grades.get, pillars)) for key, grades in grid.items()]


def _areas_note(db: sqlite3.Connection, path: Path) -> str | None:
    grades, bodies = db.execute(_COUNT_AREAS).fetchone()
    if not grades:
        return None
    return (f"the 2021+ reports grade areas, not pillars: {grades} area grades of {bodies} forces and services "
            f"are not in this grid ('peel-extract grades {path} --areas' lists them)")  # fmt: skip


def format_grades(grid: Grid, form: Format = "table") -> str:
    """The grid as a padded text table ('-' where no grade), CSV (empty cells) or JSON (a list of objects),
    without a final newline."""
    columns, rows = grid
    if form == "json":
        return json.dumps([dict(zip(columns, row, strict=True)) for row in rows], indent=2, ensure_ascii=False)
    if form == "csv":
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows([columns, *rows])
        return text.getvalue().removesuffix("\n")
    cells = [columns, *([_cell(value) for value in row] for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join(" ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in cells)


def _cell(value: Any) -> str:
    return "-" if value is None else str(value)
