"""Segmentation rule cases (tests/cases/rules.txt, overview.txt): a text page, then exact record fields."""

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


CASES = load_cases("rules.txt") + load_cases("overview.txt")


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=lambda v: str(v)[:60])
def test_rule_case(title: str, source: str, expected: list[str]) -> None:
    want = json.loads("\n".join(expected))
    got = _fields(source)
    assert {key: got[key] for key in want} == want, title
