"""Issue 18, checked again as a new user and an analyst would, with inputs of their own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES

runner = CliRunner()
PAGE = FIXTURES / "dev-gwent-2016-overview" / "input.txt"


# --- item 10: `batch -o - | tables -` where the batch found no page: a warning and status 1, as batch gives ---


def test_tables_of_no_record_from_stdin_says_so_and_exits_1(tmp_path: Path) -> None:
    database = tmp_path / "peel.db"
    result = runner.invoke(app, ["tables", "-", "--sqlite", str(database), "-q"], input="")
    assert (result.exit_code, result.stderr) == (
        1,
        "peel-extract: <stdin>: holds no record: the tables written are empty\n",
    )


def test_tables_of_an_empty_records_file_says_so_and_records_still_table(tmp_path: Path) -> None:
    empty, records = tmp_path / "empty.jsonl", tmp_path / "records.jsonl"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["tables", str(empty), "--csv", str(tmp_path / "csv"), "-q"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"peel-extract: {empty}: holds no record: the tables written are empty\n",
    )
    assert runner.invoke(app, ["batch", str(PAGE), "-o", str(records), "-q"]).exit_code == 0
    result = runner.invoke(app, ["tables", str(records), "--csv", str(tmp_path / "csv"), "-q"])
    assert (result.exit_code, result.stderr) == (0, "")


# --- item 10: '-' is stdin for extract and tables; batch says it does not read stdin (it said "-: no such file") ---


def test_batch_of_stdin_is_a_usage_error_naming_extract(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", "-", "-o", str(out)], input=PAGE.read_text(encoding="utf-8"))
    assert (result.exit_code, result.stderr) == (
        2,
        "peel-extract: Invalid value: batch reads files, folders and archives, not stdin ('extract -' reads a page "
        "from it) (see 'peel-extract batch --help')\n",
    )
    assert not out.exists()


# --- output to a full disk is one line (the help, the version and the data dictionary were tracebacks) ---


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], [], ["--version"], ["tables", "--describe"], ["batch", "-h"]])
def test_help_version_and_describe_to_a_full_disk_are_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "peel_extract", *args], stdout=full, stderr=subprocess.PIPE, timeout=60
        )
    assert (done.returncode, done.stderr) == (1, b"peel-extract: <stdout>: cannot write: no space left on device\n")
