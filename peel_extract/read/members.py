"""Reading one archive member within the limits, and a reader's message made fit for one line
(shared by the zip and tar readers in ``archives.py`` and the WARC reader in ``warc.py``)."""

from __future__ import annotations

from typing import IO

from ..errors import InputTooLarge
from ..options import RATIO_FLOOR, Limits
from .page import too_large


def read_member(stream: IO[bytes], label: str, declared: int, packed: int, limits: Limits) -> bytes:
    """A member's bytes, refusing (before reading) one too large or too compressed."""
    _check_member(label, declared, packed, limits)
    data = stream.read(limits.max_member_bytes + 1)
    _check_member(label, len(data), packed, limits)
    return data


def _check_member(label: str, size: int, packed: int, limits: Limits) -> None:
    if size > limits.max_member_bytes:
        raise too_large(label, "the member (decompressed)", limits.max_member_bytes, "--max-member-mb")
    if size > RATIO_FLOOR and size > limits.max_ratio * max(packed, 1):
        raise InputTooLarge(label, f"the member expands over {limits.max_ratio}:1, a compression bomb (--max-ratio)")


def one_line(message: str, most: int = 200) -> str:
    """A library's message folded to one line, and cut if very long."""
    folded = " ".join(message.split())
    return folded if len(folded) <= most else folded[: most - 3] + "..."
