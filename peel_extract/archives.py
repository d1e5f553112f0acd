"""Archive readers: zip, tar (plain, gzip, bzip2, xz) and WARC, each member read in memory.

A member that cannot be read becomes a Source carrying its error; a broken archive ends with
one such Source and the batch goes on.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Iterator
from typing import Literal

from .errors import ArchiveError
from .read import Source, from_bytes, is_page_name

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
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def archive_kind(name: str) -> ArchiveKind | None:
    """The kind of archive a file name says it is, if any."""
    lower = name.lower()
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    return None


def iter_archive(path: str) -> Iterator[Source]:
    """The pages in one archive, in the archive's order."""
    kind = archive_kind(path)
    reader = {"zip": _iter_zip, "tar": _iter_tar, "warc": _iter_warc}[kind or "zip"]
    try:
        yield from reader(path)
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, ValueError) as exc:
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


def _iter_zip(path: str) -> Iterator[Source]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir() or not is_page_name(info.filename):
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as exc:
                yield Source(path, member=info.filename, error=ArchiveError(f"{path}!{info.filename}", str(exc)))
                continue
            yield from_bytes(path, data, member=info.filename)


def _iter_tar(path: str) -> Iterator[Source]:
    with tarfile.open(path, mode="r|*") as archive:
        for info in archive:
            if not info.isfile() or not is_page_name(info.name):
                continue
            handle = archive.extractfile(info)
            if handle is not None:
                yield from_bytes(path, handle.read(), member=info.name)


def _iter_warc(path: str) -> Iterator[Source]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            captured = record.rec_headers.get_header("WARC-Date")
            data = record.content_stream().read()
            yield from_bytes(path, data, member=url, url=url, captured=captured)
