"""Block reader cases (tests/cases/blocks_*.txt): input, then the expected block stream."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from peel_extract.blocks import Block, page_blocks, sniff_format
from peel_extract.errors import InputTooLarge
from peel_extract.options import DEFAULT_LIMITS

from .conftest import CASES
from .scaling import assert_linear


def load_cases(name: str) -> list[tuple[str, str, list[str]]]:
    """(title, input, expected lines) for each '## ' case of a case file."""
    text = (CASES / name).read_text(encoding="utf-8")
    cases = []
    for chunk in text.split("\n## ")[1:]:
        title, _, body = chunk.partition("\n")
        source, _, expected = body.partition("\n----\n")
        cases.append((title.strip(), source, [line for line in expected.split("\n") if line]))
    return cases


def render(block: Block) -> str:
    if block.kind == "row":
        return f"row {json.dumps(block.cells, ensure_ascii=False)}"
    if block.kind == "item":
        return f"item:{block.depth} {block.text}"
    if block.kind == "heading":
        return f"heading:{block.level} {block.text}"
    return f"{block.kind} {block.text}"


@pytest.mark.parametrize(
    ("title", "source", "expected"), [pytest.param(*c, id=c[0]) for c in load_cases("blocks_text.txt")]
)
def test_text_reader(title: str, source: str, expected: list[str]) -> None:
    assert [render(b) for b in page_blocks(source, "text")] == expected, title


@pytest.mark.parametrize(
    ("title", "source", "expected"), [pytest.param(*c, id=c[0]) for c in load_cases("blocks_html.txt")]
)
def test_html_reader(title: str, source: str, expected: list[str]) -> None:
    assert sniff_format(source) == "html"
    assert [render(b) for b in page_blocks(source, "html")] == expected, title


def test_text_blocks_carry_their_source_line() -> None:
    blocks = page_blocks("Title\n\n  • bullet\n\nLast", "text")
    assert [(b.text, b.line) for b in blocks] == [("Title", 1), ("bullet", 3), ("Last", 5)]


def test_html_blocks_carry_their_source_line() -> None:
    blocks = page_blocks("<html><body>\n<h1>Title</h1>\n<p>One</p>\n\n<ul>\n<li>Item</li></ul>", "html")
    assert [(b.text, b.line) for b in blocks] == [("Title", 2), ("One", 3), ("Item", 6)]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <div>fragment</div>", "html"),
        ("Staffordshire PEEL 2018\n\nHow legitimately ...?", "text"),
        ("Text that mentions a <b> tag name but no block tags", "text"),
    ],
)
def test_format_is_told_from_content(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_a_row_reads_as_its_cells_joined() -> None:
    """A row's text joins its non-empty cells with " | " and a cell's lines with " / "."""
    (row,) = page_blocks("<table><tr><td>A<br>B</td><td></td><td>C</td></tr></table>", "html")
    assert (row.kind, row.text, row.cells) == ("row", "A / B | C", (("A", "B"), (), ("C",)))


def test_an_empty_title_gives_no_block() -> None:
    blocks = page_blocks("<html><head><title> </title></head><body><p>Body.</p></body></html>", "html")
    assert [(b.kind, b.text) for b in blocks] == [("para", "Body.")]


def _table_page(rows: int) -> str:
    row = "<tr><td>Area {n}</td><td>Good</td><td><p>Line one</p><p>Line two</p></td></tr>"
    cells = "".join(row.format(n=n) for n in range(rows))
    return f"<html><body><p>Before.</p><table>{cells}</table></body></html>"


def test_a_table_costs_time_linear_in_its_cells() -> None:
    """Each cell asks whether it is its table's only cell: the table's cells are counted once, not per cell."""

    def make_work(rows: int) -> Callable[[], object]:
        page = _table_page(rows)
        return lambda: page_blocks(page, "html")

    assert_linear(make_work, 300)
    assert len(page_blocks(_table_page(3), "html")) == 4


def _nested_asides_page(levels: int) -> str:
    links = "<ul>" + "<li><a href='#'>Link</a></li>" * 5 + "</ul>"
    stack = "<div>" + f"<aside>{links}" * levels + "<p>Loose.</p>" + "</aside>" * levels + "</div>"
    return "<html><body><p>Body.</p>" + stack * 20 + "</body></html>"


def test_asides_nested_in_kept_asides_cost_time_linear_in_their_depth() -> None:
    """On a page without main, an aside is looked over once for links only, not again for each aside inside it."""

    def make_work(levels: int) -> Callable[[], object]:
        page = _nested_asides_page(levels)
        return lambda: page_blocks(page, "html")

    assert_linear(make_work, 40)
    assert sum(b.kind == "item" for b in page_blocks(_nested_asides_page(3), "html")) == 20 * 3 * 5


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_lists_nested_past_the_limit_name_the_line_where_they_pass_it(fmt: str) -> None:
    lines = ["<p>Areas for improvement</p>", "<p>Before the list.</p>"] if fmt == "html" else ["Areas", "Before"]
    if fmt == "html":
        lines += [f"<ul><li>level {n}" for n in range(120)]
    else:
        lines += [" " * n + f"• level {n}" for n in range(120)]
    with pytest.raises(InputTooLarge) as caught:
        page_blocks("\n".join(lines), fmt, "deep")
    assert str(caught.value) == "deep:103: lists nest deeper than 100 levels"  # level 100, on line 3 + 100


def test_decode_hands_plain_utf8_bytes_as_they_are_and_any_other_page_as_text() -> None:
    from peel_extract.decode import Decoded, Utf8Bytes, decode

    page = "<html><body><p>Wessex’s page</p></body></html>"
    assert decode(page.encode(), "p.html") == Utf8Bytes(page.encode())
    assert decode(page.encode("utf-16"), "p.html") == Decoded(page, "utf-16-le")
    latin = b'<html><head><meta charset="windows-1252"></head><body><p>Wessex\x92s page</p></body></html>'
    assert isinstance(decode(latin, "p.html"), Utf8Bytes)  # nothing to decide by a look: the parser tells
    from peel_extract.api import _blocks
    from peel_extract.read import from_bytes

    source = from_bytes("p.html", latin, DEFAULT_LIMITS)
    assert _blocks(source, DEFAULT_LIMITS)[:2] == ("html", "windows-1252")
    assert [b.text for b in _blocks(source, DEFAULT_LIMITS)[3]] == ["Wessex’s page"]
