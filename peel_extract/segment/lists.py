"""Rules: "Areas for improvement", "Causes of concern" and "Recommendations" lists, and other lists."""

from __future__ import annotations

import re

from ..blocks import Block
from ..vocab import (
    AREAS_FOR_IMPROVEMENT,
    CAUSES_OF_CONCERN,
    FINDINGS_INTRO,
    LIST_HEADING_STARTS,
    RECOMMENDATIONS,
)
from .drafts import ListDraft, ListKind, Node
from .rule import accepts
from .state import D, State, Tree

_HEADINGS: tuple[tuple[re.Pattern[str], ListKind], ...] = (
    (AREAS_FOR_IMPROVEMENT, "areas_for_improvement"),
    (CAUSES_OF_CONCERN, "causes_of_concern"),
    (RECOMMENDATIONS, "recommendations"),
)
# Lists whose entries may be paragraphs as well as bullets.
_PROSE_LISTS = ("causes_of_concern", "recommendations")


@accepts(longest=40, phases=["questions"], continues=["list"])
def list_heading(state: State[D], block: Block) -> bool:
    """A list heading inside a question: the bullets after it are entries of that list."""
    if state.question is None or block.kind == "item" or block.text[:1] not in LIST_HEADING_STARTS:
        return False
    for pattern, kind in _HEADINGS:
        if pattern.match(block.text):
            state.list_kind = kind
            state.tree = Tree(state.question.list_roots(kind))
            return True
    return False


@accepts(items=True, paragraphs=False, continues=["list"], running_text=True)  # items (and headings)
def list_item(state: State[D], block: Block) -> bool:
    """A bullet joins the open list, or opens a new list kept with the sentence introducing it."""
    if block.kind != "item":
        return False
    if state.tree is None:
        state.tree = Tree(_open_other_list(state, block).items)
    state.tree.add(block.depth, Node(block.text, block.line))
    return True


@accepts(phases=["questions"], continues=["list"], running_text=True)
def list_paragraph(state: State[D], block: Block) -> bool:
    """Paragraph entries: any under a cause or recommendation heading; under "Areas for
    improvement" only those worded as one (the kind's ``afi_sentence``), for markup without bullets."""
    if block.kind != "para" or state.list_kind is None or state.question is None:
        return False
    if state.list_kind not in _PROSE_LISTS and not state.kind.afi_sentence.match(block.text):
        return False  # under "Areas for improvement", a paragraph not worded as one (most): the first look
    if FINDINGS_INTRO.match(block.text):
        return False
    roots = state.question.list_roots(state.list_kind)
    node = Node(block.text, block.line)
    roots.append(node)
    state.tree = Tree(roots, parent=node if block.text.endswith(":") else None)
    return True


def _open_other_list(state: State[D], block: Block) -> ListDraft:
    container = state.container()
    if container is None:
        state.page.unplaced.append((block.text, block.line))
        state.warn("unplaced", "a list outside any part of the page is kept in 'unplaced'", block.line)
        return ListDraft(intro=None, line=block.line)
    paragraphs, lists = container
    intro = None
    if state.intro is paragraphs:  # the paragraph right before ends with ':
        intro = paragraphs.pop()
    draft = ListDraft(intro=intro, line=block.line)
    lists.append(draft)
    return draft
