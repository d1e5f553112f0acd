"""The HTML walk's fast paths (a paragraph of plain text or of inline elements, a <br> line, a plain list item:
blocks/html.py) give the blocks the general path gives: on every fixture page, and on a few thousand random pages
(seeded, so a failure names its page), at their own depth and at the depth limits around it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from peel_extract.blocks.html import tree_blocks
from peel_extract.blocks.parse import parser

from .conftest import ROOT, fixture_inputs

_WORDS = ["Good", "the force", "Areas for improvement", "How well does the force protect?", "•", "1.", "(a)", "-",
          "Skip to content", "2", "text’s", "x", "Recommendations"]  # fmt: skip
_SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u200b", "\ufeff", "\r\n", "\u2003", "\x0b", "\x1c", "\x85",
           "\x7f", "", "&nbsp;", "&#32;"]  # fmt: skip
_BLOCKS = ["p", "p", "p", "div", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h3", "table", "tr", "td",
           "th", "pre", "blockquote", "header", "footer", "nav", "aside", "dl", "dd"]  # fmt: skip
_INLINE = ["span", "a", "strong", "em", "br", "br", "button", "script", "svg", "img", "input"]
_ATTRIBUTES = ['class="x"', 'role="paragraph"', 'role="heading" aria-level="1"', 'role="heading"', 'role="list"',
               'role="listitem"', 'role="navigation"', "hidden", 'hidden="until-found"', 'aria-hidden="true"',
               'style="display:none"', 'style="color:red"', 'role="banner"', 'role="row"', 'role="cell"', 'colspan="2"',
               'role="button"', 'href="#"', 'role="complementary"', 'role="main"']  # fmt: skip


def _text(r: random.Random) -> str:
    return "".join(r.choice(_SPACES) + r.choice(_WORDS) for _ in range(r.randint(0, 4))) + r.choice(_SPACES)


def _element(r: random.Random, depth: int) -> str:
    if depth > 6 or r.random() < 0.25:
        return _text(r)
    tag = r.choice(_BLOCKS if r.random() < 0.5 else _INLINE)
    if tag in _INLINE and r.random() < 0.7:
        return f"<{tag}>{_text(r)}</{tag}>{_text(r)}"  # an inline element of text: what the fast paths read
    attributes = " ".join(r.sample(_ATTRIBUTES, r.choice([0, 0, 0, 1, 1, 2])))
    inner = "".join(_element(r, depth + 1) for _ in range(r.randint(0, 4)))
    close = "" if r.random() < 0.08 else f"</{tag}>"
    before, after = _text(r) if r.random() < 0.3 else "", _text(r) if r.random() < 0.4 else ""
    return f"{before}<{tag} {attributes}>{inner}{close}{after}"


def _page(seed: int) -> str:
    r = random.Random(seed)
    body = "".join(_element(r, 0) for _ in range(r.randint(1, 8) if r.random() < 0.5 else 1))
    head = f"<head><title>{_text(r)}</title></head>" if r.random() < 0.5 else ""
    return f"<html>{head}<body>{body}</body></html>"


def _depth(el: etree._Element) -> int:
    return 1 + max((_depth(child) for child in el), default=0)


def _same_blocks(root: etree._Element, max_depth: int) -> None:
    assert tree_blocks(root, max_depth) == tree_blocks(root, max_depth, fast=False)


@pytest.mark.parametrize("first", range(0, 3000, 500))
def test_fast_paths_give_the_general_paths_blocks(first: int) -> None:
    for seed in range(first, first + 500):
        root = etree.fromstring(_page(seed), parser())
        deepest = _depth(root)
        for max_depth in (256, deepest + 1, deepest, deepest - 1, deepest - 2):  # a fast path stops where all stop
            _same_blocks(root, max_depth)


@pytest.mark.parametrize("page", [p for p in fixture_inputs() if p.suffix == ".html"], ids=str)
def test_fast_paths_give_the_general_paths_blocks_on_every_fixture(page: Path) -> None:
    root = etree.fromstring((ROOT / page).read_bytes(), parser(utf8=True))
    if root is not None:
        _same_blocks(root, 256)
