"""The library API; the only module that wires the stages together.

read -> decode -> blocks -> segment -> records
"""

from __future__ import annotations

import hashlib
import json
import os
import re

from .blocks import Block, Format, page_blocks, sniff_bytes, sniff_format, utf8_html_blocks
from .decode import Utf8Bytes, decode, decode_text
from .errors import Issue, NotAPeelPage, ReadError
from .kinds import detect
from .options import DEFAULT_LIMITS, Limits
from .read import Source, escape_name, from_bytes, read_page, too_large
from .records import PageRecord, SourceInfo
from .segment import segment


def extract_file(
    path: str | bytes | os.PathLike[str] | os.PathLike[bytes], limits: Limits = DEFAULT_LIMITS
) -> PageRecord:
    """Extract the record of one saved page on disk ('-' reads stdin).

    ``path`` is a str, bytes (as ``os.fsencode`` gives) or a path object; anything else is a TypeError.
    """
    if not isinstance(path, str | bytes | os.PathLike):
        raise TypeError(f"extract_file needs a path (str, bytes or Path), not {type(path).__name__}")
    return extract_source(read_page(os.fsdecode(path), limits), limits)


def extract_page(data: bytes | str, name: str | None = "<bytes>", limits: Limits = DEFAULT_LIMITS) -> PageRecord:
    """Extract the record of one saved page held in memory (HTML or text, maybe gzipped).

    ``data`` is the page's bytes; a str is taken as already decoded text and read as UTF-8.
    ``name`` is how the record and errors name the page (None: ``<bytes>``).
    """
    if name is None:
        name = "<bytes>"
    elif not isinstance(name, str):
        raise TypeError(f"extract_page's name must be a str (or None), not {type(name).__name__}")
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogatepass")
    elif not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"extract_page needs the page's bytes (or str), not {type(data).__name__}")
    data = bytes(data)
    if len(data) > limits.max_page_bytes:
        raise too_large(name, "the page", limits.max_page_bytes, "--max-page-mb")
    return extract_source(from_bytes(name, data, limits), limits)


def extract_source(source: Source, limits: Limits = DEFAULT_LIMITS, sha256: str | None = None) -> PageRecord:
    """Extract the record of a page (a plain file not yet read is read first).

    ``sha256``: the page's digest, when the caller has already computed it.
    """
    return _extract(source.loaded(limits), limits, sha256)


def _extract(source: Source, limits: Limits, sha256: str | None) -> PageRecord:
    if source.error is not None:
        raise source.error
    if source.data is None:
        raise ReadError(source.label, source.skipped or "no page bytes")
    if _is_json(source.data):
        raise NotAPeelPage(source.label, "this is JSON data (such as peel-extract's output), not a saved page")
    fmt, encoding, issues, blocks = _blocks(source, limits)
    kind = detect(blocks, source.label)
    info = SourceInfo(
        path=escape_name(source.name),
        member=None if source.member is None else escape_name(source.member),
        url=None if source.url is None else escape_name(source.url),
        captured=source.captured,
        format=fmt,
        encoding=encoding,
        sha256=sha256 or hashlib.sha256(source.data).hexdigest(),
    )
    draft = segment(blocks, kind)
    draft.issues[:0] = issues
    return kind.build(draft, info)


_JSON_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*[\[{]")


def _is_json(data: bytes) -> bool:
    """Whether the bytes are JSON (a document, or JSON lines): whatever words it holds, not a page."""
    if not _JSON_START.match(data):
        return False
    for text in (data.split(b"\n", 1)[0], data):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            continue
        return True
    return False


def _blocks(source: Source, limits: Limits) -> tuple[Format, str, list[Issue], list[Block]]:
    """Format, encoding, decoding issues and the block stream of a page's bytes.

    Plain UTF-8 HTML (the common case) goes to the parser as it is; anything else is decoded first.
    """
    data, label = source.data or b"", source.label
    page = decode(data, label, source.charset)
    if isinstance(page, Utf8Bytes):
        if sniff_bytes(page.data) == "html":
            blocks = utf8_html_blocks(page.data, label, limits)
            if blocks is not None:
                return "html", "utf-8", [], blocks
        page = decode_text(data, label, source.charset)  # a text page, or bytes the parser found not UTF-8
    fmt = sniff_format(page.text)
    return fmt, page.encoding, page.issues, page_blocks(page.text, fmt, label, limits)
