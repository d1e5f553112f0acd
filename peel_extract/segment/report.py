"""Rules of report pages (PEEL 2021/22 and 2023-25, fire and rescue 2023-25): the page's h1, the opening's
headings, the sections that frame the report, and each area's heading and grade line.

An area's own section has not been seen in any page held here; it follows the earlier pages' grammar: a
heading naming the area, maybe a grade line, the grade sentence ("X is adequate at investigating crime."),
then list headings, practice and findings, which the shared rules read inside the area.
"""

from __future__ import annotations

from ..blocks import Block
from ..vocab import (
    AREA_GRADE_SENTENCE,
    CONTEXT_HEADING,
    FULL_NAME,
    REPORT_AREAS,
    REPORT_HEADINGS,
    REPORT_TITLE,
    ROUND,
    TITLE_PARTS,
    report_grade,
    report_round,
    short_name,
)
from .drafts import AreaDraft, ReportDraft, SectionDraft
from .header import preamble, title_line
from .judgments_table import add_area, area_key, find_area, judgments_table
from .lists import list_heading, list_item, list_paragraph
from .overview import observations
from .passes.evidence import first_sentence
from .practice import practice_heading, practice_text
from .prose import prose
from .rule import Rule, accepts
from .sections import MAX_HEADING, looks_like_heading, subheading
from .state import D, State

_AREA_KEYS = frozenset(area_key(name) for name in REPORT_AREAS)
_MAX_CONTEXT_HEADING = 60


def title_facts(text: str) -> tuple[str | None, str | None, str | None]:
    """(short name, full name, round) that a title or h1 gives; each None where it gives none."""
    found = ROUND.search(text)
    year = report_round(found["year"], found["end"]) if found else None
    for part in TITLE_PARTS.split(text):
        full = FULL_NAME.search(part)
        if full is not None:
            return short_name(full["name"]), full["name"], year
        line = REPORT_TITLE.match(part)
        if line is not None:
            return line["force"], None, year
    return None, None, year


def take_names(page: ReportDraft, facts: tuple[str | None, str | None, str | None], source: str) -> None:
    """Fill the name, full name and round that are still empty, saying where each came from."""
    name, full, year = facts
    if page.name is None and name is not None:
        page.name, page.name_source = name, source
    if page.full_name is None and full is not None and name == page.name:
        page.full_name = full
    if page.year is None and year is not None:
        page.year, page.year_source = year, source


@accepts(paragraphs=False)  # headings only
def report_title(state: State[ReportDraft], block: Block) -> bool:
    """The page's h1, before any of its text, names the force or service, or the round (HTML only)."""
    report = state.page
    if block.level != 1 or report.heading is not None or not _at_top(state):
        return False
    facts = title_facts(block.text)
    if facts == (None, None, None):
        return False
    report.heading = block.text
    take_names(state.page, facts, "h1")
    return True


def _at_top(state: State[ReportDraft]) -> bool:
    return state.phase == "preamble" or not (state.header.summary or state.section or state.page.areas)


@accepts(longest=20)
def report_heading(state: State[D], block: Block) -> bool:
    """The headings "Overall summary" and "Our judgments" open the summary: structure, kept in no field."""
    if block.kind == "item" or state.question is not None or not REPORT_HEADINGS.match(block.text):
        return False
    state.section = None
    return True


@accepts(longest=_MAX_CONTEXT_HEADING)
def context_heading(state: State[ReportDraft], block: Block) -> bool:
    """A heading of the report's framing ("Important changes to PEEL", "Terminology in this report") opens
    a context section; it also ends any area."""
    if block.kind == "item" or not CONTEXT_HEADING.match(block.text):
        return False
    section = SectionDraft(block.text, block.line)
    state.page.context_sections.append(section)
    state.question, state.section = None, section
    return True


@accepts(longest=MAX_HEADING)
def area_heading(state: State[ReportDraft], block: Block) -> bool:
    """A heading naming an area of the table, a known area, or followed by a grade opens that area."""
    if block.kind == "item" or not looks_like_heading(state, block):
        return False
    report = state.page
    area = find_area(report, block.text)
    if area is None and (area_key(block.text) in _AREA_KEYS or _graded_next(state)):
        area = AreaDraft(number=None, text=block.text, line=block.line)
        add_area(report, area)
    if area is None:
        return False
    state.question, state.section = area, None
    return True


def _graded_next(state: State[D]) -> bool:
    """The next block is a grade line, or a sentence grading the force or service by name."""
    following = state.peek()
    if following is None or following.kind == "item":
        return False
    if report_grade(following.text) is not None:
        return True
    return AREA_GRADE_SENTENCE.match(first_sentence(following.text)) is not None


@accepts(longest=40, after=["area_heading"])
def area_grade(state: State[D], block: Block) -> bool:
    """A grade alone on its line, right after an area's heading: the area's grade line."""
    area = state.question
    value = report_grade(block.text) if block.kind != "item" else None
    if value is None or not isinstance(area, AreaDraft):
        return False
    if area.judgment is None:
        area.judgment, area.judgment_source = value, "grade_line"
    elif area.judgment != value:
        message = f"area '{area.text}': the table says {area.judgment}, its grade line says {value}"
        state.warn("judgment_disagrees", message, block.line)
    return True


# The chain of both kinds of report; before the first area, a heading of no known kind opens a page section.
REPORT_RULES: tuple[Rule, ...] = (
    report_title,
    title_line,
    preamble,
    report_heading,
    judgments_table,
    context_heading,
    observations,
    list_heading,
    practice_heading,
    area_heading,
    area_grade,
    list_item,
    practice_text,
    subheading,
    list_paragraph,
    prose,
)
