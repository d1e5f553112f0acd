"""Tables for analysis: CSV and SQLite rows match the records, keys hold, the tree is kept."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app
from peel_extract.tables import TABLES

from .conftest import FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables") / "records.jsonl"
    result = runner.invoke(app, ["batch", str(FIXTURES), "-o", str(out), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.stdout  # every fixture page converts
    return out


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _nodes(items: list[dict[str, Any]]) -> int:
    return sum(1 + _nodes(item["items"]) for item in items)


def _graded(thing: dict[str, Any]) -> int:
    return bool(thing.get("judgment")) + bool(thing.get("judgment_in_text"))


def expected_counts(records: list[dict[str, Any]]) -> dict[str, int]:
    """Row counts worked out from the records directly."""
    headers = [h for r in records for h in ([r] if r["page_type"].endswith("_pillar") else r.get("pillars", []))]
    questions = [q for r in records for q in r.get("questions", [])]
    counts = {
        "pages": len(records),
        "pillars": len(headers),
        "questions": len(questions),
        "judgments": sum(map(_graded, headers + questions)),
        "sections": sum(len(r.get("sections", [])) for r in records) + sum(len(q["sections"]) for q in questions),
    }
    for table in ("areas_for_improvement", "causes_of_concern", "recommendations"):
        counts[table] = sum(_nodes(q[table]) for q in questions)
    return counts


def test_csv_and_sqlite_rows_match_the_records(records_file: Path, tmp_path: Path) -> None:
    folder, database = tmp_path / "csv", tmp_path / "peel.db"
    result = runner.invoke(app, ["tables", str(records_file), "--csv", str(folder), "--sqlite", str(database)])
    assert result.exit_code == 0, result.stderr
    want = expected_counts(_records(records_file))
    assert want["pages"] == 99 and want["areas_for_improvement"] > 10 and want["judgments"] > 50
    got_csv = {}
    for table, columns in TABLES.items():
        with open(folder / f"{table}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == columns
        got_csv[table] = len(rows) - 1
    assert got_csv == want
    with sqlite3.connect(database) as db:
        got_db = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert got_db == want


def test_areas_for_improvement_keep_parent_and_depth(records_file: Path, tmp_path: Path) -> None:
    database = tmp_path / "peel.db"
    runner.invoke(app, ["tables", str(records_file), "--sqlite", str(database)])
    query = """
        SELECT a.position, a.depth, p.text AS parent, a.text FROM areas_for_improvement a
        JOIN pages g ON g.page_id = a.page_id LEFT JOIN areas_for_improvement p ON p.item_id = a.parent_id
        WHERE g.path LIKE '%/staffordshire-2018-legitimacy/input.txt' ORDER BY a.item_id"""
    with sqlite3.connect(database) as db:
        rows = db.execute(query).fetchall()
    assert [(position, depth, parent) for position, depth, parent, _ in rows] == [
        (1, 0, None),
        (2, 0, None),
        (3, 0, None),
        (1, 1, "The force should ensure that its counter-corruption unit:"),
        (2, 1, "The force should ensure that its counter-corruption unit:"),
    ]


def test_judgments_say_where_each_came_from(records_file: Path, tmp_path: Path) -> None:
    database = tmp_path / "peel.db"
    runner.invoke(app, ["tables", str(records_file), "--sqlite", str(database)])
    query = """SELECT j.question_number, j.judgment, j.judged_by FROM judgments j JOIN pages g USING (page_id)
               WHERE g.path LIKE '%/dev-dyfed-powys-2018-effectiveness/input.txt' ORDER BY j.rowid"""
    with sqlite3.connect(database) as db:
        assert db.execute(query).fetchall() == [
            (None, "Good", "text"),
            (None, "Requires improvement", "grade_line"),
            (None, "Requires improvement", "text"),
        ]


def test_batch_writes_sqlite_too(tmp_path: Path) -> None:
    page = FIXTURES / "staffordshire-2018-legitimacy" / "input.txt"
    database = tmp_path / "peel.db"
    result = runner.invoke(app, ["batch", str(page), "-o", "-", "--sqlite", str(database), "-q"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM questions").fetchone() == (3,)


def test_tables_needs_a_target_and_a_readable_file(tmp_path: Path) -> None:
    good = (FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(json.loads(good)) + "\nnot json\n", encoding="utf-8")
    assert runner.invoke(app, ["tables", str(bad)]).exit_code == 2
    result = runner.invoke(app, ["tables", str(bad), "--csv", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"peel-extract: {bad}:2: not a JSON record: ")
    bad.write_text('{"page_type": "peel_pillar", "force": "Gwent"}\n', encoding="utf-8")
    result = runner.invoke(app, ["tables", str(bad), "--sqlite", str(tmp_path / "x.db")])
    assert result.stderr.startswith(
        f"peel-extract: {bad}:1: not a peel-extract record: peel_pillar.year: Field required"
    )
    assert not (tmp_path / "x.db").exists()


def test_the_readme_query_runs(records_file: Path, tmp_path: Path) -> None:
    import re

    from .conftest import ROOT

    first_command = (ROOT / "README.md").read_text(encoding="utf-8").split("\n    ", 2)[1]
    assert "peel-extract batch fixtures -o records.jsonl --errors errors.jsonl --sqlite peel.db" in first_command
    match = re.search(r"q = '(SELECT [^']+)'", first_command)
    assert match is not None
    database = tmp_path / "peel.db"
    runner.invoke(app, ["tables", str(records_file), "--sqlite", str(database)])
    with sqlite3.connect(database) as db:
        rows = db.execute(match.group(1)).fetchall()
    headers = [
        h for r in _records(records_file) for h in ([r] if r["page_type"].endswith("_pillar") else r.get("pillars", []))
    ]
    assert len(rows) == sum(map(_graded, headers))
    assert next(row for row in rows if row[0])[:2] == ("Avon and Somerset", "2014")
