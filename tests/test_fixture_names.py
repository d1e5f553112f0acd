"""No real force's or service's name carries an invented grade in fixtures/.

Every grade a fixture record gives under a real name must be a grade the real pages in ../shared give
that name (for that year and pillar, area or question); pages with invented grades use fictional bodies.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, extract_file

from .conftest import FIXTURES, SHARED

# The fictional bodies of our own pages (fixtures/LICENSE.md): a name holding one of these words is fictional.
FICTIONAL = ("Wessex", "Barsetshire", "Borsetshire", "Loamshire", "Mercia", "Midsomer", "Glebeshire", "Rutshire",
             "Christminster", "Casterbridge", "Melchester", "Sandbourne", "Lyonesse", "Exonbury", "Anglebury",
             "Budmouth")  # fmt: skip
GRADE_FIELDS = ("judgment", "judgment_in_text", "previous_judgment")
Grade = tuple[str | None, str | None, str, str, str]


def grades(record: dict[str, Any]) -> Iterator[Grade]:
    """(name, year, what, field, grade) for each grade of a record: its own, a pillar's, a question's, an area's."""
    name, year = record.get("force") or record.get("service"), record.get("year")
    things = [("page", record), *((p.get("pillar") or "?", p) for p in record.get("pillars", []))]
    things += [(q["text"], q) for q in record.get("questions", [])]
    things += [(a["area"], a) for a in record.get("areas", [])]
    for what, thing in things:
        for field in GRADE_FIELDS:
            if thing.get(field):
                yield name, year, what, field, thing[field]


def _fictional(name: str | None) -> bool:
    return name is not None and any(body in name for body in FICTIONAL)


def _real_grades() -> set[Grade]:
    pages = [page for folder in ("dev", "seed", "other") for page in sorted((SHARED / "pages" / folder).glob("*.txt"))]
    return {grade for page in pages for grade in grades(_record(page))}


def _record(page: Path) -> dict[str, Any]:
    """A real page's record; nothing for a page of a kind refused (or not converted yet)."""
    try:
        return dict(json.loads(extract_file(page).model_dump_json()))
    except PeelError:
        return {}


@pytest.mark.skipif(not (SHARED / "pages").is_dir(), reason="../shared (real pages) is not beside this checkout")
def test_no_real_name_carries_an_invented_grade() -> None:
    real = _real_grades()
    invented = {}
    for golden in sorted(FIXTURES.glob("*/expected.json")):
        record = json.loads(golden.read_text(encoding="utf-8"))
        unknown = [g for g in grades(record) if not _fictional(g[0]) and g not in real]
        if unknown:
            invented[golden.parent.name] = unknown
    assert invented == {}
    assert len(real) > 50
