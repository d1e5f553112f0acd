"""HMICFRS wording: the only module that knows the words the pages use.

Each pattern notes the PEEL years whose pages it was written from. Patterns match a whole
block's text (already white-space normalised) unless they say otherwise.
"""

from __future__ import annotations

import re

# Graded judgments, keyed by their case-folded spelling (2014-2025). "Adequate" from 2021;
# "Ungraded" on 2014 pillar pages; "To be graded" on 2016/2017 interim overviews.
GRADES: dict[str, str] = {
    "outstanding": "Outstanding",
    "good": "Good",
    "adequate": "Adequate",
    "requires improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "ungraded": "Ungraded",
    "to be graded": "To be graded",
}

# Pillar names as the pillar-name line and "Questions for X" give them (2014-2018/19).
PILLARS = ("effectiveness", "efficiency", "legitimacy", "leadership")

# "Staffordshire PEEL 2018" (2014-2018/19 pillar pages); "2018/19" is written as "2018".
TITLE = re.compile(r"^(?P<force>\S.*?)\s+PEEL\s+(?P<year>(?:19|20)\d\d)(?:/(?:20)?\d\d)?$")

# Overview and fire and rescue titles, "Gwent 2018/19", "Cleveland 2017" (2014-2021/22).
YEAR_TITLE = re.compile(r"^(?P<force>\S.*?)\s+(?P<year>(?:19|20)\d\d)(?:/(?:20)?\d\d)?$")
# "Northumbria PEEL Assessments 2021/2022" (2021/22 landing pages).
ASSESSMENTS_TITLE = re.compile(r"^\S.*\s+PEEL Assessments\s+(?:19|20)\d\d(?:/(?:20)?\d\d)?$")
# "Read more about Gwent", also fused with the next paragraph in compact scrapes (2014-2021/22).
READ_MORE = re.compile(r"^Read more about\b")

# "Last updated 21/01/2020" (2014-2018/19); a spelled-out month is accepted too.
LAST_UPDATED = re.compile(
    r"^Last updated:?\s+(?P<day>\d{1,2})(?:/(?P<month>\d{1,2})/|\s+(?P<month_name>[A-Za-z]+)\s+)"
    r"(?P<year>\d{4})\.?$"
)
MONTHS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}

# "Questions for Legitimacy" (2015-2018/19), "Questions for Leadership" (2015-2016).
QUESTIONS_HEADING = re.compile(r"^Questions for (?:the )?(?P<pillar>[A-Za-z]+)$", re.IGNORECASE)

# Words a question (and a headline question) starts with (2014-2018/19).
QUESTION_STEM = (
    r"(?:How|To what extent|In what|What|Which|Why|Where|When|Who"
    r"|Is|Are|Does|Do|Did|Has|Have|Can|Will)\b"
)
QUESTION_START = re.compile(r"^" + QUESTION_STEM)
# A question written after its number in the same block, "2 How well does ...?" (HTML headings).
NUMBERED_QUESTION = re.compile(r"^(?P<number>\d{1,2})[.:)]?\s+(?P<text>" + QUESTION_STEM + r".*\?)$")
# A question number on a line of its own, before the question (2017-2018/19).
QUESTION_NUMBER = re.compile(r"^(?:Question\s+)?(?P<number>\d{1,2})\.?$")

# Site chrome between and around content blocks (2014-2018/19).
CHROME = re.compile(
    r"^(?:Skip to (?:main )?content"
    r"|(?:Summary|Detailed findings) for question \d+"
    r"|View the \w+ questions for \w+"
    r"|Back to top)$",
    re.IGNORECASE,
)

# The same link text fused onto the end of a paragraph ("... identified. Summary for question 1").
CHROME_TAIL = re.compile(r"\s+(?:Summary|Detailed findings) for question \d+$", re.IGNORECASE)

# List headings inside a question (2015-2018/19): singular and plural forms both occur.
AREAS_FOR_IMPROVEMENT = re.compile(r"^Areas? (?:for|of) improvement$", re.IGNORECASE)
CAUSES_OF_CONCERN = re.compile(r"^Causes? (?:of|for) concern$", re.IGNORECASE)
RECOMMENDATIONS = re.compile(r"^Recommendations?$", re.IGNORECASE)
# The sentence that ends the list part of a question and opens its findings (2016-2018/19).
FINDINGS_INTRO = re.compile(r"^We set out our detailed findings below\b")

# "our judgment from the 2017 legitimacy inspection has been carried over" (2018/19).
CARRIED_OVER = re.compile(
    r"\bjudgment from (?:the |our |last year[’']s )?(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b[^.]*?\bcarried over",
    re.IGNORECASE,
)

# Pillar named by a headline question's wording, when the page shows no pillar name (2014-2018/19).
HEADLINE_PILLAR: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\beffective(?:ly|ness)?\b|\btackles crime\b", re.IGNORECASE), "effectiveness"),
    (re.compile(r"\befficien(?:t|tly|cy)\b|\bvalue for money\b", re.IGNORECASE), "efficiency"),
    (re.compile(r"\blegitima(?:te|tely|cy)\b", re.IGNORECASE), "legitimacy"),
    (re.compile(r"\bleadership\b|\bwell[- ]led\b", re.IGNORECASE), "leadership"),
)

# Text that marks a page of another HMICFRS kind (used only to name it in an error).
FIRE_AND_RESCUE = re.compile(r"\bfire and rescue\b|\bFRS\b", re.IGNORECASE)
PEEL_REPORT = re.compile(r"\bgraded judgments in \w+ of these\b|\bPEEL\b.*\b20(?:21|23)\b")
HMICFRS = re.compile(r"\bHMICFRS\b|\bHMIC\b|\bHer Majesty[’']s Inspectorate\b|\bHis Majesty[’']s Inspectorate\b")


def grade(text: str) -> str | None:
    """The canonical grade when ``text`` is a grade word and nothing else, else None."""
    return GRADES.get(text.strip().rstrip(".").casefold())
