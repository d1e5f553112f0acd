"""What an element is to the HTML reader, from generic HTML semantics only (never class names): its kind
by its tag or its ARIA role, and whether it can hold page content at all."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

# Elements whose content is never page content (a <title> strayed into the body included; <noembed>
# and <noframes> are shown only by browsers without plugins or frames).
DROP = frozenset(
    (
        "head title script style noscript noembed noframes template nav iframe object embed svg math canvas "
        "audio video map button select textarea input form dialog"
    ).split()
)
# header/footer are site chrome unless they sit inside content (ARIA banner/contentinfo); a
# header holding the page's h1 holds its title and is content.
LANDMARKS = frozenset({"header", "footer"})
# Tags the walker must look at before it walks them (even without attributes).
LOOKED_AT = DROP | LANDMARKS
CONTENT = frozenset({"article", "main", "section"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# ARIA roles, by the element each gives a div or span the meaning of (markup built of divs says headings,
# lists and landmarks this way). A role attribute lists fallbacks: the first role known here counts.
_ROLE_TAGS = {
    # Not "tablist" (old accordions put it on the box of all their panels) nor "button" (a toggle's text
    # may be a question): what they hold can be content.
    **dict.fromkeys(("navigation", "search", "menu", "menubar", "toolbar"), "nav"),
    **dict.fromkeys(("dialog", "alertdialog"), "dialog"),
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
# A level-1 heading said by ARIA roles (looked for only in a banner said by its role: it is slow).
_ARIA_H1 = etree.XPath("boolean(.//*[@role='heading'][normalize-space(@aria-level)='1'])")

# What each tag is to the walker; any tag not listed is inline.
BLOCK, CONTAINER, HEADING, LIST, ITEM, ROW, CELL, BREAK, PRE = range(1, 10)
KINDS: dict[str, int] = {
    **dict.fromkeys(
        "html body main aside header footer figure figcaption address dl dt dd table thead tbody tfoot caption "
        "hr details summary fieldset legend center".split(),
        BLOCK,
    ),
    **dict.fromkeys("p div section article blockquote".split(), CONTAINER),
    **dict.fromkeys([f"h{n}" for n in range(1, 7)], HEADING),
    "ul": LIST,
    "ol": LIST,
    "li": ITEM,
    "tr": ROW,
    "td": CELL,
    "th": CELL,
    "br": BREAK,
    "pre": PRE,
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


def role_tag(tag: str, role: str, el: etree._Element) -> str:
    """The tag an element's ARIA ``role`` gives it the meaning of (``h1``-``h6`` for a heading, by its
    ``aria-level``, 2 when unsaid), or its own tag when it has no role known here."""
    meant = _role_meaning(role)
    if meant == "h":
        level = el.get("aria-level", "").strip()
        return f"h{level}" if level in _ARIA_LEVELS else "h2"
    return tag if meant is None else meant


@lru_cache(maxsize=256)  # a page says a few roles many times
def _role_meaning(role: str) -> str | None:
    """What the first role known here of a ``role`` attribute's list means (``h``: a heading); None: none."""
    for word in role.lower().split():
        meant = _ROLE_TAGS.get(word)
        if meant is not None:
            return meant
    return None


def never_content(tag: str, el: etree._Element, in_content: bool, in_heading: bool) -> bool:
    """Dropped elements, hidden ones, and a site header (without the h1) or footer outside content.
    A ``<button>`` inside a heading (an accordion's) is the heading's text."""
    if (tag in DROP and not (in_heading and tag == "button")) or _hidden(el):
        return True
    if tag in LANDMARKS and not in_content:
        return tag == "footer" or not _holds_h1(el)
    return False


def _holds_h1(el: etree._Element) -> bool:
    """Whether a site header holds the page's h1 (its title: then it is content)."""
    return next(el.iterdescendants("h1"), None) is not None or (el.get("role") is not None and bool(_ARIA_H1(el)))
