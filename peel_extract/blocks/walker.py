"""The HTML reader's state while it walks a page's tree, and how it turns text into blocks: inline text is
collected until a block-level boundary, where it becomes a paragraph, a heading, a list item or a table cell's
line. ``html.py`` walks the tree and says what each element is; this module keeps what is open."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from lxml import etree

from .cells import SPANNED, Spanned, colspan, layout_cell
from .common import BULLET_STARTS, INDENT, NOT_PLAIN, Block, LineLists, fold, strip_bullet
from .elements import CELL, CONTAINER, HEADING, ITEM, LIST, PRE, ROW, PageMain

ASCII_SPACE = " \t\r\n\f"
new_block = tuple.__new__  # a Block made in C (its class is a NamedTuple): most blocks are made on hot paths


sourceline: Callable[[etree._Element], int | None] = attrgetter("sourceline")
"""The source line an element starts on, None when lxml does not know it (its stubs do not say so)."""


def line_of(el: etree._Element, default: int) -> int:
    """The source line an element starts on (``default`` when lxml does not know it)."""
    return sourceline(el) or default


class _Item:
    """An open ``li``: its depth, and whether its own text has yet to be emitted."""

    __slots__ = ("depth", "open_slot")

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.open_slot = True


class Walker:
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
        self.row: list[list[str] | Spanned] | None = None
        """The open table row: each cell's lines."""
        self.cell_depth = 0
        self.pre_depth = 0
        self.quiet = True
        """Whether text here is prose: outside any heading, <pre>, table row, and any list item whose own text
        has yet to come (kept by ``_settle`` wherever one of those changes: the walk reads it at every paragraph)."""
        self.indents = self.lists.indents
        self.main = PageMain()
        """Whether the page says its main content (an aside outside it is site chrome)."""

    def _settle(self) -> None:
        self.quiet = not (
            self.headings or self.pre_depth or self.row is not None or (self.items and self.items[-1].open_slot)
        )

    def flush(self) -> None:
        if not self.buf:
            return
        raw = self.buf[0] if len(self.buf) == 1 else "".join(self.buf)
        self.buf.clear()
        if self.row is not None and self.cell_depth:
            text = fold(raw)
            if text and self.row:
                cell = self.row[-1]
                if isinstance(cell, Spanned):  # text after a cell inside a spanning one: in its column, as before
                    cell = self.row[-1] = []
                cell.append(text)
        elif self.headings:
            self._escape_lists()
            text = fold(raw)
            if text:
                self.indents.clear()
                self.blocks.append(new_block(Block, ("heading", text, self.line, 0, self.headings[-1], (), "")))
        elif self.items and self.items[-1].open_slot:
            item = self.items[-1]
            marker, text = strip_bullet(raw)
            if text:
                item.open_slot = False
                self._settle()
                self.indents.clear()
                self.blocks.append(new_block(Block, ("item", text, self.line, item.depth, 0, (), marker)))
        elif self.pre_depth:
            for offset, line in enumerate(raw.split("\n")):
                self.text_line(line, self.line + offset)
        else:
            self.text_line(raw.strip(ASCII_SPACE), self.line)

    def text_line(self, raw: str, line: int) -> None:
        """A line of prose, or a bulleted line written as text (its indentation gives its depth); ``raw`` is
        stripped of ASCII white space, but in ``<pre>`` (NBSP is kept: it indents)."""
        rest = raw.lstrip(INDENT) if raw[:1] in NOT_PLAIN else raw  # (most lines start with a letter)
        if rest[:1] in NOT_PLAIN or (rest is not raw and (not rest or rest[0].isdigit())):
            block = self.lists.block(raw, line)  # a bullet or a number: maybe a list item written as text
            if block is None:
                return
        else:  # prose, or prose indented with NBSPs (a letter after them): folded here, as ``fold`` does
            text = rest if rest.isprintable() and "  " not in rest and rest[-1:] != " " else fold(raw)
            if not text:
                return
            self.indents.clear()
            block = new_block(Block, ("para", text, line, 0, 0, (), ""))
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
        self._settle()

    def _end_row(self, el: etree._Element) -> None:
        """Emit the open row (unless all its cells are empty) and close it."""
        if self.row is not None and any(self.row):
            cells = tuple(lines if lines is SPANNED else tuple(lines) for lines in self.row)
            text = " | ".join(" / ".join(lines) for lines in cells if lines)
            self._emit(Block("row", text, line_of(el, self.line), cells=cells))
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
                self.row.extend([SPANNED] * (colspan(el) - 1))  # later cells keep their columns
        elif kind == PRE:
            self.pre_depth -= 1
        self._settle()

    def leaf_item(self, el: etree._Element) -> None:
        """An ``li`` without children, nothing pending, outside headings and table cells: its item at once, as
        ``open``, ``add`` and ``close`` would give it."""
        text = el.text
        if text and text.strip(ASCII_SPACE):
            self.plain_item(text, line_of(el, self.line))
        else:
            self.plain_item("", 0)

    def plain_item(self, raw: str, line: int) -> None:
        """An ``li`` of plain text (``raw``, from its first piece that is not white space: "" for none, starting on
        ``line``), nothing pending, outside headings and table cells: its item at once, as ``open``, ``add`` and
        ``close`` would give it."""
        items = self.items
        if items and items[-1].open_slot:
            items[-1].open_slot = False  # the item holding this list has no text of its own before it
            self._settle()
        if raw:
            self.line = line
            first = raw.lstrip(INDENT)[:1]
            if first in BULLET_STARTS or first.isdigit():
                marker, text = strip_bullet(raw)  # maybe the bullet or number written again
            else:  # no bullet to look for (split_bullet's None): folded here, as ``fold`` does when it must
                marker, plain = "", raw.strip(ASCII_SPACE)
                text = plain if plain.isprintable() and "  " not in plain else fold(raw)
            if text:
                depth = self.item_depths[-1] if self.item_depths else 0
                self.indents.clear()
                self.blocks.append(new_block(Block, ("item", text, self.line, depth, 0, (), marker)))

    def leaf_heading(self, el: etree._Element, tag: str) -> None:
        """A heading without children, nothing pending, outside headings and table cells: its block at once, as
        ``open``, ``add`` and ``close`` would give it."""
        items = self.items
        if items and items[-1].open_slot:
            items[-1].open_slot = False  # the item holding this heading has no text of its own before it
            self._settle()
        text = el.text
        if text and text.strip(ASCII_SPACE):
            self.line = line_of(el, self.line)
            if items:
                self.depth_base = self.list_depth  # a heading inside an open list item ends its list (_escape_lists)
            text = fold(text)
            if text:
                self.indents.clear()
                self.blocks.append(new_block(Block, ("heading", text, self.line, 0, int(tag[1]), (), "")))

    def add(self, text: str, el: etree._Element) -> None:
        if not self.buf:
            if not text.strip(ASCII_SPACE):
                return  # white space before any text: it folds away (NBSP is kept: it indents)
            self.line = line_of(el, self.line)
        self.buf.append(text)

    def tail(self, el: etree._Element) -> None:
        tail = el.tail
        if tail and (self.buf or tail.strip(ASCII_SPACE)):
            self.add(tail, el)
