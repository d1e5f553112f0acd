"""Segment stage: an ordered chain of rules over the block stream builds the page draft.

Each rule looks at the current block; the first that recognises it consumes it. A rule that
does not recognise its block returns False before changing anything. ``prose`` is last and
takes whatever is left.
"""

from __future__ import annotations

from collections.abc import Callable

from ..blocks import Block
from ..vocab import HEADLINE_PILLAR, QUESTIONS_HEADING
from .chrome import strip_chrome
from .finish import finish
from .header import grade_line, headline, last_updated, pillar_line, preamble
from .lists import LIST_RULES, list_heading, list_item, list_paragraph
from .prose import prose
from .questions import question, question_number, questions_heading
from .sections import subheading
from .state import ListDraft, Node, PageDraft, QuestionDraft, SectionDraft, State

__all__ = ["ListDraft", "Node", "PageDraft", "QuestionDraft", "SectionDraft", "segment"]

Rule = Callable[[State, Block], bool]

RULES: tuple[Rule, ...] = (
    preamble,
    pillar_line,
    headline,
    last_updated,
    grade_line,
    questions_heading,
    question_number,
    question,
    list_heading,
    list_item,
    subheading,
    list_paragraph,
    prose,
)


def segment(blocks: list[Block]) -> PageDraft:
    """Run the rules over the blocks of a pillar page and return the finished draft."""
    blocks = strip_chrome(blocks)
    has_heading = any(QUESTIONS_HEADING.match(b.text) for b in blocks if len(b.text) < 60)
    state = State(blocks=blocks, page=PageDraft(), has_questions_heading=has_heading)
    for state.pos, block in enumerate(blocks):
        name = _apply(state, block)
        if name not in LIST_RULES:
            state.list_kind, state.tree = None, None
        state.last_rule = name
    _infer_pillar(state)
    return finish(state)


def _apply(state: State, block: Block) -> str:
    for rule in RULES:
        if rule(state, block):
            return rule.__name__
    raise AssertionError("prose takes every block")


def _infer_pillar(state: State) -> None:
    page = state.page
    if page.pillar is not None or page.headline_question is None:
        return
    for pattern, pillar in HEADLINE_PILLAR:
        if pattern.search(page.headline_question):
            page.pillar, page.pillar_source = pillar, "headline"
            return
