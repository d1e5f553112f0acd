"""Reports of forces outside the Home Office set (British Transport Police, Police Service of Northern Ireland,
Civil Nuclear Constabulary, National Crime Agency): PEEL-style inspections HMICFRS is commissioned to make.

Seen in two real beginnings: BTP's PEEL inspection (published 2024, commissioned 2021; its judgments table kept
as text) and PSNI's crime data integrity inspection (2024, commissioned 2023; one graded judgment as a sentence).
"""

from __future__ import annotations

import re

from .grades import REPORT_GRADES
from .names import NAME, short_name

_REPORT_GRADE_WORDS = "|".join(REPORT_GRADES)

# The title lines (h1): "Inspection into British Transport Police effectiveness, efficiency and legitimacy" (BTP
# 2024); "The Police Service of Northern Ireland: An inspection of crime data integrity" (PSNI 2024: the subject in
# lower case, so "PEEL 2023–2025: An inspection of Northumbria Police" is none).
NHO_PEEL_TITLE = re.compile(
    r"^Inspection into (?:the )?(?P<name>" + NAME + r") effectiveness, efficiency and legitimacy$"
)
NHO_SUBJECT_TITLE = re.compile(r"^(?:The )?(?P<name>" + NAME + r"): An inspection of (?P<subject>[a-z][a-z ,’'-]*)$")
# Words in every line of these patterns (detection looks for them once a page before trying the patterns).
NHO_PEEL_TITLE_WORDS = "effectiveness, efficiency and legitimacy"
NHO_SUBJECT_TITLE_WORDS = ": An inspection of"
# What separates an HTML title's parts, "<the page's title> - His Majesty’s Inspectorate of ...": a subject
# title's own colon is not one.
HTML_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
# The sentence giving the year of the commission (2021-2023): "In 2021, we were commissioned by the Minister of
# State for Transport to inspect British Transport Police", "In accordance with the Act, in 2023 we were
# commissioned to inspect the service"; with its month, "In March 2023, we were commissioned" (not seen).
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
COMMISSIONED = re.compile(r"\b[Ii]n (?:" + _MONTH + r" )?(?P<year>20[0-9][0-9]),? we were commissioned\b")
# What marks a page of this kind saved without its title: the commission (only bodies outside the Home Office
# set are inspected on commission), or the one-judgment sentence.
COMMISSION = re.compile(
    r"\bwe were commissioned\b[^.]{0,120}?\bto inspect\b(?: (?:the )?(?P<name>" + NAME + r")(?<![.’'-]))?"
)
# "We make one graded judgment as follows:" (PSNI 2024), then the grade as one sentence: "The Police Service of
# Northern Ireland’s crime data integrity is good."
ONE_JUDGMENT = re.compile(r"\bWe make (?P<graded>\w+) graded judge?ments? as follows:$")
COMMISSION_WORDS = "we were commissioned"  # in every COMMISSION line
# The one-judgment report's first sentence names the force (PSNI 2024): "Our inspection assessed the Police Service of
# Northern Ireland’s crime data integrity."
ASSESSED = re.compile(r"\bOur inspection assessed (?:the )?(?P<name>" + NAME + r")[’']s? ")
ONE_JUDGMENT_WORDS = "as follows:"  # in every ONE_JUDGMENT line
SUBJECT_GRADE = re.compile(
    r"^(?:The )?(?P<name>" + NAME + r")[’']s? (?P<area>[a-z][a-z ,’'-]*?)"
    r" (?:is (?P<grade>outstanding|good|adequate|inadequate)|(?P<ri>requires improvement))\.?$"
)
# A row of a two-column judgments table kept as text, its grade last (BTP 2024): "Protecting vulnerable people
# Good" under a header line "Area Grade".
TABLE_ROW = re.compile(r"^(?P<area>.*[^\s.:;,!?])\s+(?P<grade>" + _REPORT_GRADE_WORDS + r")$", re.IGNORECASE)
# The headings over that sentence, structure kept in no field (PSNI 2024).
JUDGMENT_HEADINGS = re.compile(r"^(?:Overall judge?ment|Our judge?ment)$", re.IGNORECASE)
# Where a page opens: its title line (the h1, where banners come before it and the page is cut before its
# summary); saved without it, its summary's or its judgment's heading.
NHO_OPENING = re.compile(
    "|".join(
        [r"^(?i:Overall summary|Overall judge?ment)$"]
        + [title.pattern.replace("(?P<name>", "(?:") for title in (NHO_PEEL_TITLE, NHO_SUBJECT_TITLE)]
    )
)
# The sections that frame the report (PSNI 2024): kept as context sections.
FRAMING_HEADING = re.compile(r"^(?:Introduction|About us|Our commission)$")
# The bodies outside the Home Office set HMICFRS inspects, whose name without "Police" is no name ("British
# Transport"): their records' force is the full name.
OTHER_FORCES = frozenset(
    {
        "British Transport Police",
        "Police Service of Northern Ireland",
        "Civil Nuclear Constabulary",
        "National Crime Agency",
        "Ministry of Defence Police",
    }
)


def force_of(full: str) -> str:
    """A force's name as records key it: its short name ("Warwickshire" for Warwickshire Police), or the full name of
    a body outside the Home Office set ("British Transport Police")."""
    return full if full in OTHER_FORCES else short_name(full)


# The lines whose meaning a field holds, kept in no text field (the title line is the record's heading).
NHO_STRUCTURE = (JUDGMENT_HEADINGS,)
