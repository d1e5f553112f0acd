"""Forces' and services' names, page titles and PEEL years, as pages of every kind write them (2014-2025)."""

from __future__ import annotations

import re

# Pages write numbers and years in ASCII digits: patterns say [0-9], never \d (which also takes "٣", so "202٣"
# would be a year), and a character test uses this set, never str.isdigit (which also takes "²").
ASCII_DIGITS = frozenset("0123456789")
_YEAR = r"(?P<year>(?:19|20)[0-9][0-9])(?:[/–-](?P<end>(?:20)?[0-9][0-9]))?"
# A force's or service's name as titles write it: capitalised words, maybe joined by "and", "of",
# "upon" or "&" ("Avon and Somerset", "City of London", "Dyfed-Powys", "Dorset & Wiltshire"). A
# notice that ends in a year ("HMIC is consulting on its ... programme for 2017/18") is no name. A title may
# write a hyphen as a no-break one, U+2011 (the re-inspection page 052, 2022: "re‑inspection").
NAME = r"[A-Z][\w’'.\u2010\u2011-]*(?: (?:(?:and|of|upon|&) )?[A-Z][\w’'.\u2010\u2011-]*)*"
_HYPHENS = str.maketrans("\u2010\u2011", "--")
# "Staffordshire PEEL 2018" (2014-2018/19 pillar pages).
TITLE = re.compile(r"^(?P<force>" + NAME + r")\s+PEEL\s+" + _YEAR + "$")
# Overview and fire and rescue titles, "Gwent 2018/19", "Cleveland 2017", "Kent 2021/22" (2014-2021/22).
YEAR_TITLE = re.compile(r"^(?P<force>" + NAME + r")\s+" + _YEAR + "$")
# "Northumbria PEEL Assessments 2021/2022" (2021/22 landing pages).
ASSESSMENTS_TITLE = re.compile(r"^(?P<force>" + NAME + r")\s+PEEL Assessments\s+" + _YEAR + "$")
ASSESSMENTS_WORDS = "PEEL Assessments"  # in every ASSESSMENTS_TITLE line (a cheap look before the pattern)
# "Read more about Gwent" / "Read more about Gwent 2016", also fused with the next paragraph in
# compact scrapes, "Read more about GwentThis is ..." (2014-2021/22); a name may hold "&" as titles
# do ("Read more about Dorset & Wiltshire", fire and rescue 2018/19-2021/22). "Read more about my
# assessment ..." (lower case) is a sentence of the HMI's observations, not this link.
_NAME_WORD = r"[A-Z][a-z’']*(?:-[A-Z][a-z’']*)*"
READ_MORE = re.compile(
    r"^Read more about " + _NAME_WORD + r"(?: (?:and |of |upon |& )?" + _NAME_WORD + r")*(?: [0-9]{4})?"
)

# PEEL years were named by their first year up to 2018/19 ("PEEL 2018"); from 2021/22 by the
# span ("PEEL 2021/22", "PEEL 2023–25"), written "2021-22", "2023-25".
_FIRST_SPAN_YEAR = 2021
# "This is HMICFRS's fifth PEEL ... assessment", "first PEEL Assessment of Lancashire" (2014-2018/19).
ASSESSMENT_ORDINAL = re.compile(
    r"\b(?P<ordinal>first|second|third|fourth|fifth)\s+"
    r"(?:PEEL\b[^.]{0,60}?\bassessment|assessment of the effectiveness)",
    re.IGNORECASE,
)
ORDINAL_YEARS = {"first": "2014", "second": "2015", "third": "2016", "fourth": "2017", "fifth": "2018"}

# A service's full name in its own prose: "Essex County Fire and Rescue Service", "West Midlands Fire
# Service", "London Fire Brigade" (2018-2025).
SERVICE_NAME = re.compile(r"\b" + NAME + r" (?:Fire and Rescue Service|Fire Service|Fire Brigade)\b")
# What follows a force's or service's short name in its full name (2014-2025): "Cleveland Fire Brigade" and
# "London Fire Brigade" are the services of "Cleveland" and "London".
NAME_SUFFIXES = (
    " Police Service", " Police", " Constabulary", " Fire and Rescue Service", " Fire Service", " Fire Brigade"
)  # fmt: skip
_POLICE_NAME = NAME + r" (?:Police Service|Police|Constabulary)"
_FIRE_NAME = NAME + r" (?:Fire and Rescue Service|Fire Service|Fire Brigade)"
_FULL_NAME = r"(?:" + _POLICE_NAME + "|" + _FIRE_NAME + ")"
# A force's or service's full name in a report's HTML title or h1: "PEEL 2023–2025: An inspection of
# Northumbria Police" (2021-2025; a site name such as "His Majesty's Inspectorate of Constabulary" is none).
FULL_NAME = re.compile(r"\b(?:[Tt]he )?(?P<name>" + _FULL_NAME + r")\b")


def peel_year(first: str, end: str | None) -> str:
    """The PEEL year as HMICFRS names it: "2018" for 2018/19, "2021-22" for 2021/22."""
    if end is None or int(first) < _FIRST_SPAN_YEAR:
        return first
    return f"{first}-{end[-2:]}"


def round_year(first: str, end: str | None) -> str:
    """A fire and rescue round as HMICFRS names it, always a span: "2018-19" for 2018/19."""
    return f"{first}-{end[-2:]}" if end is not None else first


def plain_hyphens(text: str) -> str:
    """The text with its no-break hyphens plain ones: a name or region as records key it ("Dyfed-Powys")."""
    return text.translate(_HYPHENS)


def short_name(full: str) -> str:
    """A force's or service's short name: "Northumbria Police" gives "Northumbria" (its hyphens plain ones)."""
    full = plain_hyphens(full)
    for suffix in NAME_SUFFIXES:
        if full.endswith(suffix):
            return full[: -len(suffix)]
    return full
