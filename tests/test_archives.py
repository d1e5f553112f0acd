"""Containers: WARC files (cut, gzipped whole, or that warcio cannot read), zips with a broken member
name, MHTML files, and the charset a container declares for its page."""

from __future__ import annotations

import base64
import gzip
import io
import json
import random
import re
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peel_extract import DecodeError, InputTooLarge, Limits, NotAPeelPage, extract_file, extract_page
from peel_extract.cli import app
from peel_extract.read.archives import iter_archive

from .conftest import FIXTURES, ROOT, as_json

SEED_TEXT = FIXTURES / "staffordshire-2018-legitimacy" / "input.txt"
SEED_HTML = FIXTURES / "staffordshire-2018-legitimacy-semantic" / "input.html"
SEED_URL = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/staffordshire/legitimacy/"
runner = CliRunner()


def _batch(
    tmp: Path, *inputs: Path, workers: int = 1, options: tuple[str, ...] = ()
) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]]]:
    """Exit status, records and error-log entries of a batch over the inputs."""
    out, errors = tmp / "out.jsonl", tmp / "errors.jsonl"
    args = ["batch", *map(str, inputs), "-o", str(out), "--errors", str(errors), "-q", "-w", str(workers), *options]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [[json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] for path in (out, errors)]
    return result.exit_code, lines[0], lines[1]


def _where(entry: dict[str, Any]) -> tuple[str, str | None]:
    return Path(entry["source"]["path"]).name, entry["source"]["member"]


def _content(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != "source"}


# --- WARC files ---


def _warc_record(index: int, payload: bytes, content_type: str = "text/plain", url: bool = True) -> bytes:
    """One uncompressed WARC response record, for the page ``https://example.org/<index>``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    target = f"https://example.org/{index}"
    writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(payload), http_headers=http))
    data = buffer.getvalue()
    return data if url else data.replace(f"WARC-Target-URI: {target}\r\n".encode(), b"")


def _three_pages() -> list[bytes]:
    """Three pages, each ending in a line that does not compress (so a cut gzip loses only the last)."""
    seed = SEED_TEXT.read_bytes()
    return [
        _warc_record(i, seed + f"\nPage {i}: {random.Random(i).randbytes(2000).hex()}\n".encode()) for i in range(3)
    ]


def _after(tmp: Path) -> Path:
    """A folder read after the archive: the batch must go on to it."""
    (tmp / "after").mkdir()
    (tmp / "after" / "page.txt").write_bytes(SEED_TEXT.read_bytes() + b"\nAfter.\n")
    return tmp / "after"


def test_a_record_without_a_target_uri_is_named_by_its_record_id_and_the_archive_goes_on(tmp_path: Path) -> None:
    # A response record without WARC-Target-URI: warcio raised AttributeError on it, and the records after it were
    # lost with the archive (issue 17 item 3, then an archive_error; now the record is read).
    records = _three_pages()
    records[1] = _warc_record(1, SEED_TEXT.read_bytes(), url=False)
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"".join(records))
    code, out, logged = _batch(tmp_path, warc, _after(tmp_path))
    assert (code, logged) == (0, [])
    names = [_where(r) for r in out]
    assert names[0] == ("crawl.warc", "https://example.org/0")
    assert names[1][0] == "crawl.warc" and str(names[1][1]).startswith("<urn:uuid:")
    assert names[2:] == [("crawl.warc", "https://example.org/2"), ("page.txt", None)]
    assert out[1]["source"]["url"] is None


def test_any_exception_of_an_archive_reader_is_that_archives_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tar = tmp_path / "pages.tar"
    with tarfile.open(tar, "w") as archive:
        for name in ("a.txt", "b.txt"):
            data = SEED_TEXT.read_bytes() + name.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    extract = tarfile.TarFile.extractfile

    def failing(self: tarfile.TarFile, member: tarfile.TarInfo) -> Any:
        if member.name == "b.txt":
            raise KeyError("a bug in the reader")
        return extract(self, member)

    monkeypatch.setattr(tarfile.TarFile, "extractfile", failing)
    sources = list(iter_archive(str(tar), Limits()))
    assert [(s.member, s.data is not None) for s in sources] == [("a.txt", True), (None, False)]
    assert str(sources[1].error) == f"{tar}: broken tar archive: KeyError: 'a bug in the reader'"


def _single_stream(records: list[bytes]) -> bytes:
    return gzip.compress(b"".join(records))  # `gzip file.warc`: one gzip member for the whole file


def _per_record(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(record) for record in records)


def test_a_warc_gzipped_whole_gives_every_page(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(_single_stream(_three_pages()))
    code, out, logged = _batch(tmp_path, warc)
    assert (code, logged) == (0, [])
    assert [r["source"]["member"] for r in out] == [f"https://example.org/{i}" for i in range(3)]


CUTS = {
    "plain": (lambda records: b"".join(records)[:-500], "crawl.warc"),
    "gzip per record": (lambda records: _per_record(records)[:-300], "crawl.warc.gz"),
    "gzip whole": (lambda records: _single_stream(records)[:-300], "crawl.warc.gz"),
}


@pytest.mark.parametrize("cut", CUTS)
def test_a_record_cut_short_by_the_end_of_the_file_is_an_error_not_a_page(tmp_path: Path, cut: str) -> None:
    make, name = CUTS[cut]
    warc = tmp_path / name
    warc.write_bytes(make(_three_pages()))
    code, out, logged = _batch(tmp_path, warc, _after(tmp_path))
    assert code == 1
    assert [_where(r) for r in out] == [
        (name, "https://example.org/0"),
        (name, "https://example.org/1"),
        ("page.txt", None),
    ]
    assert [(_where(e), e["code"]) for e in logged] == [((name, "https://example.org/2"), "archive_error")]
    assert re.fullmatch(
        r"the record is cut short: the file ends [0-9]+ bytes before the record does \(not converted\)",
        logged[0]["message"],
    )


def test_gzip_data_cut_after_the_last_record_is_said(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(_single_stream(_three_pages())[:-4])  # the gzip trailer's length field is gone
    code, out, logged = _batch(tmp_path, warc)
    assert (code, len(out)) == (1, 3)
    assert [(e["code"], e["message"]) for e in logged] == [
        ("archive_error", "broken warc archive: the gzip data is cut short after the last record")
    ]


def test_a_record_without_content_length_is_a_broken_archive(tmp_path: Path) -> None:
    records = _three_pages()
    records[1] = re.sub(rb"Content-Length: \d+\r\n", b"", records[1], count=1)
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"".join(records))
    code, out, logged = _batch(tmp_path, warc)
    assert (code, [r["source"]["member"] for r in out]) == (1, ["https://example.org/0"])
    assert [e["message"] for e in logged] == ["broken warc archive: a record has no Content-Length"]


def test_the_charset_of_a_warc_records_content_type_is_read(tmp_path: Path) -> None:
    page = SEED_TEXT.read_text(encoding="utf-8").encode("utf-16-le")  # no BOM: only the header says so
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(_warc_record(0, page, "text/plain; charset=UTF-16LE"))
    code, out, logged = _batch(tmp_path, warc)
    assert (code, logged) == (0, [])
    assert out[0]["source"]["encoding"] == "utf-16le"
    assert _content(out[0]) == _content(as_json(extract_file(SEED_TEXT)))


# --- zip files ---


def _misnamed_zip(tmp: Path) -> Path:
    """A zip of three pages whose second member's name is flagged UTF-8 but is not UTF-8."""
    path = tmp / "pages.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for index, name in enumerate(("a.txt", "pageé.txt", "c.txt")):  # é: zipfile flags the name UTF-8
            archive.writestr(name, SEED_TEXT.read_bytes() + f"\nPage {index}.\n".encode())
    data = path.read_bytes()
    assert data.count("pageé.txt".encode()) == 2  # the local header and the directory
    path.write_bytes(data.replace("pageé.txt".encode(), b"page\xff\xfe.txt"))
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_a_zip_member_whose_name_is_not_utf8_is_one_error_and_the_others_convert(tmp_path: Path, workers: int) -> None:
    zipped = _misnamed_zip(tmp_path)
    code, out, logged = _batch(tmp_path, zipped, _after(tmp_path), workers=workers)
    assert code == 1
    assert [_where(r) for r in out] == [("pages.zip", "a.txt"), ("pages.zip", "c.txt"), ("page.txt", None)]
    assert [(_where(e), e["code"], e["message"]) for e in logged] == [
        (
            ("pages.zip", "page\\xff\\xfe.txt"),
            "archive_error",
            "the member's name is not UTF-8, though the zip says it is: not read",
        )
    ]


# --- MHTML files ---

MHTML_FIXTURES = [
    FIXTURES / "staffordshire-2018-legitimacy-mhtml" / "input.mhtml",
    FIXTURES / "staffordshire-2018-legitimacy-mht-base64" / "input.mht",
]


@pytest.mark.parametrize("page", MHTML_FIXTURES, ids=lambda p: p.parent.name)
def test_an_mhtml_page_gives_the_record_of_its_html(page: Path) -> None:
    record = as_json(extract_file(page))
    assert _content(record) == _content(as_json(extract_file(SEED_HTML)))
    source = record["source"]
    assert (source["url"], source["captured"], source["format"], source["encoding"]) == (
        SEED_URL,
        "2019-01-31T10:15:42Z",
        "html",
        "utf-8",
    )


def test_extract_reads_an_mhtml_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(MHTML_FIXTURES[0].relative_to(ROOT))])
    assert result.exit_code == 0, result.stderr
    assert _content(json.loads(result.stdout)) == _content(as_json(extract_file(SEED_HTML)))


def test_batch_reads_mhtml_in_folders_and_archives(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    for page in MHTML_FIXTURES:
        (tmp_path / "site" / page.name).write_bytes(page.read_bytes())
    with zipfile.ZipFile(tmp_path / "saved.zip", "w") as archive:
        archive.writestr("saved/page.mhtml", MHTML_FIXTURES[0].read_bytes() + b"\r\n")
    with tarfile.open(tmp_path / "saved.tar.gz", "w:gz") as tar:
        data = gzip.compress(MHTML_FIXTURES[1].read_bytes() + b"\r\n")
        info = tarfile.TarInfo("saved/page.mht.gz")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    inputs = (tmp_path / "site", tmp_path / "saved.zip", tmp_path / "saved.tar.gz")
    # The same page in several files: kept, to see each one read.
    code, out, logged = _batch(tmp_path, *inputs, workers=2, options=("--keep-duplicates",))
    assert (code, logged) == (0, [])
    assert [_where(r) for r in out] == [
        ("input.mht", None),
        ("input.mhtml", None),
        ("saved.zip", "saved/page.mhtml"),
        ("saved.tar.gz", "saved/page.mht.gz"),
    ]
    want = _content(as_json(extract_file(SEED_HTML)))
    assert all(_content(record) == want and record["source"]["url"] == SEED_URL for record in out)


def test_an_mhtml_file_in_a_warc_gives_its_page(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc"
    content_type = 'multipart/related; type="text/html"; boundary="x"'
    warc.write_bytes(_warc_record(0, MHTML_FIXTURES[1].read_bytes(), content_type))
    code, out, logged = _batch(tmp_path, warc)
    assert (code, logged) == (0, [])
    assert (out[0]["source"]["member"], out[0]["source"]["url"]) == ("https://example.org/0", SEED_URL)
    assert _content(out[0]) == _content(as_json(extract_file(SEED_HTML)))


def _part(headers: dict[str, str], body: bytes) -> bytes:
    return b"".join(f"{k}: {v}\r\n".encode() for k, v in headers.items()) + b"\r\n" + body


def _mhtml(parts: list[bytes], top: str = "", close: bool = True) -> bytes:
    """A multipart/related message of the parts (each with its headers)."""
    head = f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="SEP"{top}\r\n\r\n'
    body = b"".join(b"--SEP\r\n" + part + b"\r\n" for part in parts)
    return head.encode() + body + (b"--SEP--\r\n" if close else b"")


def _html_part(page: bytes, **headers: str) -> bytes:
    encoded = base64.encodebytes(page).replace(b"\n", b"\r\n")
    return _part({"Content-Type": "text/html", "Content-Transfer-Encoding": "base64", **headers}, encoded)


FRAME = _html_part(b"<html><body><p>An advert in a frame.</p></body></html>", **{"Content-ID": "<frame-1@x>"})


@pytest.mark.parametrize(
    ("top", "root_headers"),
    [
        ('; start="<page@x>"', {"Content-ID": "<page@x>"}),
        (f"\r\nSnapshot-Content-Location: {SEED_URL}", {"Content-Location": SEED_URL}),
    ],
    ids=["start", "location"],
)
def test_the_page_is_the_root_part(top: str, root_headers: dict[str, str]) -> None:
    data = _mhtml([FRAME, _html_part(SEED_HTML.read_bytes(), **root_headers)], top=top)
    assert _content(as_json(extract_page(data, "page.mhtml"))) == _content(as_json(extract_file(SEED_HTML)))


def test_without_start_or_location_the_page_is_the_first_html_part() -> None:
    seed = _html_part(SEED_HTML.read_bytes())
    assert _content(as_json(extract_page(_mhtml([seed, FRAME]), "page.mhtml"))) == _content(
        as_json(extract_file(SEED_HTML))
    )
    with pytest.raises(NotAPeelPage):
        extract_page(_mhtml([FRAME, seed]), "page.mhtml")


def test_the_charset_of_the_html_part_is_read() -> None:
    page = SEED_TEXT.read_text(encoding="utf-8").encode("utf-16-le")  # no BOM: only the part says so
    part = _part({"Content-Type": 'text/html; charset="utf-16le"', "Content-Transfer-Encoding": "binary"}, page)
    record = as_json(extract_page(_mhtml([part]), "page.mhtml"))
    assert record["source"]["encoding"] == "utf-16le"
    assert _content(record) == _content(as_json(extract_file(SEED_TEXT)))


PNG = _part({"Content-Type": "image/png", "Content-Transfer-Encoding": "base64"}, b"iVBORw0KGgo=\r\n")
BROKEN_MHTML = {
    "no html part": (_mhtml([PNG]), "an MHTML file with no HTML part (no page in it)"),
    "cut in the html part": (
        _mhtml([PNG, _html_part(SEED_HTML.read_bytes())], close=False)[:-2000],
        "a broken MHTML file: its HTML part is cut short or damaged (close boundary not found)",
    ),
    "bad base64": (
        _mhtml([_html_part(SEED_HTML.read_bytes())[:-5] + b"\r\n", PNG]),
        "a broken MHTML file: its HTML part is cut short or damaged (invalid base64 length)",
    ),
}


@pytest.mark.parametrize("case", BROKEN_MHTML)
def test_a_broken_mhtml_file_is_one_clear_error(tmp_path: Path, case: str) -> None:
    data, message = BROKEN_MHTML[case]
    (tmp_path / "page.mhtml").write_bytes(data)
    result = runner.invoke(app, ["extract", str(tmp_path / "page.mhtml")])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"peel-extract: {tmp_path / 'page.mhtml'}: {message}\n"
    with pytest.raises(DecodeError):
        extract_file(tmp_path / "page.mhtml")


def test_the_page_size_limit_holds_for_the_page_in_an_mhtml_member(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "saved.zip", "w") as archive:
        archive.writestr("page.mhtml", MHTML_FIXTURES[1].read_bytes())
    limits = Limits(max_page_bytes=20_000)  # the member may be larger: it is not a page
    [source] = iter_archive(str(tmp_path / "saved.zip"), limits)
    assert isinstance(source.error, InputTooLarge)
    assert source.error.message.startswith("the page in the MHTML file is larger than the 0.019")


def test_a_page_opening_with_a_header_like_line_is_not_mhtml() -> None:
    text = b"Subject: Staffordshire\n\n" + SEED_TEXT.read_bytes()
    assert as_json(extract_page(text, "page.txt"))["force"] == "Staffordshire"
