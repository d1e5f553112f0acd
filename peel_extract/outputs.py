"""A batch's output paths, checked before any work: each can be written, and none is also an input
or another output. A run that would fail on an output fails at once, having written nothing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

from .errors import OutputRefused, cannot_write
from .write import STDOUT

Identity = tuple[int, int] | str
"""A file's (device, inode), or for a file not made yet its absolute path, or '-' for stdout."""


def check_outputs(outputs: dict[str, str | None], inputs: Sequence[str]) -> None:
    """Refuse (OutputRefused) an output that cannot be written, or one in two roles.

    ``outputs`` maps each output's option (``--output``, ``--errors``, ``--sqlite``) to its path.
    A character device (``/dev/null``) may take any number of roles; stdout or a pipe only one.
    """
    given = {option: path for option, path in outputs.items() if path is not None}
    for option, path in given.items():
        _check_writable(path, regular=option == "--sqlite")
    seen: dict[Identity, str] = {_identity(path): "an input" for path in inputs if os.path.isfile(path)}
    for option, path in given.items():
        identity = _identity(path)
        if identity in seen and not _is_char_device(path):
            why = "refusing to overwrite it" if seen[identity] == "an input" else "each needs its own file"
            raise OutputRefused(path, f"named as {option} and as {seen[identity]}: {why}")
        seen[identity] = option


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


def _check_writable(path: str, regular: bool) -> None:
    """Open the output for writing (a new one is made and removed again): nothing is changed."""
    kind = _kind(path)
    if kind == "device" and not regular:
        return
    if kind in ("folder", "device"):
        raise OutputRefused(path, "cannot write: " + ("is a folder" if kind == "folder" else "not a regular file"))
    try:
        os.close(os.open(path, os.O_WRONLY | (os.O_CREAT | os.O_EXCL if kind == "new" else 0), 0o666))
        if kind == "new":
            os.unlink(path)
    except OSError as exc:
        raise cannot_write(path, exc, OutputRefused) from None
