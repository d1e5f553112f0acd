"""Serious and organised crime regional reports (issue 20.2): every SOC page's facts (tests/other_facts.jsonl) in
its record, the kind told from no other, each body's grade its own (never another's, never the region's), the
same record from either rendering, and pages cut anywhere still a SOC report of their region."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from typer.testing import CliRunner

from peel_extract import PeelError, extract_page
from peel_extract.cli import app

from .conftest import FIXTURES, ROOT, as_json
from .markup import MARKUPS, classify

FACTS = [json.loads(line) for line in (ROOT / "tests" / "other_facts.jsonl").read_text(encoding="utf-8").splitlines()]
SOC_FACTS = [f for f in FACTS if f.get("page_type") == "soc_report"]
WESSEX = FIXTURES / "other-soc-report-wessex-synthetic" / "input.txt"
runner = CliRunner()
_HEADS = ("page_type", "sector", "force", "region", "heading", "year", "year_source", "published", "inspected")


def _record(path: Path) -> dict[str, Any]:
    return as_json(extract_page(path.read_bytes(), path.name))


def _titles(practices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"title": p["title"]} for p in practices]


def _causes(causes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Causes as the facts write them: each recommendation's text with its deadline."""
    return [
        {
            "text": c["text"],
            "recommendations": [{"deadline": r["deadline"], "text": r["text"]} for r in c["recommendations"]],
        }
        for c in causes
    ]


def _lists(part: dict[str, Any]) -> dict[str, Any]:
    return {
        "areas_for_improvement": [item["text"] for item in part["areas_for_improvement"]],
        "causes_of_concern": _causes(part["causes_of_concern"]),
        "innovative_practice": _titles(part["innovative_practice"]),
        "promising_practice": _titles(part["promising_practice"]),
    }


def _body_facts(body: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    seen = {**body, "sections": [s["heading"] for s in body["sections"] if s["heading"]], **_lists(body)}
    return {key: seen[key] for key in keys}


@pytest.mark.parametrize("facts", SOC_FACTS, ids=lambda f: Path(f["file"]).parent.name)
def test_every_soc_page_gives_its_facts(facts: dict[str, Any]) -> None:
    record = _record((ROOT / "tests" / facts["file"]).resolve())
    assert {k: record.get(k) for k in _HEADS if k in facts} == {k: facts[k] for k in _HEADS if k in facts}
    assert record["truncated"] == facts["truncated"]
    if "regional_findings" in facts:
        regional = record["regional_findings"]
        headings = [s["heading"] for s in regional["sections"] if s["heading"]]
        assert {"headings": headings, **_lists(regional)} == facts["regional_findings"]
    wanted = facts.get("bodies", [])
    assert [_body_facts(body, list(want)) for body, want in zip(record["bodies"], wanted, strict=False)] == wanted
    assert len(record["bodies"]) == len(wanted)


def test_the_real_beginnings_show_no_body_no_grade_and_no_force() -> None:
    for facts in SOC_FACTS:
        if "synthetic" not in facts["file"]:
            record = _record((ROOT / "tests" / facts["file"]).resolve())
            assert (record["bodies"], record["forces"], record["regional_findings"]) == ([], [], None)


# Pages that name serious and organised crime, ROCUs or regions without being a regional SOC report.
NOT_SOC = [
    "Wessex PEEL 2023–25\n\nOverall summary\n\nDisrupting serious and organised crime\n\nGood\n\n"
    "The force works with the regional organised crime unit (ROCU) to tackle serious and organised crime.",
    "Inspection into British Transport Police effectiveness, efficiency and legitimacy\n\nOverall summary\n\n"
    "We inspected how well the force tackles serious and organised crime (SOC) in each region.",
    "News\n\nHMICFRS has published its inspection of the regional response to serious and organised crime.",
]


@pytest.mark.parametrize("page", NOT_SOC, ids=lambda p: p[:30])
def test_serious_and_organised_crime_words_alone_make_no_soc_report(page: str) -> None:
    try:
        page_type = extract_page(page.encode(), "page.txt").page_type
    except PeelError as error:
        page_type = error.code
    assert page_type != "soc_report"


def test_a_grade_line_is_the_body_under_whose_heading_it_stands() -> None:
    record = _record(WESSEX)
    grades = {b["name"]: (b["type"], b["force"], b["judgment"], b["judgment_source"]) for b in record["bodies"]}
    assert grades == {
        "Wessex Regional Organised Crime Unit": ("rocu", None, "Good", "grade_line"),
        "Casterbridge Constabulary": ("force", "Casterbridge", "Adequate", "grade_line"),
        "Melchester Police": ("force", "Melchester", "Requires improvement", "grade_line"),
        "Sandbourne Police": ("force", "Sandbourne", "Inadequate", "sentence"),
        "Wessex Police": ("force", "Wessex", "Good", "grade_line"),
    }
    assert [f["force"] for f in record["forces"]] == ["Casterbridge", "Melchester", "Sandbourne", "Wessex"]
    assert record["warnings"] == []


def _compact(text: str) -> str:
    """The compact rendering of a blank-line page: one line per block, "- " bullets, no date line."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("Published on:")]
    return "\n".join(re.sub(r"^\s*•\s*", "- ", line) for line in lines) + "\n"


def _without_lines(record: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in record.items() if k not in ("source", "published", "year", "year_source")}
    record["warnings"] = [{k: v for k, v in w.items() if k != "line"} for w in record["warnings"]]
    return record


def test_both_renderings_give_one_record() -> None:
    blank_line = WESSEX.read_text(encoding="utf-8")
    full = as_json(extract_page(blank_line.encode(), "wessex.txt"))
    compact = as_json(extract_page(_compact(blank_line).encode(), "wessex.txt"))
    assert [w["code"] for w in compact["warnings"]] == ["year_missing"]
    compact["warnings"] = []
    assert _without_lines(compact) == _without_lines(full)


def test_the_real_page_in_its_two_renderings_gives_one_record() -> None:
    compact = _record(FIXTURES / "other-soc-report-south-east-060" / "input.txt")
    blank_line = _record(FIXTURES / "other-soc-report-south-east-061" / "input.txt")
    assert compact["published"] is None and blank_line["published"] == "2024-08-30"
    # 061 is cut seven characters earlier than 060, inside the same paragraph.
    assert compact["context_sections"][-1]["paragraphs"][-1].startswith(
        blank_line["context_sections"][-1]["paragraphs"][-1]
    )
    for record in (compact, blank_line):
        record["context_sections"][-1]["paragraphs"].pop()
    assert _without_lines(compact) == {**_without_lines(blank_line), "warnings": _without_lines(compact)["warnings"]}


def test_a_page_cut_anywhere_is_its_region_s_report_and_never_gives_a_body_a_grade_not_its_own() -> None:
    text = WESSEX.read_text(encoding="utf-8")
    whole = {b["name"]: b["judgment"] for b in _record(WESSEX)["bodies"]}
    cuts = [m.start() for m in re.finditer("\n", text)] + list(range(90, len(text), 97))
    for cut in cuts:
        record = as_json(extract_page(text[:cut].encode(), "cut.txt"))
        assert (record["page_type"], record["region"]) == ("soc_report", "Wessex"), cut
        assert all(b["judgment"] in (None, whole[b["name"]]) for b in record["bodies"]), cut


@pytest.fixture(scope="module")
def soc_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables of the Wessex page (as text and in a markup) and of a real beginning graded nowhere."""
    folder = tmp_path_factory.mktemp("soc")
    pages = [WESSEX, WESSEX.parent.with_name(WESSEX.parent.name + "-semantic") / "input.html",
             FIXTURES / "other-soc-report-south-east-061" / "input.txt"]  # fmt: skip
    records = folder / "records.jsonl"
    records.write_text("".join(json.dumps(_record(p)) + "\n" for p in pages), encoding="utf-8")
    result = runner.invoke(app, ["tables", str(records), "--sqlite", str(folder / "soc.db")])
    assert result.exit_code == 0, result.stderr
    return folder / "soc.db"


def test_each_body_is_its_own_graded_thing_and_the_region_has_none(soc_database: Path) -> None:
    with closing(sqlite3.connect(soc_database)) as db:
        latest = db.execute(
            "SELECT name, force, round, area, level, grade, grade_rank, judged_by, versions FROM latest_judgments"
        ).fetchall()
        pages = db.execute("SELECT page_type, name, region, year, year_source, is_latest FROM pages").fetchall()
        judged = db.execute("SELECT name, judged_by, evidence IS NOT NULL FROM judgments WHERE page_id = 1").fetchall()
        deadlines = db.execute("SELECT name, area, deadline, deadline_date FROM latest_recommendations").fetchall()
    area = "Serious and organised crime"
    assert latest == [
        ("Casterbridge", "Casterbridge", "2024", area, "force", "Adequate", 3, "grade_line", 2),
        ("Melchester", "Melchester", "2024", area, "force", "Requires improvement", 4, "grade_line", 2),
        ("Sandbourne", "Sandbourne", "2024", area, "force", "Inadequate", 5, "text", 2),
        ("Wessex", "Wessex", "2024", area, "force", "Good", 2, "grade_line", 2),
        ("Wessex Regional Organised Crime Unit", "Wessex Regional Organised Crime Unit", "2024", area, "rocu", "Good",
         2, "grade_line", 2),
    ]  # fmt: skip
    # The text page and its markup are two versions of the region's page: the one read last is the newest.
    assert pages == [("soc_report", None, "Wessex", "2024", "published", 0),
                     ("soc_report", None, "Wessex", "2024", "published", 1),
                     ("soc_report", None, "south-east", "2024", "published", 1)]  # fmt: skip
    # A grade line and the sentence restating it are two rows; a grade stated only in a sentence is one.
    assert judged.count(("Sandbourne", "text", 1)) == 1 and ("Sandbourne", "grade_line", 0) not in judged
    assert judged.count(("Casterbridge", "grade_line", 0)) == judged.count(("Casterbridge", "text", 1)) == 1
    assert deadlines == [
        (None, "Regional findings", "By 31 December 2024", "2024-12-31"),
        (None, "Regional findings", "By 31 December 2024", "2024-12-31"),
        ("Melchester", area, "Within three months", None),
        ("Melchester", area, "Within three months", None),
    ]


def test_the_grade_page_shows_forces_in_their_rows_and_the_unit_in_its_own(soc_database: Path) -> None:
    result = runner.invoke(app, ["report", str(soc_database)])
    assert result.exit_code == 0, result.stderr
    tree = lxml.html.fromstring(result.stdout)
    grid = tree.xpath('//table[@class="grid"][@data-sector="police"]')[0]
    names = [th.text_content() for th in grid.xpath(".//tbody/tr/th")]
    assert names == ["Casterbridge", "Melchester", "Sandbourne", "Wessex", "Wessex Regional Organised Crime Unit"]
    graded = {(td.get("data-name"), td.get("data-year"), td.get("data-part")): td.get("data-grade")
              for td in grid.iter("td")}  # fmt: skip
    assert graded[("Melchester", "2024", "Serious and organised crime")] == "Requires improvement"
    assert graded[("Wessex Regional Organised Crime Unit", "2024", "Serious and organised crime")] == "Good"
    assert not tree.xpath('//tr[th="(name not read)"]') and "south-east" not in names


def _with_contents(text: str) -> str:
    """The Wessex page as a scrape that kept its list of contents: a line per heading of the page's own."""
    entries = ["Introduction", "Regional findings", "Wessex Regional Organised Crime Unit", "Casterbridge Constabulary",
               "Melchester Police", "Sandbourne Police", "Wessex Police", "Appendix 1: The Wessex region"]  # fmt: skip
    return text.replace("Contents\n\n", "Contents\n\n" + "".join(e + "\n\n" for e in entries), 1)


@pytest.mark.parametrize("markup", [None, *MARKUPS])
def test_a_scrape_that_kept_the_contents_gives_the_same_record_and_its_contents(markup: str | None) -> None:
    text = WESSEX.read_text(encoding="utf-8")
    page = _with_contents(text)
    if markup is not None:
        page = MARKUPS[markup](classify(page))
    got = as_json(extract_page(page.encode(), "contents.html" if markup else "contents.txt"))
    assert got["contents"][2:4] == ["Wessex Regional Organised Crime Unit", "Casterbridge Constabulary"]
    got["contents"] = []
    want = as_json(extract_page(text.encode(), "wessex.txt"))
    assert _without_lines({**got, "title": None}) == _without_lines(want)
