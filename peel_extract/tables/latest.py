"""latest_judgments: one grade per graded thing, from the newest version of the pages that grade it.

A graded thing is (sector, force, service, round, pillar, area, question), of one page where the page
has no name; a question is known by its text, since most pages show no question number. The newest
version: a grade before "To be graded" (pages show it only until the grade is published), then by the
grade's `last_updated`, then `captured` (dated after undated), then the page read last. `conflict`
flags a thing whose versions give different grades that the dates do not put in order. Markups of one
page are left out before this (`pages.duplicate_of`), so they count once.

`LatestPages` marks the newest version of each page (`pages.is_latest`) by the same rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..vocab import FRS_GRADES, GRADES, REPORT_GRADES

Row = dict[str, Any]
# Best first, in vocab.GRADES order; "Ungraded" and "To be graded" have no rank.
GRADE_RANK = {grade: rank for rank, grade in enumerate(tuple(GRADES.values())[:5], start=1)}
# Each page kind's scale, best first: the pillar and overview pages of police 2014-2018/19 and fire and rescue
# 2018/19-2021/22 graded on four tiers (FRS_GRADES: police used the same four); the reports on five.
_FOUR_GRADE_KINDS = frozenset({"peel_pillar", "peel_overview", "frs_pillar", "frs_overview"})
_TO_BE_GRADED = GRADES["to be graded"]
_THING = ("sector", "force", "service", "round", "pillar", "area", "question_text")


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
        return {**self.best, "versions": len(self.versions), "conflict": int(unsure)}


class Latest:
    """Collects each page's grade of each graded thing; `rows()` gives the newest per thing.

    It keeps one row per graded thing, and a grade and dates per version.
    """

    def __init__(self) -> None:
        self._things: dict[tuple[Any, ...], _Thing] = {}

    def offer(self, row: Row) -> None:
        """One page's grade of one thing (pages are offered in the order they are read).

        A page without a name grades things of its own: two unnamed pages may be two forces.
        """
        key = tuple(row.get(k) for k in _THING) + (() if row.get("name") else (row["page_id"],))
        if key in self._things:
            self._things[key].offer(row)
        else:
            self._things[key] = _Thing(row, len(self._things))

    def rows(self) -> Iterator[Row]:
        """One row per graded thing, sorted by sector, force or service, round, pillar, area, then page order."""
        for thing in sorted(self._things.values(), key=lambda thing: _sort_key(thing.best, thing.seen)):
            yield thing.row()


def scale(page_type: str) -> tuple[str, ...]:
    """The grades of a page kind's scale, best first."""
    return FRS_GRADES if page_type in _FOUR_GRADE_KINDS else REPORT_GRADES


def grade_fields(grade: str, page_type: str, where: Row, level: str | None = None) -> Row:
    """`level` (``level`` where the kind says it), `grade_rank` (the grade's step on the page's own scale) and
    `grade_scale` of a graded thing."""
    grades = scale(page_type)
    if level is None:
        level = "question" if where.get("question_text") else "area" if where.get("area") else "pillar"
    rank = grades.index(grade) + 1 if grade in grades else None
    return {"level": level, "grade_rank": rank, "grade_scale": len(grades)}


class LatestPages:
    """The newest version of each page: its kind, sector, name, round and pillar (a page without a name is its
    own). Newer: a page showing no "To be graded", then its latest `last_updated`, then `captured`, then read last."""

    def __init__(self) -> None:
        self._newest: dict[tuple[Any, ...], tuple[Version, int]] = {}

    def offer(self, page_id: int, where: Row, record: Row, captured: str | None) -> None:
        """One page (not a duplicate), in the order the pages are read; ``where`` its name and round (a page of a
        region, a SOC report, is known by its region)."""
        name = where["name"] or record.get("region")
        key = (record["page_type"], where["sector"], name, where["round"], record.get("pillar"))
        headers = [record, *record.get("pillars", [])]
        grades = [h.get(f) for h in headers for f in ("judgment", "judgment_in_text")]
        version = (_TO_BE_GRADED not in grades, max(h.get("last_updated") or "" for h in headers), captured or "")
        newest = self._newest.get(key if name else (page_id,))
        if newest is None or version >= newest[0]:
            self._newest[key if name else (page_id,)] = (version, page_id)

    def ids(self) -> Iterable[int]:
        """The page ids of the newest versions, in page order."""
        return sorted(page_id for _, page_id in self._newest.values())


def _version(row: Row) -> Version:
    return row["grade"] != _TO_BE_GRADED, row.get("last_updated") or "", row.get("captured") or ""


def _ordered(one: Version, other: Version) -> bool:
    """Whether the dates tell two versions apart: both dated, differently."""
    return one[1:] != other[1:] and any(one[1:]) and any(other[1:])


def _sort_key(row: Row, seen: int) -> tuple[Any, ...]:
    names = [row.get(k) for k in ("sector", "force", "service")]
    return (*((n is None, n or "") for n in names), row.get("year_start") or 0, row.get("round") or "",
            row.get("pillar") or "", row.get("area") or "", row.get("question_text") is not None, seen)  # fmt: skip
