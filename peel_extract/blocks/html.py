"""HTML reader: a saved page's element tree, walked once, to the same block stream as text.

It rests on generic HTML semantics only: headings, paragraphs, lists and their nesting,
line breaks, tables and hidden elements. Class names are never consulted.
"""

from __future__ import annotations

import re

from lxml import etree

from .common import Block, LineLists, fold, strip_bullet

# Elements whose content is never page content.
_DROP = frozenset(
    (
        "head script style noscript template nav iframe object embed svg math canvas audio video map "
        "button select textarea input form dialog"
    ).split()
)
# header/footer are site chrome unless they sit inside content (ARIA: banner/contentinfo).
_LANDMARKS = frozenset({"header", "footer"})
_CONTENT = frozenset({"article", "main", "section"})
_BLOCK = frozenset(
    (
        "html body div p section article main aside header footer blockquote figure figcaption address "
        "h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table thead tbody tfoot tr td th caption pre hr details "
        "summary fieldset legend center"
    ).split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = frozenset({"ul", "ol"})
# A cell holding any of these (or several paragraphs) is page layout, not a cell of data.
_LAYOUT_SIGNS = ".//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//ul|.//ol|.//table|.//dl|.//blockquote"
_TEXT_CONTAINERS = frozenset({"p", "div", "section", "article", "blockquote"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# libxml2 stops parsing past this nesting depth unless its 'huge tree' mode is on.
LIBXML2_MAX_DEPTH = 256


def parser(huge: bool = False) -> etree.HTMLParser:
    """An HTML parser that never touches the network and keeps no comments or PIs.

    libxml2's HTML parser reads no DTD and resolves no external entity; ``no_network`` also
    forbids any fetch. ``huge`` lifts libxml2's depth and size limits (only when asked for).
    """
    return etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=huge)


def _line(el: etree._Element, default: int) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else default


def _hidden(el: etree._Element) -> bool:
    attrib = el.attrib
    if not attrib:
        return False
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(attrib.get("style", "")))


class _Item:
    """An open ``li``: its depth, and whether its own text has yet to be emitted."""

    __slots__ = ("depth", "open_slot")

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.open_slot = True


class _Walker:
    """Collects inline text and emits a block whenever a block-level boundary is reached."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.line = 1
        self.lists = LineLists()
        self.list_depth = 0
        self.depth_base = 0
        self.content_depth = 0
        self.headings: list[int] = []
        self.items: list[_Item] = []
        self.row: list[str] | None = None
        self.cell_depth = 0
        self.pre_depth = 0

    def add(self, text: str | None, line: int) -> None:
        if text:
            if not self.buf:
                self.line = line
            self.buf.append(text)

    def flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        self.buf.clear()
        if self.row is not None and self.cell_depth:
            text = fold(raw)
            if text:
                self.row.append(text)
        elif self.headings:
            self._escape_lists()
            self._emit(Block("heading", fold(raw), self.line, level=self.headings[-1]))
        elif self.items and self.items[-1].open_slot:
            item = self.items[-1]
            text = strip_bullet(raw)
            if text:
                item.open_slot = False
                self._emit(Block("item", text, self.line, depth=item.depth))
        elif self.pre_depth:
            for offset, line in enumerate(raw.split("\n")):
                self._line(line, self.line + offset)
        else:
            self._line(raw.lstrip(" \t\r\n\f"), self.line)

    def _line(self, raw: str, line: int) -> None:
        """A line of prose, or a bulleted line written as text (its indentation gives its depth)."""
        block = self.lists.block(raw, line)
        if block is not None:
            self._escape_lists()
            self.blocks.append(block)

    def _escape_lists(self) -> None:
        """Prose inside an open list item ends that list: lists after it start again at depth 0.

        Unclosed list markup leaves the rest of a page inside the last ``li``; its content
        is not part of the item, and later lists are not nested in it.
        """
        if self.items:
            self.depth_base = self.list_depth

    def _emit(self, block: Block) -> None:
        if block.text:
            self.lists.reset()
            self.blocks.append(block)

    def start(self, tag: str, el: etree._Element) -> None:
        if tag == "br":
            if self.items and self.items[-1].open_slot and not self.headings:
                self.add(" ", _line(el, self.line))
            else:
                self.flush()
            return
        if tag not in _BLOCK:
            self.add(el.text, _line(el, self.line))
            return
        self._open_block(tag, el)
        self.add(el.text, _line(el, self.line))

    def _open_block(self, tag: str, el: etree._Element) -> None:
        item = self.items[-1] if self.items else None
        if item is not None and item.open_slot and self.buf:
            self.flush()
        elif item is not None and item.open_slot and tag not in _TEXT_CONTAINERS:
            item.open_slot = False
        self.flush()
        if tag in ("td", "th") and self.row is not None and _layout_cell(el):
            self._layout_row(el)
        if tag in _HEADINGS:
            self.headings.append(_HEADINGS[tag])
        elif tag in _LISTS:
            self.list_depth += 1
        elif tag == "li":
            self.items.append(_Item(max(self.list_depth - self.depth_base - 1, 0)))
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell_depth += 1
        elif tag in _CONTENT:
            self.content_depth += 1
        elif tag == "pre":
            self.pre_depth += 1

    def _layout_row(self, el: etree._Element) -> None:
        """A cell holding paragraphs, headings or lists is layout: its content is ordinary blocks."""
        assert self.row is not None
        if self.row:
            self._emit(Block("row", " | ".join(self.row), _line(el, self.line)))
        self.row = None

    def end(self, tag: str, el: etree._Element) -> None:
        if tag in _BLOCK:
            self.flush()
            self._close_block(tag, el)
        self.add(el.tail, _line(el, self.line))

    def _close_block(self, tag: str, el: etree._Element) -> None:
        if tag in _HEADINGS and self.headings:
            self.headings.pop()
        elif tag in _LISTS:
            self.list_depth = max(self.list_depth - 1, 0)
            self.depth_base = min(self.depth_base, self.list_depth)
            self.lists.reset()
        elif tag == "li" and self.items:
            self.items.pop()
        elif tag == "tr" and self.row is not None:
            if self.row:
                self._emit(Block("row", " | ".join(self.row), _line(el, self.line)))
            self.row = None
        elif tag in ("td", "th"):
            self.cell_depth = max(self.cell_depth - 1, 0)
        elif tag in _CONTENT:
            self.content_depth -= 1
        elif tag == "pre":
            self.pre_depth -= 1


def _layout_cell(el: etree._Element) -> bool:
    """A table cell that holds headings, lists, tables or several paragraphs: page layout."""
    paragraphs = sum(1 for child in el if isinstance(child.tag, str) and child.tag in ("p", "div"))
    return paragraphs > 1 or bool(el.xpath(_LAYOUT_SIGNS))


def _dropped(tag: str, el: etree._Element, walker: _Walker) -> bool:
    if tag in _DROP:
        return True
    if tag in _LANDMARKS and not walker.content_depth:
        # A header holding the page's h1 holds its title: that header is content.
        return tag == "footer" or el.find(".//h1") is None
    return _hidden(el)


def tree_blocks(root: etree._Element, max_depth: int = LIBXML2_MAX_DEPTH) -> list[Block] | None:
    """The block stream of a parsed HTML document; None when it nests deeper than ``max_depth``."""
    walker = _Walker()
    depth = 0
    events = etree.iterwalk(root, events=("start", "end"))
    for event, el in events:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        depth += 1 if event == "start" else -1
        if depth > max_depth:
            return None
        tag = tag.lower()
        if event == "start":
            if _dropped(tag, el, walker):
                events.skip_subtree()
                if tag in _BLOCK:
                    walker.flush()
                continue
            walker.start(tag, el)
        elif not _dropped(tag, el, walker):
            walker.end(tag, el)
        else:
            walker.add(el.tail, _line(el, walker.line))
    walker.flush()
    return walker.blocks
