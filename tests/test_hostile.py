"""Broken and hostile input: each gives its clear error or a correct record, in bounded memory."""

from __future__ import annotations

import io
import json
import re
import resource
import socket
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from peel_extract import PeelError, extract_file

from .conftest import FIXTURES, ROOT, as_json

HOSTILE = Path(__file__).parent / "hostile"
SEED_TEXT = FIXTURES / "staffordshire-2018-legitimacy" / "input.txt"
SEED_HTML = FIXTURES / "staffordshire-2018-legitimacy-semantic" / "input.html"

ERRORS = {
    "empty.txt": ("empty", "the file is empty"),
    "whitespace.txt": ("empty", "the file holds only white space"),
    "image.html": ("undecodable", "this is a PNG image, not a saved web page or text scrape"),
    "document.txt": ("undecodable", "this is a PDF document, not a saved web page or text scrape"),
    "recipe.html": ("not_peel", "not an HMICFRS PEEL page (no '<Force> PEEL <year>' title line)"),
    "hmicfrs-news.txt": (
        "unsupported_page_type",
        "unsupported page type: recognised an HMICFRS page that is not a PEEL assessment page",
    ),
}
# name: (the page it is a copy of, the encoding the record names, the warnings it adds)
SAME_AS = {
    "utf8-bom.txt": (SEED_TEXT, "utf-8", []),
    "utf16-bom.txt": (SEED_TEXT, "utf-16-le", []),
    "cp1252.txt": (SEED_TEXT, "windows-1252", []),
    "mojibake.txt": (SEED_TEXT, "utf-8", ["mojibake_repaired"]),
    "nul-bytes.txt": (SEED_TEXT, "utf-8", ["nul_bytes_removed"]),
    "seed.txt.gz": (SEED_TEXT, "utf-8", []),
    "wrong-meta-charset.html": (SEED_HTML, "utf-8", []),
    "xhtml-declaration.html": (SEED_HTML, "utf-8", []),
}


def _content(record: dict[str, Any]) -> dict[str, Any]:
    record = dict(record)
    record.pop("source")
    record.pop("warnings")
    return record


@pytest.mark.parametrize("name", ERRORS)
def test_clear_error(name: str) -> None:
    with pytest.raises(PeelError) as caught:
        extract_file(HOSTILE / name)
    assert (caught.value.code, caught.value.message) == ERRORS[name]
    assert str(caught.value) == f"{HOSTILE / name}: {ERRORS[name][1]}"


@pytest.mark.parametrize("name", SAME_AS)
def test_decoded_to_the_original_record(name: str) -> None:
    original, encoding, warnings = SAME_AS[name]
    record = as_json(extract_file(HOSTILE / name))
    assert record["source"]["encoding"] == encoding
    assert [w["code"] for w in record["warnings"]] == warnings
    assert _content(record) == _content(as_json(extract_file(original)))


def test_invalid_bytes_are_replaced_and_reported() -> None:
    record = as_json(extract_file(HOSTILE / "invalid-utf8.txt"))
    assert record["source"]["encoding"] == "utf-8"
    assert record["warnings"] == [
        {"code": "invalid_bytes", "message": "2 invalid UTF-8 sequences replaced by U+FFFD", "line": None}
    ]
    assert record["summary"][5].startswith("Officers and staff understand\ufffd\ufffd the harm")


def test_latin1_page_declared_as_such() -> None:
    record = as_json(extract_file(HOSTILE / "latin1.html"))
    assert record["source"]["encoding"] == "windows-1252"
    assert record["summary"][0] == (
        "Staffordshire Police's leaders are positive ethical role models. Officers and staff understand the "
        "force's values. Leaders use these values when they make decisions."
    )


def test_no_network_no_external_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("peel-extract tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    record = as_json(extract_file(HOSTILE / "xxe.html"))
    text = json.dumps(record)
    assert "root:" not in text and "/bin/" not in text
    last = record["questions"][2]["sections"][0]["paragraphs"][-1]
    assert last.endswith("identified from this inspection.&xxe;&remote;")
    assert as_json(extract_file(HOSTILE / "xhtml-declaration.html"))["force"] == "Staffordshire"


def _deep_page(levels: int) -> bytes:
    seed = SEED_HTML.read_text(encoding="utf-8")
    head, _, body = seed.partition('<main id="main-content">')
    return (head + "<div>" * levels + "<main>" + body + "</div>" * levels).encode()


def test_deep_nesting_is_a_clear_error_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    from peel_extract.options import Limits

    page = tmp_path / "deep.html"
    page.write_bytes(_deep_page(100_000))
    with pytest.raises(PeelError) as caught:
        extract_file(page)
    assert caught.value.message == "HTML elements nest deeper than 256 levels (raise it with --max-depth)"
    page.write_bytes(_deep_page(300))
    record = as_json(extract_file(page, Limits(max_depth=1000)))
    assert _content(record) == _content(as_json(extract_file(SEED_HTML)))


def test_page_size_limit(tmp_path: Path) -> None:
    from peel_extract.options import Limits

    page = tmp_path / "big.txt"
    page.write_bytes(SEED_TEXT.read_bytes() + b"\n" + b"x" * (50 * 1024 * 1024))
    with pytest.raises(PeelError) as caught:
        extract_file(page)
    assert caught.value.message == "the page is larger than the 20 MB limit (raise it with --max-page-mb)"
    small = tmp_path / "seed.txt"
    small.write_bytes(SEED_TEXT.read_bytes())
    with pytest.raises(PeelError):
        extract_file(small, Limits(max_page_bytes=1000))


# --- archives built at test time: bombs, hostile names, truncated streams, odd WARC records ---


def _zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good.txt", SEED_TEXT.read_bytes())
        with archive.open("bomb.html", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(40):  # 40 MB of zeros: under the size limit, far over the ratio limit
                member.write(chunk)
        archive.writestr("later.html", SEED_HTML.read_bytes())
    return path


def _flag_encrypted(data: bytes, name: bytes) -> bytes:
    """Mark one member of a zip as encrypted (general-purpose flag bit 0) in both of its headers."""
    out = bytearray(data)
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            if out[start + name_at : start + name_at + len(name)] == name:
                out[start + flag_at] |= 1
            start += 4
    return bytes(out)


def _odd_zip(tmp: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("secret.html", SEED_HTML.read_bytes())
        archive.writestr("../../escape.txt", SEED_TEXT.read_bytes() + b"escape")
        archive.writestr("C:\\windows\\page.txt", b"not a PEEL page at all")
    path = tmp / "odd.zip"
    path.write_bytes(_flag_encrypted(buffer.getvalue(), b"secret.html"))
    return path


def _hostile_tar(tmp: Path) -> Path:
    path = tmp / "hostile.tar"
    with tarfile.open(path, "w") as archive:
        for name in ("../../outside.txt", "/etc/absolute.txt", "dup.txt", "dup.txt"):
            data = SEED_TEXT.read_bytes() + name.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, kind in (
            ("link.html", tarfile.SYMTYPE),
            ("hard.html", tarfile.LNKTYPE),
            ("dev.html", tarfile.CHRTYPE),
        ):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            archive.addfile(info)
    return path


def _truncated_tar_gz(tmp: Path) -> Path:
    whole = tmp / "whole.tar.gz"
    with tarfile.open(whole, "w:gz") as archive:
        for index in range(6):
            data = SEED_TEXT.read_bytes() + str(index).encode() * 5000
            info = tarfile.TarInfo(f"page{index}.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    path = tmp / "cut.tar.gz"
    path.write_bytes(whole.read_bytes()[:-300])  # the gzip stream stops inside the last member
    return path


def _warc(tmp: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp / "crawl.warc.gz"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        url = "https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/staffordshire/legitimacy/"
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        page = io.BytesIO(SEED_HTML.read_bytes() + b"<!-- crawled -->")
        writer.write_record(writer.create_warc_record(url, "response", payload=page, http_headers=http))
        writer.write_record(
            writer.create_warc_record(url + "logo.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=png)
        )
        revisit = writer.create_revisit_record(
            url, digest="sha1:AAAA", refers_to_uri=url, refers_to_date="2019-01-01T00:00:00Z"
        )
        writer.write_record(revisit)
    return path


def _gzip_bomb(tmp: Path) -> Path:
    import gzip

    path = tmp / "bomb.html.gz"
    with gzip.open(path, "wb") as stream:
        for _ in range(100):
            stream.write(b"\0" * (1024 * 1024))
    return path


def _capped(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], list[dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("hostile")
    inputs = [b(tmp) for b in (_zip_bomb, _odd_zip, _hostile_tar, _truncated_tar_gz, _warc, _gzip_bomb)]
    before = sorted(p.name for p in tmp.iterdir())
    out, errors = tmp / "out.jsonl", tmp / "errors.jsonl"
    command = [
        sys.executable,
        "-m",
        "peel_extract",
        "batch",
        *map(str, inputs),
        "-o",
        str(out),
        "--errors",
        str(errors),
    ]
    done = subprocess.run(
        [*command, "--workers", "1", "--quiet"], cwd=ROOT, timeout=120, preexec_fn=lambda: _capped(2 << 30)
    )
    assert done.returncode == 1
    assert sorted(p.name for p in tmp.iterdir()) == sorted([*before, "out.jsonl", "errors.jsonl"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    logged = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    return tmp, records, logged


def _where(entry: dict[str, Any]) -> str:
    source = entry["source"]
    return f"{Path(source['path']).name}!{source['member']}" if source["member"] else Path(source["path"]).name


def test_archives_give_records_for_their_good_pages(hostile_batch: tuple[Path, list[Any], list[Any]]) -> None:
    _, records, _ = hostile_batch
    names = [_where(r) for r in records]
    cut = [n for n in names if n.startswith("cut.tar.gz!")]
    # The gzip stream stops inside the last members: every page before the cut is converted, in order.
    assert len(cut) >= 4 and cut == [f"cut.tar.gz!page{index}.txt" for index in range(len(cut))]
    assert [n for n in names if n not in cut] == [
        "bomb.zip!good.txt",
        "bomb.zip!later.html",
        "odd.zip!../../escape.txt",
        "hostile.tar!../../outside.txt",
        "hostile.tar!/etc/absolute.txt",
        "hostile.tar!dup.txt",
        "crawl.warc.gz!https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/staffordshire/legitimacy/",
    ]
    assert {r["force"] for r in records} == {"Staffordshire"}


def test_archives_report_what_they_could_not_give(hostile_batch: tuple[Path, list[Any], list[Any]]) -> None:
    _, _, logged = hostile_batch
    got = [(_where(e), e["code"], e["message"]) for e in logged]
    assert got.pop(3) == ("hostile.tar!dup.txt", "duplicate", "the same page again, same name and bytes")
    assert got[:8] == [
        ("bomb.zip!bomb.html", "too_large", "the member expands over 200:1, a compression bomb (--max-ratio)"),
        ("odd.zip!secret.html", "archive_error", "the member is encrypted: not read"),
        ("odd.zip!C:\\windows\\page.txt", "not_peel", "not an HMICFRS PEEL page (no '<Force> PEEL <year>' title line)"),
        ("hostile.tar!link.html", "skipped", "a link, not a file: not read"),
        ("hostile.tar!hard.html", "skipped", "a link, not a file: not read"),
        ("hostile.tar!dev.html", "skipped", "a device or special file, not a file: not read"),
        ("cut.tar.gz", "archive_error", got[6][2]),
        ("crawl.warc.gz!https://www.justiceinspectorates.gov.uk/hmicfrs/peel-assessments/peel-2018/staffordshire/legitimacy/logo.png",
         "skipped", "a WARC response of type image/png: not a page"),
    ]  # fmt: skip
    assert got[6][2].startswith("broken tar archive: ")
    assert got[8][1:] == ("skipped", "a WARC revisit record: no page body")
    assert got[9] == (
        "bomb.html.gz",
        "too_large",
        "gzip data expands over 200:1, a compression bomb (raise --max-ratio)",
    )
    assert len(got) == 10


def test_deep_bullet_nesting_is_a_clear_error() -> None:
    from peel_extract import extract_page

    head = (
        "Gwent PEEL 2017\n\nHow legitimate is the force?\n\nQuestions for Legitimacy\n\n"
        "How well?\n\nAreas for improvement\n\n"
    )
    page = head + "".join(" " * i + "• item\n" for i in range(3000))
    with pytest.raises(PeelError) as caught:
        extract_page(page.encode(), "deep.txt")
    assert str(caught.value) == "deep.txt:111: lists nest deeper than 100 levels"
    nested = head + "".join(" " * i + "• item\n" for i in range(50))
    record = as_json(extract_page(nested.encode(), "ok.txt"))
    node, depth = record["questions"][0]["areas_for_improvement"][0], 1
    while node["items"]:
        node, depth = node["items"][0], depth + 1
    assert depth == 50


# --- item 6: a malformed WARC is one archive_error, and the batch goes on ---


def _warc_records(payloads: list[bytes]) -> list[bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = []
    for index, payload in enumerate(payloads):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        url = f"https://example.org/{index}"
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
        records.append(buffer.getvalue())
    return records


BAD_LENGTHS = {
    "abc": "a record's Content-Length is 'abc', not a size",
    "-1": "a record's Content-Length is '-1', not a size",
    "99999999": "a record's Content-Length (99999999) is larger than the file",
    "99999999999999999999": "a record's Content-Length is too large",
    "30000": "a record's Content-Length does not match its content",
}


# A gzipped WARC's record ends with its gzip member, whatever its Content-Length says.
MALFORMED = [*((length, False) for length in BAD_LENGTHS), ("abc", True), ("-1", True), ("99999999999999999999", True)]


@pytest.mark.parametrize(("length", "gzipped"), MALFORMED, ids=[f"{n}{'.gz' if z else ''}" for n, z in MALFORMED])
def test_a_malformed_warc_is_one_archive_error_and_the_batch_goes_on(
    tmp_path: Path, length: str, gzipped: bool
) -> None:
    import gzip

    seed = SEED_TEXT.read_bytes()
    records = _warc_records([seed + b"A", seed + b"B", seed + b"C"])
    records[1] = re.sub(rb"Content-Length: \d+", f"Content-Length: {length}".encode(), records[1], count=1)
    warc = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    warc.write_bytes(b"".join(gzip.compress(r) for r in records) if gzipped else b"".join(records))
    (tmp_path / "after").mkdir()
    (tmp_path / "after" / "page.txt").write_bytes(seed + b"D")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    command = [sys.executable, "-m", "peel_extract", "batch", str(SEED_TEXT), str(warc), str(tmp_path / "after")]
    done = subprocess.run(
        [*command, "-o", str(out), "--errors", str(errors), "-q"], cwd=ROOT, timeout=120, capture_output=True
    )
    assert (done.returncode, done.stderr) == (1, b"")
    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(s["path"], s["member"]) for s in sources] == [
        (str(SEED_TEXT), None),
        (str(warc), "https://example.org/0"),
        (str(tmp_path / "after" / "page.txt"), None),
    ]
    logged = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(e["source"]["path"], e["code"], e["message"]) for e in logged] == [
        (str(warc), "archive_error", f"broken warc archive: {BAD_LENGTHS[length]}")
    ]


# --- item 7: a gzip file of many members is read in linear time ---


def test_gunzip_of_many_members_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts the bytes handed to zlib: linear in the size, where copying the rest for every
    member (quadratic) hands it some 25,000 times the size here."""
    import gzip
    import zlib

    from peel_extract.options import Limits
    from peel_extract.read import page as read

    fed = [0]
    make = zlib.decompressobj

    class Counting:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._inflater = make(*args, **kwargs)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            fed[0] += len(data)
            return self._inflater.decompress(data, max_length)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inflater, name)

    monkeypatch.setattr(read.zlib, "decompressobj", Counting)
    data = gzip.compress(b"") * 50_000 + gzip.compress(SEED_TEXT.read_bytes())
    assert read.gunzip(data, "many.txt.gz", Limits()) == SEED_TEXT.read_bytes()
    assert fed[0] < 8 * len(data)


# --- item 14: a page's peak memory is bounded, or the page is refused (an element and line limit) ---


def _with_list(page: str, heading: str, items: list[str]) -> str:
    at = page.index(heading) + len(heading)
    return page[:at] + "".join(items) + page[at:]


def _extract_capped(page: Path, memory: int) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "peel_extract", "extract", str(page), "-o", str(page.with_suffix(".json"))]
    return subprocess.run(command, cwd=ROOT, timeout=300, capture_output=True, preexec_fn=lambda: _capped(memory))


@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_page_of_too_many_elements_is_refused_in_bounded_memory(tmp_path: Path, kind: str) -> None:
    """1.2 million list items (18 MB) took 2 GB; refused, with 800 MB of address space."""
    if kind == "html":
        items, what = ["<li>x item</li>"] * 1_200_000, "HTML elements"
        page = _with_list(SEED_HTML.read_text(encoding="utf-8"), "<h4>Areas for improvement</h4>\n<ul>", items)
    else:
        items, what = ["  • item\n"] * 1_000_000, "lines"
        page = _with_list(SEED_TEXT.read_text(encoding="utf-8"), "Areas for improvement\n\n", items)
    path = tmp_path / f"many.{'html' if kind == 'html' else 'txt'}"
    path.write_text(page, encoding="utf-8")
    done = _extract_capped(path, 800 << 20)
    refused = f"peel-extract: {path}: the page has more than 200000 {what} (raise it with --max-elements)\n"
    assert (done.returncode, done.stderr.decode()) == (1, refused)


@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_page_just_within_the_element_limit_converts_in_800_mb(tmp_path: Path, kind: str) -> None:
    text = "The force should improve how it records and reviews this part of its work, item "
    if kind == "html":
        seed = SEED_HTML.read_text(encoding="utf-8")
        room = 200_000 - seed.count("<") + seed.count("</")
        page = _with_list(seed, "<h4>Areas for improvement</h4>\n<ul>", [f"<li>{text}{n}</li>" for n in range(room)])
    else:
        seed = SEED_TEXT.read_text(encoding="utf-8")
        room = 200_000 - seed.count("\n") - 1
        page = _with_list(seed, "Areas for improvement\n\n", [f"  • {text}{n}\n" for n in range(room)])
    path = tmp_path / f"near.{'html' if kind == 'html' else 'txt'}"
    path.write_text(page, encoding="utf-8")
    done = _extract_capped(path, 800 << 20)
    assert (done.returncode, done.stderr) == (0, b"")
    record = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    items = record["questions"][1]["areas_for_improvement"]  # the seed's first list is the second question's
    assert items[0]["text"] == f"{text}0" and len(items) >= room - 200


# --- items 15 and 16: a text node over libxml2's limit says so; noembed, a stray title, bogus comments ---


def test_a_text_node_over_the_parser_limit_says_what_it_is() -> None:
    from peel_extract import extract_page

    seed = SEED_HTML.read_text(encoding="utf-8")
    at = seed.index("<h4>Areas for improvement</h4>")
    page = seed[:at] + "<p>" + "word " * (12 * 1024 * 1024 // 5) + "</p>\n" + seed[at:]
    with pytest.raises(PeelError) as caught:
        extract_page(page.encode(), "big.html")
    line = seed[:at].count("\n") + 1
    assert str(caught.value) == (
        f"big.html:{line}: one run of text (or a comment) is larger than the HTML parser's 10 MB limit for a text node"
    )


HIDDEN_MARKUP = (
    "<noembed>NOEMBED LEAK</noembed><noframes>NOFRAMES LEAK</noframes><title>STRAY TITLE LEAK</title>"
    "<! BOGUS COMMENT LEAK ><!BOGUS LEAK><!-- COMMENT LEAK --!><?pi PI LEAK?>"
)


@pytest.mark.parametrize("utf8", [True, False], ids=["utf-8", "windows-1252"])
def test_noembed_a_stray_title_and_bogus_comments_are_not_content(utf8: bool) -> None:
    from peel_extract import extract_page

    seed = SEED_HTML.read_text(encoding="utf-8")
    at = seed.index("<h4>Areas for improvement</h4>")
    page = seed[:at] + HIDDEN_MARKUP + seed[at:]
    data = page.encode() if utf8 else page.replace("’", "'").encode("cp1252")
    record = as_json(extract_page(data, "hidden.html"))
    assert "LEAK" not in json.dumps(record)
    original = as_json(extract_page(seed.encode() if utf8 else seed.replace("’", "'").encode("cp1252"), "seed.html"))
    assert _content(record) == _content(original)


# --- issue 17 item 6: names that are not UTF-8, or hold control characters, are shown escaped ---

RAW_NAMES = {"page\udcff.txt": "page\\xff.txt", "bell\x07\x1b[31mred.txt": "bell\\x07\\x1b[31mred.txt"}
"""File names as Python holds them (a byte that is not UTF-8 as a lone surrogate) -> as shown."""


def _named_site(tmp: Path) -> Path:
    site = tmp / "site"
    site.mkdir()
    for name in RAW_NAMES:
        (site / name).write_bytes(SEED_TEXT.read_bytes() + name.encode("utf-8", "surrogateescape"))
    (site / "blank\udcfe\n.txt").write_bytes(b" \n")
    with tarfile.open(site / "named.tar", "w", format=tarfile.GNU_FORMAT, errors="surrogateescape") as tar:
        for name, data in (("member\udcff.txt", SEED_TEXT.read_bytes() + b"\n\n"), ("esc\x1b[2J.txt", b"")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return site


def _cli(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "peel_extract", *map(str, args)]
    return subprocess.run(command, capture_output=True, cwd=cwd, timeout=120)


def test_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    site = _named_site(tmp_path)
    out, log = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    done = _cli("batch", site, "-o", out, "--errors", log, "-q")
    assert (done.returncode, done.stderr) == (1, b"")  # two pages fail (logged), none is lost
    records = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
    assert sorted((r["source"]["path"].removeprefix(f"{site}/"), r["source"]["member"]) for r in records) == [
        ("bell\\x07\\x1b[31mred.txt", None),
        ("named.tar", "member\\xff.txt"),
        ("page\\xff.txt", None),
    ]
    logged = [json.loads(line) for line in log.read_bytes().decode("utf-8").splitlines()]
    assert [(e["source"]["path"].removeprefix(f"{site}/"), e["source"]["member"], e["code"]) for e in logged] == [
        ("blank\\xfe\\x0a.txt", None, "empty"),
        ("named.tar", "esc\\x1b[2J.txt", "empty"),
    ]
    # A resumed run knows the escaped names: nothing is converted twice.
    again = _cli("batch", site, "-o", out, "--errors", log, "--resume")
    assert b", 5 already done in " in again.stderr and len(out.read_bytes().splitlines()) == 3


def test_messages_about_such_names_are_one_escaped_line(tmp_path: Path) -> None:
    site = _named_site(tmp_path)
    done = _cli("batch", site, "-o", tmp_path / "out.jsonl", "-q")
    assert done.stderr.decode("ascii").splitlines() == [
        f"peel-extract: {site}/blank\\xfe\\x0a.txt: the file holds only white space",
        f"peel-extract: {site}/named.tar!esc\\x1b[2J.txt: the file is empty",
    ]
    for raw, shown in RAW_NAMES.items():
        record = _cli("extract", site / raw)
        assert record.returncode == 0 and json.loads(record.stdout)["source"]["path"] == f"{site}/{shown}"
    missing = _cli("extract", tmp_path / "gone\udcff\x1b\n.txt")
    assert missing.stderr == f"peel-extract: {tmp_path}/gone\\xff\\x1b\\x0a.txt: no such file\n".encode()


def test_a_database_whose_name_is_not_utf8_gives_its_report(tmp_path: Path) -> None:
    database = tmp_path / "grades\udcff.db"
    assert _cli("batch", SEED_TEXT, "-o", tmp_path / "out.jsonl", "--sqlite", database, "-q").returncode == 0
    done = _cli("report", database, "-o", tmp_path / "grades.html")
    assert (done.returncode, done.stderr) == (0, b"")
    assert "grades\\xff.db" in (tmp_path / "grades.html").read_text(encoding="utf-8")
    refused = _cli("report", tmp_path / "none\udcff.db")
    assert refused.stderr.decode("ascii").startswith(f"peel-extract: {tmp_path}/none\\xff.db: ")
