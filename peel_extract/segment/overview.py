"""Rules of overview pages: "Read more about X", the inspector's line, "HMI's observations", pillar sections."""

from __future__ import annotations

from ..blocks import Block
from ..vocab import INSPECTOR, LAST_UPDATED, OBSERVATIONS, READ_MORE, pillar_named_in
from .drafts import HeaderDraft, OverviewDraft, SectionDraft
from .header import grade_line, headline, is_pillar_line, last_updated, pillar_line, preamble, title_line
from .lists import list_item
from .phases import Phase
from .prose import prose
from .questions import is_question
from .rule import Rule, accepts
from .state import D, State

_INTRO_PHASES: tuple[Phase, ...] = ("intro", "observations", "summary")


@accepts(phases=["intro"])  # fused onto a long paragraph in compact scrapes
def read_more(state: State[D], block: Block) -> bool:
    """The "Read more about X" link under the title; text fused onto it is kept as prose."""
    match = READ_MORE.match(block.text) if state.phase == "intro" else None
    if match is None:
        return False
    rest = block.text[match.end() :].strip()
    if rest:
        state.header.summary.append(rest)
    return True


@accepts(longest=200, phases=_INTRO_PHASES)
def inspector(state: State[OverviewDraft], block: Block) -> bool:
    """A line "Wendy Williams, Her Majesty's Inspector of Constabulary" names the page's inspector;
    a line holding only the name, right before it, is part of it."""
    if block.kind == "item" or state.phase not in _INTRO_PHASES:
        return False
    match = INSPECTOR.match(block.text)
    if match is None:
        following = state.peek()
        named = INSPECTOR.match(following.text) if following is not None else None
        return named is not None and named["name"] == block.text
    page = state.page
    if page.inspector is None:
        page.inspector, page.inspector_title = match["name"], match["title"]
    return True


@accepts(longest=40, phases=_INTRO_PHASES)
def observations(state: State[D], block: Block) -> bool:
    """The "HMI's observations" heading: the inspector's own text follows."""
    if block.kind == "item" or not OBSERVATIONS.match(block.text) or state.phase not in _INTRO_PHASES:
        return False
    state.page.observations = state.section = SectionDraft(block.text, block.line)
    return True


@accepts(longest=40, phases=_INTRO_PHASES)
def pillar_section(state: State[OverviewDraft], block: Block) -> bool:
    """A pillar-name line opens that pillar's section (its header follows)."""
    if block.kind == "item" or state.phase not in _INTRO_PHASES or not is_pillar_line(block.text, state.kind.pillars):
        return False
    name = block.text.casefold()
    _open(state, block, name if name in state.kind.pillars else None, "pillar_line")
    return True


@accepts(longest=300, phases=_INTRO_PHASES)
def pillar_headline(state: State[OverviewDraft], block: Block) -> bool:
    """A pillar's headline (a question, or a statement dated on the next line) opens that pillar's section."""
    if block.kind == "item" or state.phase not in _INTRO_PHASES:
        return False
    text = block.text
    pillar = pillar_named_in(text, state.kind.pillars) if is_question(text) or _dated_statement(state, text) else None
    if pillar is None:
        return False
    _open(state, block, pillar, "headline").headline_question = text
    return True


def _dated_statement(state: State[D], text: str) -> bool:
    """A headline written as a statement (2014: "How well the force tackles crime"): a line with no full
    stop that its section's "Last updated" line follows."""
    following = state.peek()
    return not text.endswith(".") and following is not None and LAST_UPDATED.match(following.text) is not None


def _open(state: State[OverviewDraft], block: Block, pillar: str | None, source: str) -> HeaderDraft:
    header = HeaderDraft(line=block.line, pillar=pillar, pillar_source=source if pillar else None)
    state.page.pillars.append(header)
    state.header, state.section = header, None
    return header


# The rule chain of overview pages, police and fire and rescue alike.
OVERVIEW_RULES: tuple[Rule, ...] = (
    title_line,
    preamble,
    read_more,
    inspector,
    observations,
    pillar_line,
    headline,
    last_updated,
    grade_line,
    pillar_section,
    pillar_headline,
    list_item,
    prose,
)
