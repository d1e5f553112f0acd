"""The evaluation gate: shared/tools/check_expected.py must pass every fact of the real pages.

This is the same check that is run on pages we cannot see. It runs the CLI as a user would.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED

CHECK = SHARED / "tools" / "check_expected.py"
CMD = f"{sys.executable} -m peel_extract extract"

pytestmark = pytest.mark.skipif(not CHECK.exists(), reason="../shared (real pages) is not beside this checkout")


def _check(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(CHECK), "--cmd", CMD, *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_seed_page_facts() -> None:
    summary = _check(*map(str, sorted((SHARED / "pages" / "seed").glob("*.expected.json"))))
    total = summary.split()[0].split("/")
    assert total[0] == total[1] and int(total[1]) > 0


@pytest.mark.parametrize(
    "page_type", ["peel_pillar", "peel_overview", "frs_pillar,frs_overview", "peel_report,frs_report"]
)
def test_dev_page_facts(page_type: str) -> None:
    summary = _check("--types", page_type, str(SHARED / "pages" / "dev" / "manifest.jsonl"))
    total = summary.split()[0].split("/")
    assert total[0] == total[1] and int(total[1]) > 0


def test_report_markup_facts() -> None:
    """Our HTML markups of the report pages (with their judgments table in each layout) and our synthetic
    reports, checked by the shared checker: every area's grade included."""
    summary = _check(str(ROOT / "tests" / "report_facts.jsonl"))
    total = summary.split()[0].split("/")
    assert total[0] == total[1] and int(total[1]) > 200


def test_extended_page_facts() -> None:
    """Dev pages continued past their cut (and a compact synthetic page) in the grammar REPORTS.md and VARIANTS.md
    describe: more questions, paragraph areas for improvement, practice, findings headings, overview pillar
    sections, report areas; the shared checker reads the facts that the first ~2 KB of a page cannot show."""
    summary = _check(str(ROOT / "tests" / "extended_facts.jsonl"))
    total = summary.split()[0].split("/")
    assert total[0] == total[1] and int(total[1]) > 100
