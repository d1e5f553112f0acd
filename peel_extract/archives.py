"""Archive readers: zip, tar (plain, gzip, bzip2, xz) and WARC, each member read in memory.

Nothing is extracted to disk, so member names (``../x``, ``/etc/x``, ``C:\\x``) are only labels.
A member that cannot be read becomes a Source carrying its error; one that is deliberately not
read (a link, a device, a WARC revisit or non-HTML record) a Source saying why; a broken
archive ends with one error Source, and the batch goes on.
"""

from __future__ import annotations

import lzma
import os
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import IO, Any, Literal

from .errors import ArchiveError, InputTooLarge, PeelError
from .options import RATIO_FLOOR, Limits
from .read import Source, from_bytes, is_page_name, source_label, too_large

ArchiveKind = Literal["zip", "tar", "warc"]
_SUFFIXES: tuple[tuple[str, ArchiveKind], ...] = (
    (".zip", "zip"),
    (".tar", "tar"),
    (".tar.gz", "tar"),
    (".tgz", "tar"),
    (".tar.bz2", "tar"),
    (".tbz2", "tar"),
    (".tar.xz", "tar"),
    (".txz", "tar"),
    (".warc", "warc"),
    (".warc.gz", "warc"),
)
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_DIGITS = re.compile(r"[0-9]+")
_ENCRYPTED = 0x1  # zip general-purpose flag bit 0
_BROKEN = (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, zlib.error, lzma.LZMAError, ValueError)


def archive_kind(name: str) -> ArchiveKind | None:
    """The kind of archive a file name says it is, if any."""
    lower = name.lower()
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    return None


def iter_archive(path: str, limits: Limits, deferred: bool = False) -> Iterator[Source]:
    """The pages in one archive, in the archive's order, within the limits.

    ``deferred``: a zip's members are not read here but by whoever loads each Source (a batch's
    workers: a zip's directory says where each member is, so they need not wait on this process).
    Tar and WARC files are streams, read here in order.
    """
    kind = archive_kind(path) or "zip"
    readers: dict[str, Callable[[str, Limits], Iterator[Source]]] = {
        "zip": partial(_iter_zip, deferred=deferred),
        "tar": _iter_tar,
        "warc": _iter_warc,
    }
    reader = readers[kind]
    try:
        for count, source in enumerate(reader(path, limits), start=1):
            if count > limits.max_members:
                message = f"more than {limits.max_members} members; the rest is not read (raise --max-members)"
                yield Source(path, error=ArchiveError(path, message))
                return
            yield source
    except PeelError as error:
        yield Source(path, error=error)
    except _BROKEN as exc:
        yield Source(path, error=ArchiveError(path, f"broken {kind} archive: {exc}"))


def count_members(path: str, kind: ArchiveKind) -> int | None:
    """The number of pages in a zip (read from its directory); None for streams (tar, WARC)."""
    if kind != "zip":
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(1 for i in archive.infolist() if not i.is_dir() and is_page_name(i.filename))
    except (OSError, zipfile.BadZipFile):
        return 1


def _read_member(stream: IO[bytes], label: str, declared: int, packed: int, limits: Limits) -> bytes:
    """A member's bytes, refusing (before reading) one too large or too compressed."""
    _check_member(label, declared, packed, limits)
    data = stream.read(limits.max_member_bytes + 1)
    _check_member(label, len(data), packed, limits)
    return data


def _check_member(label: str, size: int, packed: int, limits: Limits) -> None:
    if size > limits.max_member_bytes:
        raise too_large(label, "the member (decompressed)", limits.max_member_bytes, "--max-member-mb")
    if size > RATIO_FLOOR and size > limits.max_ratio * max(packed, 1):
        raise InputTooLarge(label, f"the member expands over {limits.max_ratio}:1, a compression bomb (--max-ratio)")


def _iter_zip(path: str, limits: Limits, deferred: bool = False) -> Iterator[Source]:
    with zipfile.ZipFile(path) as archive:
        for index, info in enumerate(archive.infolist()):
            if info.is_dir() or not is_page_name(info.filename):
                continue
            if info.flag_bits & _ENCRYPTED:
                label = source_label(path, info.filename)
                yield Source(path, member=info.filename, error=ArchiveError(label, "the member is encrypted: not read"))
            elif deferred:
                yield Source(path, member=info.filename, reader=partial(read_zip_member, path, index))
            else:
                yield _zip_member(archive, path, info, limits)


def read_zip_member(path: str, index: int, limits: Limits) -> Source:
    """The ``index``-th member of a zip, read (in a batch's worker) through the zip it keeps open."""
    try:
        state = os.stat(path)
        archive = _open_zip(path, (state.st_size, state.st_mtime_ns))
        info = archive.infolist()[index]
    except (*_BROKEN, IndexError) as exc:
        return Source(path, error=ArchiveError(path, f"broken zip archive: {exc}"))
    return _zip_member(archive, path, info, limits)


@lru_cache(maxsize=2)
def _open_zip(path: str, stamp: tuple[int, int]) -> zipfile.ZipFile:
    """A zip kept open by a worker, whose directory is read once, not once per member (while the
    file's size and time, ``stamp``, stay the same)."""
    return zipfile.ZipFile(path)


def _zip_member(archive: zipfile.ZipFile, path: str, info: zipfile.ZipInfo, limits: Limits) -> Source:
    label = source_label(path, info.filename)
    try:
        with archive.open(info) as stream:
            data = _read_member(stream, label, info.file_size, info.compress_size, limits)
    except PeelError as error:
        return Source(path, member=info.filename, error=error)
    except (*_BROKEN, RuntimeError, NotImplementedError) as exc:
        # encrypted, corrupt, or compressed with a method zipfile lacks
        return Source(path, member=info.filename, error=ArchiveError(label, f"cannot read the member: {exc}"))
    return from_bytes(path, data, limits, member=info.filename)


def _iter_tar(path: str, limits: Limits) -> Iterator[Source]:
    packed = os.path.getsize(path)
    with tarfile.open(path, mode="r|*") as archive:
        for info in archive:
            if info.isdir() or not is_page_name(info.name):
                continue
            if not info.isfile():
                kind = "a link" if info.issym() or info.islnk() else "a device or special file"
                yield Source(path, member=info.name, skipped=f"{kind}, not a file: not read")
                continue
            label = source_label(path, info.name)
            handle = archive.extractfile(info)
            try:
                data = _read_member(handle, label, info.size, packed, limits) if handle else b""
            except InputTooLarge as error:
                # Stop here: skipping the member would still mean decompressing all of it.
                yield Source(path, member=info.name, error=error)
                return
            yield from_bytes(path, data, limits, member=info.name)


def _iter_warc(path: str, limits: Limits) -> Iterator[Source]:
    """The pages of a WARC. Each record is yielded once the next one is found where its declared
    length says: a record whose length is wrong (it would hold part of the next) is not yielded."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # A plain WARC's records cannot be longer than the file (a gzipped one's can: its size says less).
    largest = None if path.lower().endswith(".gz") else os.path.getsize(path)
    ahead: Source | None = None
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        records.INC_RECORD = ""  # warcio would print a warning on stderr itself: _framed reports it
        try:
            for record in records:
                yield from _framed(path, records, ahead)
                ahead = _warc_source(path, record, _declared_length(path, record, largest), limits)
            yield from _framed(path, records, ahead)
        except (ArchiveLoadFailed, OverflowError) as exc:
            yield from _framed(path, records, ahead)  # a record followed by a broken header is whole
            problem = "a record's Content-Length is too large" if isinstance(exc, OverflowError) else str(exc)
            raise ArchiveError(path, f"broken warc archive: {_one_line(problem)}") from None


def _framed(path: str, records: Any, ahead: Source | None) -> Iterator[Source]:
    """The record read last, unless the WARC reader found it does not end where its length says."""
    if records.err_count:
        raise ArchiveError(path, "broken warc archive: a record's Content-Length does not match its content")
    if ahead is not None:
        yield ahead


def _one_line(message: str, most: int = 200) -> str:
    """A library's message folded to one line, and cut if very long."""
    folded = " ".join(message.split())
    return folded if len(folded) <= most else folded[: most - 3] + "..."


def _declared_length(path: str, record: Any, largest: int | None) -> int:
    """A record's Content-Length, checked: a bad one leaves the records after it unreadable."""
    text = (record.rec_headers.get_header("Content-Length") or "0").strip()
    if not _DIGITS.fullmatch(text):
        raise ArchiveError(path, f"broken warc archive: a record's Content-Length is {text!r}, not a size")
    if largest is not None and int(text) > largest:
        raise ArchiveError(path, f"broken warc archive: a record's Content-Length ({text}) is larger than the file")
    return int(text)


def _warc_source(path: str, record: Any, length: int, limits: Limits) -> Source | None:
    """A page from a WARC response or resource record; a revisit or non-page response is reported."""
    kind = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = record.rec_headers.get_header("WARC-Date")
    if kind == "revisit":
        return Source(path, member=url, url=url, captured=captured, skipped="a WARC revisit record: no page body")
    if kind not in ("response", "resource"):
        return None
    headers = record.http_headers if kind == "response" else record.rec_headers
    content_type = ((headers.get_header("Content-Type") if headers else None) or "").lower()
    if not content_type.startswith(_PAGE_TYPES):
        message = f"a WARC {kind} of type {content_type or 'unknown'}: not a page"
        return Source(path, member=url, url=url, captured=captured, skipped=message)
    label = source_label(path, url)
    try:
        # A WARC block's length is its uncompressed size: refused before reading when too large.
        data = _read_member(record.content_stream(), label, length, length, limits)
    except PeelError as error:
        return Source(path, member=url, url=url, captured=captured, error=error)
    return from_bytes(path, data, limits, member=url, url=url, captured=captured)
