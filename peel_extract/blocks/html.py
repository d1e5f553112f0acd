"""HTML reader: a saved page's element tree, walked once, to the same block stream as text.

It rests on generic HTML semantics only: headings, paragraphs, lists and their nesting,
line breaks, tables, hidden elements and ARIA roles (``elements.py`` says what each element is).
Class names are never consulted. Subtrees that are never content (scripts, navigation, site
header and footer, hidden elements) are skipped whole, so the walk only visits content.

The walk is the reader's hot loop (it meets every element a page shows): it goes over each
element's children in a plain ``for`` loop with its state in locals, handles a paragraph of
plain text in that loop, and leaves the rarer elements (headings, lists, tables) to methods.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .cells import colspan, layout_cell
from .common import NOT_PLAIN, Block, LineLists, fold, para, strip_bullet
from .elements import (
    BREAK,
    CELL,
    CONTAINER,
    CONTENT,
    HEADING,
    ITEM,
    KINDS,
    LIST,
    LOOKED_AT,
    PRE,
    ROW,
    never_content,
    role_tag,
)
from .parse import LIBXML2_MAX_DEPTH

_ASCII_SPACE = " \t\r\n\f"
# The attributes that can change what an element is to the walk: its role, and whether it is hidden.
_HIDING_ATTRIBUTES = frozenset(("hidden", "aria-hidden", "style"))
_READ_ATTRIBUTES = _HIDING_ATTRIBUTES | {"role"}

_Open = tuple[Iterator[etree._Element], etree._Element, str, int]
"""An open element being walked: the rest of its parent's children, the element, its tag and kind."""


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
        self.item_depths: list[int] = []
        """The depth of the items of each open list, set when the list opens: items of one list (siblings,
        as a browser shows them) share it, even after prose inside one of them."""
        self.tables: dict[etree._Element, bool] = {}
        """Whether each table met holds more than one cell (counted once per table)."""
        self.headings: list[int] = []
        self.items: list[_Item] = []
        self.row: list[list[str]] | None = None
        """The open table row: each cell's lines."""
        self.cell_depth = 0
        self.pre_depth = 0

    def plain(self) -> bool:
        """Whether a paragraph here is prose of its own: nothing pending, outside any heading, <pre>,
        table row, and any list item whose own text has yet to come."""
        return not (
            self.buf
            or self.headings
            or self.pre_depth
            or self.row is not None
            or (self.items and self.items[-1].open_slot)
        )

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
            marker, text = strip_bullet(raw)
            if text:
                item.open_slot = False
                self._emit(Block("item", text, self.line, depth=item.depth, marker=marker))
        elif self.pre_depth:
            for offset, line in enumerate(raw.split("\n")):
                self.text_line(line, self.line + offset)
        else:
            self.text_line(raw.strip(_ASCII_SPACE), self.line)

    def text_line(self, raw: str, line: int) -> None:
        """A line of prose, or a bulleted line written as text (its indentation gives its depth); ``raw``
        has no ASCII white space at its ends (NBSP is kept: it indents)."""
        if raw[:1] in NOT_PLAIN:  # a bullet, a number or indentation: maybe a list item written as text
            block = self.lists.block(raw, line)
            if block is None:
                return
        else:  # prose (most lines)
            text = fold(raw)
            if not text:
                return
            self.lists.reset()
            block = para(text, line)
        if self.items:
            self.depth_base = self.list_depth  # prose ends an open list item's list (_escape_lists)
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
        if item is not None and item.open_slot and not self.buf and kind != CONTAINER:
            item.open_slot = False
        if self.buf:
            self.flush()
        if kind == HEADING:
            self.headings.append(int(tag[1]))
        elif kind == LIST:
            self.list_depth += 1
            self.item_depths.append(max(self.list_depth - self.depth_base - 1, 0))
        elif kind == ITEM:
            self.items.append(_Item(self.item_depths[-1] if self.item_depths else 0))
        elif kind == ROW:
            self.row = []
        elif kind == CELL:
            if self.row is not None and layout_cell(el, self.tables):
                self._end_row(el)  # a cell holding headings, lists or prose is layout: its content is blocks
            elif self.row is not None:
                self.row.append([])
            self.cell_depth += 1
        elif kind == PRE:
            self.pre_depth += 1

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
        if kind == HEADING:
            if self.headings:
                self.headings.pop()
        elif kind == LIST:
            if self.item_depths:
                self.item_depths.pop()
            self.list_depth = max(self.list_depth - 1, 0)
            self.depth_base = min(self.depth_base, self.list_depth)
            self.lists.reset()
        elif kind == ITEM:
            if self.items:
                self.items.pop()
        elif kind == ROW:
            self._end_row(el)
        elif kind == CELL:
            self.cell_depth = max(self.cell_depth - 1, 0)
            if self.row is not None:
                self.row.extend([] for _ in range(colspan(el) - 1))  # later cells keep their columns
        elif kind == PRE:
            self.pre_depth -= 1

    def meaning(self, el: etree._Element, tag: str, in_content: bool) -> str | None:
        """The tag an element is walked as (its ARIA role may give it another); None to skip it whole."""
        names = el.keys()
        if tag not in LOOKED_AT and _READ_ATTRIBUTES.isdisjoint(names):
            return tag  # attributes the walk does not read (class, id, href ...)
        if "role" in names:
            tag = role_tag(tag, el.get("role", ""), el)
        if tag not in LOOKED_AT and _HIDING_ATTRIBUTES.isdisjoint(names):
            return tag  # neither dropped nor hidden: content
        return None if never_content(tag, el, in_content, bool(self.headings)) else tag

    def walk(self, root: etree._Element, max_depth: int) -> bool:
        """Walk the tree into blocks; False when it nests deeper than ``max_depth``."""
        buf = self.buf
        kinds = KINDS
        stack: list[_Open] = []
        children: Iterator[etree._Element] = iter((root,))
        content = 0  # open elements that are content (main, article, section)
        while True:
            for el in children:
                tag = el.tag
                if tag in LOOKED_AT or el.attrib:  # most elements are plain tags without attributes
                    meant = self.meaning(el, tag, content > 0)
                    if meant is None:
                        self.tail(el)
                        continue
                    tag = meant
                if len(stack) >= max_depth:
                    return False
                kind = kinds.get(tag, 0)
                if len(el):
                    if kind == BREAK:  # a <br> holding elements (libxml2 nests none in one): its text is walked
                        self.line_break()
                        kind = 0
                    elif kind:
                        self.open(kind, el, tag)
                    text = el.text
                    if text and (buf or text.strip(_ASCII_SPACE)):
                        self.add(text, el)
                    stack.append((children, el, tag, kind))
                    content += tag in CONTENT
                    children = iter(el)
                    break
                if kind == CONTAINER and self.plain():
                    text = el.text  # a paragraph of plain text: its block at once
                    if text and (text := text.strip(_ASCII_SPACE)):
                        self.line = _line(el, self.line)
                        self.text_line(text, self.line)
                elif kind == BREAK:
                    self.line_break()
                elif kind:
                    self.open(kind, el, tag)
                    text = el.text
                    if text and (buf or text.strip(_ASCII_SPACE)):
                        self.add(text, el)
                    self.close(kind, el)
                else:
                    text = el.text
                    if text and (buf or text.strip(_ASCII_SPACE)):
                        self.add(text, el)
                tail = el.tail
                if tail and (buf or tail.strip(_ASCII_SPACE)):
                    self.add(tail, el)
            else:
                if not stack:
                    break
                children, el, tag, kind = stack.pop()
                content -= tag in CONTENT
                if kind:
                    self.close(kind, el)
                tail = el.tail
                if tail and (buf or tail.strip(_ASCII_SPACE)):
                    self.add(tail, el)
        self.flush()
        return True

    def add(self, text: str, el: etree._Element) -> None:
        if not self.buf:
            if not text.strip(_ASCII_SPACE):
                return  # white space before any text: it folds away (NBSP is kept: it indents)
            self.line = _line(el, self.line)
        self.buf.append(text)

    def tail(self, el: etree._Element) -> None:
        tail = el.tail
        if tail and (self.buf or tail.strip(_ASCII_SPACE)):
            self.add(tail, el)


def _head_title(root: etree._Element) -> Block | None:
    """The page's ``<title>`` (in ``<head>``, whose other content is never page content)."""
    title = root.find("head/title")
    if title is None:
        return None
    text = fold("".join(map(str, title.itertext())))  # not xpath("string()"): it builds an evaluator per page
    return Block("title", text, _line(title, 1)) if text else None


def tree_blocks(root: etree._Element, max_depth: int = LIBXML2_MAX_DEPTH) -> list[Block] | None:
    """The block stream of a parsed HTML document; None when it nests deeper than ``max_depth``."""
    walker = _Walker()
    title = _head_title(root)
    if title is not None:
        walker.blocks.append(title)
    return walker.blocks if walker.walk(root, max_depth) else None
