"""Rules: "Promising practice" (or innovative, notable): a heading, a title line, then its paragraphs."""

from __future__ import annotations

from ..blocks import Block
from ..vocab import FINDINGS_INTRO, PRACTICE_HEADING
from .drafts import PracticeDraft
from .rule import accepts
from .sections import looks_like_heading
from .state import D, State


@accepts(longest=40, phases=["questions"], continues=["practice"])
def practice_heading(state: State[D], block: Block) -> bool:
    """A "Promising practice" heading inside a question opens a piece of practice."""
    match = PRACTICE_HEADING.match(block.text) if block.kind != "item" else None
    if match is None or state.question is None:
        return False
    draft = PracticeDraft(kind=match["kind"].casefold(), line=block.line)
    state.question.practices.append(draft)
    state.practice = draft
    return True


@accepts(phases=["questions"], continues=["practice"], running_text=True)
def practice_text(state: State[D], block: Block) -> bool:
    """The open piece of practice takes its title line, then its paragraphs, up to the findings' intro."""
    practice = state.practice
    if practice is None or block.kind == "item" or FINDINGS_INTRO.match(block.text):
        return False
    heading = looks_like_heading(state, block)
    if heading and practice.title is None and not practice.paragraphs:
        practice.title = block.text
        return True
    if heading:
        return False  # a heading after the title line starts the findings
    practice.paragraphs.append(block.text)
    return True
