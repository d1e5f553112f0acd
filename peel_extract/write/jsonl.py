"""JSON lines: the sink a batch appends its records and error log to, and the reader of record files."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..errors import OutputError, OutputRefused, RecordsError, cannot_write
from ..read import STDIN, escape_name, read_failure
from ..tables.checked import NotARecord, checked_record
from .files import STDOUT, write_stdout


class JsonlSink:
    """Appends whole lines to a JSONL file (or stdout), many lines to a system call, never part of one.

    A killed run therefore leaves only whole lines (those still waiting to be written are converted
    again on resume); on resume a torn tail (a write cut by a
    crash of the machine itself) is cut back to the last whole line. A regular file is locked
    while it is written, so a second run cannot write it at the same time (where the file system
    cannot lock, it is written unlocked and ``unlocked`` says so); a device or a pipe is written as
    it is. Any failure to write is an OutputError.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.unlocked: str | None = None
        """Why the file is written without a lock (the file system cannot lock), as a note."""
        self._fd: int | None = None
        self._regular = False
        self._pending: list[str] = []
        self._pending_size = 0

    def __enter__(self) -> JsonlSink:
        """Open and lock the file (nothing in it is changed yet: see ``start``)."""
        if self.path is None or self.path == STDOUT:
            return self
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
            self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)
        except OSError as exc:
            self.__exit__()
            raise cannot_write(self.path, exc, OutputRefused) from None
        self._lock()
        return self

    def _lock(self) -> None:
        if not self._regular or self._fd is None:
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):  # NFS without lockd, some FUSE
                reason = exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
                self.unlocked = (
                    f"{escape_name(str(self.path))}: written without a lock, as its file system cannot lock files "
                    f"({reason[:1].lower()}{reason[1:]}): make sure no other run writes it at the same time"
                )
                return
            self.__exit__()
            raise OutputRefused(str(self.path), "another peel-extract run is writing this file") from None

    @property
    def identity(self) -> tuple[int, int] | None:
        """(device, inode) of the file written, when it is a regular file."""
        if self._fd is None or not self._regular:
            return None
        info = os.fstat(self._fd)
        return info.st_dev, info.st_ino

    def start(self, resume: bool) -> None:
        """Empty the file for a new run, or (on resume) cut back a torn last line."""
        if self._fd is None or not self._regular:
            return
        try:
            if resume:
                _cut_torn_tail(str(self.path))
            else:
                os.ftruncate(self._fd, 0)
        except OSError as exc:
            raise cannot_write(str(self.path), exc) from None

    def existing(self) -> Iterator[bytes]:
        """The lines already in the file (on resume), as bytes: the reader decodes (and judges) them."""
        if self._fd is None or not self._regular:
            return
        with open(str(self.path), "rb") as stream:
            for text in stream:
                if text.strip():
                    yield text

    def write(self, text: str) -> None:
        """Write one line (it goes out with the lines after it, up to about 64 KB at a time)."""
        self._pending.append(text)
        self._pending_size += len(text)
        if self._pending_size >= _WRITE_AT:
            self.flush()

    def flush(self) -> None:
        """Write the lines waiting, in one system call (or as few as the file takes)."""
        if not self._pending:
            return
        # Lines hold no lone surrogate (names are escaped first); should one slip through, it is
        # written as a JSON escape rather than lose the lines waiting.
        data = ("\n".join(self._pending) + "\n").encode("utf-8", "backslashreplace")
        self._pending.clear()
        self._pending_size = 0
        if self.path == STDOUT:
            write_stdout(data)
        elif self._fd is not None:
            try:
                while data:
                    data = data[os.write(self._fd, data) :]
            except OSError as exc:
                raise cannot_write(str(self.path), exc) from None

    def __exit__(self, *exc: object) -> None:
        failure = exc[1] if len(exc) > 1 else None
        try:
            self.flush()  # the pages converted before a failure (or Ctrl-C) are kept
        except (OutputError, BrokenPipeError):
            if failure is None:
                raise
            # the run fails already with its own error; lines not written are converted again on resume
        finally:
            self._close(synced=failure is None)

    def _close(self, synced: bool) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self._regular and synced:
                os.fsync(fd)
        except OSError as error:
            raise cannot_write(str(self.path), error) from None
        finally:
            os.close(fd)


def _cut_torn_tail(path: str) -> None:
    """Cut the file back to its last whole line, reading only as far back as that line."""
    with open(path, "rb+") as stream:
        end = stream.seek(0, os.SEEK_END)
        offset = end
        while offset > 0:
            start = max(offset - _TAIL_BLOCK, 0)
            stream.seek(start)
            newline = stream.read(offset - start).rfind(b"\n")
            if newline != -1:
                if start + newline + 1 < end:
                    stream.truncate(start + newline + 1)
                return
            offset = start
        stream.truncate(0)


_TAIL_BLOCK = 64 * 1024
_WRITE_AT = 64 * 1024


STDIN_LABEL = "<stdin>"


def iter_jsonl(path: str) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file ('-': stdin), one at a time, each validated strictly: the values its model holds."""
    if path == STDIN:
        yield from _records(sys.stdin.buffer, STDIN_LABEL)
        return
    try:
        lines = open(path, "rb")  # noqa: SIM115 - closed below, and its errors told from the records'
    except OSError as exc:
        raise read_failure(path, exc, "a records file") from None
    with lines:
        yield from _records(lines, path)


def _records(lines: IO[bytes], label: str) -> Iterator[dict[str, Any]]:
    """Each record; a failure to read the file is a ReadError (so no output is blamed for it)."""
    number = 0
    while True:
        try:
            data = lines.readline()
        except OSError as exc:
            raise read_failure(label, exc, "a records file") from None
        if not data:
            return
        number += 1
        if data.strip():
            yield _record(label, number, data)


def _record(path: str, number: int, data: bytes) -> dict[str, Any]:
    try:
        json.loads(data.decode("utf-8"))  # for a plain message when the line is not JSON
    except UnicodeDecodeError as exc:
        raise RecordsError(path, f"not UTF-8 text (byte {exc.start + 1} of the line)", number) from None
    except RecursionError:
        raise RecordsError(path, "not a JSON record: it nests too deeply", number) from None
    except ValueError as exc:
        raise RecordsError(path, f"not a JSON record: {exc}", number) from None
    try:
        return checked_record(data)
    except NotARecord as exc:
        problem = str(exc) if len(str(exc)) <= 300 else f"{str(exc)[:150]} ... {str(exc)[-100:]}"
        raise RecordsError(path, f"not a peel-extract record: {problem}", number) from None
