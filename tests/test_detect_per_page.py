"""Detection keeps nothing from one page for the next: the title facts several kinds share are asked once a page,
never answered from an earlier page's text (a benchmark repeating its pages would measure less than any batch of
distinct pages costs)."""

from __future__ import annotations

import importlib
import re

import pytest

from peel_extract.blocks import Block
from peel_extract.kinds import detect

detection = importlib.import_module("peel_extract.kinds.detect")  # the module (the package's detect is a function)

_TITLE = "Wessex PEEL 2018"


def _page() -> list[Block]:
    texts = ["Skip to content", _TITLE, "Legitimacy", "How legitimately does the force treat the public?"]
    return [Block("para", text, n + 1) for n, text in enumerate(texts)]


class _Counted:
    """A pattern that counts the texts it is matched against."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.texts = pattern, list[str]()

    def match(self, text: str) -> re.Match[str] | None:
        self.texts.append(text)
        return self.pattern.match(text)


def test_a_title_line_is_read_once_a_page_and_again_on_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _Counted(detection.TITLE)
    monkeypatch.setattr(detection, "TITLE", counted)
    for page in range(3):
        assert detect(_page(), f"wessex-{page}.html").__name__.endswith("peel_pillar")
        assert counted.texts.count(_TITLE) == page + 1  # the kinds share it within a page; each page asks it again
