"""Probe pages for the kinds of issue 20, built in code as held-out pages of those kinds could plausibly be.

The held-out pages are real pages of the same kinds that nobody here has seen, as plain text and in several
HTML markups. This module re-renders the real beginnings (``fixtures/other-*-NNN/input.txt``, byte-exact copies
of ``../shared/pages/other/``) and varies them in the pages' own grammar:

- ``units(text)`` reads a text page into units (title, date line, furniture, heading, label line, paragraph,
  bullet, table row, address block); ``blank_line``, ``compact``, ``crlf`` and ``nbsp`` write them back as a
  browser's "save as text" (blank lines between blocks, "  • " bullets), a compact scrape (one line per block,
  "- " bullets), with Windows line endings, or with no-break spaces where the research notes say real excerpts
  had them ("N.\u00a0 Heading"), in dates, and after a label's colon;
- ``live_html(units, style)`` writes the live site's page as we picture it: a site header with navigation, a
  breadcrumb trail, a cookie banner, the title as the h1, "Published on" with a ``<time>``, "Contents" as a list
  of links to the headings, a "Print this document" button, the body in ``<main>`` with h2/h3 headings, lists,
  a ``<table>`` for a judgments table, and a footer; ``style`` varies the parts the live site may write
  otherwise (the contents shown, hidden or in ``<details>``, breadcrumbs as a list or a paragraph, the banner
  before or after the page, the label line as a paragraph, a strong label or a heading);
- ``with_contents`` keeps the list of contents a browser builds under "Contents" (as lines before "Print this
  document", or as a list), and ``renderings`` also writes the page in the fixtures' own markups
  (``tests/markup.py``: semantic, flat, malformed, aria);
- ``cuts(text)`` cuts a page after its title at every line end and at fixed byte steps, as the excerpts were cut;
- the ``*_page`` builders put other forces, regions, years and grades into the real beginnings' sentences.

Real force names are only ever given what the real page states, or no grade (a grade line is left out); grades
are put only under fictional names (Wessex, Barsetshire, ...). The test is tests/test_other_probes.py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import markup

MARKUPS = ("semantic", "flat", "malformed", "aria")
"""The markups tests/markup.py writes of a text page (the fixtures' own)."""
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# The real beginnings (fixtures/<folder>/input.txt, copied byte for byte from ../shared/pages/other/).
REAL = {
    "073": "other-vetting-report-warwickshire-073",
    "074": "other-vetting-report-cheshire-074",
    "079": "other-vetting-report-kent-079",
    "080": "other-vetting-report-south-wales-080",
    "060": "other-soc-report-south-east-060",
    "061": "other-soc-report-south-east-061",
    "063": "other-soc-report-eastern-063",
    "064": "other-soc-report-east-midlands-064",
    "071": "other-soc-report-north-west-071",
    "057": "other-peel-report-british-transport-police-057",
    "058": "other-peel-report-british-transport-police-058",
    "095": "other-peel-report-police-service-of-northern-ireland-095",
    "102": "other-monitoring-letter-nottinghamshire-102",
    "010": "other-custody-report-warwickshire-010",
    "015": "other-custody-report-surrey-015",
    "091": "other-custody-report-cambridgeshire-091",
    "092": "other-custody-report-gloucestershire-092",
}


def real_text(number: str) -> str:
    return (FIXTURES / REAL[number] / "input.txt").read_text(encoding="utf-8")


# --- Units -------------------------------------------------------------------------------------------------------

_GRADE = "outstanding|good|adequate|requires improvement|inadequate"
_GRADE_END = re.compile(r"^(?P<area>.+?) (?P<grade>(?i:" + _GRADE + r"))$")
_LABEL = re.compile(r"^[A-Z][^:]{2,80}:\s(?i:" + _GRADE + r"|no graded judge?ment)$")
_BULLET = re.compile(r"^(?P<indent> *)(?:[•\-]|(?P<number>[0-9]{1,2}\.)) (?P<text>\S.*)$")
_NUMBERED_HEADING = re.compile(r"^[0-9]{1,2}\.\s")
_ADDRESS = ("From:", "To:", "Sent on:", "Yours sincerely,")
_FURNITURE = ("Contents", "Print this document")


@dataclass(frozen=True)
class Unit:
    """One block of a page: ``kind`` is title, published, furniture, heading, label, para, bullet, row (``cells``)
    or address (``text`` holds its lines); ``depth`` nests bullets; ``marker`` is a numbered bullet's "1."."""

    kind: str
    text: str
    depth: int = 0
    marker: str = ""
    cells: tuple[str, ...] = ()


def units(text: str) -> list[Unit]:
    """A text page's units, whether it is a blank-line or a compact rendering."""
    text = text.replace("\r\n", "\n")
    blank_line = "\n\n" in text
    groups = re.split(r"\n[ \t]*\n", text) if blank_line else text.split("\n")
    out: list[Unit] = []
    table = False
    for index, group in enumerate(groups):
        lines = [line for line in group.split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0] in _ADDRESS:
            out.append(Unit("address", "\n".join(lines)))
            continue
        for line in lines:
            unit = _unit(line, first=not out, last=index == len(groups) - 1 and line == lines[-1], table=table)
            table = unit.kind == "row"
            out.append(unit)
    return out


def _unit(line: str, *, first: bool, last: bool, table: bool) -> Unit:
    text = line.strip()
    if first:
        return Unit("title", text)
    if text.startswith("Published on:"):
        return Unit("published", text)
    if text in _FURNITURE:
        return Unit("furniture", text)
    row = _row(line, table)
    if row is not None:
        return row
    bullet = _BULLET.match(line)
    if bullet is not None and (bullet["number"] is None or bullet["indent"]):
        depth = max(0, len(bullet["indent"]) // 2 - 1) if bullet["indent"] else 0
        return Unit("bullet", bullet["text"], depth, bullet["number"] or "")
    if _LABEL.match(text):
        return Unit("label", text)
    if not last and _heading(text):
        return Unit("heading", text)
    return Unit("para", text)


def _row(line: str, table: bool) -> Unit | None:
    if line in ("Area Grade", "Area | Grade |"):
        return Unit("row", line, cells=("Area", "Grade"))
    if not table:
        return None
    if "|" in line:  # cells closed by pipes; a row cut after a pipe has its next cell empty
        parts = line.split("|")
        cells = [part.strip() for part in parts[:-1]] + ([parts[-1].strip()] if parts[-1].strip() else [])
        return Unit("row", line, cells=tuple(cells + [""] * (2 - len(cells))))
    found = _GRADE_END.match(line)
    return Unit("row", line, cells=(found["area"], found["grade"]) if found else (line,))


def _heading(text: str) -> bool:
    return len(text) <= 110 and text[-1] not in ".:;,”’" and (text[0].isupper() or text[0].isdigit())


# --- Text renderings ---------------------------------------------------------------------------------------------


def _row_text(unit: Unit, piped: bool | str | None) -> str:
    """A table row as given (None), between pipes (True), spaced (False), or its cells joined by ``piped`` (a
    tab: a table copied from a browser)."""
    if piped is None:
        return unit.text
    if isinstance(piped, str):
        return piped.join(unit.cells)
    area, grade = (*unit.cells, "")[:2]
    if piped:
        return f"{area} | {grade} |" if grade else (f"{area} | " if len(unit.cells) > 1 else area)
    return f"{area} {grade}" if grade else area


def _line(unit: Unit, bullet: str, piped: bool | str | None) -> str:
    if unit.kind == "bullet":
        marker = unit.marker or bullet.strip()
        return "  " * (unit.depth + (1 if bullet.startswith(" ") or unit.marker else 0)) + marker + " " + unit.text
    if unit.kind == "row":
        return _row_text(unit, piped)
    return unit.text


def blank_line(page: list[Unit], *, bullet: str = "  • ", piped: bool | str | None = None) -> str:
    """A browser's "save as text": blank lines between blocks; a list's items, a table's rows and an address's
    lines on lines of their own."""
    blocks: list[str] = []
    previous = ""
    for unit in page:
        line = _line(unit, bullet, piped)
        if unit.kind in ("bullet", "row") and unit.kind == previous:
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
        previous = unit.kind
    return "\n\n".join(blocks)


def compact(page: list[Unit], *, bullet: str = "- ", piped: bool | str | None = None) -> str:
    """A compact scrape: one line per block, no blank lines."""
    return "\n".join(_line(unit, bullet, piped) for unit in page)


def with_contents(page: list[Unit], *, listed: bool) -> list[Unit]:
    """The page with the list of contents a browser builds (links to its headings) kept under "Contents", before
    "Print this document": its entries as lines (a scrape of the live page), or as a list (``listed``)."""
    heads = [unit.text for unit in page if unit.kind == "heading"]
    out: list[Unit] = []
    for unit in page:
        out.append(unit)
        if unit.kind == "furniture" and unit.text == "Contents":
            out += [Unit("bullet", text) if listed else Unit("para", text) for text in heads]
    return out


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


_NBSP_WAYS: dict[str, Callable[[str], str]] = {
    # "1.\u00a0 Introduction": the research notes' reading of the short excerpts (a no-break space and a space).
    "heading": lambda t: re.sub(r"(?m)^([0-9]{1,2}\.) (?=\S)", "\\1\u00a0 ", t),
    "heading-only": lambda t: re.sub(r"(?m)^([0-9]{1,2}\.) (?=\S)", "\\1\u00a0", t),
    # Dates and times: "4\u00a0April 2025", "In April\u00a02023".
    "dates": lambda t: re.sub(
        r"\b([0-9]{1,2}|January|February|March|April|May|June|July|August|September|October|November|December)"
        r" (?=[0-9A-Z])",
        "\\1\u00a0",
        t,
    ),
    # After a label's colon: "Published on:\u00a04 April 2025", "counter-corruption:\u00a0good".
    "colon": lambda t: re.sub(r"(?m)^([^\n:]{2,80}:) (?=\S)", "\\1\u00a0", t),
}
NBSP_WAYS = tuple(_NBSP_WAYS)


def nbsp(text: str, way: str) -> str:
    return _NBSP_WAYS[way](text)


def straight_quotes(text: str) -> str:
    """The page with straight quotes and apostrophes and plain dashes, as a scrape that writes ASCII punctuation
    gives it ("The Police Service of Northern Ireland's crime data integrity is good.")."""
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))


def nb_hyphens(text: str) -> str:
    """The title line with its hyphens between letters no-break hyphens (U+2011), as the site's editors write
    some titles (the real re-inspection page 052: "National child protection re\u2011inspection")."""
    title, sep, rest = text.partition("\n")
    return re.sub(r"(?<=\w)-(?=\w)", "\u2011", title) + sep + rest


def cuts(text: str, *, step: int = 97) -> Iterator[str]:
    """The page cut after its title line: at every line end (the line kept whole, with and without its newline)
    and every ``step`` bytes (a cut inside a UTF-8 character keeps its whole characters only)."""
    data = text.encode("utf-8")
    start = data.index(b"\n") + 1
    ends = {m.start() for m in re.finditer(b"\n", data) if m.start() >= start}
    points = sorted({*ends, *(e + 1 for e in ends), *range(start + step, len(data), step)})
    for point in points:
        yield data[:point].decode("utf-8", errors="ignore")


# --- The live site's HTML ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How the live page is written where we cannot know: the contents ``shown`` (a list of links), ``hidden``
    (collapsed, as the compact scrapes suggest) or in ``details``; the breadcrumbs as a ``nav`` list, an
    ``ol`` outside any nav, or a ``p`` of links; the cookie banner ``top`` or ``bottom``; the label line as a
    ``p``, a ``strong`` label in a paragraph, the grade after a line break (``br``: a scrape that writes a break
    as a space gives the one line the real scrapes show), or an ``h3``; tables as ``table`` or as the text's lines
    (``p``); the headings as ``h`` elements or as an editor's bold paragraphs (``strong``); an aside of related
    publications and sharing links ``after`` the main content, ``beside`` it (role=complementary, in a layout box
    with it), or, on a page without a main, one of only ``links``."""

    contents: str = "shown"
    crumbs: str = "nav"
    cookies: str = "top"
    label: str = "p"
    table: str = "table"
    main: bool = True
    headings: str = "h"
    aside: str = ""


STYLES = {
    "live": Style(),
    "live-hidden-contents": Style(contents="hidden", crumbs="p", cookies="bottom", aside="beside"),
    "live-details": Style(contents="details", crumbs="ol", label="strong", aside="after"),
    "live-heading-label": Style(label="h3", crumbs="p", main=False),
    "live-text-table": Style(table="p", contents="hidden", label="strong"),
    "live-label-break": Style(label="br", crumbs="ol", cookies="bottom", main=False, aside="links"),
    "live-bold-headings": Style(headings="strong", contents="hidden", label="strong"),
}

_TOP = re.compile(
    r"^(?:[0-9]{1,2}\.\s+.*|About us|(?:1\. )?Introduction|Overall (?:summary|judgment)|Summary|Letter information"
    r"|Background|Our causes of concern and recommendations|Our commission|Terminology used in this report"
    r"|About ROCUs|The Police Service of Northern Ireland|How (?:effectively|well) does the force .*)$"
)


def _level(text: str) -> int:
    return 2 if _TOP.match(text) else 3


def _anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _contents(page: list[Unit], style: Style) -> str:
    heads = [u.text for u in page if u.kind == "heading"]
    if not heads:
        return ""
    items: list[str] = []
    for text in heads:
        link = f'<a href="#{_anchor(text)}">{html.escape(text)}</a>'
        if _level(text) == 2 or not items:
            items.append(f"<li>{link}")
        else:
            items[-1] += f'<ol class="sub"><li>{link}</li></ol>'
    listed = '<ol class="contents-list">' + "".join(item + "</li>" for item in items) + "</ol>"
    if style.contents == "hidden":
        return f'<div class="contents"><button aria-expanded="false">Contents</button><div hidden>{listed}</div></div>'
    if style.contents == "details":
        return f'<details class="contents"><summary>Contents</summary>{listed}</details>'
    return f'<div class="contents"><h2 class="contents-title">Contents</h2>{listed}</div>'


def _crumbs(title: str, style: Style) -> str:
    trail = [("/", "Home"), ("/hmicfrs/publications/", "Publications")]
    links = [f'<a href="{href}">{text}</a>' for href, text in trail]
    if style.crumbs == "nav":
        items = "".join(f"<li>{link}</li>" for link in links)
        return f'<nav aria-label="Breadcrumb"><ol>{items}<li aria-current="page">{html.escape(title)}</li></ol></nav>'
    if style.crumbs == "ol":
        items = "".join(f"<li>{link}</li>" for link in links)
        return f'<div class="breadcrumbs"><ol>{items}<li>{html.escape(title)}</li></ol></div>'
    return '<p id="breadcrumbs"><span>' + " » ".join(links) + f" » <span>{html.escape(title)}</span></span></p>"


_COOKIES = (
    '<div class="cookie-banner" role="region" aria-label="Cookies on this website"><p>We use some essential '
    "cookies to make this website work. We’d like to set additional cookies to understand how you use the "
    'website.</p><button type="button">Accept additional cookies</button><button type="button">Reject additional '
    'cookies</button><a href="/cookies/">View cookies</a></div>'
)
_RELATED = (
    ("/hmicfrs/publications/state-of-policing-2024/", "State of Policing: The annual assessment of policing in "
     "England and Wales 2024", "Published on: 12 May 2024"),
    ("/hmicfrs/publications/custody-expectations/", "Expectations for police custody", "Published on: 3 March 2023"),
)  # fmt: skip
_SHARE = '<h2>Share this page</h2><ul><li><a href="#email">Email</a></li><li><a href="#print">Print</a></li></ul>'


def _aside(style: Style) -> str:
    """The page's aside of related publications and sharing links (``style.aside``)."""
    if style.aside == "links":
        items = "".join(f'<li><a href="{href}">{html.escape(text)}</a></li>' for href, text, _ in _RELATED)
        return f'<aside><h2>Related links</h2><ul class="related">{items}</ul>{_SHARE}</aside>'
    items = "".join(
        f'<li><a href="{href}">{html.escape(text)}</a><p class="date">{date}</p></li>' for href, text, date in _RELATED
    )
    inner = f"<h2>Related publications</h2><ul>{items}</ul><p>See all publications.</p>{_SHARE}"
    return f'<div role="complementary">{inner}</div>' if style.aside == "beside" else f"<aside>{inner}</aside>"


_HEADER = (
    '<header class="site-header"><a href="/hmicfrs/" class="logo">His Majesty’s Inspectorate of Constabulary and '
    'Fire &amp; Rescue Services</a><form role="search"><label for="s">Search</label><input id="s" name="s">'
    '<button>Search</button></form><nav aria-label="Main"><ul><li><a href="/hmicfrs/police-forces/">Police '
    'forces</a></li><li><a href="/hmicfrs/fire-and-rescue-services/">Fire &amp; rescue services</a></li><li><a '
    'href="/hmicfrs/publications/">Publications</a></li><li><a href="/hmicfrs/about-us/">About us</a></li></ul>'
    "</nav></header>"
)
_FOOTER = (
    '<footer class="site-footer"><ul><li><a href="/hmicfrs/accessibility/">Accessibility</a></li><li><a '
    'href="/hmicfrs/privacy/">Privacy</a></li><li><a href="/hmicfrs/contact-us/">Contact us</a></li></ul><p>© '
    "Crown copyright. All content is available under the Open Government Licence v3.0, except where otherwise "
    "stated.</p></footer>"
)


def _published(text: str) -> str:
    date = text.partition(":")[2].strip()
    return f'<p class="published">Published on: <time datetime="">{html.escape(date)}</time></p>'


def _body(page: list[Unit], style: Style) -> str:
    out: list[str] = []
    index = 0
    while index < len(page):
        unit = page[index]
        if unit.kind in ("bullet", "row"):
            end = index
            while end < len(page) and page[end].kind == unit.kind:
                end += 1
            out.append(_list(page[index:end]) if unit.kind == "bullet" else _table(page[index:end], style))
            index = end
            continue
        out.append(_block(unit, style))
        index += 1
    return "\n".join(part for part in out if part)


def _block(unit: Unit, style: Style) -> str:
    text = html.escape(unit.text)
    if unit.kind == "heading" and style.headings == "strong":  # an editor's bold paragraph for a heading
        return f"<p><strong>{text}</strong></p>"
    if unit.kind == "heading":
        level = _level(unit.text)
        return f'<h{level} id="{_anchor(unit.text)}">{text}</h{level}>'
    if unit.kind == "label":
        label, _, value = unit.text.partition(":")
        if style.label == "h3":
            return f"<h3>{text}</h3>"
        if style.label == "strong":
            return f"<p><strong>{html.escape(label)}:</strong> {html.escape(value.strip())}</p>"
        if style.label == "br":
            return f"<p><strong>{html.escape(label)}:</strong><br>{html.escape(value.strip())}</p>"
        return f'<p class="grade">{text}</p>'
    if unit.kind == "address":
        label, *lines = unit.text.split("\n")
        return f"<p><strong>{html.escape(label)}</strong><br>" + "<br>".join(html.escape(x) for x in lines) + "</p>"
    return f"<p>{text}</p>"


def _list(items: list[Unit]) -> str:
    tag = "ol" if items[0].marker else "ul"
    out = f"<{tag}>"
    depth = 0
    for item in items:
        while item.depth > depth:
            out += f"<{tag}>"
            depth += 1
        while item.depth < depth:
            out += f"</{tag}>"
            depth -= 1
        out += f"<li>{html.escape(item.text)}</li>"
    return out + f"</{tag}>" * (depth + 1)


def _table(rows: list[Unit], style: Style) -> str:
    if style.table == "p":
        return "\n".join(f"<p>{html.escape(row.text)}</p>" for row in rows)
    head, *body = rows
    header = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in head.cells)
    cells = ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row.cells) + "</tr>" for row in body]
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(cells)}</tbody></table>"


def live_html(page: list[Unit], style: Style = STYLES["live"], *, h1: bool = True) -> str:
    """The page as the live site writes it (as we picture it: the markup itself is unseen); without ``h1``, its
    title only in the HTML ``<title>`` (a page saved without the part of the page its heading was in)."""
    title = page[0].text
    head, body = [], []
    for unit in page[1:]:
        if unit.kind == "published":
            head.append(_published(unit.text))
        elif unit.kind == "furniture":
            if unit.text == "Contents":
                head.append(_contents(page, style))
            else:
                head.append('<button class="print" onclick="window.print()">Print this document</button>')
        else:
            body.append(unit)
    heading = f"<h1>{html.escape(title)}</h1>" if h1 else ""
    content = (
        f'<article><div class="publication-header">{heading}{"".join(head)}</div>'
        f'<div class="publication-content">{_body(body, style)}</div></article>'
    )
    main = f'<main id="main-content">{content}</main>' if style.main else f'<div id="content">{content}</div>'
    if style.aside == "beside":
        main = f'<div class="layout">{main}{_aside(style)}</div>'
    elif style.aside:
        main += _aside(style)
    banner = _COOKIES if style.cookies == "top" else ""
    tail = _COOKIES if style.cookies == "bottom" else ""
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} - His Majesty’s Inspectorate of Constabulary and Fire &amp; Rescue Services"
        f'</title><script>window.dataLayer=[];</script></head>\n<body><a href="#main-content" class="skip">Skip to '
        f"main content</a>{banner}{_HEADER}\n{_crumbs(title, style)}\n{main}\n{_FOOTER}{tail}</body></html>\n"
    )


# --- Names -------------------------------------------------------------------------------------------------------

# The 43 Home Office forces of England and Wales by their full names, and the short names records give them.
FORCES = {
    "Avon and Somerset Constabulary": "Avon and Somerset",
    "Bedfordshire Police": "Bedfordshire",
    "Cambridgeshire Constabulary": "Cambridgeshire",
    "Cheshire Constabulary": "Cheshire",
    "City of London Police": "City of London",
    "Cleveland Police": "Cleveland",
    "Cumbria Constabulary": "Cumbria",
    "Derbyshire Constabulary": "Derbyshire",
    "Devon and Cornwall Police": "Devon and Cornwall",
    "Dorset Police": "Dorset",
    "Durham Constabulary": "Durham",
    "Dyfed-Powys Police": "Dyfed-Powys",
    "Essex Police": "Essex",
    "Gloucestershire Constabulary": "Gloucestershire",
    "Greater Manchester Police": "Greater Manchester",
    "Gwent Police": "Gwent",
    "Hampshire and Isle of Wight Constabulary": "Hampshire and Isle of Wight",
    "Hertfordshire Constabulary": "Hertfordshire",
    "Humberside Police": "Humberside",
    "Kent Police": "Kent",
    "Lancashire Constabulary": "Lancashire",
    "Leicestershire Police": "Leicestershire",
    "Lincolnshire Police": "Lincolnshire",
    "Merseyside Police": "Merseyside",
    "Metropolitan Police Service": "Metropolitan",
    "Norfolk Constabulary": "Norfolk",
    "North Wales Police": "North Wales",
    "North Yorkshire Police": "North Yorkshire",
    "Northamptonshire Police": "Northamptonshire",
    "Northumbria Police": "Northumbria",
    "Nottinghamshire Police": "Nottinghamshire",
    "South Wales Police": "South Wales",
    "South Yorkshire Police": "South Yorkshire",
    "Staffordshire Police": "Staffordshire",
    "Suffolk Constabulary": "Suffolk",
    "Surrey Police": "Surrey",
    "Sussex Police": "Sussex",
    "Thames Valley Police": "Thames Valley",
    "Warwickshire Police": "Warwickshire",
    "West Mercia Police": "West Mercia",
    "West Midlands Police": "West Midlands",
    "West Yorkshire Police": "West Yorkshire",
    "Wiltshire Police": "Wiltshire",
}
# Fictional forces (the only names that may carry an invented grade), in the same shapes as the real ones.
FICTIONAL = {
    "Barsetshire Constabulary": "Barsetshire",
    "Wessex Police": "Wessex",
    "Loamshire and Midsomer Constabulary": "Loamshire and Midsomer",
    "City of Casterbridge Police": "City of Casterbridge",
    "Mercia-Powys Police": "Mercia-Powys",
    "Borsetshire and Isle of Lyonesse Constabulary": "Borsetshire and Isle of Lyonesse",
    "Metropolitan Wessex Police Service": "Metropolitan Wessex",
    "South Barsetshire Police": "South Barsetshire",
    "Devon & Melchester Police": "Devon & Melchester",
}
# The forces outside the Home Office set (PEEL reports of their own): their record's force is the full name.
NHO_FORCES = (
    "British Transport Police",
    "Police Service of Northern Ireland",
    "Civil Nuclear Constabulary",
    "Ministry of Defence Police",
    "National Crime Agency",
)
NHO_FICTIONAL = ("Mercian Waterways Police", "Police Service of Lyonesse", "Wessex Nuclear Constabulary")
# The regions of the serious and organised crime reports, as a title might write them (the real ones: "south-east",
# "eastern", "east midlands", "north-west").
REGIONS = (
    "north-east", "Yorkshire and the Humber", "Yorkshire and Humber", "south-west", "Welsh", "Wales", "eastern",
    "West Midlands", "west midlands", "east midlands", "East Midlands", "north-west", "North West", "south-east",
    "South East", "south west", "north east", "London",
)  # fmt: skip
GRADES = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


# --- Builders: other names in the real beginnings' sentences -----------------------------------------------------


def _sub(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def vetting_page(name: str, grade: str | None, *, form: str = "label", inspected: str = "April 2023") -> str:
    """A vetting report of force ``name`` in the grammar of the real beginnings: ``form`` "label" (074's label
    line), "sentence" (073's grade sentence), "none" (no grade: 074 without its label line) or "absent" (the
    label "no graded judgment" and the research notes' reason sentence)."""
    if form == "sentence":
        text = _sub(real_text("073"), "Warwickshire Police", name)
        text = _sub(text, "In April 2023,", f"In {inspected},")
        sentence = f"{name} is adequate at vetting, IT monitoring and counter-corruption."
        new = "" if grade is None else _grade_sentence(name, grade) + "\n"
        return text.replace(sentence + "\n", new)
    text = _sub(real_text("074"), "Cheshire Constabulary", name)
    text = _sub(text, "In October 2022,", f"In {inspected},")
    label = "Vetting, IT monitoring and counter-corruption: requires improvement\n"
    if form == "none":
        return text.replace(label, "")
    if form == "absent":
        reason = "As our inspection took place more than 12 months ago, we provide no graded judgment.\n"
        return text.replace(label, "Vetting, IT monitoring and counter-corruption: no graded judgment\n" + reason)
    assert grade is not None
    return text.replace(label, f"Vetting, IT monitoring and counter-corruption: {grade.lower()}\n")


def _grade_sentence(name: str, grade: str) -> str:
    if grade == "Requires improvement":
        return f"{name} requires improvement at vetting, IT monitoring and counter-corruption."
    return f"{name} is {grade.lower()} at vetting, IT monitoring and counter-corruption."


def soc_page(region: str, number: str = "061", published: str | None = None) -> str:
    """A serious and organised crime report of ``region``, in the grammar of real beginning ``number``."""
    text = real_text(number)
    old = re.match(r"An inspection of the (.+) regional response", text)
    assert old is not None
    text = text.replace(f"the {old[1]} regional", f"the {region} regional", 1)
    if published is not None:
        text = re.sub(r"Published on: [^\n]+", f"Published on: {published}", text)
    return text


def nho_table_page(
    name: str, abbreviation: str, grades: tuple[str, ...] | None, *, number: str = "057", commissioned: str = "2021"
) -> str:
    """A PEEL report of a force outside the Home Office set, in the BTP beginnings' grammar (057 spaced table, 058
    piped); ``grades`` for its three whole rows, or None to keep no row (the table cut under its header); the
    commission sentence opening "In {commissioned}," ("2021", or with its month, "March 2023")."""
    text = real_text(number).replace("British Transport Police (BTP)", f"{name} ({abbreviation})")
    text = _sub(text, "In 2021, we were commissioned", f"In {commissioned}, we were commissioned")
    text = _sub(text, "Inspection into British Transport Police", f"Inspection into {name}")
    head, sep, rows = text.partition("Area Grade" if number == "057" else "Area | Grade |")
    if grades is None:
        return head + sep
    lines = rows.split("\n")
    out = []
    for line in lines:
        found = re.match(r"^(?P<area>.+?) (?:\| )?Good(?: \|)?$", line)
        if found and grades:
            grade, grades = grades[0], grades[1:]
            line = f"{found['area']} {grade}" if number == "057" else f"{found['area']} | {grade} |"
        out.append(line)
    return head + sep + "\n".join(out)


def nho_sentence_page(name: str, grade: str | None) -> str:
    """A one-judgment report in the PSNI beginning's grammar (095), for force ``name``: its grade sentence, or none."""
    text = real_text("095").replace("Police Service of Northern Ireland", name)
    sentence = f"The {name}’s crime data integrity is good.\n"
    if grade is None:
        return text.replace(sentence, "")
    verb = "requires improvement" if grade == "Requires improvement" else f"is {grade.lower()}"
    return text.replace(sentence, f"The {name}’s crime data integrity {verb}.\n")


def letter_page(name: str, sent: str = "4 April 2025") -> str:
    """A causes-of-concern revisit letter to force ``name``, in the real letter's grammar (102), sent on ``sent``."""
    text = real_text("102").replace("Nottinghamshire Police", name)
    return text.replace("4 April 2025", sent)


def custody_page(name: str, title_name: str, when: str, *, number: str = "015", unannounced: bool = True) -> str:
    """A custody report of force ``name`` (its full name), titled with ``title_name``, inspected in ``when``
    ("October 2021"), in the grammar of real beginning ``number``; the partner is HMIP before July 2022, the CQC
    after, as the programme changed."""
    text = real_text(number)
    old = re.match(r"Report on an (?:unannounced )?inspection visit to police custody suites in ([^\n]+)", text)
    assert old is not None
    full = re.search(r"inspection of (.+?) custody facilities", text)
    assert full is not None
    text = text.replace(full[1], name).replace(old[1], title_name)
    title = "Report on an unannounced inspection" if unannounced else "Report on an inspection"
    text = re.sub(r"^Report on an (?:unannounced )?inspection", title, text)
    *_, month, year = when.split()  # "October 2021", or an inspection over two months "May and June 2022"
    cqc = (int(year), MONTHS.index(month)) >= (2022, 6)
    partner = "the Care Quality Commission (CQC)" if cqc else "HM Inspectorate of Prisons (HMIP)"
    return re.sub(
        r"and (?:HM Inspectorate of Prisons \(HMIP\)|the Care Quality Commission \(CQC\)) in \w+ [0-9]{4}",
        f"and {partner} in {when}",
        text,
    )


def renderings(text: str) -> dict[str, str]:
    """Every rendering of one text page: as given, blank-line, compact, their Windows line endings and no-break
    spaces, and the live site's HTML in each style."""
    page = units(text)
    out = {"as-given": text, "blank-line": blank_line(page), "compact": compact(page)}
    out["blank-line-crlf"] = crlf(out["blank-line"])
    out["compact-crlf"] = crlf(out["compact"])
    for way in NBSP_WAYS:
        out[f"blank-line-nbsp-{way}"] = nbsp(out["blank-line"], way)
        out[f"compact-nbsp-{way}"] = nbsp(out["compact"], way)
    rows = [u for u in page if u.kind == "row"]
    if rows and not any("|" in u.text for u in rows):
        out["blank-line-piped"] = blank_line(page, piped=True)
        out["compact-piped"] = compact(page, piped=True)
    elif rows and all(cell for u in rows for cell in u.cells):  # a spaced row cannot show an empty cell
        out["blank-line-spaced"] = blank_line(page, piped=False)
        out["compact-spaced"] = compact(page, piped=False)
    if rows:
        out["blank-line-tabbed"] = blank_line(page, piped="\t")
        out["compact-tabbed"] = compact(page, piped="\t")
    out["nb-hyphen-title"] = nb_hyphens(out["compact"])
    out["straight-quotes"] = straight_quotes(out["blank-line"])
    out["live-nb-hyphen-title"] = live_html(units(nb_hyphens(text)), STYLES["live-details"])
    out["untitled"] = compact(page[1:])  # a scrape that lost the title line
    out["live-untitled"] = live_html(page, h1=False)
    out["compact-contents"] = compact(with_contents(page, listed=False))
    out["blank-line-contents"] = blank_line(with_contents(page, listed=True))
    for name, style in STYLES.items():
        out[name] = live_html(page, style)
    for name in MARKUPS:
        out[f"markup-{name}"] = getattr(markup, name)(markup.classify(text))
    return out
