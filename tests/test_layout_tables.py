"""Pages held in a layout table: a table of one cell lays a page out and holds no data, so the page reads
as it does without the table (found by stressing the dev pages in markups they did not have yet)."""

from __future__ import annotations

from typing import Any

from peel_extract import PeelError, extract_page

from .conftest import as_json

# A pillar page written as one run of <br>-separated lines, as the "flat" markup writes it.
_FLAT_PAGE = (
    "<div>Cleveland PEEL 2018<br><br>Effectiveness<br><br>"
    "How effective is the force at keeping people safe and reducing crime?<br><br>"
    "Last updated 27/09/2019<br>Good<br><br>"
    "Cleveland Police is good at keeping people safe and reducing crime.<br></div>"
)
# A report whose headings are bold paragraphs, each of its lines short, as the "pstrong" markup writes them.
_SHORT_LINES_REPORT = (
    "<p><strong>Overall summary</strong></p>"
    "<p>Our inspection assessed how good Northumbria Police is in nine areas of policing. "
    "We make graded judgments in eight of these nine as follows:</p>"
    "<p><strong>Investigating crime</strong></p><p>Adequate</p>"
    "<p>Northumbria Police is adequate at investigating crime.</p>"
)


def _record(body: str) -> dict[str, Any]:
    """The record of a page with this body, less what differs between two markups of it."""
    try:
        record = as_json(extract_page(f"<html><body>{body}</body></html>".encode(), "page.html"))
    except PeelError as error:
        return {"error": error.code}
    record.pop("source")
    for entry in record["warnings"] + record["unplaced"]:
        entry.pop("line")
    return record


def _in_layout_table(body: str) -> str:
    return f'<table width="100%"><tr><td>{body}</td></tr></table>'


def test_a_flat_page_inside_a_layout_table_reads_as_the_page() -> None:
    assert _record(_in_layout_table(_FLAT_PAGE)) == _record(_FLAT_PAGE)


def test_a_report_of_short_lines_inside_a_layout_table_reads_as_the_page() -> None:
    wrapped, plain = _record(_in_layout_table(_SHORT_LINES_REPORT)), _record(_SHORT_LINES_REPORT)
    assert [a["area"] for a in plain["areas"]] == ["Investigating crime"]
    assert wrapped == plain


def test_the_gaps_are_real_pages_without_the_table() -> None:
    """The pages of the gaps above convert as they should when no layout table holds them."""
    page = _record(_FLAT_PAGE)
    assert (page["force"], page["judgment"], page["last_updated"]) == ("Cleveland", "Good", "2019-09-27")
    report = _record(_SHORT_LINES_REPORT)
    assert [(a["area"], a["judgment"]) for a in report["areas"]] == [("Investigating crime", "Adequate")]
    assert all(" / " not in paragraph for paragraph in report["summary"])
