"""Read stage: a page file, stdin or bytes in memory -> a Source with its bytes (gunzipped, and the
page taken out of an MHTML file by ``mhtml.py``).

Every read is capped by the Limits, so a huge file or a compression bomb costs bounded memory.
Folders and archives are walked in ``inputs.py`` and ``archives.py``, which make their Sources here.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputTooLarge, PeelError, ReadError
from ..options import DEFAULT_LIMITS, MB, RATIO_FLOOR, Limits
from .mhtml import is_mhtml, open_mhtml

STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 * MB
_FIRST_WINDOW = 64  # an empty gzip member is 20 bytes; a page's some thousands
# Names of files (in folders and archives) that can be saved pages; other files are passed over.
PAGE_SUFFIXES = frozenset(
    {".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml", ".txt", ".text", ".php", ".asp", ".aspx", ""}
)


def source_label(path: str, member: str | None) -> str:
    """How messages and logs name a page: ``archive.zip!member.html``, or the path (both escaped)."""
    return escape_name(f"{path}!{member}" if member else path)


# What a name must not show raw: control characters (C0, DEL, C1), line and paragraph separators,
# bidirectional overrides, and lone surrogates (how Python keeps a name's bytes that are not UTF-8).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BYTE_KEPT = range(0xDC80, 0xDD00)
"""The lone surrogates Python's ``surrogateescape`` keeps a name's non-UTF-8 bytes 0x80-0xFF as."""


def escape_name(text: str) -> str:
    """A file or member name (or any text naming one) as records and messages show it: a byte that is
    not UTF-8 as ``\\xff``, a control character as ``\\x1b`` (``\\u2028`` above 0xFF), so a name is
    valid UTF-8, stays on one line and never drives a terminal. Escaping twice changes nothing."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escaped, text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """Text (a page made from names, say) made valid UTF-8 the way ``escape_name`` does it, but
    keeping line breaks and the like: only the lone surrogates are escaped."""
    return _SURROGATES.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _BYTE_KEPT:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, slots=True)
class Source:
    """A page's bytes, where they came from, or why they could not be (or were not) read."""

    name: str
    """The file as given on the command line (or inside a folder), or '<stdin>'."""
    data: bytes | None = None
    """The page's bytes; None for a plain file not read yet (it is read where it is converted)."""
    member: str | None = None
    """The member's name inside an archive."""
    url: str | None = None
    """The page's URL, when an archive (WARC) records it."""
    captured: str | None = None
    """When the page was captured, when an archive (WARC) records it."""
    error: PeelError | None = None
    """Set instead of ``data`` when the page (or its archive) could not be read."""
    skipped: str | None = None
    """Set when an archive entry is deliberately not read (a link, a WARC revisit record)."""
    charset: str | None = None
    """The charset its container declares for the page (a WARC record's HTTP Content-Type, an MHTML
    part's); decoding reads it before the page's own <meta>."""
    reader: Callable[[Limits], Source] | None = None
    """For an archive member not read yet (a zip's, in a batch with workers): what reads it, in the
    worker that converts it."""

    @property
    def label(self) -> str:
        """How messages name this source: ``archive.zip!member.html`` or the path."""
        return source_label(self.name, self.member)

    def loaded(self, limits: Limits = DEFAULT_LIMITS) -> Source:
        """This source with its bytes read (a plain file is read now), or with its error."""
        if self.data is not None or self.error is not None or self.skipped is not None:
            return self
        return self.reader(limits) if self.reader is not None else _file_source(self.name, limits)


def read_page(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read one page from disk or stdin (a read failure raises)."""
    name = str(path)
    if name == STDIN:
        source = from_bytes("<stdin>", read_capped(sys.stdin.buffer, "<stdin>", limits.max_page_bytes), limits)
    else:
        source = _file_source(name, limits)
    if source.error is not None:
        raise source.error
    return source


def read_capped(stream: BinaryIO, label: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a stream; more is an InputTooLarge error.

    Read a chunk at a time: a read of ``limit`` bytes at once would set aside that much memory
    first, whatever the page's size (a terabyte for ``--max-page-mb 1048576``)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(limit + 1 - size, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise too_large(label, "the page", limit, "--max-page-mb")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def too_large(label: str, what: str, limit: int, option: str) -> InputTooLarge:
    """The error for data over a size limit, naming the option that raises it."""
    return InputTooLarge(label, f"{what} is larger than the {limit / MB:g} MB limit (raise it with {option})")


def _read_file(name: str, limit: int) -> bytes:
    try:
        if os.path.getsize(name) > limit:
            raise too_large(name, "the page", limit, "--max-page-mb")
        with open(name, "rb") as handle:
            return read_capped(handle, name, limit)
    except OSError as exc:
        raise read_failure(name, exc, "a page (use 'batch' for folders)") from None


def read_failure(name: str, exc: OSError, wanted: str) -> ReadError:
    """The error for an input that could not be read, in one line (``wanted``: what it should be)."""
    if isinstance(exc, FileNotFoundError):
        return ReadError(name, "no such file")
    if isinstance(exc, IsADirectoryError):
        return ReadError(name, f"is a directory, not {wanted}")
    if isinstance(exc, PermissionError):
        return ReadError(name, "permission denied")
    return ReadError(name, f"cannot be read: {exc.strerror or exc}")


def from_bytes(
    name: str,
    data: bytes,
    limits: Limits = DEFAULT_LIMITS,
    *,
    member: str | None = None,
    url: str | None = None,
    captured: str | None = None,
    charset: str | None = None,
) -> Source:
    """A source for bytes already in memory, gunzipped (within the limits) when they are gzip, and
    the page alone when they are an MHTML file (with its charset, URL and date)."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gunzip(data, source_label(name, member), limits)
        except PeelError as error:
            return Source(name, member=member, url=url, captured=captured, error=error)
    if is_mhtml(data):
        try:
            page = open_mhtml(data, source_label(name, member), limits.max_page_bytes)
        except PeelError as error:
            return Source(name, member=member, url=url, captured=captured, error=error)
        data, charset, url, captured = page.data, page.charset, page.url or url, page.captured or captured
    return Source(name, data, member=member, url=url, captured=captured, charset=charset)


def gunzip(data: bytes, label: str, limits: Limits) -> bytes:
    """Decompress gzip data (several members too), refusing bombs before they grow.

    Input is fed in windows that start small and double, so neither many tiny members nor one
    large member makes zlib copy the rest of the data again and again: time is linear in the size.
    """
    out: list[bytes] = []
    size, at, view = 0, 0, memoryview(data)
    try:
        while data.startswith(_GZIP_MAGIC, at):
            inflater = zlib.decompressobj(wbits=31)
            window = _FIRST_WINDOW
            while not inflater.eof and at < len(data):
                pending: bytes | memoryview = view[at : at + window]
                at += len(pending)
                window = min(window * 2, _CHUNK)
                while pending and not inflater.eof:
                    chunk = inflater.decompress(pending, _CHUNK)
                    pending = inflater.unconsumed_tail
                    size += len(chunk)
                    _check_growth(label, size, len(data), limits)
                    out.append(chunk)
            if not inflater.eof:
                raise ReadError(label, "broken gzip data: the stream is cut short")
            at -= len(inflater.unused_data)
    except zlib.error as exc:
        raise ReadError(label, f"broken gzip data: {exc}") from None
    return b"".join(out)


def _check_growth(label: str, size: int, packed: int, limits: Limits) -> None:
    if size > limits.max_page_bytes:
        raise too_large(label, "the page (after gunzip)", limits.max_page_bytes, "--max-page-mb")
    if size > RATIO_FLOOR and size > limits.max_ratio * packed:
        ratio = f"over {limits.max_ratio}:1"
        raise InputTooLarge(label, f"gzip data expands {ratio}, a compression bomb (raise --max-ratio)")


def is_page_name(name: str) -> bool:
    """Whether a file or member name can be a saved page (by its suffix, gzip or not)."""
    path = Path(name.removesuffix(".gz") if name.endswith(".gz") else name)
    return not path.name.startswith(".") and path.suffix.lower() in PAGE_SUFFIXES


def _file_source(name: str, limits: Limits) -> Source:
    try:
        return from_bytes(name, _read_file(name, limits.max_page_bytes), limits)
    except PeelError as error:
        return Source(name, error=error)
