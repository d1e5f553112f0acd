"""Last step of segmentation: what only the whole page shows (cut-off end, prose grades, gaps)."""

from __future__ import annotations

from ..blocks.common import TERMINAL
from .evidence import read_overview, read_pillar_page
from .state import HeaderDraft, PageDraft, QuestionDraft, State


def finish(state: State) -> PageDraft:
    """Mark a cut-off end, read prose grades and inspection statements, warn about gaps."""
    page = state.page
    _mark_truncation(state)
    if page.page_type == "peel_pillar":
        read_pillar_page(state)
        _warn_pillar_page(state)
    else:
        read_overview(state)
        _warn_overview(state)
    return page


# Rules whose block can be cut mid-sentence; the others (title, date, grade, inspector ...) are whole lines.
_RUNNING_TEXT = frozenset({"prose", "list_item", "list_paragraph", "question"})


def _mark_truncation(state: State) -> None:
    if not state.blocks or state.last_rule not in _RUNNING_TEXT:
        return
    last = state.blocks[-1]
    if last.text.endswith(TERMINAL):
        return
    state.page.truncated = True
    question = state.question
    if question is not None:
        question.truncated = True
    where = f"in question '{question.text}'" if question else "(the rest of the page is missing)"
    state.warn("truncated", f"the page stops mid-sentence {where}", last.line)


def _warn_disagreement(state: State, graded: HeaderDraft | QuestionDraft, what: str) -> None:
    """Grade line and prose both give a grade, and not the same one: both are kept, and said."""
    if graded.judgment is not None and graded.judgment_in_text not in (None, graded.judgment):
        message = f"{what}: the grade line says {graded.judgment}, the text says {graded.judgment_in_text}"
        state.warn("judgment_disagrees", message, graded.line)


# (field, warning code, message) for each header field a pillar page should show.
_HEADER_FIELDS = (
    ("headline_question", "headline_missing", "the page shows no headline question"),
    ("pillar", "pillar_missing", "neither a pillar line nor the headline names the pillar"),
    ("last_updated", "last_updated_missing", "the page shows no 'Last updated' date"),
    ("judgment", "judgment_missing", "the page shows no grade line; judgment left empty"),
)
# (field, warning code, message) for each page field an overview page should show.
_OVERVIEW_FIELDS = (
    ("force", "force_missing", "the page has no title line naming the force"),
    ("year", "year_missing", "the page names no PEEL year"),
)


def _warn_pillar_page(state: State) -> None:
    header = state.header
    for name, code, message in _HEADER_FIELDS:
        if getattr(header, name) is None:
            state.warn(code, message, None)
    _warn_disagreement(state, header, "page")
    for question in state.page.questions:
        if question.judgment is None and not question.truncated:
            message = f"question '{question.text}' shows no grade line; judgment left empty"
            state.warn("question_judgment_missing", message, question.line)
        _warn_disagreement(state, question, f"question '{question.text}'")


def _warn_overview(state: State) -> None:
    page = state.page
    for name, code, message in _OVERVIEW_FIELDS:
        if getattr(page, name) is None:
            state.warn(code, message, None)
    for pillar in page.pillars:
        if pillar.judgment is None and pillar.judgment_in_text is None:
            state.warn("judgment_missing", f"{pillar.pillar or 'a pillar'}: no grade is shown or stated", pillar.line)
        _warn_disagreement(state, pillar, pillar.pillar or "pillar")
