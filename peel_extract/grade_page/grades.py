"""The grade page's data, read from the tables' SQLite database: grade grids and areas-for-improvement counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..errors import NotAPeelDatabase, ReadError
from ..tables import GRADE_RANK
from ..vocab import ALL_PILLARS


@dataclass(frozen=True, slots=True)
class Cell:
    """One graded pillar or area of one force-year."""

    grade: str
    judged_by: str
    conflict: bool
    rank: int | None


@dataclass(slots=True)
class Grid:
    """One sector's grades: names down, (year, part) across."""

    sector: str
    names: list[str] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[tuple[str, str, str], Cell] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AreasCount:
    """How many areas for improvement (top-level bullets) one page lists."""

    name: str
    year: str
    part: str
    last_updated: str | None
    path: str
    count: int


def read_report(database: str | Path) -> tuple[list[Grid], list[AreasCount]]:
    """The grids and the areas-for-improvement counts, read from the database."""
    path = Path(database)
    if not path.is_file():
        raise ReadError(str(path), "no such file" if not path.exists() else "not a file")
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as db:
            return _grids(db), _areas_counts(db)
    except sqlite3.DatabaseError as exc:
        raise NotAPeelDatabase(str(path), _problem(exc)) from None


def _problem(exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if text.startswith(("no such table", "no such column")):
        return f"not a peel-extract database ({text}): make one with 'peel-extract tables RECORDS --sqlite FILE'"
    return f"not an SQLite database of peel-extract's tables ({text})"


_GRADES = """SELECT sector, coalesce(force, service, '(no name)'), coalesce(year, '(no year)'),
                    coalesce(pillar, area, '(none)'), grade,
                    judged_by, conflict
             FROM latest_judgments WHERE question_text IS NULL ORDER BY sector, year_start, year"""


def _grids(db: sqlite3.Connection) -> list[Grid]:
    grids: dict[str, Grid] = {}
    for sector, name, year, part, grade, judged_by, conflict in db.execute(_GRADES):
        grid = grids.setdefault(sector, Grid(sector))
        grid.cells[(name, year, part)] = Cell(grade, judged_by, bool(conflict), GRADE_RANK.get(grade))
        if (year, part) not in grid.columns:
            grid.columns.append((year, part))
    for grid in grids.values():
        grid.names = sorted({name for name, _, _ in grid.cells})
        years = list(dict.fromkeys(year for year, _ in grid.columns))
        grid.columns.sort(key=lambda column: (years.index(column[0]), part_order(column[1])))
    return sorted(grids.values(), key=lambda grid: grid.sector != "police")


def part_order(part: str) -> tuple[int, str]:
    """Pillars in their usual order, then areas by name."""
    return (ALL_PILLARS.index(part), "") if part in ALL_PILLARS else (len(ALL_PILLARS), part)


_AREAS = """SELECT coalesce(p.force, p.service, '(no name)'), coalesce(p.year, ''), coalesce(p.pillar, ''),
                   p.last_updated, p.path || coalesce('!' || p.member, ''),
                   (SELECT count(*) FROM areas_for_improvement a WHERE a.page_id = p.page_id AND a.depth = 0)
            FROM pages p
            WHERE p.duplicate_of IS NULL AND (EXISTS (SELECT 1 FROM questions q WHERE q.page_id = p.page_id)
                  OR EXISTS (SELECT 1 FROM areas_for_improvement a WHERE a.page_id = p.page_id))
            ORDER BY 1, p.year_start, 2, 3, p.page_id"""


def _areas_counts(db: sqlite3.Connection) -> list[AreasCount]:
    return [AreasCount(*row) for row in db.execute(_AREAS)]


def cell_title(name: str, year: str, part: str, cell: Cell) -> str:
    """The cell's tooltip: what it is and where the grade was read."""
    where = "grade line" if cell.judged_by == "grade_line" else "grade stated in text"
    note = "; versions disagree and their dates do not order them" if cell.conflict else ""
    return escape(f"{name} {year} {part}: {cell.grade} ({where}{note})")


def iter_rows(grid: Grid) -> Iterator[tuple[str, list[tuple[str, str, Cell | None]]]]:
    """Each name of the grid with its (year, part, cell) across the columns."""
    for name in grid.names:
        yield name, [(year, part, grid.cells.get((name, year, part))) for year, part in grid.columns]
