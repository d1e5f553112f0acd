"""Pre-pass: site chrome ("Skip to content", "Summary for question 2") is dropped, even when fused.

A chrome link can end up glued to the end of a paragraph (an unclosed <p> in HTML, or words
fused across elements in a text scrape); that tail is trimmed and the paragraph kept.
"""

from __future__ import annotations

from ..blocks import Block
from ..vocab import CHROME, CHROME_TAIL

# Chrome lines are short; the fused tail always holds these words. Both spare a regex per block.
_LONGEST_CHROME = 160
_TAIL_WORDS = "for question"


def strip_chrome(blocks: list[Block]) -> list[Block]:
    """The blocks without chrome lines, and without chrome fused onto their ends."""
    kept: list[Block] = []
    for block in blocks:
        text = block.text
        if len(text) <= _LONGEST_CHROME and block.kind != "item" and CHROME.match(text):
            continue
        tail = CHROME_TAIL.search(text) if _TAIL_WORDS in text else None
        if tail is not None and tail.start() > 0:
            block = block._replace(text=text[: tail.start()])
        kept.append(block)
    return kept
