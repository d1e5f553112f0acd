"""HTML reader: a saved page's element tree, walked once, to the same block stream as text.

It rests on generic HTML semantics only: headings, paragraphs, lists and their nesting,
line breaks, tables, hidden elements and ARIA roles (``elements.py`` says what each element is).
Class names are never consulted. Subtrees that are never content (scripts, navigation, site
header and footer, hidden elements) are skipped whole, so the walk only visits content.
"""

from __future__ import annotations

from lxml import etree

from .cells import colspan, layout_cell
from .common import Block, LineLists, fold, strip_bullet
from .elements import (
    BREAK,
    CELL,
    CONTAINER,
    CONTENT,
    DROP,
    HEADING,
    ITEM,
    KINDS,
    LANDMARKS,
    LIST,
    PRE,
    ROW,
    never_content,
    role_tag,
)
from .parse import LIBXML2_MAX_DEPTH

_ASCII_SPACE = " \t\r\n\f"


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
            marker, text = strip_bullet(raw)
            if text:
                item.open_slot = False
                self._emit(Block("item", text, self.line, depth=item.depth, marker=marker))
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
        if item is not None and item.open_slot and not self.buf and kind != CONTAINER:
            item.open_slot = False
        if self.buf:
            self.flush()
        if kind == HEADING:
            self.headings.append(int(tag[1]))
        elif kind == LIST:
            self.list_depth += 1
        elif kind == ITEM:
            self.items.append(_Item(max(self.list_depth - self.depth_base - 1, 0)))
        elif kind == ROW:
            self.row = []
        elif kind == CELL:
            if self.row is not None and layout_cell(el):
                self._layout_row(el)
            elif self.row is not None:
                self.row.append([])
            self.cell_depth += 1
        elif kind == PRE:
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
        if kind == HEADING:
            if self.headings:
                self.headings.pop()
        elif kind == LIST:
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
    kinds = KINDS
    depth = content = 0
    skipped = leaf = False
    meanings: dict[etree._Element, str] = {}  # open elements whose role gives them another tag
    events = etree.iterwalk(root, events=("start", "end"))
    for event, el in events:
        tag = el.tag
        if event == "start":
            # Most elements are allowed tags without attributes: that needs no further look.
            if tag in DROP or tag in LANDMARKS or el.attrib:
                if (role := el.get("role")) is not None and (meant := role_tag(tag, role, el)) != tag:
                    tag = meanings[el] = meant
                if never_content(tag, el, content > 0, bool(walker.headings)):
                    events.skip_subtree()
                    skipped = True  # the next event is this element's own end
                    continue
            depth += 1
            if depth > max_depth:
                return None
            content += tag in CONTENT
            kind = kinds.get(tag, 0)
            if kind == BREAK:
                walker.line_break()
                continue
            if kind == CONTAINER and not len(el) and walker.leaf(el, el.text):
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
            content -= tag in CONTENT
        else:
            depth -= 1
            content -= tag in CONTENT
            kind = kinds.get(tag, 0)
            if kind and kind != BREAK:
                walker.close(kind, el)
        tail = el.tail
        if tail and (buf or tail.strip(_ASCII_SPACE)):
            walker.add(tail, el)
    walker.flush()
    return walker.blocks
