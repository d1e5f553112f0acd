"""Text reader: a saved plain-text scrape, one block per non-blank line.

Both renderings are covered: blank-line separated scrapes and compact ones. Indentation
means nesting only for bulleted lines; an indented line of prose is ordinary prose.
"""

from __future__ import annotations

from .common import Block, LineLists


def text_blocks(text: str) -> list[Block]:
    """The block stream of a plain-text page."""
    lists = LineLists()
    blocks: list[Block] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        block = lists.block(raw, number)
        if block is not None:
            blocks.append(block)
    return blocks
