"""The grade page's two tables: the grade grid, and the areas for improvement per name and year.

Both scroll inside their own box with the names column and the header rows sticky, so a wide grid
stays readable on a narrow screen. Every cell's tooltip (its title) says where its value was read.
"""

from __future__ import annotations

from html import escape

from .grid import NO_PART, Column, Grid, name_order, ungraded_names, why_missing
from .read import NO_YEAR, GradeRow, PageRow
from .style import CLASSES, STYLES

_READ_FROM = {"grade_line": "the grade line", "table": "the graded-judgments table", "text": "a sentence"}
_NAMES = {"police": "Force", "fire": "Service"}
_LONG_NAME = 24


def grid_table(grid: Grid) -> str:
    """The grid: a row per name, a column per (year, pillar or area)."""
    starts = _year_starts(grid.columns)
    spans = "".join(f'<th colspan="{starts[year][1]}" class="ys">{escape(year)}</th>' for year in starts)
    parts = "".join(_part_header(column, starts) for column in grid.columns)
    corner = f'<th rowspan="2" class="corner">{_NAMES.get(grid.sector, "Name")}</th>'
    head = f'<thead><tr class="years">{corner}{spans}</tr><tr class="parts">{parts}</tr></thead>'
    nothing = ungraded_names(grid)
    rows = [_row(grid, name, starts, nothing.get(name)) for name in grid.names]
    table = f'<table class="grid" data-sector="{escape(grid.sector)}">'
    return f'<div class="scroll">{table}{head}\n<tbody>' + "\n".join(rows) + "</tbody></table></div>"


def _name_cell(name: str) -> str:
    """A row's name; a long one (a regional organised crime unit's) wraps, so the grid still fits a wide screen."""
    long = ' class="long"' if len(name) > _LONG_NAME else ""
    return f'<th scope="row"{long}>{escape(name)}</th>'


def _year_starts(columns: list[Column]) -> dict[str, tuple[Column, int]]:
    """Each year's first column and its number of columns."""
    starts: dict[str, tuple[Column, int]] = {}
    for column in columns:
        first, count = starts.get(column.year, (column, 0))
        starts[column.year] = (first, count + 1)
    return starts


def _part_header(column: Column, starts: dict[str, tuple[Column, int]]) -> str:
    label = "(nothing graded)" if column.part == NO_PART else column.part
    short = label if len(label) <= 46 else label[:44].rsplit(" ", 1)[0] + "…"
    classes = "ys part" if starts[column.year][0] is column else "part"
    return f'<th class="{classes}" title="{escape(label)}"><span>{escape(short)}</span></th>'


def _row(grid: Grid, name: str, starts: dict[str, tuple[Column, int]], nothing: list[PageRow] | None) -> str:
    head = f"<tr>{_name_cell(name)}"
    if nothing is not None:
        why = escape(reasons(nothing))
        return f'{head}<td class="nothing" colspan="{len(grid.columns)}" title="{why}">no grade read: {why}</td></tr>'
    return head + "".join(_cell(grid, name, column, starts) for column in grid.columns) + "</tr>"


def _cell(grid: Grid, name: str, column: Column, starts: dict[str, tuple[Column, int]]) -> str:
    data = f'data-name="{escape(name)}" data-year="{escape(column.year)}" data-part="{escape(column.part)}"'
    first = ["ys"] if starts[column.year][0] is column else []
    grade = grid.cells.get((name, column.year, column.part))
    if grade is None:
        pages = why_missing(grid, name, column)
        if not pages:
            return f'<td class="{" ".join([*first, "none"])}" {data} data-grade=""></td>'
        title = escape(f"{name} {column.year} {column.part}: no grade read: {reasons(pages)}")
        return f'<td class="{" ".join([*first, "missing"])}" {data} data-grade="" title="{title}"></td>'
    classes = [*first, CLASSES.get(grade.grade, "none"), *(["text"] if grade.judged_by == "text" else []),
               *(["conflict"] if grade.conflict else [])]  # fmt: skip
    letters = STYLES.get(grade.grade, ("", "", "?"))[2]
    title = escape(cell_title(name, column, grade))
    return f'<td class="{" ".join(classes)}" {data} data-grade="{escape(grade.grade)}" title="{title}">{letters}</td>'


def cell_title(name: str, column: Column, grade: GradeRow) -> str:
    """A grade's tooltip: what it is, and the page (and, for a grade read from prose, the sentence) it came from."""
    written = grade.area if column.is_area and grade.area != column.part else None
    lines = [f"{name} {column.year} {column.part}: {grade.grade}"]
    lines.append(f"Read from {_READ_FROM.get(grade.judged_by, grade.judged_by)} of {grade.source}")
    if grade.judged_by == "text" and grade.evidence:
        lines.append(f"“{grade.evidence}”")
    if written:
        lines.append(f"The page calls the area “{written}”")
    if grade.conflict:
        lines.append("Versions of the page disagree and their dates do not order them")
    return "\n".join(lines)


def reasons(pages: list[PageRow]) -> str:
    """Why pages gave no grade: each distinct reason once, with the pages it holds for."""
    found: dict[str, list[str]] = {}
    for page in pages:
        found.setdefault(page.problem or "the page states no grade", []).append(page.source)
    return "; ".join(f"{why} ({', '.join(sources[:3])}{' ...' if len(sources) > 3 else ''})"
                     for why, sources in found.items())  # fmt: skip


def counts_table(grid: Grid) -> str:
    """Areas for improvement per name and year, from the newest version of each page."""
    years = sorted({year for _, year in grid.latest}, key=lambda y: (y == NO_YEAR, grid.year_starts.get(y) or 0, y))
    if not years:
        return "<p>No page of this sector.</p>"
    head = f'<th class="corner">{_NAMES.get(grid.sector, "Name")}</th>' + "".join(
        f"<th>{escape(y)}</th>" for y in years
    )
    rows = []
    for name in sorted({name for name, _ in grid.latest}, key=name_order):  # pages that grade nothing too
        cells = "".join(_count_cell(name, year, grid.latest.get((name, year), [])) for year in years)
        rows.append(f"<tr>{_name_cell(name)}{cells}</tr>")
    table = f'<table class="counts" data-sector="{escape(grid.sector)}"><thead><tr>{head}</tr></thead>'
    return f'<div class="scroll">{table}<tbody>' + "\n".join(rows) + "</tbody></table></div>"


def _what(page: PageRow) -> str:
    return page.pillar or page.ungraded_kind or page.page_type or "page"


def _causes(page: PageRow) -> str:
    """A page's causes of concern and recommendations, where it has any."""
    if not (page.causes or page.recommendations):
        return ""
    return f", causes of concern {page.causes}, recommendations {page.recommendations}"


def _count_cell(name: str, year: str, pages: list[PageRow]) -> str:
    if not pages:
        return "<td></td>"
    total = sum(page.areas for page in pages)
    lines = [f"{name} {year}: {total} areas for improvement, newest version of each page:"]
    lines += [f"{_what(page)}: {page.areas}{_causes(page)} ({page.source})" for page in pages]
    shade = f' style="background: rgba(244, 109, 67, {min(total, 12) / 16:.2f})"' if total else ""
    return f'<td data-count="{total}" title="{escape(chr(10).join(lines))}"{shade}>{total}</td>'
