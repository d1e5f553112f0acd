"""Batch conversion of folders and archives: every page accounted for, in order, resumable."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peel_extract.cli import app

from .conftest import FIXTURES, ROOT

GOOD = {
    "seed.txt": FIXTURES / "staffordshire-2018-legitimacy" / "input.txt",
    "seed-semantic.html": FIXTURES / "staffordshire-2018-legitimacy-semantic" / "input.html",
    "overview/gwent-2016.txt": FIXTURES / "dev-gwent-2016-overview" / "input.txt",
    "compact/dyfed-powys-2017.html": FIXTURES / "dev-dyfed-powys-2017-effectiveness-compact-divsoup" / "input.html",
}
CUT_GZIP = gzip.compress(GOOD["seed.txt"].read_bytes())[:400]
BAD = {
    "broken/empty.html": (b"", "empty"),
    "broken/image.html": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "undecodable"),
    "broken/cut.txt.gz": (CUT_GZIP, "read_error"),
}
runner = CliRunner()


def _members() -> dict[str, bytes]:
    members = {name: path.read_bytes() for name, path in GOOD.items()}
    members.update({name: data for name, (data, _) in BAD.items()})
    members["style.css"] = b"body { color: red }"  # not a page name: never read
    return members


def _folder(tmp: Path) -> Path:
    for name, data in _members().items():
        (tmp / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "site" / name).write_bytes(data)
    return tmp / "site"


def _zip(tmp: Path) -> Path:
    with zipfile.ZipFile(tmp / "pages.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(_members().items()):
            archive.writestr(name, data)
    return tmp / "pages.zip"


def _tar(tmp: Path) -> Path:
    with tarfile.open(tmp / "pages.tar.gz", "w:gz") as archive:
        for name, data in sorted(_members().items()):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return tmp / "pages.tar.gz"


def _warc(tmp: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(tmp / "crawl.warc.gz", "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for name, data in sorted(_members().items()):
            kind = "text/css" if name.endswith(".css") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{name}", "response", payload=io.BytesIO(data), http_headers=headers
            )
            writer.write_record(record)
    return tmp / "crawl.warc.gz"


BUILDERS = {"folder": _folder, "zip": _zip, "tar.gz": _tar, "warc.gz": _warc}


def _batch(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", *args])
    return result.exit_code, result.stderr


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _name(source: dict[str, str], root: Path) -> str:
    """A page's name inside its container: the member (or URL path), or the path within the folder."""
    if source["member"]:
        return source["member"].removeprefix("https://example.org/")
    return Path(source["path"]).relative_to(root).as_posix()


@pytest.mark.parametrize("kind", BUILDERS)
def test_every_page_is_converted_or_logged(tmp_path: Path, kind: str) -> None:
    source = BUILDERS[kind](tmp_path)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, err = _batch(str(source), "-o", str(out), "--errors", str(errors), "--workers", "2")
    assert code == 1
    # A WARC's non-page responses are reported (as skipped); other containers pass them over by name.
    counted = (
        "8 pages seen, 4 converted, 3 failed, 0 duplicates, 1 skipped"
        if kind == "warc.gz"
        else ("7 pages seen, 4 converted, 3 failed, 0 duplicates")
    )
    assert err.startswith(f"peel-extract: {counted} in ")
    records, logged = _lines(out), _lines(errors)
    root = tmp_path / "site"
    assert [_name(r["source"], root) for r in records] == sorted(GOOD)  # type: ignore[arg-type]
    want = {name: code for name, (_, code) in BAD.items()}
    if kind == "warc.gz":
        want["style.css"] = "skipped"
    assert {_name(e["source"], root): e["code"] for e in logged} == want  # type: ignore[arg-type]
    if kind == "warc.gz":
        assert [r["source"]["url"] for r in records] == [f"https://example.org/{n}" for n in sorted(GOOD)]  # type: ignore[index]
        assert all(r["source"]["captured"] for r in records)  # type: ignore[index]


@pytest.mark.parametrize("kind", BUILDERS)
def test_same_bytes_whatever_the_number_of_workers(tmp_path: Path, kind: str) -> None:
    source = BUILDERS[kind](tmp_path)
    outputs = []
    for workers in ("1", "2"):
        out, errors = tmp_path / f"out{workers}.jsonl", tmp_path / f"errors{workers}.jsonl"
        _batch(str(source), "-o", str(out), "--errors", str(errors), "--workers", workers, "--quiet")
        outputs.append((out.read_bytes(), errors.read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") == len(GOOD)


def test_identical_pages_are_converted_once_and_listed(tmp_path: Path) -> None:
    folder, archive = _folder(tmp_path), _zip(tmp_path)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, err = _batch(str(folder), str(archive), "-o", str(out), "--errors", str(errors))
    assert code == 1
    # A member that cannot be read has no bytes to compare: it fails in each archive.
    assert "14 pages seen, 4 converted, 4 failed, 6 duplicates" in err
    duplicates = [e for e in _lines(errors) if e["code"] == "duplicate"]
    names = sorted(_members().keys() - {"style.css", "broken/cut.txt.gz"})
    assert [e["source"]["member"] for e in duplicates] == names  # type: ignore[index]
    assert duplicates[0]["message"] == f"same bytes as {folder}/broken/empty.html"
    code, _ = _batch(str(folder), str(archive), "-o", str(out), "--keep-duplicates", "--quiet")
    assert len(_lines(out)) == 8


def test_stdout_and_exit_status_zero_when_all_convert(tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(GOOD["seed.txt"]), str(GOOD["seed-semantic.html"]), "-o", "-", "-q"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert [json.loads(line)["source"]["format"] for line in result.stdout.splitlines()] == ["text", "html"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _batch("-o", str(tmp_path / "x.jsonl"))[0] == 2
    assert _batch(str(tmp_path), "-o", "-", "--resume")[0] == 2
    assert _batch(str(tmp_path), "-o", str(tmp_path / "x.jsonl"), "--workers", "0")[0] == 2


def test_a_missing_input_is_a_logged_failure(tmp_path: Path) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, _ = _batch(str(tmp_path / "nope.html"), str(GOOD["seed.txt"]), "-o", str(out), "--errors", str(errors))
    assert code == 1
    assert len(_lines(out)) == 1
    assert [(e["code"], e["message"]) for e in _lines(errors)] == [("read_error", "no such file")]


def _big_folder(tmp: Path, pages: int) -> Path:
    folder = tmp / "many"
    folder.mkdir()
    text = GOOD["seed.txt"].read_bytes()
    for index in range(pages):
        (folder / f"page-{index:05d}.txt").write_bytes(text + b"\n" * index)  # distinct bytes, same record
    return folder


def _run(*args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "peel_extract", "batch", *args, "--quiet"]
    return subprocess.Popen(command, cwd=ROOT, start_new_session=True)


def test_a_killed_run_resumes_to_the_uninterrupted_output(tmp_path: Path) -> None:
    pages = 3000
    folder = _big_folder(tmp_path, pages)
    whole = tmp_path / "whole.jsonl"
    assert _run(str(folder), "-o", str(whole), "--workers", "2").wait(timeout=600) == 0

    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    run = _run(str(folder), "-o", str(out), "--errors", str(errors), "--workers", "2")
    while not out.exists() or out.read_bytes().count(b"\n") < 200:
        assert run.poll() is None, "the batch ended before it could be killed"
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    killed = out.read_bytes()
    assert killed.endswith(b"\n") and 200 <= killed.count(b"\n") < pages
    assert whole.read_bytes().startswith(killed)

    resumed = _run(str(folder), "-o", str(out), "--errors", str(errors), "--workers", "2", "--resume")
    assert resumed.wait(timeout=600) == 0
    assert out.read_bytes() == whole.read_bytes()


def test_resume_cuts_a_torn_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _batch(str(GOOD["seed.txt"]), "-o", str(out), "-q")
    whole = out.read_bytes()
    out.write_bytes(whole + whole[:100])  # a line torn by a crash of the machine
    _batch(str(GOOD["seed.txt"]), str(GOOD["seed-semantic.html"]), "-o", str(out), "-q", "--resume")
    lines = _lines(out)
    assert [r["source"]["format"] for r in lines] == ["text", "html"]  # type: ignore[index]


def test_page_count_for_the_progress_bar(tmp_path: Path) -> None:
    from peel_extract.read.inputs import count_pages

    folder, archive = _folder(tmp_path), _zip(tmp_path)
    assert count_pages([str(folder), str(archive), str(GOOD["seed.txt"])]) == 7 + 7 + 1
    assert count_pages([str(_tar(tmp_path))]) is None


def test_workers_read_a_zips_members_themselves(tmp_path: Path) -> None:
    """Deferred, a zip's members leave the walk unread, and each reads (where it is converted) to the
    very Source the main process would have read; a broken zip is one error either way."""
    from peel_extract.read import Source
    from peel_extract.read.inputs import iter_sources

    archive = _zip(tmp_path)
    read = list(iter_sources([str(archive)]))
    deferred = list(iter_sources([str(archive)], deferred=True))
    unread = [s for s in deferred if s.error is None]
    assert unread and all(s.data is None and s.reader is not None for s in unread)

    def seen(source: Source) -> tuple[object, ...]:
        return source.name, source.member, source.data, str(source.error), source.skipped

    assert [seen(s.loaded()) for s in deferred] == [seen(s.loaded()) for s in read]
    archive.write_bytes(archive.read_bytes()[:-30])  # the directory cut off after the walk
    assert [s.loaded().error is not None for s in deferred if s.error is None] == [True] * len(unread)
