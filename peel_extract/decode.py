"""Decode stage: a page's bytes -> text, by BOM, then the charset its container declares (a WARC's
HTTP Content-Type, an MHTML part's), then <meta charset>, then UTF-8, then UnicodeDammit.

Charset labels are read as the WHATWG Encoding Standard says, as browsers do (``webencodings``):
"latin1", "l1" or "ascii" mean windows-1252; a label the standard does not know ("unicode_escape",
"undefined") is ignored; a <meta> naming UTF-16 means UTF-8 and one naming x-user-defined means
windows-1252; a label of the "replacement" encoding (ISO-2022-KR and the like) is refused.

Two repairs, each reported in the record: a few invalid bytes in an otherwise UTF-8 page become
U+FFFD (rather than the whole page being misread as Windows-1252), and mojibake (UTF-8 read as
Windows-1252, "Ã¢â‚¬â„¢" for "’") is undone where the repair is certain.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import webencodings

from .errors import DecodeError, EmptyInput, Issue

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# A declaration of windows-1252 (and of Latin-1 or ASCII, its WHATWG labels) on bytes that are valid,
# non-ASCII UTF-8 is a page re-saved as UTF-8: it is read as UTF-8.
_SINGLE_BYTE = "windows-1252"
# What a <meta> may not mean (HTML's "prescan" of a page): UTF-16 there means UTF-8.
_META_MEANS = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": _SINGLE_BYTE}
_REPLACEMENT = "replacement"
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a zip archive"),
)
_SIGNATURE_STARTS = tuple(signature for signature, _ in _SIGNATURES)
_BOM_STARTS = tuple(bom for bom, _ in _BOMS)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16le", "utf-16be")
_MAX_CONTROL_SHARE = 0.01
_MIN_CONTROL = 16
# Binary data shows itself at once: the first 8 KB are enough to tell it.
_SAMPLE = 8192
# A few bad bytes among many good multi-byte characters: the page is UTF-8 with damage.
_MAX_BAD_SHARE = 0.1
# A run of characters that UTF-8 bytes become when read as Windows-1252: a lead byte (Â-ô) and
# one to three continuation bytes (0x80-0xBF, shown as "€", "™", "¢" ...).
# Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) show as the C1 control of that code.
_CONTINUATION = re.escape("".join(bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xC0)))
_CONTINUATION = _CONTINUATION.replace("\ufffd", "") + "\x81\x8d\x8f\x90\x9d"
_MOJIBAKE = re.compile(f"(?:[Â-ô][{_CONTINUATION}]{{1,3}})+")
_MAX_MOJIBAKE_PASSES = 3


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text, the encoding it was read with, and what had to be repaired."""

    text: str
    encoding: str
    issues: list[Issue] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Utf8Bytes:
    """A page's bytes that leave nothing to decide (``plain_utf8``): an HTML parser may take them as they
    are (faster than text); should it find a byte that is not UTF-8, ``decode_text`` decodes them."""

    data: bytes


def decode(data: bytes, name: str, charset: str | None = None) -> Utf8Bytes | Decoded:
    """A saved page's bytes as they are when they leave nothing to decide, else decoded to text.

    ``charset``: the label the page's container declares for it (a WARC record's HTTP Content-Type,
    an MHTML part's), read before the page's own <meta>."""
    return Utf8Bytes(data) if plain_utf8(data, charset) else decode_text(data, name, charset)


def decode_text(data: bytes, name: str, charset: str | None = None) -> Decoded:
    """Decode a saved page's bytes to text; typographic characters are kept as they are (``charset``
    as for ``decode``)."""
    if not data:
        raise EmptyInput(name, "the file is empty")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(name, f"this is {kind}, not a saved web page or text scrape")
    text, encoding, issues = _decode(data, name, charset)
    if not text or text.isspace():
        raise EmptyInput(name, "the file holds only white space")
    controls = len(_CONTROL.findall(text, 0, _SAMPLE)) if encoding in _WIDE else _control_bytes(data)
    if controls > max(_MIN_CONTROL, _MAX_CONTROL_SHARE * min(len(text), _SAMPLE)):
        raise DecodeError(name, "the bytes look binary (many control characters), not text")
    if b"\x00" in data if encoding not in _WIDE else "\x00" in text:
        issues.append(Issue("nul_bytes_removed", f"{text.count(chr(0))} NUL characters removed"))
        text = text.replace("\x00", "")
    # Mojibake starts with a lead character (Â-ô): UTF-8 bytes C3 82-B4; none there, none to repair.
    if encoding != "utf-8" or b"\xc3" in data:
        text, repaired = repair_mojibake(text)
        if repaired:
            issues.append(Issue("mojibake_repaired", f"{repaired} mis-decoded character runs repaired"))
    return Decoded(text, encoding, issues)


def plain_utf8(data: bytes, charset: str | None = None) -> bool:
    """Bytes that leave nothing to decide: not binary, no BOM, no NUL, no mojibake lead byte, and no
    charset declared but UTF-8 (or windows-1252, which UTF-8 bytes override). Such a page can go to
    the parser as it is; whether it really is UTF-8, the parser then says."""
    if not data or data.isspace() or data.startswith(_SIGNATURE_STARTS) or data.startswith(_BOM_STARTS):
        return False
    if b"\x00" in data or b"\xc3" in data:
        return False
    if _control_bytes(data) > _MIN_CONTROL:
        return False
    declared = _declared(data, charset)
    return declared is None or declared.encoding in ("utf-8", _SINGLE_BYTE)


def _control_bytes(data: bytes) -> int:
    """Control bytes in the first 8 KB (for 8-bit encodings, where a byte is a character)."""
    sample = data[:_SAMPLE]
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def _decode(data: bytes, name: str, charset: str | None) -> tuple[str, str, list[Issue]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding, []
    declared = _declared(data, charset)
    if declared is not None and declared.encoding == _REPLACEMENT:
        message = f"the page declares the charset {declared.label!r}, which browsers refuse to decode (as we do)"
        raise DecodeError(name, message)
    if declared is not None:
        try:
            text, encoding = _utf8_over_single_byte(data, declared.encoding)
            return text, encoding, []
        except UnicodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    text, encoding = _dammit(data)
    return text, encoding, []


@dataclass(frozen=True, slots=True)
class _Declared:
    """A charset a page declares: the label as written and the WHATWG encoding it names."""

    label: str
    encoding: str


def _declared(data: bytes, charset: str | None) -> _Declared | None:
    """The encoding declared for the page: by its container when that names one the WHATWG standard
    knows, else by its <meta> (a label the standard does not know is no declaration)."""
    if charset is not None:
        encoding = webencodings.lookup(charset)
        if encoding is not None:
            return _Declared(charset, encoding.name)
    match = _META_CHARSET.search(data, 0, 4096)
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    encoding = webencodings.lookup(label)
    if encoding is None:
        return None
    return _Declared(label, _META_MEANS.get(encoding.name, encoding.name))


def _utf8_over_single_byte(data: bytes, declared: str) -> tuple[str, str]:
    """Decode as declared, unless a windows-1252 declaration sits on valid, non-ASCII UTF-8."""
    if declared == _SINGLE_BYTE and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    text, _ = webencodings.lookup(declared).codec_info.decode(data)
    return text, declared


def _damaged_utf8(data: bytes) -> tuple[str, str, list[Issue]] | None:
    """UTF-8 with a few invalid bytes: keep it UTF-8, the bad bytes as U+FFFD, and say so."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if ord(char) > 0x7F) - bad
    if good == 0 or bad > _MAX_BAD_SHARE * good:
        return None
    return text, "utf-8", [Issue("invalid_bytes", f"{bad} invalid UTF-8 sequences replaced by U+FFFD")]


def _dammit(data: bytes) -> tuple[str, str]:
    from bs4.dammit import EncodingDetector, UnicodeDammit

    # The page's own declaration was read above, with the WHATWG labels: bs4 must not read it again
    # through Python's codecs ("unicode_escape" would turn "\\x49" into "I").
    own = EncodingDetector.find_declared_encoding(data, is_html=True)
    dammit = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=True, exclude_encodings=[own] if own else [])
    if dammit.unicode_markup is None or dammit.original_encoding is None:
        return data.decode("cp1252", errors="replace"), "cp1252"
    return dammit.unicode_markup, str(dammit.original_encoding)


def _cp1252_bytes(run: str) -> bytes:
    """The bytes a run of Windows-1252 text was read from (a C1 control stands for an undefined byte)."""
    out = bytearray()
    for char in run:
        code = ord(char)
        out += bytes([code]) if 0x80 <= code < 0xA0 else char.encode("cp1252")
    return bytes(out)


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8-read-as-Windows-1252, run by run, only where a run decodes back as strict UTF-8."""
    repaired = 0
    for _ in range(_MAX_MOJIBAKE_PASSES):
        count = 0

        def fix(match: re.Match[str]) -> str:
            nonlocal count
            try:
                fixed = _cp1252_bytes(match.group(0)).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                return match.group(0)
            count += 1
            return fixed

        text = _MOJIBAKE.sub(fix, text)
        repaired += count
        if not count:
            break
    return text, repaired
