"""Segmentation rule cases (tests/cases/rules.txt, overview.txt, reports.txt): a page, then exact record fields."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peel_extract import extract_page

from .conftest import as_json
from .test_blocks import load_cases


def _fields(source: str) -> dict[str, Any]:
    record = as_json(extract_page(source.encode("utf-8"), "case.txt"))
    record["warning_codes"] = [w["code"] for w in record["warnings"]]
    return record


CASES = [
    pytest.param(*case, id=case[0])
    for name in ("rules.txt", "overview.txt", "fire.txt", "reports.txt", "letters.txt", "custody.txt", "soc.txt")
    for case in load_cases(name)
]


@pytest.mark.parametrize(("title", "source", "expected"), CASES)
def test_rule_case(title: str, source: str, expected: list[str]) -> None:
    want = json.loads("\n".join(expected))
    got = _fields(source)
    assert {key: got[key] for key in want} == want, title


def test_rule_chains_by_block_class_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each block meets only the rules that can take it; the full rule list must give the same records."""
    from peel_extract import PeelError, extract_file
    from peel_extract import segment as segmentation
    from peel_extract.segment.rule import full_chains

    from .conftest import ROOT, fixture_inputs

    def records() -> list[object]:
        out: list[object] = []
        for page in fixture_inputs():
            try:
                out.append(as_json(extract_file(ROOT / page)))
            except PeelError as error:
                out.append(str(error))
        return out

    chained = records()
    monkeypatch.setattr(segmentation, "_chains_of", full_chains)
    assert records() == chained
