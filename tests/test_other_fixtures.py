"""The fixtures of issue 20 (other page kinds): real beginnings kept byte for byte, one facts line per page,
markups that state their text page's facts, and pending pages that stay pending only while the tool
does not yet give their facts (a strict xfail: a page that passes must lose its PENDING.md and get a golden).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from peel_extract import PeelError, extract_file

from .conftest import FIXTURES, ROOT, SHARED, as_json, pending

UNSUPPORTED = ROOT / "tests" / "unsupported"
"""The real pages of kinds the tool refuses: kept out of fixtures/, which converts whole."""
OTHER = sorted(p for p in (*FIXTURES.glob("other-*"), *UNSUPPORTED.glob("other-*")) if p.is_dir())
FACTS_FILE = ROOT / "tests" / "other_facts.jsonl"
REAL_PAGES = SHARED / "pages" / "other"
CHECKER = SHARED / "tools" / "check_expected.py"
MARKUPS = ("semantic", "flat", "malformed", "aria")


def _facts() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FACTS_FILE.read_text(encoding="utf-8").splitlines()]


def _folder(facts: dict[str, Any]) -> Path:
    return (ROOT / "tests" / facts["file"]).resolve().parent


def test_every_other_page_has_one_facts_line() -> None:
    named = sorted(_folder(f).name for f in _facts())
    assert named == sorted(p.name for p in OTHER)
    assert all((ROOT / "tests" / f["file"]).is_file() for f in _facts())


def test_markups_state_the_facts_of_their_text_page() -> None:
    by_folder = {_folder(f).name: {k: v for k, v in f.items() if k != "file"} for f in _facts()}
    pairs = [(name, name.rpartition("-")[0]) for name in by_folder if name.rpartition("-")[2] in MARKUPS]
    assert len(pairs) >= 20
    assert [name for name, base in pairs if by_folder[name] != by_folder[base]] == []


@pytest.mark.skipif(not REAL_PAGES.is_dir(), reason="../shared (real pages) is not beside this checkout")
def test_real_beginnings_are_the_shared_pages_byte_for_byte() -> None:
    manifest = [json.loads(line) for line in (REAL_PAGES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    real = {p.name.rpartition("-")[2]: p for p in OTHER if p.name.rpartition("-")[2].isdigit()}
    assert sorted(real) == sorted(m["file"].rsplit("-", 1)[1].removesuffix(".txt") for m in manifest)
    for entry in manifest:
        number = entry["file"].rsplit("-", 1)[1].removesuffix(".txt")
        assert (real[number] / "input.txt").read_bytes() == (REAL_PAGES / entry["file"]).read_bytes()


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_expected", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _done(facts: dict[str, Any]) -> bool:
    """Whether the tool already gives the page what its facts say: the shared checker's facts all pass, or
    the page is refused as an unsupported page type."""
    page = ROOT / "tests" / facts["file"]
    try:
        record = as_json(extract_file(page))
    except PeelError as error:
        return error.code == facts.get("error")
    if "error" in facts:
        return False
    return all(ok for _, ok, _ in _checker().check(facts, record))


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared (the checker) is not beside this checkout")
@pytest.mark.parametrize("facts", [f for f in _facts() if pending(_folder(f))], ids=lambda f: _folder(f).name)
def test_a_pending_page_is_pending_until_the_tool_gives_its_facts(facts: dict[str, Any]) -> None:
    assert not _done(facts), "the tool gives this page's facts: delete its PENDING.md and make its golden"
