"""Rule (catch-all, last): any other block is prose of the summary or of the current section."""

from __future__ import annotations

from ..blocks import Block
from .state import State


def prose(state: State, block: Block) -> bool:
    """Keep the block as a paragraph where it stands; text with no place is kept as unplaced."""
    if state.question is not None:
        section = state.section or state.open_section(None, block.line)
        section.paragraphs.append(block.text)
    elif state.phase == "summary":
        state.page.summary.append(block.text)
    else:
        state.page.unplaced.append((block.text, block.line))
        state.warn("unplaced", "text outside any part of the page is kept in 'unplaced'", block.line)
    return True
