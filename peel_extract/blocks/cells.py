"""Table cells in the HTML reader: whether a cell holds data or lays a page out, and its column span."""

from __future__ import annotations

import re

from lxml import etree

# A cell holding any of these (or lines of prose: paragraphs or list items, one of them long) is page
# layout, not a cell of data.
_LAYOUT_SIGNS = etree.XPath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//table|.//dl|.//blockquote")
# A data cell may hold several short lines, as paragraphs, list items or <br>-separated (names in one cell).
_CELL_LINES = etree.XPath("./p|./div|.//li")
_LONGEST_CELL_LINE = 150
_MAX_COLSPAN = 20
# A browser reads a span as a non-negative integer: white space, an optional "+", then ASCII digits (any
# after them are ignored); no digits, or 0, means 1. Other digits ("٣", "²") are no digits.
_SPAN = re.compile(r"[\t\n\f\r ]*\+?0*([0-9]+)")


class Spanned(tuple[str, ...]):
    """The empty cell of a column a spanning cell also covers: equal to ``()`` and as empty (every reader of
    cells sees an empty cell), told apart by its type where a span matters (a cell across grade columns)."""

    __slots__ = ()


SPANNED = Spanned()


def _elements(xpath: etree.XPath, root: etree._Element) -> list[etree._Element]:
    found = xpath(root)
    return [el for el in found if isinstance(el, etree._Element)] if isinstance(found, list) else []


def _only_cell(el: etree._Element, tables: dict[etree._Element, bool]) -> bool:
    """Whether a cell is the only cell (td or th) of its table, each table's cells counted once."""
    table = next(el.iterancestors("table"), None)
    if table is None:
        return False
    several = tables.get(table)
    if several is None:
        cells = table.iter("td", "th")
        several = tables[table] = next(cells, None) is not None and next(cells, None) is not None
    return not several


def layout_cell(el: etree._Element, tables: dict[etree._Element, bool]) -> bool:
    """A table cell that is its table's only cell (a table of one cell holds no data: it lays a page out),
    or holds headings or tables, or lines (paragraphs, list items) one of which is prose. ``tables`` keeps,
    for the tables of one page, whether each holds several cells."""
    if _only_cell(el, tables) or _elements(_LAYOUT_SIGNS, el):
        return True
    lines = _elements(_CELL_LINES, el)
    several = len(lines) > 1 or any(line.tag == "li" for line in lines)
    return several and any(len("".join(map(str, line.itertext()))) > _LONGEST_CELL_LINE for line in lines)


def colspan(el: etree._Element) -> int:
    """The columns a cell spans, read as a browser reads ``colspan`` (at most 20); 1 when it says none."""
    found = _SPAN.match(el.get("colspan", ""))
    if found is None:
        return 1
    digits = found.group(1)
    return _MAX_COLSPAN if len(digits) > 2 else min(int(digits), _MAX_COLSPAN) or 1
