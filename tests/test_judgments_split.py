"""A judgments table split by a paragraph goes on after it: two tables with a note between them (the second with
its header repeated or without one), a paragraph inside the table's markup (which the HTML parser takes out of
the rows), a text scrape's rows around a note line. The note is kept where the page's text goes (here the
summary), never an area; a heading, a longer run of paragraphs or a table of other columns ends the table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from peel_extract import extract_page

from .conftest import as_json

_COUNT = (
    "Our inspection assessed how good Glebeshire Police is in nine areas of policing."
    " We make graded judgments in six of these nine as follows:"
)
_NOTE = "Table continues"
_AFTER = "We set out our detailed findings in the rest of this report."
_ROUND = "PEEL 2023–2025"  # the page's round: a heading of its framing
_ROUND_TEXT = "In 2014, we introduced our PEEL inspections."
_GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
# One area per row, in its grade's column: three before the split, three after it.
_BEFORE = [
    ["", "Preventing crime", "", "", ""],
    ["", "", "Investigating crime", "", ""],
    ["", "", "", "Responding to the public", ""],
]
_AFTER_ROWS = [
    ["", "", "", "", "Protecting vulnerable people"],
    ["Managing offenders", "", "", "", ""],
    ["", "Leadership and force management", "", "", ""],
]
_GRADED = [
    ("Preventing crime", "Good"),
    ("Investigating crime", "Adequate"),
    ("Responding to the public", "Requires improvement"),
    ("Protecting vulnerable people", "Inadequate"),
    ("Managing offenders", "Outstanding"),
    ("Leadership and force management", "Good"),
]


def _trs(rows: list[list[str]], cell: str = "td") -> str:
    return "".join("<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in row) + "</tr>\n" for row in rows)


def _html(body: str) -> str:
    return (
        f"<html><body><h2>Overall summary</h2>\n<p>{_COUNT}</p>\n{body}<p>{_AFTER}</p>\n"
        f"<h2>{_ROUND}</h2>\n<p>{_ROUND_TEXT}</p></body></html>"
    )


_HEAD = "<thead>" + _trs([_GRADES], "th") + "</thead>\n"


def _two_tables(between: str, header: bool) -> str:
    second = _HEAD if header else ""
    return _html(f"<table>{_HEAD}{_trs(_BEFORE)}</table>\n{between}<table>{second}{_trs(_AFTER_ROWS)}</table>\n")


def _lines(row: Callable[[list[str]], str], between: list[str]) -> str:
    """A text scrape that kept the table as rows, one line each, with ``between`` between its two parts."""
    lines = [*(row(cells) for cells in [_GRADES, *_BEFORE]), *between, *(row(cells) for cells in _AFTER_ROWS)]
    return "\n".join(["Overall summary", _COUNT, *lines, _AFTER, _ROUND, _ROUND_TEXT]) + "\n"


def _tabs(cells: list[str]) -> str:
    return "\t".join(cells)


def _pipes(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _inside(between: str) -> str:
    return _html(f"<table>{_HEAD}<tbody>{_trs(_BEFORE)}{between}{_trs(_AFTER_ROWS)}</tbody></table>\n")


SPLIT = {
    "two-tables-header-repeated": (_two_tables(f"<p>{_NOTE}</p>\n", header=True), "a.html"),
    "two-tables-no-header": (_two_tables(f"<p>{_NOTE}</p>\n", header=False), "a.html"),
    "p-inside-table": (_inside(f"<p>{_NOTE}</p>"), "a.html"),
    "p-between-tbodies": (_inside(f"</tbody><p>{_NOTE}</p><tbody>"), "a.html"),
    # A tab-separated row is a table's first when a tab stands inside its text: here the header, repeated.
    "tabs-header-repeated": (_lines(_tabs, [_NOTE, _tabs(_GRADES)]), "a.txt"),
    "pipes": (_lines(_pipes, [_NOTE]), "a.txt"),
}


def _record(page: str, name: str) -> dict[str, Any]:
    return as_json(extract_page(page.encode(), name))


def _graded(record: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(a["area"], a["judgment"]) for a in record["areas"]]


@pytest.mark.parametrize("markup", SPLIT)
def test_a_table_split_by_a_paragraph_goes_on_after_it(markup: str) -> None:
    record = _record(*SPLIT[markup])
    assert _graded(record) == _GRADED
    assert {a["judgment_source"] for a in record["areas"]} == {"table"}
    assert record["summary"] == [_COUNT, _NOTE, _AFTER]  # the note where the page's text goes: never an area
    assert (record["sections"], record["unplaced"], record["warnings"]) == ([], [], [])


def test_two_paragraphs_between_the_parts() -> None:
    second = "Source: our inspection, 2024."
    record = _record(_two_tables(f"<p>{_NOTE}</p><p>{second}</p>\n", header=False), "a.html")
    assert _graded(record) == _GRADED
    assert record["summary"] == [_COUNT, _NOTE, second, _AFTER]


def test_a_split_table_of_two_columns_keeps_its_note_in_the_summary() -> None:
    pairs = [[name, grade] for name, grade in _GRADED]
    head = "<tr><th>Area</th><th>Grade</th></tr>\n"
    body = f"<table>{head}{_trs(pairs[:3])}</table>\n<p>{_NOTE}</p>\n<table>{head}{_trs(pairs[3:])}</table>\n"
    record = _record(_html(body), "a.html")
    assert _graded(record) == _GRADED
    assert (record["summary"], record["sections"], record["warnings"]) == ([_COUNT, _NOTE, _AFTER], [], [])


_OTHER = "Other inspections"
ENDED = {
    # A heading, then a table of the same columns: another table, not the judgments table going on.
    "after-a-heading": (_two_tables(f"<h2>{_OTHER}</h2>\n", header=False), "a.html"),
    # Three paragraphs: not a short interruption.
    "after-three-paragraphs": (_two_tables(f"<p>{_NOTE}</p><p>{_NOTE}.</p><p>{_NOTE}!</p>\n", header=False), "a.html"),
    "text-after-three-lines": (_lines(_tabs, [_NOTE, _NOTE + ".", _NOTE + "!"]), "a.txt"),
    # A table of figures in the same columns, after a paragraph: its rows are not areas.
    "figures": (
        _html(f"<table>{_HEAD}{_trs(_BEFORE)}</table>\n<p>{_NOTE}</p>\n"
              f"<table>{_trs([[name, '85%', '71%', '', ''] for name, _ in _GRADED[3:]])}</table>\n"),
        "a.html",
    ),
    # A table of other columns: its rows are not areas.
    "other-columns": (
        _html(f"<table>{_HEAD}{_trs(_BEFORE)}</table>\n<p>{_NOTE}</p>\n"
              f"<table>{_trs([[name, '', '', '', '', 'x'] for name, _ in _GRADED[3:]])}</table>\n"),
        "a.html",
    ),
}  # fmt: skip


@pytest.mark.parametrize("markup", ENDED)
def test_a_heading_or_another_table_ends_it(markup: str) -> None:
    record = _record(*ENDED[markup])
    assert [(name, grade) for name, grade in _graded(record) if grade] == _GRADED[:3]
    warnings = [(w["code"], w["message"]) for w in record["warnings"]]
    assert ("area_count_mismatch", "the page says 6 areas are graded; 3 graded areas were found") in warnings
