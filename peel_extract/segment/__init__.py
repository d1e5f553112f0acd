"""Segment stage: an ordered chain of rules over the block stream builds the page draft.

Each page kind is a module with its rule chain and its post-pass (``finish``). Each rule looks at
the current block; the first that recognises it consumes it. A rule that does not recognise its
block returns False before changing anything. ``prose`` is last and takes whatever is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType

from ..blocks import Block
from ..vocab import QUESTIONS_HEADING
from . import fire_overview, fire_pillar, frs_report, peel_report, police_overview, police_pillar
from .header import match_title
from .passes.chrome import strip_chrome
from .phases import AFTER_TITLE, ENTERS, HEADER_ENDS_IN, AfterTitle, Phase
from .questions import is_question
from .rule import Chains, Open, Rule, chains, declaration
from .state import HeaderDraft, ListDraft, Node, PageDraft, PageType, QuestionDraft, SectionDraft, State

__all__ = ["HeaderDraft", "ListDraft", "Node", "PageDraft", "PageType", "QuestionDraft", "SectionDraft", "segment"]

KINDS: dict[str, ModuleType] = {
    module.SPEC.page_type: module
    for module in (police_pillar, police_overview, fire_pillar, fire_overview, peel_report, frs_report)
}
_RULES: dict[str, tuple[Rule, ...]] = {page_type: module.RULES for page_type, module in KINDS.items()}
_CHAINS: dict[str, Chains] = {page_type: chains(rules) for page_type, rules in _RULES.items()}
_TITLE_SEARCH = 40


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
        for rule in tables[state.phase].rules_for(block):
            if rule(state, block):
                break
        else:
            raise AssertionError("prose takes every block")
        took(state, rule.__name__)
    kind.finish(state)
    return page


def took(state: State, name: str) -> None:
    """After the rule of that name took a block: the page enters the rule's phase (``phases.ENTERS``), and
    what the rule does not continue ends."""
    step = _step(name)
    state.last_rule = name
    if step.enters is not None:
        state.phase = state.kind.after_title if step.enters == AFTER_TITLE else step.enters
    elif state.phase == "header" and "header" not in step.continues:
        state.phase = HEADER_ENDS_IN
    continues = step.continues
    if state.tree is not None and "list" not in continues:
        state.list_kind, state.tree = None, None
    if state.practice is not None and "practice" not in continues:
        state.practice = None
    if state.grade_columns is not None and "table" not in continues:
        state.grade_columns = None
    if state.intro is not None and "intro" not in continues:
        state.intro = None


@dataclass(frozen=True, slots=True)
class _Step:
    enters: Phase | AfterTitle | None
    continues: frozenset[Open]


@cache
def _step(name: str) -> _Step:
    return _Step(ENTERS.get(name), declaration(name).continues)


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
