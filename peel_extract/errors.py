"""Typed errors and in-record warnings; every one names its source and, where known, its line."""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    """A recoverable oddity found while reading a page; it becomes a warning in the record."""

    code: str
    """Short machine-readable name, e.g. ``judgment_missing`` or ``truncated``."""
    message: str
    """One sentence for a person."""
    line: int | None = None
    """1-based source line the issue refers to, when known."""


class PeelError(Exception):
    """Base of every error peel-extract raises on purpose; rendered as ``source:line: message``."""

    code = "error"

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


class ReadError(PeelError):
    """The input could not be read (missing, a directory, permission denied)."""

    code = "read_error"


class EmptyInput(PeelError):
    """The input holds no bytes, or only white space."""

    code = "empty"


class DecodeError(PeelError):
    """The bytes are not text in any encoding we can trust (binary data, a PDF, an image)."""

    code = "undecodable"


class NotAPeelPage(PeelError):
    """The text is readable but is not an HMICFRS PEEL page."""

    code = "not_peel"


class InputTooLarge(PeelError):
    """Over a limit: a page or member too large, a compression bomb, nesting too deep."""

    code = "too_large"


class ArchiveError(PeelError):
    """An archive, or one of its members, cannot be read (corrupt, truncated, encrypted)."""

    code = "archive_error"


class RecordsError(PeelError):
    """A records file given to 'tables' holds a line that is not a JSON record."""

    code = "bad_records"


class OutputError(PeelError):
    """An output cannot be written: no such folder, permission denied, the disk is full."""

    code = "output_error"


class OutputRefused(OutputError):
    """An output refused before any work: it cannot be created, it is also an input or another
    output, or another run is writing it. Nothing has been written."""

    code = "output_refused"


class WorkerDied(PeelError):
    """A worker process died (killed, perhaps for lack of memory): the pages in progress, and all
    after them, were not converted; a run with ``resume`` converts them."""

    code = "worker_died"


class UnsupportedPageType(PeelError):
    """An HMICFRS page of a kind peel-extract does not convert yet; the message names the kind."""

    code = "unsupported_page_type"


# How an output failure reads: the common causes in plain words, anything else as the system says it.
_WRITE_REASONS = {
    errno.ENOENT: "no such folder",
    errno.ENOTDIR: "no such folder",
    errno.EISDIR: "is a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def cannot_write(path: str, exc: OSError, error: type[OutputError] = OutputError) -> OutputError:
    """The error for an output that could not be written, in one line."""
    reason = _WRITE_REASONS.get(exc.errno or 0) or (exc.strerror or str(exc))
    return error(path, f"cannot write: {reason[:1].lower()}{reason[1:]}")


class NotAPeelDatabase(PeelError):
    """The file given to 'report' cannot be read as peel-extract's tables: not SQLite, not our tables, a value
    of the wrong type (a NULL grade, a BLOB name), or locked by another program's write."""

    code = "bad_database"
