"""HTML reader: a saved page's element tree, walked once, to the same block stream as text.

It rests on generic HTML semantics only: headings, paragraphs, lists and their nesting,
line breaks, tables, hidden elements and ARIA roles (``elements.py`` says what each element is).
Class names are never consulted. Subtrees that are never content (scripts, navigation, site
header and footer, asides outside the page's main, hidden elements) are skipped whole, so the walk only
visits content.

The walk is the reader's hot loop (it meets every element a page shows): it goes over each
element's children in a plain ``for`` loop with its state in locals, and gives the commonest
elements their blocks at once, as the general path (``Walker.open``, ``add``, ``close``) would: a
paragraph of plain text, or of inline elements of plain text, a ``<br>`` ending a line of prose,
a list item of plain text. Headings, lists, tables and the rest go through the ``Walker``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lxml import etree

from .common import NOT_PLAIN, PRINTABLE_ASCII, Block, fold
from .elements import BREAK, CONTAINER, CONTENT, HEADING, ITEM, KINDS, LOOKED_AT, never_content, role_tag
from .parse import LIBXML2_MAX_DEPTH
from .walker import ASCII_SPACE, Walker, line_of, new_block, sourceline

# The attributes that can change what an element is to the walk: its role, and whether it is hidden.
_HIDING_ATTRIBUTES = frozenset(("hidden", "aria-hidden", "style"))
_READ_ATTRIBUTES = _HIDING_ATTRIBUTES | {"role"}
_NOT_INLINE = LOOKED_AT | KINDS.keys()
"""Tags a paragraph of inline elements holds none of: what the walk looks at, and what has a kind (blocks, <br>)."""

_Open = tuple[Iterator[etree._Element], etree._Element, str, int]
"""An open element being walked: the rest of its parent's children, the element, its tag and kind."""


def _meaning(el: etree._Element, tag: str, names: Sequence[str | bytes], in_content: bool, w: Walker) -> str | None:
    """The tag an element is walked as (its ARIA role may give it another); None to skip it whole. ``names``: its
    attributes' names (the walk calls this for a tag it looks at, or an element with attributes it reads)."""
    if "role" in names:
        tag = role_tag(tag, el.get("role", ""), el)
    if tag not in LOOKED_AT and _HIDING_ATTRIBUTES.isdisjoint(names):
        return tag  # neither dropped nor hidden: content
    return None if never_content(tag, el, in_content, bool(w.headings), w.main) else tag


def _inline_text(el: etree._Element, w: Walker) -> tuple[str, int] | None:
    """The text of an element whose children are inline elements of plain text, as the walk would gather it (from
    its first piece that is not white space, unstripped), and the line it starts on ("" and 0: it has none); None
    for any other element."""
    pieces: list[str] = []
    line = 0
    text = el.text
    if text and text.strip(ASCII_SPACE):
        pieces.append(text)
        line = line_of(el, w.line)
    for child in el:
        if len(child) or child.tag in _NOT_INLINE or (child.attrib and not _READ_ATTRIBUTES.isdisjoint(child.keys())):
            return None  # holds elements, is not inline, has a role or may be hidden
        text = child.text
        if text and (pieces or text.strip(ASCII_SPACE)):
            line = line or line_of(child, w.line)
            pieces.append(text)
        text = child.tail
        if text and (pieces or text.strip(ASCII_SPACE)):
            line = line or line_of(child, w.line)
            pieces.append(text)
    return (pieces[0] if len(pieces) == 1 else "".join(pieces)), line


def _inline_paragraph(el: etree._Element, w: Walker) -> bool:
    """A paragraph whose children are inline elements of plain text (``<p>The <a>force</a> is</p>``, an ARIA
    paragraph's ``<span>``): its line at once, as the walk would give it; False (nothing done) for any other."""
    found = _inline_text(el, w)
    if found is None:
        return False
    text, line = found
    if text:
        w.line = line
        text = text.strip(ASCII_SPACE)
        ascii_ok = text.isascii() and not text.encode().translate(None, PRINTABLE_ASCII)
        if not text or text[0] in NOT_PLAIN or "  " in text or not (ascii_ok or text.isprintable()):
            w.text_line(text, line)  # maybe a bullet, or white space to fold
        else:  # prose, folded already (an ARIA paragraph's span): text_line's block, written out here
            w.indents.clear()
            if w.items:
                w.depth_base = w.list_depth
            w.blocks.append(new_block(Block, ("para", text, line, 0, 0, (), "")))
    return True


def _inline_item(el: etree._Element, w: Walker) -> bool:
    """A list item whose children are inline elements of plain text (an ARIA list item's ``<span>``): its item at
    once, as the walk would give it; False (nothing done) for any other."""
    found = _inline_text(el, w)
    if found is None:
        return False
    w.plain_item(*found)
    return True


def _walk(w: Walker, root: etree._Element, max_depth: int, fast: bool) -> bool:
    """Walk the tree into blocks; False when it nests deeper than ``max_depth``. ``fast``: give the commonest
    elements their blocks at once (else every element goes through the ``Walker``: the same blocks, slower)."""
    buf, emit, indents = w.buf, w.blocks.append, w.indents
    kinds = KINDS
    stack: list[_Open] = []
    children: Iterator[etree._Element] = iter((root,))
    content = 0  # open elements that are content (main, article, section)
    depth = 0  # open elements (len(stack), kept as a count: a call less per element)
    while True:
        for el in children:
            tag = el.tag
            if tag in LOOKED_AT or el.attrib:  # most elements are plain tags without attributes
                names = el.keys()
                if tag in LOOKED_AT or not _READ_ATTRIBUTES.isdisjoint(names):  # (else: class, id, href ...)
                    meant = _meaning(el, tag, names, content > 0, w)
                    if meant is None:
                        w.tail(el)
                        continue
                    tag = meant
            if depth >= max_depth:
                return False
            kind = kinds.get(tag, 0)
            if len(el):
                if not fast or buf or depth >= max_depth - 1:
                    done = False
                elif kind == CONTAINER:
                    done = w.quiet and tag not in CONTENT and _inline_paragraph(el, w)
                else:
                    done = kind == ITEM and not w.headings and not (w.row is not None and w.cell_depth)
                    done = done and _inline_item(el, w)
                if not done:  # (else: on to its tail)
                    if kind == BREAK:  # a <br> holding elements (libxml2 nests none in one): its text is walked
                        w.line_break()
                        kind = 0
                    elif kind:
                        w.open(kind, el, tag)
                    text = el.text
                    if text and (buf or text.strip(ASCII_SPACE)):
                        w.add(text, el)
                    stack.append((children, el, tag, kind))
                    depth += 1
                    content += tag in CONTENT
                    children = iter(el)
                    break
            elif fast and kind == CONTAINER and not buf and w.quiet:
                text = el.text  # a paragraph of plain text: its block at once
                if text and (text := text.strip(ASCII_SPACE)):
                    line = w.line = sourceline(el) or w.line
                    ascii_ok = text.isascii() and not text.encode().translate(None, PRINTABLE_ASCII)
                    if text[0] in NOT_PLAIN or "  " in text or not (ascii_ok or text.isprintable()):
                        w.text_line(text, line)  # maybe a bullet, or white space to fold
                    else:  # prose, folded already (most paragraphs): text_line's block, written out here
                        indents.clear()
                        if w.items:
                            w.depth_base = w.list_depth
                        emit(new_block(Block, ("para", text, line, 0, 0, (), "")))
            elif kind == BREAK:
                if fast and buf and w.quiet:  # a line of text ends (most <br>): as flush() would do it
                    text = (buf[0] if len(buf) == 1 else "".join(buf)).strip(ASCII_SPACE)
                    buf.clear()
                    ascii_ok = text.isascii() and not text.encode().translate(None, PRINTABLE_ASCII)
                    if not text or text[0] in NOT_PLAIN or "  " in text or not (ascii_ok or text.isprintable()):
                        w.text_line(text, w.line)
                    else:  # prose, folded already: as above
                        indents.clear()
                        if w.items:
                            w.depth_base = w.list_depth
                        emit(new_block(Block, ("para", text, w.line, 0, 0, (), "")))
                else:
                    w.line_break()
            elif fast and kind == ITEM and not buf and not w.headings and not (w.row is not None and w.cell_depth):
                w.leaf_item(el)  # an item of plain text
            elif fast and kind == HEADING and not buf and not w.headings and not (w.row is not None and w.cell_depth):
                w.leaf_heading(el, tag)  # a heading of plain text
            elif kind:
                w.open(kind, el, tag)
                text = el.text
                if text and (buf or text.strip(ASCII_SPACE)):
                    w.add(text, el)
                w.close(kind, el)
            else:
                text = el.text
                if text and (buf or text.strip(ASCII_SPACE)):
                    w.add(text, el)
            tail = el.tail
            if tail:
                if buf:
                    buf.append(tail)
                elif tail != "\n" and tail.strip(ASCII_SPACE):  # (most tails are a line break)
                    w.line = line_of(el, w.line)
                    buf.append(tail)
        else:
            if not stack:
                break
            children, el, tag, kind = stack.pop()
            depth -= 1
            content -= tag in CONTENT
            if kind:
                w.close(kind, el)
            tail = el.tail
            if tail:
                if buf:
                    buf.append(tail)
                elif tail != "\n" and tail.strip(ASCII_SPACE):  # (most tails are a line break)
                    w.line = line_of(el, w.line)
                    buf.append(tail)
    w.flush()
    return True


def _head_title(root: etree._Element) -> Block | None:
    """The page's ``<title>`` (in ``<head>``, whose other content is never page content)."""
    title = next((t for head in root.iterchildren("head") for t in head.iterchildren("title")), None)
    if title is None:
        return None
    # Its text (libxml2 gives a title no child elements); not xpath("string()"): it builds an evaluator per page.
    text = fold((title.text or "") if not len(title) else "".join(map(str, title.itertext())))
    return Block("title", text, line_of(title, 1)) if text else None


def tree_blocks(root: etree._Element, max_depth: int = LIBXML2_MAX_DEPTH, fast: bool = True) -> list[Block] | None:
    """The block stream of a parsed HTML document; None when it nests deeper than ``max_depth``. ``fast=False``
    walks every element the general way (a test holds the fast paths to it)."""
    walker = Walker()
    title = _head_title(root)
    if title is not None:
        walker.blocks.append(title)
    return walker.blocks if _walk(walker, root, max_depth, fast) else None
