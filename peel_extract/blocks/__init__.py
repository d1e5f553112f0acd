"""Blocks stage: decoded text -> one block stream, by the reader for the page's syntax."""

from __future__ import annotations

import re
from typing import Literal

from lxml import etree

from .common import Block, fold
from .html import parser, tree_blocks
from .text import text_blocks

__all__ = ["Block", "Format", "fold", "page_blocks", "sniff_format"]

Format = Literal["html", "text"]

_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|h[1-6]|ul|ol|li|table|br|pre|section|article|main)\b",
    re.IGNORECASE,
)


def sniff_format(text: str) -> Format:
    """``html`` when the start of the text holds HTML tags, else ``text`` (names are not trusted)."""
    return "html" if _TAG.search(text, 0, 8192) else "text"


def page_blocks(text: str, fmt: Format) -> list[Block]:
    """The block stream of a decoded page in the given format."""
    if fmt == "text":
        return text_blocks(text)
    return tree_blocks(_parse(text))


def _parse(text: str) -> etree._Element:
    try:
        root = etree.fromstring(text, parser())
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        root = _parse_with_soup(text)
    return root


def _parse_with_soup(text: str) -> etree._Element:
    """Fallback for markup libxml2 gives up on: bs4's own parser, re-serialised for lxml."""
    from bs4 import BeautifulSoup

    html = str(BeautifulSoup(text, "html.parser"))
    root = etree.fromstring(f"<html><body>{html}</body></html>", parser())
    return root if root is not None else etree.Element("html")
