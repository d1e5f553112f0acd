"""Tables for analysis: CSV and SQLite rows match the records, keys hold, the tree is kept."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app
from peel_extract.tables import DICTIONARY, TABLES, describe_markdown

from .conftest import FIXTURES, ROOT, copy_converted_fixtures

runner = CliRunner()


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    fixtures, out = copy_converted_fixtures(folder / "fixtures"), folder / "records.jsonl"
    result = runner.invoke(app, ["batch", str(fixtures), "-o", str(out), "--quiet", "--workers", "1"])
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
    headers = [h for r in records for h in _headers(r)]
    questions = [q for r in records for q in r.get("questions", [])]
    # A SOC report's bodies and regional findings are tabled as areas are; its framing sections as sections.
    bodies = [(r, b) for r in records for b in r.get("bodies", [])]
    regional = [r["regional_findings"] for r in records if r.get("regional_findings")]
    areas = [a for r in records for a in r.get("areas", [])] + [b for _, b in bodies] + regional
    framing = [s for r in records if r["page_type"] == "soc_report" for s in r["context_sections"]]
    sections = [s for thing in records + questions + areas for s in thing.get("sections", [])] + framing
    causes = [c for a in areas for c in a["causes_of_concern"]]
    # Letters and custody reports: causes of their own, a custody report's summary and outcome sections.
    theirs = [r for r in records if r["page_type"] in ("monitoring_letter", "custody_report")]
    top_causes = [c for r in theirs for c in r["causes_of_concern"]]
    outcomes = [o for r in theirs for o in r.get("expected_outcomes", [])]
    sections += [s for r in theirs for s in r.get("summary_sections", [])]
    sections += [s for o in outcomes for s in o["sections"]] + [s for c in top_causes for s in c["findings"]]
    counts = {
        "pages": len(records),
        "pillars": len(headers),
        "questions": len(questions),
        "judgments": sum(map(_graded, headers + questions + areas)),
        "sections": len(sections),
        "areas_for_improvement": sum(_nodes(t["areas_for_improvement"]) for t in questions + areas)
        + sum(_nodes(group["items"]) for r in theirs for group in r.get("areas_for_improvement", [])),
        "causes_of_concern": sum(_nodes(q["causes_of_concern"]) for q in questions) + len(causes) + len(top_causes),
        "recommendations": sum(_nodes(t["recommendations"]) for t in questions + causes + top_causes),
        "section_list_items": sum(_nodes(content["items"]) for s in sections for content in s["lists"]),
        "warnings": sum(len(r["warnings"]) for r in records),
        "practices": sum(
            len(t.get(f"{k}_practice", [])) for t in questions + areas for k in ("promising", "innovative")
        ),
    }
    graded = [(_name(r), _round(r), h["pillar"], None) for r in records for h in _headers(r) if _graded(h)]
    graded += [
        (_name(r), _round(r), r["pillar"], q["text"]) for r in records for q in r.get("questions", []) if _graded(q)
    ]
    graded += [(_name(r), _round(r), a["area"], None) for r in records for a in r.get("areas", []) if _graded(a)]
    graded += [(("police", b["force"] or b["name"]), _round(r), "soc", None) for r, b in bodies if _graded(b)]
    counts["latest_judgments"] = len(set(graded))
    return counts


def _round(record: dict[str, Any]) -> str | None:
    """A graded thing's round: the page's year, else the one its kind has (police "2018" and "2018-19" never meet)."""
    return record["year"] or record.get("inferred_year")


def _name(record: dict[str, Any]) -> tuple[str, str | None]:
    return record["sector"], record.get("force", record.get("service"))


def _headers(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [record] if record["page_type"].endswith("_pillar") else record.get("pillars", [])


def test_csv_and_sqlite_rows_match_the_records(records_file: Path, tmp_path: Path) -> None:
    folder, database = tmp_path / "csv", tmp_path / "peel.db"
    result = runner.invoke(app, ["tables", str(records_file), "--csv", str(folder), "--sqlite", str(database)])
    assert result.exit_code == 0, result.stderr
    want = expected_counts(_records(records_file))
    assert want["pages"] == 216 and want["areas_for_improvement"] > 10 and want["judgments"] > 50
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


def test_the_docs_data_dictionary_is_the_described_one(update_goldens: bool) -> None:
    """docs/tables.md holds the data dictionary `tables --describe` prints (the README links to it)."""
    assert "tables --describe: begin" not in (ROOT / "README.md").read_text(encoding="utf-8")
    readme = ROOT / "docs" / "tables.md"
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- tables --describe: begin -->\n", "<!-- tables --describe: end -->"
    head, rest = text.split(begin, 1)
    body, tail = rest.split(end, 1)
    if update_goldens:
        readme.write_text(head + begin + describe_markdown() + end + tail, encoding="utf-8")
        body = describe_markdown()
    assert body == describe_markdown(), "run: pytest tests/test_tables.py --update-goldens"


def _database(records_file: Path, tmp_path: Path) -> sqlite3.Connection:
    database = tmp_path / "peel.db"
    result = runner.invoke(app, ["tables", str(records_file), "--sqlite", str(database)])
    assert result.exit_code == 0, result.stderr
    return sqlite3.connect(database)


def test_sections_keep_their_lists_in_text_and_as_rows(records_file: Path, tmp_path: Path) -> None:
    seed = "%/fixtures/staffordshire-2018-legitimacy/input.txt"
    with closing(_database(records_file, tmp_path)) as db:
        section = db.execute(
            """SELECT s.section_id, s.question_number, s.paragraphs, s.lists, s.text FROM sections s
               JOIN pages USING (page_id) WHERE path LIKE ? ORDER BY section_id LIMIT 1""",
            (seed,),
        ).fetchone()
        items = db.execute(
            """SELECT question_number, list_position, intro, position, parent_id, depth, text
               FROM section_list_items WHERE section_id = ? ORDER BY item_id""",
            (section[0],),
        ).fetchall()
    assert section[1:4] == (1, 9, 2)
    assert section[4].endswith(
        "refresher courses for officers where a performance issue has been identified.\n\n"
        "In our 2017 legitimacy report, we recommended that all forces should:\n"
        "- monitor and analyse comprehensive stop and search data to understand reasons for disparities;\n"
        "- take action on those; and\n"
        "- publish the analysis and the action by July 2018.\n\n"
        "These were:\n"
        "- the way the force records and scrutinises use of force;\n"
        "- how it promotes learning opportunities; and\n"
        "- making sure all frontline officers have a thorough understanding of how to use all coercive powers "
        "fairly and respectfully."
    )
    recommended, these_were = "In our 2017 legitimacy report, we recommended that all forces should:", "These were:"
    assert [row[:6] for row in items] == [
        (1, 1, recommended, 1, None, 0),
        (1, 1, recommended, 2, None, 0),
        (1, 1, recommended, 3, None, 0),
        (1, 2, these_were, 1, None, 0),
        (1, 2, these_were, 2, None, 0),
        (1, 2, these_were, 3, None, 0),
    ]
    assert items[3][6] == "the way the force records and scrutinises use of force;"


def test_pages_hold_summaries_observations_inspector_and_warnings(records_file: Path, tmp_path: Path) -> None:
    page = "%/fixtures/dev-gwent-2017-overview/input.txt"
    with closing(_database(records_file, tmp_path)) as db:
        row = db.execute(
            """SELECT page_id, sector, force, service, year, year_start, inspector, inspector_title, hmi_observations,
                      warnings, truncated, duplicate_of FROM pages WHERE path LIKE ?""",
            (page,),
        ).fetchone()
        summary = db.execute("SELECT summary FROM pages WHERE page_id = ?", (row[0],)).fetchone()[0]
        pillars = db.execute(
            "SELECT pillar, last_updated, summary IS NULL FROM pillars WHERE page_id = ? ORDER BY pillar_id", (row[0],)
        ).fetchall()
        warnings = db.execute(
            "SELECT page_id, force, year, position, code, message, line FROM warnings WHERE page_id = ?", (row[0],)
        ).fetchall()
    assert row[1:] == (
        "police", "Gwent", None, "2017", 2017, "Wendy Williams", "Her Majesty’s Inspector of Constabulary",
        "My overall assessment of Gwent’s performance will be published in spring 2018, following the publication "
        "of the effectiveness inspections in March 2018.",
        1, 1, None,
    )  # fmt: skip
    assert summary.startswith("This is HMICFRS’ fourth PEEL") and summary.count("\n\n") == 4
    assert pillars == [("effectiveness", None, 1), ("efficiency", "2017-11-09", 0), ("legitimacy", None, 1)]
    message = "the page stops mid-sentence (the rest of the page is missing)"
    assert warnings == [(row[0], "Gwent", "2017", 1, "truncated", message, 38)]


def _typed(value: str, column_type: str) -> object:
    """A CSV cell read with the data dictionary's type."""
    if value == "":
        return None
    return int(value) if column_type == "INTEGER" else value


def test_csv_and_sqlite_hold_the_same_values_of_the_same_types(records_file: Path, tmp_path: Path) -> None:
    folder, database = tmp_path / "csv", tmp_path / "peel.db"
    runner.invoke(app, ["tables", str(records_file), "--csv", str(folder), "--sqlite", str(database)])
    with closing(sqlite3.connect(database)) as db:
        for table in DICTIONARY.values():
            types = [c.type for c in table.columns]
            with open(folder / f"{table.name}.csv", encoding="utf-8", newline="") as handle:
                cells = list(csv.reader(handle))[1:]
            from_csv = [tuple(_typed(v, t) for v, t in zip(row, types, strict=True)) for row in cells]
            assert from_csv == db.execute(f"SELECT * FROM {table.name} ORDER BY rowid").fetchall(), table.name
            for column in table.columns:
                stored = {t for (t,) in db.execute(f"SELECT DISTINCT typeof({column.name}) FROM {table.name}")}
                assert stored <= {column.type.lower(), "null"}, (table.name, column.name, stored)
        # A fire and rescue report that names no round (year null) is of the one round its kind has; a SOC report
        # is of the year it was published in, and of none where it shows no date; a vetting report stating no year
        # (Kent's inspection 'Between 31 January and 11 February', no publication date) has none.
        query = "SELECT DISTINCT year, round, year_start FROM pages ORDER BY year_start, year"
        years = db.execute(query).fetchall()
    assert years == [(None, None, None), ("2014", "2014", 2014), ("2015", "2015", 2015), ("2016", "2016", 2016),
                     ("2017", "2017", 2017), ("2018", "2018-19", 2018), ("2018-19", "2018-19", 2018),
                     ("2021", "2021", 2021), ("2021-22", "2021-22", 2021), ("2022", "2022", 2022),
                     (None, "2023-25", 2023), ("2023", "2023", 2023), ("2023-25", "2023-25", 2023),
                     ("2024", "2024", 2024), ("2025", "2025", 2025)]  # fmt: skip


def test_tables_on_a_non_utf8_or_deeply_nested_file_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    for data, message in [
        (b'{"force": "Caf\xe9"}\n', "not UTF-8 text (byte 15 of the line)"),
        (b"[" * 100_000 + b"\n", "not a JSON record: it nests too deeply"),
    ]:
        bad.write_bytes(b"\n" + data)
        result = runner.invoke(app, ["tables", str(bad), "--csv", str(tmp_path / "out")])
        assert (result.exit_code, result.stderr) == (1, f"peel-extract: {bad}:2: {message}\n")


def _seed_with(**changes: Any) -> dict[str, Any]:
    record = json.loads((FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8"))
    for path, value in changes.items():
        *parents, last = path.split("__")
        target = record
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[int(last) if isinstance(target, list) else last] = value
    return record


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"truncated": "false"}, "peel_pillar.truncated: Input should be a valid boolean"),
        ({"questions__0__number": True}, "peel_pillar.questions.0.number: Input should be a valid integer"),
        ({"questions__0__truncated": 0}, "peel_pillar.questions.0.truncated: Input should be a valid boolean"),
        ({"last_updated": 1579564800}, "peel_pillar.last_updated: Input should be a valid date"),
        (
            {"questions__0__number": 10**30},
            "questions.0.number: a number too large for a table (at most 9223372036854775807)",
        ),
        ({"headline_question": "\ud800"}, "Invalid JSON: unexpected end of hex escape"),
    ],
    ids=["text-bool", "bool-number", "number-bool", "unix-time-date", "huge-number", "lone-surrogate"],
)
def test_tables_takes_only_records_of_the_right_types(tmp_path: Path, changes: dict[str, Any], problem: str) -> None:
    """A record the lax models would coerce is refused with one bad_records line, not tabled as its raw JSON."""
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(_seed_with()) + "\n" + json.dumps(_seed_with(**changes)) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["tables", str(records), "--csv", str(tmp_path / "csv"), "--sqlite", str(tmp_path / "db")]
    )
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"peel-extract: {records}:2: not a peel-extract record: {problem}")
    assert not (tmp_path / "db").exists() and not list((tmp_path / "csv").glob("*"))


def test_tables_takes_a_record_that_leaves_out_fields_with_defaults(tmp_path: Path) -> None:
    """Strict is not stricter than the models: a field with a default may be left out, and is tabled as its default."""
    record = _seed_with()
    del record["source"]["member"], record["questions"][1]["areas_for_improvement"][0]["items"]
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["tables", str(records), "--sqlite", str(tmp_path / "db")])
    assert result.exit_code == 0, result.stderr
    with closing(sqlite3.connect(tmp_path / "db")) as db:
        assert db.execute("SELECT member, truncated FROM pages").fetchall() == [(None, 0)]
        assert db.execute("SELECT count(*) FROM areas_for_improvement").fetchone() == (5,)


def test_a_failed_tables_run_leaves_earlier_outputs_as_they_were(records_file: Path, tmp_path: Path) -> None:
    folder, database = tmp_path / "csv", tmp_path / "peel.db"
    runner.invoke(app, ["tables", str(records_file), "--csv", str(folder), "--sqlite", str(database)])
    before = {p.name: p.read_bytes() for p in (*folder.iterdir(), database)}
    broken = tmp_path / "broken.jsonl"
    broken.write_text(records_file.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    for records in (broken, tmp_path / "missing.jsonl"):
        result = runner.invoke(app, ["tables", str(records), "--csv", str(folder), "--sqlite", str(database)])
        assert result.exit_code == 1 and result.stderr.count("\n") == 1
        assert {p.name: p.read_bytes() for p in (*folder.iterdir(), database)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jsonl", "csv", "peel.db"]


def test_spreadsheet_safe_defuses_formula_cells_in_csv_only(tmp_path: Path) -> None:
    record = json.loads((FIXTURES / "staffordshire-2018-legitimacy" / "expected.json").read_text(encoding="utf-8"))
    record["force"] = '=HYPERLINK("http://example.com","x")'
    record["questions"][0]["text"] = "+1 question"
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")

    def cells(*options: str) -> tuple[list[str], list[str]]:
        folder = tmp_path / "-".join(("csv", *options))
        args = ["tables", str(tmp_path / "r.jsonl"), "--csv", str(folder), "--sqlite", str(tmp_path / "x.db")]
        assert runner.invoke(app, [*args, *options]).exit_code == 0
        with open(folder / "questions.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return [rows[0]["force"], rows[0]["text"], rows[0]["number"]], [rows[1]["text"][:4]]

    assert cells() == (['=HYPERLINK("http://example.com","x")', "+1 question", "1"], ["How "])
    assert cells("--spreadsheet-safe") == (['\'=HYPERLINK("http://example.com","x")', "'+1 question", "1"], ["How "])
    with closing(sqlite3.connect(tmp_path / "x.db")) as db:
        assert db.execute("SELECT DISTINCT force FROM questions").fetchall() == [(record["force"],)]


def test_describe_prints_the_data_dictionary() -> None:
    result = runner.invoke(app, ["tables", "--describe"])
    assert (result.exit_code, result.stdout) == (0, describe_markdown())
    for table in DICTIONARY.values():
        assert f"#### `{table.name}`: one row per " in result.stdout
        assert all(f"| `{c.name}` | {c.type} | " in result.stdout and c.meaning for c in table.columns)
    assert runner.invoke(app, ["tables"]).exit_code == 2


def test_table_files_follow_the_umask(records_file: Path, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        runner.invoke(
            app, ["tables", str(records_file), "--csv", str(tmp_path / "csv"), "--sqlite", str(tmp_path / "x.db")]
        )
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [*(tmp_path / "csv").iterdir(), tmp_path / "x.db"]}
    assert modes == {0o640}


def test_tables_to_an_unwritable_place_names_the_output(records_file: Path, tmp_path: Path) -> None:
    afile, nowhere = tmp_path / "afile", tmp_path / "no" / "dir" / "x.db"
    afile.write_text("", encoding="utf-8")
    for option, target, problem in [
        ("--csv", afile, "cannot write: not a folder"),
        ("--sqlite", nowhere, "cannot write: no such folder"),
    ]:
        result = runner.invoke(app, ["tables", str(records_file), option, str(target)])
        assert (result.exit_code, result.stderr) == (
            2,
            f"peel-extract: {target}: {problem}\n",
        )  # refused before any work
