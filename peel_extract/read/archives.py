"""Archive readers: zip, tar (plain, gzip, bzip2, xz) and WARC (plain or gzipped), each member read
in memory.

Nothing is extracted to disk, so member names (``../x``, ``/etc/x``, ``C:\\x``) are only labels.
A member that cannot be read becomes a Source carrying its error; one that is deliberately not
read (a link, a device, a WARC revisit or non-HTML record) a Source saying why; a broken
archive (whatever its reader raises) ends with one error Source after the pages before the
break, and the batch goes on.
"""

from __future__ import annotations

import lzma
import os
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from functools import lru_cache, partial
from typing import Literal

from ..errors import ArchiveError, InputTooLarge, PeelError
from ..options import Limits
from .members import one_line, read_member
from .page import Source, from_bytes, is_page_name, source_label
from .warc import iter_warc
from .zipnames import escaped_name, open_zip

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
_ENCRYPTED = 0x1  # zip general-purpose flag bit 0
_MISNAMED = "the member's name is not UTF-8, though the zip says it is: not read"
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
        "warc": iter_warc,
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
    except Exception as exc:  # whatever a reader (zipfile, tarfile, warcio) raises: a broken archive
        yield Source(path, error=ArchiveError(path, f"broken {kind} archive: {_problem(exc)}"))


def _problem(exc: Exception) -> str:
    """What a reader's exception says, on one line; named by its class when it is not a known one."""
    return one_line(str(exc) if isinstance(exc, _BROKEN) else f"{type(exc).__name__}: {exc}")


def count_members(path: str, kind: ArchiveKind) -> int | None:
    """The number of pages in a zip (read from its directory); None for streams (tar, WARC)."""
    if kind != "zip":
        return None
    try:
        with ExitStack() as stack:
            archive, _ = open_zip(path, stack)
            return sum(1 for i in archive.infolist() if not i.is_dir() and is_page_name(i.filename))
    except Exception:  # a broken zip: one error when it is read
        return 1


def _iter_zip(path: str, limits: Limits, deferred: bool = False) -> Iterator[Source]:
    with ExitStack() as stack:
        archive, misnamed = open_zip(path, stack)
        for index, info in enumerate(archive.infolist()):
            if info.is_dir() or not is_page_name(info.filename):
                continue
            if index in misnamed:
                yield _refused(path, escaped_name(info), _MISNAMED)
            elif info.flag_bits & _ENCRYPTED:
                yield _refused(path, info.filename, "the member is encrypted: not read")
            elif deferred:
                yield Source(path, member=info.filename, reader=partial(read_zip_member, path, index))
            else:
                yield _zip_member(archive, path, info, limits)


def _refused(path: str, member: str, why: str) -> Source:
    return Source(path, member=member, error=ArchiveError(source_label(path, member), why))


def read_zip_member(path: str, index: int, limits: Limits) -> Source:
    """The ``index``-th member of a zip, read (in a batch's worker) through the zip it keeps open."""
    try:
        state = os.stat(path)
        archive = _open_zip(path, (state.st_size, state.st_mtime_ns))
        info = archive.infolist()[index]
    except Exception as exc:  # the zip changed or broke since its directory was read
        return Source(path, error=ArchiveError(path, f"broken zip archive: {_problem(exc)}"))
    return _zip_member(archive, path, info, limits)


@lru_cache(maxsize=2)
def _open_zip(path: str, stamp: tuple[int, int]) -> zipfile.ZipFile:
    """A zip kept open by a worker, whose directory is read once, not once per member (while the
    file's size and time, ``stamp``, stay the same)."""
    return open_zip(path, ExitStack())[0]  # never closed: it lives as long as the worker


def _zip_member(archive: zipfile.ZipFile, path: str, info: zipfile.ZipInfo, limits: Limits) -> Source:
    label = source_label(path, info.filename)
    try:
        with archive.open(info) as stream:
            data = read_member(stream, label, info.file_size, info.compress_size, limits)
    except PeelError as error:
        return Source(path, member=info.filename, error=error)
    except Exception as exc:  # encrypted, corrupt, or compressed with a method zipfile lacks
        return Source(path, member=info.filename, error=ArchiveError(label, f"cannot read the member: {_problem(exc)}"))
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
                data = read_member(handle, label, info.size, packed, limits) if handle else b""
            except InputTooLarge as error:
                # Stop here: skipping the member would still mean decompressing all of it.
                yield Source(path, member=info.name, error=error)
                return
            yield from_bytes(path, data, limits, member=info.name)
