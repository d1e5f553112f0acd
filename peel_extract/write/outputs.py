"""A command's output paths, checked before any work: each can be written, none is also an input or
another output, and none is a file inside an input folder that peel-extract did not write. A run
that would fail on an output fails at once, having written nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from ..errors import OutputRefused, cannot_write
from ..read import escape_name
from ..read.inputs import walk_files
from .files import STDOUT

Identity = tuple[int, int] | str
"""A file's (device, inode), or for a file not made yet its absolute path, or '-' for stdout."""
REGULAR = frozenset({"--sqlite"})
"""Options whose output must be a regular file (a database is replaced, never streamed)."""
FOLDERS = frozenset({"--csv"})
"""Options whose output is a folder of files."""
_SQLITE_MAGIC = b"SQLite format 3\x00"
_FIRST_LINE = 1 << 20


def check_outputs(outputs: dict[str, str | None], inputs: Sequence[str] = (), folder_files: Sequence[str] = ()) -> None:
    """Refuse (OutputRefused) an output that cannot be written, one in two roles, or one that would
    overwrite a file inside an input folder that is not one of ours.

    ``outputs`` maps each output's option (``--output``, ``--errors``, ``--sqlite``, ``--csv``) to its
    path; ``inputs`` are the paths read ('-' for stdin is passed over); ``folder_files`` the names
    of the files a folder output (``--csv``) is given. A character device (``/dev/null``) may take
    any number of roles; stdout or a pipe only one.
    """
    given = {option: path for option, path in outputs.items() if path is not None}
    for option, path in given.items():
        _check_writable(path, option)
    files = [path for path in inputs if path != STDOUT and os.path.isfile(path)]
    seen: dict[Identity, str] = {_identity(path): "an input" for path in files}
    written = [
        (option, os.path.join(path, name) if option in FOLDERS else path)
        for option, path in given.items()
        for name in (folder_files if option in FOLDERS else [""])
    ]
    for option, path in written:
        identity = _identity(path)
        if identity in seen and not _is_char_device(path):
            why = "refusing to overwrite it" if seen[identity] == "an input" else "each needs its own file"
            raise OutputRefused(path, f"named as {option} and as {seen[identity]}: {why}")
        seen[identity] = option
    folders = [path for path in inputs if path != STDOUT and os.path.isdir(path)]
    for option, path in given.items():
        _check_not_inside(option, path, folders)
    _check_not_reached(given, folders)


def _identity(path: str) -> Identity:
    if path == STDOUT:
        return STDOUT
    try:
        info = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return info.st_dev, info.st_ino


def _kind(path: str) -> str:
    """``new``, ``file``, ``folder``, or ``device`` (a device, pipe or socket; stdout counts as one)."""
    if path == STDOUT:
        return "device"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "new"
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "device"


def _is_char_device(path: str) -> bool:
    """A character device (``/dev/null``, a terminal) is never replaced: several roles may share one."""
    try:
        return path != STDOUT and stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def _check_writable(path: str, option: str) -> None:
    """Open the output for writing (a new one is made and removed again): nothing is changed."""
    kind = _kind(path)
    if option in FOLDERS:
        _check_folder(path, kind)
        return
    if kind == "device" and option not in REGULAR:
        return
    if kind in ("folder", "device"):
        raise OutputRefused(path, "cannot write: " + ("is a folder" if kind == "folder" else "not a regular file"))
    try:
        os.close(os.open(path, os.O_WRONLY | (os.O_CREAT | os.O_EXCL if kind == "new" else 0), 0o666))
        if kind == "new":
            os.unlink(path)
    except OSError as exc:
        raise cannot_write(path, exc, OutputRefused) from None


def _check_folder(path: str, kind: str) -> None:
    """A folder output must be a folder we may write in, or a path where one can be made."""
    if kind in ("file", "device"):
        raise OutputRefused(path, "cannot write: not a folder")
    existing = Path(os.path.abspath(path))
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputRefused(path, f"cannot write: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputRefused(path, "cannot write: permission denied")


def _check_not_inside(option: str, path: str, folders: Sequence[str]) -> None:
    """An existing file inside an input folder is replaced only when peel-extract wrote it."""
    if not folders or _kind(path) != "file":
        return
    real = os.path.realpath(path)
    for folder in folders:
        if _within(real, os.path.realpath(folder)) and not _ours(real):
            raise OutputRefused(
                path,
                f"named as {option}, but it is a file inside the input {folder} that peel-extract did not "
                "write: refusing to overwrite it",
            )


def _check_not_reached(given: dict[str, str], folders: Sequence[str]) -> None:
    """An existing file that is not ours is not replaced when an input folder reaches it by another name (a
    hard link, or a symlink inside the folder to a file outside it): the batch would skip it as its own
    output and then overwrite the page."""
    if not folders:
        return
    theirs = {_identity(path): (option, path) for option, path in given.items() if _kind(path) == "file"}
    theirs = {identity: named for identity, named in theirs.items() if not _ours(named[1])}
    if not theirs:
        return
    for folder in folders:
        for found in walk_files(folder):
            if _identity(found) in theirs:
                option, path = theirs[_identity(found)]
                raise OutputRefused(
                    path,
                    f"named as {option}, but it is the file {escape_name(found)} inside the input {folder} (a link to "
                    "it) that peel-extract did not write: refusing to overwrite it",
                )


def _within(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _ours(path: str) -> bool:
    """Whether peel-extract wrote the file: empty, records or an error log (a first line of JSON with
    a ``source``), or an SQLite database of our tables."""
    try:
        with open(path, "rb") as stream:
            first = stream.readline(_FIRST_LINE)
    except OSError:
        return False
    if not first:
        return True  # empty: nothing to lose
    if first.startswith(_SQLITE_MAGIC):
        return _our_database(path)
    try:
        line = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(line, dict) and isinstance(line.get("source"), dict)


def _our_database(path: str) -> bool:
    try:
        with closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as db:
            return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'pages'").fetchone() is not None
    except sqlite3.Error:
        return False
