"""WARC files (plain, gzipped record by record, or gzipped whole) -> the pages of their response and
resource records, read with warcio.

A record is given once the next one is found where its declared length says: a record whose
length is wrong (it would hold part of the next) is not given, and the archive ends there with an
error. A record that the end of the file cuts short is an error of its own (it is not converted).
Whatever else warcio raises ends the archive with one error, after the pages before it.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterator
from typing import IO, Any

from ..errors import ArchiveError, PeelError
from ..options import MB, Limits
from .members import one_line, read_member
from .page import Source, from_bytes, source_label

# Pages, and MHTML files (a saved page with its images: read as a page by ``from_bytes``).
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "multipart/related", "application/x-mimearchive")
_DIGITS = re.compile(r"[0-9]+")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';,\s]+)""", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 * MB


def iter_warc(path: str, limits: Limits) -> Iterator[Source]:
    """The pages of a WARC, in its order; a broken WARC raises ArchiveError after them."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as raw:
        stream = _Unzipped(raw)
        # A plain WARC's records cannot be longer than the file (a gzipped one's can: its size says less).
        largest = None if stream.gzipped else os.path.getsize(path)
        records = ArchiveIterator(stream)
        _read_without_uri(records.loader)
        records.INC_RECORD = ""  # warcio would print a warning on stderr itself: _framed reports it
        ahead: Source | None = None
        number, cut = 0, False
        try:
            for record in records:
                number += 1
                yield from _framed(path, records, ahead)
                ahead = None  # given: not to be given again if what follows fails
                ahead = _record_source(path, record, _declared_length(path, record, largest), limits)
                missing = _missing(record)
                if missing:
                    ahead, cut = _cut_short(path, record, missing), True
            yield from _framed(path, records, ahead)
        except PeelError:
            raise
        except Exception as exc:  # warcio could not read the next record: the one before is whole
            yield from _framed(path, records, ahead)
            raise ArchiveError(path, f"broken warc archive: {_problem(exc, number)}") from None
        if stream.cut and not cut:
            raise ArchiveError(path, "broken warc archive: the gzip data is cut short after the last record")


class _Unzipped:
    """A WARC file as warcio reads it, gunzipped here when it is gzip: one gzip member per record or
    one for the whole file (warcio alone reads only the first record of that). Where the gzip data
    is cut short, the stream ends, and ``cut`` says so."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.gzipped = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        self._raw = raw
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb") if self.gzipped else None
        self.cut = False

    def read(self, size: int = -1) -> bytes:
        if self._gzip is None:
            return self._raw.read(size)
        try:
            # One read of the gzip data at a time: where it is cut, all read before is kept.
            return self._gzip.read1(size)
        except EOFError:
            self.cut = True
            return b""

    def tell(self) -> int:
        return self._raw.tell() if self._gzip is None else self._gzip.tell()


def _read_without_uri(loader: Any) -> None:
    """Let warcio read the HTTP headers of a record that lacks its WARC-Target-URI (it raised AttributeError on
    one, and the records after it were lost): such a record is named by its WARC-Record-ID instead."""
    load = loader.load_http_headers

    def load_http_headers(rec_type: str, uri: str | None, stream: Any, length: int | None) -> Any:
        return load(rec_type, "http:" if uri is None else uri, stream, length)

    loader.load_http_headers = load_http_headers


def _framed(path: str, records: Any, ahead: Source | None) -> Iterator[Source]:
    """The record read last, unless the WARC reader found it does not end where its length says."""
    if records.err_count:
        raise ArchiveError(path, "broken warc archive: a record's Content-Length does not match its content")
    if ahead is not None:
        yield ahead


def _problem(exc: Exception, records: int) -> str:
    """What went wrong after ``records`` records were read, on one line."""
    from warcio.exceptions import ArchiveLoadFailed

    if isinstance(exc, OverflowError):
        return "a record's Content-Length is too large"
    if isinstance(exc, ArchiveLoadFailed):  # warcio's own: it says what it found
        return one_line(str(exc))
    return one_line(f"record {records + 1} cannot be read ({type(exc).__name__}: {exc})")


def _declared_length(path: str, record: Any, largest: int | None) -> int:
    """A record's Content-Length, checked: a bad one leaves the records after it unreadable."""
    header = record.rec_headers.get_header("Content-Length")
    if header is None:
        raise ArchiveError(path, "broken warc archive: a record has no Content-Length")
    text = header.strip()
    if not _DIGITS.fullmatch(text):
        raise ArchiveError(path, f"broken warc archive: a record's Content-Length is {text!r}, not a size")
    if largest is not None and int(text) > largest:
        raise ArchiveError(path, f"broken warc archive: a record's Content-Length ({text}) is larger than the file")
    return int(text)


def _missing(record: Any) -> int:
    """How many bytes of the record the file lacks (its Content-Length says more than is left).
    Reads the record to its end, as warcio would."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return int(getattr(stream, "limit", 0))


def _names(record: Any) -> tuple[str | None, str | None]:
    """A record's name (its WARC-Target-URI, else its WARC-Record-ID) and its URL."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    return url or record.rec_headers.get_header("WARC-Record-ID"), url


def _cut_short(path: str, record: Any, missing: int) -> Source:
    name, url = _names(record)
    message = f"the record is cut short: the file ends {missing} bytes before the record does (not converted)"
    return Source(path, member=name, url=url, error=ArchiveError(source_label(path, name), message))


def _record_source(path: str, record: Any, length: int, limits: Limits) -> Source | None:
    """A page from a WARC response or resource record; a revisit or non-page response is reported."""
    kind = record.rec_type
    name, url = _names(record)
    captured = record.rec_headers.get_header("WARC-Date")
    if kind == "revisit":
        return Source(path, member=name, url=url, captured=captured, skipped="a WARC revisit record: no page body")
    if kind not in ("response", "resource"):
        return None
    headers = record.http_headers if kind == "response" else record.rec_headers
    content_type = ((headers.get_header("Content-Type") if headers else None) or "").lower()
    if not content_type.startswith(_PAGE_TYPES):
        message = f"a WARC {kind} of type {content_type or 'unknown'}: not a page"
        return Source(path, member=name, url=url, captured=captured, skipped=message)
    label = source_label(path, name)
    try:
        # A WARC block's length is its uncompressed size: refused before reading when too large.
        data = read_member(record.content_stream(), label, length, length, limits)
    except PeelError as error:
        return Source(path, member=name, url=url, captured=captured, error=error)
    except Exception as exc:  # a body warcio cannot undo (bad chunks, bad HTTP gzip)
        problem = f"cannot read the record's body: {one_line(f'{type(exc).__name__}: {exc}')}"
        return Source(path, member=name, url=url, captured=captured, error=ArchiveError(label, problem))
    charset = _CHARSET.search(content_type)
    return from_bytes(
        path, data, limits, member=name, url=url, captured=captured, charset=charset.group(1) if charset else None
    )
