"""The registry of kinds (peel_extract/kinds/) is the single source of what the kinds are: every registered kind is
whole (detection, rules, record, schema, rows, description); a toy kind registered in a test converts a toy page
end to end without any other module changing; and kinds never mistake one another's pages."""

from __future__ import annotations

from typing import Any, Literal

import pytest

from peel_extract import NotAPeelPage, UnsupportedPageType, extract_page, kinds
from peel_extract.kinds import KINDS, RECOGNISED, kind_of, page_types, table_rows_by_type
from peel_extract.records import json_schema, record_problem
from peel_extract.segment import PageDraft
from peel_extract.segment.prose import prose
from peel_extract.tables import table_rows

from . import toy_kind
from .conftest import ROOT, as_json

_TOY_PAGE = b"Skip to content\n\nWessex notice 2024\n\nNotice number 7\n\nWe will inspect the force in March.\n"


def test_every_registered_kind_is_whole() -> None:
    mapping = json_schema()["discriminator"]["mapping"]
    rows = table_rows_by_type()
    assert set(mapping) == set(page_types()) == {kind.SPEC.page_type for kind in KINDS}
    assert len(page_types()) == len(set(page_types()))
    for kind in KINDS:
        page_type = kind.SPEC.page_type
        assert kind.RECORD.model_fields["page_type"].annotation == Literal[page_type]
        assert rows[page_type] is kind.table_rows  # kinds sharing a page_type share their rows
        assert kind_of(page_type).SPEC.page_type == page_type
        assert kind.RULES[-1] is prose  # the catch-all is last
        assert isinstance(kind.draft(), PageDraft)
    descriptions = [kind.DESCRIPTION for kind in (*KINDS, *RECOGNISED)]
    assert all(descriptions) and len(set(descriptions)) == len(descriptions)


@pytest.mark.parametrize(
    "module", ["api.py", "segment/__init__.py", "segment/rule.py", "records/__init__.py", "tables/rows.py"]
)
def test_no_module_outside_the_registry_names_a_kind(module: str) -> None:
    source = (ROOT / "peel_extract" / module).read_text(encoding="utf-8")
    assert [page_type for page_type in page_types() if f'"{page_type}"' in source] == []


def test_a_toy_kind_converts_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotAPeelPage):
        extract_page(_TOY_PAGE, "notice.txt")
    monkeypatch.setattr(kinds, "KINDS", (*KINDS, toy_kind))

    record = as_json(extract_page(_TOY_PAGE, "notice.txt"))
    assert {k: record[k] for k in ("page_type", "force", "year", "number", "summary", "warnings")} == {
        "page_type": "toy_notice",
        "force": "Wessex",
        "year": "2024",
        "number": 7,
        "summary": ["We will inspect the force in March."],
        "warnings": [],
    }
    assert record_problem(record) is None
    assert record_problem({**record, "number": "seven"}).startswith("toy_notice.number: Input should be")
    assert "toy_notice" in json_schema()["discriminator"]["mapping"]
    tabled = [(table, row) for table, row in table_rows([record]) if table in ("pages", "sections")]
    assert [table for table, _ in tabled] == ["pages", "sections"]
    assert tabled[1][1][-1] == "We will inspect the force in March."  # the section's text, its last column
    # The kinds held before are read as before.
    seed = ROOT / "fixtures" / "dev-cleveland-2018-effectiveness" / "input.txt"
    assert extract_page(seed.read_bytes(), "seed.txt").page_type == "peel_pillar"


def test_a_kind_leaves_the_registry_with_its_test() -> None:
    assert "toy_notice" not in json_schema()["discriminator"]["mapping"]
    assert record_problem({"page_type": "toy_notice"}) is not None


# Pages a kind could mistake: (page, the kind it is, or the error naming what it looks like).
DETECTION: list[tuple[str, str]] = [
    ("Cleveland PEEL 2018\n\nEffectiveness\n\nHow effective is the force?", "peel_pillar"),
    ("Wessex PEEL 2021/22\n\nOverall summary\n\nThe force is good.", "peel_report"),
    ("Gwent 2018/19\n\nRead more about Gwent\n\nThe force is good.", "peel_overview"),
    ("Wessex PEEL Assessments 2021/2022\n\nThe extent to which the force is effective is good.", "peel_overview"),
    ("Kent 2021/22\n\nRead more about Kent\n\nKent Fire and Rescue Service is good.", "frs_overview"),
    ("Kent 2021/22\n\nHow effective is the fire and rescue service at keeping people safe?", "frs_pillar"),
    ("Kent 2023/25\n\nKent Fire and Rescue Service has been inspected.", "frs_report"),
    # A count sentence outranks a title line; the first title line counts.
    (
        "Gwent PEEL 2017\n\nOur inspection assessed how good Gwent Police is in nine areas of policing.",
        "peel_report",
    ),
    ("Banner 2024\n\nWessex PEEL 2017\n\nHow legitimate is the force?", "peel_pillar"),
    # Untitled: a PEEL round on a page shaped as a report, or not (news); fire words; an assessment's ordinal.
    ("Overall summary\n\nIn PEEL 2023 we found the force good.", "peel_report"),
    ("News\n\nHMICFRS publishes PEEL 2023.\n\nThe service has performed in 11 areas.", "unsupported HMICFRS"),
    ("Summary\n\nHow well does the fire and rescue service look after its people?", "frs_pillar"),
    ("Programme\n\nOur fire and rescue inspections this year.", "unsupported fire"),
    ("This is our first PEEL assessment of the effectiveness of forces.", "peel_overview"),
    ("A recipe\n\nMix and bake.", "not a page"),
]


@pytest.mark.parametrize(("page", "kind"), DETECTION, ids=[kind + ": " + page[:30] for page, kind in DETECTION])
def test_kinds_never_mistake_one_another(page: str, kind: str) -> None:
    try:
        got: Any = as_json(extract_page(page.encode(), "page.txt"))["page_type"]
    except UnsupportedPageType as error:
        got = "unsupported fire" if "fire and rescue" in str(error) else "unsupported HMICFRS"
    except NotAPeelPage:
        got = "not a page"
    assert got == kind
