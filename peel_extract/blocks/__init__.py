"""Blocks stage: decoded text -> one block stream, by the reader for the page's syntax."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Literal

from ..errors import InputTooLarge
from ..options import DEFAULT_LIMITS, Limits
from .common import Block, fold
from .html import tree_blocks
from .parse import parse, too_deep
from .text import text_blocks

__all__ = ["Block", "Format", "fold", "page_blocks", "sniff_bytes", "sniff_format", "utf8_html_blocks"]

Format = Literal["html", "text"]

# Records nest a list item in its parent; JSON serialisation stops near 255 levels, so list
# nesting is capped well below it, whatever --max-depth says (real pages nest 2 or 3 deep).
MAX_LIST_DEPTH = 100
_TAGS = r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|h[1-6]|ul|ol|li|table|br|pre|section|article|main)\b"
_TAG = re.compile(_TAGS, re.IGNORECASE)
_TAG_BYTES = re.compile(_TAGS.encode(), re.IGNORECASE)
_SNIFF = 8192


def sniff_format(text: str) -> Format:
    """``html`` when the start of the text holds HTML tags, else ``text`` (names are not trusted)."""
    return "html" if _TAG.search(text, 0, _SNIFF) else "text"


def sniff_bytes(data: bytes) -> Format:
    """The format of a page from its first bytes (as UTF-8, for a page not decoded yet)."""
    found = _TAG_BYTES.search(data, 0, _SNIFF)
    if found is not None and data[found.end() : found.end() + 1] < b"\x80":
        return "html"  # an ASCII tag, not followed by a letter the bytes cannot tell (as the text's pattern finds it)
    return sniff_format(data[:_SNIFF].decode("utf-8", errors="ignore"))


def page_blocks(text: str, fmt: Format, name: str = "<page>", limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    """The block stream of a decoded page in the given format."""
    _check_elements(text, fmt, name, limits)
    if fmt == "text":
        return _checked(text_blocks(text), name, limits)
    return _checked(tree_blocks(parse(text, name, limits), limits.max_depth), name, limits)


def utf8_html_blocks(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> list[Block] | None:
    """The block stream of an HTML page given as UTF-8 bytes (lxml parses them faster than text);
    None when the bytes turn out not to be UTF-8, for the caller to decode them first."""
    _check_elements(data, "html", name, limits)
    root = parse(data, name, limits)
    if root is None:
        return None
    return _checked(tree_blocks(root, limits.max_depth), name, limits)


# The fewest characters an HTML element ("<p>") or a line ("\n") takes.
_SMALLEST_ELEMENT = {"html": 3, "text": 1}


def _check_elements(page: str | bytes, fmt: Format, name: str, limits: Limits) -> None:
    """Refuse, before it is parsed, a page of more elements or lines than the limit: memory grows
    with them, far beyond the page's size. Each '<' not closing a tag may open an element."""
    if len(page) < _SMALLEST_ELEMENT[fmt] * limits.max_elements:
        return  # too short to hold that many: no need to count (most pages)
    if fmt == "html":
        count, what = _count(page, "<") - _count(page, "</"), "HTML elements"
    else:
        count, what = _count(page, "\n") + 1, "lines"
    if count > limits.max_elements:
        message = f"the page has more than {limits.max_elements} {what} (raise it with --max-elements)"
        raise InputTooLarge(name, message)


def _count(page: str | bytes, mark: str) -> int:
    return page.count(mark.encode()) if isinstance(page, bytes) else page.count(mark)


_DEPTH = attrgetter("depth")


def _checked(blocks: list[Block] | None, name: str, limits: Limits) -> list[Block]:
    if blocks is None:
        raise too_deep(name, limits)
    limit = min(limits.max_depth, MAX_LIST_DEPTH)
    deepest = max(map(_DEPTH, blocks), default=0)  # only items have a depth (it is 0 for any other block)
    if deepest >= limit:
        line = next(b.line for b in blocks if b.kind == "item" and b.depth >= limit)
        raise InputTooLarge(name, f"lists nest deeper than {limit} levels", line)
    return blocks
