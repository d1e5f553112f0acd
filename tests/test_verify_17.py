"""Issue 17, checked again by a hostile user with inputs of their own: the cases the first round's tests did not
cover (a hard link or a symlink that makes an output a page of an input folder; a damaged database given to
`grades`)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES

runner = CliRunner()
PAGE = FIXTURES / "dev-gwent-2016-overview" / "input.txt"
OTHER = FIXTURES / "dev-cleveland-2018-effectiveness" / "input.txt"


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*map(str, args)])
    return result.exit_code, result.stdout, result.stderr


# --- item 1: an output that is a page of an input folder by another name ---


@pytest.mark.parametrize("option", ["-o", "--errors", "--sqlite"])
def test_a_hard_link_to_a_page_of_the_input_folder_is_refused(tmp_path: Path, option: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(PAGE, site / "gwent.txt")
    shutil.copy(OTHER, site / "cleveland.txt")
    victim = tmp_path / "elsewhere.txt"
    os.link(site / "cleveland.txt", victim)
    before = OTHER.read_bytes()
    outputs = {"-o": tmp_path / "out.jsonl", option: victim}
    args = [arg for pair in outputs.items() for arg in pair]
    code, _, err = _run("batch", site, *args, "-q")
    assert (code, err) == (
        2,
        f"peel-extract: {victim}: named as {'--output' if option == '-o' else option}, but it is the file "
        f"{site / 'cleveland.txt'} inside the input {site} (a link to it) that peel-extract did not write: "
        "refusing to overwrite it\n",
    )
    assert (site / "cleveland.txt").read_bytes() == before


def test_a_symlink_in_the_input_folder_to_the_output_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(PAGE, site / "gwent.txt")
    outside = tmp_path / "outside.txt"
    shutil.copy(OTHER, outside)
    (site / "link.txt").symlink_to(outside)
    code, _, err = _run("batch", site, "-o", outside, "-q")
    assert code == 2
    assert err.endswith("inside the input " + str(site) + " (a link to it) that peel-extract did not write: "
                        "refusing to overwrite it\n")  # fmt: skip
    assert outside.read_bytes() == OTHER.read_bytes()


def test_our_own_records_reached_by_a_link_are_still_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(PAGE, site / "gwent.txt")
    out = tmp_path / "out.jsonl"
    assert _run("batch", site, "-o", out, "-q")[0] == 0
    (site / "records-link.jsonl").symlink_to(out)  # not a page name: the batch reads only pages
    os.link(out, site / "records.txt")  # a page name: skipped as the run's own output
    assert _run("batch", site, "-o", out, "-q")[0] == 0
    assert out.read_text().count("\n") == 1


# --- item 8 (and 22): `grades` on a damaged or locked database: one bad_database line, as `report` gives ---


FIRST_PILLAR = "rowid = (SELECT min(rowid) FROM latest_judgments WHERE level = 'pillar')"


def _database(folder: Path) -> Path:
    records, database = folder / "records.jsonl", folder / "peel.db"
    assert _run("batch", PAGE, OTHER, "-o", records, "--sqlite", database, "-q")[0] == 0
    return database


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            "UPDATE latest_judgments SET name = x'ff00' WHERE " + FIRST_PILLAR,
            "name is a BLOB, not text",
        ),
        (
            "UPDATE latest_judgments SET grade = NULL WHERE " + FIRST_PILLAR,
            "grade is NULL, not text",
        ),
        (
            "UPDATE latest_judgments SET sector = NULL WHERE " + FIRST_PILLAR,
            "sector is NULL, not text",
        ),
    ],
)
@pytest.mark.parametrize("form", ["table", "csv", "json"])
def test_grades_on_damaged_values_is_one_bad_database_line(
    tmp_path: Path, change: str, problem: str, form: str
) -> None:
    database = _database(tmp_path)
    with sqlite3.connect(database) as db:
        db.execute(change)
        first = db.execute("SELECT min(rowid) FROM latest_judgments WHERE level = 'pillar'").fetchone()[0]
    code, out, err = _run("grades", database, "-f", form)
    advice = "make it again with 'peel-extract tables RECORDS --sqlite FILE'"
    where = f"latest_judgments row {first}"
    assert (code, out, err) == (
        1,
        "",
        f"peel-extract: {database}: not peel-extract's tables as written: {where}: {problem}; {advice}\n",
    )


def test_grades_on_a_locked_database_says_it_is_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peel_extract.grade_page import read

    monkeypatch.setattr(read, "BUSY_SECONDS", 0.05)
    database = _database(tmp_path)
    with sqlite3.connect(database, isolation_level=None) as writer:
        writer.execute("BEGIN EXCLUSIVE")
        code, _, err = _run("grades", database)
        writer.execute("ROLLBACK")
    message = "the database is locked (busy): another program is writing to it; try again when it has finished"
    assert (code, err) == (1, f"peel-extract: {database}: {message}\n")


# --- item 10: a limit an option cannot keep is a usage error, not a wrong message later ---


@pytest.mark.parametrize("depth", ["2049", "99999999999999999999"])
def test_max_depth_past_the_parsers_own_limit_is_a_usage_error(tmp_path: Path, depth: str) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body><p>Gwent PEEL 2016</p>" + "<div>" * 2100 + "x</body></html>")
    code, _, err = _run("extract", deep, "--max-depth", depth)
    assert (code, err) == (
        2,
        f"peel-extract: Invalid value for '--max-depth': at most 2048 (the HTML parser's own limit), not {depth} "
        "(see 'peel-extract extract --help')\n",
    )
    code, _, err = _run("extract", deep, "--max-depth", "2048")
    assert (code, err) == (
        1,
        f"peel-extract: {deep}: HTML elements nest deeper than 2048 levels, the HTML parser's limit\n",
    )


# --- item 18: --resume after a page's bytes changed says so (its earlier line is kept) ---


def test_resume_after_a_page_changed_says_so(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out.jsonl"
    site.mkdir()
    shutil.copy(PAGE, site / "a.txt")
    shutil.copy(OTHER, site / "b.txt")
    shutil.copy(OTHER, site / "c.txt")
    (site / "c.txt").write_bytes(OTHER.read_bytes() + b"\n\n")
    assert _run("batch", site, "-o", out, "-q")[0] == 0
    before = out.read_bytes()
    (site / "b.txt").write_bytes(OTHER.read_bytes() + b"\nA line added since.\n")
    code, _, err = _run("batch", site, "-o", out, "--resume")
    assert code == 0
    assert err.splitlines()[0] == (
        f"peel-extract: {out}: 1 page has changed since an earlier run converted it (the first: {site / 'b.txt'}); "
        "its earlier line is kept (a run without --resume converts it again)"
    )
    assert out.read_bytes() == before
    assert _run("batch", site, "-o", out, "-q")[0] == 0  # converted again: a resume has nothing to say
    code, _, err = _run("batch", site, "-o", out, "--resume")
    assert (code, err.splitlines()[0].split(" in ")[0]) == (
        0,
        "peel-extract: 3 pages seen, 3 converted, 0 failed, 0 duplicates, 3 already done",
    )


# --- item 20: the temporaries of a run killed a moment before the next one starts are swept by that run ---


def test_the_temporaries_of_a_run_killed_just_before_are_swept(tmp_path: Path) -> None:
    stale = tmp_path / ".peel.db.0123456789ab.tmp"  # mtime now: killed while writing, a moment ago
    stale.write_bytes(b"a killed run's")
    Path(f"{stale}-journal").write_bytes(b"its journal")
    out, database = tmp_path / "out.jsonl", tmp_path / "peel.db"
    assert _run("batch", PAGE, "-o", out, "--sqlite", database, "-q")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "peel.db"]


# --- no page twice: an input given twice (or a folder and a folder inside it) gives each page's record once ---


def test_an_input_given_twice_gives_each_record_once(tmp_path: Path) -> None:
    site, out, log = tmp_path / "site", tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    (site / "2016").mkdir(parents=True)
    shutil.copy(PAGE, site / "2016" / "gwent.txt")
    shutil.copy(OTHER, site / "cleveland.txt")
    code, _, err = _run("batch", site, site / "2016", "-o", out, "--errors", log)
    assert code == 0
    assert err.startswith("peel-extract: 3 pages seen, 2 converted, 0 failed, 1 duplicates in ")
    assert out.read_text().count("\n") == 2
    entry = json.loads(log.read_text())
    assert (entry["source"]["path"], entry["code"], entry["message"]) == (
        str(site / "2016" / "gwent.txt"),
        "duplicate",
        "the same page again, same name and bytes",
    )


# --- item 15: a row whose one cell spans the grade columns (a caption, a note, a source line) grades nothing ---

TABLE_PAGE = FIXTURES / "renamed-glebeshire-2023-25-report-compact-table-rows" / "input.html"
A_ROW = "<tr><td></td><td>Preventing crime</td><td></td><td></td><td></td></tr>"


@pytest.mark.parametrize(
    ("before", "after", "text"),
    [
        (A_ROW, '<tr><th colspan="5">Areas we graded</th></tr>' + A_ROW, "Areas we graded"),
        ("</tbody>", '<tr><td colspan="5">* graded in 2024</td></tr></tbody>', "* graded in 2024"),
        ("</tbody>", '</tbody><tfoot><tr><td colspan="5">Source: HMICFRS</td></tr></tfoot>', "Source: HMICFRS"),
    ],
)
def test_a_cell_across_the_grade_columns_grades_nothing(before: str, after: str, text: str) -> None:
    from peel_extract import extract_page

    page = TABLE_PAGE.read_text(encoding="utf-8")
    assert page.count(before) == 1
    plain = extract_page(page.encode(), name="page.html").model_dump()
    record = extract_page(page.replace(before, after).encode(), name="page.html").model_dump()
    assert [(a["area"], a["judgment"]) for a in record["areas"]] == [(a["area"], a["judgment"]) for a in plain["areas"]]
    line = next(u["line"] for u in record["unplaced"] if u["text"] == text)
    assert [w for w in record["warnings"] if w["code"] == "judgments_row_odd"] == [
        {
            "code": "judgments_row_odd",
            "message": f"a row of the judgments table has a cell across several grade columns: '{text}' is kept in "
            "'unplaced', with no grade",
            "line": line,
        }
    ]
