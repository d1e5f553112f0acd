"""Options: one frozen object of limits, passed explicitly to every stage that reads input."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Safe defaults against hostile input; each can be raised (or lowered) by the caller.

    Real PEEL pages are 20-200 KB and nest some 30 elements deep, so the defaults leave
    plenty of room while keeping time and memory bounded.
    """

    max_page_bytes: int = 20 * MB
    """Largest page read (after gunzip)."""
    max_member_bytes: int = 50 * MB
    """Largest archive member after decompression."""
    max_ratio: int = 200
    """Largest decompressed/compressed size ratio accepted for gzip data and archive members
    (checked once the data passes 1 MB, so small, repetitive pages are never refused)."""
    max_depth: int = 256
    """Deepest nesting of HTML elements; past 256 the parser needs its 'huge tree' mode."""
    max_members: int = 100_000
    """Most members (or WARC records) read from one archive."""
    max_elements: int = 200_000
    """Most HTML elements (counted as the '<' that do not close a tag) or text lines in one page:
    memory grows with them, some 1 KB each from parse to record, so this keeps a page's peak memory
    in the low hundreds of MB. Real pages have a few thousand."""


DEFAULT_LIMITS = Limits()
RATIO_FLOOR = 1 * MB
"""Compression ratios are only judged for data larger than this."""
