"""Post-pass checks every kind uses: what only the whole page shows (cut-off end, gaps, disagreements)."""

from __future__ import annotations

from ...blocks.common import TERMINAL
from ...vocab import PREVIOUS_GRADE, pillar_named_in
from ..drafts import HeaderDraft, OverviewDraft, PillarPageDraft, QuestionDraft
from ..rule import declaration
from ..state import D, State

Expected = tuple[tuple[str, str, str], ...]
"""(field, warning code, message) for each field a page should show."""


def mark_truncation(state: State[D]) -> None:
    """A page whose last block of running text stops mid-sentence is cut off: say where."""
    if not state.blocks or not declaration(state.last_rule).running_text:  # titles, dates, grades are whole lines
        return
    last = state.blocks[-1]
    if last.text.endswith(TERMINAL) or last.kind == "row" or _whole_grade_sentence(last.text):
        return  # whole: a sentence, a table's row (cells are no sentences), a grade sentence without its stop
    state.page.truncated = True
    question = state.question
    if question is not None:
        question.truncated = True
    where = f"in question '{question.text}'" if question else "(the rest of the page is missing)"
    state.warn("truncated", f"the page stops mid-sentence {where}", last.line)


def _whole_grade_sentence(text: str) -> bool:
    """A previous round's grade ends the page whole even without its full stop ("X was good in its 2018/19
    assessment", as fire and rescue pages often write it)."""
    found = PREVIOUS_GRADE.search(text)
    return found is not None and found.end() == len(text)


def infer_pillar(state: State[D]) -> None:
    """No pillar line and no "Questions for X": the headline's wording names the pillar (said in pillar_source)."""
    header = state.page.header
    if header.pillar is None and header.headline_question is not None:
        pillar = pillar_named_in(header.headline_question, state.kind.pillars)
        if pillar is not None:
            header.pillar, header.pillar_source = pillar, "headline"


def warn_missing(state: State[D], target: object, expected: Expected) -> None:
    """A warning for each expected field that ``target`` leaves empty."""
    for name, code, message in expected:
        if getattr(target, name) is None:
            state.warn(code, message, None)


def warn_disagreement(state: State[D], graded: HeaderDraft | QuestionDraft, what: str) -> None:
    """Grade line and prose both give a grade, and not the same one: both are kept, and said."""
    if graded.judgment is not None and graded.judgment_in_text not in (None, graded.judgment):
        message = f"{what}: the grade line says {graded.judgment}, the text says {graded.judgment_in_text}"
        state.warn("judgment_disagrees", message, graded.line)


def warn_questions(state: State[PillarPageDraft]) -> None:
    """Each whole question without a grade line, and each whose grade line and prose disagree."""
    for question in state.page.questions:
        if question.judgment is None and not question.truncated:
            message = f"question '{question.text}' shows no grade line; judgment left empty"
            state.warn("question_judgment_missing", message, question.line)
        warn_disagreement(state, question, f"question '{question.text}'")


def warn_pillars(state: State[OverviewDraft]) -> None:
    """Each overview pillar with no grade at all, and each whose grade line and prose disagree."""
    for pillar in state.page.pillars:
        if pillar.judgment is None and pillar.judgment_in_text is None:
            state.warn("judgment_missing", f"{pillar.pillar or 'a pillar'}: no grade is shown or stated", pillar.line)
        warn_disagreement(state, pillar, pillar.pillar or "pillar")
