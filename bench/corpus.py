"""Build the benchmark corpus from fixtures/: realistic HTML pages (50-150 KB with site chrome) and text pages.

    python bench/corpus.py OUT_DIR [--pages 4000] [--seed 1]

HTML pages are the fixture HTML markups wrapped in the chrome a saved HMICFRS page carries: a head
with inline CSS, JSON-LD and analytics scripts, an SVG icon sprite, a header with a mega-menu
navigation, breadcrumbs, a hidden cookie banner and a footer of links. Each page gets a unique
comment, so no two pages are byte-identical (batch would skip duplicates).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
KB = 1024


def _css(rng: random.Random, size: int) -> str:
    rules = []
    while sum(map(len, rules)) < size:
        name = "".join(rng.choice("abcdefghijklmnop-") for _ in range(rng.randrange(6, 18)))
        rules.append(f".{name}{{margin:{rng.randrange(20)}px;color:#{rng.randrange(16**6):06x};display:block}}\n")
    return "<style>" + "".join(rules) + "</style>\n"


def _scripts(rng: random.Random, size: int) -> str:
    data = ",".join(f'{{"id":{i},"url":"/hmicfrs/page-{rng.randrange(10**6)}/"}}' for i in range(size // 40))
    return (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[' + data + "]}</script>\n"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());gtag('config','G-XXXX');</script>\n"
    )


def _svg(rng: random.Random, icons: int) -> str:
    paths = "".join(
        f'<symbol id="i{i}" viewBox="0 0 24 24"><path d="M{rng.randrange(24)} {rng.randrange(24)}L'
        + " ".join(str(rng.randrange(24)) for _ in range(40))
        + 'z"/></symbol>'
        for i in range(icons)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{paths}</svg>\n'


def _nav(rng: random.Random, sections: int) -> str:
    menus = []
    for s in range(sections):
        links = "".join(
            f'<li><a href="/hmicfrs/our-work/area-{s}/topic-{i}/">Topic {i} of section {s}</a></li>' for i in range(12)
        )
        menus.append(f'<li class="menu"><a href="/hmicfrs/s{s}/">Section {s}</a><ul class="sub">{links}</ul></li>')
    return (
        '<header class="site-header"><a class="logo" href="/hmicfrs/"><img src="/logo.png" alt="HMICFRS"></a>'
        f'<nav aria-label="Main menu"><ul>{"".join(menus)}</ul></nav>'
        '<form role="search" action="/hmicfrs/"><input name="s"><button>Search</button></form></header>\n'
        '<nav class="breadcrumbs"><ol><li><a href="/">Home</a></li>'
        '<li><a href="/peel/">PEEL assessments</a></li></ol></nav>\n'
        '<div class="cookie-banner" hidden><p>We use cookies to collect information about how you use '
        "the site.</p></div>\n"
    )


def _footer(rng: random.Random, links: int) -> str:
    items = "".join(f'<li><a href="/hmicfrs/footer-{i}/">Footer link {i}</a></li>' for i in range(links))
    return f'<footer class="site-footer"><ul>{items}</ul><p>© Crown copyright</p></footer>\n'


def html_page(content: str, rng: random.Random, target: int, number: int) -> str:
    """A fixture page's body in site chrome, about ``target`` bytes in all."""
    body = content.split("<body>", 1)[-1].split("</body>", 1)[0] if "<body>" in content else content
    room = max(target - len(body.encode()), 20 * KB)
    head = _css(rng, room * 2 // 10) + _scripts(rng, room * 2 // 10)
    chrome = _svg(rng, room * 2 // 10 // 180) + _nav(rng, max(room * 3 // 10 // 1100, 2))
    return (
        f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>HMICFRS</title>\n{head}</head>\n'
        f"<body><!-- page {number} -->\n{chrome}{body}\n{_footer(rng, room // 10 // 60)}</body></html>\n"
    )


def build(out: Path, pages: int, seed: int = 1) -> tuple[list[Path], list[Path]]:
    """Write the corpus: (html pages, text pages). Three in four pages are HTML."""
    rng = random.Random(seed)
    html_sources = sorted(FIXTURES.glob("*/input.html"))
    text_sources = sorted(FIXTURES.glob("*/input.txt"))
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "text").mkdir(parents=True, exist_ok=True)
    html, text = [], []
    for number in range(pages):
        if number % 4:
            source = html_sources[number % len(html_sources)].read_text(encoding="utf-8")
            path = out / "html" / f"page-{number:06d}.html"
            path.write_text(html_page(source, rng, rng.randrange(50, 150) * KB, number), encoding="utf-8")
            html.append(path)
        else:
            source = text_sources[number % len(text_sources)].read_text(encoding="utf-8")
            path = out / "text" / f"page-{number:06d}.txt"
            path.write_text(source + "\n" * (1 + number // len(text_sources)), encoding="utf-8")
            text.append(path)
    return html, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    html, text = build(args.out, args.pages, args.seed)
    sizes = sorted(p.stat().st_size for p in html)
    print(f"{len(html)} HTML pages ({sizes[0] // KB}-{sizes[-1] // KB} KB), {len(text)} text pages in {args.out}")


if __name__ == "__main__":
    main()
