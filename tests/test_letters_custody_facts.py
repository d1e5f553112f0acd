"""Every fact tests/other_facts.jsonl states of a causes-of-concern letter or a custody report, checked against
its record, key by key (the shared checker reads only page_type, force and year of these kinds).

A facts key no projection below knows fails the test: a fact is never skipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from peel_extract import extract_file

from .conftest import ROOT, as_json

KINDS = ("monitoring_letter", "custody_report")
FACTS = [
    facts
    for line in (ROOT / "tests" / "other_facts.jsonl").read_text(encoding="utf-8").splitlines()
    if (facts := json.loads(line)).get("page_type") in KINDS
]


def _subset(want: dict[str, Any], got: dict[str, Any] | None) -> Any:
    """The record's dict cut to the keys the fact names (a fact names what the page shows)."""
    return None if got is None else {key: got.get(key) for key in want}


def _recommendations(cause: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"deadline": r["deadline"], "text": r["text"]} for r in cause["recommendations"]]


def _causes(want: list[dict[str, Any]], record: dict[str, Any]) -> list[dict[str, Any]]:
    causes = record["causes_of_concern"]
    projected = [
        {key: (_recommendations(cause) if key == "recommendations" else cause[key]) for key in fact}
        for fact, cause in zip(want, causes, strict=False)
    ]
    return projected + causes[len(want) :]  # a cause more than the facts name is a difference


def _outcomes(want: list[dict[str, Any]], record: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"section": o["section"], "heading": o["heading"], "text": o["text"]} for o in record["expected_outcomes"]]


def _areas(_: Any, record: dict[str, Any]) -> list[str]:
    return [item["text"] for group in record["areas_for_improvement"] for item in group["items"]]


def _area_headings(_: Any, record: dict[str, Any]) -> list[str]:
    return [group["heading"] for group in record["areas_for_improvement"] if group["heading"] is not None]


def _facts_page(_: Any, record: dict[str, Any]) -> dict[str, str] | None:
    page = record["fact_page"]
    return None if page is None else {fact["label"]: fact["value"] for fact in page}


def _warnings(want: list[str], record: dict[str, Any]) -> list[str]:
    codes = {warning["code"] for warning in record["warnings"]}
    return [code for code in want if code in codes]


PROJECTIONS: dict[str, Callable[[Any, dict[str, Any]], Any]] = {
    "stated_counts": lambda want, record: _subset(want, record["stated_counts"]),
    "listed_counts": lambda want, record: _subset(want, record["listed_counts"]),
    "previous_inspection": lambda want, record: _subset(want, record["previous_inspection"]),
    "causes_of_concern": _causes,
    "expected_outcomes": _outcomes,
    "areas_for_improvement": _areas,
    "areas_for_improvement_headings": _area_headings,
    "fact_page": _facts_page,
    "warnings_include": _warnings,
}
PLAIN = (
    "page_type", "sector", "force", "force_name", "heading", "year", "year_source", "published", "letter_date",
    "letter_from", "letter_to", "inspected", "revisited", "partner", "unannounced", "stated_counts_match", "truncated",
)  # fmt: skip


@pytest.mark.parametrize("facts", FACTS, ids=lambda f: f["file"].split("/")[-2])
def test_the_record_shows_every_fact(facts: dict[str, Any]) -> None:
    record = as_json(extract_file(ROOT / "tests" / facts["file"]))
    stated = {key: value for key, value in facts.items() if key != "file"}
    unknown = set(stated) - set(PROJECTIONS) - set(PLAIN)
    assert unknown == set(), "a fact no projection reads"
    got = {key: PROJECTIONS[key](want, record) if key in PROJECTIONS else record[key] for key, want in stated.items()}
    assert got == stated


def test_every_page_of_both_kinds_has_facts() -> None:
    assert {f["page_type"] for f in FACTS} == set(KINDS)
    assert len(FACTS) == 20
