"""Decoding saved pages: BOMs, declared charsets, UTF-8, and UnicodeDammit's guess."""

from __future__ import annotations

import codecs

import pytest

from peel_extract import DecodeError, extract_page
from peel_extract.decode import decode_text as decode

from .conftest import FIXTURES, as_json

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
        ('<meta charset="windows-1252">', "cp1252", "windows-1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252", "windows-1252"),
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


# --- issue 17 item 7: charset labels are the WHATWG Encoding Standard's, as a browser reads them ---


@pytest.mark.parametrize("label", ["l1", "cp819", "ISO_8859-1", "iso-ir-100", "csisolatin1", "us-ascii", "latin1"])
def test_latin1_labels_mean_windows_1252(label: str) -> None:
    page = HTML.format(meta=f'<meta charset="{label}">')
    decoded = decode(page.encode("cp1252"), "page.html")
    assert (decoded.text, decoded.encoding) == (page, "windows-1252")


@pytest.mark.parametrize("label", ["undefined", "unicode_escape", "utf-7", "rot13", "bogus-charset"])
@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_labels_the_standard_does_not_know_are_ignored(label: str, codec: str) -> None:
    page = HTML.format(meta=f'<meta charset="{label}">').replace("ok", r"\x49nadequate")
    decoded = decode(page.encode(codec), "page.html")
    assert (decoded.text, decoded.encoding) == (page, "utf-8" if codec == "utf-8" else "windows-1252")


def test_an_unknown_label_is_not_read_by_the_last_guess_either() -> None:
    # Neither UTF-8 nor windows-1252 (0x81): UnicodeDammit must not fall back to the declared label.
    page = b'<meta charset="unicode_escape"><p>\\x49nadequate \x81</p>'
    assert "\\x49nadequate" in decode(page, "page.html").text


SEED_HTML = FIXTURES / "staffordshire-2018-legitimacy-semantic" / "input.html"


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "unicodefffe"])
def test_a_meta_naming_utf16_means_utf8(label: str) -> None:
    seed = SEED_HTML.read_bytes()
    assert b'<meta charset="utf-8">' in seed
    page = seed.replace(b'<meta charset="utf-8">', f'<meta charset="{label}">'.encode())
    got, want = as_json(extract_page(page, "page.html")), as_json(extract_page(seed, "page.html"))
    assert got["source"]["encoding"] == "utf-8"
    assert {**got, "source": None} == {**want, "source": None}


def test_a_meta_naming_x_user_defined_means_windows_1252() -> None:
    page = HTML.format(meta='<meta charset="x-user-defined">')
    decoded = decode(page.encode("cp1252"), "page.html")
    assert (decoded.text, decoded.encoding) == (page, "windows-1252")


@pytest.mark.parametrize("label", ["iso-2022-kr", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "replacement"])
def test_a_replacement_label_is_refused_in_one_line(label: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(HTML.format(meta=f'<meta charset="{label}">').encode("utf-8"), "page.html")
    assert str(caught.value) == (
        f"page.html: the page declares the charset {label!r}, which browsers refuse to decode (as we do)"
    )


def test_the_containers_charset_comes_before_the_meta() -> None:
    page = HTML.format(meta='<meta charset="shift_jis">')
    decoded = decode(page.encode("cp1252"), "page.html", charset="l1")
    assert (decoded.text, decoded.encoding) == (page, "windows-1252")
    # UTF-16 from a container is UTF-16 (a <meta> cannot say so, a Content-Type can).
    decoded = decode(TEXT.encode("utf-16-le"), "page.txt", charset="utf-16")
    assert (decoded.text, decoded.encoding) == (TEXT, "utf-16le")
    # A label the standard does not know is no declaration: the <meta> is read.
    decoded = decode(b'<meta charset="shift_jis"><p>Good</p>', "page.html", charset="unicode_escape")
    assert decoded.encoding == "shift_jis"


def test_x_user_defined_from_a_container_is_the_standards_encoding() -> None:
    decoded = decode(b"Good \x92", "page.txt", charset="x-user-defined")
    assert (decoded.text, decoded.encoding) == ("Good \uf792", "x-user-defined")
