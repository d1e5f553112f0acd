"""The HTML parser: a page's UTF-8 bytes (or decoded text) to lxml's tree, within libxml2's limits. It never
touches the network."""

from __future__ import annotations

import re
from typing import overload

from lxml import etree

from ..errors import InputTooLarge
from ..options import Limits

# libxml2 stops parsing past this nesting depth unless its 'huge tree' mode is on, and past the second even then.
LIBXML2_MAX_DEPTH = 256
LIBXML2_HUGE_DEPTH = 2048


def parser(huge: bool = False, utf8: bool = False) -> etree.HTMLParser:
    """An HTML parser that never touches the network and keeps no comments or PIs.

    libxml2's HTML parser reads no DTD and resolves no external entity; ``no_network`` also
    forbids any fetch. ``huge`` lifts libxml2's depth and size limits (only when asked for);
    ``utf8`` is for bytes known to be UTF-8 (whatever the page's meta tag says).
    """
    return etree.HTMLParser(
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge,
        encoding="utf-8" if utf8 else None,
        collect_ids=False,  # no element is ever looked up by id: skip libxml2's id table
    )


# An XML declaration naming an encoding: the text is already decoded, and lxml refuses str input with one.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def too_deep(name: str, limits: Limits) -> InputTooLarge:
    """The error for a page whose elements nest deeper than the limit."""
    if limits.max_depth >= LIBXML2_HUGE_DEPTH:
        return InputTooLarge(
            name, f"HTML elements nest deeper than {LIBXML2_HUGE_DEPTH} levels, the HTML parser's limit"
        )
    message = f"HTML elements nest deeper than {limits.max_depth} levels (raise it with --max-depth)"
    return InputTooLarge(name, message)


def _over_parser_limit(html_parser: etree.HTMLParser, name: str, limits: Limits) -> InputTooLarge:
    """The error for a page libxml2 stopped reading: elements nested too deep, or one text node
    (a paragraph, a comment) over its 10 MB limit."""
    found = next(e for e in html_parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT")
    if "depth" in found.message:
        return too_deep(name, limits)
    message = "one run of text (or a comment) is larger than the HTML parser's 10 MB limit for a text node"
    return InputTooLarge(name, message, found.line or None)


@overload
def parse(page: str, name: str, limits: Limits) -> etree._Element: ...
@overload
def parse(page: bytes, name: str, limits: Limits) -> etree._Element | None: ...
def parse(page: str | bytes, name: str, limits: Limits) -> etree._Element | None:
    """The tree of a page; bytes are parsed as UTF-8, and give None when they are not UTF-8 after all.
    A document with nothing in it (no element, no text: only a comment or a doctype) is an empty tree."""
    html_parser = parser(huge=limits.max_depth > LIBXML2_MAX_DEPTH, utf8=isinstance(page, bytes))
    if isinstance(page, str):
        page = _XML_DECLARATION.sub("", page, count=1)
    try:
        root = etree.fromstring(page, html_parser)
    except (etree.ParserError, ValueError):
        root = None
    errors = {e.type_name for e in html_parser.error_log}
    if "ERR_RESOURCE_LIMIT" in errors:
        # libxml2 stopped at one of its limits: the rest of the page would be silently lost.
        raise _over_parser_limit(html_parser, name, limits)
    if "ERR_INVALID_ENCODING" in errors and isinstance(page, bytes):
        return None
    return root if root is not None else etree.Element("html")
