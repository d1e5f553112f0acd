"""Decode stage: a page's bytes -> text, by BOM, then <meta charset>, then UTF-8, then UnicodeDammit."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import DecodeError, EmptyInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# Browsers read a declared Latin-1 as windows-1252 (WHATWG Encoding Standard); so do we.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a zip archive"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_MIN_CONTROL = 16
_SAMPLE = 65536


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text and the encoding it was read with."""

    text: str
    encoding: str


def decode(data: bytes, name: str) -> Decoded:
    """Decode a saved page's bytes; typographic characters are kept as they are."""
    if not data:
        raise EmptyInput(name, "the file is empty")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(name, f"this is {kind}, not a saved web page or text scrape")
    text, encoding = _decode(data)
    if not text.strip():
        raise EmptyInput(name, "the file holds only white space")
    sample = min(len(text), _SAMPLE)
    if len(_CONTROL.findall(text, 0, sample)) > max(_MIN_CONTROL, _MAX_CONTROL_SHARE * sample):
        raise DecodeError(name, "the bytes look binary (many control characters), not text")
    return Decoded(text.replace("\x00", ""), encoding)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    declared = _declared(data)
    if declared is not None:
        try:
            return _utf8_over_single_byte(data, declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _dammit(data)


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, 4096)
    if match is None:
        return None
    name = match.group(1).decode("ascii", errors="replace").lower()
    try:
        return codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return None


def _utf8_over_single_byte(data: bytes, declared: str) -> tuple[str, str]:
    """Decode as declared, unless a single-byte declaration sits on valid, non-ASCII UTF-8."""
    if declared in ("cp1252", "iso8859-1", "ascii") and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    return data.decode(declared), declared


def _dammit(data: bytes) -> tuple[str, str]:
    from bs4 import UnicodeDammit

    dammit = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=True)
    if dammit.unicode_markup is None or dammit.original_encoding is None:
        return data.decode("cp1252", errors="replace"), "cp1252"
    return dammit.unicode_markup, str(dammit.original_encoding)
