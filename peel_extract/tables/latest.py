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


Version = tuple[bool, str, str]
"""Newer is larger: a grade before "To be graded" (shown only until the grade is out), then the dates."""


class _Thing:
    """One graded thing: its newest row so far, and every version's grade and dates (small, for `conflict`)."""

    __slots__ = ("best", "seen", "versions")

    def __init__(self, row: Row, seen: int) -> None:
        self.best, self.seen, self.versions = row, seen, [(row["grade"], _version(row))]

    def offer(self, row: Row) -> None:
        version = _version(row)
        if version >= _version(self.best):  # equal: the page read later wins
            self.best = row
        self.versions.append((row["grade"], version))

    def row(self) -> Row:
        grade, newest = self.best["grade"], _version(self.best)
        unsure = any(g != grade and v[0] and not _ordered(v, newest) for g, v in self.versions)
        return {**self.best, "grade_rank": GRADE_RANK.get(grade), "versions": len(self.versions),
                "conflict": int(unsure)}  # fmt: skip


class Latest:
    """Collects each page's grade of each graded thing; `rows()` gives the newest per thing.

    It keeps one row per graded thing, and a grade and dates per version.
    """

    def __init__(self) -> None:
        self._things: dict[tuple[Any, ...], _Thing] = {}

    def offer(self, row: Row) -> None:
        """One page's grade of one thing (pages are offered in the order they are read)."""
        key = tuple(row.get(k) for k in _THING)
        if key in self._things:
            self._things[key].offer(row)
        else:
            self._things[key] = _Thing(row, len(self._things))

    def rows(self) -> Iterator[Row]:
        """One row per graded thing, sorted by sector, force or service, year, pillar, area, then page order."""
        for thing in sorted(self._things.values(), key=lambda thing: _sort_key(thing.best, thing.seen)):
            yield thing.row()


def _version(row: Row) -> Version:
    return row["grade"] != _TO_BE_GRADED, row.get("last_updated") or "", row.get("captured") or ""


def _ordered(one: Version, other: Version) -> bool:
    """Whether the dates tell two versions apart: both dated, differently."""
    return one[1:] != other[1:] and any(one[1:]) and any(other[1:])


def _sort_key(row: Row, seen: int) -> tuple[Any, ...]:
    names = [row.get(k) for k in ("sector", "force", "service")]
    return (*((n is None, n or "") for n in names), row.get("year_start") or 0, row.get("year") or "",
            row.get("pillar") or "", row.get("area") or "", row.get("question_text") is not None, seen)  # fmt: skip
