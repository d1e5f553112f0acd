"""Read stage: paths (files, folders, archives) or stdin -> a stream of Sources with their bytes.

Archives are read in memory, one member at a time; nothing is ever extracted to disk.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import PeelError, ReadError

STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"
# Names of files (in folders and archives) that can be saved pages; other files are skipped.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".php", ".asp", ".aspx", ""})


@dataclass(frozen=True, slots=True)
class Source:
    """A page's bytes, where they came from, or why they could not be read."""

    name: str
    """The file as given on the command line (or inside a folder), or '<stdin>'."""
    data: bytes = b""
    member: str | None = None
    """The member's name inside an archive."""
    url: str | None = None
    """The page's URL, when an archive (WARC) records it."""
    captured: str | None = None
    """When the page was captured, when an archive (WARC) records it."""
    error: PeelError | None = None
    """Set instead of ``data`` when the page (or its archive) could not be read."""

    @property
    def label(self) -> str:
        """How messages name this source: ``archive.zip!member.html`` or the path."""
        return f"{self.name}!{self.member}" if self.member else self.name


def read_page(path: str | Path) -> Source:
    """Read one page from disk or stdin (a read failure raises)."""
    name = str(path)
    if name == STDIN:
        return from_bytes("<stdin>", sys.stdin.buffer.read())
    source = from_bytes(name, _read_file(name))
    if source.error is not None:
        raise source.error
    return source


def _read_file(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except IsADirectoryError:
        raise ReadError(name, "is a directory, not a page (use 'batch' for folders)") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, f"cannot be read: {exc.strerror or exc}") from None


def from_bytes(
    name: str, data: bytes, *, member: str | None = None, url: str | None = None, captured: str | None = None
) -> Source:
    """A source for bytes already in memory, gunzipped when they are gzip."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            label = f"{name}!{member}" if member else name
            error = ReadError(label, f"broken gzip data: {exc}")
            return Source(name, member=member, url=url, captured=captured, error=error)
    return Source(name, data, member=member, url=url, captured=captured)


def is_page_name(name: str) -> bool:
    """Whether a file or member name can be a saved page (by its suffix, gzip or not)."""
    path = Path(name.removesuffix(".gz") if name.endswith(".gz") else name)
    return not path.name.startswith(".") and path.suffix.lower() in PAGE_SUFFIXES


def iter_sources(inputs: list[str]) -> Iterator[Source]:
    """Every page of the inputs, in order: files as given, folders sorted, archive members in order."""
    from .archives import archive_kind, iter_archive

    for name in inputs:
        if os.path.isdir(name):
            yield from _iter_folder(name)
        elif archive_kind(name) is not None:
            yield from iter_archive(name)
        else:
            yield _file_source(name)


def _file_source(name: str) -> Source:
    try:
        return from_bytes(name, _read_file(name))
    except ReadError as error:
        return Source(name, error=error)


def _iter_folder(folder: str) -> Iterator[Source]:
    from .archives import archive_kind, iter_archive

    for path in sorted(_walk(folder)):
        if archive_kind(path) is not None:
            yield from iter_archive(path)
        elif is_page_name(path):
            yield _file_source(path)


def count_pages(inputs: list[str]) -> int | None:
    """How many pages the inputs hold, when that is cheap to know (not for tar or WARC files)."""
    from .archives import archive_kind, count_members

    total = 0
    for name in inputs:
        paths = sorted(_walk(name)) if os.path.isdir(name) else [name]
        for path in paths:
            kind = archive_kind(path)
            if kind is None and (is_page_name(path) or not os.path.isdir(name)):
                total += 1
            elif kind is not None:
                members = count_members(path, kind)
                if members is None:
                    return None
                total += members
    return total


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            yield os.path.join(root, file)
