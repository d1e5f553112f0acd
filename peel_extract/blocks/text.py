"""Text reader: a saved plain-text scrape, one block per non-blank line.

Both renderings are covered: blank-line separated scrapes and compact ones. Indentation
means nesting only for bulleted lines; an indented line of prose is ordinary prose.

A table the scrape kept gives row blocks, as an HTML table does: two or more lines of cells
separated by tabs, or written between pipes ("| Area | Grade |", or "Area | Grade" over a "---|---"
line, as Markdown writes a table). Empty cells are kept, so each cell stays in its column; the
separator line is dropped.
"""

from __future__ import annotations

import re

from .common import Block, LineLists, fold, split_bullet

# A Markdown table's separator line: "|---|:---:|", "---|---".
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LONGEST_CELL = 150
_SPACE = " \t\u00a0"

Cells = tuple[tuple[str, ...], ...]


def text_blocks(text: str) -> list[Block]:
    """The block stream of a plain-text page."""
    lists = LineLists()
    blocks: list[Block] = []
    lines = text.splitlines()
    in_table = False
    for index, raw in enumerate(lines):
        if "|" in raw or "\t" in raw:
            cells = _row_cells(raw, in_table or _starts_table(raw, lines, index))
            if cells is not None:
                in_table = True
                if cells:
                    lists.reset()
                    blocks.append(_row(cells, index + 1))
                continue
        elif in_table and not raw.strip(_SPACE):
            continue  # a blank line ends no table: blank-line scrapes separate rows too
        in_table = False
        block = lists.block(raw, index + 1)
        if block is not None:
            blocks.append(block)
    return blocks


def _row_shaped(raw: str, leading_tab: bool = False) -> bool:
    """Cells between pipes, or separated by a tab after the line's first word (or, ``leading_tab``, before
    it: a row whose only text is in a later column, "\tPreventing crime"); a bullet is none."""
    text = raw.strip(_SPACE)
    piped = text.startswith("|") and text.endswith("|") and len(text) > 1
    tabbed = "\t" in text or (leading_tab and raw.startswith("\t") and bool(text))
    return (piped or tabbed) and split_bullet(raw) is None


def _starts_table(raw: str, lines: list[str], index: int) -> bool:
    """A line with pipes over a separator line, or a row-shaped line over another line of cells."""
    if not ("|" in raw or "\t" in raw):
        return False
    following = next((line for line in lines[index + 1 :] if line.strip(_SPACE)), "")
    if _SEPARATOR.match(following):
        return "|" in raw or _row_shaped(raw)
    return _row_shaped(raw) and _row_shaped(following, leading_tab=True)


def _row_cells(raw: str, in_table: bool) -> Cells | None:
    """The cells of a table's row; () for a separator line; None for a line that is no row."""
    if not in_table or not ("|" in raw or "\t" in raw) or split_bullet(raw) is not None:
        return None
    if _SEPARATOR.match(raw):
        return ()
    if "|" in raw:
        return _cells(raw.strip(_SPACE).strip("|").split("|"))
    return _cells(raw.rstrip(" \u00a0").split("\t"))  # trailing tabs are empty cells


def _cells(parts: list[str]) -> Cells | None:
    """Each cell's text (an empty cell has none); None unless a cell holds text and none is long."""
    cells = tuple((text,) if (text := fold(part)) else () for part in parts)
    filled = [lines[0] for lines in cells if lines]
    if len(cells) < 2 or not filled or any(len(text) > _LONGEST_CELL for text in filled):
        return None
    return cells


def _row(cells: Cells, line: int) -> Block:
    return Block("row", " | ".join(lines[0] for lines in cells if lines), line, cells=cells)
