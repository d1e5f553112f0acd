"""A judgments table is read past a row that does not fit its grade columns (issue 17.15): a stray cell past the
header's columns is kept in `unplaced`, an area in a column with no grade is kept with no grade, the rows after
are read, each odd row is said, and no area name becomes summary text. The same table in each markup."""

from __future__ import annotations

from typing import Any

import pytest

from peel_extract import extract_page

from .conftest import as_json

_COUNT = (
    "Our inspection assessed how good Wessex Police is in nine areas of policing."
    " We make graded judgments in five of these nine as follows:"
)
_AFTER = "We set out our detailed findings in the rest of this report."
# A first column with no header, then the grades' columns.
_GRADES = ("", "Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")
# One area per row, in its grade's column; the second row has a stray cell past the header's, the fourth an area
# in the column with no grade.
_ROWS: list[list[str]] = [
    ["", "", "Preventing crime", "", "", ""],
    ["", "", "Investigating crime", "", "", "", "see note 2"],
    ["", "", "", "Responding to the public", "", ""],
    ["Managing offenders", "", "", "", "", ""],
    ["", "", "", "", "Protecting vulnerable people", ""],
    ["", "Leadership and force management", "", "", "", ""],
]


def _html() -> str:
    head = "".join(f"<th>{g}</th>" for g in _GRADES)
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in _ROWS)
    return f"<html><body><p>{_COUNT}</p>\n<table><tr>{head}</tr>\n{rows}</table>\n<p>{_AFTER}</p></body></html>"


def _text(line: str) -> str:
    rows = "".join(line.format("\t".join(row)) + "\n" for row in [list(_GRADES), *_ROWS])
    return f"Overall summary\n{_COUNT}\n{rows}{_AFTER}\n"


def _pipes() -> str:
    rows = "".join("| " + " | ".join(row) + " |\n" for row in [list(_GRADES), *_ROWS])
    return f"Overall summary\n{_COUNT}\n{rows}{_AFTER}\n"


MARKUPS = {"html": (_html(), "a.html"), "tabs": (_text("{}"), "a.txt"), "pipes": (_pipes(), "a.txt")}


@pytest.mark.parametrize("markup", MARKUPS)
def test_an_odd_row_is_read_past(markup: str) -> None:
    page, name = MARKUPS[markup]
    record: dict[str, Any] = as_json(extract_page(page.encode(), name))
    assert [(a["area"], a["judgment"], a["judgment_source"]) for a in record["areas"]] == [
        ("Preventing crime", "Good", "table"),
        ("Investigating crime", "Good", "table"),
        ("Responding to the public", "Adequate", "table"),
        ("Managing offenders", None, None),
        ("Protecting vulnerable people", "Requires improvement", "table"),
        ("Leadership and force management", "Outstanding", "table"),
    ]
    assert record["summary"] == [_COUNT, _AFTER]
    assert [u["text"] for u in record["unplaced"]] == ["see note 2"]
    odd = [w for w in record["warnings"] if w["code"] == "judgments_row_odd"]
    assert [w["message"] for w in odd] == [
        "a row of the judgments table has cells past its grade columns: 'see note 2' is kept in 'unplaced'",
        "a row of the judgments table has text in a column with no grade: area 'Managing offenders' is kept"
        " with no grade from the table",
    ]
    assert all(w["line"] is not None for w in odd)
