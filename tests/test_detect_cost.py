"""Detection's cost per page (docs/design.md, "Adding a page kind"): what every kind reads is made once per page, and a
test given the words every match holds is tried only on the texts holding them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from peel_extract import PeelError
from peel_extract.api import _blocks
from peel_extract.blocks import Block
from peel_extract.kinds import KINDS, RECOGNISED, Head, Sign, detect, frs_report, peel_report
from peel_extract.kinds.detect import Following
from peel_extract.options import DEFAULT_LIMITS
from peel_extract.read import from_bytes

from .conftest import FIXTURES, ROOT, fixture_inputs

_TEXTS = ["Skip to content", "Wessex PEEL 2018", "Our inspection assessed how well the force works.", "Good"]


def _head() -> Head:
    return Head([Block("title", "Wessex", 1), *(Block("para", text, n + 2) for n, text in enumerate(_TEXTS))])


def test_a_test_given_words_is_tried_only_on_the_texts_holding_them() -> None:
    head, tried = _head(), []

    def test(text: str) -> bool:
        tried.append(text)
        return text.endswith(".")

    assert head.first(test, words="inspection assessed") == 2
    assert tried == [_TEXTS[2]]
    tried.clear()
    assert head.first(test, words="has performed in") is None
    assert tried == []  # no text holds the words: one look through the page's text, no test at all
    assert head.any(test, words="PEEL") is False
    assert tried == [_TEXTS[1]]


def test_the_texts_joined_and_lower_cased_are_made_once_per_page() -> None:
    head = _head()
    assert head.text == "\n".join(_TEXTS) and head.text is head.text
    assert head.lower == head.text.lower() and head.lower is head.lower


def test_a_page_without_the_count_sentences_words_never_tries_their_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(text: str) -> None:
        raise AssertionError(f"a count pattern was tried on {text!r}")

    class Never:
        search = staticmethod(never)

    monkeypatch.setattr(peel_report, "PEEL_COUNT", Never)
    monkeypatch.setattr(frs_report, "FRS_COUNT", Never)
    blocks = [Block("para", text, n + 1) for n, text in enumerate(_TEXTS[:2] + _TEXTS[3:])]
    assert detect(blocks, "page").SPEC.page_type == "peel_pillar"


class _Counting(Head):
    """A head that counts the texts each test is tried on."""

    __slots__ = ("tried",)

    def __init__(self, blocks: list[Block]) -> None:
        super().__init__(blocks)
        self.tried = 0

    def first(self, test: Callable[[str], object], words: str | None = None, any_case: bool = False) -> int | None:
        def counted(text: str) -> object:
            self.tried += 1
            return test(text)

        return super().first(counted, words, any_case)

    def first_title(self, test: Callable[[str, Following], object]) -> int | None:
        def counted(text: str, following: Following) -> object:
            self.tried += 1
            return test(text, following)

        return super().first_title(counted)


_MOST_TRIED = 8


@pytest.mark.parametrize("markup", ["", "-semantic", "-flat", "-aria"])
def test_no_kind_tries_its_patterns_on_every_line_of_a_peel_page(markup: str) -> None:
    """A PEEL pillar page (most pages) is decided by its title line: every kind answering a stronger sign or that
    one meets it. A kind trying a pattern on each of its 40 first lines costs every page (docs/design.md: "Adding a page
    kind"); a kind that reads ``head.texts`` itself escapes this count, not the cost."""
    folder = FIXTURES / f"staffordshire-2018-legitimacy{markup}"
    path = next(folder.glob("input.*"))
    source = from_bytes(str(path), path.read_bytes())
    blocks = _blocks(source, DEFAULT_LIMITS)[3]
    for kind in (*KINDS, *RECOGNISED):
        head = _Counting(blocks)
        for sign in (Sign.COUNT_SENTENCE, Sign.TITLE_LINE):
            kind.detect(head, sign)
        name = getattr(kind, "__name__", kind)
        assert head.tried <= _MOST_TRIED, (
            f"{name} tried its tests on {head.tried} lines of a PEEL pillar page before its title line decided it: "
            "give head.first/any the words every match holds (words=..., any_case=...)"
        )


def test_a_kind_is_asked_only_of_the_signs_it_declares_and_shows_no_other() -> None:
    """A kind's SIGNS spare the calls for every other sign (each call costs on every page): on every fixture page,
    its detect answers None for each sign it does not declare."""
    heads = [_fixture_head(page) for page in fixture_inputs()]
    for kind in (*KINDS, *RECOGNISED):
        declared = getattr(kind, "SIGNS", tuple(Sign))
        for sign in set(Sign) - set(declared):
            shown = [n for n, head in enumerate(heads) if kind.detect(head, sign) is not None]
            assert shown == [], f"{getattr(kind, '__name__', kind)} shows {sign.name}, which it does not declare"


def _fixture_head(page: Path) -> Head:
    path = ROOT / page
    try:
        return Head(_blocks(from_bytes(str(path), path.read_bytes()), DEFAULT_LIMITS)[3])
    except PeelError:
        return Head([])
