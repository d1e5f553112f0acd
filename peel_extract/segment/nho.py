"""Rules of the PEEL reports of forces outside the Home Office set (BTP, PSNI, CNC, NCA): the title line naming the
force, the judgments table as its scrape kept it ("Area Grade" lines, or cells between pipes with no leading one,
or an HTML table), the one graded judgment written as a sentence, the headings framing the report, and on a page
grading one area, the rest of the report as that area's findings. The rest is read as a Home Office report is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..blocks import Block
from ..vocab import (
    FRAMING_HEADING,
    JUDGMENT_HEADINGS,
    NHO_PEEL_TITLE,
    NHO_SUBJECT_TITLE,
    ONE_JUDGMENT,
    SUBJECT_GRADE,
    TABLE_HEADER,
    TABLE_ROW,
    count,
    prose_grade,
    report_grade,
)
from .drafts import AreaDraft
from .judgments_table import add_area, find_area
from .publications import PublicationDraft, framing
from .rule import accepts
from .sections import MAX_HEADING, looks_like_heading
from .state import State

_LONGEST_TITLE = 200
_LONGEST_ROW = 250


@dataclass(slots=True)
class NhoDraft(PublicationDraft):
    """A report of a force outside the Home Office set: the year of its commission besides a report's parts."""

    commissioned: str | None = None
    """The year "In 2021, we were commissioned ..." gives."""


@accepts(longest=_LONGEST_TITLE, phases=["preamble", "summary"])
def nho_title(state: State[NhoDraft], block: Block) -> bool:
    """The title line (the h1, or a text scrape's first line) names the force in full: "Inspection into British
    Transport Police effectiveness, efficiency and legitimacy", "The Police Service of Northern Ireland: An
    inspection of crime data integrity"."""
    page = state.page
    found = NHO_PEEL_TITLE.match(block.text) or NHO_SUBJECT_TITLE.match(block.text)
    if found is None or page.heading is not None or page.header.summary or page.areas or page.context_sections:
        return False
    page.heading = block.text
    page.name = page.full_name = found["name"]
    page.name_source = "h1"
    return True


@accepts(longest=20)
def judgment_heading(state: State[NhoDraft], block: Block) -> bool:
    """The headings "Overall judgment" and "Our judgment" over a page's one judgment: structure, kept in no field."""
    if block.kind == "item" or state.question is not None or not JUDGMENT_HEADINGS.match(block.text):
        return False
    state.section = None
    return True


@accepts(longest=60, continues=["table"])
def table_header(state: State[NhoDraft], block: Block) -> bool:
    """The header of a two-column judgments table: "Area Grade" or "Area | Grade |" kept as text, or a row of cells."""
    if block.kind == "item" or not _is_header(block):
        return False
    _table_at(state.page, block)
    return True


def _is_header(block: Block) -> bool:
    if block.kind == "row":
        cells = [lines[0] for lines in block.cells if len(lines) == 1]
        filled = [lines for lines in block.cells if lines]
        return len(cells) == len(filled) >= 2 and all(TABLE_HEADER.match(cell) for cell in cells)
    if "|" in block.text:
        cells = _piped(block.text)
        return len(cells) >= 2 and all(TABLE_HEADER.match(cell) for cell in cells)
    words = block.text.split(" ")
    return any(
        TABLE_HEADER.match(" ".join(words[:cut])) and TABLE_HEADER.match(" ".join(words[cut:]))
        for cut in range(1, len(words))
    )


@accepts(longest=_LONGEST_ROW, after=["table_header", "table_row"], continues=["table"])
def table_row(state: State[NhoDraft], block: Block) -> bool:
    """A row under that header: "<area> <Grade>", "<area> | <Grade> |" or a row of two cells; a row whose grade
    cell is empty (a page cut inside the table) is an area with no grade."""
    row = _row(block) if block.kind != "item" else None
    if row is None:
        return False
    name, value = row
    page = state.page
    area = find_area(page, name)
    if area is None:
        source = "table" if value is not None else None
        add_area(page, AreaDraft(number=None, text=name, line=block.line, judgment=value, judgment_source=source))
    elif value is not None and area.judgment != value:
        message = f"area '{name}' is graded twice in the table: {area.judgment}, then {value}; the first is kept"
        state.warn("judgment_disagrees", message, block.line)
    _table_at(page, block)
    return True


def _row(block: Block) -> tuple[str, str | None] | None:
    """(area, grade or None) of a row of an area and its grade; None for a block that is no such row."""
    if block.kind == "row":
        name, grade = block.cells if len(block.cells) == 2 else ((), ())
        if len(name) != 1 or len(grade) > 1:
            return None  # several areas in a cell: the shared judgments table reads them
        cells = [name[0], *grade]
    elif "|" in block.text:
        cells = _piped(block.text)
    else:
        found = TABLE_ROW.match(block.text)
        cells = [found["area"], found["grade"]] if found is not None else []
    if not 1 <= len(cells) <= 2 or not cells[0] or TABLE_HEADER.match(cells[0]):
        return None
    value = report_grade(cells[1]) if len(cells) == 2 and cells[1] else None
    if len(cells) == 2 and cells[1] and value is None:
        return None
    return cells[0], value


def table_grade(block: Block) -> str | None:
    """The grade of a table's row (None for a row whose grade cell is empty, or a block that is no row)."""
    row = _row(block)
    return row[1] if row is not None else None


def _piped(text: str) -> list[str]:
    """The cells of a line written between pipes, maybe with no leading or no trailing one ("Area | Grade |")."""
    cells = [cell.strip() for cell in text.split("|")]
    if cells and not cells[0]:
        cells.pop(0)
    if cells and not cells[-1]:
        cells.pop()
    return cells


def _table_at(page: NhoDraft, block: Block) -> None:
    if page.table_line is None:
        page.table_line = block.line


@accepts(longest=300, phases=["summary"])
def one_grade(state: State[NhoDraft], block: Block) -> bool:
    """The sentence after "We make one graded judgment as follows:" is the page's judgment of its one area: "The
    Police Service of Northern Ireland’s crime data integrity is good." (kept in the summary too)."""
    page, summary = state.page, state.header.summary
    found = SUBJECT_GRADE.match(block.text) if block.kind == "para" and state.section is None else None
    intro = ONE_JUDGMENT.search(summary[-1]) if summary and found is not None else None
    graded = [a for a in page.areas if a.judgment_source == "sentence"]
    if found is None or not (intro or (graded and graded[-1].judgment_evidence == summary[-1])):
        return False
    summary.append(block.text)
    value = prose_grade(found["grade"] or found["ri"])
    area = AreaDraft(number=None, text=found["area"], line=block.line, judgment=value, judgment_source="sentence")
    area.judgment_evidence = block.text
    add_area(page, area)
    if intro is not None:
        page.areas_graded = count(intro["graded"])
    if page.name is None:
        page.name = page.full_name = found["name"]
        page.name_source = "text"
    return True


@accepts(longest=20, phases=["summary", "questions"])
def nho_framing(state: State[NhoDraft], block: Block) -> bool:
    """ "Introduction", "About us", "Our commission": the report's framing, a context section (it ends any area)."""
    return framing(state, block, FRAMING_HEADING)


@accepts(longest=MAX_HEADING, phases=["summary"])
def sole_area_heading(state: State[NhoDraft], block: Block) -> bool:
    """On a page grading one area by its sentence (PSNI's crime data integrity), a heading outside the report's
    framing opens a section of that area: the report's findings are that area's."""
    areas = state.page.areas
    if block.kind == "item" or len(areas) != 1 or areas[0].judgment_source != "sentence":
        return False
    if not looks_like_heading(state, block):
        return False
    state.question = areas[0]
    state.open_section(block.text, block.line)
    return True
