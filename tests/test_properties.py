"""Property tests: whatever the bytes, peel-extract gives a valid record or a PeelError, never a crash.

CI runs a short profile (tests/conftest.py); run `pytest tests/test_properties.py
--hypothesis-profile=thorough` by hand for thousands of examples.
"""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from peel_extract import PeelError, extract_page
from peel_extract.blocks import page_blocks
from peel_extract.records import record_problem

from .conftest import FIXTURES

PAGES = [
    (FIXTURES / name / f"input.{kind}").read_bytes()
    for name, kind in (
        ("staffordshire-2018-legitimacy", "txt"),
        ("staffordshire-2018-legitimacy-semantic", "html"),
        ("staffordshire-2018-legitimacy-malformed", "html"),
        ("staffordshire-2018-legitimacy-flat", "html"),
        ("dev-gwent-2016-overview", "txt"),
        ("dev-humberside-2014-overview-divsoup", "html"),
        ("dev-dyfed-powys-2017-effectiveness-compact", "txt"),
    )
]
_TAG = re.compile(rb"<[^<>]{1,80}>")


def _outcome(data: bytes) -> None:
    """A record that validates, or a PeelError; anything else fails the test."""
    try:
        record = extract_page(data, "page")
    except PeelError as error:
        assert str(error).startswith("page")
        return
    assert record_problem(record.model_dump(mode="json")) is None


@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    _outcome(data)


@given(st.text(max_size=3000))
def test_arbitrary_text_through_both_readers(text: str) -> None:
    page_blocks(text, "text")
    page_blocks(text, "html")
    _outcome(text.encode("utf-8"))


def _mutate(page: bytes, rng: random.Random, kind: str) -> bytes:
    size = len(page)
    if kind == "cut":
        return page[: rng.randrange(size)]
    if kind == "insert":
        at = rng.randrange(size)
        junk = rng.choice([b"<ul><li>", b"</div>", b"\n\n  \xe2\x80\xa2 ", b"Good\n", b"<h2>", b"\x00\xff", b"1\n"])
        return page[:at] + junk * rng.randrange(1, 4) + page[at:]
    if kind == "delete_tags":
        tags = list(_TAG.finditer(page))
        doomed = {m.start() for m in rng.sample(tags, min(len(tags), rng.randrange(1, 40)))} if tags else set()
        return _TAG.sub(lambda m: b"" if m.start() in doomed else m.group(0), page)
    lines = page.split(b"\n")
    start = rng.randrange(len(lines))
    window = lines[start : start + rng.randrange(2, 30)]
    rng.shuffle(window)
    return b"\n".join(lines[:start] + window + lines[start + len(window) :])


@given(
    st.sampled_from(range(len(PAGES))),
    st.sampled_from(["cut", "insert", "delete_tags", "shuffle"]),
    st.integers(min_value=0, max_value=2**32 - 1),
    st.integers(min_value=1, max_value=4),
)
def test_damaged_real_pages(page: int, kind: str, seed: int, rounds: int) -> None:
    rng = random.Random(seed)
    data = PAGES[page]
    for _ in range(rounds):
        data = _mutate(data, rng, kind) or data[:1]
    _outcome(data)
