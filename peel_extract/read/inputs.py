"""A batch's inputs -> Sources, in order: page files as given, folders walked in sorted order,
archive members in the archive's order (read in memory by ``archives.py``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence

from ..options import DEFAULT_LIMITS, Limits
from .archives import archive_kind, count_members, iter_archive
from .page import Source, is_page_name

FileId = tuple[int, int]
"""A file's (device, inode)."""


def iter_sources(
    inputs: Sequence[str],
    limits: Limits = DEFAULT_LIMITS,
    skip: frozenset[FileId] = frozenset(),
    deferred: bool = False,
) -> Iterator[Source]:
    """Every page of the inputs, in order. Files in folders that are in ``skip`` (the run's own
    outputs) are passed over.

    Plain files are yielded unread (read them with ``Source.loaded``), so a batch can have its
    workers read them; so are a zip's members when ``deferred``; other archives' members (tar and
    WARC files are streams) arrive with their bytes."""
    for name in inputs:
        if os.path.isdir(name):
            yield from _iter_folder(name, limits, skip, deferred)
        elif archive_kind(name) is not None:
            yield from iter_archive(name, limits, deferred)
        else:
            yield Source(name)


def _iter_folder(folder: str, limits: Limits, skip: frozenset[FileId], deferred: bool) -> Iterator[Source]:
    """The pages of a folder; a device or a pipe named like a page is reported, not read (it may
    never end)."""
    for path in sorted(walk_files(folder)):
        archive = archive_kind(path) is not None
        if not archive and not is_page_name(path):
            continue
        try:
            info = os.stat(path)
        except OSError:  # a broken link: reported as unreadable where it is read
            yield Source(path)
            continue
        if (info.st_dev, info.st_ino) in skip:
            continue
        if not stat.S_ISREG(info.st_mode):
            yield Source(path, skipped="a device or a pipe, not a file: not read")
        elif archive:
            yield from iter_archive(path, limits, deferred)
        else:
            yield Source(path)


def file_id(path: str | None) -> FileId | None:
    """The file's (device, inode); None when there is no such file."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def count_pages(inputs: Sequence[str]) -> int | None:
    """How many pages the inputs hold, when that is cheap to know (not for tar or WARC files)."""
    total = 0
    for name in inputs:
        paths = sorted(walk_files(name)) if os.path.isdir(name) else [name]
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


def walk_files(folder: str) -> Iterator[str]:
    """Every file a batch finds in ``folder`` (hidden folders passed over), links to files included."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            yield os.path.join(root, file)
