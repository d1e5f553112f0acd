"""The benchmark's pages: complete pages as users hold them, never padding that the tool skips.

- ``seed``: the one complete real page we have (Staffordshire PEEL 2018, Legitimacy, 17 KB of text)
  as text, and in each HTML markup in fixtures/ (semantic, flat, malformed: 19-21 KB, with the
  small header, navigation and footer of a page). ``seed/site`` is the semantic markup inside
  chrome like the live site's, making the page 60 KB, as the live page is: a head of meta, link and
  script tags with inline critical CSS and JSON-LD, an icon sprite, a header with a four-part menu,
  a hidden cookie banner, breadcrumbs and a footer of links. Dev pages get no such chrome: their
  ~2 KB of text in 50-150 KB of chrome (as an earlier benchmark had them) would measure mostly what
  lxml parses and the walk skips whole.
- ``dev``: every other fixture page in each markup it has (the real dev pages are the first
  ~2,000 bytes of their pages), and their text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = "staffordshire-2018-legitimacy"
MARKUPS = ("semantic", "flat", "malformed", "divsoup", "aria")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its group ('seed' or 'dev'), its markup ('text', 'semantic', ...) and bytes."""

    group: str
    markup: str
    name: str
    data: bytes


def pages() -> list[Page]:
    """Every benchmark page, the seed's first."""
    found = [Page("seed", "site", SEED, site_page(_read(FIXTURES / f"{SEED}-semantic" / "input.html")))]
    for folder in sorted(FIXTURES.iterdir()):
        if (folder / "PENDING.md").exists():
            continue  # a page kind not converted yet (issue 20): not a page the tool converts
        for path in sorted(folder.glob("input.*")):
            base, _, markup = folder.name.rpartition("-")
            if markup not in MARKUPS:
                base, markup = folder.name, "text" if path.suffix == ".txt" else "html"
            group = "seed" if base == SEED else "dev"
            found.append(Page(group, markup, base, path.read_bytes()))
    return sorted(found, key=lambda p: (p.group != "seed", p.markup, p.name))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


_TOPICS = (
    "police-forces peel-assessments fire-and-rescue-services frs-assessments child-protection custody "
    "crime-data-integrity counter-terrorism digital-forensics domestic-abuse joint-inspections "
    "police-leadership roads-policing serious-and-organised-crime stalking vetting victims-of-crime"
).split()


def _menu(section: str) -> str:
    return "".join(
        f'<li class="menu-item"><a class="menu-link" href="/hmicfrs/{section}/{topic}/">'
        f"{topic.replace('-', ' ').capitalize()}</a></li>"
        for topic in _TOPICS
    )


def _css(rules: int) -> str:
    return "".join(
        f".c-{n}{{margin:{n % 24}px 0 {n % 16}px;padding:0 {n % 12}px;color:#{(n * 2654435761) % 16**6:06x};"
        f"font:{12 + n % 8}px/1.5 Arial,sans-serif}}@media (min-width:{640 + n % 5 * 160}px){{.c-{n}{{display:flex}}}}"
        for n in range(rules)
    )


def _sprite(icons: int) -> str:
    paths = "".join(
        f'<symbol id="icon-{n}" viewBox="0 0 24 24"><path d="M{n % 24} 2'
        + "".join(f"L{(n * k) % 24} {(n + k) % 24}" for k in range(24))
        + 'z"/></symbol>'
        for n in range(icons)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{paths}</svg>'


_HEAD = (
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>PEEL 2018/19 – Legitimacy – Staffordshire Police – HMICFRS</title>"
    '<meta name="description" content="How legitimately does the force treat the public and its workforce?">'
    + "".join(f'<link rel="stylesheet" href="/wp-content/themes/hmicfrs/css/{n}.css?ver=6.4">' for n in range(8))
    + f"<style>{_css(150)}</style>"
    + '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
    + ",".join(f'{{"@type":"WebPage","@id":"/hmicfrs/peel-assessments/{t}/","name":"{t}"}}' for t in _TOPICS)
    + "]}</script>"
    + "".join(f'<script src="/wp-content/themes/hmicfrs/js/{n}.js?ver=6.4" defer></script>' for n in range(8))
    + "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());gtag('config','G-0000000000');</script>"
)
_HEADER = (
    '<a class="skip-link" href="#main">Skip to content</a>'
    + _sprite(24)
    + '<header class="site-header"><a class="logo" href="/hmicfrs/"><img src="/logo.svg" alt="HMICFRS"></a>'
    + '<nav aria-label="Main menu"><ul>'
    + "".join(
        f'<li class="menu-section"><a href="/hmicfrs/{s}/">{s.capitalize()}</a>'
        f'<ul class="sub-menu">{_menu(s)}</ul></li>'
        for s in ("our-work", "publications", "about-us", "news")
    )
    + '</ul></nav><form role="search" action="/hmicfrs/"><label for="s">Search</label><input id="s" name="s">'
    "<button>Search</button></form></header>"
    '<div class="cookie-banner" hidden><p>We use cookies to collect information about how you use the site.</p>'
    "<button>Accept</button></div>"
    '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/hmicfrs/">Home</a></li>'
    '<li><a href="/hmicfrs/peel-assessments/">PEEL assessments</a></li>'
    '<li><a href="/hmicfrs/peel-assessments/peel-2018/">PEEL 2018/19</a></li>'
    '<li><a href="/hmicfrs/peel-assessments/peel-2018/staffordshire/">Staffordshire</a></li></ol></nav>'
)
_FOOTER = (
    f'<footer class="site-footer"><nav aria-label="Footer"><ul>{_menu("about-us")}{_menu("our-work")}</ul></nav>'
    "<p>All content is available under the Open Government Licence v3.0, except where otherwise stated."
    "</p><p>© Crown copyright</p></footer>"
)


def site_page(semantic: str) -> bytes:
    """The page's content (the semantic markup's <main>) in chrome like the live site's."""
    main = semantic[semantic.index("<main") : semantic.index("</main>") + len("</main>")]
    return (
        f'<!DOCTYPE html>\n<html lang="en-GB"><head>{_HEAD}</head>\n<body class="page">\n{_HEADER}\n'
        f"{main}\n{_FOOTER}\n</body></html>\n"
    ).encode()
