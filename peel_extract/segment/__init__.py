"""Segment stage: an ordered chain of rules over the block stream fills the page kind's draft.

A page kind gives its rule chain and its post-pass (``KindRules``: see ``kinds/``). Each rule looks at the
current block; the first that takes it consumes it. A rule that does not take its block returns False before
changing anything. ``prose`` is last and takes whatever is left. What each rule declares (``rule.py``) and the
phases of a page (``phases.py``) are the contract between the rules and this driver.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..blocks import Block
from ..vocab import QUESTIONS_HEADING, QUESTIONS_HEADING_STARTS
from .drafts import (
    AreaDraft,
    HeaderDraft,
    ListDraft,
    Node,
    OverviewDraft,
    PageDraft,
    PillarPageDraft,
    QuestionDraft,
    ReportDraft,
    SectionDraft,
)
from .header import match_title
from .passes.chrome import strip_chrome
from .phases import AFTER_TITLE, ENTERS, HEADER_ENDS_IN, AfterTitle, Phase
from .questions import is_question
from .rule import Chains, Open, Rule, chains, declaration
from .state import D, KindSpec, State

__all__ = [
    "AreaDraft",
    "HeaderDraft",
    "KindRules",
    "KindSpec",
    "ListDraft",
    "Node",
    "OverviewDraft",
    "PageDraft",
    "PillarPageDraft",
    "QuestionDraft",
    "ReportDraft",
    "Rule",
    "SectionDraft",
    "State",
    "segment",
]

_TITLE_SEARCH = 40


class KindRules(Protocol[D]):
    """What the segment stage needs of a page kind (a module: see ``kinds.base.Kind``)."""

    @property
    def SPEC(self) -> KindSpec:  # noqa: N802 - a kind is a module; these are its constants
        """Its title lines, years, pillars and where it goes on after its title."""

    @property
    def RULES(self) -> tuple[Rule, ...]:  # noqa: N802
        """Its rule chain, in order, ``prose`` last."""

    def draft(self) -> D:
        """A new, empty draft of a page of this kind."""

    def finish(self, state: State[D]) -> None:
        """Its post-passes: what only the whole page shows, and what it lacks."""


def segment(blocks: list[Block], kind: KindRules[D]) -> D:
    """Run the page kind's rules over its blocks and return the finished draft."""
    page = kind.draft()
    if blocks and blocks[0].kind == "title":
        page.title, blocks = blocks[0].text, blocks[1:]
    blocks = strip_chrome(blocks)
    has_heading = any(
        QUESTIONS_HEADING.match(b.text) for b in blocks if len(b.text) < 60 and b.text[:1] in QUESTIONS_HEADING_STARTS
    )
    state = State(blocks=blocks, page=page, header=page.header, has_questions_heading=has_heading, kind=kind.SPEC)
    _run(state, _chains_of(kind.RULES), _untitled_start(blocks, state))
    kind.finish(state)
    return page


def _run(state: State[Any], chains: Chains, start: int | None) -> None:
    """Each block to the first rule of its chain that takes it; then ``took``. The stage's hot loop: the chain
    is ``Table.rules_for`` written out, its table looked up again only when the phase or the last rule changes,
    and ``took`` is called only when there is a phase to enter or something open to end."""
    tables = chains.tables
    phase: Phase | None = None  # the phase and last rule of the table looked up last (none yet)
    last = ""
    items: tuple[Rule, ...] = ()
    headings = longer = items
    by_length: tuple[tuple[Rule, ...], ...] = ()
    bound = 0  # len(by_length)
    enters = ENTERS
    for pos, block in enumerate(state.blocks):
        state.pos = pos
        if pos == start:
            state.phase = state.kind.after_title
        if state.phase != phase or state.last_rule != last:
            phase, last = state.phase, state.last_rule
            table = tables[phase].get(last) or chains.table(phase, last)
            items, headings, by_length, longer = table.items, table.headings, table.by_length, table.longer
            bound = len(by_length)
        kind = block.kind
        if kind == "item":
            rules = items
        elif kind == "heading":
            rules = headings
        else:
            length = len(block.text)
            rules = by_length[length] if length < bound else longer
        for rule in rules:
            if rule(state, block):
                break
        else:
            raise AssertionError("prose takes every block")
        name = rule.__name__
        if (
            name in enters
            or phase == "header"
            or state.tree is not None
            or state.practice is not None
            or state.grade_columns is not None
            or state.intro is not None
        ):
            took(state, name)
        else:
            state.last_rule = name  # nothing to enter, nothing open to end (most blocks)


_CHAINS: dict[tuple[Rule, ...], Chains] = {}


def _chains_of(rules: tuple[Rule, ...]) -> Chains:
    """A rule chain's tables, built once from the rules' declarations."""
    built = _CHAINS.get(rules)
    if built is None:
        built = _CHAINS[rules] = chains(rules)
    return built


def took(state: State[Any], name: str) -> None:
    """After the rule of that name took a block: the page enters the rule's phase (``phases.ENTERS``), and
    what the rule does not continue ends."""
    step = _STEPS.get(name) or _step(name)
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


_STEPS: dict[str, _Step] = {}


def _step(name: str) -> _Step:
    step = _STEPS[name] = _Step(ENTERS.get(name), declaration(name).continues)
    return step


def _untitled_start(blocks: list[Block], state: State[Any]) -> int | None:
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
