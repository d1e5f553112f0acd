"""latest_judgments: one grade per graded thing, from the newest version of the pages that grade it.

A graded thing is (sector, force, service, year, pillar, area, question); a question is known by
its text, since most pages show no question number. The newest version: a grade before "To be
graded" (pages show it only until the grade is published), then by the grade's `last_updated`, then
`captured` (dated after undated), then the page read last. `conflict` flags a thing whose versions
give different grades that the dates do not put in order. Markups of one page are left out before
this (`pages.duplicate_of`), so they count once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..vocab import GRADES

Row = dict[str, Any]
# Best first, in vocab.GRADES order; "Ungraded" and "To be graded" have no rank.
GRADE_RANK = {grade: rank for rank, grade in enumerate(tuple(GRADES.values())[:5], start=1)}
_TO_BE_GRADED = GRADES["to be graded"]
_THING = ("sector", "force", "service", "year", "pillar", "area", "question_text")


class Latest:
    """Collects each page's grade of each graded thing; `rows()` gives the newest per thing."""

    def __init__(self) -> None:
        self._offers: dict[tuple[Any, ...], list[Row]] = {}

    def offer(self, row: Row) -> None:
        """One page's grade of one thing (pages are offered in the order they are read)."""
        self._offers.setdefault(tuple(row.get(k) for k in _THING), []).append(row)

    def rows(self) -> Iterator[Row]:
        """One row per graded thing, sorted by sector, force or service, year, pillar, area, then page order."""
        things = sorted(enumerate(self._offers.values()), key=lambda pair: _sort_key(pair[1][0], pair[0]))
        for _, offers in things:
            yield _newest(offers)


def _newest(offers: list[Row]) -> Row:
    best = max(enumerate(offers), key=lambda pair: (*_version(pair[1]), pair[0]))[1]
    unsure = any(row["grade"] != best["grade"] and _version(row)[0] and not _ordered(row, best) for row in offers)
    return {**best, "grade_rank": GRADE_RANK.get(best["grade"]), "versions": len(offers), "conflict": int(unsure)}


def _version(row: Row) -> tuple[bool, str, str]:
    """Newer is larger: a grade before "To be graded" (shown only until the grade is out), then the dates."""
    return row["grade"] != _TO_BE_GRADED, row.get("last_updated") or "", row.get("captured") or ""


def _ordered(one: Row, other: Row) -> bool:
    """Whether the dates tell two versions apart: both dated, differently."""
    dates, other_dates = _version(one)[1:], _version(other)[1:]
    return dates != other_dates and any(dates) and any(other_dates)


def _sort_key(row: Row, seen: int) -> tuple[Any, ...]:
    names = [row.get(k) for k in ("sector", "force", "service")]
    return (*((n is None, n or "") for n in names), row.get("year_start") or 0, row.get("year") or "",
            row.get("pillar") or "", row.get("area") or "", row.get("question_text") is not None, seen)  # fmt: skip
