"""The lines of a pillar or overview page (2014-2021/22; some also in reports): the inspector and
the page header, questions, site chrome, list headings and the items under them.
"""

from __future__ import annotations

import re

from .grades import _GRADE_WORDS
from .names import NAME

# "Wendy Williams, Her Majesty's Inspector of Constabulary" (2014-2018/19 overviews), "Matt Parr, HM
# Inspector of Fire and Rescue Services" (fire and rescue 2018/19-2021/22), sometimes after a line
# holding the name alone; the title may spell "Fire & Rescue" and join two titles ("HM Inspector of
# Constabulary and HM Inspector of Fire & Rescue Services").
_INSPECTOR_OF = r"(?:(?:Her|His) Majesty[’']s|HM) (?:Chief )?Inspector of [A-Z][\w& ]+"
INSPECTOR = re.compile(
    r"^(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,4}),\s+"
    r"(?P<title>" + _INSPECTOR_OF + r"(?:and " + _INSPECTOR_OF + r")?)$"
)
# The heading of the inspector's own text: "HMI's observations" (police overviews 2014-2018/19), "HM
# Inspector's summary" (fire and rescue overviews 2018/19-2021/22), "HM Inspector's observations" and
# "HMI summary" (reports 2021-2025).
OBSERVATIONS = re.compile(
    r"^(?:HMI[’']?s (?:observations|summary)|HM Inspector[’']?s (?:summary|observations)|HMI summary)$",
    re.IGNORECASE,
)
# "The available evidence indicates that:" opens the 2014 overviews' prose list of grades.
EVIDENCE_LIST = re.compile(r"^The available evidence indicates that:?$", re.IGNORECASE)

# "Last updated 21/01/2020" (2014-2018/19); a spelled-out or abbreviated month, maybe after an ordinal
# day, is accepted too ("21 January 2020", "21st Jan 2020"), and so are the words fused with the date by
# scrapes that lost the space between two elements ("Last updated21/01/2020").
# A grade on the same line ("Last updated 21/01/2020 Good", or fused, "...2020Good") is that header's grade line.
LAST_UPDATED = re.compile(
    r"^Last updated:?\s*(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
    r"(?:/(?P<month>[0-9]{1,2})/|\s+(?P<month_name>[A-Za-z]{3,9})\.?,?\s+)"
    r"(?P<year>[0-9]{4})\.?(?:\s*(?P<grade>" + _GRADE_WORDS + r"))?$",
    re.IGNORECASE,
)
_MONTH_NAMES = "january february march april may june july august september october november december".split()


def month_number(name: str) -> int | None:
    """The month a spelled-out or abbreviated name gives ("March", "Mar", "Sept"), else None."""
    key = name.casefold()
    return next((n for n, full in enumerate(_MONTH_NAMES, start=1) if len(key) >= 3 and full.startswith(key)), None)


# "Questions for Legitimacy" (2015-2018/19), "Questions for Leadership" (2015-2016), "Questions for
# People" (fire and rescue 2018/19-2021/22).
QUESTIONS_HEADING = re.compile(r"^Questions for (?:the )?(?P<pillar>[A-Za-z]+)$", re.IGNORECASE)
QUESTIONS_HEADING_STARTS = frozenset("Qq")
# The heading of 2015 leadership pages, in place of a pillar-name line.
OTHER_INSPECTIONS = "other inspections"

# Words a question (and a headline question) starts with (2014-2018/19).
QUESTION_STEM = (
    r"(?:How|To what extent|In what|What|Which|Why|Where|When|Who"
    r"|Is|Are|Does|Do|Did|Has|Have|Can|Will)\b"
)
QUESTION_START = re.compile(r"^" + QUESTION_STEM)
# A question written after its number in the same block, "2 How well does ...?" (HTML headings).
# Written without a space where the number and the question were two inline elements ("2How well ...?").
NUMBERED_QUESTION = re.compile(r"^(?P<number>[0-9]{1,2})(?:[.:)]?\s+|(?=[A-Z]))(?P<text>" + QUESTION_STEM + r".*\?)$")
# A question followed by its grade in the same block, "How well ...? Good" (HTML headings), maybe fused
# ("How well ...?Good").
GRADED_QUESTION = re.compile(
    r"^(?P<text>.*\?)\s*(?P<grade>" + _GRADE_WORDS + r")$",
    re.IGNORECASE,
)
# A question number on a line of its own, before the question (2017-2018/19): "2", "2.", "2)", "Question 2:",
# "Q2".
QUESTION_NUMBER = re.compile(r"^(?:Question\s+|Q)?(?P<number>[0-9]{1,2})[.:)]?$")

# Site chrome between and around content blocks (2014-2025): skip links, links between
# questions, the report download, contact links, the Welsh-language PDF link, a cookie banner.
CHROME_LINES = (
    r"Skip to (?:main )?content",
    r"Summary for question [0-9]+",
    r"Detailed findings for question [0-9]+",
    r"View the \w+ questions for \w+",
    r"Back to top",
    r"Download the full report",
    r"PEEL: Police effectiveness, efficiency and legitimacy [0-9]{4}(?:/[0-9][0-9])? [–-] .{3,60}",
    r"Contact (?:HMICFRS|HMIC|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})",
    r"Os hoffech chi ddarllen hwn trwy[’']r Gymraeg.*",
    r"Find out more about the PEEL assessments",
    r"PEEL Scorecard Key",
    # A cookie banner's lines where the page keeps it as content (a region, not a dialog; at the top or the end of
    # the page): "We use some essential cookies to make this website work. ...", its buttons and link (2024-2025).
    r"We use (?:some )?(?:essential )?cookies\b.*",
    r"Accept (?:all |additional |analytics )?cookies",
    r"Reject (?:all |additional |analytics )?cookies",
    r"View cookies",
    r"Change (?:your )?cookie settings",
)
CHROME = re.compile(r"^(?:" + "|".join(CHROME_LINES) + r")$", re.IGNORECASE)
# The first letters of the chrome lines, in either case (and ſ, which re.IGNORECASE reads as s): a line starting
# with any other character is no chrome line (a cheap look before the pattern; each line above starts with a letter).
CHROME_STARTS = frozenset("".join(line[0].lower() + line[0].upper() for line in CHROME_LINES) + "ſ")

# The same link text fused onto the end of a paragraph ("... identified. Summary for question 1");
# CHROME_TAIL_WORDS are in every such tail (a cheap check before the pattern).
CHROME_TAIL = re.compile(r"\s+(?:Summary|Detailed findings) for question [0-9]+$", re.IGNORECASE)
CHROME_TAIL_WORDS = "for question"

# List headings inside a question (2015-2018/19): singular and plural forms both occur, maybe with a colon
# ("Areas for improvement:") where a scrape kept the heading as a line of text.
AREAS_FOR_IMPROVEMENT = re.compile(r"^Areas? (?:for|of) improvement:?$", re.IGNORECASE)
CAUSES_OF_CONCERN = re.compile(r"^Causes? (?:of|for) concern:?$", re.IGNORECASE)
RECOMMENDATIONS = re.compile(r"^Recommendations?:?$", re.IGNORECASE)
LIST_HEADING_STARTS = frozenset("ACRacr")
# An area for improvement written as a paragraph, not a bullet (police 2015-2018/19): "The force should ...",
# or naming the force as the reports' do ("Avon and Somerset Constabulary should ...").
AFI_SENTENCE = re.compile(
    r"^(?:(?:The|the) (?:force|constabulary)|(?:The )?" + NAME + r" (?:Police|Constabulary))"
    r"(?: Service)? (?:should|needs to|must)\b"
)
# Reports (2021-2025, not seen) follow the police grammar, maybe naming the force or service without
# "The" ("Northumbria Police should ...").
REPORT_AFI_SENTENCE = re.compile(
    r"^(?:(?:The|the) (?:force|constabulary|service)|(?:(?:The|the) )?[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*)*"
    r" (?:Police|Constabulary|Fire and Rescue Service|Fire Service))(?: Service)? (?:should|needs to|must)\b"
)
# Fire and rescue pages (2018/19-2021/22) write every area for improvement as a paragraph, one per
# item, each asking for something in its first sentence: "The service should ...", "It needs to ...".
FRS_AFI_SENTENCE = re.compile(r"^[^.!?]*?\b(?:should|must|needs? to)\b")
# "Promising practice" (fire and rescue 2018/19-2021/22), "Innovative practice" and "Notable practice"
# (reports 2021-2025): a heading, then a title line and paragraphs.
PRACTICE_HEADING = re.compile(r"^(?P<kind>Promising|Innovative|Notable) practices?:?$", re.IGNORECASE)
# The sentence that ends the list part of a question and opens its findings (2016-2018/19).
FINDINGS_INTRO = re.compile(r"^We set out our detailed findings below\b")
