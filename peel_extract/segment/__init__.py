"""Segment stage: an ordered chain of rules over the block stream builds the page draft.

Each rule looks at the current block; the first that recognises it consumes it. A rule that
does not recognise its block returns False before changing anything. ``prose`` is last and
takes whatever is left. Pillar pages and overview pages have a chain each.
"""

from __future__ import annotations

from ..blocks import Block
from ..vocab import QUESTIONS_HEADING, pillar_named_in
from .chrome import strip_chrome
from .finish import finish
from .header import grade_line, headline, last_updated, match_title, pillar_line, preamble
from .lists import LIST_RULES, list_heading, list_item, list_paragraph
from .overview import inspector, observations, pillar_section, read_more
from .prose import prose
from .questions import question, question_number, questions_heading
from .rule import Rule, block_class, chains
from .sections import subheading
from .state import HeaderDraft, ListDraft, Node, PageDraft, PageType, QuestionDraft, SectionDraft, State

__all__ = ["HeaderDraft", "ListDraft", "Node", "PageDraft", "PageType", "QuestionDraft", "SectionDraft", "segment"]

PILLAR_RULES: tuple[Rule, ...] = (
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
OVERVIEW_RULES: tuple[Rule, ...] = (
    preamble,
    read_more,
    inspector,
    observations,
    pillar_line,
    headline,
    last_updated,
    grade_line,
    pillar_section,
    list_item,
    prose,
)
_RULES = {"peel_pillar": PILLAR_RULES, "peel_overview": OVERVIEW_RULES}
_CHAINS = {page_type: chains(rules) for page_type, rules in _RULES.items()}
_TITLE_SEARCH = 40


def segment(blocks: list[Block], page_type: PageType) -> PageDraft:
    """Run the page type's rules over its blocks and return the finished draft."""
    blocks = strip_chrome(blocks)
    page = PageDraft(page_type=page_type)
    has_heading = any(QUESTIONS_HEADING.match(b.text) for b in blocks if len(b.text) < 60)
    state = State(blocks=blocks, page=page, header=page.header, has_questions_heading=has_heading)
    if page_type == "peel_overview" and not any(match_title(page_type, b.text) for b in blocks[:_TITLE_SEARCH]):
        state.phase = "intro"  # an overview saved without its title starts with its text
    table, long_after = _CHAINS[page_type]
    for state.pos, block in enumerate(blocks):
        name = _apply(table[block_class(block, long_after)], state, block)
        if name not in LIST_RULES:
            state.list_kind, state.tree = None, None
        state.last_rule = name
    if page_type == "peel_pillar":
        _infer_pillar(page.header)
    return finish(state)


def _apply(rules: tuple[Rule, ...], state: State, block: Block) -> str:
    for rule in rules:
        if rule(state, block):
            return rule.__name__
    raise AssertionError("prose takes every block")


def _infer_pillar(header: HeaderDraft) -> None:
    if header.pillar is None and header.headline_question is not None:
        pillar = pillar_named_in(header.headline_question)
        if pillar is not None:
            header.pillar, header.pillar_source = pillar, "headline"
