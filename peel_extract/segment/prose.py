"""Rule (catch-all, last): any other block is prose of where the page is; else it is kept as unplaced."""

from __future__ import annotations

from ..blocks import Block
from .rule import accepts
from .state import D, State


@accepts(items=True, continues=["intro"], running_text=True)
def prose(state: State[D], block: Block) -> bool:
    """Keep the block as a paragraph where it stands; text with no place is kept as unplaced. A paragraph
    ending with ':' may introduce the list after it."""
    container = state.container()
    state.intro = container[0] if container is not None and block.text.endswith(":") else None
    if container is not None:
        container[0].append(block.text)
    else:
        state.page.unplaced.append((block.text, block.line))
        state.warn("unplaced", "text outside any part of the page is kept in 'unplaced'", block.line)
    return True
