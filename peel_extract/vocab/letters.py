"""Causes-of-concern letters (police, 2023-2025) and the lines the newer kinds' pages share ("Published on:").

Seen in one real letter (Nottinghamshire, April 2025, cut inside its first cause); what no real page has shown
is marked "(not seen)": it follows the wording HMICFRS uses elsewhere.
"""

from __future__ import annotations

import re

from .names import _POLICE_NAME

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = r"(?P<day>[0-9]{1,2}) (?P<month>" + _MONTH + r") (?P<year>(?:19|20)[0-9][0-9])"

# "Published on: 4 April 2025" under the title of blank-line renderings of every newer kind (2022-2025).
PUBLISHED_ON = re.compile(r"^Published on:?\s+" + _DATE + r"$")
# A date alone on its line: the letter's "Sent on:" date, "4 April 2025" (2025).
DATE_LINE = re.compile(r"^" + _DATE + r"$")
# Site furniture under the title of the newer kinds' pages (2021-2025): no content, no field.
SITE_FURNITURE = re.compile(r"^(?:Contents|Print this document)$")
# The furniture line a page saved from a browser may follow with its list of contents (links to its own headings,
# not seen: the text scrapes lost it).
CONTENTS = re.compile(r"^Contents$")
# The furniture line after the list of contents, where a scrape kept the list as lines between the two.
PRINT_LINE = re.compile(r"^Print this document$")

# The title line: "Nottinghamshire Police: PEEL causes of concern revisit letter" (2025). The accelerated
# cause-of-concern letters and progress letters are titled alike (not seen).
LETTER_TITLE = re.compile(
    r"^(?:The )?(?P<name>" + _POLICE_NAME + r"): (?:PEEL )?(?:accelerated )?causes? of concern"
    r"(?: (?:revisit|progress|update))? letter$",
    re.IGNORECASE,
)
# The letter's own heading and its three blocks: "From:" (name, titles), "To:" (name, rank, force), "Sent on:"
# (a date) (2025); the label may hold its first line ("From: Roy Wilsher", not seen). The sign-off "Yours
# sincerely," with the name and titles after it (not seen).
LETTER_INFORMATION = re.compile(r"^Letter information$", re.IGNORECASE)
# Lower-cased words in every line LETTER_TITLE and LETTER_INFORMATION match: a page's detection looks for them
# once before trying the patterns line by line (LETTER_TITLE takes ~10 us on an ordinary line).
LETTER_WORD = "letter"
LETTER_INFORMATION_WORDS = "letter information"
LETTER_LABEL = re.compile(r"^(?P<label>From|To|Sent on):(?:\s+(?P<rest>\S.*))?$")
SIGN_OFF = re.compile(r"^Yours (?:sincerely|faithfully),?$", re.IGNORECASE)
# The heading over the causes: "Our causes of concern and recommendations" (2025).
LETTER_CAUSES_HEADING = re.compile(r"^Our causes? of concern and recommendations$", re.IGNORECASE)
# A cause's heading naming its area: "Accelerated cause of concern: investigations" (2025); "Cause of
# concern: protecting vulnerable people" (not seen).
CAUSE_HEADING = re.compile(r"^(?P<accelerated>Accelerated )?cause of concern\s*[:–-]\s*(?P<area>\S.*)$", re.IGNORECASE)
# "Our cause of concern regarding investigations had eight recommendations:" (2025).
RECOMMENDATION_COUNT = re.compile(
    r"^(?:Our|This|The) (?:accelerated )?cause of concern(?: (?:regarding|about|on|relating to|for) .{1,120}?)?"
    r" (?:had|has|included|includes) (?P<count>[\w-]+) recommendations?[:.]?$",
    re.IGNORECASE,
)
# A lead line opening a group of recommendations and giving their deadline: "The force should immediately:"
# (2025); "By 30 September 2023, the force should:", "Within six months, the force should:" (not seen). The
# deadline is kept as written; it is before the subject, or after "should".
_BEFORE = r"(?P<before>(?:By|Before|Within|No later than|From)\b[^,:]{1,60}|Immediately)"
_AFTER = r"(?P<after>immediately|now|at once|(?:by|before|within|no later than)\b[^,:]{1,60})"
DEADLINE_LEAD = re.compile(r"^(?:" + _BEFORE + r",\s+)?(?P<who>[^,:]{2,150}?) (?:should|must),?(?: " + _AFTER + r")?:$")
# A recommendation written as a paragraph may give its deadline the same way (not seen): "By 31 March 2024, the
# force should review ...", "The force should immediately review ...".
DEADLINE_INLINE = re.compile(
    r"^(?:"
    + _BEFORE
    + r",\s+[^,:]{2,150}? (?:should|must)\b|[^,:]{2,150}? (?:should|must),? (?P<now>immediately|now|at once)\b)"
)
# A deadline that is a day: "By 30 September 2023" (not seen whole; the real letter is cut at "By 30 Septe").
DEADLINE_DATE = re.compile(r"^(?:By|Before|No later than|On) " + _DATE + r"$", re.IGNORECASE)
# The sentences stating a cause's status (not seen: the news says causes are "closed"): "We have closed this
# cause of concern."; "This cause of concern is now closed."; "This cause of concern remains open."; "We will
# keep this cause of concern open." A sentence saying it is not closed states neither.
_THIS_CAUSE = r"(?:this|the|our) (?:accelerated )?cause of concern(?: (?:on|regarding|about) [^.]{1,80}?)?"
CAUSE_CLOSED = re.compile(
    r"\b(?:We have (?:now )?(?:decided to )?closed? " + _THIS_CAUSE + r"|" + _THIS_CAUSE
    + r" (?:is|has been|was) (?:now )?closed)\b",
    re.IGNORECASE,
)  # fmt: skip
CAUSE_OPEN = re.compile(
    r"\b(?:" + _THIS_CAUSE + r" (?:remains|is still|will remain|stays) open|we will keep " + _THIS_CAUSE + r" open)\b",
    re.IGNORECASE,
)
# The letter's opening sentences (2025): "In January 2024, we inspected Nottinghamshire Police ... we identified
# three causes of concern."; "Between 27 January and 7 February 2025, we revisited the force ...".
INSPECTED_IN = re.compile(
    r"\bIn (?P<when>" + _MONTH + r" (?:19|20)[0-9][0-9]), we inspected(?: (?:the )?(?P<name>" + _POLICE_NAME + r")\b)?"
)
REVISITED = re.compile(
    r"^(?P<when>(?:Between|From|In|On) [^,]{3,60}?(?:19|20)[0-9][0-9]), we (?:revisited|returned to)\b"
)
CAUSES_IDENTIFIED = re.compile(r"\bwe identified (?P<count>(?!an?\b)[\w-]+) causes? of concern\b")

# The police monitoring lists, "Police forces in Engage" and "Police forces previously in Engage" (research
# notes only): one page lists several forces, each with "Entered Engage", a year, "Reasons" and a bullet list,
# "Related report" (and "Moved out of Engage"). Another grammar than a letter's: recognised, not converted.
ENGAGE_TITLE = re.compile(r"^Police forces (?:previously )?in Engage$", re.IGNORECASE)
ENGAGE_LINE = re.compile(r"^(?:Entered Engage|Moved out of Engage)\b", re.IGNORECASE)
ENGAGE_WORD = "engage"  # lower-cased, in every line ENGAGE_TITLE and ENGAGE_LINE match (looked for first)

# The lines of a letter whose meaning the record holds in a field (the tests' "structural" lines).
LETTER_STRUCTURE = (
    PUBLISHED_ON, DATE_LINE, SITE_FURNITURE, LETTER_INFORMATION, LETTER_LABEL, SIGN_OFF, LETTER_CAUSES_HEADING
)  # fmt: skip
# A force's full name alone on a line: the last line of a letter's "To:" block, "Nottinghamshire Police" (2025).
FORCE_LINE = re.compile(r"^(?:The )?(?P<name>" + _POLICE_NAME + r")$")
# What a recommendation or an area for improvement written as a paragraph says: what the force "should" do
# (2021-2025: "The force should make sure ...", "The constabulary and the police and crime commissioner should").
SHOULD = re.compile(r"\b(?:should|must)\b")
