"""PEEL reports of forces outside the Home Office set (issue 20.3): every fact tests/other_facts.jsonl gives of such a
page, checked on its record field by field (the goldens hold the whole records); the rule cases of
tests/cases/nho.txt; the registry letting two kinds share the page_type "peel_report" and no other pair; and pages
that say these pages' words without being one."""

from __future__ import annotations

import dataclasses
import json
from types import ModuleType
from typing import Any

import pytest

from peel_extract import extract_file, extract_page, kinds
from peel_extract.kinds import KINDS, kind_of, nho_peel_report, peel_report, record_adapter
from peel_extract.records import PeelReportRecord, json_schema, record_problem
from peel_extract.records.nho import OtherForceReportRecord
from peel_extract.segment.causes import inline_deadline, lead_of

from .conftest import FIXTURES, ROOT, as_json
from .test_blocks import load_cases
from .test_other_fixtures import _facts

FACTS = [f for f in _facts() if f.get("page_type") == "peel_report"]
_TOP = ("page_type", "sector", "force", "force_name", "heading", "year", "year_source", "commissioned", "truncated")


def _texts(items: list[dict[str, Any]]) -> list[str]:
    return [text for item in items for text in (item["text"], *_texts(item["items"]))]


def _recommendations(tree: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A report's recommendations tree read as its lead lines and their bullets: (deadline, text)."""
    found = []
    for node in tree:
        lead = node["text"] if node["items"] and node["text"].endswith(":") else None
        for item in node["items"] if lead else [node]:
            dated = lead_of(lead) if lead else inline_deadline(item["text"])
            found.append({"deadline": dated.deadline if dated else None, "text": item["text"]})
    return found


def _lists(area: dict[str, Any]) -> dict[str, Any]:
    causes = [
        {"text": c["text"], "recommendations": _recommendations(c["recommendations"])}
        for c in area["causes_of_concern"]
    ]
    return {
        "areas_for_improvement": _texts(area["areas_for_improvement"]),
        "causes_of_concern": causes,
        "promising_practice": [{"title": p["title"]} for p in area["promising_practice"]],
    }


def nho_facts(record: dict[str, Any]) -> dict[str, Any]:
    """The record's facts, as tests/other_facts.jsonl names them (a page grading one area: its lists are the page's)."""
    areas = record["areas"]
    keys = ("area", "judgment", "judgment_source", "judgment_evidence")
    details = [{"area": a["area"], "judgment_evidence": a["judgment_evidence"], **_lists(a)} for a in areas]
    return {
        **{key: record[key] for key in _TOP},
        "published": record["published"],
        "areas_graded": record["areas_graded"],
        "area_judgments": [{k: a[k] for k in keys} for a in areas],
        "area_details": details,
        **(_lists(areas[0]) if len(areas) == 1 else {}),
    }


def _want(facts: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """The facts, each entry of a list of areas compared on the keys it gives ("grade_line", the grade line under an
    area's heading that repeats the table's grade, is not a field of these records: it is left out)."""
    want = {"published": None} | {k: v for k, v in facts.items() if k not in ("file", "judgments_table")}
    want.pop("areas_graded", None) if "areas_graded" not in facts else None
    for key in ("area_judgments", "area_details"):
        if key in want:
            want[key] = [{k: v for k, v in entry.items() if k != "grade_line"} for entry in want[key]]
            by_area = {entry["area"]: entry for entry in got[key]}
            got[key] = [{k: by_area.get(e["area"], {}).get(k) for k in e} for e in want[key]]
    return want


@pytest.mark.parametrize("facts", FACTS, ids=lambda f: f["file"].split("/")[2])
def test_every_fact_of_a_report_of_a_force_outside_the_home_office_set(facts: dict[str, Any]) -> None:
    got = nho_facts(as_json(extract_file(ROOT / "tests" / facts["file"])))
    want = _want(facts, got)
    assert {key: got[key] for key in want} == want


def test_both_table_renderings_and_the_html_table_give_the_same_areas() -> None:
    def areas(name: str) -> list[tuple[str, str | None]]:
        page = next((FIXTURES / name).glob("input.*"))
        return [(a["area"], a["judgment"]) for a in as_json(extract_file(page))["areas"]]

    assert (
        areas("other-peel-report-british-transport-police-057")[:3]
        == areas("other-peel-report-british-transport-police-058")[:3]
    )
    spaced = areas("other-peel-report-mercian-waterways-police-synthetic")
    assert spaced == areas("other-peel-report-mercian-waterways-police-synthetic-compact")
    assert spaced == areas("other-peel-report-mercian-waterways-police-synthetic-semantic")
    assert len(spaced) == 7


CASES = [pytest.param(*case, id=case[0]) for case in load_cases("nho.txt")]


@pytest.mark.parametrize(("title", "source", "expected"), CASES)
def test_nho_rule_case(title: str, source: str, expected: list[str]) -> None:
    want = json.loads("\n".join(expected))
    record = as_json(extract_page(source.encode("utf-8"), "case.txt"))
    got = {**record, "warning_codes": [w["code"] for w in record["warnings"]]}
    got["area_grades"] = [[a["area"], a["judgment"], a["judgment_source"]] for a in record["areas"]]
    assert {key: got[key] for key in want} == want, title


# --- the registry: two kinds share "peel_report"; no other pair may share a page_type ---


def test_the_two_peel_report_kinds_share_their_page_type_their_rows_and_the_wider_record() -> None:
    assert nho_peel_report in KINDS and peel_report in KINDS
    assert nho_peel_report.SPEC.page_type == peel_report.SPEC.page_type == "peel_report"
    assert nho_peel_report.table_rows is peel_report.table_rows
    assert kind_of("peel_report") is peel_report
    mapping = json_schema()["discriminator"]["mapping"]
    assert mapping["peel_report"] == "#/$defs/OtherForceReportRecord"
    extra = set(OtherForceReportRecord.model_fields) - set(PeelReportRecord.model_fields)
    assert extra == {"force_name", "published", "commissioned"}


def test_every_report_record_validates_and_a_home_office_one_keeps_its_fields() -> None:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*/expected.json"))]
    reports = [r for r in records if r.get("page_type") == "peel_report"]
    home_office = [r for r in reports if "commissioned" not in r]
    assert len(home_office) >= 10 and len(reports) - len(home_office) >= 15
    assert [r["source"]["path"] for r in reports if record_problem(r) is not None] == []
    assert [r["source"]["path"] for r in home_office if list(r) != list(PeelReportRecord.model_fields)] == []
    assert record_problem({**home_office[0], "commissioned": 2021}) is not None


def _kind(name: str, page_type: str, record: Any, rows: Any) -> ModuleType:
    module = ModuleType(name)
    module.SPEC = dataclasses.replace(peel_report.SPEC, page_type=page_type)  # type: ignore[attr-defined]
    module.RECORD, module.table_rows = record, rows  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize(
    ("record", "rows", "shares"),
    [
        (OtherForceReportRecord, peel_report.table_rows, True),  # a wider record, the same rows
        (OtherForceReportRecord, nho_peel_report.table_rows, True),
        (OtherForceReportRecord, kinds.frs_report.table_rows, True),  # the same function
        (OtherForceReportRecord, kinds.vetting_report.table_rows, False),  # other rows
        (kinds.vetting_report.RECORD, peel_report.table_rows, False),  # an unrelated record
        (kinds.frs_report.RECORD, peel_report.table_rows, False),  # the same body, another head
    ],
)
def test_two_kinds_share_a_page_type_only_when_tabled_alike_and_one_record_widens_the_other(
    record: Any, rows: Any, shares: bool
) -> None:
    first = _kind("first", "shared", PeelReportRecord, peel_report.table_rows)
    second = _kind("second", "shared", record, rows)
    if shares:
        assert kinds._by_type((first, second)) == {"shared": first}
        assert kinds._models((first, second)) == (OtherForceReportRecord,)
    else:
        with pytest.raises(ValueError, match="two kinds have the page_type 'shared'"):
            kinds._by_type((first, second))


def test_the_adapter_validates_each_record_as_its_kind_and_refuses_unknown_fields() -> None:
    adapter = record_adapter()
    page = FIXTURES / "other-peel-report-british-transport-police-058" / "input.txt"
    record = as_json(extract_file(page))
    assert type(adapter.validate_python(record)) is OtherForceReportRecord
    assert record_problem({**record, "region": "south-east"}) is not None


# --- pages that say these pages' words without being one ---

DETECTION: list[tuple[str, str]] = [
    # A vetting row of a judgments table (no colon) is no vetting report's label; the commission marks the kind.
    (
        "Overall summary\n\nIn 2022, we were commissioned by the Minister to inspect Mercian Waterways Police (MWP)."
        "\n\nOur judgments\n\nArea Grade\n\nVetting, IT monitoring and counter-corruption Inadequate\n",
        "peel_report",
    ),
    # "HM Inspector’s observations" on such a page does not make an overview.
    (
        "Inspection into Mercian Waterways Police effectiveness, efficiency and legitimacy\n\nHM Inspector’s "
        "observations\n\nThe force polices the canals.\n",
        "peel_report",
    ),
    # "fire and rescue services" in "About us" does not make a fire and rescue page.
    (
        "The Police Service of Lyonesse: An inspection of crime data integrity\n\nAbout us\n\nHMICFRS assesses police"
        " forces and fire and rescue services.\n",
        "peel_report",
    ),
    (
        "A report into the effectiveness of vetting and counter-corruption arrangements in Wessex Police\n\n"
        "About us\n\nHMICFRS assesses police forces and fire and rescue services.\n",
        "vetting_report",
    ),
    # A Home Office report's h1 names the force after "An inspection of": no such title.
    ("PEEL 2023–2025: An inspection of Northumbria Police\n\nOverall summary\n\nThe force is good.", "peel_report"),
    # The label line, untitled, makes a vetting report; the vetting words of a PEEL report's summary do not.
    ("Introduction\n\nVetting, IT monitoring and counter-corruption: good\n\nThe force vets well.", "vetting_report"),
    # Untitled and naming a PEEL round: the commission marks a report of a force outside the Home Office set (a page
    # shaped as a report, which a Home Office report's sign would take), the label line a vetting report (a page
    # not shaped as one, which an HMICFRS page of no kind converted would be).
    (
        "Overall summary\n\nIn 2023, we were commissioned by the Department for Transport to inspect British "
        "Transport Police, using our PEEL 2023-25 framework.\n\nOur judgments\n\nArea Grade\n\nInvestigating "
        "crime Good\n",
        "peel_report",
    ),
    (
        "About us\n\nWe inspect forces.\n\nIntroduction\n\nWe found this in PEEL 2023.\n\n"
        "Vetting, IT monitoring and counter-corruption: adequate\n",
        "vetting_report",
    ),
]


@pytest.mark.parametrize(("page", "kind"), DETECTION, ids=[kind + ": " + page[:40] for page, kind in DETECTION])
def test_pages_of_these_words_are_told_apart(page: str, kind: str) -> None:
    record = as_json(extract_page(page.encode(), "page.txt"))
    assert record["page_type"] == kind
    home_office = "commissioned" not in record and kind == "peel_report"
    assert home_office == page.startswith("PEEL 2023")
