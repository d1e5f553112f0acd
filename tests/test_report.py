"""The report: one self-contained HTML page whose grid, rendered by a real browser, shows the database's grades."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES, copy_converted_fixtures

runner = CliRunner()
# The colour each grade's cell must be drawn in, as the browser reports it.
COLOURS = {
    "Outstanding": "rgb(26, 120, 55)",
    "Good": "rgb(127, 191, 123)",
    "Adequate": "rgb(254, 224, 139)",
    "Requires improvement": "rgb(244, 109, 67)",
    "Inadequate": "rgb(165, 0, 38)",
    "Ungraded": "rgb(189, 189, 189)",
    "To be graded": "rgb(238, 238, 238)",
    "": "rgb(250, 250, 250)",
}
_MEASURE = """<script>
for (const td of document.querySelectorAll("td[data-grade]")) {
  const box = td.getBoundingClientRect();
  td.setAttribute("data-bg", getComputedStyle(td).backgroundColor);
  td.setAttribute("data-box", box.width >= 20 && box.height >= 20 ? "shown" : "hidden");
}
</script>"""


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    fixtures = copy_converted_fixtures(folder / "fixtures")
    runner.invoke(app, ["batch", str(fixtures), "-o", str(folder / "r.jsonl"), "-q", "-w", "1"])
    result = runner.invoke(app, ["tables", str(folder / "r.jsonl"), "--sqlite", str(folder / "peel.db")])
    assert result.exit_code == 0, result.stderr
    return folder / "peel.db"


def _grades(database: Path) -> dict[tuple[str, str, str], str]:
    query = """SELECT coalesce(force, service), coalesce(year, '(no year)'), coalesce(pillar, area), grade
               FROM latest_judgments WHERE question_text IS NULL"""
    with closing(sqlite3.connect(database)) as db:
        return {(force, year, pillar): grade for force, year, pillar, grade in db.execute(query)}


def _grid_size(database: Path) -> int:
    """Cells of the grids: per sector, its names by its (year, pillar or area) columns."""
    query = """SELECT count(DISTINCT coalesce(force, service)) * count(DISTINCT coalesce(year, '') || '/' ||
                      coalesce(pillar, area)) FROM latest_judgments WHERE question_text IS NULL GROUP BY sector"""
    with closing(sqlite3.connect(database)) as db:
        return sum(n for (n,) in db.execute(query))


def _cells(html: str) -> dict[tuple[str, str, str], lxml.html.HtmlElement]:
    tree = lxml.html.fromstring(html)
    return {(td.get("data-name"), td.get("data-year"), td.get("data-part")): td for td in tree.iter("td")
            if td.get("data-grade") is not None}  # fmt: skip


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: .ci/run installs the Debian package chromium")
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    return found


def _render(html_file: Path, profile: Path, *args: str) -> str:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--window-size=1200,1600"]  # fmt: skip
    done = subprocess.run(
        [_chromium(), *flags, *args, html_file.as_uri()], capture_output=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout.decode("utf-8")


def test_the_grid_holds_every_graded_pillar_of_the_database(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "grades.html"
    result = runner.invoke(app, ["report", str(database), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    cells = _cells(out.read_text(encoding="utf-8"))
    grades = _grades(database)
    assert len(grades) == 142  # every pillar (police and fire) and report area the fixtures grade
    assert {key: td.get("data-grade") for key, td in cells.items() if td.get("data-grade")} == grades
    assert len(cells) == _grid_size(database)
    assert cells[("Cumbria", "2016", "effectiveness")].text_content() == "G"
    assert cells[("Gwent", "2017", "effectiveness")].text_content() == "TBG"
    assert cells[("Lancashire", "2018", "efficiency")].get("class") == "g1 text"


def test_chromium_draws_each_cell_in_its_grade_colour(database: Path, tmp_path: Path) -> None:
    page = tmp_path / "grades.html"
    html = runner.invoke(app, ["report", str(database)]).stdout
    page.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    dom = _render(page, tmp_path / "profile", "--dump-dom")
    cells = _cells(dom)
    assert len(cells) == _grid_size(database)
    drawn = {key: (td.get("data-grade"), td.get("data-bg"), td.get("data-box")) for key, td in cells.items()}
    assert drawn == {key: (td.get("data-grade"), COLOURS[td.get("data-grade")], "shown") for key, td in cells.items()}
    assert {k: g for k, (g, _, _) in drawn.items() if g} == _grades(database)
    shot = tmp_path / "shot.png"
    _render(page, tmp_path / "profile2", f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_page_is_self_contained_and_escapes_names(tmp_path: Path) -> None:
    record = json.loads((FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8"))
    record["force"] = '<script>alert("x")</script><img src="http://example.com/x.png">'
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    runner.invoke(app, ["tables", str(tmp_path / "r.jsonl"), "--sqlite", str(tmp_path / "x.db")])
    html = runner.invoke(app, ["report", str(tmp_path / "x.db")]).stdout
    tree = lxml.html.fromstring(html)
    assert [e.tag for e in tree.iter("script", "img", "link", "iframe", "object")] == []
    assert not any(e.get("src") or e.get("href") for e in tree.iter())
    assert "url(" not in html and "@import" not in html
    assert [td.get("data-name") for td in tree.iter("td") if td.get("data-grade")] == [record["force"]]


def test_an_empty_database_gives_a_page_that_says_so(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text("", encoding="utf-8")
    runner.invoke(app, ["tables", str(tmp_path / "r.jsonl"), "--sqlite", str(tmp_path / "x.db")])
    result = runner.invoke(app, ["report", str(tmp_path / "x.db")])
    assert result.exit_code == 0
    assert "The database holds no graded pillars or areas." in result.stdout


def test_report_on_a_missing_or_foreign_database_is_one_clear_line(tmp_path: Path) -> None:
    foreign, text = tmp_path / "other.db", tmp_path / "notes.txt"
    with closing(sqlite3.connect(foreign)) as db:
        db.execute("CREATE TABLE t (x)")
    text.write_text("hello\n" * 500, encoding="utf-8")
    cases = [
        (tmp_path / "missing.db", "no such file"),
        (text, "not an SQLite database of peel-extract's tables (file is not a database)"),
        (foreign, "not a peel-extract database (no such table: latest_judgments): make one with "
                  "'peel-extract tables RECORDS --sqlite FILE'"),
    ]  # fmt: skip
    for path, message in cases:
        result = runner.invoke(app, ["report", str(path), "-o", str(tmp_path / "out.html")])
        assert (result.exit_code, result.stderr) == (1, f"peel-extract: {path}: {message}\n"), path
    assert not (tmp_path / "out.html").exists() and not (tmp_path / "missing.db").exists()


def test_report_to_an_unwritable_place_is_one_clear_line(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "grades.html"
    result = runner.invoke(app, ["report", str(database), "-o", str(target)])
    assert result.exit_code == 2  # an output refused before any work, as in every command
    assert result.stderr.startswith(f"peel-extract: {target}: cannot write: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("command", ["tables", "report"])
def test_tables_and_report_have_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 3


def test_fire_services_and_report_areas_get_a_grid_of_their_own(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text("", encoding="utf-8")
    runner.invoke(app, ["tables", str(tmp_path / "r.jsonl"), "--sqlite", str(tmp_path / "x.db")])
    rows = [
        ("fire", None, "Kent", "2023-25", 2023, None, "Preventing fires", "Adequate", "grade_line", 0),
        ("fire", None, "Essex", "2018-19", 2018, "people", None, "Good", "text", 1),
        ("fire", None, "Essex", "2023-25", 2023, None, "Leadership", "Inadequate", "grade_line", 0),
        ("police", "Gwent", None, "2021-22", 2021, None, "Investigating crime", "Good", "grade_line", 0),
    ]
    with closing(sqlite3.connect(tmp_path / "x.db")) as db:
        db.executemany(
            """INSERT INTO latest_judgments (sector, force, service, year, year_start, pillar, area, grade, judged_by,
                                             conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        db.commit()
    tree = lxml.html.fromstring(runner.invoke(app, ["report", str(tmp_path / "x.db")]).stdout)
    grids = [(t.get("data-sector"), t.findtext(".//thead/tr/th")) for t in tree.iter("table") if t.get("data-sector")]
    assert grids == [("police", "Force"), ("fire", "Service")]
    assert [h.text for h in tree.iter("h2")] == [
        "Police forces",
        "Fire and rescue services",
        "Areas for improvement per page",
    ]
    fire = tree.xpath('//table[@data-sector="fire"]')[0]
    assert [th.get("title") for th in fire.xpath(".//th[@class='part']")] == [
        "people",
        "Leadership",
        "Preventing fires",
    ]
    cells = [(td.get("data-name"), td.get("data-year"), td.get("data-part"), td.get("class"), td.text) for td in
             fire.iter("td")]  # fmt: skip
    assert cells == [
        ("Essex", "2018-19", "people", "g2 text conflict", "G"),
        ("Essex", "2023-25", "Leadership", "g5", "I"),
        ("Essex", "2023-25", "Preventing fires", "none", None),
        ("Kent", "2018-19", "people", "none", None),
        ("Kent", "2023-25", "Leadership", "none", None),
        ("Kent", "2023-25", "Preventing fires", "g3", "A"),
    ]
