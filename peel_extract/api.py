"""The library API; the only module that wires the stages together.

read -> decode -> blocks -> segment -> records
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from .blocks import page_blocks, sniff_format
from .decode import decode
from .errors import NotAPeelPage, ReadError, UnsupportedPageType
from .options import DEFAULT_LIMITS, Limits
from .read import Source, from_bytes, read_page, too_large
from .records import PageRecord, SourceInfo, build_record
from .segment import segment
from .segment.kind import DESCRIPTIONS, page_kind


def extract_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> PageRecord:
    """Extract the record of one saved page on disk ('-' reads stdin)."""
    return extract_source(read_page(path, limits), limits)


def extract_page(data: bytes, name: str = "<bytes>", limits: Limits = DEFAULT_LIMITS) -> PageRecord:
    """Extract the record of one saved page held in memory (HTML or text, maybe gzipped)."""
    if len(data) > limits.max_page_bytes:
        raise too_large(name, "the page", limits.max_page_bytes, "--max-page-mb")
    return extract_source(from_bytes(name, data, limits), limits)


def extract_source(source: Source, limits: Limits = DEFAULT_LIMITS, sha256: str | None = None) -> PageRecord:
    """Extract the record of a page (a plain file not yet read is read first).

    ``sha256``: the page's digest, when the caller has already computed it.
    """
    source = source.loaded(limits)
    if source.error is not None:
        raise source.error
    if source.data is None:
        raise ReadError(source.label, source.skipped or "no page bytes")
    decoded = decode(source.data, source.label)
    fmt = sniff_format(decoded.text)
    plain_utf8 = decoded.encoding == "utf-8" and not decoded.issues and not source.data.startswith(codecs.BOM_UTF8)
    blocks = page_blocks(decoded.text, fmt, source.label, limits, source.data if plain_utf8 else None)
    kind = page_kind(blocks)
    if kind is None:
        raise NotAPeelPage(source.label, "not an HMICFRS PEEL page (no '<Force> PEEL <year>' title line)")
    if kind not in ("peel_pillar", "peel_overview"):
        raise UnsupportedPageType(source.label, f"unsupported page type: recognised {DESCRIPTIONS[kind]}")
    info = SourceInfo(
        path=source.name,
        member=source.member,
        url=source.url,
        captured=source.captured,
        format=fmt,
        encoding=decoded.encoding,
        sha256=sha256 or hashlib.sha256(source.data).hexdigest(),
    )
    draft = segment(blocks, kind)
    draft.issues[:0] = decoded.issues
    return build_record(draft, info)
