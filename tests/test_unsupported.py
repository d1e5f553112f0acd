"""Pages of kinds the tool refuses (tests/unsupported/<name>/input.txt, kept out of fixtures/ so that fixtures/
converts whole): each is refused with "unsupported page type: recognised <what it looks like>" (its golden,
expected.json), as a page saved without its title or cut after it is; a page of a kind converted is never taken for
one of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, UnsupportedPageType, extract_file, extract_page

from .conftest import ROOT
from .test_other_fixtures import UNSUPPORTED, _facts

PAGES = sorted(UNSUPPORTED.glob("*/input.*"))


def _refusal(page: Path) -> dict[str, Any]:
    try:
        extract_file(page)
    except PeelError as error:
        return {"error": error.code, "message": error.message}
    raise AssertionError(f"{page} converted")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.parent.name)
def test_a_page_of_a_kind_refused_gives_its_error_golden(page: Path, update_goldens: bool) -> None:
    golden = page.parent / "expected.json"
    got = _refusal(page)
    if update_goldens:
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_the_refused_pages_are_out_of_fixtures_and_their_facts_name_what_they_look_like() -> None:
    refused = [f for f in _facts() if "error" in f]
    assert sorted((ROOT / "tests" / f["file"]).parent for f in refused) == [p.parent for p in PAGES]
    assert len(PAGES) == 2
    for facts in refused:
        got = _refusal(ROOT / "tests" / facts["file"])
        assert (got["error"], got["message"]) == (
            facts["error"],
            f"unsupported page type: recognised {facts['looks_like']}",
        )


# A page of each, cut after its title or saved without it (its own cues), in text and in HTML.
VARIANTS: list[tuple[str, str]] = [
    ("Derbyshire – National child protection re‑inspection", "re-inspection"),
    (
        "<h1>Derbyshire - National child protection re-inspection</h1><p>Published on: 21 October 2022</p>",
        "re-inspection",
    ),
    ("Contents\n\nInitial contact: Re-inspection findings\n\nInvestigation: Re-inspection findings", "re-inspection"),
    ("PEEL spotlight report: A system under pressure", "spotlight"),
    (
        "Foreword\n\nThis report gives an overview of the emerging themes from the first group of 2018/19 PEEL"
        " (police effectiveness, efficiency and legitimacy) inspections.",
        "spotlight",
    ),
]


@pytest.mark.parametrize(("page", "looks_like"), VARIANTS, ids=[page[:40] for page, _ in VARIANTS])
def test_a_cut_or_untitled_page_is_refused_naming_what_it_looks_like(page: str, looks_like: str) -> None:
    with pytest.raises(UnsupportedPageType, match=f"unsupported page type: recognised .*{looks_like}"):
        extract_page(page.encode("utf-8"), "page.html" if page.startswith("<") else "page.txt")


def test_a_converted_kind_is_never_taken_for_a_refused_one() -> None:
    # A PEEL report naming the spotlight's theme sentence later on is still a report (its count sentence wins).
    page = (
        "Overall summary\n\nOur inspection assessed how good Wessex Police is in nine areas of policing.\n\n"
        "This report gives an overview of the emerging themes from our PEEL inspections."
    )
    assert extract_page(page.encode(), "page.txt").page_type == "peel_report"
