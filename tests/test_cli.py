"""The command line: output, options, and one clear stderr line for every failure."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "staffordshire-2018-legitimacy" / "input.txt"
runner = CliRunner()


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_one_json_record() -> None:
    code, out, err = _run("extract", str(SEED))
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    record = json.loads(out)
    assert (record["force"], record["year"], record["pillar"]) == ("Staffordshire", "2018", "legitimacy")
    assert record["source"]["path"] == str(SEED)


def test_pretty_indents_and_keeps_typographic_characters() -> None:
    code, out, _ = _run("extract", str(SEED), "--pretty")
    assert code == 0
    assert out.startswith('{\n  "schema_version": "3.0",\n  "page_type": "peel_pillar",\n')
    assert "Staffordshire Police’s leaders" in out


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    code, out, _ = _run("extract", str(SEED), "-o", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["judgment"] == "Good"
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"]


def test_stdin_and_gzip(tmp_path: Path) -> None:
    packed = gzip.compress(SEED.read_bytes())
    code, out, _ = _run("extract", "-", stdin=packed)
    assert code == 0
    record = json.loads(out)
    assert record["source"]["path"] == "<stdin>"
    assert record["questions"][1]["number"] == 2


def _page(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


FAILURES = [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t\n", "the file holds only white space"),
    ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "this is a PNG image"),
    ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document"),
    ("binary.txt", bytes(range(32)) * 50, "the bytes look binary"),
    ("recipe.html", b"<html><body><h1>Lemon cake</h1><p>Mix and bake.</p></body></html>", "not an HMICFRS PEEL page"),
    ("broken.gz", b"\x1f\x8b\x08\x00garbage", "broken gzip data"),
    (
        "fire-programme.txt",
        b"Fire and rescue services\n\nOur inspection programme of fire and rescue services for 2025.\n",
        "unsupported page type: recognised a fire and rescue service page that is not a pillar or overview page",
    ),
    (
        "peel-news.txt",
        b"News\n\nHMICFRS publishes its PEEL 2023 findings for every force in England and Wales.\n",
        "unsupported page type: recognised an HMICFRS page that is not a PEEL assessment page",
    ),
    (
        "methodology.txt",
        b"How we inspect\n\nHMICFRS independently assesses the effectiveness and efficiency of police forces.\n",
        "unsupported page type: recognised an HMICFRS page that is not a PEEL assessment page",
    ),
    (
        "news.txt",
        b"News\n\nHMICFRS publishes its annual assessment of policing\n",
        "unsupported page type: recognised an HMICFRS page that is not a PEEL assessment page",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), FAILURES, ids=[f[0] for f in FAILURES])
def test_failures_are_one_clear_line(tmp_path: Path, name: str, data: bytes | None, message: str) -> None:
    page = tmp_path / name if data is None else _page(tmp_path, name, data)
    target = tmp_path / "out.json"
    code, out, err = _run("extract", str(page), "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"peel-extract: {page}: {message}" + err.split(message, 1)[1]
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not target.exists()


def test_directory_is_not_a_page(tmp_path: Path) -> None:
    code, _, err = _run("extract", str(tmp_path))
    assert code == 1
    assert err == f"peel-extract: {tmp_path}: is a directory, not a page (use 'batch' for folders)\n"


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _run("extract", str(SEED), "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 1
    assert err.startswith(f"peel-extract: {tmp_path / 'no' / 'such' / 'dir.json'}: cannot write: ")


def test_usage_error_exits_2() -> None:
    code, _, _ = _run("extract")
    assert code == 2


def test_schema_is_pinned(update_goldens: bool) -> None:
    golden = Path(__file__).parent / "goldens" / "schema.json"
    code, out, _ = _run("schema")
    assert code == 0
    if update_goldens:
        golden.write_text(out, encoding="utf-8")
    assert json.loads(out) == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("command", ["extract", "schema"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = _run(command, "--help")
    assert code == 0
    assert "Usage:" in out and len(out.splitlines()) > 3


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "peel_extract", "extract", str(SEED)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["headline_question"].startswith("How legitimately")
