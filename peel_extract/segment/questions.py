"""Rules: "Questions for <Pillar>", a question's number line, and the question itself."""

from __future__ import annotations

import re

from ..blocks import Block
from ..blocks.common import TERMINAL
from ..vocab import (
    ASCII_DIGITS,
    GRADED_QUESTION,
    NUMBERED_QUESTION,
    QUESTION_NUMBER,
    QUESTION_START,
    QUESTIONS_HEADING,
    QUESTIONS_HEADING_STARTS,
    grade,
)
from .drafts import PillarPageDraft, QuestionDraft
from .phases import Phase
from .rule import accepts
from .state import D, State

_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_MAX_QUESTION = 300
_MAX_CUT_QUESTION = 200
_NUMBER_STARTS = ASCII_DIGITS | {"Q"}  # "2", "Question 2", "Q2"
_QUESTION_PHASES: tuple[Phase, ...] = ("summary", "questions")


def is_question(text: str) -> bool:
    """One sentence that starts like a question and ends with a question mark."""
    return (
        len(text) <= _MAX_QUESTION
        and text.endswith("?")
        and QUESTION_START.match(text) is not None
        and _SENTENCE_BREAK.search(text) is None
    )


def _allowed(state: State[D]) -> bool:
    """Questions follow "Questions for X"; a page without that heading starts them anywhere."""
    return state.phase == "questions" or (state.phase == "summary" and not state.has_questions_heading)


@accepts(longest=60, phases=["header", "summary", "questions", "intro", "observations"])
def questions_heading(state: State[D], block: Block) -> bool:
    """The "Questions for Legitimacy" line opens the questions and names the pillar."""
    text = block.text
    match = QUESTIONS_HEADING.match(text) if text[:1] in QUESTIONS_HEADING_STARTS and block.kind != "item" else None
    if match is None or state.phase == "preamble":
        return False
    name = match["pillar"].casefold()
    header, pillars = state.header, state.kind.pillars
    if name in pillars and header.pillar_source != "pillar_line":
        header.pillar, header.pillar_source = name, "questions_heading"
    elif name in pillars and header.pillar != name:
        state.warn("pillar_conflict", f"pillar line says {header.pillar}, '{block.text}' says {name}", block.line)
    state.section = None
    return True


@accepts(longest=20, phases=_QUESTION_PHASES)
def question_number(state: State[D], block: Block) -> bool:
    """A number alone on its line, directly before a question."""
    text = block.text
    match = QUESTION_NUMBER.match(text) if text[:1] in _NUMBER_STARTS and block.kind != "item" else None
    following = state.peek()
    if match is None or following is None or not _allowed(state) or not is_question(following.text):
        return False
    state.pending_number = int(match["number"])
    return True


@accepts(items=True, longest=_MAX_QUESTION + 30, phases=_QUESTION_PHASES, running_text=True)  # number, grade
def question(state: State[PillarPageDraft], block: Block) -> bool:
    """A question opens a new question record; at the very end of a cut page, so does its stem. A question
    written after its number as a list line ("1. How well ...?") is one too, whatever list is open."""
    if "?" not in block.text and state.pos != state.last_pos:
        return False  # a question ends with '?', unless the page is cut inside it (the cheapest test, first)
    if block.kind == "item":
        number = _item_number(block)
        if number is None:
            return False  # a bulleted line is never a question; a numbered one may be
    else:
        number = state.pending_number
    if not _allowed(state):
        return False
    text, value = block.text, None
    graded = GRADED_QUESTION.match(text)
    if graded is not None:
        text, value = graded["text"], grade(graded["grade"])
    numbered = NUMBERED_QUESTION.match(text)
    if numbered is not None:
        text, number = numbered["text"], int(numbered["number"])
    cut = _cut_question(state, text)
    if not (cut or is_question(text)):
        return False
    draft = QuestionDraft(number=number, text=text, line=block.line, judgment=value, truncated=cut)
    state.page.questions.append(draft)
    state.question, state.section, state.pending_number = draft, None, None
    return True


@accepts(longest=40, phases=["questions"], after=["question"])
def question_grade(state: State[D], block: Block) -> bool:
    """A grade word alone on its line, right after a question: the question's grade line."""
    value = grade(block.text) if block.kind != "item" else None
    if value is None or state.question is None or state.question.judgment is not None:
        return False
    state.question.judgment = value
    return True


def _item_number(block: Block) -> int | None:
    """The number of a top-level list line numbered "1." or "1)" (its marker), else None."""
    digits = block.marker[:-1]
    return int(digits) if block.depth == 0 and digits.isascii() and digits.isdigit() else None


def _cut_question(state: State[D], text: str) -> bool:
    """The page's last block, inside the questions, is the start of a question cut mid-sentence."""
    return (
        state.phase == "questions"
        and state.is_last()
        and len(text) <= _MAX_CUT_QUESTION
        and not text.endswith(TERMINAL)
        and QUESTION_START.match(text) is not None
    )
