"""Serious and organised crime regional reports (issue 20.2): every SOC page's facts (tests/other_facts.jsonl) in
its record, the kind told from no other, each body's grade its own (never another's, never the region's), the
same record from either rendering, and pages cut anywhere still a SOC report of their region."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, extract_page

from .conftest import FIXTURES, ROOT, as_json

FACTS = [json.loads(line) for line in (ROOT / "tests" / "other_facts.jsonl").read_text(encoding="utf-8").splitlines()]
SOC_FACTS = [f for f in FACTS if f.get("page_type") == "soc_report"]
WESSEX = FIXTURES / "other-soc-report-wessex-synthetic" / "input.txt"
_HEADS = ("page_type", "sector", "force", "region", "heading", "year", "year_source", "published", "inspected")


def _record(path: Path) -> dict[str, Any]:
    return as_json(extract_page(path.read_bytes(), path.name))


def _titles(practices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"title": p["title"]} for p in practices]


def _causes(causes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Causes as the facts write them: each recommendation's text with its deadline."""
    return [
        {
            "text": c["text"],
            "recommendations": [{"deadline": r["deadline"], "text": r["text"]} for r in c["recommendations"]],
        }
        for c in causes
    ]


def _lists(part: dict[str, Any]) -> dict[str, Any]:
    return {
        "areas_for_improvement": [item["text"] for item in part["areas_for_improvement"]],
        "causes_of_concern": _causes(part["causes_of_concern"]),
        "innovative_practice": _titles(part["innovative_practice"]),
        "promising_practice": _titles(part["promising_practice"]),
    }


def _body_facts(body: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    seen = {**body, "sections": [s["heading"] for s in body["sections"] if s["heading"]], **_lists(body)}
    return {key: seen[key] for key in keys}


@pytest.mark.parametrize("facts", SOC_FACTS, ids=lambda f: Path(f["file"]).parent.name)
def test_every_soc_page_gives_its_facts(facts: dict[str, Any]) -> None:
    record = _record((ROOT / "tests" / facts["file"]).resolve())
    assert {k: record.get(k) for k in _HEADS if k in facts} == {k: facts[k] for k in _HEADS if k in facts}
    assert record["truncated"] == facts["truncated"]
    if "regional_findings" in facts:
        regional = record["regional_findings"]
        headings = [s["heading"] for s in regional["sections"] if s["heading"]]
        assert {"headings": headings, **_lists(regional)} == facts["regional_findings"]
    wanted = facts.get("bodies", [])
    assert [_body_facts(body, list(want)) for body, want in zip(record["bodies"], wanted, strict=False)] == wanted
    assert len(record["bodies"]) == len(wanted)


def test_the_real_beginnings_show_no_body_no_grade_and_no_force() -> None:
    for facts in SOC_FACTS:
        if "synthetic" not in facts["file"]:
            record = _record((ROOT / "tests" / facts["file"]).resolve())
            assert (record["bodies"], record["forces"], record["regional_findings"]) == ([], [], None)


# Pages that name serious and organised crime, ROCUs or regions without being a regional SOC report.
NOT_SOC = [
    "Wessex PEEL 2023–25\n\nOverall summary\n\nDisrupting serious and organised crime\n\nGood\n\n"
    "The force works with the regional organised crime unit (ROCU) to tackle serious and organised crime.",
    "Inspection into British Transport Police effectiveness, efficiency and legitimacy\n\nOverall summary\n\n"
    "We inspected how well the force tackles serious and organised crime (SOC) in each region.",
    "News\n\nHMICFRS has published its inspection of the regional response to serious and organised crime.",
]


@pytest.mark.parametrize("page", NOT_SOC, ids=lambda p: p[:30])
def test_serious_and_organised_crime_words_alone_make_no_soc_report(page: str) -> None:
    try:
        page_type = extract_page(page.encode(), "page.txt").page_type
    except PeelError as error:
        page_type = error.code
    assert page_type != "soc_report"


def test_a_grade_line_is_the_body_under_whose_heading_it_stands() -> None:
    record = _record(WESSEX)
    grades = {b["name"]: (b["type"], b["force"], b["judgment"], b["judgment_source"]) for b in record["bodies"]}
    assert grades == {
        "Wessex Regional Organised Crime Unit": ("rocu", None, "Good", "grade_line"),
        "Casterbridge Constabulary": ("force", "Casterbridge", "Adequate", "grade_line"),
        "Melchester Police": ("force", "Melchester", "Requires improvement", "grade_line"),
        "Sandbourne Police": ("force", "Sandbourne", "Inadequate", "sentence"),
        "Wessex Police": ("force", "Wessex", "Good", "grade_line"),
    }
    assert [f["force"] for f in record["forces"]] == ["Casterbridge", "Melchester", "Sandbourne", "Wessex"]
    assert record["warnings"] == []


def _compact(text: str) -> str:
    """The compact rendering of a blank-line page: one line per block, "- " bullets, no date line."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("Published on:")]
    return "\n".join(re.sub(r"^\s*•\s*", "- ", line) for line in lines) + "\n"


def _without_lines(record: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in record.items() if k not in ("source", "published", "year", "year_source")}
    record["warnings"] = [{k: v for k, v in w.items() if k != "line"} for w in record["warnings"]]
    return record


def test_both_renderings_give_one_record() -> None:
    blank_line = WESSEX.read_text(encoding="utf-8")
    full = as_json(extract_page(blank_line.encode(), "wessex.txt"))
    compact = as_json(extract_page(_compact(blank_line).encode(), "wessex.txt"))
    assert [w["code"] for w in compact["warnings"]] == ["year_missing"]
    compact["warnings"] = []
    assert _without_lines(compact) == _without_lines(full)


def test_the_real_page_in_its_two_renderings_gives_one_record() -> None:
    compact = _record(FIXTURES / "other-soc-report-south-east-060" / "input.txt")
    blank_line = _record(FIXTURES / "other-soc-report-south-east-061" / "input.txt")
    assert compact["published"] is None and blank_line["published"] == "2024-08-30"
    # 061 is cut seven characters earlier than 060, inside the same paragraph.
    assert compact["context_sections"][-1]["paragraphs"][-1].startswith(
        blank_line["context_sections"][-1]["paragraphs"][-1]
    )
    for record in (compact, blank_line):
        record["context_sections"][-1]["paragraphs"].pop()
    assert _without_lines(compact) == {**_without_lines(blank_line), "warnings": _without_lines(compact)["warnings"]}


def test_a_page_cut_anywhere_is_its_region_s_report_and_never_gives_a_body_a_grade_not_its_own() -> None:
    text = WESSEX.read_text(encoding="utf-8")
    whole = {b["name"]: b["judgment"] for b in _record(WESSEX)["bodies"]}
    cuts = [m.start() for m in re.finditer("\n", text)] + list(range(90, len(text), 97))
    for cut in cuts:
        record = as_json(extract_page(text[:cut].encode(), "cut.txt"))
        assert (record["page_type"], record["region"]) == ("soc_report", "Wessex"), cut
        assert all(b["judgment"] in (None, whole[b["name"]]) for b in record["bodies"]), cut
