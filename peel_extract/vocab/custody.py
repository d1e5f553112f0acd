"""Police custody inspection reports (HMICFRS with HM Inspectorate of Prisons to July 2022, then with the Care
Quality Commission; web pages from 2021).

Seen in four real beginnings (Warwickshire and Surrey 2021, Gloucestershire 2022, Cambridgeshire 2024, each cut
inside its summary); what no real page has shown is marked "(not seen)": it follows the reports' contents
(research notes) and HMICFRS's wording elsewhere.
"""

from __future__ import annotations

import re

from .letters import _MONTH, PUBLISHED_ON, SITE_FURNITURE
from .names import _POLICE_NAME, NAME
from .page import AREAS_FOR_IMPROVEMENT
from .reports import count

# "Report on an unannounced inspection visit to police custody suites in Warwickshire" (2021, 2022), "Report on
# an inspection visit to police custody suites in Cambridgeshire Constabulary" (2024); "inspection of police
# custody in X" and a partner named "(HMI Prisons)" (earlier reports, not seen).
CUSTODY_TITLE = re.compile(
    r"^Report on an? (?P<unannounced>unannounced )?(?:joint )?inspection(?: visit)? (?:to|of) (?:the )?police"
    r" custody(?: suites| facilities)? (?:in|of|at) (?:the )?(?P<name>" + NAME + r")$"
)
# The summary's first paragraph: "This report describes our findings following an inspection of Surrey Police
# custody facilities. The inspection was conducted jointly by HM Inspectorate of Constabulary and Fire & Rescue
# Services (HMICFRS) and HM Inspectorate of Prisons (HMIP) in October 2021." (2021, 2022); "... and the Care
# Quality Commission (CQC) in April 2024." (2024); over two months, "in May and June 2022" (not seen).
FORCE_CUSTODY = re.compile(r"\binspection of (?:the )?(?P<name>" + _POLICE_NAME + r") custody (?:facilities|suites)\b")
JOINT_INSPECTION = re.compile(
    r"\b(?:conducted|carried out) jointly by (?:HM|His Majesty[’']s|Her Majesty[’']s) Inspectorate of"
    r" Constabulary and Fire (?:&|and) Rescue Services(?: \(HMICFRS\))? and (?P<partner>(?:the )?Care Quality"
    r" Commission|(?:HM|His Majesty[’']s|Her Majesty[’']s) Inspectorate of Prisons)(?: \([A-Z][A-Za-z ]{1,15}\))?"
    r"(?: in (?P<when>" + _MONTH + r"(?: and " + _MONTH + r")? (?P<year>(?:19|20)[0-9][0-9])))?"
)
PRISONS = "Prisons"  # in the partner's name: HMIP; else the CQC
# The previous inspection (2021, 2022): "We last inspected custody facilities in Surrey Police in 2015. This
# inspection found that of the 23 recommendations made during that previous inspection, 19 have been fully or
# partially achieved."; "... of the 19 recommendations made during the 2015 inspection, the force has fully or
# partially achieved 11."; "Of the 29 recommendations made during that previous inspection, Warwickshire has
# achieved or partially achieved 15 of them. Two recommendations are no longer applicable, but the remaining 12
# have been identified in this inspection as areas still requiring attention."
LAST_INSPECTED = re.compile(
    r"\bWe last inspected (?:the )?custody (?:facilities|suites) (?:in|of|at) [^.]{1,80}?"
    r" in (?P<year>(?:19|20)[0-9][0-9])\b"
)
PREVIOUS_MADE = re.compile(
    r"\b[Oo]f the (?P<count>[\w-]+) recommendations made (?:during|at|in|after) (?:that|the|our)"
    r" (?:previous |last |(?:19|20)[0-9][0-9] )?inspection\b"
)
ACHIEVED = re.compile(
    r"[^.]*?(?:\b(?P<count>[\w-]+) (?:have|has) been (?:fully or partially |partially or fully )?achieved"
    r"|\bhas (?:achieved or partially achieved|(?:fully or partially|partially or fully) achieved)"
    r" (?P<count_after>[\w-]+))"
)
NO_LONGER_APPLICABLE = re.compile(
    r"\b(?P<count>[\w-]+) (?:of them|recommendations?) (?:are|is|were|was) no longer (?:applicable|relevant)\b"
)
OUTSTANDING = re.compile(r"\b[Tt]he remaining (?P<count>[\w-]+) (?:recommendations )?(?:have|has|were|are)\b")
# The counts the summary states (2021-2024), in digits or words: "we have made 2 recommendations ... and we have
# highlighted 20 additional areas for improvement"; "we have made three recommendations ... We have also
# highlighted a further ten areas for improvement"; "we have highlighted 12 areas for improvement" (no count of
# recommendations: none stated, not 0). "we have made no recommendations" (not seen) states 0.
STATED_RECOMMENDATIONS = re.compile(
    r"\bwe have (?:also )?made (?P<count>[\w-]+) (?:new |further |main )?recommendations?\b"
)
STATED_AREAS_FOR_IMPROVEMENT = re.compile(
    r"\bhighlighted (?:a further |an additional |a total of )?(?P<count>[\w-]+) (?:additional |further |other )?"
    r"areas? for improvement\b"
)
# The report's headings (from the contents of a 2023 report, research notes; not seen in a page): "Summary"
# (seen), five outcome sections "Section 1. Leadership, accountability and partnerships" each opening with
# "Expected outcomes (section 1)" and the outcome, "Section 6. Summary of causes of concern, recommendations and
# areas for improvement" with "Causes of concern and recommendations" and "Areas for improvement", "Fact page".
CUSTODY_SUMMARY = re.compile(r"^Summary$")
LISTS_SECTION = re.compile(
    r"^(?:Section [0-9]{1,2}[.:]?\s+)?Summary of causes of concern, recommendations and areas for improvement$",
    re.IGNORECASE,
)
OUTCOME_SECTION = re.compile(r"^Section (?P<number>[0-9]{1,2})[.:]?\s+(?P<name>\S.*)$")
EXPECTED_OUTCOMES = re.compile(r"^Expected outcomes?(?: \(section (?P<number>[0-9]{1,2})\))?:?$", re.IGNORECASE)
CAUSES_AND_RECOMMENDATIONS = re.compile(r"^Causes? of concern and recommendations?$", re.IGNORECASE)
FACT_PAGE = re.compile(r"^Fact page$", re.IGNORECASE)
# A fact written as a line of its own, "Force: Budmouth Constabulary" (not seen; ours are table rows).
FACT_LINE = re.compile(r"^(?P<label>[A-Z][^:.]{1,60}):\s+(?P<value>\S.*)$")

# The lines of a custody report whose meaning the record holds in a field (the tests' "structural" lines).
CUSTODY_STRUCTURE = (
    PUBLISHED_ON, SITE_FURNITURE, CUSTODY_SUMMARY, LISTS_SECTION, OUTCOME_SECTION, EXPECTED_OUTCOMES,
    CAUSES_AND_RECOMMENDATIONS, FACT_PAGE, AREAS_FOR_IMPROVEMENT,
)  # fmt: skip

_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS = "one two three four five six seven eight nine".split()


def stated_number(word: str) -> int | None:
    """A number a report states in ASCII digits (bounded, as ``count``) or in words up to "ninety-nine"; "no"
    states 0; None for anything else."""
    found = count(word)
    if found is not None:
        return found
    key = word.casefold()
    if key == "no":
        return 0
    if key in _TEENS:
        return 10 + _TEENS.index(key)
    tens, _, unit = key.partition("-")
    if tens in _TENS and (not unit or unit in _UNITS):
        return 20 + 10 * _TENS.index(tens) + (_UNITS.index(unit) + 1 if unit else 0)
    return None
