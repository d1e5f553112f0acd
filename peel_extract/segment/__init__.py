"""Segment stage: an ordered chain of rules over the block stream builds the page draft.

Each page kind is a module with its rule chain and its post-pass (``finish``). Each rule looks at
the current block; the first that recognises it consumes it. A rule that does not recognise its
block returns False before changing anything. ``prose`` is last and takes whatever is left.
"""

from __future__ import annotations

from types import ModuleType

from ..blocks import Block
from ..vocab import QUESTIONS_HEADING
from . import fire_overview, fire_pillar, frs_report, peel_report, police_overview, police_pillar
from .header import match_title
from .lists import LIST_RULES
from .passes.chrome import strip_chrome
from .practice import PRACTICE_RULES
from .questions import is_question
from .rule import Chains, Rule, chains
from .state import HeaderDraft, ListDraft, Node, PageDraft, PageType, QuestionDraft, SectionDraft, State

__all__ = ["HeaderDraft", "ListDraft", "Node", "PageDraft", "PageType", "QuestionDraft", "SectionDraft", "segment"]

KINDS: dict[str, ModuleType] = {
    module.SPEC.page_type: module
    for module in (police_pillar, police_overview, fire_pillar, fire_overview, peel_report, frs_report)
}
_RULES: dict[str, tuple[Rule, ...]] = {page_type: module.RULES for page_type, module in KINDS.items()}
_CHAINS: dict[str, Chains] = {page_type: chains(rules) for page_type, rules in _RULES.items()}
_TITLE_SEARCH = 40
# Rules that a header's first block may meet without ending the header.
_HEADER_RULES = frozenset({"preamble", "pillar_line"})


def segment(blocks: list[Block], page_type: PageType) -> PageDraft:
    """Run the page kind's rules over its blocks and return the finished draft."""
    kind = KINDS[page_type]
    page = PageDraft(page_type=page_type)
    if blocks and blocks[0].kind == "title":
        page.title, blocks = blocks[0].text, blocks[1:]
    blocks = strip_chrome(blocks)
    has_heading = any(QUESTIONS_HEADING.match(b.text) for b in blocks if len(b.text) < 60)
    state = State(blocks=blocks, page=page, header=page.header, has_questions_heading=has_heading, kind=kind.SPEC)
    start = _untitled_start(blocks, state)
    tables = _CHAINS[page_type]
    for pos, block in enumerate(blocks):
        state.pos = pos
        if pos == start:
            state.phase = kind.SPEC.after_title
        before = state.phase
        for rule in tables[before].rules_for(block):
            if rule(state, block):
                break
        else:
            raise AssertionError("prose takes every block")
        name = state.last_rule = rule.__name__
        if before == state.phase == "header" and name not in _HEADER_RULES:
            state.phase = "summary"  # the header ends at its first block that is not a pillar line
        if state.tree is not None and name not in LIST_RULES:
            state.list_kind, state.tree = None, None  # a list ends at the first block that is not its own
        if state.practice is not None and name not in PRACTICE_RULES:
            state.practice = None
    kind.finish(state)
    return page


def _untitled_start(blocks: list[Block], state: State) -> int | None:
    """Where a page saved without its title starts: at the block its kind opens with (a report's "Overall
    summary"), an overview at once, a pillar page at its headline."""
    if any(match_title(state.kind, b.text) for b in blocks[:_TITLE_SEARCH]):
        return None
    opening = state.kind.opening
    if opening is not None:
        return next((index for index, b in enumerate(blocks) if opening.match(b.text)), 0)
    if state.kind.after_title == "intro":
        return 0
    return next((index for index, b in enumerate(blocks) if is_question(b.text)), 0)
