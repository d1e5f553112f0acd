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

# The grades each scale admits. Police PEEL 2014-2018/19 and fire and rescue 2018/19-2021/22 had four
# tiers (no Adequate); PEEL 2021/22 on and fire and rescue 2023-25 have five. "Ungraded" (2014) and "To
# be graded" (2016/2017 interim overviews) are police pages' own words.
POLICE_GRADES = tuple(GRADES.values())
FRS_GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
REPORT_GRADES = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")
_GRADE_WORDS = "|".join(re.escape(g) for g in GRADES.values())

# Pillar names as the pillar-name line and "Questions for X" give them: police 2014-2018/19, and
# fire and rescue 2018/19-2021/22 ("people": how well the service looks after its people).
PILLARS = ("effectiveness", "efficiency", "legitimacy", "leadership")
FRS_PILLARS = ("effectiveness", "efficiency", "people")
ALL_PILLARS = (*PILLARS, "people")

_YEAR = r"(?P<year>(?:19|20)\d\d)(?:[/–-](?P<end>(?:20)?\d\d))?"
# A force's or service's name as titles write it: capitalised words, maybe joined by "and", "of",
# "upon" or "&" ("Avon and Somerset", "City of London", "Dyfed-Powys", "Dorset & Wiltshire"). A
# notice that ends in a year ("HMIC is consulting on its ... programme for 2017/18") is no name.
NAME = r"[A-Z][\w’'.-]*(?: (?:(?:and|of|upon|&) )?[A-Z][\w’'.-]*)*"
# "Staffordshire PEEL 2018" (2014-2018/19 pillar pages).
TITLE = re.compile(r"^(?P<force>" + NAME + r")\s+PEEL\s+" + _YEAR + "$")
# Overview and fire and rescue titles, "Gwent 2018/19", "Cleveland 2017", "Kent 2021/22" (2014-2021/22).
YEAR_TITLE = re.compile(r"^(?P<force>" + NAME + r")\s+" + _YEAR + "$")
# "Northumbria PEEL Assessments 2021/2022" (2021/22 landing pages).
ASSESSMENTS_TITLE = re.compile(r"^(?P<force>" + NAME + r")\s+PEEL Assessments\s+" + _YEAR + "$")
# "Read more about Gwent" / "Read more about Gwent 2016", also fused with the next paragraph in
# compact scrapes, "Read more about GwentThis is ..." (2014-2021/22); a name may hold "&" as titles
# do ("Read more about Dorset & Wiltshire", fire and rescue 2018/19-2021/22). "Read more about my
# assessment ..." (lower case) is a sentence of the HMI's observations, not this link.
_NAME_WORD = r"[A-Z][a-z’']*(?:-[A-Z][a-z’']*)*"
READ_MORE = re.compile(
    r"^Read more about " + _NAME_WORD + r"(?: (?:and |of |upon |& )?" + _NAME_WORD + r")*(?: \d{4})?"
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
    r"^Last updated:?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:/(?P<month>\d{1,2})/|\s+(?P<month_name>[A-Za-z]{3,9})\.?,?\s+)"
    r"(?P<year>\d{4})\.?(?:\s*(?P<grade>" + _GRADE_WORDS + r"))?$",
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
NUMBERED_QUESTION = re.compile(r"^(?P<number>\d{1,2})(?:[.:)]?\s+|(?=[A-Z]))(?P<text>" + QUESTION_STEM + r".*\?)$")
# A question followed by its grade in the same block, "How well ...? Good" (HTML headings), maybe fused
# ("How well ...?Good").
GRADED_QUESTION = re.compile(
    r"^(?P<text>.*\?)\s*(?P<grade>" + _GRADE_WORDS + r")$",
    re.IGNORECASE,
)
# A question number on a line of its own, before the question (2017-2018/19): "2", "2.", "2)", "Question 2:",
# "Q2".
QUESTION_NUMBER = re.compile(r"^(?:Question\s+|Q)?(?P<number>\d{1,2})[.:)]?$")

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

# The same link text fused onto the end of a paragraph ("... identified. Summary for question 1");
# CHROME_TAIL_WORDS are in every such tail (a cheap check before the pattern).
CHROME_TAIL = re.compile(r"\s+(?:Summary|Detailed findings) for question \d+$", re.IGNORECASE)
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

# "our judgment from the 2017 legitimacy inspection has been carried over" (2018/19), also spelt "judgement".
CARRIED_OVER = re.compile(
    r"\bjudge?ment from (?:the |our )?(?P<year>(?:19|20)\d\d)(?:/\d\d)?\b[^.]*?\bcarried over",
    re.IGNORECASE,
)
# "The grade and findings from last year's inspection still stand." (2016-2017).
LAST_YEAR_STANDS = re.compile(
    r"\bfrom last year[’']s inspection (?:still stand|ha(?:s|ve) been carried over)", re.IGNORECASE
)
# Words one of these statements holds (a cheap check before the patterns).
STATEMENT_WORDS = ("inspect", "carried over", "still stand")
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
# graded." / "... legitimately requires improvement." (overviews 2015-2018/19); also as the items of a
# list after "... and we found:" (2018/19), which may end "is good;" or "is good; and".
EXTENT_SENTENCE = re.compile(
    r"^(?:In \d{4}, )?the extent to which\b.*?(?:\s+is:?|:)?\s+" + _PROSE_GRADE + r"(?:\.|;(?: and)?)?$",
    re.IGNORECASE,
)
# "Cumbria Constabulary is good in the way it treats ...", "X Police requires improvement at ...",
# "... is judged to be good at ...", "... has been assessed as good in respect of ..." (2014-2018/19).
# Fire and rescue (2018/19-2021/22): "Cornwall Fire and Rescue Service’s overall effectiveness requires
# improvement.", "Overall, Essex Fire and Rescue Service requires improvement at looking after its people."
# A name may hold "&" ("Dorset & Wiltshire Fire and Rescue Service is good at ...").
GRADE_SENTENCE = re.compile(
    r"^(?:Overall,? |We found that |In summary,? )?(?:The |the )?"
    r"[A-Z][\w’'.-]*(?: (?:and |of |the |& )?[A-Z][\w’'.-]*)*"
    r"(?: Police| Constabulary| Police Service| Police Force| force| constabulary)?"
    r"(?:[’']s overall [a-z]+)?\s+"
    r"(?:is |has been assessed as |is judged to be |is judged as |is judged to |was judged to be )?"
    + _PROSE_GRADE
    + r"\b(?! (?:and|or)\b)",
)
# Any grade said in a 2014 overview's prose list ("... the force is good at ...; it requires improvement ...").
GRADE_WORD_IN_PROSE = re.compile(
    r"\b(?:is|are|be|as)\s+(?P<grade>outstanding|good|inadequate|adequate)\b|\b(?P<ri>requires? improvement)\b",
    re.IGNORECASE,
)

# The previous round's grade (fire and rescue 2021/22): "Kent Fire and Rescue Service was good in its
# 2018/19 assessment" (with or without a full stop), "... required improvement in its 2018/19 assessment."
PREVIOUS_GRADE = re.compile(
    r"\b(?:was (?P<grade>outstanding|good|adequate|inadequate)|(?P<ri>required improvement))"
    r" in its (?P<year>20\d\d)[/–-](?P<end>\d\d) (?:assessment|inspection)\b\.?",
    re.IGNORECASE,
)
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

# Pillar named by a headline question's wording, when the page shows no pillar name (2014-2021/22).
HEADLINE_PILLAR: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\beffective(?:ly|ness)?\b|\btackles crime\b", re.IGNORECASE), "effectiveness"),
    (re.compile(r"\befficien(?:t|tly|cy)\b|\bvalue for money\b", re.IGNORECASE), "efficiency"),
    (re.compile(r"\blegitima(?:te|tely|cy)\b", re.IGNORECASE), "legitimacy"),
    (re.compile(r"\bleadership\b|\bwell[- ]led\b", re.IGNORECASE), "leadership"),
    (re.compile(r"\blooks? after (?:its|their) people\b", re.IGNORECASE), "people"),
)

# What tells a fire and rescue page from a police page, read in the first blocks after the title.
FIRE_AND_RESCUE = re.compile(r"\bfire and rescue\b|\bFRS\b", re.IGNORECASE)
POLICE = re.compile(r"\bPEEL\b|\bPolice\b|\bConstabulary\b|\bthe force\b")
PEEL_REPORT = re.compile(r"\bgraded judgments in \w+ of these\b|\bPEEL\b.*\b20(?:21|23)\b")
FRS_REPORT = re.compile(r"\bhas performed in \w+ areas\b")
# Report pages (PEEL 2021/22 and 2023-25, fire and rescue 2023-25) name their kind in the count sentence that
# opens their summary: "Our inspection assessed how good Northumbria Police is in nine areas of policing. We make
# graded judgments in eight of these nine as follows:" (numbers as words or digits, "12 areas ... 11 of these
# 12"); "Our inspection assessed how well Cornwall Fire and Rescue Service has performed in 11 areas. We have
# made the following graded judgments" (no count of graded areas, no colon).
_ASSESSED = r"\bOur inspection assessed how (?:good|well) (?:the )?(?P<name>"
REPORT_COUNT_WORDS = "inspection assessed how"  # in every count sentence: a cheap check before the patterns
PEEL_COUNT = re.compile(_ASSESSED + _POLICE_NAME + r") (?:is|has performed) in (?P<inspected>\w+) areas\b")
FRS_COUNT = re.compile(_ASSESSED + _FIRE_NAME + r") (?:has performed|is) in (?P<inspected>\w+) areas\b")
GRADED_COUNT = re.compile(r"\bgraded judge?ments? in (?P<graded>\w+) of these \w+\b")
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


def round_year(first: str, end: str | None) -> str:
    """A fire and rescue round as HMICFRS names it, always a span: "2018-19" for 2018/19."""
    return f"{first}-{end[-2:]}" if end is not None else first


def pillar_named_in(text: str, pillars: tuple[str, ...] = ALL_PILLARS) -> str | None:
    """The pillar (of those given) a headline or sentence is about, from its wording."""
    for pattern, pillar in HEADLINE_PILLAR:
        if pillar in pillars and pattern.search(text):
            return pillar
    return None


def short_name(full: str) -> str:
    """A force's or service's short name: "Northumbria Police" gives "Northumbria"."""
    for suffix in NAME_SUFFIXES:
        if full.endswith(suffix):
            return full[: -len(suffix)]
    return full


# Report pages (PEEL 2021/22 and 2023-25, fire and rescue 2023-25) ---------------------------------------------

# PEEL reports replace pillar pages from 2021/22; fire and rescue reports replace them from 2023-25.
PEEL_REPORTS_FROM = 2021
FRS_REPORTS_FROM = 2023
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
ROUND = re.compile(r"\b(?P<year>20\d\d)[/–-](?P<end>(?:20)?\d\d)\b")
ROUND_HEADING = re.compile(r"^PEEL (?P<year>20\d\d)[/–-](?P<end>(?:20)?\d\d)$")
FRAMEWORK_ROUND = re.compile(r"\bPEEL Assessment Framework (?P<year>20\d\d)[/–-](?P<end>(?:20)?\d\d)\b")
# The sections that frame a report (2021-2025): seen "Important changes to PEEL" (2021/22), "PEEL 2023–2025" and
# "Terminology in this report" (2023-25), "Changes to this round of inspection" (fire and rescue 2023-25); "About
# the data" closes the reports (not in the pages held here).
CONTEXT_HEADING = re.compile(
    r"^(?:Important changes to PEEL|PEEL 20\d\d[/–-](?:20)?\d\d|Terminology in this report"
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


def count(word: str) -> int | None:
    """A count written in digits or as a word ("nine", "12"); None for anything else."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.casefold())


def report_round(first: str, end: str) -> str | None:
    """A report's round as records write it ("2023-25"); None when the years are no round (one or two years)."""
    span = int(end[-2:]) - int(first[-2:])
    return f"{first}-{end[-2:]}" if 0 < span <= 2 else None


def report_grade(text: str) -> str | None:
    """The canonical grade when ``text`` is a grade of the reports' five-tier scale (2021-2025), else None."""
    value = grade(text)
    return value if value in REPORT_GRADES else None
