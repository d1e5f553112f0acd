"""Rules: a cause of concern and its recommendations, as causes-of-concern letters and custody reports write them:
"Cause of concern", the cause, "Recommendations", maybe a sentence counting them, then the recommendations,
as bullets under lead lines giving their deadline ("The force should immediately:") or as paragraphs; findings
under headings after them.

A page kind's rules open a cause (a letter's "Accelerated cause of concern: investigations") and close it (a
custody report's "Areas for improvement"); these rules read what is inside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeVar

from ..blocks import Block
from ..blocks.common import TERMINAL
from ..vocab import (
    CAUSE_CLOSED,
    CAUSE_OPEN,
    CAUSES_OF_CONCERN,
    DEADLINE_DATE,
    DEADLINE_INLINE,
    DEADLINE_LEAD,
    RECOMMENDATION_COUNT,
    RECOMMENDATIONS,
    SHOULD,
    stated_number,
)
from .drafts import Node, SectionDraft
from .letterhead import DatedDraft, iso_date
from .rule import accepts
from .sections import looks_like_heading
from .state import State

Part = Literal["text", "recommendations", "findings"]


@dataclass(frozen=True, slots=True)
class Lead:
    """A line opening a group of recommendations: "By 30 September 2023, the force should:"."""

    text: str
    deadline: str | None
    """As written: "immediately", "By 30 September 2023", "Within six months"; None when the line gives none."""
    deadline_date: str | None
    """ISO date, where the deadline is a day."""


@dataclass(slots=True)
class RecommendationDraft:
    """One recommendation (a bullet, or a paragraph) and the bullets nested under it."""

    text: str
    line: int
    lead: Lead | None = None
    """The lead line of its group; its deadline is the recommendation's."""
    inline: Lead | None = None
    """The deadline a paragraph under no lead line gives itself ("By 31 March 2024, the force should ...")."""
    items: list[Node] = field(default_factory=list)
    bullet: bool = False

    @property
    def deadline(self) -> Lead | None:
        return self.lead or self.inline


@dataclass(slots=True)
class CauseDraft:
    """A cause of concern: its heading, text, recommendations, findings and status."""

    line: int
    heading: str | None = None
    area: str | None = None
    accelerated: bool | None = None
    text: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    """Paragraphs of the cause after its first, before its recommendations."""
    part: Part = "text"
    recommendations_stated: int | None = None
    count_sentence: str | None = None
    lead: Lead | None = None
    recommendations: list[RecommendationDraft] = field(default_factory=list)
    findings: list[SectionDraft] = field(default_factory=list)
    status: Literal["open", "closed"] | None = None
    status_evidence: str | None = None
    truncated: bool = False


@dataclass(slots=True)
class CausesDraft(DatedDraft):
    """A page with causes of concern."""

    causes: list[CauseDraft] = field(default_factory=list)
    cause: CauseDraft | None = None
    """The cause being read."""
    causes_open: bool = True
    """Whether "Cause of concern" here opens a cause (a custody report's only do in their summary section)."""


CD = TypeVar("CD", bound=CausesDraft)


def open_cause(state: State[CD], cause: CauseDraft) -> None:
    """Start reading a cause: what follows is its own."""
    state.page.causes.append(cause)
    state.page.cause, state.section = cause, None


def lead_of(text: str) -> Lead | None:
    """The lead line ``text`` is, if it is one."""
    found = DEADLINE_LEAD.match(text)
    if found is None:
        return None
    return _deadline(text, found["before"] or found["after"])


def inline_deadline(text: str) -> Lead | None:
    """The deadline a recommendation written as a sentence gives itself, if it gives one."""
    found = DEADLINE_INLINE.match(text)
    return _deadline(text, found["before"] or found["now"]) if found else None


def _deadline(text: str, deadline: str | None) -> Lead:
    day = DEADLINE_DATE.match(deadline) if deadline else None
    return Lead(text, deadline, iso_date(day) if day else None)


def _with_text(state: State[CausesDraft], block: Block) -> CauseDraft | None:
    """The cause being read, once its text is read, for a paragraph (not a bullet)."""
    cause = state.page.cause
    return cause if cause is not None and cause.text is not None and block.kind != "item" else None


@accepts(longest=40, phases=["summary"])
def coc_label(state: State[CausesDraft], block: Block) -> bool:
    """ "Cause of concern": the label under a cause's heading, or a new cause."""
    page = state.page
    if block.kind == "item" or not page.causes_open or not CAUSES_OF_CONCERN.match(block.text):
        return False
    cause = page.cause
    if cause is None or cause.heading is None or cause.text is not None:
        open_cause(state, CauseDraft(line=block.line))
    return True


@accepts(longest=40, phases=["summary"])
def coc_recommendations_heading(state: State[CausesDraft], block: Block) -> bool:
    """ "Recommendations" after a cause: its recommendations follow."""
    cause = _with_text(state, block)
    if cause is None or not RECOMMENDATIONS.match(block.text):
        return False
    cause.part = "recommendations"
    return True


@accepts(longest=200, phases=["summary"])
def coc_recommendation_count(state: State[CausesDraft], block: Block) -> bool:
    """ "Our cause of concern regarding investigations had eight recommendations:"."""
    cause = _with_text(state, block)
    found = RECOMMENDATION_COUNT.match(block.text) if cause is not None else None
    if cause is None or found is None:
        return False
    cause.part, cause.count_sentence = "recommendations", block.text
    cause.recommendations_stated = stated_number(found["count"])
    if cause.recommendations_stated is None:
        state.warn("bad_count", f"'{found['count']}' is no count of recommendations", block.line)
    return True


@accepts(longest=250, phases=["summary"])
def coc_deadline_lead(state: State[CausesDraft], block: Block) -> bool:
    """A lead line, "The force should immediately:": the recommendations after it have its deadline."""
    cause = _with_text(state, block)
    lead = lead_of(block.text) if cause is not None and cause.part != "findings" else None
    if cause is None or lead is None:
        return False
    cause.part, cause.lead = "recommendations", lead
    return True


@accepts(items=True, phases=["summary"], running_text=True)
def coc_recommendation(state: State[CausesDraft], block: Block) -> bool:
    """A bullet under "Recommendations" (nested ones under the one before), or a paragraph saying what the force
    should do, where the cause has no bullets."""
    cause = state.page.cause
    if cause is None or cause.part != "recommendations":
        return False
    if block.kind == "item":
        if block.depth > 0 and cause.recommendations:
            _nest(cause.recommendations[-1].items, block.depth, Node(block.text, block.line))
        else:
            cause.recommendations.append(RecommendationDraft(block.text, block.line, cause.lead, bullet=True))
        return True
    if not _recommendation_paragraph(cause, block.text):
        return False
    inline = inline_deadline(block.text) if cause.lead is None else None
    cause.recommendations.append(RecommendationDraft(block.text, block.line, cause.lead, inline))
    return True


def _recommendation_paragraph(cause: CauseDraft, text: str) -> bool:
    if any(r.bullet for r in cause.recommendations) or not text.endswith(TERMINAL):
        return False
    if CAUSE_CLOSED.search(text) or CAUSE_OPEN.search(text):
        return False
    return cause.lead is not None or SHOULD.search(text) is not None


def _nest(nodes: list[Node], depth: int, node: Node) -> None:
    """Add a bullet ``depth`` levels under the last recommendation (as deep as the bullets before allow)."""
    for _ in range(depth - 1):
        if not nodes:
            break
        nodes = nodes[-1].items
    nodes.append(node)


@accepts(longest=120, phases=["summary"])  # HTML headings meet it whatever their length
def coc_subheading(state: State[CausesDraft], block: Block) -> bool:
    """A heading inside a cause, after its text ("Our findings"): findings follow."""
    cause = _with_text(state, block)
    if cause is None or not looks_like_heading(state, block):
        return False
    _findings(state, cause, block.text, block.line)
    return True


@accepts(items=True, phases=["summary"], running_text=True)
def coc_text(state: State[CausesDraft], block: Block) -> bool:
    """The cause (its first block after the label, whatever it looks like), then its further paragraphs."""
    cause = state.page.cause
    if cause is None or cause.part != "text":
        return False
    if cause.text is None:
        cause.text = block.text
    else:
        cause.paragraphs.append(block.text)
    return True


@accepts(phases=["summary"], running_text=True)
def coc_finding(state: State[CausesDraft], block: Block) -> bool:
    """A sentence after a cause's recommendations opens its findings; a fragment there (a page cut in a lead line,
    "By 30 Septe") has no place: kept as unplaced."""
    cause = _with_text(state, block)
    if cause is None or cause.part != "recommendations":
        return False
    if block.text.endswith(TERMINAL):
        _findings(state, cause, None, block.line).paragraphs.append(block.text)
    else:
        state.page.unplaced.append((block.text, block.line))
        state.warn("unplaced", "a fragment among the recommendations is kept in 'unplaced'", block.line)
    return True


def _findings(state: State[CausesDraft], cause: CauseDraft, heading: str | None, line: int) -> SectionDraft:
    """Open a section of the cause's findings: what follows goes into it."""
    section = SectionDraft(heading, line)
    cause.findings.append(section)
    cause.part, state.section = "findings", section
    return section


# The rules reading inside a cause, in order: a kind's chain puts them after its own headings.
CAUSE_RULES = (
    coc_label,
    coc_recommendations_heading,
    coc_recommendation_count,
    coc_deadline_lead,
    coc_recommendation,
    coc_subheading,
    coc_text,
    coc_finding,
)
