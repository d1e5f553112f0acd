"""Rule (catch-all, last): any other block is prose of where the page is; else it is kept as unplaced."""

from __future__ import annotations

from ..blocks import Block
from .rule import accepts
from .state import D, State


@accepts(items=True, continues=["intro"], running_text=True)
def prose(state: State[D], block: Block) -> bool:
    """Keep the block as a paragraph where it stands; text with no place is kept as unplaced. A paragraph
    ending with ':' may introduce the list after it."""
    section = state.section
    if section is not None:  # the section being read (most prose): ``state.container()`` gives its paragraphs
        paragraphs: list[str] | None = section.paragraphs
    else:
        container = state.container()
        paragraphs = container[0] if container is not None else None
    if paragraphs is not None:
        paragraphs.append(block.text)
        state.intro = paragraphs if block.text.endswith(":") else None
    else:
        state.intro = None
        state.page.unplaced.append((block.text, block.line))
        state.warn("unplaced", "text outside any part of the page is kept in 'unplaced'", block.line)
    return True
