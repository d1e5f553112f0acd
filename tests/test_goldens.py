"""Whole-record goldens: every fixture page gives exactly its expected.json.

A page that must not convert has an error golden instead: {"error": code, "message": ...}.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, extract_file

from .conftest import FIXTURES, ROOT, as_json, fixture_inputs

MARKUPS = ("semantic", "flat", "malformed", "divsoup")


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
        if markup in MARKUPS:
            pairs.append((Path("fixtures", base, "input.txt"), html.relative_to(ROOT)))
    return pairs


def _without_provenance(record: dict[str, Any]) -> dict[str, Any]:
    """The record less what differs between markups of one page: source and line numbers."""
    record.pop("source")
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
