"""Vetting, IT monitoring and counter-corruption reports (issue 20.1): every fact tests/other_facts.jsonl gives of a
vetting page, checked on its record field by field (the goldens hold the whole records); the rule cases of
tests/cases/vetting.txt; and pages of other kinds that say the same words are not vetting reports."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peel_extract import extract_file, extract_page

from .conftest import ROOT, as_json
from .test_blocks import load_cases
from .test_other_fixtures import _facts

FACTS = [f for f in _facts() if f.get("page_type") == "vetting_report"]
_TOP = ("page_type", "sector", "force", "force_name", "heading", "year", "year_source", "inspected", "truncated")


def _titles(practices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"title": p["title"]} for p in practices]


def _texts(items: list[dict[str, Any]]) -> list[str]:
    return [text for item in items for text in (item["text"], *_texts(item["items"]))]


def vetting_facts(record: dict[str, Any]) -> dict[str, Any]:
    """A vetting record's facts, as tests/other_facts.jsonl names them."""
    (area,) = record["areas"]
    causes = [
        {
            "text": c["text"],
            "recommendations": [{"deadline": r["deadline"], "text": r["text"]} for r in c["recommendations"]],
        }
        for c in area["causes_of_concern"]
    ]
    return {
        **{key: record[key] for key in _TOP},
        "published": record["published"],
        "area_judgments": [{k: area[k] for k in ("area", "judgment", "judgment_source", "judgment_evidence")}],
        "judgment_absent_reason": area["judgment_absent_reason"],
        "areas_for_improvement": _texts(area["areas_for_improvement"]),
        "causes_of_concern": causes,
        "innovative_practice": _titles(area["innovative_practice"]),
        "promising_practice": _titles(area["promising_practice"]),
    }


@pytest.mark.parametrize("facts", FACTS, ids=lambda f: f["file"].split("/")[2])
def test_every_fact_of_a_vetting_page(facts: dict[str, Any]) -> None:
    got = vetting_facts(as_json(extract_file(ROOT / "tests" / facts["file"])))
    want = {"published": None, "judgment_absent_reason": None} | {k: v for k, v in facts.items() if k != "file"}
    assert {key: got[key] for key in want} == want


def test_the_vetting_facts_cover_each_form_of_the_grade() -> None:
    sources = {f["area_judgments"][0]["judgment_source"] for f in FACTS}
    assert sources == {"label", "sentence", None}
    assert len(FACTS) >= 15


CASES = [pytest.param(*case, id=case[0]) for case in load_cases("vetting.txt")]


@pytest.mark.parametrize(("title", "source", "expected"), CASES)
def test_vetting_rule_case(title: str, source: str, expected: list[str]) -> None:
    want = json.loads("\n".join(expected))
    record = as_json(extract_page(source.encode("utf-8"), "case.txt"))
    got = {**record, "warning_codes": [w["code"] for w in record["warnings"]]}
    if "area" in want:
        got["area"] = {key: record["areas"][0][key] for key in want["area"]}
    assert {key: got[key] for key in want} == want, title
