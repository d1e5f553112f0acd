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

_YEAR = r"(?P<year>(?:19|20)\d\d)(?:[/–-](?P<end>(?:20)?\d\d))?"
# "Staffordshire PEEL 2018" (2014-2018/19 pillar pages).
TITLE = re.compile(r"^(?P<force>\S.*?)\s+PEEL\s+" + _YEAR + "$")
# Overview and fire and rescue titles, "Gwent 2018/19", "Cleveland 2017" (2014-2021/22).
YEAR_TITLE = re.compile(r"^(?P<force>[A-Z][^.:;!?]*?)\s+" + _YEAR + "$")
# "Northumbria PEEL Assessments 2021/2022" (2021/22 landing pages).
ASSESSMENTS_TITLE = re.compile(r"^(?P<force>\S.*?)\s+PEEL Assessments\s+" + _YEAR + "$")
# "Read more about Gwent" / "Read more about Gwent 2016", also fused with the next paragraph in
# compact scrapes, "Read more about GwentThis is ..." (2014-2021/22). "Read more about my
# assessment ..." (lower case) is a sentence of the HMI's observations, not this link.
_NAME_WORD = r"[A-Z][a-z’']*(?:-[A-Z][a-z’']*)*"
READ_MORE = re.compile(r"^Read more about " + _NAME_WORD + r"(?: (?:and |of |upon )?" + _NAME_WORD + r")*(?: \d{4})?")

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

# "Wendy Williams, Her Majesty's Inspector of Constabulary" (2014-2018/19 overviews).
INSPECTOR = re.compile(
    r"^(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,4}),\s+"
    r"(?P<title>(?:Her|His) Majesty[’']s (?:Chief )?Inspector of [A-Z][\w ]+|HM (?:Chief )?Inspector of [A-Z][\w ]+)$"
)
# The heading of the inspector's own text on overview pages (2014-2018/19).
OBSERVATIONS = re.compile(r"^HMI[’']?s observations$", re.IGNORECASE)
# "The available evidence indicates that:" opens the 2014 overviews' prose list of grades.
EVIDENCE_LIST = re.compile(r"^The available evidence indicates that:?$", re.IGNORECASE)

# "Last updated 21/01/2020" (2014-2018/19); a spelled-out month is accepted too.
# A grade on the same line ("Last updated 21/01/2020 Good") is that header's grade line.
LAST_UPDATED = re.compile(
    r"^Last updated:?\s+(?P<day>\d{1,2})(?:/(?P<month>\d{1,2})/|\s+(?P<month_name>[A-Za-z]+)\s+)"
    r"(?P<year>\d{4})\.?(?:\s+(?P<grade>Outstanding|Good|Adequate|Requires improvement|Inadequate|Ungraded"
    r"|To be graded))?$",
    re.IGNORECASE,
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
# A question followed by its grade in the same block, "How well ...? Good" (HTML headings).
GRADED_QUESTION = re.compile(
    r"^(?P<text>.*\?)\s+(?P<grade>Outstanding|Good|Adequate|Requires improvement|Inadequate|Ungraded|To be graded)$",
    re.IGNORECASE,
)
# A question number on a line of its own, before the question (2017-2018/19).
QUESTION_NUMBER = re.compile(r"^(?:Question\s+)?(?P<number>\d{1,2})\.?$")

# Site chrome between and around content blocks (2014-2021/22): skip links, links between
# questions, the report download, contact links, the Welsh-language PDF link.
CHROME = re.compile(
    r"^(?:Skip to (?:main )?content"
    r"|(?:Summary|Detailed findings) for question \d+"
    r"|View the \w+ questions for \w+"
    r"|Back to top"
    r"|Download the full report"
    r"|PEEL: Police effectiveness, efficiency and legitimacy \d{4}(?:/\d\d)? [–-] .{3,60}"
    r"|Contact (?:HMICFRS|HMIC|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})"
    r"|Os hoffech chi ddarllen hwn trwy[’']r Gymraeg.*"
    r"|Find out more about the PEEL assessments"
    r"|PEEL Scorecard Key)$",
    re.IGNORECASE,
)

# The same link text fused onto the end of a paragraph ("... identified. Summary for question 1").
CHROME_TAIL = re.compile(r"\s+(?:Summary|Detailed findings) for question \d+$", re.IGNORECASE)

# List headings inside a question (2015-2018/19): singular and plural forms both occur.
AREAS_FOR_IMPROVEMENT = re.compile(r"^Areas? (?:for|of) improvement$", re.IGNORECASE)
CAUSES_OF_CONCERN = re.compile(r"^Causes? (?:of|for) concern$", re.IGNORECASE)
RECOMMENDATIONS = re.compile(r"^Recommendations?$", re.IGNORECASE)
# An area for improvement written as a paragraph, not a bullet (2015-2018/19).
AFI_SENTENCE = re.compile(
    r"^(?:The|the) (?:force|constabulary|[A-Z][\w-]*(?: [A-Z][\w-]*)* (?:Police|Constabulary))"
    r"(?: Service)? (?:should|needs to|must)\b"
)
# The sentence that ends the list part of a question and opens its findings (2016-2018/19).
FINDINGS_INTRO = re.compile(r"^We set out our detailed findings below\b")

# "our judgment from the 2017 legitimacy inspection has been carried over" (2018/19).
CARRIED_OVER = re.compile(
    r"\bjudgment from (?:the |our )?(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b[^.]*?\bcarried over",
    re.IGNORECASE,
)
# "The grade and findings from last year's inspection still stand." (2016-2017).
LAST_YEAR_STANDS = re.compile(
    r"\bfrom last year[’']s inspection (?:still stand|ha(?:s|ve) been carried over)", re.IGNORECASE
)
# Statements that a question was not inspected this year (2015-2018/19): "This question has not
# been inspected or graded in 2015.", "This question was not inspected in 2017.", "... was not
# subject to detailed inspection in 2018/19 ...".
NOT_INSPECTED = re.compile(
    r"\b(?:has not been inspected(?: or graded)?|was not inspected"
    r"|(?:was )?not (?:been )?subject to (?:detailed )?inspection)\b",
    re.IGNORECASE,
)

# Grades stated in prose (2014-2018/19), kept apart from grade lines.
_PROSE_GRADE = (
    r"(?P<grade>outstanding|good|adequate|inadequate|requires? improvement|requiring improvement"
    r"|not yet graded|to be graded)"
)
# "The extent to which the force is efficient at keeping people safe ... is good." / "...: not yet
# graded." / "... legitimately requires improvement." (overviews 2015-2018/19).
EXTENT_SENTENCE = re.compile(
    r"^(?:In \d{4}, )?the extent to which\b.*?(?:\s+is:?|:)?\s+" + _PROSE_GRADE + r"\.?$", re.IGNORECASE
)
# "Cumbria Constabulary is good in the way it treats ...", "X Police requires improvement at ...",
# "... is judged to be good at ...", "... has been assessed as good in respect of ..." (2014-2018/19).
GRADE_SENTENCE = re.compile(
    r"^(?:Overall,? |We found that |In summary,? )?(?:The |the )?[A-Z][\w’'.-]*(?: (?:and |of |the )?[A-Z][\w’'.-]*)*"
    r"(?: Police| Constabulary| Police Service| Police Force| force| constabulary)?\s+"
    r"(?:is |has been assessed as |is judged to be |is judged as |is judged to |was judged to be )?"
    + _PROSE_GRADE
    + r"\b(?! (?:and|or)\b)",
)
# Any grade said in a 2014 overview's prose list ("... the force is good at ...; it requires improvement ...").
GRADE_WORD_IN_PROSE = re.compile(
    r"\b(?:is|are|be|as)\s+(?P<grade>outstanding|good|inadequate|adequate)\b|\b(?P<ri>requires? improvement)\b",
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


_PROSE_GRADES = {
    "require improvement": "Requires improvement",
    "requiring improvement": "Requires improvement",
    "not yet graded": "To be graded",
}


_LONGEST_GRADE = len("requires improvement.") + 2


def grade(text: str) -> str | None:
    """The canonical grade when ``text`` is a grade word and nothing else, else None."""
    if len(text) > _LONGEST_GRADE:
        return None
    return GRADES.get(text.strip().rstrip(".").casefold())


def prose_grade(words: str) -> str:
    """The canonical grade for the grade words of a sentence ("requires improvement", "not yet graded")."""
    key = words.casefold()
    return _PROSE_GRADES.get(key) or GRADES[key]


def peel_year(first: str, end: str | None) -> str:
    """The PEEL year as HMICFRS names it: "2018" for 2018/19, "2021-22" for 2021/22."""
    if end is None or int(first) < _FIRST_SPAN_YEAR:
        return first
    return f"{first}-{end[-2:]}"


def pillar_named_in(text: str) -> str | None:
    """The pillar a headline or sentence is about, from its wording."""
    for pattern, pillar in HEADLINE_PILLAR:
        if pattern.search(text):
            return pillar
    return None
