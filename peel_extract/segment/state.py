"""The segmentation state: the draft record the rules fill in, and the cursor over the blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..blocks import Block
from ..errors import Issue
from .phases import Phase

PageType = Literal["peel_pillar", "peel_overview", "frs_pillar", "frs_overview", "peel_report", "frs_report"]
ListKind = Literal["areas_for_improvement", "causes_of_concern", "recommendations"]


@dataclass(frozen=True, slots=True)
class KindSpec:
    """What the shared rules need to know of a page kind: its title lines, years and pillars."""

    page_type: PageType
    titles: tuple[re.Pattern[str], ...]
    """The title line's patterns; each has the groups ``force``, ``year`` and ``end``."""
    year: Callable[[str, str | None], str]
    """The year as records write it, from the title's first year and end ("2018", "2018-19")."""
    pillars: tuple[str, ...]
    """The pillar names this kind of page has."""
    after_title: Phase
    """Where the page goes on after its title: a pillar's header, or an overview's intro."""
    afi_sentence: re.Pattern[str]
    """What an area for improvement written as a paragraph (not a bullet) starts like."""
    opening: re.Pattern[str] | None = None
    """The block a page of this kind opens with when it has no title line (blocks before it are banners);
    None: a pillar page opens at its headline question, an overview at once."""


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


@dataclass(slots=True)
class ReportDraft:
    """What a report page adds to the draft: its heading, its areas and the sections that frame them."""

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


@dataclass(frozen=True, slots=True)
class GradeColumns:
    """The header row of a judgments table of grade columns."""

    grades: dict[int, str]
    """The grade of each column that has one."""
    width: int
    """The header's number of cells: a cell past it is none of the table's columns."""


@dataclass(slots=True)
class PageDraft:
    """Everything found on the page so far."""

    page_type: PageType
    header: HeaderDraft = field(default_factory=lambda: HeaderDraft(line=1))
    title: str | None = None
    """The page's own title, where its markup has one (an HTML ``<title>``)."""
    name: str | None = None
    """The force's or service's name as the title line gives it."""
    full_name: str | None = None
    """The service's full name, where its prose gives it ("Kent Fire and Rescue Service")."""
    year: str | None = None
    year_source: str | None = None
    sections: list[SectionDraft] = field(default_factory=list)
    questions: list[QuestionDraft] = field(default_factory=list)
    pillars: list[HeaderDraft] = field(default_factory=list)
    inspector: str | None = None
    inspector_title: str | None = None
    observations: SectionDraft | None = None
    report: ReportDraft = field(default_factory=ReportDraft)
    unplaced: list[tuple[str, int]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    truncated: bool = False


class Tree:
    """Builds a nested list from items that carry a depth; a parent may be given up front."""

    __slots__ = ("_stack", "roots")

    def __init__(self, roots: list[Node], parent: Node | None = None) -> None:
        self.roots = roots
        self._stack: list[tuple[int, Node]] = [] if parent is None else [(-1, parent)]

    def add(self, depth: int, node: Node) -> None:
        while self._stack and self._stack[-1][0] >= depth:
            self._stack.pop()
        (self._stack[-1][1].items if self._stack else self.roots).append(node)
        self._stack.append((depth, node))


@dataclass(slots=True)
class State:
    """Cursor, phase and open containers while the rules run over the block stream."""

    blocks: list[Block]
    page: PageDraft
    header: HeaderDraft
    has_questions_heading: bool
    kind: KindSpec
    pos: int = 0
    phase: Phase = "preamble"
    last_rule: str = ""
    """The name of the rule that took the block before (set by the driver only)."""
    question: QuestionDraft | None = None
    section: SectionDraft | None = None
    list_kind: ListKind | None = None
    tree: Tree | None = None
    practice: PracticeDraft | None = None
    pending_number: int | None = None
    grade_columns: GradeColumns | None = None
    """The columns of the judgments table being read (from its header row)."""
    intro: list[str] | None = None
    """The paragraphs whose last one may introduce a list: prose just took it, and it ends with ':'."""

    def peek(self, offset: int = 1) -> Block | None:
        """The block ``offset`` places after the current one, if any."""
        index = self.pos + offset
        return self.blocks[index] if index < len(self.blocks) else None

    def is_last(self) -> bool:
        """Whether the current block is the last of the page."""
        return self.pos == len(self.blocks) - 1

    def container(self) -> tuple[list[str], list[ListDraft]] | None:
        """Where prose and lists go now: a section, a header's summary, or nowhere (None)."""
        if self.question is not None and self.section is None:
            self.open_section(None, self.blocks[self.pos].line)
        if self.section is not None:
            return self.section.paragraphs, self.section.lists
        if self.phase in ("header", "summary", "intro"):
            return self.header.summary, self.header.summary_lists
        return None

    def open_section(self, heading: str | None, line: int) -> SectionDraft:
        """Start a section (in the current question, else the page) that prose then goes into."""
        section = SectionDraft(heading, line)
        (self.question.sections if self.question is not None else self.page.sections).append(section)
        self.section = section
        return section

    def warn(self, code: str, message: str, line: int | None) -> None:
        """Record a warning for the page."""
        self.page.issues.append(Issue(code, message, line))
