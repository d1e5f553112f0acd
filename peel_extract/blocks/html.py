"""HTML reader: a saved page's element tree, walked once, to the same block stream as text.

It rests on generic HTML semantics only: headings, paragraphs, lists and their nesting,
line breaks, tables and hidden elements. Class names are never consulted. Subtrees that are
never content (scripts, navigation, site header and footer, hidden elements) are skipped
whole, so the walk only visits content.
"""

from __future__ import annotations

import re

from lxml import etree

from .cells import colspan, layout_cell
from .common import Block, LineLists, fold, strip_bullet
from .parse import LIBXML2_MAX_DEPTH

# Elements whose content is never page content (a <title> strayed into the body included; <noembed>
# and <noframes> are shown only by browsers without plugins or frames).
_DROP = frozenset(
    (
        "head title script style noscript noembed noframes template nav iframe object embed svg math canvas "
        "audio video map button select textarea input form dialog"
    ).split()
)
# header/footer are site chrome unless they sit inside content (ARIA banner/contentinfo); a
# header holding the page's h1 holds its title and is content.
_LANDMARKS = frozenset({"header", "footer"})
_CONTENT = frozenset({"article", "main", "section"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ASCII_SPACE = " \t\r\n\f"
# ARIA roles, by the element each gives a div or span the meaning of (markup built of divs says headings,
# lists and landmarks this way). A role attribute lists fallbacks: the first role known here counts.
_ROLE_TAGS = {
    **dict.fromkeys(("navigation", "search", "menu", "menubar", "toolbar", "tablist"), "nav"),
    **dict.fromkeys(("dialog", "alertdialog"), "dialog"),
    "button": "button",
    "banner": "header",
    "contentinfo": "footer",
    "main": "main",
    "article": "article",
    "region": "section",
    "heading": "h",
    "paragraph": "p",
    "list": "ul",
    "listitem": "li",
    **dict.fromkeys(("table", "grid"), "table"),
    "row": "tr",
    **dict.fromkeys(("cell", "gridcell", "columnheader", "rowheader"), "td"),
}
_ARIA_LEVELS = frozenset("123456")
# A site header holding the page's h1 holds its title, and is content.
_H1 = etree.XPath(".//h1 | .//*[@role='heading' and normalize-space(@aria-level)='1']")

# What each tag is to the walker; any tag not listed is inline.
_BLOCK, _CONTAINER, _HEADING, _LIST, _ITEM, _ROW, _CELL, _BREAK, _PRE = range(1, 10)
_KINDS: dict[str, int] = {
    **dict.fromkeys(
        "html body main aside header footer figure figcaption address dl dt dd table thead tbody tfoot caption "
        "hr details summary fieldset legend center".split(),
        _BLOCK,
    ),
    **dict.fromkeys("p div section article blockquote".split(), _CONTAINER),
    **dict.fromkeys([f"h{n}" for n in range(1, 7)], _HEADING),
    "ul": _LIST,
    "ol": _LIST,
    "li": _ITEM,
    "tr": _ROW,
    "td": _CELL,
    "th": _CELL,
    "br": _BREAK,
    "pre": _PRE,
}


def _hidden(el: etree._Element) -> bool:
    attrib = el.attrib
    if not attrib:
        return False
    hidden = attrib.get("hidden")
    if hidden is not None and hidden.lower() != "until-found":  # until-found: shown by find-in-page, content
        return True
    if attrib.get("aria-hidden", "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(attrib.get("style", "")))


def _meant(tag: str, el: etree._Element) -> str:
    """The tag an element's ARIA role gives it the meaning of (``h1``-``h6`` for a heading, by its
    ``aria-level``, 2 when unsaid), or its own tag when it has no role known here."""
    for role in el.get("role", "").lower().split():
        meant = _ROLE_TAGS.get(role)
        if meant == "h":
            level = el.get("aria-level", "").strip()
            return f"h{level}" if level in _ARIA_LEVELS else "h2"
        if meant is not None:
            return meant
    return tag


def _never_content(tag: str, el: etree._Element, in_content: bool, in_heading: bool) -> bool:
    """Dropped elements, hidden ones, and a site header (without the h1) or footer outside content.
    A button inside a heading (an accordion's) is the heading's text."""
    if (tag in _DROP and not (in_heading and tag == "button")) or _hidden(el):
        return True
    if tag in _LANDMARKS and not in_content:
        return tag == "footer" or not _H1(el)
    return False


def _line(el: etree._Element, default: int) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else default


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
        self.headings: list[int] = []
        self.items: list[_Item] = []
        self.row: list[list[str]] | None = None
        """The open table row: each cell's lines."""
        self.cell_depth = 0
        self.pre_depth = 0

    def add(self, text: str, el: etree._Element) -> None:
        if not self.buf:
            if not text.strip(_ASCII_SPACE):
                return  # white space before any text: it folds away (NBSP is kept: it indents)
            self.line = _line(el, self.line)
        self.buf.append(text)

    def leaf(self, el: etree._Element, text: str | None) -> bool:
        """A paragraph holding only text (no child element), outside any list item, heading, table or
        <pre>: its block, at once (most of a page is such paragraphs). False when it is not that simple."""
        if (
            self.buf
            or self.headings
            or self.pre_depth
            or self.row is not None
            or (self.items and self.items[-1].open_slot)
        ):
            return False
        if text and text.strip(_ASCII_SPACE):
            self.line = _line(el, self.line)
            self._text_line(text.lstrip(_ASCII_SPACE), self.line)
        return True

    def flush(self) -> None:
        if not self.buf:
            return
        raw = self.buf[0] if len(self.buf) == 1 else "".join(self.buf)
        self.buf.clear()
        if self.row is not None and self.cell_depth:
            text = fold(raw)
            if text and self.row:
                self.row[-1].append(text)
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
                self._text_line(line, self.line + offset)
        else:
            self._text_line(raw.lstrip(_ASCII_SPACE), self.line)

    def _text_line(self, raw: str, line: int) -> None:
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

    def line_break(self) -> None:
        if self.items and self.items[-1].open_slot and not self.headings:
            self.buf.append(" ")
        elif self.buf:
            self.flush()

    def open(self, kind: int, el: etree._Element, tag: str) -> None:
        item = self.items[-1] if self.items else None
        if item is not None and item.open_slot and not self.buf and kind != _CONTAINER:
            item.open_slot = False
        if self.buf:
            self.flush()
        if kind == _HEADING:
            self.headings.append(int(tag[1]))
        elif kind == _LIST:
            self.list_depth += 1
        elif kind == _ITEM:
            self.items.append(_Item(max(self.list_depth - self.depth_base - 1, 0)))
        elif kind == _ROW:
            self.row = []
        elif kind == _CELL:
            if self.row is not None and layout_cell(el):
                self._layout_row(el)
            elif self.row is not None:
                self.row.append([])
            self.cell_depth += 1
        elif kind == _PRE:
            self.pre_depth += 1

    def _layout_row(self, el: etree._Element) -> None:
        """A cell holding headings, lists or paragraphs of prose is layout: its content is ordinary blocks."""
        self._end_row(el)

    def _end_row(self, el: etree._Element) -> None:
        """Emit the open row (unless all its cells are empty) and close it."""
        if self.row is not None and any(self.row):
            cells = tuple(tuple(lines) for lines in self.row)
            text = " | ".join(" / ".join(lines) for lines in cells if lines)
            self._emit(Block("row", text, _line(el, self.line), cells=cells))
        self.row = None

    def close(self, kind: int, el: etree._Element) -> None:
        if self.buf:
            self.flush()
        if kind == _HEADING:
            if self.headings:
                self.headings.pop()
        elif kind == _LIST:
            self.list_depth = max(self.list_depth - 1, 0)
            self.depth_base = min(self.depth_base, self.list_depth)
            self.lists.reset()
        elif kind == _ITEM:
            if self.items:
                self.items.pop()
        elif kind == _ROW:
            self._end_row(el)
        elif kind == _CELL:
            self.cell_depth = max(self.cell_depth - 1, 0)
            if self.row is not None:
                self.row.extend([] for _ in range(colspan(el) - 1))  # later cells keep their columns
        elif kind == _PRE:
            self.pre_depth -= 1


def _head_title(root: etree._Element) -> Block | None:
    """The page's ``<title>`` (in ``<head>``, whose other content is never page content)."""
    title = root.find("head/title")
    text = fold(str(title.xpath("string()"))) if title is not None else ""
    return Block("title", text, _line(title, 1)) if title is not None and text else None


def tree_blocks(root: etree._Element, max_depth: int = LIBXML2_MAX_DEPTH) -> list[Block] | None:
    """The block stream of a parsed HTML document; None when it nests deeper than ``max_depth``."""
    walker = _Walker()
    title = _head_title(root)
    if title is not None:
        walker.blocks.append(title)
    buf = walker.buf  # white space with nothing before it folds away: skip it without a call
    kinds = _KINDS
    depth = content = 0
    skipped = leaf = False
    meanings: dict[etree._Element, str] = {}  # open elements whose role gives them another tag
    events = etree.iterwalk(root, events=("start", "end"))
    for event, el in events:
        tag = el.tag
        if event == "start":
            # Most elements are allowed tags without attributes: that needs no further look.
            if tag in _DROP or tag in _LANDMARKS or el.attrib:
                if "role" in el.attrib and (meant := _meant(tag, el)) != tag:
                    tag = meanings[el] = meant
                if _never_content(tag, el, content > 0, bool(walker.headings)):
                    events.skip_subtree()
                    skipped = True  # the next event is this element's own end
                    continue
            depth += 1
            if depth > max_depth:
                return None
            content += tag in _CONTENT
            kind = kinds.get(tag, 0)
            if kind == _BREAK:
                walker.line_break()
                continue
            if kind == _CONTAINER and not len(el) and walker.leaf(el, el.text):
                leaf = True  # its end event needs no closing
                continue
            if kind:
                walker.open(kind, el, tag)
            text = el.text
            if text and (buf or text.strip(_ASCII_SPACE)):
                walker.add(text, el)
            continue
        if meanings:
            tag = meanings.pop(el, tag)
        if skipped:
            skipped = False
        elif leaf:
            leaf = False
            depth -= 1
            content -= tag in _CONTENT
        else:
            depth -= 1
            content -= tag in _CONTENT
            kind = kinds.get(tag, 0)
            if kind and kind != _BREAK:
                walker.close(kind, el)
        tail = el.tail
        if tail and (buf or tail.strip(_ASCII_SPACE)):
            walker.add(tail, el)
    walker.flush()
    return walker.blocks
