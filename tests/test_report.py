"""The report (the grade page): what the page says about the database, and its one-line failures.

tests/test_report_browser.py renders it in headless Chromium."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES, copy_converted_fixtures

runner = CliRunner()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixtures_database(tmp_path_factory.mktemp("report"))


def fixtures_database(folder: Path) -> Path:
    """The database of every fixture page the tool converts (pages are read from ``folder``/fixtures)."""
    fixtures = copy_converted_fixtures(folder / "fixtures")
    runner.invoke(app, ["batch", str(fixtures), "-o", str(folder / "r.jsonl"), "-q", "-w", "1"])
    result = runner.invoke(app, ["tables", str(folder / "r.jsonl"), "--sqlite", str(folder / "peel.db")])
    assert result.exit_code == 0, result.stderr
    return folder / "peel.db"


MERGED = {
    "Managing offenders": "Managing offenders and suspects",
    "Preventing crime": "Preventing crime and antisocial behaviour",
    "Preventing crime and anti-social behaviour": "Preventing crime and antisocial behaviour",
}
"""The fixtures' area names that the page shows under a longer name."""


def page_tree(database: Path) -> lxml.html.HtmlElement:
    result = runner.invoke(app, ["report", str(database)])
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return lxml.html.fromstring(result.stdout)


def _query(database: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(database)) as db:
        return list(db.execute(sql))


def _grades(database: Path) -> dict[tuple[str, str, str], str]:
    """(name, year, part as shown) -> grade, for every pillar and area `latest_judgments` grades."""
    query = """SELECT coalesce(force, service), coalesce(year, round, '(no year)'), pillar, area, grade
               FROM latest_judgments WHERE question_text IS NULL"""
    return {(name, year, pillar or MERGED.get(area, area)): grade
            for name, year, pillar, area, grade in _query(database, query)}  # fmt: skip


def cells(tree: lxml.html.HtmlElement) -> dict[tuple[str, str, str], lxml.html.HtmlElement]:
    return {(td.get("data-name"), td.get("data-year"), td.get("data-part")): td for td in tree.iter("td")
            if td.get("data-grade") is not None}  # fmt: skip


def _names_with_pages(database: Path, sector: str, kinds: str = "") -> set[str]:
    """The names of the sector's pages (of ``kinds``: an SQL condition on page_type) that have a row of their own
    (a region's SOC report has none: the bodies it grades have theirs, `_bodies`)."""
    query = f"""SELECT coalesce(force, service, '(name not read)') FROM pages WHERE duplicate_of IS NULL
                AND sector = '{sector}' AND region IS NULL {kinds}"""
    return {name for (name,) in _query(database, query)}


def _bodies(database: Path, sector: str) -> set[str]:
    """The bodies a SOC report grades: each has its row in the grid."""
    query = f"SELECT name FROM latest_judgments WHERE sector = '{sector}' AND level IN ('force', 'rocu')"
    return {name for (name,) in _query(database, query)}


def test_the_grid_holds_every_graded_pillar_and_area_of_the_database(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "grades.html"
    result = runner.invoke(app, ["report", str(database), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    found = cells(lxml.html.fromstring(out.read_text(encoding="utf-8")))
    grades = _grades(database)
    assert (
        len(grades) == 154
    )  # every pillar (police and fire), report area, vetting grade and SOC body the fixtures grade
    # A fire report naming no round is of 2023-25; only a vetting report stating no year (Kent's) has none.
    assert {(name, part) for name, year, part in grades if year == "(no year)"} == {
        ("Kent", "Vetting, IT monitoring and counter-corruption")
    }
    assert {key: td.get("data-grade") for key, td in found.items() if td.get("data-grade")} == grades
    for sector in ("police", "fire"):  # a cell per graded name and column, no more
        table = page_tree(database).xpath(f'//table[@class="grid"][@data-sector="{sector}"]')[0]
        rows = [tr for tr in table.iter("tr") if tr.xpath("td[@data-grade]")]
        assert {len(tr.xpath("td")) for tr in rows} == {len(table.xpath(".//th[contains(@class, 'part')]"))}
    assert found[("Cumbria", "2016", "effectiveness")].text_content() == "G"
    assert found[("Gwent", "2017", "effectiveness")].text_content() == "TBG"
    assert found[("Lancashire", "2018", "efficiency")].get("class") == "g1 text"
    assert found[("Cleveland", "2018", "effectiveness")].get("class") == "ys g5"  # a year's first column


def test_areas_written_two_ways_are_one_column_and_the_merge_is_listed(database: Path) -> None:
    tree = page_tree(database)
    police = tree.xpath('//table[@data-sector="police"]')[0]
    parts = [th.get("title") for th in police.xpath(".//th[contains(@class, 'part')]")]
    assert parts.count("Managing offenders") == parts.count("Preventing crime") == 0
    assert parts.count("Managing offenders and suspects") == parts.count("Investigating crime") == 2  # two rounds
    assert [li.text_content() for li in tree.xpath('//ul[@class="merged"]/li')] == [
        "“Managing offenders” shown as “Managing offenders and suspects”",
        # the reports of forces outside the Home Office set write "antisocial", and are the most of its spellings
        "“Preventing crime”, “Preventing crime and anti-social behaviour” shown as "
        "“Preventing crime and antisocial behaviour”",
    ]
    query = "SELECT force FROM latest_judgments WHERE year = '2023-25' AND area = 'Managing offenders'"
    [(force,), *_] = _query(database, query)
    title = cells(tree)[(force, "2023-25", "Managing offenders and suspects")].get("title")
    assert title.endswith("The page calls the area “Managing offenders”")


_GRADING = "AND page_type NOT IN ('monitoring_letter', 'custody_report')"  # the kinds that grade nothing aside


def test_every_name_with_pages_has_a_row_saying_why_no_grade_was_read(database: Path) -> None:
    tree = page_tree(database)
    for sector in ("police", "fire"):
        table = tree.xpath(f'//table[@class="grid"][@data-sector="{sector}"]')[0]
        names = _names_with_pages(database, sector, _GRADING) | _bodies(database, sector)
        assert set(table.xpath(".//tbody/tr/th/text()")) == names
    row = tree.xpath('//table[@data-sector="police"]//tr[th="(name not read)"]')[0]
    assert row.xpath("td/text()") == [
        "no grade read: the page has no title line naming the force "
        f"({database.parent}/fixtures/dev-lancashire-2014-overview-compact/input.txt)"
    ]
    found = cells(tree)
    assert [found[("Lancashire", "2015", p)].get("title") for p in ("effectiveness", "efficiency")] == [
        f"Lancashire 2015 {p}: no grade read: the page shows no grade line; judgment left empty "
        f"({database.parent}/fixtures/dev-lancashire-2015-leadership/input.txt)"
        for p in ("effectiveness", "efficiency")
    ]
    assert found[("Lancashire", "2015", "legitimacy")].get("class") == "missing"
    assert found[("Lancashire", "2016", "legitimacy")].get("class") == "none"  # no page of that year


def test_tooltips_name_the_page_and_the_sentence_a_grade_was_read_from(database: Path) -> None:
    found = cells(page_tree(database))
    assert found[("Lancashire", "2018", "efficiency")].get("title") == (
        "Lancashire 2018 efficiency: Outstanding\n"
        f"Read from a sentence of {database.parent}/fixtures/dev-lancashire-2018-efficiency-divsoup/input.html\n"
        "“Lancashire Constabulary is outstanding in the way it operates and provides sustainable services.”"
    )
    assert (
        found[("Cleveland", "2018", "effectiveness")]
        .get("title")
        .startswith(
            f"Cleveland 2018 effectiveness: Inadequate\nRead from the grade line of {database.parent}/fixtures/"
        )
    )


def test_areas_for_improvement_count_the_newest_version_of_each_page_only(database: Path) -> None:
    tree = page_tree(database)
    table = tree.xpath('//table[@class="counts"][@data-sector="police"]')[0]
    years = table.xpath(".//thead/th/text()") or table.xpath(".//thead/tr/th/text()")
    counts = {(tr.findtext("th"), year): td.text for tr in table.iter("tr") if tr.find("td") is not None
              for year, td in zip(years[1:], tr.findall("td"), strict=True) if td.text}  # fmt: skip
    # Four versions of Staffordshire 2018 legitimacy (0, 0, 0 and 3 bullets): the newest; three markups'
    # worth of Borsetshire's 2023-25 report (3 each): once.
    assert (counts[("Staffordshire", "2018")], counts[("Borsetshire", "2023-25")]) == ("3", "3")
    assert set(table.xpath(".//tbody/tr/th/text()")) == _names_with_pages(database, "police")
    assert f"{database.parent}/fixtures/" not in table.text_content()  # the pages are in the tooltips
    title = table.xpath('.//tr[th="Staffordshire"]/td[@data-count="3"]/@title')[0]
    assert title.splitlines()[1:] == [
        f"legitimacy: 3 ({database.parent}/fixtures/staffordshire-2018-legitimacy-aria/input.html)"
    ]


def test_a_timeline_per_pillar_or_area_with_a_labelled_line_per_force(database: Path) -> None:
    tree = page_tree(database)
    figures = tree.xpath('//h2[@id="grid-police"]/following-sibling::div[@class="charts"][1]/figure')
    assert [f.findtext("figcaption") for f in figures] == [
        "Effectiveness", "Efficiency", "Legitimacy", "Engaging with and treating the public with fairness and respect",
        "Preventing crime and antisocial behaviour", "Protecting vulnerable people", "Responding to the public",
        "Investigating crime", "Managing offenders and suspects", "Disrupting serious organised crime",
        "Building, supporting and protecting the workforce",
        "Strategic planning, organisational management and value for money",
        "Vetting, IT monitoring and counter-corruption", "Crime data integrity",
    ]  # fmt: skip
    effectiveness = figures[0].find("svg")
    assert [t.text for t in effectiveness.xpath(".//text[@class='x']")] == ["2015", "2016", "2017", "2018"]
    labels = [t.text_content() for t in effectiveness.xpath(".//text[@class='label']")]
    assert sorted(labels) == ["Cleveland", "Cumbria", "Dyfed-Powys", "Gwent", "Humberside", "Midsomer"]
    lines = {g.findtext("title").split(":")[0]: g.findtext("title") for g in effectiveness.xpath(".//g")}
    assert lines["Gwent"] == "Gwent: 2015 Good, 2016 Good, 2018 Good"  # 2017: 'To be graded', no point
    people = tree.xpath('//figure[figcaption="People"]//g[@class="line"]')  # the forces of a shared line, a line each
    assert [([span.text for span in g.iter("tspan")], g.findtext("title")) for g in people] == [
        (["Essex"], "Essex: 2018-19 Requires improvement, 2021-22 Requires improvement"),
        (["Barsetshire", "Surrey"], "Barsetshire, Surrey: 2021-22 Requires improvement"),
        (["Shropshire", "Wessex"], "Shropshire, Wessex: 2018-19 Good"),
    ]
    drawn = [(p.get("class"), p.get("stroke")) for p in effectiveness.iter("polyline")]
    assert [stroke for kind, stroke in drawn if kind is None] == [s for kind, s in drawn if kind == "leader"]
    assert len({stroke for _, stroke in drawn}) == len(labels)  # a colour per line, no dash styles


def test_the_page_is_self_contained_and_escapes_names(tmp_path: Path) -> None:
    record = json.loads((FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8"))
    record["force"] = '<script>alert("x")</script><img src="http://example.com/x.png">'
    earlier = {**record, "year": "2017", "source": {**record["source"], "path": "<b>.html"}}
    lines = [json.dumps(record), json.dumps(earlier)]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["tables", str(tmp_path / "r.jsonl"), "--sqlite", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.stderr
    html = runner.invoke(app, ["report", str(tmp_path / "x.db")]).stdout
    tree = lxml.html.fromstring(html)
    assert [e.tag for e in tree.iter("script", "img", "link", "iframe", "object")] == []
    assert not any(e.get("src") or e.get("href") for e in tree.iter())
    assert "url(" not in html and "@import" not in html
    assert [td.get("data-name") for td in tree.iter("td") if td.get("data-grade")] == [record["force"]] * 2
    assert [t.text_content() for t in tree.xpath("//svg//text[@class='label']")] == [record["force"][:17] + "…"]
    assert tree.xpath("//svg//g/title")[0].text == f"{record['force']}: 2017 Good, 2018 Good"
    assert "<b>.html" in tree.xpath("//td[@data-year='2017']/@title")[0]


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
    grids = [
        (t.get("data-sector"), t.findtext(".//thead/tr/th")) for t in tree.iter("table") if t.get("class") == "grid"
    ]
    assert grids == [("police", "Force"), ("fire", "Service")]
    assert [h.text for h in tree.iter("h2")] == ["Police forces", "Fire and rescue services"]
    fire = tree.xpath('//table[@class="grid"][@data-sector="fire"]')[0]
    assert [th.get("title") for th in fire.xpath(".//th[contains(@class, 'part')]")] == [
        "people",
        "Leadership",
        "Preventing fires",
    ]
    cells = [(td.get("data-name"), td.get("data-year"), td.get("data-part"), td.get("class"), td.text) for td in
             fire.iter("td")]  # fmt: skip
    assert cells == [
        ("Essex", "2018-19", "people", "ys g2 text conflict", "G"),
        ("Essex", "2023-25", "Leadership", "ys g5", "I"),
        ("Essex", "2023-25", "Preventing fires", "none", None),
        ("Kent", "2018-19", "people", "ys none", None),
        ("Kent", "2023-25", "Leadership", "ys none", None),
        ("Kent", "2023-25", "Preventing fires", "g3", "A"),
    ]


def _one_page_database(folder: Path) -> Path:
    """A database of one real pillar page (Staffordshire 2018 legitimacy), as 'tables' writes it."""
    record = (FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8")
    (folder / "r.jsonl").write_text(json.dumps(json.loads(record)) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["tables", str(folder / "r.jsonl"), "--sqlite", str(folder / "one.db")])
    assert result.exit_code == 0, result.stderr
    return folder / "one.db"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("UPDATE latest_judgments SET grade = NULL", "latest_judgments row 1: grade is NULL, not text"),
        ("UPDATE latest_judgments SET sector = NULL", "latest_judgments row 1: sector is NULL, not text"),
        ("UPDATE latest_judgments SET force = X'00ff'", "latest_judgments row 1: force is a BLOB, not text"),
        ("UPDATE pages SET path = NULL", "pages row 1: path is NULL, not text"),
        ("UPDATE pages SET sector = NULL", "pages row 1: sector is NULL, not text"),
        ("UPDATE pages SET force = X'4142'", "pages row 1: force is a BLOB, not text"),
        ("UPDATE latest_judgments SET conflict = 'yes'", "latest_judgments row 1: conflict is text, not an integer"),
    ],
)
def test_report_on_a_database_with_damaged_values_is_one_bad_database_line(
    tmp_path: Path, change: str, problem: str
) -> None:
    database = _one_page_database(tmp_path)
    with closing(sqlite3.connect(database)) as db:
        db.execute(change)
        db.commit()
    result = runner.invoke(app, ["report", str(database), "-o", str(tmp_path / "out.html")])
    advice = "make it again with 'peel-extract tables RECORDS --sqlite FILE'"
    message = f"peel-extract: {database}: not peel-extract's tables as written: {problem}; {advice}\n"
    assert (result.exit_code, result.stderr) == (1, message)
    assert not (tmp_path / "out.html").exists()


def test_report_on_a_locked_database_says_it_is_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peel_extract.grade_page import read

    monkeypatch.setattr(read, "BUSY_SECONDS", 0.05)
    database = _one_page_database(tmp_path)
    with closing(sqlite3.connect(database, isolation_level=None)) as writer:
        writer.execute("BEGIN EXCLUSIVE")
        result = runner.invoke(app, ["report", str(database)])
    message = "the database is locked (busy): another program is writing to it; try again when it has finished"
    assert (result.exit_code, result.stderr) == (1, f"peel-extract: {database}: {message}\n")


def _forces_database(folder: Path, forces: int) -> Path:
    """A database of ``forces`` fictional forces, each graded in four pillar-years (timelines of three years),
    and one more page that states no grade, as 'tables' lays it out."""
    from peel_extract.write.files import sqlite_schema

    path = folder / f"forces-{forces}.db"
    grades = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
    pages, latest = [], []
    for number in range(forces):
        name = f"Loamshire {number:05d}"
        graded = [
            ("2016", "effectiveness"),
            ("2017", "effectiveness"),
            ("2018", "effectiveness"),
            ("2018", "efficiency"),
        ]
        for step, (year, pillar) in enumerate(graded):
            page_id = 5 * number + step + 1
            pages.append((page_id, "peel_pillar", "police", name, year, int(year), pillar, f"pages/{page_id}.html"))
            grade = grades[(number + step * (number // 5)) % 5]
            latest.append((page_id, "police", name, year, int(year), pillar, grade, grade_rank(grade), "grade_line"))
        pages.append((5 * number + 5, "peel_pillar", "police", name, "2015", 2015, "legitimacy", "pages/none.html"))
    with closing(sqlite3.connect(path)) as db:
        db.executescript(sqlite_schema())
        db.executemany(
            "INSERT INTO pages (page_id, page_type, sector, force, year, year_start, pillar, path) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?)",
            pages,
        )
        db.executemany(
            "INSERT INTO latest_judgments (page_id, sector, force, year, year_start, pillar, grade, grade_rank, "
            "judged_by, versions, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)",
            latest,
        )
        db.commit()
    return path


def grade_rank(grade: str) -> int:
    return ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"].index(grade) + 1


def test_the_report_grows_linearly_with_the_forces(tmp_path: Path) -> None:
    from peel_extract.grade_page import report_html

    from .scaling import assert_linear

    def work(forces: int) -> Callable[[], object]:
        database = _forces_database(tmp_path, forces)
        return lambda: report_html(database)

    assert_linear(work, 150)


def test_area_names_merge_by_their_normalised_form() -> None:
    from collections import Counter

    from peel_extract.grade_page.areas import merged_names, merges

    counts = Counter({
        "Preventing crime and anti-social behaviour": 3, "Preventing crime and antisocial behaviour": 1,
        "Preventing crime": 2, "Managing offenders": 1, "Managing offenders and suspects": 1,
        "Leadership": 1, "Leadership and force management": 1, "Leadership and culture": 1,
        "Right people, right skills": 1, "RIGHT PEOPLE, RIGHT SKILLS": 2, "Fairness & diversity": 1,
        "Fairness and diversity": 2,
    })  # fmt: skip
    shown = merged_names(counts)
    assert merges(shown) == [
        ("Fairness and diversity", ["Fairness & diversity"]),
        ("Managing offenders and suspects", ["Managing offenders"]),
        ("Preventing crime and anti-social behaviour",
         ["Preventing crime", "Preventing crime and antisocial behaviour"]),
        ("RIGHT PEOPLE, RIGHT SKILLS", ["Right people, right skills"]),
    ]  # fmt: skip
    # Two longer names start with "Leadership and": which one is meant is not known, so none is merged.
    assert [shown[n] for n in ("Leadership", "Leadership and force management", "Leadership and culture")] == [
        "Leadership", "Leadership and force management", "Leadership and culture",
    ]  # fmt: skip


def test_a_label_names_three_forces_at_most_each_on_its_line() -> None:
    from peel_extract.grade_page.timeline import label_lines

    assert label_lines(["Gwent"]) == ["Gwent"]
    assert label_lines(["Gwent", "Kent", "Essex"]) == ["Gwent", "Kent", "Essex"]
    assert label_lines(["Gwent", "Kent", "Essex", "Surrey"]) == ["Gwent", "Kent", "+2 more"]
    assert label_lines(["Hampshire and Isle of Wight"]) == ["Hampshire and Isl…"]
