"""Batch failures: every one is one clear stderr line with its exit status, and no page is lost.

Outputs that cannot be written, outputs in two roles, a second run on the same output, a killed
worker or parent, a resumed run's error log, outputs inside the folder being read.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peel_extract.batch import outcome as outcome_module
from peel_extract.cli import app
from peel_extract.errors import OutputError, WorkerDied
from peel_extract.write.jsonl import JsonlSink

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "staffordshire-2018-legitimacy" / "input.txt"
OVERVIEW = FIXTURES / "dev-gwent-2016-overview" / "input.txt"
runner = CliRunner()


def _batch(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", *map(str, args)])
    return result.exit_code, result.stderr


def _run_tables(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["tables", *map(str, args)])
    return result.exit_code, result.stderr


def _pages(folder: Path, count: int, *, killer: int | None = None) -> list[Path]:
    """``count`` pages with distinct bytes (the same record); page ``killer``'s name ends in killer.txt."""
    folder.mkdir(exist_ok=True)
    text = SEED.read_bytes()
    pages = []
    for index in range(count):
        name = f"page-{index:04d}-killer.txt" if index == killer else f"page-{index:04d}.txt"
        (folder / name).write_bytes(text + b"\n" * index)
        pages.append(folder / name)
    return pages


# --- item 1: an output that cannot be written is refused before any work (exit 2) ---


@pytest.mark.parametrize("role", ["--output", "--errors", "--sqlite"])
def test_an_unwritable_output_is_refused_before_any_work(tmp_path: Path, role: str) -> None:
    out, errors, database = tmp_path / "out.jsonl", tmp_path / "errors.jsonl", tmp_path / "peel.db"
    for earlier in (out, errors, database):
        earlier.write_text("an earlier run's output\n")
    missing = tmp_path / "no" / "such" / "file"
    paths = {"--output": out, "--errors": errors, "--sqlite": database, role: missing}
    code, err = _batch(SEED, *[part for option, path in paths.items() for part in (option, path)])
    assert (code, err) == (2, f"peel-extract: {missing}: cannot write: no such folder\n")
    for earlier in (out, errors, database):
        assert earlier.read_text() == "an earlier run's output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.jsonl", "out.jsonl", "peel.db"]


def test_an_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    assert _batch(SEED, "-o", tmp_path) == (2, f"peel-extract: {tmp_path}: cannot write: is a folder\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_output_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    out = folder / "out.jsonl"
    assert _batch(SEED, "-o", out) == (2, f"peel-extract: {out}: cannot write: permission denied\n")


# --- item 3: devices and pipes are valid outputs ---


def test_dev_null_is_an_output() -> None:
    assert _batch(SEED, "-o", "/dev/null", "--errors", "/dev/null", "-q") == (0, "")


def test_dev_stdout_into_a_pipe_is_an_output() -> None:
    command = [sys.executable, "-m", "peel_extract", "batch", str(SEED), "-o", "/dev/stdout", "-q"]
    done = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=120)
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout)["force"] == "Staffordshire"


# --- item 9: one file in two roles is refused (exit 2) before anything is written ---


def test_one_file_as_records_and_error_log_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    code, err = _batch(SEED, "-o", out, "--errors", out)
    assert (code, err) == (2, f"peel-extract: {out}: named as --errors and as --output: each needs its own file\n")
    assert out.read_text() == "kept\n"


def test_an_input_is_never_an_output(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(SEED.read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(victim)
    for output in (victim, link):
        refused = f"peel-extract: {output}: named as --output and as an input: refusing to overwrite it\n"
        assert _batch(victim, "-o", output) == (2, refused)
    assert victim.read_bytes() == SEED.read_bytes()


def test_sqlite_and_records_in_one_file_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, err = _batch(SEED, "-o", out, "--sqlite", out)
    assert (code, err) == (2, f"peel-extract: {out}: named as --sqlite and as --output: each needs its own file\n")
    assert not out.exists()


def test_stdout_in_two_roles_is_refused_but_dev_null_may_take_both() -> None:
    code, err = _batch(SEED, "-o", "-", "--errors", "-")
    assert (code, err) == (2, "peel-extract: -: named as --errors and as --output: each needs its own file\n")
    assert _batch(SEED, "-o", "/dev/null", "--errors", "/dev/null", "-q") == (0, "")


# --- item 12: a second run on the same output fails at once ---


@pytest.mark.parametrize("resume", [False, True], ids=["new", "resume"])
def test_an_output_another_run_is_writing_is_refused(tmp_path: Path, resume: bool) -> None:
    out = tmp_path / "out.jsonl"
    _batch(SEED, "-o", out, "-q")
    written = out.read_bytes()
    with open(out, "ab") as other_run:
        fcntl.flock(other_run, fcntl.LOCK_EX)
        code, err = _batch(SEED, OVERVIEW, "-o", out, *(["--resume"] if resume else []))
    assert (code, err) == (2, f"peel-extract: {out}: another peel-extract run is writing this file\n")
    assert out.read_bytes() == written


def test_a_locked_error_log_leaves_the_records_as_they_were(tmp_path: Path) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    out.write_text("an earlier run's records\n")
    with open(errors, "ab") as other_run:
        fcntl.flock(other_run, fcntl.LOCK_EX)
        code, err = _batch(SEED, "-o", out, "--errors", errors)
    assert (code, err) == (2, f"peel-extract: {errors}: another peel-extract run is writing this file\n")
    assert out.read_text() == "an earlier run's records\n"


# --- item 10: a run never reads its own outputs; JSON is not a page ---


@pytest.mark.parametrize("names", [("out.jsonl", "errors.txt"), ("out", "errors")])
def test_outputs_inside_the_folder_read_are_not_read(tmp_path: Path, names: tuple[str, str]) -> None:
    site = tmp_path / "site"
    _pages(site, 2)
    (site / "empty.txt").write_bytes(b"")
    out, errors = site / names[0], site / names[1]
    runs = []
    for _ in range(2):
        code, _err = _batch(site, "-o", out, "--errors", errors, "-q")
        runs.append((code, out.read_bytes(), errors.read_bytes()))
    assert runs[0] == runs[1]
    assert [json.loads(line)["source"]["path"] for line in out.read_text().splitlines()] == [
        str(site / "page-0000.txt"),
        str(site / "page-0001.txt"),
    ]
    assert [json.loads(line)["source"]["path"] for line in errors.read_text().splitlines()] == [str(site / "empty.txt")]


def test_a_json_file_is_not_a_page(tmp_path: Path) -> None:
    records = tmp_path / "records.txt"
    assert _batch(OVERVIEW, "-o", records, "-q") == (0, "")
    result = runner.invoke(app, ["extract", str(records)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"peel-extract: {records}: this is JSON data (such as peel-extract's output), not a saved page\n",
    )


def test_a_pipe_in_a_folder_is_reported_not_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _pages(site, 1)
    os.mkfifo(site / "pipe.txt")  # reading it would wait for a writer for ever
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    command = [sys.executable, "-m", "peel_extract", "batch", str(site), "-o", str(out), "--errors", str(errors)]
    done = subprocess.run([*command, "-q"], cwd=ROOT, timeout=120, capture_output=True)
    assert (done.returncode, done.stderr) == (0, b"")
    assert out.read_bytes().count(b"\n") == 1
    (entry,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert (entry["code"], entry["message"]) == ("skipped", "a device or a pipe, not a file: not read")


# --- item 8: a resumed run gives the error log (and the counts) an uninterrupted run gives ---


def test_resume_gives_the_same_error_log_and_counts(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _pages(site, 3)
    (site / "page-0001.txt").write_bytes(b"")  # fails
    (site / "page-0003.txt").write_bytes(b"")  # a byte copy of a failed page: a duplicate
    whole, whole_log = tmp_path / "whole.jsonl", tmp_path / "whole-errors.jsonl"
    code, err = _batch(site, "-o", whole, "--errors", whole_log)
    assert code == 1
    counts = "4 pages seen, 2 converted, 1 failed, 1 duplicates"
    assert err.startswith(f"peel-extract: {counts} in ")

    # An interrupted run: the first two pages done (one record, one failure), as a kill leaves it.
    out, log = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    out.write_bytes(whole.read_bytes().splitlines(keepends=True)[0])
    log.write_bytes(whole_log.read_bytes().splitlines(keepends=True)[0])
    code, err = _batch(site, "-o", out, "--errors", log, "--resume")
    assert code == 1
    assert err.startswith(f"peel-extract: {counts}, 2 already done in ")
    assert (out.read_bytes(), log.read_bytes()) == (whole.read_bytes(), whole_log.read_bytes())
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(e["code"], e["message"]) for e in entries] == [
        ("empty", "the file is empty"),
        ("duplicate", f"same bytes as {site / 'page-0001.txt'}"),
    ]


def test_resume_refuses_a_file_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text('{"a": 1}\nplain words\n')
    code, err = _batch(SEED, "-o", out, "--resume")
    assert (code, err) == (2, f"peel-extract: {out}:1: not a line peel-extract wrote: cannot resume from this file\n")
    assert out.read_text() == '{"a": 1}\nplain words\n'


# --- item 4: a killed worker: the pages not converted are named, exit 1, --resume finishes ---


def _kill_on_killer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers (forked from this process) kill themselves on the page named killer.txt."""
    extract = outcome_module.extract_source

    def extract_or_die(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if source.name.endswith("killer.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return extract(source, *args, **kwargs)

    monkeypatch.setattr(outcome_module, "extract_source", extract_or_die)


def test_a_killed_worker_names_the_pages_not_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, killer, last = _pages(tmp_path / "site", 3, killer=1)
    out = tmp_path / "out.jsonl"
    _kill_on_killer(monkeypatch)
    code, err = _batch(tmp_path / "site", "-o", out, "--workers", "2")
    assert (code, err) == (
        1,
        f"peel-extract: {first}: a worker process died (killed, perhaps for lack of memory) while converting "
        f"this page or one of the 2 after it ({killer}, {last}); no page from here on was converted: "
        "run again with --resume to convert them\n",
    )
    assert out.read_bytes() == b""
    monkeypatch.undo()
    assert _batch(tmp_path / "site", "-o", out, "--workers", "2", "--resume", "-q") == (0, "")
    assert out.read_bytes().count(b"\n") == 3


def test_a_run_with_a_killed_worker_resumes_to_the_whole_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _pages(site, 60, killer=30)
    whole, out, log = tmp_path / "whole.jsonl", tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert _batch(site, "-o", whole, "--workers", "2", "-q") == (0, "")
    _kill_on_killer(monkeypatch)
    code, err = _batch(site, "-o", out, "--errors", log, "--workers", "2")
    assert code == 1
    assert re.fullmatch(r"peel-extract: \S+: a worker process died .* --resume to convert them\n", err)
    assert whole.read_bytes().startswith(out.read_bytes()) and out.read_bytes().count(b"\n") < 30
    assert log.read_bytes() == b""
    monkeypatch.undo()
    assert _batch(site, "-o", out, "--errors", log, "--workers", "2", "--resume", "-q") == (0, "")
    assert out.read_bytes() == whole.read_bytes()


# --- item 13: workers exit when the main process dies ---


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(child) for child in listing.read().split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_exit_when_the_main_process_dies(tmp_path: Path, signal_number: int) -> None:
    site = tmp_path / "site"
    _pages(site, 3000)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "peel_extract", "batch", str(site), "-o", str(out), "-w", "2", "-q"]
    run = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL)
    try:
        while not out.exists() or out.read_bytes().count(b"\n") < 50:
            assert run.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.01)
        workers = _children(run.pid)
        assert len(workers) == 2
        os.kill(run.pid, signal_number)  # the main process only
        run.wait(timeout=60)
        deadline = time.monotonic() + 60  # generous: they go at once, or (without the fix) never
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers))
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)


# --- item 22: an internal error keeps its traceback; --sqlite tables come from the records in hand ---


def test_an_internal_error_keeps_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    _pages(site, 3, killer=1)
    extract = outcome_module.extract_source

    def extract_or_fail(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if source.name.endswith("killer.txt"):
            raise RuntimeError("a bug")
        return extract(source, *args, **kwargs)

    monkeypatch.setattr(outcome_module, "extract_source", extract_or_fail)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert _batch(site, "-o", out, "--errors", errors, "-q", "-w", "1")[0] == 1
    (entry,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert (entry["code"], entry["message"]) == ("internal_error", "RuntimeError: a bug")
    assert entry["traceback"].startswith("Traceback (most recent call last):\n")
    assert entry["traceback"].endswith('    raise RuntimeError("a bug")\nRuntimeError: a bug\n')
    assert out.read_bytes().count(b"\n") == 2


@pytest.mark.parametrize("output", ["file", "-"])
def test_batch_sqlite_tables_come_from_the_records_in_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    import sqlite3

    from peel_extract.write import jsonl

    site = tmp_path / "site"
    _pages(site, 3)
    (site / "overview.txt").write_bytes(OVERVIEW.read_bytes())
    out = tmp_path / "out.jsonl"
    expected = tmp_path / "expected.db"
    assert _batch(site, "-o", out, "-q") == (0, "")
    assert runner.invoke(app, ["tables", str(out), "--sqlite", str(expected)]).exit_code == 0

    def no_rereading(_: object) -> None:
        raise AssertionError("batch --sqlite read the records back and validated them again")

    monkeypatch.setattr(jsonl, "checked_record", no_rereading)
    database = tmp_path / "peel.db"
    records = str(out) if output == "file" else "-"
    result = runner.invoke(app, ["batch", str(site), "-o", records, "-q", "--sqlite", str(database)])
    assert (result.exit_code, result.stderr) == (0, "")
    tables = ["pages", "pillars", "questions", "judgments", "areas_for_improvement", "sections"]

    def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
        with sqlite3.connect(db) as connection:
            return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}

    assert rows(database) == rows(expected)
    assert len(rows(database)["pages"]) == 4


def test_a_database_that_cannot_be_written_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from peel_extract.write import files as write

    def full_disk(table: str, row: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    @contextlib.contextmanager
    def tables_on_a_full_disk(path: object) -> Iterator[Callable[[str, object], None]]:
        yield full_disk

    monkeypatch.setattr(write, "_sqlite_tables", tables_on_a_full_disk)
    out, database = tmp_path / "out.jsonl", tmp_path / "peel.db"
    code, err = _batch(SEED, "-o", out, "--sqlite", database, "-q")
    assert (code, err) == (1, f"peel-extract: {database}: cannot write: database or disk is full\n")
    assert _run_tables(out, "--sqlite", database) == (
        1,
        f"peel-extract: {database}: cannot write: database or disk is full\n",
    )


# --- records are written whole, many lines to a system call ---


def test_lines_wait_and_go_out_whole_in_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    writes: list[bytes] = []
    real_write = os.write

    def counted(fd: int, data: bytes) -> int:
        writes.append(bytes(data))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", counted)
    with JsonlSink(str(out)) as sink:
        sink.start(resume=False)
        for number in range(3):
            sink.write(f'{{"n": {number}}}')
        assert out.read_bytes() == b""
    assert writes == [b'{"n": 0}\n{"n": 1}\n{"n": 2}\n']
    assert out.read_bytes() == writes[0]


def test_lines_waiting_when_a_run_fails_are_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(WorkerDied), JsonlSink(str(out)) as sink:
        sink.start(resume=False)
        sink.write('{"n": 0}')
        raise WorkerDied("page.html", "a worker process died")
    assert out.read_bytes() == b'{"n": 0}\n'


def test_a_write_failing_after_a_failure_leaves_the_first_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WorkerDied), JsonlSink(str(tmp_path / "out.jsonl")) as sink:
        sink.start(resume=False)
        sink.write('{"n": 0}')
        monkeypatch.setattr(os, "write", full)
        raise WorkerDied("page.html", "a worker process died")


def test_a_write_failing_at_the_end_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="cannot write: no space left on device"), JsonlSink(str(out)) as sink:
        sink.start(resume=False)
        sink.write('{"n": 0}')
        monkeypatch.setattr(os, "write", full)


# --- issue 17 item 1: an existing file inside an input folder is overwritten only if it is ours ---


@pytest.mark.parametrize("role", ["--output", "--errors", "--sqlite"])
def test_a_file_inside_an_input_folder_that_is_not_ours_is_refused(tmp_path: Path, role: str) -> None:
    site = tmp_path / "in2"
    page, _ = _pages(site, 2)
    (site / "notes.csv").write_text("force,notes\nWessex,keep me\n")
    outputs = {"--output": tmp_path / "out.jsonl", "--errors": tmp_path / "errors.jsonl"}
    for victim in (page, site / "notes.csv"):
        before = victim.read_bytes()
        args = {**outputs, role: victim}
        code, err = _batch(site, *(x for option, path in args.items() for x in (option, path)))
        assert (code, err) == (
            2,
            f"peel-extract: {victim}: named as {role}, but it is a file inside the input {site} that peel-extract "
            "did not write: refusing to overwrite it\n",
        )
        assert victim.read_bytes() == before


def test_our_own_outputs_inside_an_input_folder_are_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _pages(site, 2)
    (site / "blank.txt").write_bytes(b"\n")
    out, errors, database = site / "out.jsonl", site / "errors.jsonl", site / "peel.db"
    (site / "new-and-empty.jsonl").write_bytes(b"")
    args = ("-o", out, "--errors", errors, "--sqlite", database, "-q")
    assert _batch(site, *args)[0] == 1  # blank.txt fails
    assert _batch(site, *args)[0] == 1
    assert _batch(site, "-o", site / "new-and-empty.jsonl", "-q")[0] == 1
    assert len(out.read_bytes().splitlines()) == 2 and len(errors.read_bytes().splitlines()) == 1


# --- issue 17 item 4: a worker that dies while work is handed over is a WorkerDied, not a traceback ---


def test_a_pool_broken_while_work_is_submitted_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from peel_extract.batch import pool

    site = tmp_path / "site"
    _pages(site, 40)
    handed: list[int] = []

    class BreaksOnTheThirdChunk(pool.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            handed.append(1)
            if len(handed) == 3:
                raise BrokenProcessPool("A child process terminated abruptly")
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(pool, "ProcessPoolExecutor", BreaksOnTheThirdChunk)
    out = tmp_path / "out.jsonl"
    code, err = _batch(site, "-o", out, "--workers", "2")
    assert code == 1
    assert re.fullmatch(
        rf"peel-extract: {site}/page-0016\.txt: a worker process died \(killed, perhaps for lack of memory\) while "
        r"converting this page or one of the \d+ after it \(.*\); no page from here on was converted: "
        r"run again with --resume to convert them\n",
        err,
    )
    assert len(out.read_bytes().splitlines()) == 16  # the two chunks handed over before it


# --- issue 17 item 14: no more workers than the work needs, nor than a few per core ---


def _pool_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from peel_extract.batch import pool

    sizes: list[int] = []

    class Counted(pool.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            sizes.append(max_workers)
            super().__init__(min(max_workers, 2), **kwargs)  # type: ignore[arg-type]  # old code: not 1500

    monkeypatch.setattr(pool, "ProcessPoolExecutor", Counted)
    return sizes


def test_workers_are_capped_at_the_work_there_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = _pool_sizes(monkeypatch)
    _pages(tmp_path / "site", 20)  # three chunks of 8
    assert _batch(SEED, "-o", tmp_path / "one.jsonl", "-w", "1500", "-q") == (0, "")
    assert _batch(tmp_path / "site", "-o", tmp_path / "twenty.jsonl", "-w", "1000000", "-q") == (0, "")
    assert sizes == [1, 3]


def test_workers_are_capped_at_four_per_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peel_extract.batch import pool

    sizes = _pool_sizes(monkeypatch)
    monkeypatch.setattr(pool, "cores", lambda: 1)
    _pages(tmp_path / "site", 100)
    assert _batch(tmp_path / "site", "-o", tmp_path / "out.jsonl", "-w", "50", "-q") == (0, "")
    assert sizes == [4]
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 100


# --- issue 17 item 18: --resume after the inputs changed says what it kept ---


def test_resume_says_which_earlier_pages_are_no_longer_inputs(tmp_path: Path) -> None:
    first, second, third = _pages(tmp_path / "site", 3)
    out = tmp_path / "out.jsonl"
    assert _batch(first, second, third, "-o", out, "-q") == (0, "")
    code, err = _batch(first, "-o", out, "--resume")
    assert code == 0
    assert err.splitlines()[0] == (
        f"peel-extract: {out}: 2 pages an earlier run wrote are not in these inputs (the first: {second}); "
        "their lines are kept (a run without --resume drops them)"
    )
    assert err.splitlines()[1].startswith(
        "peel-extract: 1 pages seen, 1 converted, 0 failed, 0 duplicates, 1 already done"
    )
    assert len(out.read_bytes().splitlines()) == 3


# --- issue 17 item 21: a file system that cannot lock is not "another run" ---


@pytest.mark.parametrize("number", [errno.ENOLCK, errno.EOPNOTSUPP])
def test_a_file_system_that_cannot_lock_is_said_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    from peel_extract.write import jsonl

    def cannot_lock(fd: int, operation: int) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(jsonl.fcntl, "flock", cannot_lock)
    out = tmp_path / "out.jsonl"
    code, err = _batch(SEED, "-o", out)
    reason = os.strerror(number)
    assert code == 0 and err.splitlines()[0] == (
        f"peel-extract: {out}: written without a lock, as its file system cannot lock files "
        f"({reason[0].lower()}{reason[1:]}): make sure no other run writes it at the same time"
    )
    assert len(out.read_bytes().splitlines()) == 1


# --- issue 18 item 10: an input that holds no page is said, and the run is not a success ---


def test_an_input_that_holds_no_page_is_a_warning_and_exit_1(tmp_path: Path) -> None:
    empty, images = tmp_path / "empty", tmp_path / "images"
    empty.mkdir()
    images.mkdir()
    (images / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, err = _batch(empty, SEED, images, "-o", tmp_path / "out.jsonl", "-q")
    shown = "holds no page (no file or member named like a saved page: .html, .htm, .txt, ...)"
    assert (code, err) == (1, f"peel-extract: {empty}: {shown}\npeel-extract: {images}: {shown}\n")
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 1


# --- issue 17 item 20: SIGTERM and Ctrl-C stop a run cleanly and say so; a killed run's temporaries are swept ---


def _started(command: list[str], folder: Path, temporary: str) -> subprocess.Popen[bytes]:
    """The command, once it has made its temporary file ``temporary*`` in ``folder`` and is waiting."""
    running = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(temporary) for p in folder.iterdir()):
        assert time.monotonic() < deadline and running.poll() is None, "the run did not start"
        time.sleep(0.05)
    time.sleep(0.3)  # into the blocking read
    return running


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_batch_says_so_and_leaves_no_temporary_file(tmp_path: Path, signal_number: int) -> None:
    fifo, out, database = tmp_path / "never-written.txt", tmp_path / "out.jsonl", tmp_path / "peel.db"
    os.mkfifo(fifo)  # given as a page, its read waits for ever: the run is stopped while it waits
    command = [sys.executable, "-m", "peel_extract", "batch", str(SEED), str(fifo), "-o", str(out)]
    running = _started([*command, "--sqlite", str(database), "-w", "1"], tmp_path, ".peel.db.")
    running.send_signal(signal_number)
    _, err = running.communicate(timeout=60)
    name = signal.Signals(signal_number).name
    assert running.returncode == 128 + signal_number
    said = re.fullmatch(
        rf"peel-extract: stopped by {name} after (\d) pages: their lines are kept in {out} "
        rf"\(--resume goes on from there\); {database} was not written\n",
        err.decode(),
    )
    assert said is not None, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["never-written.txt", "out.jsonl"]
    lines = out.read_bytes().splitlines()
    assert len(lines) == int(said.group(1)) and all(json.loads(line) for line in lines)


def test_stopped_tables_say_so_and_leave_no_temporary_file(tmp_path: Path) -> None:
    database = tmp_path / "peel.db"
    command = [sys.executable, "-m", "peel_extract", "tables", "-", "--sqlite", str(database)]
    running = _started(command, tmp_path, ".peel.db.")  # reading stdin, which stays open
    running.send_signal(signal.SIGTERM)
    _, err = running.communicate(timeout=60)
    assert (running.returncode, err) == (
        143,
        b"peel-extract: stopped by SIGTERM before it finished; no output file was changed\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_the_temporaries_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    stale = tmp_path / ".peel.db.0123456789ab.tmp"
    for leftover in (stale, tmp_path / f"{stale.name}-journal", tmp_path / ".peel.db.ba9876543210.tmp-journal"):
        leftover.write_bytes(b"a killed run's")
        os.utime(leftover, (time.time() - 3600,) * 2)
    in_use = tmp_path / ".peel.db.00112233aabb.tmp"  # another run's, still being written
    in_use.write_bytes(b"")
    os.utime(in_use, (time.time() - 3600,) * 2)
    other = tmp_path / ".notes.db.0123456789ab.tmp"  # not this output's
    other.write_bytes(b"")
    with open(in_use, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert _batch(SEED, "-o", tmp_path / "out.jsonl", "--sqlite", tmp_path / "peel.db", "-q") == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([in_use.name, other.name, "out.jsonl", "peel.db"])
