"""The drafts the rules fill in: the parts every page kind shares, and a page draft per kind of page.

A page kind's draft is a ``PageDraft`` with the fields only that kind has (a pillar page's questions, an
overview's pillars, a report's areas); a new kind adds its own beside its rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Issue

ListKind = Literal["areas_for_improvement", "causes_of_concern", "recommendations"]


@dataclass(slots=True)
class Node:
    """A list entry and the entries nested under it."""

    text: str
    line: int
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class ListDraft:
    """A list that is not an areas-for-improvement, cause or recommendation list."""

    intro: str | None
    line: int
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class SectionDraft:
    """Findings under one sub-heading (or before the first one, with no heading)."""

    heading: str | None
    line: int
    paragraphs: list[str] = field(default_factory=list)
    lists: list[ListDraft] = field(default_factory=list)


@dataclass(slots=True)
class PracticeDraft:
    """A piece of promising (or innovative) practice: its title line and paragraphs."""

    kind: str
    line: int
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class HeaderDraft:
    """A pillar's header: a pillar page's top, or one pillar section of an overview page."""

    line: int
    pillar: str | None = None
    pillar_source: str | None = None
    headline_question: str | None = None
    last_updated: str | None = None
    judgment: str | None = None
    judgment_in_text: str | None = None
    judgment_evidence: str | None = None
    previous_judgment: str | None = None
    previous_year: str | None = None
    summary: list[str] = field(default_factory=list)
    summary_lists: list[ListDraft] = field(default_factory=list)


@dataclass(slots=True)
class QuestionDraft:
    """One numbered (or unnumbered) question of a pillar page."""

    number: int | None
    text: str
    line: int
    judgment: str | None = None
    judgment_in_text: str | None = None
    judgment_evidence: str | None = None
    previous_judgment: str | None = None
    previous_year: str | None = None
    carried_over_from: str | None = None
    inspection_statement: str | None = None
    lists: dict[str, list[Node]] = field(default_factory=dict)
    practices: list[PracticeDraft] = field(default_factory=list)
    sections: list[SectionDraft] = field(default_factory=list)
    truncated: bool = False

    def list_roots(self, kind: ListKind) -> list[Node]:
        """The entries a list heading of this kind adds to."""
        return self.lists.setdefault(kind, [])


@dataclass(slots=True)
class AreaDraft(QuestionDraft):
    """One area of a report: its heading as ``text``, its grade, lists, practice and findings.

    A cause of concern carries its recommendations: they are the entries nested under it.
    """

    judgment_source: str | None = None
    """Where ``judgment`` was read: the judgments ``table``, or a ``grade_line`` under the area's heading."""

    def list_roots(self, kind: ListKind) -> list[Node]:
        """Recommendations after a cause of concern are that cause's; any others are the area's own."""
        causes = self.lists.get("causes_of_concern")
        if kind == "recommendations" and causes:
            return causes[-1].items
        return self.lists.setdefault(kind, [])


@dataclass(frozen=True, slots=True)
class GradeColumns:
    """The header row of a judgments table of grade columns."""

    grades: dict[int, str]
    """The grade of each column that has one."""
    width: int
    """The header's number of cells: a cell past it is none of the table's columns."""


@dataclass(slots=True)
class PageDraft:
    """What every kind of page has: its title, name and year, a header, sections, and what could not be placed."""

    header: HeaderDraft = field(default_factory=lambda: HeaderDraft(line=1))
    """A pillar page's top, an overview's or a report's summary (each overview pillar has its own)."""
    title: str | None = None
    """The page's own title, where its markup has one (an HTML ``<title>``)."""
    name: str | None = None
    """The force's or service's name as the title line gives it."""
    full_name: str | None = None
    """The service's full name, where its prose gives it ("Kent Fire and Rescue Service")."""
    year: str | None = None
    year_source: str | None = None
    sections: list[SectionDraft] = field(default_factory=list)
    observations: SectionDraft | None = None
    """The inspector's text ("HMI's observations", "HM Inspector's summary")."""
    unplaced: list[tuple[str, int]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    truncated: bool = False


@dataclass(slots=True)
class PillarPageDraft(PageDraft):
    """A pillar page (police or fire and rescue): its header is the page's top; its questions follow."""

    questions: list[QuestionDraft] = field(default_factory=list)


@dataclass(slots=True)
class OverviewDraft(PageDraft):
    """An overview page (police or fire and rescue): its pillars and its inspector."""

    pillars: list[HeaderDraft] = field(default_factory=list)
    inspector: str | None = None
    inspector_title: str | None = None


@dataclass(slots=True)
class ReportDraft(PageDraft):
    """A report page (PEEL 2021/22 and 2023-25, fire and rescue 2023-25): its heading, its areas and the sections
    that frame them."""

    heading: str | None = None
    """The page's h1, where it names the force or service or the round."""
    name_source: str | None = None
    areas: list[AreaDraft] = field(default_factory=list)
    by_key: dict[str, AreaDraft] = field(default_factory=dict)
    """The areas by their folded names (``area_key``), the first of each name: so finding one costs no scan."""
    table_line: int | None = None
    """The line of the graded-judgments table's first row; None when the page shows no table."""
    ungraded: list[tuple[str, str]] = field(default_factory=list)
    """(area, the sentence saying it is not graded)."""
    context_sections: list[SectionDraft] = field(default_factory=list)
    areas_inspected: int | None = None
    areas_graded: int | None = None
    inferred_year: str | None = None
    """The round the page's kind implies when the page names none (never the page's own ``year``)."""
