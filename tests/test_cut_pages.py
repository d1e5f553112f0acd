"""Vetting reports and the reports of forces outside the Home Office set, as the held-out pages may come: cut at
any point after their title line (a cut page still gives its kind and force, and never a grade the whole page does
not give), and in the other rendering (blank-line separated, or compact) with the same kind, force, year and grades.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peel_extract import extract_page

from .conftest import FIXTURES, SHARED

_REAL = SHARED / "pages" / "other"
PAGES = sorted(
    [
        *_REAL.glob("vetting_counter_corruption_report-*.txt"),
        *_REAL.glob("non_home_office_force_report-*.txt"),
        *FIXTURES.glob("other-vetting-report-*-synthetic/input.txt"),
        *FIXTURES.glob("other-peel-report-*-synthetic*/input.txt"),
    ]
)
_STEP = 29  # characters between two cuts: every line is cut somewhere in a page of these lengths


def _record(text: str) -> dict[str, Any]:
    return dict(json.loads(extract_page(text.encode("utf-8"), "page.txt").model_dump_json()))


def _facts(record: dict[str, Any]) -> tuple[Any, ...]:
    return record["page_type"], record["force"], record["year"], [(a["area"], a["judgment"]) for a in record["areas"]]


@pytest.mark.skipif(not _REAL.is_dir(), reason="../shared (real pages) is not beside this checkout")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.parent.name if p.name == "input.txt" else p.stem)
def test_a_page_cut_anywhere_or_rendered_otherwise_keeps_its_kind_force_and_grades(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    whole = _record(text)
    grades = dict(_facts(whole)[3])
    for cut in range(text.index("\n") + 1, len(text), _STEP):
        record = _record(text[:cut])
        assert (record["page_type"], record["force"]) == (whole["page_type"], whole["force"]), cut
        assert [a for a, grade in _facts(record)[3] if grade and grades.get(a) != grade] == [], cut
    lines = [line for line in text.splitlines() if line.strip()]
    for rendering in ("\n".join(lines), "\n\n".join(lines)):
        assert _facts(_record(rendering)) == _facts(whole)
