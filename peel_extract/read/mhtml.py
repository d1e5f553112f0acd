"""MHTML, a browser's "save page as single file" (.mht, .mhtml) -> the page's HTML part and its origin.

An MHTML file is a MIME message (RFC 2557: multipart/related) holding the page, its images and its
styles, each part in a transfer encoding (quoted-printable, base64); the standard library's email
parser reads it. The page is the root part: the HTML part that the message's ``start`` names, else
the one at the message's (Snapshot-)Content-Location, else the first HTML part. Its charset is
left to the decode stage, which reads it (with the WHATWG labels) before the page's <meta>.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC
from email import errors as mime_errors
from email.message import Message
from email.parser import BytesParser
from email.utils import collapse_rfc2231_value, parsedate_to_datetime

from ..errors import DecodeError, InputTooLarge, PeelError
from ..options import MB

_PAGE_TYPES = ("text/html", "application/xhtml+xml")
# Where a MIME message's headers end; an MHTML file's are short (a long Subject at most).
_HEAD_MOST = 16384
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_HEADER_LINE = re.compile(rb"[!-9;-~]+:|[ \t]")
_MIME_HEADER = re.compile(rb"^(?:mime-version:|content-type:[ \t]*multipart/)", re.IGNORECASE | re.MULTILINE)
_WEB_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_DAMAGED = (
    mime_errors.CloseBoundaryNotFoundDefect,
    mime_errors.InvalidBase64PaddingDefect,
    mime_errors.InvalidBase64LengthDefect,
)


@dataclass(frozen=True, slots=True)
class MhtmlPage:
    """The page an MHTML file holds: its bytes (transfer encoding undone), their declared charset,
    the page's URL and when it was saved, where the file records them."""

    data: bytes
    charset: str | None
    url: str | None
    captured: str | None


def is_mhtml(data: bytes) -> bool:
    """Whether bytes are a MIME message, as MHTML files are: they open with mail headers (lines
    ``Name: value`` up to a blank line), among them MIME-Version or a multipart Content-Type.
    Neither a saved page nor a text scrape opens that way."""
    if _HEADER_LINE.match(data) is None or data[:1] in b" \t":  # the first line tells most pages at once
        return False
    end = _HEAD_END.search(data, 0, _HEAD_MOST)
    if end is None or end.start() == 0:
        return False
    head = data[: end.start()]
    return _MIME_HEADER.search(head) is not None and all(_HEADER_LINE.match(line) for line in head.splitlines())


def open_mhtml(data: bytes, label: str, max_bytes: int) -> MhtmlPage:
    """The page of an MHTML file; one whose page cannot be read whole is a DecodeError."""
    try:
        return _page(BytesParser().parsebytes(data), label, max_bytes)
    except PeelError:
        raise
    except RecursionError:
        raise DecodeError(label, "a broken MHTML file: its parts nest too deeply") from None
    except Exception as exc:  # the email parser is lenient; anything it still raises is a broken file
        raise DecodeError(label, f"a broken MHTML file: {type(exc).__name__}: {exc}") from None


def _page(message: Message, label: str, max_bytes: int) -> MhtmlPage:
    part = _root(message)
    if part is None:
        raise DecodeError(label, "an MHTML file with no HTML part (no page in it)")
    body = part.get_payload(decode=True)
    damage = [d for d in (*part.defects, *_container(message, part).defects) if isinstance(d, _DAMAGED)]
    if damage:
        raise DecodeError(label, f"a broken MHTML file: its HTML part is cut short or damaged ({_name(damage[0])})")
    if not isinstance(body, bytes):
        raise DecodeError(label, "a broken MHTML file: its HTML part holds no page")
    if len(body) > max_bytes:
        limit = f"the {max_bytes / MB:g} MB limit (raise it with --max-page-mb)"
        raise InputTooLarge(label, f"the page in the MHTML file is larger than {limit}")
    url = _url(part.get("Content-Location")) or _url(_where(message))
    return MhtmlPage(body, part.get_content_charset(), url, _saved(message.get("Date")))


def _root(message: Message) -> Message | None:
    """The page's part: the HTML part the message's ``start`` (a Content-ID) names, else the one at
    its Content-Location, else the first."""
    pages = [part for part in message.walk() if part.get_content_type() in _PAGE_TYPES]
    start, where = _bare(_param(message, "start")), _bare(_where(message))
    for key, wanted in (("Content-ID", start), ("Content-Location", where)):
        for part in pages if wanted else ():
            if _bare(part.get(key)) == wanted:
                return part
    return pages[0] if pages else None


def _container(message: Message, part: Message) -> Message:
    """The multipart that holds ``part`` as its last part (a close boundary it lacks cuts the part
    short), or the part itself."""
    for container in message.walk():
        payload = container.get_payload()
        if container.is_multipart() and isinstance(payload, list) and payload and payload[-1] is part:
            return container
    return part


def _where(message: Message) -> str | None:
    """The page's location, as the message records it (Chrome names it Snapshot-Content-Location)."""
    return message.get("Snapshot-Content-Location") or message.get("Content-Location")


def _param(message: Message, name: str) -> str | None:
    value = message.get_param(name)
    if isinstance(value, tuple):
        return collapse_rfc2231_value(value)
    return value


def _bare(value: object) -> str | None:
    """A header's value without white space (a long one is folded) and the <> of a Content-ID."""
    if not isinstance(value, str):
        return None
    return "".join(value.split()).removeprefix("<").removesuffix(">") or None


def _url(value: object) -> str | None:
    """A location that is a web URL (not cid:, file: or a relative name)."""
    bare = _bare(value)
    return bare if bare is not None and _WEB_URL.fullmatch(bare) else None


def _saved(value: object) -> str | None:
    """The message's Date as a WARC-Date is written (UTC, ISO 8601); None when there is none."""
    if not isinstance(value, str):
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _name(defect: object) -> str:
    """A MIME defect's class name as words: CloseBoundaryNotFoundDefect -> 'close boundary not found'."""
    words = re.findall(r"[A-Z][a-z0-9]*", type(defect).__name__.removesuffix("Defect"))
    return " ".join(words).lower()
