"""Rules of the force-level reports from 2022 on (vetting reports, reports of forces outside the Home Office set):
the headings that frame the report, a cause of concern's sentence, and the one area a page may grade. (The lines
under their title, "Published on: ..." and the site's furniture, are read by ``letterhead.py``'s rules.)

Their drafts are report drafts (``ReportDraft``: areas, context sections) with the date they were published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from ..blocks import Block
from .drafts import AreaDraft, Node, ReportDraft, SectionDraft
from .judgments_table import add_area
from .rule import accepts
from .state import State, Tree

R = TypeVar("R", bound=ReportDraft)
"""A report's draft, of whichever kind."""


@dataclass(slots=True)
class PublicationDraft(ReportDraft):
    """A report published on a date it states ("Published on: 17 November 2022")."""

    published: str | None = None
    """The ISO date of the "Published on" line (blank-line renderings only)."""


def framing(state: State[R], block: Block, pattern: re.Pattern[str]) -> bool:
    """A heading of the report's framing opens a context section, and ends any area (for a rule's use)."""
    if block.kind == "item" or not pattern.match(block.text):
        return False
    section = SectionDraft(block.text, block.line)
    state.page.context_sections.append(section)
    state.question, state.section = None, section
    return True


def sole_area(report: ReportDraft, name: str, line: int) -> AreaDraft:
    """The one area a page grades (made the first time it is asked for)."""
    if not report.areas:
        add_area(report, AreaDraft(number=None, text=name, line=line))
    return report.areas[0]


@accepts(longest=400, phases=["questions"], after=["list_heading"], continues=["list"], running_text=True)
def cause_sentence(state: State[R], block: Block) -> bool:
    """The paragraph right under a "Cause of concern" heading is the cause, even short and without its full stop
    (as the pages write it), which would otherwise read as a sub-heading."""
    if block.kind != "para" or state.list_kind != "causes_of_concern" or state.question is None:
        return False
    node = Node(block.text, block.line)
    roots = state.question.list_roots("causes_of_concern")
    roots.append(node)
    state.tree = Tree(roots, parent=node if block.text.endswith(":") else None)
    return True
