"""Wording the force-level publications from 2022 on share (vetting reports, reports of forces outside the Home
Office set): the publication date line, the site's furniture, dates in words and recommendations' deadlines."""

from __future__ import annotations

import datetime as dt
import re

from .page import month_number

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = r"(?P<day>[0-9]{1,2}) (?P<month>" + _MONTH + r") (?P<year>20[0-9][0-9])"
# "Published on: 17 November 2022" under the title line, in the blank-line renderings only (vetting reports
# 2022-2023, BTP 2024).
PUBLISHED_ON = re.compile(r"^Published on:? " + _DATE + r"$")
# Site furniture under the title line of the compact renderings (vetting 2022-2023, BTP 2024, PSNI 2024): the
# contents' heading and the print link. Never content.
FURNITURE = re.compile(r"^(?:Contents|Print this document)$")
# The lead line of a group of recommendations, naming when they are due (seen in the revisit letter of 2025,
# "The force should immediately:"; in our synthetic pages "By 31 March 2024, Barsetshire Constabulary should:",
# "Within six months, the force should:"). The deadline before or after "should".
_DEADLINE = (
    r"(?:[Bb]y (?:the end of )?(?:[0-9]{1,2} )?" + _MONTH + r" 20[0-9][0-9]"
    r"|[Ww]ithin (?:[a-z]+|[0-9]{1,3}) (?:days?|weeks?|months?|years?)"
    r"|[Ii]mmediately)"
)
DEADLINE_LEAD = re.compile(
    r"^(?:(?P<before>" + _DEADLINE + r"),? (?P<who>[^,:]+?) should"
    r"|(?P<subject>[^,:]+?) should,? (?P<after>" + _DEADLINE + r"),?)(?: (?:do the following|act as follows))?:$"
)
# A recommendation that opens with its deadline (not seen): "By 31 March 2024, the force should review ...".
DEADLINE_OPENING = re.compile(r"^(?P<deadline>" + _DEADLINE + r"),\s")
DEADLINE_DATE = re.compile(r"\b" + _DATE + r"\b")


def word_date(found: re.Match[str]) -> str | None:
    """The ISO date of a match with groups ``day``, ``month`` (its name) and ``year``; None when it is no date."""
    try:
        return dt.date(int(found["year"]), month_number(found["month"]) or 0, int(found["day"])).isoformat()
    except ValueError:
        return None


def deadline(text: str) -> str | None:
    """The deadline a recommendations' lead line states ("By 31 March 2024, the force should:", "The force should
    immediately:"), or a recommendation that opens with it; else None."""
    lead = DEADLINE_LEAD.match(text)
    if lead is not None:
        return str(lead["before"] or lead["after"])
    opening = DEADLINE_OPENING.match(text)
    return opening["deadline"] if opening is not None else None


def deadline_date(text: str) -> str | None:
    """The ISO date of a deadline that is a day ("By 31 March 2024" gives "2024-03-31"), else None."""
    found = DEADLINE_DATE.search(text)
    return word_date(found) if found is not None else None
