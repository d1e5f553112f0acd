"""Rule: site chrome between content blocks ("Skip to content", "Summary for question 2") is dropped."""

from __future__ import annotations

from ..blocks import Block
from ..vocab import CHROME
from .state import State


def chrome(state: State, block: Block) -> bool:
    """Consume a chrome line; it is not content and leaves no trace in the record."""
    return block.kind != "item" and CHROME.match(block.text) is not None
