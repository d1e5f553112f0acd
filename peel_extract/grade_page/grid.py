"""The grade page's model, per sector: names by (year, pillar or area) grades, why a grade is missing,
and the areas for improvement of each page's newest version.

Built in one pass over the rows (dicts keyed by name, year and part), so it grows linearly with
the forces and pages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .areas import merged_names, merges, ordered
from .read import NO_NAME, NO_YEAR, GradeRow, PageRow, Rows

NO_PART = ""
"""The part of the one column of a year whose pages grade nothing."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the grid: a year's pillar or area."""

    year: str
    part: str
    is_area: bool


@dataclass(slots=True)
class Grid:
    """One sector's grades: names down, (year, part) across, and what the pages say where no grade was read."""

    sector: str
    names: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    cells: dict[tuple[str, str, str], GradeRow] = field(default_factory=dict)
    graded_years: set[tuple[str, str]] = field(default_factory=set)
    """(name, year) pairs with at least one grade."""
    why_part: dict[tuple[str, str, str], list[PageRow]] = field(default_factory=dict)
    """(name, year, pillar) -> the pillar pages that state no grade."""
    why_year: dict[tuple[str, str], list[PageRow]] = field(default_factory=dict)
    """(name, year) -> the pages of that year that state no grade."""
    merged: list[tuple[str, list[str]]] = field(default_factory=list)
    """(area as shown, [other names of it merged into it])."""
    latest: dict[tuple[str, str], list[PageRow]] = field(default_factory=dict)
    """(name, year) -> the newest version of each of its pages, those of kinds that grade nothing included."""
    year_starts: dict[str, int | None] = field(default_factory=dict)
    """Every year of a page (of any kind) -> its first year as a number, for ordering."""
    ungraded: list[PageRow] = field(default_factory=list)
    """The pages (newest versions) of kinds that grade nothing: they have no row or column in the grid."""


def build_grids(rows: Rows) -> list[Grid]:
    """One grid per sector (police first), from the database's rows."""
    grades: dict[str, list[GradeRow]] = defaultdict(list)
    pages: dict[str, list[PageRow]] = defaultdict(list)
    for grade in rows.grades:
        grades[grade.sector].append(grade)
    for page in rows.pages:
        pages[page.sector].append(page)
    sectors = sorted(grades.keys() | pages.keys(), key=lambda sector: (sector != "police", sector != "fire", sector))
    return [_grid(sector, grades[sector], pages[sector]) for sector in sectors]


def part_of(grade: GradeRow, shown: dict[str, str]) -> tuple[str, bool]:
    """The grade's column part (its pillar, or its area as shown) and whether it is an area."""
    if grade.pillar is None and grade.area is not None:
        return shown[grade.area], True
    return grade.pillar or grade.area or "(none)", False


def _grid(sector: str, grades: list[GradeRow], pages: list[PageRow]) -> Grid:
    grid, shown = Grid(sector), _shown_areas(grades)
    grid.merged = merges(shown)
    parts: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    for grade in grades:
        part, is_area = part_of(grade, shown)
        grid.cells.setdefault((grade.name, grade.year, part), grade)
        grid.graded_years.add((grade.name, grade.year))
        parts[grade.year].add((part, is_area))
    _pages(grid, pages)
    graded_kinds = [p for p in pages if p.ungraded_kind is None]
    grid.names = sorted({name for name, _ in grid.graded_years} | {p.name for p in graded_kinds}, key=name_order)
    starts = {g.year: g.year_start for g in grades} | {p.year: p.year_start for p in graded_kinds}
    grid.year_starts = starts | {p.year: p.year_start for p in pages}
    grid.years = sorted(starts, key=lambda year: (year == NO_YEAR, starts[year] or 0, year))
    for year in grid.years:
        year_parts = ordered(parts[year]) or [(NO_PART, False)]
        grid.columns += [Column(year, part, is_area) for part, is_area in year_parts]
    return grid


def _shown_areas(grades: list[GradeRow]) -> dict[str, str]:
    """Each area name -> the name shown; two names one force grades in one year stay apart."""
    shown = merged_names(Counter(grade.area for grade in grades if grade.area is not None))
    seen: dict[tuple[str, str, str], str] = {}
    apart: set[str] = set()
    for grade in grades:
        if grade.area is not None:
            first = seen.setdefault((grade.name, grade.year, shown[grade.area]), grade.area)
            if first != grade.area:
                apart |= {first, grade.area}
    return {name: name if name in apart else display for name, display in shown.items()}


def _pages(grid: Grid, pages: list[PageRow]) -> None:
    """Why grades are missing (pages that state none), and the newest version of each page."""
    newest: dict[tuple[str, str, str | None, str | None], PageRow] = {}
    for page in pages:
        key = (page.name, page.year, page.pillar, page.page_type)
        if key not in newest or page.version > newest[key].version:
            newest[key] = page
        if not page.graded and page.ungraded_kind is None:
            grid.why_year.setdefault((page.name, page.year), []).append(page)
            if page.pillar is not None:
                grid.why_part.setdefault((page.name, page.year, page.pillar), []).append(page)
    for page in newest.values():
        grid.latest.setdefault((page.name, page.year), []).append(page)
    grid.ungraded = [page for page in newest.values() if page.ungraded_kind is not None]


def name_order(name: str) -> tuple[bool, str]:
    return name == NO_NAME, name


def why_missing(grid: Grid, name: str, column: Column) -> list[PageRow]:
    """The pages that explain an empty cell: its pillar's pages that state no grade, or, where the
    name has no grade that year, the year's pages that state none."""
    if (name, column.year, column.part) in grid.why_part:
        return grid.why_part[(name, column.year, column.part)]
    if (name, column.year) in grid.graded_years:
        return []
    return grid.why_year.get((name, column.year), [])


def ungraded_names(grid: Grid) -> dict[str, list[PageRow]]:
    """The names with pages but no grade at all, with their pages."""
    graded = {name for name, _ in grid.graded_years}
    found: dict[str, list[PageRow]] = {}
    for (name, _), pages in grid.latest.items():
        if name not in graded:
            found.setdefault(name, []).extend(pages)
    return found
