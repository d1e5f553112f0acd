"""Every record the tool gives validates against the JSON Schema that `peel-extract schema` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


GOLDENS = sorted(FIXTURES.glob("*/expected.json"))


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.parent.name)
def test_record_validates(validator: Draft202012Validator, golden: Path) -> None:
    record = json.loads(golden.read_text(encoding="utf-8"))
    if "error" in record:
        pytest.skip("a page of a kind not converted")
    assert [e.message for e in validator.iter_errors(record)] == []


@pytest.mark.parametrize(
    "fault",
    ["an unknown grade", "an extra field", "an unknown page type"],
)
def test_schema_rejects_what_the_contract_forbids(validator: Draft202012Validator, fault: str) -> None:
    record = json.loads((FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8"))
    assert validator.is_valid(record)
    if fault == "an unknown grade":
        record["questions"][0]["judgment"] = "Very good"
    elif fault == "an extra field":
        record["surprise"] = 1
    else:
        record["page_type"] = "frs_other"
    assert not validator.is_valid(record)
