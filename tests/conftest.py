"""Shared test helpers: paths, the --update-goldens switch, and a record-to-JSON helper."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a short run in CI; `pytest --hypothesis-profile=thorough` for a long one by hand.
settings.register_profile("ci", max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CASES = Path(__file__).resolve().parent / "cases"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite expected.json goldens")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def as_json(record: Any) -> dict[str, Any]:
    """A record as the parsed JSON the CLI prints."""
    return json.loads(record.model_dump_json())


def fixture_inputs() -> list[Path]:
    """Every fixture page, as a path relative to the repository root."""
    return sorted(p.relative_to(ROOT) for p in FIXTURES.glob("*/input.*"))
