"""Table cells in the HTML reader: whether a cell holds data or lays a page out, and its column span."""

from __future__ import annotations

from lxml import etree

# A cell holding any of these (or lines of prose: paragraphs or list items, one of them long) is page
# layout, not a cell of data.
_LAYOUT_SIGNS = etree.XPath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//table|.//dl|.//blockquote")
# A data cell may hold several short lines, as paragraphs, list items or <br>-separated (names in one cell).
_CELL_LINES = etree.XPath("./p|./div|.//li")
# A cell with no other cell in its table.
_ONLY_CELL = etree.XPath("count(ancestor::table[1]//td | ancestor::table[1]//th) = 1")
_LONGEST_CELL_LINE = 150
_MAX_COLSPAN = 20


def _elements(xpath: etree.XPath, root: etree._Element) -> list[etree._Element]:
    found = xpath(root)
    return [el for el in found if isinstance(el, etree._Element)] if isinstance(found, list) else []


def layout_cell(el: etree._Element) -> bool:
    """A table cell that is its table's only cell (a table of one cell holds no data: it lays a page out),
    or holds headings or tables, or lines (paragraphs, list items) one of which is prose."""
    if _ONLY_CELL(el) or _elements(_LAYOUT_SIGNS, el):
        return True
    lines = _elements(_CELL_LINES, el)
    several = len(lines) > 1 or any(line.tag == "li" for line in lines)
    return several and any(len(str(line.xpath("string()"))) > _LONGEST_CELL_LINE for line in lines)


def colspan(el: etree._Element) -> int:
    """The columns a cell spans: its ``colspan`` (at most 20), else 1."""
    span = el.get("colspan", "1").strip()
    return min(int(span), _MAX_COLSPAN) if span.isdigit() and int(span) > 0 else 1
