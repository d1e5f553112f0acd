"""Shared test helpers: paths, the --update-goldens switch, and a record-to-JSON helper."""

from __future__ import annotations

import json
import shutil
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


def pending(folder: Path) -> bool:
    """A fixture of a page kind not converted yet (issue 20): its page and its facts are there, no golden."""
    return (folder / "PENDING.md").exists()


def fixture_inputs() -> list[Path]:
    """Every fixture page with a golden, as a path relative to the repository root."""
    return sorted(p.relative_to(ROOT) for p in FIXTURES.glob("*/input.*") if not pending(p.parent))


def pending_inputs() -> list[Path]:
    """The pages of the pending fixtures, relative to the repository root."""
    return sorted(p.relative_to(ROOT) for p in FIXTURES.glob("*/input.*") if pending(p.parent))


def copy_converted_fixtures(target: Path) -> Path:
    """A copy of fixtures/ without the pending folders, for tests that batch the whole folder."""
    return Path(shutil.copytree(FIXTURES, target, ignore=lambda d, names: [n for n in names if pending(Path(d, n))]))
