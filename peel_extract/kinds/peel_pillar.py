"""Police PEEL pillar pages (2014-2018/19): one pillar of one force-year, its header and its questions."""

from __future__ import annotations

from ..records.police import PillarRecord, pillar_record
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
from ..segment.passes.evidence import read_pillar_page
from ..segment.prose import prose
from ..segment.questions import question, question_grade, question_number, questions_heading
from ..segment.rule import Rule
from ..segment.sections import subheading
from ..segment.state import KindSpec, State
from ..tables.rows import pillar_page_rows
from ..vocab import AFI_SENTENCE, PEEL_REPORTS_FROM, PILLARS, TITLE, peel_year
from .detect import Head, Sign, police_title

DESCRIPTION = "a PEEL pillar page"
SIGNS = (Sign.TITLE_LINE,)
SPEC = KindSpec("peel_pillar", (TITLE,), peel_year, PILLARS, "header", AFI_SENTENCE)
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
    list_item,
    subheading,
    list_paragraph,
    prose,
)
RECORD = PillarRecord
build = pillar_record
table_rows = pillar_page_rows
HEADER_FIELDS: Expected = (
    ("headline_question", "headline_missing", "the page shows no headline question"),
    ("pillar", "pillar_missing", "neither a pillar line nor the headline names the pillar"),
    ("last_updated", "last_updated_missing", "the page shows no 'Last updated' date"),
    ("judgment", "judgment_missing", "the page shows no grade line; judgment left empty"),
)


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line, "Staffordshire PEEL 2018" (PEEL reports have such titles from 2021)."""
    if sign is not Sign.TITLE_LINE:
        return None
    return head.first_title(lambda text, _: (year := police_title(text)) is not None and year < PEEL_REPORTS_FROM)


def draft() -> PillarPageDraft:
    return PillarPageDraft()


def finish(state: State[PillarPageDraft]) -> None:
    """Cut-off end, the pillar from the headline, prose grades and inspection statements, gaps."""
    mark_truncation(state)
    infer_pillar(state)
    read_pillar_page(state)
    warn_missing(state, state.header, HEADER_FIELDS)
    warn_disagreement(state, state.header, "page")
    warn_questions(state)
