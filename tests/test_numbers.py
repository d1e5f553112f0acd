"""Numbers and years on pages are ASCII digits, bounded: other digits ("²", "20١8") or a count past any page's
count never give a traceback, a year, or a number SQLite cannot hold (more cases in cases/reports.txt, rules.txt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from peel_extract import NotAPeelPage, extract_page
from peel_extract.write.files import write_tables

from .conftest import as_json

_PILLAR = (
    "Wessex PEEL {year}\n\nLegitimacy\n\nHow legitimate is the force at keeping people safe?\n\n"
    "Last updated 21/01/2019\n\nGood\n\nThe force is good at treating people fairly.\n"
)


def test_a_title_year_in_other_digits_is_no_title_line() -> None:
    assert as_json(extract_page(_PILLAR.format(year="2018").encode(), "a.txt"))["year"] == "2018"
    with pytest.raises(NotAPeelPage):
        extract_page(_PILLAR.format(year="20١8").encode(), "a.txt")


def test_a_huge_count_never_reaches_the_database(tmp_path: Path) -> None:
    page = (
        "Overall summary\nOur inspection assessed how good Wessex Police is in 99999999999999999999 areas of policing."
        " We make graded judgments in 99999999999999999999 of these nine as follows:\nWe set out our findings.\n"
    )
    record = as_json(extract_page(page.encode(), "a.txt"))
    database = tmp_path / "t.db"
    write_tables(iter([record]), sqlite=database)
    with sqlite3.connect(database) as db:
        assert db.execute("select count(*) from pages").fetchone() == (1,)
