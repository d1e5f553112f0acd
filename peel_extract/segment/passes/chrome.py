"""Pre-pass: site chrome ("Skip to content", "Summary for question 2") is dropped, even when fused.

A chrome link can end up glued to the end of a paragraph (an unclosed <p> in HTML, or words
fused across elements in a text scrape); that tail is trimmed and the paragraph kept.
"""

from __future__ import annotations

from ...blocks import Block
from ...vocab import CHROME, CHROME_STARTS, CHROME_TAIL, CHROME_TAIL_WORDS

# Chrome lines are short: a long block is never tried against the pattern.
_LONGEST_CHROME = 160


def strip_chrome(blocks: list[Block]) -> list[Block]:
    """The blocks without chrome lines, and without chrome fused onto their ends."""
    kept: list[Block] = []
    keep, chrome = kept.append, CHROME.match
    for block in blocks:
        text = block.text
        if CHROME_TAIL_WORDS in text:  # maybe a chrome line, or chrome fused on (few blocks)
            if not _chrome_line(block):
                keep(_untailed(block))
        elif len(text) > _LONGEST_CHROME or text[:1] not in CHROME_STARTS or block.kind == "item" or not chrome(text):
            keep(block)
    return kept


def _chrome_line(block: Block) -> bool:
    text = block.text
    return (
        len(text) <= _LONGEST_CHROME and text[:1] in CHROME_STARTS and block.kind != "item" and bool(CHROME.match(text))
    )


def _untailed(block: Block) -> Block:
    """The block without chrome fused onto its end."""
    text = block.text
    tail = CHROME_TAIL.search(text) if CHROME_TAIL_WORDS in text else None
    return block if tail is None or tail.start() == 0 else block._replace(text=text[: tail.start()])
