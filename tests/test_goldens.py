"""Whole-record goldens: every fixture page gives exactly its expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peel_extract import extract_file

from .conftest import ROOT, as_json, fixture_inputs

SEED = Path("fixtures/staffordshire-2018-legitimacy/input.txt")
SEED_MARKUPS = ("semantic", "flat", "malformed")


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("page", fixture_inputs(), ids=lambda p: p.parent.name)
def test_golden(page: Path, update_goldens: bool) -> None:
    expected_path = page.parent / "expected.json"
    got = as_json(extract_file(page))
    if update_goldens:
        expected_path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("markup", SEED_MARKUPS)
def test_seed_markups_give_the_seed_record(markup: str) -> None:
    html = Path(f"fixtures/staffordshire-2018-legitimacy-{markup}/input.html")
    text_record, html_record = as_json(extract_file(SEED)), as_json(extract_file(html))
    assert html_record.pop("source")["format"] == "html"
    assert text_record.pop("source")["format"] == "text"
    assert html_record == text_record


CHROME = (
    "Skip to content",
    "Planned website downtime",
    "The HMICFRS website will be unavailable",
    "Summary for question",
    "Detailed findings for question",
    "Questions for",
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
    text = "\n".join(_strings(as_json(extract_file(page))))
    assert [c for c in CHROME if c in text] == []
