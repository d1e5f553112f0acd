"""The command line: output, options, and one clear stderr line for every failure."""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import subprocess
import sys
import threading
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


def test_unwritable_output_is_refused_before_any_work(tmp_path: Path) -> None:
    code, _, err = _run("extract", str(SEED), "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert (code, err) == (2, f"peel-extract: {tmp_path / 'no' / 'such' / 'dir.json'}: cannot write: no such folder\n")


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


# --- item 2: a full disk is one clear line ---


FULL = "{full}"  # a symlink to /dev/full: code that replaces its output file (the bug) replaces only the link


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["extract", str(SEED)], "<stdout>"),
        (["schema"], "<stdout>"),
        (["batch", str(SEED), "-o", "-", "-q"], "<stdout>"),
        (["extract", str(SEED), "-o", FULL], FULL),
        (["batch", str(SEED), "-o", FULL, "-q"], FULL),
    ],
    ids=["extract", "schema", "batch", "extract -o", "batch -o"],
)
def test_a_full_disk_is_one_clear_line(tmp_path: Path, args: list[str], where: str) -> None:
    full = tmp_path / "full"
    full.symlink_to("/dev/full")
    with open(full, "wb") as stdout:
        command = [sys.executable, "-m", "peel_extract", *(a.replace(FULL, str(full)) for a in args)]
        done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    assert (done.returncode, done.stderr.decode()) == (
        1,
        f"peel-extract: {where.replace(FULL, str(full))}: cannot write: no space left on device\n",
    )
    assert full.is_symlink()


# --- item 17: outputs follow the umask (or keep the mode of the file they replace); links and pipes ---


def test_output_files_follow_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.json"
    kept.write_text("{}")
    kept.chmod(0o600)
    old = os.umask(0o027)
    try:
        for args in (
            ["extract", str(SEED), "-o", str(tmp_path / "record.json")],
            ["extract", str(SEED), "-o", str(kept)],
            ["schema", "-o", str(tmp_path / "schema.json")],
            ["batch", str(SEED), "-o", str(tmp_path / "out.jsonl"), "--errors", str(tmp_path / "errors.jsonl"), "-q"],
            ["batch", str(SEED), "-o", "-", "--sqlite", str(tmp_path / "peel.db"), "-q"],
        ):
            assert runner.invoke(app, args).exit_code == 0
    finally:
        os.umask(old)
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    assert modes == {
        "record.json": 0o640,
        "kept.json": 0o600,
        "schema.json": 0o640,
        "out.jsonl": 0o640,
        "errors.jsonl": 0o640,
        "peel.db": 0o640,
    }


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("old")
    link.symlink_to(target)
    assert _run("extract", str(SEED), "-o", str(link))[0] == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["force"] == "Staffordshire"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "target.json"]


def test_output_into_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(reader, True)
    chunks: list[bytes] = []

    def drain() -> None:  # the schema is larger than a pipe's buffer: read while it is written
        while chunk := os.read(reader, 1 << 16):
            chunks.append(chunk)

    keep = os.open(fifo, os.O_WRONLY)  # a writer stays open until the command has run, so no early EOF
    thread = threading.Thread(target=drain)
    thread.start()
    try:
        assert _run("schema", "-o", str(fifo))[0] == 0
    finally:
        os.close(keep)
        thread.join(timeout=30)
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(b"".join(chunks)) == json.loads(_run("schema")[1])


# --- item 21: --version, one-line usage errors, help without type placeholders, failed pages named ---


def test_version() -> None:
    from peel_extract import __version__

    assert _run("--version") == (0, f"peel-extract {__version__}\n", "")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["extract", str(SEED), "--prety"],
            "No such option: --prety (Possible options: --pretty) (see 'peel-extract extract --help')",
        ),
        (["batch", str(SEED)], "Missing option '--output' / '-o'. (see 'peel-extract batch --help')"),
        (["extract"], "Missing argument 'PAGE'. (see 'peel-extract extract --help')"),
    ],
    ids=["unknown option", "missing option", "missing argument"],
)
def test_usage_errors_are_one_plain_line(args: list[str], line: str) -> None:
    assert _run(*args) == (2, "", f"peel-extract: {line}\n")


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["batch"], ["tables"], ["schema"]], ids=lambda c: c[0] if c else "-"
)
def test_help_shows_no_type_placeholders(command: list[str]) -> None:
    code, out, _ = _run(*command, "--help")
    assert code == 0
    assert not re.search(r"<(bool|str|int|float|list)\b", out), out
    if command != ["tables"]:
        assert "<" not in out, out


def test_batch_names_the_first_failed_pages_without_an_error_log(tmp_path: Path) -> None:
    pages = [_page(tmp_path, f"blank-{n}.txt", b" " * (n + 1)) for n in range(7)]
    code, _, err = _run("batch", str(SEED), *map(str, pages), "-o", str(tmp_path / "out.jsonl"), "-q")
    assert code == 1
    assert err == "".join(f"peel-extract: {page}: the file holds only white space\n" for page in pages[:5]) + (
        "peel-extract: ... and 2 more failed (--errors FILE logs every one)\n"
    )


# --- issue 17 item 2 and issue 18 item 10: no command overwrites its input; a refused output is exit 2 ---


def _database(tmp_path: Path) -> Path:
    database = tmp_path / "peel.db"
    assert _run("batch", str(SEED), "-o", str(tmp_path / "recs.jsonl"), "--sqlite", str(database), "-q")[0] == 0
    return database


@pytest.mark.parametrize("command", ["extract", "extract through a link", "report", "tables", "tables --csv"])
def test_no_command_overwrites_its_input(tmp_path: Path, command: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes())
    link = tmp_path / "link-to-page.txt"
    link.symlink_to(page)
    database, records = _database(tmp_path), tmp_path / "recs.jsonl"
    args, target, option = {
        "extract": (["extract", str(page), "-o", str(page)], page, "--output"),
        "extract through a link": (["extract", str(page), "-o", str(link)], link, "--output"),
        "report": (["report", str(database), "-o", str(database)], database, "--output"),
        "tables": (["tables", str(records), "--sqlite", str(records)], records, "--sqlite"),
        "tables --csv": (["tables", str(tmp_path / "pages.csv"), "--csv", str(tmp_path)], None, ""),
    }[command]
    if target is None:  # a records file named like a table file the CSV folder is given
        target, option = records.rename(tmp_path / "pages.csv"), "--csv"
    before = {p: p.read_bytes() for p in (page, database, target)}
    code, out, err = _run(*args)
    assert (code, out, err) == (
        2,
        "",
        f"peel-extract: {target}: named as {option} and as an input: refusing to overwrite it\n",
    )
    assert {p: p.read_bytes() for p in before} == before


# --- issue 17 item 10: a size limit of inf (or past a terabyte) is a usage error, not a traceback ---


@pytest.mark.parametrize(
    ("command", "option", "value"),
    [
        ("extract", "--max-page-mb", "inf"),
        ("extract", "--max-page-mb", "1e308"),
        ("batch", "--max-page-mb", "inf"),
        ("batch", "--max-member-mb", "inf"),
        ("batch", "--max-member-mb", "1e308"),
    ],
)
def test_a_size_limit_past_a_terabyte_is_a_usage_error(command: str, option: str, value: str) -> None:
    args = [command, str(SEED), option, value, *(["-o", "-"] if command == "batch" else [])]
    shown = "1e+308" if value == "1e308" else value
    assert _run(*args) == (
        2,
        "",
        f"peel-extract: Invalid value for '{option}': at most 1048576 (1 TB), not {shown} "
        f"(see 'peel-extract {command} --help')\n",
    )


def test_the_largest_size_limit_reads_a_page_without_setting_aside_its_size() -> None:
    code, out, _ = _run("extract", str(SEED), "--max-page-mb", "1048576")
    assert code == 0 and json.loads(out)["force"] == "Staffordshire"


# --- issue 17 item 22: tables names the output that cannot be written ---


@pytest.mark.parametrize("option", ["--csv", "--sqlite"])
@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_tables_names_the_output_it_cannot_write(tmp_path: Path, option: str, kind: str) -> None:
    records = tmp_path / "recs.jsonl"
    assert _run("batch", str(SEED), "-o", str(records), "-q")[0] == 0
    target = tmp_path / "target"
    target.mkdir() if kind == "folder" else os.mkfifo(target)
    if (option, kind) == ("--csv", "folder"):
        assert _run("tables", str(records), option, str(target))[0] == 0
        return
    if (option, kind) == ("--sqlite", "folder"):  # a usage error (typer's own check), naming the folder
        said = f"Invalid value for '--sqlite': file '{target}' is a directory. (see 'peel-extract tables --help')"
    else:
        said = f"{target}: cannot write: " + ("not a folder" if option == "--csv" else "not a regular file")
    assert _run("tables", str(records), option, str(target)) == (2, "", f"peel-extract: {said}\n")


# --- issue 18 item 10: the command line a user expects ---


def test_dash_h_is_help() -> None:
    for args in (["-h"], ["extract", "-h"], ["batch", "-h"], ["tables", "-h"], ["report", "-h"], ["schema", "-h"]):
        code, out, _ = _run(*args)
        assert code == 0 and out == _run(*args[:-1], "--help")[1] and out.startswith("Usage: ")


def test_no_command_shows_the_help() -> None:
    code, out, err = _run()
    assert (code, err) == (0, "") and out == _run("--help")[1]
    assert "Commands:" in out and "--install-completion" in out


def test_shell_completion_can_be_shown_and_completes_commands() -> None:
    run = [sys.executable, "-c", "from peel_extract.cli import main; main()"]  # as the console script runs
    shown = subprocess.run([*run, "--show-completion", "bash"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "_PEEL_EXTRACT_COMPLETE=complete_bash" in shown.stdout
    asked = {"_PEEL_EXTRACT_COMPLETE": "complete_bash", "COMP_WORDS": "peel-extract ba", "COMP_CWORD": "1"}
    done = subprocess.run(run, env={**os.environ, **asked}, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["batch"]


@pytest.mark.parametrize("command", [["extract", str(SEED)], ["schema"], ["tables", "--describe"]])
def test_quiet_is_on_every_command(command: list[str]) -> None:
    assert _run(*command, "-q")[0] == 0
    assert _run(*command, "--quiet")[0] == 0


def test_quiet_tables_say_nothing(tmp_path: Path) -> None:
    records, database = tmp_path / "recs.jsonl", tmp_path / "peel.db"
    assert _run("batch", str(SEED), "-o", str(records), "-q")[0] == 0
    assert _run("tables", str(records), "--sqlite", str(database), "-q") == (0, "", "")
    assert _run("report", str(database), "-o", str(tmp_path / "grades.html"), "-q") == (0, "", "")


def test_verbose_prints_each_pages_warnings(tmp_path: Path) -> None:
    page = FIXTURES / "dev-gwent-2016-overview" / "input.txt"
    code, out, err = _run("extract", str(page), "-v")
    warnings = json.loads(out)["warnings"]
    assert code == 0 and warnings
    where = [f"{page}" if w["line"] is None else f"{page}:{w['line']}" for w in warnings]
    expected = [
        f"peel-extract: {at}: warning: {w['message']} ({w['code']})" for at, w in zip(where, warnings, strict=True)
    ]
    assert err.splitlines() == expected
    code, _, err = _run("batch", str(SEED), str(page), "-o", str(tmp_path / "out.jsonl"), "--verbose", "-q")
    assert code == 0 and err.splitlines() == expected  # the seed page has none
    assert _run("extract", str(page))[2] == ""


def test_tables_reads_records_from_stdin(tmp_path: Path) -> None:
    records = subprocess.run(
        [sys.executable, "-m", "peel_extract", "batch", str(SEED), "-o", "-", "-q"], capture_output=True, cwd=ROOT
    ).stdout
    database = tmp_path / "peel.db"
    code, _, err = _run("tables", "-", "--sqlite", str(database), stdin=records)
    assert code == 0 and err.startswith("peel-extract: 1 pages, ")
    bad = _run("tables", "-", "--sqlite", str(database), stdin=b"{}\n")
    assert bad[0] == 1 and bad[2].startswith("peel-extract: <stdin>:1: not a peel-extract record: ")


def test_extract_of_several_pages_writes_json_lines(tmp_path: Path) -> None:
    overview, blank = FIXTURES / "dev-gwent-2016-overview" / "input.txt", _page(tmp_path, "blank.txt", b" ")
    code, out, err = _run("extract", str(SEED), str(blank), str(overview))
    assert (code, err) == (1, f"peel-extract: {blank}: the file holds only white space\n")
    assert [json.loads(line)["source"]["path"] for line in out.splitlines()] == [str(SEED), str(overview)]
    target = tmp_path / "records.jsonl"
    assert _run("extract", str(SEED), str(overview), "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == out
    assert _run("extract", str(SEED), str(overview), "--pretty")[0] == 2


@pytest.mark.parametrize(
    "command",
    [
        ["extract", str(SEED), "-o"],
        ["batch", str(SEED), "-o"],
        ["batch", str(SEED), "-o", "-", "--errors"],
        ["batch", str(SEED), "-o", "-", "--sqlite"],
        ["tables", "RECORDS", "--sqlite"],
        ["tables", "RECORDS", "--csv"],
        ["report", "DATABASE", "-o"],
        ["schema", "-o"],
    ],
    ids=lambda c: " ".join(c[:1] + c[2:]).replace(str(SEED), "PAGE"),
)
def test_a_refused_output_is_exit_2_and_one_line_in_every_command(tmp_path: Path, command: list[str]) -> None:
    database = _database(tmp_path)
    nowhere = tmp_path / "no" / "such" / "place"
    args = [a.replace("RECORDS", str(tmp_path / "recs.jsonl")).replace("DATABASE", str(database)) for a in command]
    if command[-1] == "--csv":  # a folder below a file cannot be made
        nowhere = tmp_path / "recs.jsonl" / "csv"
        problem = f"cannot write: {tmp_path / 'recs.jsonl'} is not a folder"
    else:
        problem = "cannot write: no such folder"
    assert _run(*args, str(nowhere)) == (2, "", f"peel-extract: {nowhere}: {problem}\n")
