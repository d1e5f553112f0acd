"""Rule: a report's graded-judgments table, row by row: a header row of grade words with each area in its
grade's column (one area per row, or several in a cell), or two columns, an area and its grade. A paragraph or
two between two parts of the table (a note, "Table continues", a footnote: two tables, or a paragraph inside the
table's markup) does not end it when the rows after fit the same columns or repeat its header.

Text scrapes lose the table; HTML keeps it as rows of cells (never read by class names).
"""

from __future__ import annotations

import re

from ..blocks import Block
from ..blocks.cells import Spanned
from ..vocab import TABLE_HEADER, report_grade
from .drafts import AreaDraft, GradeColumns, ReportDraft
from .prose import prose
from .rule import accepts
from .state import State

Cells = tuple[tuple[str, ...], ...]
_WORD = re.compile(r"[a-z0-9]+")
_LETTER = re.compile(r"[^\W\d_]")
# Words that do not tell two names of an area apart ("Protecting vulnerable people" / "... the ...").
_FILLERS = frozenset({"the", "and"})
# The most paragraphs between two parts of one judgments table (a note, "Table continues", a footnote).
_MAX_BREAK = 2


def area_key(name: str) -> str:
    """A name folded for comparison: case, punctuation, "&" and "the" do not count."""
    words = _WORD.findall(name.casefold().replace("&", " and "))
    return " ".join(w for w in words if w not in _FILLERS)


def find_area(report: ReportDraft, name: str) -> AreaDraft | None:
    """The area of that name the page has shown already (in its table or as a heading)."""
    return report.by_key.get(area_key(name))


def add_area(report: ReportDraft, area: AreaDraft) -> None:
    """A new area of the page, found by its name from now on (the first of a name is the one found)."""
    report.areas.append(area)
    report.by_key.setdefault(area_key(area.text), area)


@accepts(continues=["table"])
def judgments_table(state: State[ReportDraft], block: Block) -> bool:
    """A header row of grades sets the columns; each row after it, or a row of an area and a grade, grades areas.
    A paragraph between two parts of the table is taken as the prose it is, and the table goes on after it."""
    if block.kind != "row":
        return state.last_rule == "judgments_table" and _interrupts(state, block) and prose(state, block)
    header = _grade_columns(block.cells)
    if header is not None:
        state.grade_columns = header
        _table_at(state.page, block)
        return True
    columns = state.grade_columns  # the table open since the block before (the driver ends it)
    if columns is not None and _in_table(block.cells):
        _read_row(state, block, columns)
        return True
    graded = _pair(block.cells)
    if not graded and not _pairs_header(state, block):
        return False
    state.grade_columns = None  # a row of two columns, not of a table of grade columns
    for name, value in graded:
        _grade(state, name, value, block.line)
    if graded:
        _table_at(state.page, block)
    return True


def _interrupts(state: State[ReportDraft], block: Block) -> bool:
    """A paragraph in a short run of them (no heading, no list) right after the judgments table, before a row
    that goes on with it."""
    if block.kind != "para":
        return False
    blocks, before = state.blocks, 0
    while before < min(_MAX_BREAK, state.pos) and blocks[state.pos - before - 1].kind == "para":
        before += 1  # the paragraphs of the run taken already (a row of the table is before them)
    for offset in range(1, _MAX_BREAK - before + 1):
        following = state.peek(offset)
        if following is None or following.kind != "para":
            return following is not None and _goes_on(state, following, state.peek(offset + 1))
    return False


def _goes_on(state: State[ReportDraft], row: Block, after: Block | None) -> bool:
    """The row goes on with the table open: it repeats its header, or fits its grade columns (a name in a grade
    column, none past them, no grade or header word, no figure: a table of figures is another table); after a
    table of two columns, it is an area and its grade (or their header, before one)."""
    if row.kind != "row":
        return False
    columns = state.grade_columns
    if columns is None:
        return bool(_pair(row.cells)) or (after is not None and after.kind == "row" and _header_of_pairs(row, after))
    if _grade_columns(row.cells) == columns:
        return True
    filled = [index for index, lines in enumerate(row.cells) if lines]
    if not filled or filled[-1] >= columns.width or not any(index in columns.grades for index in filled):
        return False
    return all(_LETTER.search(line) for index in filled for line in row.cells[index]) and _in_table(row.cells)


def _grade_columns(cells: Cells) -> GradeColumns | None:
    """The grade of each column of a header row of two or more grades (maybe beside an "Area" cell), else None."""
    columns: dict[int, str] = {}
    for index, lines in enumerate(cells):
        value = report_grade(lines[0]) if len(lines) == 1 else None
        if value is not None:
            columns[index] = value
        elif lines and not (len(lines) == 1 and TABLE_HEADER.match(lines[0])):
            return None
    return GradeColumns(columns, len(cells)) if len(columns) >= 2 else None


def _in_table(cells: Cells) -> bool:
    """A row of the table of grade columns: a name in some cell, and no grade or header word in any (a row of
    another table)."""
    lines = [line for cell in cells for line in cell]
    if any(report_grade(line) or TABLE_HEADER.match(line) for line in lines):
        return False
    return any(_LETTER.search(line) for line in lines)


def _read_row(state: State[ReportDraft], block: Block, columns: GradeColumns) -> None:
    """Each line of a cell in a grade's column is an area of that grade. A row that does not fit the columns is
    read past, and said: text past the header's columns is kept in 'unplaced'; a name in a column with no grade
    is an area with no grade from the table."""
    strays: list[str] = []
    ungraded: list[str] = []
    spanning: list[str] = []
    wide = _spanning_grades(block, columns)
    for index, lines in enumerate(block.cells):
        for line in filter(_LETTER.search, lines):
            if index in wide:  # a caption or a note across the grade columns: in none of them
                spanning.append(line)
                state.page.unplaced.append((line, block.line))
            elif index in columns.grades:
                _grade(state, line, columns.grades[index], block.line)
            elif index >= columns.width:
                strays.append(line)
                state.page.unplaced.append((line, block.line))
            else:
                ungraded.append(line)
                _add_ungraded(state.page, line, block.line)
    _table_at(state.page, block)
    where = "a row of the judgments table has"
    if strays:
        message = f"{where} cells past its grade columns: {_quoted(strays)} is kept in 'unplaced'"
        state.warn("judgments_row_odd", message, block.line)
    if spanning:
        message = (
            f"{where} a cell across several grade columns: {_quoted(spanning)} is kept in 'unplaced', with no grade"
        )
        state.warn("judgments_row_odd", message, block.line)
    if ungraded:
        message = (
            f"{where} text in a column with no grade: area {_quoted(ungraded)} is kept with no grade from the table"
        )
        state.warn("judgments_row_odd", message, block.line)


def _spanning_grades(block: Block, columns: GradeColumns) -> set[int]:
    """The cells of an HTML row that span columns of two or more grades (a cell across the table): a cell and the
    columns it also covers, which the HTML reader marks (``Spanned``)."""
    found: set[int] = set()
    cells = block.cells
    for start, lines in enumerate(cells):
        if not lines or isinstance(lines, Spanned):
            continue
        end = start + 1
        while end < len(cells) and isinstance(cells[end], Spanned):
            end += 1
        if len({columns.grades.get(index) for index in range(start, end)} - {None}) > 1:
            found.add(start)
    return found


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"'{text}'" for text in texts)


def _add_ungraded(report: ReportDraft, name: str, line: int) -> None:
    if find_area(report, name) is None:
        add_area(report, AreaDraft(number=None, text=name, line=line))


def _pair(cells: Cells) -> list[tuple[str, str]]:
    """A row of two cells, one a grade: each line of the other is an area of that grade."""
    filled = [lines for lines in cells if lines]
    if len(filled) != 2:
        return []
    grades = [report_grade(lines[0]) if len(lines) == 1 else None for lines in filled]
    if (grades[0] is None) == (grades[1] is None):
        return []
    value = grades[0] or grades[1]
    names = filled[1] if grades[0] else filled[0]
    return [(name, value) for name in names if _LETTER.search(name)] if value else []


def _pairs_header(state: State[ReportDraft], block: Block) -> bool:
    """The "Area | Grade" header of a two-column table: taken when a row of an area and its grade follows."""
    following = state.peek()
    return following is not None and following.kind == "row" and _header_of_pairs(block, following)


def _header_of_pairs(block: Block, following: Block) -> bool:
    """The row is the header of header words of a table of two columns whose next row is an area and its grade."""
    headers = [lines for lines in block.cells if lines]
    if not _pair(following.cells):
        return False
    return all(len(lines) == 1 and TABLE_HEADER.match(lines[0]) for lines in headers)


def _grade(state: State[ReportDraft], name: str, value: str, line: int) -> None:
    report = state.page
    area = find_area(report, name)
    if area is None:
        add_area(report, AreaDraft(number=None, text=name, line=line, judgment=value, judgment_source="table"))
    elif area.judgment != value:
        message = f"area '{name}' is graded twice in the table: {area.judgment}, then {value}; the first is kept"
        state.warn("judgment_disagrees", message, line)


def _table_at(report: ReportDraft, block: Block) -> None:
    if report.table_line is None:
        report.table_line = block.line
