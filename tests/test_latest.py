"""Versions and duplicates: latest_judgments holds one grade per graded thing, from the newest version."""

from __future__ import annotations

import copy
import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app
from peel_extract.kinds import table_rows_by_type
from peel_extract.records import json_schema
from peel_extract.tables import GRADE_RANK, LATEST_VIEWS

from .conftest import FIXTURES

runner = CliRunner()
Record = dict[str, Any]
_LATEST = """SELECT force, year, pillar, question_number, grade, judged_by, grade_rank, last_updated, captured,
                    page_id, versions, conflict FROM latest_judgments ORDER BY rowid"""


def _fixture(slug: str) -> Record:
    record: Record = json.loads((FIXTURES / slug / "expected.json").read_text(encoding="utf-8"))
    return record


def _pillar(force: str, **fields: Any) -> Record:
    """A pillar page of ``force`` (the seed page without its questions), with ``fields`` changed."""
    record = _fixture("staffordshire-2018-legitimacy")
    record.update(force=force, questions=[])
    record.update(fields)
    return record


def _captured(record: Record, when: str | None) -> Record:
    record = copy.deepcopy(record)
    record["source"]["captured"] = when
    record["source"]["sha256"] = f"{when}"
    return record


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Any]:
    """A function that tables records into SQLite and opens the database."""
    connections = []

    def table(records: list[Record]) -> sqlite3.Connection:
        jsonl, db = tmp_path / "records.jsonl", tmp_path / "peel.db"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        result = runner.invoke(app, ["tables", str(jsonl), "--sqlite", str(db)])
        assert result.exit_code == 0, result.stderr
        connections.append(sqlite3.connect(db))
        return connections[-1]

    yield table
    for connection in connections:
        connection.close()


def test_one_page_in_several_markups_counts_once(database: Any) -> None:
    slugs = ["staffordshire-2018-legitimacy" + s for s in ("", "-semantic", "-flat", "-malformed")]
    db = database([_fixture(slug) for slug in slugs])
    duplicates = db.execute("SELECT page_id, duplicate_of, format FROM pages ORDER BY page_id").fetchall()
    assert duplicates == [(1, None, "text"), (2, 1, "html"), (3, 1, "html"), (4, 1, "html")]
    assert len({row[0] for row in db.execute("SELECT content_sha256 FROM pages")}) == 1
    assert db.execute("SELECT count(*) FROM judgments").fetchone() == (16,)  # 4 graded things x 4 markups
    assert db.execute(_LATEST).fetchall() == [
        ("Staffordshire", "2018", "legitimacy", None, "Good", "grade_line", 2, "2020-01-21", None, 1, 1, 0),
        ("Staffordshire", "2018", "legitimacy", 1, "Good", "grade_line", 2, "2020-01-21", None, 1, 1, 0),
        ("Staffordshire", "2018", "legitimacy", 2, "Good", "grade_line", 2, "2020-01-21", None, 1, 1, 0),
        ("Staffordshire", "2018", "legitimacy", 3, "Good", "grade_line", 2, "2020-01-21", None, 1, 1, 0),
    ]


def test_the_newest_version_wins_and_a_recapture_of_the_same_content_counts_once(database: Any) -> None:
    old = _pillar("Gwent", last_updated="2019-01-01", judgment="Requires improvement")
    new = _pillar("Gwent", last_updated="2020-01-21", judgment="Good")
    first = _pillar("Dyfed-Powys", last_updated="2020-01-21", judgment="Inadequate")
    db = database([new, old, _captured(first, "2020-02-01T10:00:00Z"), _captured(first, "2020-03-01T10:00:00Z")])
    assert db.execute(_LATEST).fetchall() == [
        ("Dyfed-Powys", "2018", "legitimacy", None, "Inadequate", "grade_line", 4, "2020-01-21",
         "2020-02-01T10:00:00Z", 3, 1, 0),
        ("Gwent", "2018", "legitimacy", None, "Good", "grade_line", 2, "2020-01-21", None, 1, 2, 0),
    ]  # fmt: skip
    query = "SELECT page_id, judgment, last_updated, captured FROM judgments WHERE force = 'Gwent' ORDER BY rowid"
    assert db.execute(query).fetchall() == [
        (1, "Good", "2020-01-21", None),
        (2, "Requires improvement", "2019-01-01", None),
    ]


def test_later_captures_of_different_content_are_newer(database: Any) -> None:
    early = _captured(_pillar("Kent", last_updated=None, judgment="Good"), "2019-06-01T00:00:00Z")
    late = _captured(_pillar("Kent", last_updated=None, judgment="Inadequate"), "2019-07-01T00:00:00Z")
    db = database([late, early])
    assert db.execute(_LATEST).fetchall() == [
        ("Kent", "2018", "legitimacy", None, "Inadequate", "grade_line", 4, None, "2019-07-01T00:00:00Z", 1, 2, 0),
    ]


def test_undated_versions_that_disagree_are_a_conflict(database: Any) -> None:
    one = _pillar("Essex", last_updated=None, judgment="Good")
    other = _pillar("Essex", last_updated=None, judgment="Inadequate")
    dated = _pillar("Surrey", last_updated="2020-01-21", judgment="Good")
    undated = _pillar("Surrey", last_updated=None, judgment="Inadequate")
    db = database([one, other, dated, undated])
    assert db.execute(_LATEST).fetchall() == [
        ("Essex", "2018", "legitimacy", None, "Inadequate", "grade_line", 4, None, None, 2, 2, 1),
        ("Surrey", "2018", "legitimacy", None, "Good", "grade_line", 2, "2020-01-21", None, 3, 2, 1),
    ]


def test_a_grade_is_newer_than_to_be_graded(database: Any) -> None:
    graded = _pillar("Kent", last_updated=None, judgment=None, judgment_in_text="Good", judgment_evidence="... good.")
    waiting = _pillar("Kent", last_updated="2017-03-02", judgment="To be graded")
    db = database([graded, waiting])
    assert db.execute(_LATEST).fetchall() == [
        ("Kent", "2018", "legitimacy", None, "Good", "text", 2, None, None, 1, 2, 0),
    ]
    assert db.execute("SELECT evidence FROM latest_judgments").fetchone() == ("... good.",)


def test_the_grade_line_comes_before_the_grade_in_text(database: Any) -> None:
    both = _pillar("Kent", judgment="Requires improvement", judgment_in_text="Good", judgment_evidence="It is good.")
    db = database([both])
    assert db.execute("SELECT judgment, judged_by, evidence FROM judgments").fetchall() == [
        ("Requires improvement", "grade_line", None),
        ("Good", "text", "It is good."),
    ]
    assert db.execute("SELECT grade, judged_by, evidence FROM latest_judgments").fetchall() == [
        ("Requires improvement", "grade_line", None)
    ]


def test_overview_and_pillar_pages_grade_the_same_pillar(database: Any) -> None:
    overview = _fixture("dev-gwent-2017-overview")
    pillar = _pillar("Gwent", year="2017", pillar="efficiency", last_updated="2018-01-01", judgment="Outstanding")
    db = database([overview, pillar])
    query = "SELECT pillar, grade, judged_by, last_updated, page_id, versions FROM latest_judgments ORDER BY rowid"
    assert db.execute(query).fetchall() == [
        ("effectiveness", "To be graded", "grade_line", None, 1, 1),
        ("efficiency", "Outstanding", "grade_line", "2018-01-01", 2, 2),
        ("legitimacy", "Good", "text", None, 1, 1),
    ]


def test_questions_are_known_by_their_text_when_unnumbered(database: Any) -> None:
    record = _fixture("dev-dyfed-powys-2017-effectiveness-compact")
    db = database([record])
    query = "SELECT question_number, question_text, grade FROM latest_judgments ORDER BY rowid"
    assert db.execute(query).fetchall() == [
        (None, "How effective is the force at investigating crime and reducing re-offending?", "Good"),
        (None, "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
         "Requires improvement"),
    ]  # fmt: skip


def test_grade_ranks() -> None:
    assert GRADE_RANK == {"Outstanding": 1, "Good": 2, "Adequate": 3, "Requires improvement": 4, "Inadequate": 5}


def test_every_page_type_has_a_tabler() -> None:
    assert set(json_schema()["discriminator"]["mapping"]) == set(table_rows_by_type())


def test_captures_in_a_warc_end_to_end(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    seed = (FIXTURES / "staffordshire-2018-legitimacy" / "input.txt").read_bytes()
    older = seed.replace(b"Last updated 21/01/2020\nGood\n", b"Last updated 02/05/2019\nRequires improvement\n", 1)
    semantic = (FIXTURES / "staffordshire-2018-legitimacy-semantic" / "input.html").read_bytes()
    url = "https://example.org/peel/staffordshire/legitimacy/"
    captures = [("2019-06-01T00:00:00Z", older), ("2020-02-01T00:00:00Z", seed), ("2020-03-01T00:00:00Z", semantic)]
    with open(tmp_path / "crawl.warc.gz", "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for date, page in captures:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            dated = {"WARC-Date": date}
            record = writer.create_warc_record(
                url, "response", io.BytesIO(page), warc_headers_dict=dated, http_headers=headers
            )
            writer.write_record(record)
    database = tmp_path / "peel.db"
    result = runner.invoke(app, ["batch", str(tmp_path / "crawl.warc.gz"), "-o", str(tmp_path / "r.jsonl"), "-q",
                                 "--sqlite", str(database)])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("SELECT page_id, captured, duplicate_of FROM pages").fetchall() == [
            (1, "2019-06-01T00:00:00Z", None),
            (2, "2020-02-01T00:00:00Z", None),
            (3, "2020-03-01T00:00:00Z", 2),
        ]
        latest = "SELECT question_number, grade, last_updated, captured, url, page_id, versions, conflict"
        latest += " FROM latest_judgments"
        assert db.execute(latest).fetchall() == [
            (None, "Good", "2020-01-21", "2020-02-01T00:00:00Z", url, 2, 2, 0),
            (1, "Good", "2020-01-21", "2020-02-01T00:00:00Z", url, 2, 2, 0),
            (2, "Good", "2020-01-21", "2020-02-01T00:00:00Z", url, 2, 2, 0),
            (3, "Good", "2020-01-21", "2020-02-01T00:00:00Z", url, 2, 2, 0),
        ]
        query = "SELECT judgment, last_updated FROM judgments WHERE page_id = 1 AND question_id IS NULL"
        assert db.execute(query).fetchall() == [("Requires improvement", "2019-05-02")]


def test_pages_is_latest_marks_the_newest_version_of_each_page(database: Any) -> None:
    """Same rule as latest_judgments: a grade before 'To be graded', then last_updated, captured, read last."""
    seed = _fixture("staffordshire-2018-legitimacy")  # 5 bullets of areas for improvement
    new, old = _pillar("Gwent", questions=seed["questions"]), _pillar("Gwent", last_updated="2019-01-01")
    markup = copy.deepcopy(new)
    markup["source"]["format"] = "html"
    waiting = _pillar("Kent", last_updated="2021-01-01", judgment="To be graded")
    graded = _pillar("Kent", last_updated=None, judgment="Good")
    early = _captured(_pillar("Essex", last_updated=None, judgment="Good"), "2019-06-01T00:00:00Z")
    late = _captured(_pillar("Essex", last_updated=None, judgment="Inadequate"), "2019-07-01T00:00:00Z")
    unnamed = _pillar(None)
    overview = _fixture("dev-gwent-2017-overview")
    records = [
        new,
        markup,
        old,
        waiting,
        graded,
        late,
        early,
        unnamed,
        {**unnamed, "judgment": "Inadequate"},
        overview,
        _pillar("Gwent", year="2017"),
    ]
    db = database(records)
    query = "SELECT page_id, name, is_latest, duplicate_of FROM pages ORDER BY page_id"
    assert db.execute(query).fetchall() == [
        (1, "Gwent", 1, None), (2, "Gwent", 0, 1), (3, "Gwent", 0, None),
        (4, "Kent", 0, None), (5, "Kent", 1, None),
        (6, "Essex", 1, None), (7, "Essex", 0, None),
        (8, None, 1, None), (9, None, 1, None),  # pages without a name are each their own
        (10, "Gwent", 1, None), (11, "Gwent", 1, None),  # an overview page and a pillar page are two pages
    ]  # fmt: skip
    unnamed_grades = "SELECT page_id, grade, versions, conflict FROM latest_judgments WHERE name IS NULL"
    assert db.execute(unnamed_grades).fetchall() == [(8, "Good", 1, 0), (9, "Inadequate", 1, 0)]  # two, not one
    assert db.execute("SELECT count(*) FROM areas_for_improvement").fetchone() == (10,)  # new and its markup: 5 each
    assert db.execute("SELECT DISTINCT page_id FROM latest_areas_for_improvement").fetchall() == [(1,)]
    assert db.execute("SELECT count(*) FROM latest_areas_for_improvement").fetchone() == (5,)
    views = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == {f"latest_{t}" for t in LATEST_VIEWS.values()} == set(LATEST_VIEWS)
    for view, table in LATEST_VIEWS.items():
        rows = f"SELECT * FROM {table} WHERE page_id IN (SELECT page_id FROM pages WHERE is_latest = 1)"
        assert db.execute(f"SELECT * FROM {view}").fetchall() == db.execute(rows).fetchall()


def test_csv_pages_say_is_latest_as_sqlite_does(tmp_path: Path) -> None:
    records = [_pillar("Gwent", last_updated=day) for day in ("2019-01-01", "2020-02-02", "2018-03-03")]
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(
        app, ["tables", str(jsonl), "--csv", str(tmp_path / "csv"), "--sqlite", str(tmp_path / "db")]
    )
    assert result.exit_code == 0, result.stderr
    with open(tmp_path / "csv" / "pages.csv", encoding="utf-8", newline="") as handle:
        assert [(row["page_id"], row["is_latest"]) for row in csv.DictReader(handle)] == [
            ("1", "0"),
            ("2", "1"),
            ("3", "0"),
        ]
    with closing(sqlite3.connect(tmp_path / "db")) as db:
        assert db.execute("SELECT page_id, is_latest FROM pages").fetchall() == [(1, 0), (2, 1), (3, 0)]


def test_name_round_level_and_the_grade_rank_on_the_pages_own_scale(database: Any) -> None:
    """A four-grade round ranks Requires improvement one step below Good; a five-grade round two."""
    police = _pillar("Gwent", judgment="Requires improvement")
    fire = _fixture("dev-surrey-2021-frs")
    report = _fixture("synthetic-borsetshire-2023-25-peel-report")
    db = database([police, fire, report, _fixture("staffordshire-2018-legitimacy")])
    query = """SELECT sector, name, force, service, year, round, level, min(pillar), max(area IS NOT NULL), grade,
                      grade_rank, grade_scale FROM latest_judgments WHERE grade IN ('Good', 'Requires improvement')
               GROUP BY sector, name, level, grade ORDER BY sector DESC, name, level, grade_rank"""
    assert db.execute(query).fetchall() == [
        ("police", "Borsetshire", "Borsetshire", None, "2023-25", "2023-25", "area", None, 1, "Good", 2, 5),
        ("police", "Borsetshire", "Borsetshire", None, "2023-25", "2023-25", "area", None, 1,
         "Requires improvement", 4, 5),
        ("police", "Gwent", "Gwent", None, "2018", "2018-19", "pillar", "legitimacy", 0, "Requires improvement", 3, 4),
        ("police", "Staffordshire", "Staffordshire", None, "2018", "2018-19", "pillar", "legitimacy", 0, "Good", 2, 4),
        ("police", "Staffordshire", "Staffordshire", None, "2018", "2018-19", "question", "legitimacy", 0, "Good", 2,
         4),
        ("fire", "Surrey", None, "Surrey", "2021-22", "2021-22", "pillar", "effectiveness", 0,
         "Requires improvement", 3, 4),
    ]  # fmt: skip
    levels = "SELECT level, count(*) FROM latest_judgments GROUP BY level"
    assert db.execute(levels).fetchall() == [("area", 8), ("pillar", 5), ("question", 3)]
    steps = "SELECT grade, grade_rank FROM latest_judgments WHERE grade IN ('Ungraded', 'To be graded')"
    assert db.execute(steps).fetchall() == []
    names = "SELECT DISTINCT name, force, service FROM questions UNION SELECT DISTINCT name, force, service FROM pages"
    assert sorted(db.execute(names).fetchall()) == [
        ("Borsetshire", "Borsetshire", None),
        ("Gwent", "Gwent", None),
        ("Staffordshire", "Staffordshire", None),
        ("Surrey", None, "Surrey"),
    ]


def test_a_report_that_names_no_round_is_of_its_kinds_one_round(database: Any) -> None:
    """A fire and rescue report's text scrape (year null, inferred_year 2023-25) and its titled page are
    versions of one page: one grade per area, one newest page."""
    scrape, titled = (
        _fixture("synthetic-borsetshire-2023-25-frs-report"),
        _fixture("synthetic-borsetshire-2023-25-frs-report-titled"),
    )
    assert (scrape["year"], scrape["inferred_year"], titled["year"]) == (None, "2023-25", "2023-25")
    db = database([titled, scrape])
    pages = "SELECT page_id, year, round, year_start, is_latest FROM pages"
    assert db.execute(pages).fetchall() == [(1, "2023-25", "2023-25", 2023, 0), (2, None, "2023-25", 2023, 1)]
    grades = "SELECT DISTINCT round, versions, page_id FROM latest_judgments"
    assert db.execute(grades).fetchall() == [("2023-25", 2, 2)]
    assert db.execute("SELECT count(*) FROM latest_judgments").fetchone() == (len(titled["areas"]),)
