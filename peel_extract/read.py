"""Read stage: a path (or '-' for stdin) -> the page's bytes, gunzipped when they are gzip."""

from __future__ import annotations

import gzip
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from .errors import ReadError

STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Source:
    """A page's bytes and the name used for it in records and messages."""

    name: str
    data: bytes


def read_page(path: str | Path) -> Source:
    """Read one page from disk or stdin."""
    name = str(path)
    if name == STDIN:
        return from_bytes("<stdin>", sys.stdin.buffer.read())
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except IsADirectoryError:
        raise ReadError(name, "is a directory, not a page (use 'batch' for folders)") from None
    except PermissionError:
        raise ReadError(name, "permission denied") from None
    except OSError as exc:
        raise ReadError(name, f"cannot be read: {exc.strerror or exc}") from None
    return from_bytes(name, data)


def from_bytes(name: str, data: bytes) -> Source:
    """A source for bytes already in memory, gunzipped when they are gzip."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ReadError(name, f"broken gzip data: {exc}") from None
    return Source(name, data)
