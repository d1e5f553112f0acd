"""Pre-pass: site chrome ("Skip to content", "Summary for question 2") is dropped, even when fused.

A chrome link can end up glued to the end of a paragraph (an unclosed <p> in HTML, or words
fused across elements in a text scrape); that tail is trimmed and the paragraph kept.
"""

from __future__ import annotations

import dataclasses

from ..blocks import Block
from ..vocab import CHROME, CHROME_TAIL


def strip_chrome(blocks: list[Block]) -> list[Block]:
    """The blocks without chrome lines, and without chrome fused onto their ends."""
    kept: list[Block] = []
    for block in blocks:
        if block.kind != "item" and CHROME.match(block.text):
            continue
        tail = CHROME_TAIL.search(block.text)
        if tail is not None and tail.start() > 0:
            block = dataclasses.replace(block, text=block.text[: tail.start()])
        kept.append(block)
    return kept
