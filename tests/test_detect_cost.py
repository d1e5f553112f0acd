"""Detection's cost per page (README, "Adding a page kind"): what every kind reads is made once per page, and a
test given the words every match holds is tried only on the texts holding them."""

from __future__ import annotations

import pytest

from peel_extract.blocks import Block
from peel_extract.kinds import Head, detect, frs_report, peel_report

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
