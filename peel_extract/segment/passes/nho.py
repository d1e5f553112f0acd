"""Post-pass of the reports of forces outside the Home Office set: the force (from the HTML title, or the text, for
a page without its title line), the year of the commission, each area's grade sentence and lists, and what the page
lacks (its judgments: a table, or the one sentence)."""

from __future__ import annotations

from ...vocab import (
    ASSESSED,
    COMMISSION,
    COMMISSIONED,
    HTML_TITLE_PARTS,
    NHO_PEEL_TITLE,
    NHO_SUBJECT_TITLE,
    TITLE_PARTS,
)
from ..nho import NhoDraft, table_grade
from ..state import State
from .checks import Expected, mark_truncation, warn_missing
from .report import area_grade_in_text, check_lists

PAGE_FIELDS: Expected = (
    ("name", "force_missing", "the page names no force (no title line, HTML title or commission sentence)"),
    ("year", "year_missing", "the page states no year of its commission"),
)


def finish_nho(state: State[NhoDraft]) -> None:
    """Everything only the whole page shows."""
    mark_truncation(state)
    _cut_in_table(state)
    page = state.page
    _name_from_title(page)
    _commission(page)
    for area in page.areas:
        if area.judgment_source != "sentence":  # the page's one grade sentence is its judgment and evidence
            area_grade_in_text(state, area)
        check_lists(state, area)
    _warn_judgments(state)
    warn_missing(state, page, PAGE_FIELDS)


def _cut_in_table(state: State[NhoDraft]) -> None:
    """A page that ends on a row of its judgments table whose grade cell is empty was cut inside the table."""
    last = state.blocks[-1] if state.blocks else None
    if last is None or state.last_rule != "table_row" or table_grade(last) is not None:
        return
    state.page.truncated = True
    state.warn("truncated", f"the page stops inside its judgments table, at the row '{last.text}'", last.line)


def _name_from_title(page: NhoDraft) -> None:
    """A page without its title line: the HTML <title> may hold it (a subject title whole, with its colon)."""
    if page.name is not None or page.title is None:
        return
    for part in (*HTML_TITLE_PARTS.split(page.title), *TITLE_PARTS.split(page.title)):
        found = NHO_PEEL_TITLE.match(part) or NHO_SUBJECT_TITLE.match(part)
        if found is not None:
            page.name = page.full_name = found["name"]
            page.name_source = "title"
            return


def _commission(page: NhoDraft) -> None:
    """ "In 2021, we were commissioned by the Minister of State for Transport to inspect British Transport Police":
    the year (the page's), and the force for a page that names it nowhere else (or "Our inspection assessed the
    Police Service of Northern Ireland’s crime data integrity")."""
    framing = [p for s in page.context_sections for p in s.paragraphs]
    for paragraph in page.header.summary + framing:
        found = COMMISSIONED.search(paragraph)
        if found is not None and page.commissioned is None:
            page.commissioned = page.year = found["year"]
            page.year_source = "commissioned"
        named = COMMISSION.search(paragraph) or ASSESSED.search(paragraph)
        if named is not None and named["name"] and page.name is None:
            page.name = page.full_name = named["name"]
            page.name_source = "text"


def _warn_judgments(state: State[NhoDraft]) -> None:
    """No judgments table (and no one-sentence judgment); graded areas that differ from the count the page states."""
    page = state.page
    if page.table_line is None and not any(a.judgment_source == "sentence" for a in page.areas):
        message = "the page shows no judgments table and no graded judgment as a sentence; no area has a grade from one"
        state.warn("judgments_table_missing", message, None)
    found = sum(1 for area in page.areas if area.judgment or area.judgment_in_text)
    expected = page.areas_graded
    if expected is not None and found != expected and not (page.truncated and found < expected):
        message = f"the page says {expected} areas are graded; {found} graded areas were found"
        state.warn("area_count_mismatch", message, page.table_line)
