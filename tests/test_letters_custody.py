"""Causes-of-concern letters and custody reports: told from every other kind (the letter's "PEEL 2023–25" makes
no PEEL report), read the same from their compact and blank-line renderings, and, cut anywhere, still the kind
with the force, year and counts the beginning shows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from peel_extract import PeelError, UnsupportedPageType, extract_page
from peel_extract.grade_page import report_html
from peel_extract.segment.causes import lead_of
from peel_extract.tables import TABLES, table_rows
from peel_extract.write.files import write_sqlite

from .conftest import FIXTURES, ROOT, SHARED, as_json

MINE = ("monitoring_letter", "custody_report")
REAL = {
    "coc_revisit_letter-102.txt": "other-monitoring-letter-nottinghamshire-102",
    "police_custody_report-010.txt": "other-custody-report-warwickshire-010",
    "police_custody_report-015.txt": "other-custody-report-surrey-015",
    "police_custody_report-091.txt": "other-custody-report-cambridgeshire-091",
    "police_custody_report-092.txt": "other-custody-report-gloucestershire-092",
}
FACTS = {
    Path(facts["file"]).parent.name: facts
    for line in (ROOT / "tests" / "other_facts.jsonl").read_text(encoding="utf-8").splitlines()
    if (facts := json.loads(line))
}


def _record(text: str) -> dict[str, Any]:
    return as_json(extract_page(text.encode("utf-8"), "page.txt"))


def _page(folder: str) -> str:
    return (FIXTURES / folder / "input.txt").read_text(encoding="utf-8")


def _kind(text: str) -> str:
    try:
        return str(_record(text)["page_type"])
    except UnsupportedPageType as error:
        return f"unsupported: {error}"
    except PeelError as error:
        return f"refused: {error}"


def test_the_letters_peel_round_makes_no_peel_report() -> None:
    page = _page(REAL["coc_revisit_letter-102.txt"])
    assert "PEEL 2023–25" in page
    assert _kind(page) == "monitoring_letter"
    untitled = page.split("\n", 1)[1]
    assert _kind(untitled) == "monitoring_letter"  # its letter information tells it
    body = untitled[untitled.index("In January 2024") :]
    assert _kind(body) == (
        "unsupported: page.txt: unsupported page type: recognised an HMICFRS page that is not a PEEL assessment page"
    )


def test_an_engage_list_is_refused_naming_what_it_is() -> None:
    page = "Police forces in Engage\n\nWessex Police\n\nEntered Engage\n\n2023\n\nReasons\n\n- Its call handling.\n"
    assert _kind(page) == "unsupported: page.txt: unsupported page type: recognised a police monitoring (Engage) list"
    assert _kind(page.replace("Police forces in Engage\n\n", "HMICFRS\n\n")).endswith("(Engage) list")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real pages) is not beside this checkout")
def test_no_shared_page_but_the_letters_and_custody_reports_is_read_as_one() -> None:
    mine = {
        path.name
        for path in sorted((SHARED / "pages").rglob("*"))
        if path.suffix in (".txt", ".html") and _kind(path.read_text(encoding="utf-8")) in MINE
    }
    assert mine == set(REAL)


def _compact(page: str) -> str:
    """The blank-line rendering of a page as the compact one writes it: no blank lines, bullets "- "."""
    return "\n".join(line.replace("  • ", "- ") for line in page.splitlines() if line.strip())


def _blank_lines(page: str) -> str:
    """The compact rendering of a page as the blank-line one writes it."""
    return "\n\n".join(re.sub(r"^- ", "  • ", line) for line in page.splitlines())


def _content(record: dict[str, Any]) -> dict[str, Any]:
    record.pop("source")
    for entry in record["warnings"] + record["unplaced"]:
        entry.pop("line")
    return record


@pytest.mark.parametrize(
    "folder",
    [
        "other-monitoring-letter-exonbury-synthetic",
        "other-monitoring-letter-nottinghamshire-102",
        "other-custody-report-anglebury-synthetic",
        "other-custody-report-warwickshire-010",
    ],
)
def test_the_compact_rendering_gives_the_same_record(folder: str) -> None:
    page = _page(folder)
    assert _content(_record(_compact(page))) == _content(_record(page))


@pytest.mark.parametrize("folder", ["other-custody-report-budmouth-synthetic", "other-custody-report-surrey-015"])
def test_the_blank_line_rendering_gives_the_same_record(folder: str) -> None:
    page = _page(folder)
    assert _content(_record(_blank_lines(page))) == _content(_record(page))


def _cuts(page: str) -> list[int]:
    """Where to cut a page: after its title, at every line's end, and inside every fifth line."""
    ends = [index for index, char in enumerate(page) if char == "\n"]
    inside = [start + (end - start) // 2 for start, end in zip(ends[::5], ends[1::5], strict=False)]
    return sorted({*ends[1:], *inside, len(page)})


@pytest.mark.parametrize("name", sorted(REAL))
def test_a_cut_beginning_is_still_its_kind_with_what_it_shows(name: str) -> None:
    page, facts = _page(REAL[name]), FACTS[REAL[name]]
    title_end = page.index("\n")
    for cut in (c for c in _cuts(page) if c > title_end):
        record = _record(page[:cut])
        assert (record["page_type"], record["force"]) == (facts["page_type"], facts["force"]), cut
        assert record["year"] in (None, facts["year"]), cut
        for key, count in facts.get("stated_counts", {}).items():
            assert record["stated_counts"][key] in (None, count), cut


def test_deadlines_as_written_and_as_dates() -> None:
    leads = [lead_of(text) for text in LEADS]
    assert [(lead.deadline, lead.deadline_date) if lead else None for lead in leads] == [
        ("immediately", None),
        ("By 30 September 2023", "2023-09-30"),
        ("Within six months", None),
        ("By 31 February 2024", None),  # no such day: as written, no date
        ("by the end of March 2024", None),
        (None, None),
        None,
        None,
    ]


LEADS = [
    "The force should immediately:",
    "By 30 September 2023, the force should:",
    "Within six months, the force should:",
    "By 31 February 2024, the force should:",
    "The chief constable should, by the end of March 2024:",
    "The force should:",
    "Our cause of concern regarding investigations had eight recommendations:",
    "The force should make sure it answers calls.",
]


def _rows(folder: str, table: str, *columns: str) -> list[tuple[Any, ...]]:
    record = as_json(extract_page((FIXTURES / folder / "input.txt").read_bytes(), "page.txt"))
    names = TABLES[table]
    return [tuple(row[names.index(c)] for c in columns) for name, row in table_rows([record]) if name == table]


def test_a_letters_rows_carry_area_status_and_deadlines() -> None:
    folder = "other-monitoring-letter-exonbury-synthetic"
    causes = _rows(folder, "causes_of_concern", "item_id", "area", "accelerated", "status", "status_evidence")
    assert causes == [
        (1, "responding to the public", 1, "closed", "We have closed this cause of concern."),
        (2, "protecting vulnerable people", 0, "open", "This cause of concern remains open."),
    ]
    recommendations = _rows(folder, "recommendations", "cause_id", "area", "deadline", "deadline_date", "status")
    assert recommendations == [
        *[(1, "responding to the public", "immediately", None, "closed")] * 3,
        *[(1, "responding to the public", "By 30 September 2023", "2023-09-30", "closed")] * 2,
        *[(2, "protecting vulnerable people", "By 31 March 2023", "2023-03-31", "open")] * 3,
    ]
    sections = _rows(folder, "sections", "area", "heading")
    assert sections == [(None, "Background"), ("responding to the public", "Our findings"),
                        ("protecting vulnerable people", "Our findings")]  # fmt: skip


def test_a_custody_reports_rows_carry_its_headings_and_outcome_sections() -> None:
    folder = "other-custody-report-anglebury-synthetic"
    areas = _rows(folder, "areas_for_improvement", "heading", "position")
    assert [heading for heading, position in areas if position == 1] == [
        "Leadership, accountability and partnerships",
        "Pre-custody: first point of contact",
        "In the custody suite: booking in, individual needs and legal rights",
        "In the custody cell: safeguarding and health care",
        "Release and transfer from custody",
    ]
    assert len(areas) == 12
    assert _rows(folder, "recommendations", "cause_id", "deadline") == [(1, None), (2, None)]
    assert _rows(folder, "sections", "area", "heading")[:3] == [
        (None, "Leadership, accountability and partnerships"),
        (None, "In the custody suite and cell"),
        ("Leadership, accountability and partnerships", "Leadership"),
    ]
    assert _rows(folder, "pages", "page_type", "name", "year", "round", "year_source") == [
        ("custody_report", "Anglebury", "2022", "2022", "inspected")
    ]


def test_the_grade_page_says_letters_and_custody_reports_grade_nothing_and_counts_them(tmp_path: Path) -> None:
    pages = ["other-monitoring-letter-exonbury-synthetic", "other-custody-report-budmouth-synthetic",
             "dev-cleveland-2018-effectiveness"]  # fmt: skip
    records = [as_json(extract_page((FIXTURES / p / "input.txt").read_bytes(), f"{p}.txt")) for p in pages]
    write_sqlite(iter(records), tmp_path / "peel.db")
    tree = lxml.html.fromstring(report_html(tmp_path / "peel.db"))
    grid = tree.xpath('//table[@class="grid"][@data-sector="police"]')[0]
    assert grid.xpath(".//tbody/tr/th/text()") == ["Cleveland"]  # no row, no year for a kind that grades nothing
    assert [th.text_content() for th in grid.xpath(".//th[@class='ys']")] == ["2018"]
    said = tree.xpath('//p[@class="ungraded"]')[0].text_content()
    assert said.startswith("Not in the grid, as their kinds grade nothing: 2 pages (a causes-of-concern letter: 1;"
                           " a police custody inspection report: 1).")  # fmt: skip
    counts = tree.xpath('//table[@class="counts"][@data-sector="police"]')[0]
    assert counts.xpath(".//tbody/tr/th/text()") == ["Budmouth", "Cleveland", "Exonbury"]
    assert counts.xpath(".//thead//th/text()") == ["Force", "2018", "2023", "2024"]
    letter = counts.xpath('.//tr[th="Exonbury"]/td[@title]/@title')[0].splitlines()
    assert letter == [
        "Exonbury 2023: 0 areas for improvement, newest version of each page:",
        "a causes-of-concern letter: 0, causes of concern 2, recommendations 8 (other-monitoring-letter-exonbury-"
        "synthetic.txt)",
    ]
    custody = counts.xpath('.//tr[th="Budmouth"]/td[@title]')[0]
    assert (custody.text, custody.get("title").splitlines()[1]) == (
        "7",
        "a police custody inspection report: 7, causes of concern 1, recommendations 1 "
        "(other-custody-report-budmouth-synthetic.txt)",
    )
