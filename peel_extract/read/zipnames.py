"""A zip whose directory flags a member's name as UTF-8 when it is not: zipfile refuses the whole
archive (UnicodeDecodeError). ``open_zip`` opens it anyway, the flag cleared on those names only,
and says which members they are, so the others can be read.
"""

from __future__ import annotations

import struct
import zipfile
from contextlib import ExitStack

_CENTRAL_HEADER = b"PK\x01\x02"
_CENTRAL_SIZE = 46  # the fixed part of a central directory entry
_UTF8_NAME = 0x800  # general purpose flag bit 11: the name is UTF-8


def open_zip(path: str, stack: ExitStack) -> tuple[zipfile.ZipFile, frozenset[int]]:
    """A zip open for reading (closed with ``stack``), and the places in its directory of members
    whose names are flagged UTF-8 but are not (read as cp437, byte for byte: see ``escaped_name``)."""
    try:
        return stack.enter_context(zipfile.ZipFile(path)), frozenset()
    except UnicodeDecodeError:
        pass
    mender = stack.enter_context(_NameMender(path))
    archive = stack.enter_context(zipfile.ZipFile(mender))
    mender.reading_directory = False
    return archive, mender.mended


def escaped_name(info: zipfile.ZipInfo) -> str:
    """The name of a member ``open_zip`` had to mend, its bytes that are not UTF-8 escaped
    (``page\\xff.html``), fit for a record, a log line or a terminal."""
    return info.orig_filename.encode("cp437").decode("utf-8", errors="backslashreplace")


class _NameMender:
    """The zip file as zipfile reads it, except that in its central directory (read once, when the
    zip is opened) the UTF-8 flag is cleared on names that are not UTF-8."""

    def __init__(self, path: str) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 (closed by __exit__)
        self.mended: frozenset[int] = frozenset()
        self.reading_directory = True

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        if self.reading_directory and data.startswith(_CENTRAL_HEADER):
            data, self.mended = _mend(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def seekable(self) -> bool:
        return True

    def __enter__(self) -> _NameMender:
        return self

    def __exit__(self, *raised: object) -> None:
        self._file.close()


def _mend(directory: bytes) -> tuple[bytes, frozenset[int]]:
    """The central directory with the UTF-8 flag cleared on the names that are not UTF-8, and the
    places of those entries."""
    out, mended, at, index = bytearray(directory), set(), 0, 0
    while out.startswith(_CENTRAL_HEADER, at) and at + _CENTRAL_SIZE <= len(out):
        (flags,) = struct.unpack_from("<H", out, at + 8)
        name_size, extra_size, comment_size = struct.unpack_from("<HHH", out, at + 28)
        name = bytes(out[at + _CENTRAL_SIZE : at + _CENTRAL_SIZE + name_size])
        if flags & _UTF8_NAME and not _is_utf8(name):
            struct.pack_into("<H", out, at + 8, flags & ~_UTF8_NAME)
            mended.add(index)
        at += _CENTRAL_SIZE + name_size + extra_size + comment_size
        index += 1
    return bytes(out), frozenset(mended)


def _is_utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
