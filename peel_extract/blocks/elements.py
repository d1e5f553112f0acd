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
# Tangential content (ARIA complementary: related links, sharing, a callout): site chrome outside the page's main
# content when the page says one, content inside it (a "Case study" box); on a page without, content unless it is
# only a list of links.
ASIDE = "aside"
# Tags the walker must look at before it walks them (even without attributes).
LOOKED_AT = DROP | LANDMARKS | {ASIDE}
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
    "complementary": ASIDE,
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
_H_LEVELS = frozenset(("", *_ARIA_LEVELS))  # after "h": a heading (role=heading means "h")
# A level-1 heading said by ARIA roles (looked for only in a banner said by its role: it is slow).
_ARIA_H1 = etree.XPath("boolean(.//*[@role='heading'][normalize-space(@aria-level)='1'])")
# The elements that may be a page's main content (looked for once, at the first aside outside it).
_MAIN_CANDIDATES = etree.XPath("//main | //*[@role]")

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


class PageMain:
    """Whether a page says its main content (``<main>`` or role=main), looked for once per walk, when first asked."""

    __slots__ = ("_said",)

    def __init__(self) -> None:
        self._said: bool | None = None

    def said(self, el: etree._Element) -> bool:
        """Whether the page ``el`` is in says its main content."""
        if self._said is None:
            found = _MAIN_CANDIDATES(el)
            self._said = isinstance(found, list) and any(
                isinstance(one, etree._Element) and _meant(one) == "main" for one in found
            )
        return self._said


def _meant(el: etree._Element) -> str:
    """What an element is by its role, or by its tag when it has no role known here."""
    role = el.get("role")
    return (_role_meaning(role) if role else None) or str(el.tag)


def never_content(tag: str, el: etree._Element, in_content: bool, in_heading: bool, main: PageMain) -> bool:
    """Dropped elements, hidden ones, a site header (without the h1) or footer outside content, and an aside that
    is site chrome. A ``<button>`` inside a heading (an accordion's) is the heading's text."""
    if (tag in DROP and not (in_heading and tag == "button")) or _hidden(el):
        return True
    if tag in LANDMARKS and not in_content:
        return tag == "footer" or not _holds_h1(el)
    if tag == ASIDE:
        return _chrome_aside(el, main)
    return False


def _chrome_aside(el: etree._Element, main: PageMain) -> bool:
    """Whether an aside is site chrome: outside the main content of a page that says one, or, on a page that says
    none, only a list of links (navigation). One inside main or inside an aside kept (the walk meets only those), or
    holding the page's h1, is content."""
    for up in el.iterancestors():
        meant = _meant(up)
        if meant == "main" or meant == ASIDE:
            return False
    if _holds_h1(el):
        return False
    return main.said(el) or _only_links(el)


def _only_links(aside: etree._Element) -> bool:
    """Whether an aside holds only a list of links: its text all in headings or in links, each link's text in a
    list item, and some link text (one pass over it, ending at the first text that is neither)."""
    open_ = {"a": 0, "li": 0, "h": 0}
    linked = False
    for event, el in etree.iterwalk(aside, events=("start", "end")):
        meant = _meant(el)
        kind = "h" if meant[:1] == "h" and meant[1:] in _H_LEVELS else meant
        step = 1 if event == "start" else -1
        if kind in open_ and el is not aside:
            open_[kind] += step
        text = el.text if event == "start" else (el.tail if el is not aside else None)
        if text and text.strip():
            if open_["h"]:
                continue
            if not (open_["a"] and open_["li"]):
                return False
            linked = True
    return linked


def _holds_h1(el: etree._Element) -> bool:
    """Whether a site header holds the page's h1 (its title: then it is content)."""
    return next(el.iterdescendants("h1"), None) is not None or (el.get("role") is not None and bool(_ARIA_H1(el)))
