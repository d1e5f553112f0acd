"""Which kind of HMICFRS page (if any) a block stream is: each kind says how it shows itself, by signs of
several strengths; the strongest sign on the page decides.

A kind's ``detect(head, sign)`` answers for one strength at a time: the index of the block (in ``head.texts``)
where the page shows that sign of the kind, or None. Stronger signs are asked first. Among kinds showing
signs of the same strength, the earlier block wins, then the earlier kind in the registry (converted kinds
before the kinds only recognised); kinds make their signs exclusive where two could meet on one block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from functools import cache, lru_cache
from typing import Protocol, TypeVar

from ..blocks import Block
from ..vocab import (
    ASCII_DIGITS,
    ASSESSMENTS_TITLE,
    ASSESSMENTS_WORDS,
    EXTENT_SENTENCE,
    FIRE_AND_RESCUE,
    OBSERVATIONS,
    POLICE,
    READ_MORE,
    TITLE,
    YEAR_TITLE,
)

_HEAD = 40
_AFTER_TITLE = 6
Following = tuple[str, ...]
"""The texts after a title line."""


class Sign(IntEnum):
    """How a page shows its kind, strongest first."""

    COUNT_SENTENCE = 1
    """A sentence only pages of the kind write (a report's "Our inspection assessed how good X is in nine areas")."""
    TITLE_LINE = 2
    """Its title line, maybe with what follows it (the first title line of the page counts)."""
    NAMED = 3
    """Words of its text that name the kind ("PEEL 2023", "has performed in 11 areas")."""
    SECTOR = 4
    """Words naming its sector ("fire and rescue"), with what tells the kinds of that sector apart."""
    WORDS = 5
    """Other words only the kind uses ("this first PEEL assessment", "HMI's observations")."""
    INSPECTORATE = 6
    """Only the inspectorate's name."""


_SIGNS = tuple(Sign)
# What re.IGNORECASE takes for i and s besides their cases (dotless ı, long ſ; İ lower-cases to i and a combining
# dot), so that lower-cased words an IGNORECASE pattern matches are found in ``Head.lowers``.
_IGNORECASE_FOLDS = {ord("ı"): "i", ord("ſ"): "s", 0x307: None}
_IGNORECASE_FOLDS_CHARS = tuple(map(chr, _IGNORECASE_FOLDS))


class Head:
    """What tells a page's kind: the texts of its first blocks (an HTML ``<title>`` aside).

    Every kind's ``detect`` reads it on every page until a sign decides the kind, so what costs is done once per
    page here: the texts joined (``text``) and lower-cased (``lower``), the title lines, and each ``any`` answer. A
    test given the ``words`` every text it passes holds is tried only on the texts holding them: a page without
    them costs one look through ``text`` (``lower``, with ``any_case``), not a pattern per text.
    """

    __slots__ = ("_found", "_held", "_lower", "_lowers", "_text", "_titles", "texts")

    def __init__(self, blocks: list[Block]) -> None:
        for shared in _PER_PAGE:
            shared.cache_clear()  # the title facts are shared by the kinds within a page, never kept from another page
        self.texts = [b.text for b in blocks[:_HEAD] if b.kind != "title"]
        self._text: str | None = None
        self._lowers: list[str] | None = None
        self._lower: str | None = None
        self._titles: list[tuple[int, str, Following]] | None = None
        self._found: dict[Callable[[str], object], bool] = {}
        self._held: dict[tuple[str, bool], bool] = {}

    @property
    def text(self) -> str:
        """The texts, one a line (a test whether any text holds some words: a text holds no line break)."""
        if self._text is None:
            self._text = "\n".join(self.texts)
        return self._text

    @property
    def lowers(self) -> list[str]:
        """Each text lower-cased as a pattern with ``re.IGNORECASE`` reads letters (its ı, ſ and İ as i, s, i), so
        that lower-cased words such a pattern matches are in it."""
        if self._lowers is None:
            lowers = [text.lower() for text in self.texts]
            lower = "\n".join(lowers)
            if any(char in lower for char in _IGNORECASE_FOLDS_CHARS):  # rare: only then the slower translate
                lowers = [text.translate(_IGNORECASE_FOLDS) for text in lowers]
                lower = "\n".join(lowers)
            self._lowers, self._lower = lowers, lower
        return self._lowers

    @property
    def lower(self) -> str:
        """``lowers``, one a line."""
        if self._lower is None:
            self.lowers  # noqa: B018 - makes both
        assert self._lower is not None
        return self._lower

    def first(self, test: Callable[[str], object], words: str | None = None, any_case: bool = False) -> int | None:
        """The index of the first text that passes ``test``; with ``words``, of the texts holding them (in any case
        with ``any_case``: then ``words`` are lower-cased, for a pattern with ``re.IGNORECASE``)."""
        texts = self.texts
        if words is None:
            return next((index for index, text in enumerate(texts) if test(text)), None)
        if not self.holds(words, any_case):
            return None
        held = self.lowers if any_case else texts
        return next((index for index, text in enumerate(texts) if words in held[index] and test(text)), None)

    def holds(self, words: str, any_case: bool = False) -> bool:
        """Whether some text holds ``words`` (lower-cased, in any case with ``any_case``); answered once a page."""
        held = self._held.get((words, any_case))
        if held is None:
            held = self._held[words, any_case] = words in (self.lower if any_case else self.text)
        return held

    def any(self, test: Callable[[str], object], words: str | None = None, any_case: bool = False) -> bool:
        """Whether any text passes ``test`` (a pattern's ``search``, say: several kinds ask the same, answered once);
        ``words`` as for ``first``."""
        found = self._found.get(test)
        if found is None:
            found = self._found[test] = self.first(test, words, any_case) is not None
        return found

    def first_title(self, test: Callable[[str, Following], object]) -> int | None:
        """The index of the first title line (a text ending with its year) that ``test(text, following)``
        passes; ``following`` holds the texts after it, where a title line's page says more of itself."""
        if self._titles is None:
            texts = self.texts
            self._titles = [
                (index, text, tuple(texts[index + 1 : index + 1 + _AFTER_TITLE]))
                for index, text in enumerate(texts)
                if text[-1:] in ASCII_DIGITS  # every title line ends with its year
            ]
        return next((index for index, text, following in self._titles if test(text, following)), None)


class Recognised(Protocol):
    """A kind of page the detector tells apart: how the page shows it, and the words naming it in errors."""

    @property
    def DESCRIPTION(self) -> str:  # noqa: N802 - a kind is a module; this is its constant
        """What the page looks like, for "unsupported page type: recognised ..." ("a PEEL pillar page")."""

    def detect(self, head: Head, sign: Sign) -> int | None:
        """Where (an index into ``head.texts``) the page shows this sign of the kind; None where it does not."""


def strongest(kinds: Sequence[K], head: Head) -> K | None:
    """The kind the page's strongest sign shows (see the module's docstring); None when no kind's sign shows.
    A kind is asked only of the signs it declares (its ``SIGNS``, every sign when it declares none)."""
    for sign, asked in _by_sign(tuple(kinds)):
        shown = [(at, order) for order, kind in asked if (at := kind.detect(head, sign)) is not None]
        if shown:
            return kinds[min(shown)[1]]
    return None


@cache
def _by_sign(kinds: tuple[K, ...]) -> tuple[tuple[Sign, tuple[tuple[int, K], ...]], ...]:
    """Each sign, strongest first, with the kinds (and their order) that show it."""
    return tuple(
        (sign, tuple((order, kind) for order, kind in enumerate(kinds) if sign in getattr(kind, "SIGNS", _SIGNS)))
        for sign in _SIGNS
    )


K = TypeVar("K", bound=Recognised)


# Signs several kinds read (each read once per page: the kinds ask in turn; ``Head`` clears them for each page).
@lru_cache(maxsize=256)
def police_title(text: str) -> int | None:
    """The year of a police title line "Staffordshire PEEL 2018" (pillar pages, and reports from 2021)."""
    found = TITLE.match(text)
    return int(found["year"]) if found is not None else None


@lru_cache(maxsize=256)
def year_title(text: str) -> int | None:
    """The year of a title line "Gwent 2018/19" (overviews, fire and rescue pages), PEEL ones too."""
    found = YEAR_TITLE.match(text)
    return int(found["year"]) if found is not None else None


@lru_cache(maxsize=256)
def assessments_title(text: str) -> bool:
    """A 2021/22 landing page's title line, "Northumbria PEEL Assessments 2021/22"."""
    return ASSESSMENTS_WORDS in text and ASSESSMENTS_TITLE.match(text) is not None


@lru_cache(maxsize=256)
def fire_title(text: str, following: Following) -> int | None:
    """The year of a fire and rescue title line ("Kent 2021/22", its next lines speaking of a fire and rescue
    service first); never a line with "PEEL" in it."""
    year = year_title(text)
    if year is None or police_title(text) is not None or assessments_title(text) or sector(following) != "fire":
        return None
    return year


@lru_cache(maxsize=256)
def overview_after_title(following: Following) -> bool:
    """An overview's lines after its title: "Read more about X" at once, or its own sentences."""
    return any(READ_MORE.match(t) for t in following[:3]) or overview_sentences(following)


def overview_text(head: Head) -> bool:
    """An overview saved without its title: "Read more about X" anywhere, or its own sentences."""
    return head.any(READ_MORE.match) or head.any(_overview_sentence)


def overview_sentences(texts: Iterable[str]) -> bool:
    """An overview's own lines: its pillars' "The extent to which ..." sentences, or its inspector's text
    (what tells an overview whose "Read more about X" link was dropped as chrome)."""
    return any(_overview_sentence(t) for t in texts)


def _overview_sentence(text: str) -> bool:
    return bool(EXTENT_SENTENCE.match(text) or OBSERVATIONS.match(text))


_PER_PAGE = (police_title, year_title, assessments_title, fire_title, overview_after_title)
"""The facts several kinds read, each asked once a page: cleared when a page's ``Head`` is made (a page whose
title line another page shares must cost what any other costs: a benchmark repeats its pages)."""


def sector(texts: Iterable[str]) -> str | None:
    """The sector the first text that speaks of one names: a fire and rescue service, or police."""
    for text in texts:
        fire, police = FIRE_AND_RESCUE.search(text), POLICE.search(text)
        if fire or police:
            return "fire" if fire and not (police and police.start() < fire.start()) else "police"
    return None
