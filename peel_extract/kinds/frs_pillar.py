"""Fire and rescue pillar pages (2018/19, 2021/22): one pillar of one service's round, and its questions.

Their grammar is the police pillar page's, with the service's words: "Questions for Effectiveness",
areas for improvement written as paragraphs, "Promising practice", and the previous round's grade.
"""

from __future__ import annotations

from ..records.fire import FrsPillarRecord, frs_pillar_record
from ..segment import PillarPageDraft
from ..segment.header import grade_line, headline, last_updated, pillar_line, preamble, title_line
from ..segment.lists import list_heading, list_item, list_paragraph
from ..segment.passes.checks import (
    Expected,
    infer_pillar,
    mark_truncation,
    warn_disagreement,
    warn_missing,
    warn_questions,
)
from ..segment.passes.fire_evidence import check_scale, full_name, read_grades
from ..segment.practice import practice_heading, practice_text
from ..segment.prose import prose
from ..segment.questions import is_question, question, question_grade, question_number, questions_heading
from ..segment.rule import Rule
from ..segment.sections import subheading
from ..segment.state import KindSpec, State
from ..tables.rows import pillar_page_rows
from ..vocab import FIRE_AND_RESCUE, FRS_AFI_SENTENCE, FRS_PILLARS, FRS_REPORTS_FROM, YEAR_TITLE, round_year
from .detect import Following, Head, Sign, fire_title, overview_after_title, overview_text

DESCRIPTION = "a fire and rescue service pillar page"
SIGNS = (Sign.TITLE_LINE, Sign.SECTOR)
SPEC = KindSpec("frs_pillar", (YEAR_TITLE,), round_year, FRS_PILLARS, "header", FRS_AFI_SENTENCE)
RULES: tuple[Rule, ...] = (
    title_line,
    preamble,
    pillar_line,
    headline,
    last_updated,
    grade_line,
    question_grade,
    questions_heading,
    question_number,
    question,
    list_heading,
    practice_heading,
    list_item,
    practice_text,
    subheading,
    list_paragraph,
    prose,
)
RECORD = FrsPillarRecord
build = frs_pillar_record
table_rows = pillar_page_rows
PAGE_FIELDS: Expected = (
    ("name", "service_missing", "the page has no title line naming the service"),
    ("year", "year_missing", "the page names no inspection round"),
)
HEADER_FIELDS: Expected = (
    ("headline_question", "headline_missing", "the page shows no headline question"),
    ("pillar", "pillar_missing", "neither a pillar line nor the headline names the pillar"),
    ("last_updated", "last_updated_missing", "the page shows no 'Last updated' date"),
    ("judgment", "judgment_missing", "the page shows no grade line; judgment left empty"),
)
# The pillar's grade sentence is in its first paragraph; a question's in one of its first two.
_HEADER_REACH = 1
_QUESTION_REACH = 2


def detect(head: Head, sign: Sign) -> int | None:
    """A fire and rescue title line before 2023 ("Essex 2018/19") with no overview's lines after it; untitled,
    a question naming the fire and rescue service, and no overview's lines."""
    if sign is Sign.TITLE_LINE:
        return head.first_title(_title)
    if sign is Sign.SECTOR and head.any(_fire_question) and not overview_text(head):
        return 0
    return None


def _title(text: str, following: Following) -> bool:
    year = fire_title(text, following)
    return year is not None and year < FRS_REPORTS_FROM and not overview_after_title(following)


def _fire_question(text: str) -> bool:
    return is_question(text) and FIRE_AND_RESCUE.search(text) is not None


def draft() -> PillarPageDraft:
    return PillarPageDraft()


def finish(state: State[PillarPageDraft]) -> None:
    """Cut-off end, the pillar from the headline, prose and previous grades, the scale, the full name, gaps."""
    mark_truncation(state)
    infer_pillar(state)
    header = state.header
    read_grades(header, header.summary, _HEADER_REACH)
    check_scale(state, header, "page")
    for draft in state.page.questions:
        paragraphs = [p for s in draft.sections for p in s.paragraphs]
        read_grades(draft, paragraphs, _QUESTION_REACH)
        check_scale(state, draft, f"question '{draft.text}'")
    full_name(state, header.summary + [p for q in state.page.questions for s in q.sections for p in s.paragraphs])
    warn_missing(state, state.page, PAGE_FIELDS)
    warn_missing(state, header, HEADER_FIELDS)
    warn_disagreement(state, header, "page")
    warn_questions(state)
