"""Report pages (PEEL 2021/22 and 2023-25, fire and rescue 2023-25)."""

from __future__ import annotations

import re

from .grades import REPORT_GRADES, grade
from .names import _FULL_NAME, _YEAR

# PEEL reports replace pillar pages from 2021/22; fire and rescue reports replace them from 2023-25.
PEEL_REPORTS_FROM = 2021
FRS_REPORTS_FROM = 2023
# Fire and rescue reports have had one round so far: a page of that kind that names no round is of this one.
FRS_REPORT_ROUND = "2023-25"
# Where an untitled report starts: its "Overall summary" heading, "Our judgments", or the count sentence (2021-2025).
REPORT_OPENING = re.compile(r"^(?:Overall summary$|Our judge?ments$|Our inspection assessed how\b)", re.IGNORECASE)
# The headings of a report's opening (2021-2025): structure, kept in no field.
REPORT_HEADINGS = re.compile(r"^(?:Overall summary|Our judge?ments)$", re.IGNORECASE)
# A report's title line in an HTML title or h1 (not seen): "Northumbria PEEL 2023–2025", "Northumbria PEEL
# Assessment 2021/22", "Cornwall 2023–2025" ("PEEL" is no name).
_TITLE_WORD = r"(?!PEEL\b)[A-Z][\w’'.-]*"
REPORT_TITLE = re.compile(
    r"^(?P<force>" + _TITLE_WORD + r"(?: (?:(?:and|of|upon|&) )?" + _TITLE_WORD + r")*)"
    r"\s+(?:PEEL(?:\s+[Aa]ssessments?)?\s+)?" + _YEAR + "$"
)
# What separates a title's parts: "PEEL 2023–2025: Northumbria Police – HMICFRS" (a dash inside "2023–2025" is not).
TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|:\s+")
# A report's round (2021-2025), always a span of years: in a title or h1 ("PEEL 2023–2025", "2021/22"), as
# a heading of its own ("PEEL 2023–2025", 2023-25), or in "set out in the PEEL Assessment Framework 2021/22"
# (2021/22 and 2023-25).
ROUND = re.compile(r"\b(?P<year>20[0-9][0-9])[/–-](?P<end>(?:20)?[0-9][0-9])\b")
ROUND_HEADING = re.compile(r"^PEEL (?P<year>20[0-9][0-9])[/–-](?P<end>(?:20)?[0-9][0-9])$")
FRAMEWORK_ROUND = re.compile(r"\bPEEL Assessment Framework (?P<year>20[0-9][0-9])[/–-](?P<end>(?:20)?[0-9][0-9])\b")
# The sections that frame a report (2021-2025): seen "Important changes to PEEL" (2021/22), "PEEL 2023–2025" and
# "Terminology in this report" (2023-25), "Changes to this round of inspection" (fire and rescue 2023-25); "About
# the data" closes the reports (not in the pages held here).
CONTEXT_HEADING = re.compile(
    r"^(?:Important changes to PEEL|PEEL 20[0-9][0-9][/–-](?:20)?[0-9][0-9]|Terminology in this report"
    r"|Changes to this round of inspection|About the data)$",
    re.IGNORECASE,
)
# An area the report inspects but does not grade (PEEL 2021/22, 2023-25): "We also inspected how effective a
# service Northumbria Police gives to victims of crime. We don’t make a graded judgment in this overall area."
# (2021/22) / "... for this area." (2023-25).
UNGRADED_AREA = re.compile(
    r"\bWe also inspected how effective a service .+? gives to (?P<area>[^.]+)\.\s*"
    r"We (?:don[’']t|do not) make a graded judge?ment\b[^.]*\."
)
# An area's own grade sentence, after its heading (not seen: the earlier pages' wording), naming the force or
# service in full: "Northumbria Police is adequate at investigating crime.", "Cornwall Fire and Rescue Service
# requires improvement at ...".
AREA_GRADE_SENTENCE = re.compile(
    r"^(?:The )?" + _FULL_NAME + r" (?:is (?:outstanding|good|adequate|inadequate)|requires improvement) (?:at|in)\b"
)
# The header cells of a two-column judgments table, "Area | Grade" (not seen).
TABLE_HEADER = re.compile(
    r"^(?:(?:The )?areas?(?: of policing| inspected| assessed)?|(?:Our )?(?:graded |overall )?judge?ments?"
    r"|(?:Overall )?grades?|Gradings?|Ratings?)$",
    re.IGNORECASE,
)
# The areas reports grade, as tables and headings name them (not seen in the pages held here; from HMICFRS's
# frameworks). PEEL 2021/22 (12 areas, the service to victims of crime ungraded):
REPORT_AREAS = (
    "Providing a service to the victims of crime", "Engaging with and treating the public with fairness and respect",
    "Preventing crime and anti-social behaviour", "Responding to the public", "Investigating crime",
    "Protecting vulnerable people", "Managing offenders and suspects", "Disrupting serious organised crime",
    "Building, supporting and protecting the workforce", "Tackling workforce corruption",
    "Strategic planning, organisational management and value for money", "Recording data about crime",
    # PEEL 2023-25 (9 areas, the victim service assessment ungraded):
    "Police powers and public treatment", "Preventing crime", "Managing offenders", "Developing a positive workplace",
    "Leadership and force management",
    # Fire and rescue 2023-25 (11 areas), as they are named since 2023 ...
    "Understanding risk", "Preventing fires and other risks", "Protecting the public through fire regulation",
    "Responding to fires and other emergencies", "Responding to major and multi-agency incidents",
    "Best use of resources", "Future affordability", "Promoting values and culture", "Right people, right skills",
    "Promoting fairness and diversity", "Managing performance and developing leaders",
    # ... and as they were named in 2018/19 and 2021/22.
    "Understanding the risk of fire and other emergencies", "Making best use of resources",
    "Making the fire and rescue service affordable now and in the future", "Promoting the right values and culture",
    "Getting the right people with the right skills", "Ensuring fairness and promoting diversity",
)  # fmt: skip
# Counts written as words in the count sentence (2021-2025: "nine areas", "eight of these nine").
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split(), start=1
    )
}


# No page counts more areas than this: a larger number is no count (and no integer SQLite could hold).
MAX_COUNT = 1000


def count(word: str) -> int | None:
    """A count written in ASCII digits or as a word ("nine", "12"); None for anything else (other digits, "²",
    or a number past ``MAX_COUNT``)."""
    if word.isascii() and word.isdigit():
        return int(word) if len(word) <= len(str(MAX_COUNT)) and int(word) <= MAX_COUNT else None
    return NUMBER_WORDS.get(word.casefold())


def report_round(first: str, end: str) -> str | None:
    """A report's round as records write it ("2023-25"); None when the years are no round (one or two years)."""
    span = int(end[-2:]) - int(first[-2:])
    return f"{first}-{end[-2:]}" if 0 < span <= 2 else None


def report_grade(text: str) -> str | None:
    """The canonical grade when ``text`` is a grade of the reports' five-tier scale (2021-2025), else None."""
    value = grade(text)
    return value if value in REPORT_GRADES else None
