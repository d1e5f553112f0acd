"""Decoding saved pages: BOMs, declared charsets, UTF-8, and UnicodeDammit's guess."""

from __future__ import annotations

import codecs

import pytest

from peel_extract import extract_page
from peel_extract.decode import decode_text as decode

TEXT = "Staffordshire Police’s “values” – 2018/19 • ok"
HTML = "<html><head>{meta}</head><body><p>" + TEXT + "</p></body></html>"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "windows-1252"),
    ],
)
def test_text_encodings(data: bytes, encoding: str) -> None:
    decoded = decode(data, "page.txt")
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)


@pytest.mark.parametrize(
    ("meta", "codec", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252", "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252", "cp1252"),
        ("<META CHARSET=UTF-8>", "utf-8", "utf-8"),
        # A page declared Latin-1 but saved as UTF-8 (a browser re-saving it does this).
        ('<meta charset="iso-8859-1">', "utf-8", "utf-8"),
    ],
)
def test_declared_charsets(meta: str, codec: str, encoding: str) -> None:
    page = HTML.format(meta=meta)
    decoded = decode(page.encode(codec), "page.html")
    assert (decoded.text, decoded.encoding) == (page, encoding)


def test_nul_bytes_are_removed() -> None:
    assert decode(b"Good\x00 page", "p.txt").text == "Good page"


def test_record_names_the_encoding() -> None:
    page = (
        "Gwent PEEL 2017\n\nLegitimacy\n\nHow legitimate is the force?\n\n"
        "Last updated 12/12/2017\nGood\n\nThe force’s work.\n"
    )
    record = extract_page(page.encode("cp1252"), "gwent.txt")
    assert record.source.encoding == "windows-1252"
    assert record.summary == ["The force’s work."]
