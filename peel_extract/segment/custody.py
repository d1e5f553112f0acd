"""Rules of police custody inspection reports: the title line, "Summary" and its headed parts, the outcome
sections ("Section 1. Leadership, accountability and partnerships", "Expected outcomes (section 1)", the
outcome, the findings), the summary of causes of concern, recommendations and areas for improvement (section
6), and the fact page.

The real pages seen stop inside their summary; the rest follows the contents of a 2023 report (research notes)
and our synthetic pages. Causes of concern are read only in the summary section, where the count sentence's
recommendations and areas for improvement are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..blocks import Block
from ..blocks.common import TERMINAL
from ..vocab import (
    AREAS_FOR_IMPROVEMENT,
    CAUSES_AND_RECOMMENDATIONS,
    CUSTODY_SUMMARY,
    CUSTODY_TITLE,
    EXPECTED_OUTCOMES,
    FACT_LINE,
    FACT_PAGE,
    LISTS_SECTION,
    NAME_SUFFIXES,
    OUTCOME_SECTION,
    SHOULD,
    force_of,
)
from .causes import CAUSE_RULES, CausesDraft
from .drafts import Node, SectionDraft
from .header import preamble
from .letterhead import contents_entry, contents_furniture, held_section, publication_date_line, title_crumb
from .lists import list_item
from .prose import prose
from .rule import Rule, accepts
from .sections import looks_like_heading
from .state import State

Part = Literal["top", "summary", "outcome", "lists", "afi", "facts", "other"]


@dataclass(slots=True)
class OutcomeDraft:
    """An outcome section: its number and name, the expected outcome, the findings."""

    line: int
    number: int | None
    heading: str | None
    text: str | None = None
    sections: list[SectionDraft] = field(default_factory=list)


@dataclass(slots=True)
class AfiGroupDraft:
    """Areas for improvement under one heading (an outcome section's name), or under none."""

    line: int
    heading: str | None
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class PreviousDraft:
    """What the summary says of the previous inspection's recommendations."""

    year: str | None = None
    recommendations: int | None = None
    achieved: int | None = None
    no_longer_applicable: int | None = None
    outstanding: int | None = None


@dataclass(slots=True)
class CustodyDraft(CausesDraft):
    """A police custody inspection report."""

    part: Part = "top"
    unannounced: bool | None = None
    summary_sections: list[SectionDraft] = field(default_factory=list)
    outcomes: list[OutcomeDraft] = field(default_factory=list)
    afi_groups: list[AfiGroupDraft] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    lists_seen: bool = False
    """The page shows its summary of causes of concern and recommendations."""
    afi_seen: bool = False
    """The page shows that summary's "Areas for improvement"."""
    inspected: str | None = None
    partner: str | None = None
    previous: PreviousDraft | None = None
    stated_recommendations: int | None = None
    stated_areas_for_improvement: int | None = None


def _leave_lists(state: State[CustodyDraft], part: Part) -> None:
    page = state.page
    page.part, page.cause, page.causes_open, state.section = part, None, part == "lists", None


@accepts(longest=250, phases=["summary"])
def custody_title(state: State[CustodyDraft], block: Block) -> bool:
    """ "Report on an unannounced inspection visit to police custody suites in Warwickshire": the force (its
    full name where the title gives it), and whether the visit was unannounced."""
    found = CUSTODY_TITLE.match(block.text) if block.kind != "item" else None
    page = state.page
    if found is None or page.heading is not None:
        return False
    name = found["name"]
    page.heading, page.name, page.name_source = block.text, force_of(name), "title"
    page.full_name = name if name.endswith(NAME_SUFFIXES) else None
    page.unannounced = found["unannounced"] is not None
    return True


@accepts(longest=20, phases=["summary"])
def custody_summary_heading(state: State[CustodyDraft], block: Block) -> bool:
    """ "Summary" opens the report's summary (structure, kept in no field)."""
    if block.kind == "item" or state.page.part != "top" or not CUSTODY_SUMMARY.match(block.text):
        return False
    state.page.part, state.section = "summary", None
    return True


@accepts(longest=200, phases=["summary"])
def custody_lists_heading(state: State[CustodyDraft], block: Block) -> bool:
    """ "Section 6. Summary of causes of concern, recommendations and areas for improvement", or "Causes of
    concern and recommendations": the lists the summary counts follow."""
    text = block.text
    if block.kind == "item" or not (LISTS_SECTION.match(text) or CAUSES_AND_RECOMMENDATIONS.match(text)):
        return False
    _leave_lists(state, "lists")
    state.page.lists_seen = True
    held_section(state, block)
    return True


@accepts(longest=200, phases=["summary"])
def custody_section(state: State[CustodyDraft], block: Block) -> bool:
    """ "Section 1. Leadership, accountability and partnerships" opens an outcome section when "Expected
    outcomes" follows it; else it is a section of the page."""
    found = OUTCOME_SECTION.match(block.text) if block.kind != "item" else None
    if found is None:
        return False
    following = state.peek()
    if following is not None and EXPECTED_OUTCOMES.match(following.text):
        _leave_lists(state, "outcome")
        outcome = OutcomeDraft(block.line, int(found["number"]), found["name"])
        state.page.outcomes.append(outcome)
        _outcome_findings(state, outcome)
    else:
        _leave_lists(state, "other")
        state.open_section(block.text, block.line)
    return True


def _outcome_findings(state: State[CustodyDraft], outcome: OutcomeDraft) -> None:
    section = SectionDraft(None, outcome.line)
    outcome.sections.append(section)
    state.section = section


@accepts(longest=40, phases=["summary"])
def custody_expected_outcomes(state: State[CustodyDraft], block: Block) -> bool:
    """ "Expected outcomes (section 1)": the outcome follows (an outcome section opens here if none is open)."""
    found = EXPECTED_OUTCOMES.match(block.text) if block.kind != "item" else None
    if found is None:
        return False
    page = state.page
    number = int(found["number"]) if found["number"] else None
    outcome = page.outcomes[-1] if page.outcomes and page.part == "outcome" else None
    if outcome is None or outcome.text is not None or number not in (None, outcome.number):
        _leave_lists(state, "outcome")
        outcome = OutcomeDraft(block.line, number, None)
        page.outcomes.append(outcome)
        _outcome_findings(state, outcome)
    return True


@accepts(after=["custody_expected_outcomes"])
def custody_outcome_text(state: State[CustodyDraft], block: Block) -> bool:
    """The paragraph after "Expected outcomes": the outcome expected of custody."""
    page = state.page
    if block.kind != "para" or not page.outcomes or page.outcomes[-1].text is not None:
        return False
    page.outcomes[-1].text = block.text
    return True


@accepts(longest=40, phases=["summary"])
def custody_afi_heading(state: State[CustodyDraft], block: Block) -> bool:
    """ "Areas for improvement" in the summary of causes and recommendations: its list follows."""
    if block.kind == "item" or state.page.part != "lists" or not AREAS_FOR_IMPROVEMENT.match(block.text):
        return False
    _leave_lists(state, "afi")
    state.page.afi_seen = True
    held_section(state, block)
    return True


@accepts(longest=20, phases=["summary"])
def custody_fact_page(state: State[CustodyDraft], block: Block) -> bool:
    """ "Fact page": the force's facts follow, a label and a value each."""
    if block.kind == "item" or not FACT_PAGE.match(block.text):
        return False
    _leave_lists(state, "facts")
    held_section(state, block)
    return True


@accepts(longest=120, phases=["summary"])  # HTML headings meet it whatever their length
def custody_afi_group(state: State[CustodyDraft], block: Block) -> bool:
    """A heading among the areas for improvement, with one after it: the name of the group that follows."""
    following = state.peek()
    if state.page.part != "afi" or following is None or not looks_like_heading(state, block):
        return False
    if following.kind != "item" and not _afi_paragraph(following.text):
        return False
    state.page.afi_groups.append(AfiGroupDraft(block.line, block.text))
    return True


def _afi_paragraph(text: str) -> bool:
    """An area for improvement written as a paragraph: what the force should do, a whole sentence."""
    return text.endswith(TERMINAL) and SHOULD.search(text) is not None


@accepts(items=True, phases=["summary"], running_text=True)
def custody_afi_item(state: State[CustodyDraft], block: Block) -> bool:
    """An area for improvement: a bullet (nested ones under the one before), or a paragraph worded as one."""
    page = state.page
    if page.part != "afi" or (block.kind != "item" and not _afi_paragraph(block.text)):
        return False
    if not page.afi_groups:
        page.afi_groups.append(AfiGroupDraft(block.line, None))
    nodes = page.afi_groups[-1].items
    for _ in range(block.depth if block.kind == "item" else 0):
        if not nodes:
            break
        nodes = nodes[-1].items
    nodes.append(Node(block.text, block.line))
    return True


@accepts(phases=["summary"])
def custody_fact_row(state: State[CustodyDraft], block: Block) -> bool:
    """A fact: a row "Force | Budmouth Constabulary", or a line "Force: Budmouth Constabulary"."""
    if state.page.part != "facts" or block.kind not in ("row", "para"):
        return False
    cells = [cell for cell in block.cells if any(cell)]
    found = FACT_LINE.match(block.text) if block.kind == "para" else None
    if len(cells) >= 2:
        fact = (" ".join(cells[0]), "\n".join(line for cell in cells[1:] for line in cell))
    elif found is not None:
        fact = (found["label"], found["value"])
    else:
        return False
    state.page.facts.append(fact)
    return True


@accepts(longest=120, phases=["summary"])  # HTML headings meet it whatever their length
def custody_subheading(state: State[CustodyDraft], block: Block) -> bool:
    """A heading: a part of the summary, a findings section of an outcome, else a section of the page."""
    if not looks_like_heading(state, block):
        return False
    page = state.page
    section = SectionDraft(block.text, block.line)
    if page.part in ("top", "summary"):
        page.summary_sections.append(section)
    elif page.part == "outcome" and page.outcomes:
        page.outcomes[-1].sections.append(section)
    else:
        _leave_lists(state, "other")
        page.sections.append(section)
    state.section = section
    return True


CUSTODY_RULES: tuple[Rule, ...] = (
    custody_title,
    preamble,
    title_crumb,
    publication_date_line,
    contents_furniture,
    contents_entry,
    custody_summary_heading,
    custody_lists_heading,
    custody_section,
    custody_expected_outcomes,
    custody_outcome_text,
    custody_afi_heading,
    custody_fact_page,
    custody_afi_group,
    custody_afi_item,
    custody_fact_row,
    *CAUSE_RULES,
    custody_subheading,
    list_item,
    prose,
)
