"""Last step of segmentation: what only the whole page shows (cut-off end, carried-over, gaps)."""

from __future__ import annotations

from ..blocks.common import TERMINAL
from ..vocab import CARRIED_OVER
from .state import PageDraft, QuestionDraft, State


def finish(state: State) -> PageDraft:
    """Mark a cut-off end, read carried-over statements and warn about what the page lacks."""
    page = state.page
    _mark_truncation(state)
    for question in page.questions:
        question.carried_over_from = _carried_over(question)
    _warn_missing(state)
    return page


def _mark_truncation(state: State) -> None:
    if not state.blocks:
        return
    last = state.blocks[-1]
    if last.text.endswith(TERMINAL):
        return
    state.page.truncated = True
    question = state.question
    if question is not None:
        question.truncated = True
    where = f"in question '{question.text}'" if question else "before the first question"
    state.warn("truncated", f"the page stops mid-sentence {where}", last.line)


def _carried_over(question: QuestionDraft) -> str | None:
    for section in question.sections:
        for paragraph in section.paragraphs:
            match = CARRIED_OVER.search(paragraph)
            if match is not None:
                return match["year"]
    return None


def _warn_missing(state: State) -> None:
    page = state.page
    if page.headline_question is None:
        state.warn("headline_missing", "the page shows no headline question", None)
    if page.pillar is None:
        state.warn("pillar_missing", "neither a pillar line nor the headline names the pillar", None)
    if page.last_updated is None:
        state.warn("last_updated_missing", "the page shows no 'Last updated' date", None)
    if page.judgment is None:
        state.warn("judgment_missing", "the page shows no grade line; judgment left empty", None)
    for question in page.questions:
        if question.judgment is None and not question.truncated:
            message = f"question '{question.text}' shows no grade line; judgment left empty"
            state.warn("question_judgment_missing", message, question.line)
