"""The segmentation state: the cursor over the blocks, the page's phase and what is open, and the draft it fills."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..blocks import Block
from ..errors import Issue
from .drafts import (
    GradeColumns,
    HeaderDraft,
    ListDraft,
    ListKind,
    Node,
    PageDraft,
    PracticeDraft,
    QuestionDraft,
    SectionDraft,
)
from .phases import Phase

D = TypeVar("D", bound=PageDraft)
"""The draft of the page's kind."""


@dataclass(frozen=True, slots=True)
class KindSpec:
    """What the shared rules need to know of a page kind: its title lines, years and pillars."""

    page_type: str
    """The records' ``page_type`` of this kind."""
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
class State(Generic[D]):
    """Cursor, phase and open containers while the rules run over the block stream."""

    blocks: list[Block]
    page: D
    header: HeaderDraft
    has_questions_heading: bool
    kind: KindSpec
    pos: int = 0
    last_pos: int = field(init=False)
    """The index of the page's last block (``pos == last_pos``: the current block is the last; a rule that asks
    of most blocks reads it rather than calling ``is_last``)."""
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

    def __post_init__(self) -> None:
        self.last_pos = len(self.blocks) - 1

    def is_last(self) -> bool:
        """Whether the current block is the last of the page."""
        return self.pos == self.last_pos

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
