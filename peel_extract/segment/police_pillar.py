"""Police PEEL pillar pages (2014-2018/19): one pillar of one force-year, its header and its questions."""

from __future__ import annotations

from ..vocab import AFI_SENTENCE, PILLARS, TITLE, peel_year
from .header import grade_line, headline, last_updated, pillar_line, preamble, title_line
from .lists import list_heading, list_item, list_paragraph
from .passes.checks import Expected, infer_pillar, mark_truncation, warn_disagreement, warn_missing, warn_questions
from .passes.evidence import read_pillar_page
from .prose import prose
from .questions import question, question_grade, question_number, questions_heading
from .rule import Rule
from .sections import subheading
from .state import KindSpec, State

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
HEADER_FIELDS: Expected = (
    ("headline_question", "headline_missing", "the page shows no headline question"),
    ("pillar", "pillar_missing", "neither a pillar line nor the headline names the pillar"),
    ("last_updated", "last_updated_missing", "the page shows no 'Last updated' date"),
    ("judgment", "judgment_missing", "the page shows no grade line; judgment left empty"),
)


def finish(state: State) -> None:
    """Cut-off end, the pillar from the headline, prose grades and inspection statements, gaps."""
    mark_truncation(state)
    infer_pillar(state)
    read_pillar_page(state)
    warn_missing(state, state.header, HEADER_FIELDS)
    warn_disagreement(state, state.header, "page")
    warn_questions(state)
