"""Whole-record goldens: every fixture page gives exactly its expected.json.

A page that must not convert has an error golden instead: {"error": code, "message": ...}.
HTML markups of a text page (``<base>-<markup>``) must give its record; a report's HTML with its
judgments table (``<base>-table-<layout>``) or its title (``<base>-titled``) gives more, and what
it may add is pinned below, with every area's grade (tests/report_facts.jsonl).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, extract_file

from .conftest import FIXTURES, ROOT, as_json, fixture_inputs, pending

MARKUPS = ("semantic", "flat", "malformed", "divsoup", "aria")


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def outcome(page: Path) -> dict[str, Any]:
    """The record, or the error, that a page gives."""
    try:
        return as_json(extract_file(page))
    except PeelError as error:
        return {"error": error.code, "message": error.message}


@pytest.mark.parametrize("page", fixture_inputs(), ids=lambda p: p.parent.name)
def test_golden(page: Path, update_goldens: bool) -> None:
    expected_path = page.parent / "expected.json"
    got = outcome(page)
    if update_goldens:
        expected_path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def _markup_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for html in sorted(FIXTURES.glob("*/input.html")):
        base, _, markup = html.parent.name.rpartition("-")
        if markup in MARKUPS and not pending(html.parent):
            pairs.append((Path("fixtures", base, "input.txt"), html.relative_to(ROOT)))
    return pairs


def _without_provenance(record: dict[str, Any]) -> dict[str, Any]:
    """The record less what differs between markups of one page: source, line numbers, and a report's
    ``title`` (the HTML ``<title>``, which no text scrape has)."""
    record.pop("source")
    record.pop("title", None)
    for entry in record["warnings"] + record["unplaced"]:
        entry.pop("line")
    return record


def test_markups_exist_for_each_layout_kind() -> None:
    names = {html.parent.name for _, html in _markup_pairs()}
    assert len(names) >= 17
    assert {m: any(n.endswith(m) for n in names) for m in MARKUPS} == dict.fromkeys(MARKUPS, True)


@pytest.mark.parametrize(("text", "html"), _markup_pairs(), ids=lambda p: p.parent.name)
def test_html_markup_gives_the_text_page_record(text: Path, html: Path) -> None:
    text_record, html_record = as_json(extract_file(text)), as_json(extract_file(html))
    assert (text_record["source"]["format"], html_record["source"]["format"]) == ("text", "html")
    assert _without_provenance(html_record) == _without_provenance(text_record)


# What a report's HTML with its judgments table may add to the record of its text scrape: each area's grade
# from the table (and areas the table alone shows), and no warning that the table is missing; with its
# title, also the name and round the h1 or <title> gives, and where each was read.
TABLE_FIELDS = ("judgment", "judgment_source")
TABLE_WARNINGS = ("judgments_table_missing", "area_count_mismatch")
TITLE_KEYS = ("name_source", "year", "year_source", "heading", "inferred_year")
TITLE_WARNINGS = ("year_missing", "force_missing", "service_missing")


def _report_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for html in sorted(FIXTURES.glob("*/input.html")):
        base = html.parent.name.rpartition("-table-")[0]
        base = base or html.parent.name.removesuffix("-titled")
        if base != html.parent.name and not pending(html.parent):
            pairs.append((Path("fixtures", base, "input.txt"), html.relative_to(ROOT)))
    return pairs


def _without_table(record: dict[str, Any], titled: bool) -> dict[str, Any]:
    """A report's record less what its table (and title) may add."""
    dropped = TABLE_WARNINGS + (TITLE_WARNINGS if titled else ())
    record["warnings"] = [w for w in record["warnings"] if w["code"] not in dropped]
    record["areas"] = [
        {k: v for k, v in area.items() if k not in TABLE_FIELDS}
        for area in record["areas"]
        if area["judgment_source"] != "table" or area["sections"] or area["judgment_in_text"]
    ]
    for key in TITLE_KEYS if titled else ():
        record.pop(key, None)
    return _without_provenance(record)


def test_report_tables_exist_in_each_layout() -> None:
    layouts = {html.parent.name.rpartition("-table-")[2] for _, html in _report_pairs() if "-table-" in str(html)}
    assert layouts == {"rows", "paragraphs", "breaks", "pairs"}


@pytest.mark.parametrize(("text", "html"), _report_pairs(), ids=lambda p: p.parent.name)
def test_report_html_with_its_table_gives_the_text_record_and_more(text: Path, html: Path) -> None:
    titled = html.parent.name.endswith("-titled")
    text_record, html_record = as_json(extract_file(text)), as_json(extract_file(html))
    assert "judgments_table_missing" not in [w["code"] for w in html_record["warnings"]]
    assert _without_table(html_record, titled) == _without_table(text_record, titled)


def _report_facts() -> list[dict[str, Any]]:
    path = ROOT / "tests" / "report_facts.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("facts", _report_facts(), ids=lambda f: f["file"].split("/")[2])
def test_report_facts(facts: dict[str, Any]) -> None:
    """The facts the shared checker reads, checked here too: every area of every table has its grade."""
    record = as_json(extract_file(ROOT / "tests" / facts["file"]))
    name = record["force"] if facts["page_type"] == "peel_report" else record["service"]
    got = {key: record[key] for key in ("page_type", "year", "areas_inspected", "areas_graded")}
    assert (name, got) == (facts["force"], {key: facts[key] for key in got})
    table = sorted((a["area"], a["judgment"]) for a in record["areas"] if a["judgment_source"] == "table")
    assert table == sorted((a["area"], a["judgment"]) for a in facts.get("area_judgments", []))


CHROME = (
    "Skip to content",
    "Planned website downtime",
    "The HMICFRS website will be unavailable",
    "Summary for question",
    "Detailed findings for question",
    "Questions for",
    "View the five questions",
    "Read more about Gwent",
    "Download the full report",
    "Contact Wendy Williams",
    "Os hoffech chi",
    "Privacy",
    "Crown copyright",
    "We use cookies",
    "Our work",
    "Accessibility",
)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("source", "warnings") for s in _strings(v)]
    return []


@pytest.mark.parametrize("page", fixture_inputs(), ids=lambda p: p.parent.name)
def test_no_chrome_in_any_record(page: Path) -> None:
    text = "\n".join(_strings(outcome(page)))
    assert [c for c in CHROME if c in text] == []
