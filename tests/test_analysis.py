"""The analyst's start: the README's first commands as written, the grade grid, and the README's five queries."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peel_extract import PeelError, extract_file
from peel_extract.cli import app

from .conftest import FIXTURES, ROOT, pending_inputs

README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = "python3 -m venv .venv && . .venv/bin/activate && pip install ."
BATCH = "peel-extract batch fixtures -o records.jsonl --errors errors.jsonl --sqlite peel.db"
GRADES = "peel-extract grades peel.db"
runner = CliRunner()

GRID = """\
sector name              round   effectiveness        efficiency           legitimacy           people
police Avon and Somerset 2014    Ungraded             -                    -                    -
police Avon and Somerset 2016    To be graded         Good                 -                    -
police City of London    2016    -                    -                    Good                 -
police Cleveland         2017    Good                 Good                 Requires improvement -
police Cleveland         2018-19 Inadequate           Inadequate           Inadequate           -
police Cumbria           2016    Good                 Good                 Good                 -
police Cumbria           2018-19 Good                 Good                 Good                 -
police Dyfed-Powys       2015    Requires improvement -                    -                    -
police Dyfed-Powys       2018-19 Good                 -                    -                    -
police Gwent             2015    Good                 Good                 Good                 -
police Gwent             2016    Good                 Good                 Good                 -
police Gwent             2017    To be graded         Good                 Good                 -
police Gwent             2018-19 Good                 Good                 Requires improvement -
police Humberside        2014    -                    Good                 -                    -
police Humberside        2015    Requires improvement Inadequate           Good                 -
police Humberside        2016    Requires improvement Requires improvement Good                 -
police Lancashire        2017    -                    -                    Good                 -
police Lancashire        2018-19 -                    Outstanding          -                    -
police Mercia            2017    -                    -                    Requires improvement -
police Metropolitan      2018-19 -                    Good                 -                    -
police Midsomer          2014    Ungraded             Good                 Ungraded             -
police Midsomer          2015    Requires improvement Inadequate           Good                 -
police North Wales       2018-19 -                    Good                 -                    -
police Staffordshire     2017    -                    -                    Good                 -
police Staffordshire     2018-19 -                    -                    Good                 -
police West Midlands     2016    -                    -                    Good                 -
police West Midlands     2017    To be graded         Good                 Requires improvement -
fire   Barsetshire       2018-19 Requires improvement -                    -                    -
fire   Barsetshire       2021-22 Requires improvement Requires improvement -                    Requires improvement
fire   Cornwall          2021-22 Requires improvement -                    -                    -
fire   Essex             2018-19 -                    -                    -                    Requires improvement
fire   Essex             2021-22 -                    -                    -                    Requires improvement
fire   Shropshire        2018-19 Good                 Good                 -                    Good
fire   Shropshire        2021-22 -                    Good                 -                    -
fire   Surrey            2018-19 Requires improvement Inadequate           -                    -
fire   Surrey            2021-22 Requires improvement Requires improvement -                    Requires improvement
fire   Wessex            2018-19 Good                 Requires improvement -                    Good
fire   Wessex            2021-22 Requires improvement -                    -                    -
"""
NOTE = (
    "peel-extract: the 2021+ reports grade areas, not pillars: 80 area grades of 19 forces and services are not in "
    "this grid ('peel-extract grades peel.db --areas' lists them)\n"
)


def _start_commands() -> list[str]:
    """The indented lines of the README's first command block (under "## Start")."""
    start = README.split("\n## Start\n", 1)[1]
    block = re.search(r"\n\n((?:    .*\n)+)", start).group(1)  # type: ignore[union-attr]
    return [line[4:] for line in block.splitlines()]


def _run(install: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """The commands as a shell runs them pasted, with ``install`` in place of the install (this test's package is
    installed and on the PATH)."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    script = "\n".join(_start_commands()).replace(INSTALL, install, 1)
    return subprocess.run(["bash", "-c", script], cwd=folder, env={**os.environ, "PATH": path},
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip


@pytest.fixture(scope="module")
def start(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, subprocess.CompletedProcess[str]]]:
    """The README's first commands, run as written (less the install: this test's package is installed)."""
    folder = tmp_path_factory.mktemp("start")
    shutil.copytree(FIXTURES, folder / "fixtures")
    yield folder, _run("true", folder)


def _refused(page: Path) -> bool:
    try:
        extract_file(page)
    except PeelError:
        return True
    return False


def test_the_readme_first_commands_print_the_grade_grid(start: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    """Every page of fixtures/ converts: the batch logs no error (it would log the pages with an error golden, and
    any pending page of a kind not converted yet that the tool refuses)."""
    folder, done = start
    assert _start_commands() == [INSTALL + " &&", BATCH + " &&", GRADES]
    assert (done.returncode, done.stdout) == (0, GRID), done.stderr
    errors = [g for g in FIXTURES.glob("*/expected.json") if "error" in json.loads(g.read_text(encoding="utf-8"))]
    not_converted = len(errors) + sum(_refused(ROOT / page) for page in pending_inputs())
    assert len((folder / "errors.jsonl").read_text(encoding="utf-8").splitlines()) == not_converted == 0
    assert done.stderr.endswith(NOTE)
    shown = README.split("It begins\n\n```\n", 1)[1].split("```", 1)[0]
    assert shown == "".join(GRID.splitlines(keepends=True)[:6])
    assert sorted(p.name for p in folder.iterdir()) == ["errors.jsonl", "fixtures", "peel.db", "records.jsonl"]


def test_the_readme_first_commands_stop_when_the_install_fails(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "dev-gwent-2016-overview", tmp_path / "fixtures" / "gwent")
    done = _run("false", tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fixtures"]  # no 0-byte database, nothing written


def test_the_readme_first_commands_stop_when_the_batch_fails(tmp_path: Path) -> None:
    """A page the batch cannot convert makes its status 1, and the grid is not printed after it."""
    shutil.copytree(FIXTURES / "dev-gwent-2016-overview", tmp_path / "fixtures" / "gwent")
    (tmp_path / "fixtures" / "note.txt").write_text("Not an inspection page at all.\n", encoding="utf-8")
    done = _run("true", tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert len((tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run takes the README's first indented line that runs pytest: the test command, nothing before it."""
    indented = [line[4:] for line in README.splitlines() if line.startswith("    ")]
    first = next(i for i, line in enumerate(indented) if "pytest" in line)
    assert indented[first].startswith("python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && ")
    assert indented[first].endswith(" && pytest") and first == len(_start_commands())


def _queries() -> list[str]:
    block = README.split("<!-- five questions: begin -->", 1)[1].split("<!-- five questions: end -->", 1)[0]
    return re.findall(r"```sql\n(.*?)```", block, re.DOTALL)


def _short(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row with each text cut to its first 31 characters."""
    return tuple(v[:31] if isinstance(v, str) else v for v in row)


CAUSES = [
    ("2023-25", "Responding to the public", "The force does not answer enough non-emergency calls quickly, and too "
     "many callers give up before they are answered."),
    ("2023-25", "Developing a positive workplace", "The force does not know how well its staff are, because it has "
     "not surveyed them for three years."),
    ("2023-25", "Developing a positive workplace", "Too few supervisors have been trained to support staff who have "
     "dealt with traumatic incidents."),
]  # fmt: skip
FIRE_CHANGE = [
    ("Barsetshire", "effectiveness", "Requires improvement", "Requires improvement", 0),
    ("Essex", "people", "Requires improvement", "Requires improvement", 0),
    ("Shropshire", "efficiency", "Good", "Good", 0),
    ("Surrey", "effectiveness", "Requires improvement", "Requires improvement", 0),
    ("Surrey", "efficiency", "Inadequate", "Requires improvement", 1),
    ("Wessex", "effectiveness", "Good", "Requires improvement", -1),
]
# Each text cut to its first 31 characters (`_short`).
_LOAM, _AUDIT = "The force does not always super", "The service is not auditing the"
_REGION, _LINES = "The region doesn’t have enough ", "Melchester Police doesn’t under"  # a SOC report's
_CALLS, _STAFF, _TRAUMA = (
    "The force does not answer enoug",
    "The force does not know how wel",
    "Too few supervisors have been t",
)
# The causes of concern of the custody reports and letters (each a kind of its own, no grades), and their
# recommendations: a letter's bullets carry their deadlines in a column of their own (not in these texts).
_FORCE, _HARM, _CELLS = (
    "The force’s oversight of the us",
    "Detainees at risk of self-harm ",
    "Several cells in the Budmouth s",
)
_ANSWER, _ASSESS, _IMPROVE = (
    "The force doesn’t answer enough",
    "The force doesn’t always assess",
    "The force needs to improve how ",
)
# The causes of concern of reports of forces outside the Home Office set (their recommendations under the lead line
# giving their deadline, as a Home Office report's) and of a vetting report (each recommendation with its deadline).
_BOATS, _VIOLENT, _MONITOR = (
    "The force doesn’t always identi",
    "The service doesn’t record enou",
    "The force doesn’t monitor enoug",
)
_ON_BOATS = ("Within six months, the force sh", "train its officers to identify ", "agree with councils how it refe")
_RECORDING = ("Within six months, the service ", "make sure its officers understa", "audit the crimes it records eac")
_MONITORING = ("make sure it can monitor the us", "make sure its counter-corruptio")
_ANSWERING = ("make sure call handlers assess ", "review all calls waiting for a ", "tell callers when they can expe",
              "make sure it has enough call ha", "make sure it answers non-emerge")  # fmt: skip
_ASSESSING = ("make sure it completes a risk a", "make sure supervisors review th", "make sure it applies for domest")
_IMPROVING = ("review how it manages crimes an", "review all crimes which appear ", "review all crimes where victims",
              "allocate those crimes for inves")  # fmt: skip
RECOMMENDATIONS = [
    ("fire", "Barsetshire", "2018-19", None, "By 30 June 2019, the service sh"),
    ("fire", "Barsetshire", "2018-19", None, "review its operating model to e"),
    ("fire", "Barsetshire", "2018-19", None, "ensure its fire engines are ava"),
    ("police", "Loamshire", "2023-25", _LOAM, "Within six months, the force sh"),
    ("police", "Loamshire", "2023-25", _LOAM, "make sure supervisors review in"),
    ("police", "Loamshire", "2023-25", _LOAM, "make sure victims are updated."),
    ("police", "Mercia", "2017", None, "The force should immediately en"),
    ("police", "Mercia", "2017", None, "Within six months, the force sh"),
    ("police", "Anglebury", "2022", _FORCE, "The force should make sure it c"),
    ("police", "Anglebury", "2022", _HARM, "The force and the police and cr"),
    ("police", "Budmouth", "2024", _CELLS, "The constabulary and the police"),
    *[("police", "Exonbury", "2023", _ANSWER, text) for text in _ANSWERING],
    *[("police", "Exonbury", "2023", _ASSESS, text) for text in _ASSESSING],
    *[("police", "Nottinghamshire", "2025", _IMPROVE, text) for text in _IMPROVING],
    *[("police", "Mercian Waterways Police", "2022", _BOATS, text) for text in _ON_BOATS],
    *[("police", "Police Service of Lyonesse", "2024", _VIOLENT, text) for text in _RECORDING],
    ("police", None, "2024", _REGION, "agree how many financial invest"),
    ("police", None, "2024", _REGION, "make sure each force and the RO"),
    ("police", "Melchester", "2024", _LINES, "update its serious and organise"),
    ("police", "Melchester", "2024", _LINES, "make sure it identifies and saf"),
    *[("police", "Barsetshire", "2023", _MONITOR, text) for text in _MONITORING],
    ("fire", "Borsetshire", "2023-25", _AUDIT, "By 31 March, the service should"),
    ("fire", "Borsetshire", "2023-25", _AUDIT, "audit every high-risk premises "),
    ("fire", "Borsetshire", "2023-25", _AUDIT, "make sure it has enough qualifi"),
    ("police", "Borsetshire", "2023-25", _CALLS, "Within six months, Borsetshire "),
    ("police", "Borsetshire", "2023-25", _CALLS, "make sure it has enough call ha"),
    ("police", "Borsetshire", "2023-25", _CALLS, "tell callers how long they can "),
    ("police", "Borsetshire", "2023-25", _STAFF, "By the end of the year, the for"),
    ("police", "Borsetshire", "2023-25", _TRAUMA, "By the end of the year, Borsets"),
    ("police", "Borsetshire", "2023-25", _TRAUMA, "train every supervisor in traum"),
    ("police", "Borsetshire", "2023-25", _TRAUMA, "review how it refers staff for "),
    ("fire", "Wessex", "2021-22", None, "By 31 March 2023, the service s"),
    ("fire", "Wessex", "2021-22", None, "make sure its home fire safety "),
    ("fire", "Wessex", "2021-22", None, "evaluate its prevention work, s"),
    ("fire", "Wessex", "2021-22", None, "with its partners; and"),
    ("fire", "Wessex", "2021-22", None, "in its own teams."),
]
AREAS_FOR_IMPROVEMENT = [
    ("police", None, "2024", 1),  # a SOC report's regional findings
    ("police", "Anglebury", "2022", 12),
    ("police", "Barsetshire", "2023", 3),
    ("police", "Borsetshire", "2023-25", 3),
    ("police", "Budmouth", "2024", 7),
    ("police", "Casterbridge", "2024", 2),
    ("police", "Christminster", "2021", 3),
    ("police", "Dyfed-Powys", "2016", 2),
    ("police", "Dyfed-Powys", "2017", 1),
    ("police", "Dyfed-Powys", "2018-19", 4),
    ("police", "Loamshire", "2023-25", 2),
    ("police", "Mercia", "2017", 5),
    ("police", "Mercian Waterways Police", "2022", 3),
    ("police", "Metropolitan", "2018-19", 1),
    ("police", "North Wales", "2017", 1),
    ("police", "North Wales", "2018-19", 2),
    ("police", "Police Service of Lyonesse", "2024", 2),
    ("police", "Sandbourne", "2024", 1),
    ("police", "Staffordshire", "2018-19", 3),
    ("police", "Wessex", "2023", 3),
    ("police", "Wessex Regional Organised Crime Unit", "2024", 1),
    ("fire", "Barsetshire", "2018-19", 7),
    ("fire", "Borsetshire", "2023-25", 4),
    ("fire", "Shropshire", "2021-22", 1),
    ("fire", "Wessex", "2021-22", 2),
]


def test_the_readme_five_questions(start: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    """Each of the README's five queries, on the database of its first commands: the exact answer."""
    inadequate, causes, fire_change, recommendations, areas = _queries()
    with closing(sqlite3.connect(start[0] / "peel.db")) as db:
        assert db.execute(inadequate).fetchall() == [("Cleveland",)]
        assert db.execute(causes).fetchall() == CAUSES
        assert db.execute(fire_change).fetchall() == FIRE_CHANGE
        assert [_short(row) for row in db.execute(recommendations)] == RECOMMENDATIONS
        assert db.execute(areas).fetchall() == AREAS_FOR_IMPROVEMENT
        # Done naively, on every version and markup of every page, the counts are several times too large.
        naive = (
            "SELECT count(*) FROM areas_for_improvement WHERE depth = 0 AND sector = 'fire' AND name = 'Barsetshire'"
        )
        assert db.execute(naive).fetchone() == (21,)


def test_grades_as_csv_and_json_hold_the_grid(start: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    database = str(start[0] / "peel.db")
    as_csv = runner.invoke(app, ["grades", database, "--format", "csv"])
    as_json = runner.invoke(app, ["grades", database, "-f", "json"])
    assert as_csv.exit_code == as_json.exit_code == 0
    rows = [line.split() for line in GRID.splitlines()]
    assert as_csv.stdout.splitlines()[0] == ",".join(rows[0])
    assert as_csv.stdout.splitlines()[5] == "police,Cleveland,2018-19,Inadequate,Inadequate,Inadequate,"
    objects = json.loads(as_json.stdout)
    assert len(objects) == len(rows) - 1 == len(as_csv.stdout.splitlines()) - 1
    assert objects[4] == {"sector": "police", "name": "Cleveland", "round": "2018-19", "effectiveness": "Inadequate",
                          "efficiency": "Inadequate", "legitimacy": "Inadequate", "people": None}  # fmt: skip


def test_grades_areas_lists_each_report_area_grade(start: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    database = start[0] / "peel.db"
    result = runner.invoke(app, ["grades", str(database), "--areas", "--format", "csv"])
    assert (result.exit_code, result.stderr) == (0, "")
    lines = list(csv.reader(io.StringIO(result.stdout)))
    assert lines[0] == ["sector", "name", "round", "area", "grade"]
    assert lines[1] == [
        "police",
        "Barsetshire",
        "2023",
        "Vetting, IT monitoring and counter-corruption",
        "Requires improvement",
    ]
    with closing(sqlite3.connect(database)) as db:
        # A report's areas, and a SOC report's grades of its forces and unit.
        areas = """SELECT sector, name, round, area, grade FROM latest_judgments
                   WHERE level NOT IN ('pillar', 'question')"""
        assert sorted(lines[1:]) == sorted([v or "" for v in row] for row in db.execute(areas))
    assert len(lines) == 81


def test_grades_on_a_missing_or_foreign_file_is_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE t (a)")
    text = tmp_path / "records.jsonl"
    text.write_text("{}\n", encoding="utf-8")
    for path, problem in [
        (tmp_path / "none.db", "no such file"),
        (text, "not an SQLite database of peel-extract's tables (file is not a database)"),
        (other, "not a peel-extract database (no such table: latest_judgments): make one with "
                "'peel-extract tables RECORDS --sqlite FILE'"),
    ]:  # fmt: skip
        result = runner.invoke(app, ["grades", str(path)])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"peel-extract: {path}: {problem}\n")


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="not a git checkout")
def test_the_readme_outputs_are_ignored_and_none_is_committed() -> None:
    """Every file the README's commands write at the top of a checkout is ignored; no output is in git."""
    outputs = ["records.jsonl", "errors.jsonl", "peel.db", "grades.html", "csv/pages.csv", ".peel.db.0a1b2c.tmp",
               "peel.db-journal", ".venv/bin/python"]  # fmt: skip
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *outputs], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == outputs
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert [f for f in tracked if f.endswith((".db", ".jsonl")) and not f.startswith("tests/")] == []


def test_grades_quiet_and_a_refused_output(start: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    database = start[0] / "peel.db"
    quiet = runner.invoke(app, ["grades", str(database), "-q"])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, GRID, "")
    refused = runner.invoke(app, ["grades", str(database), "-o", str(database)])
    assert refused.exit_code == 2 and refused.stderr.startswith(f"peel-extract: {database}: ")
    assert refused.stderr.count("\n") == 1 and database.stat().st_size > 100_000
