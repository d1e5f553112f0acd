"""Grade words, the grade scales and the pillar names (2014-2025), shared by every page kind."""

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

# Pillar named by a headline question's wording, when the page shows no pillar name (2014-2021/22).
HEADLINE_PILLAR: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\beffective(?:ly|ness)?\b|\btackles crime\b", re.IGNORECASE), "effectiveness"),
    (re.compile(r"\befficien(?:t|tly|cy)\b|\bvalue for money\b", re.IGNORECASE), "efficiency"),
    (re.compile(r"\blegitima(?:te|tely|cy)\b", re.IGNORECASE), "legitimacy"),
    (re.compile(r"\bleadership\b|\bwell[- ]led\b", re.IGNORECASE), "leadership"),
    (re.compile(r"\blooks? after (?:its|their) people\b", re.IGNORECASE), "people"),
)

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


def pillar_named_in(text: str, pillars: tuple[str, ...] = ALL_PILLARS) -> str | None:
    """The pillar (of those given) a headline or sentence is about, from its wording."""
    for pattern, pillar in HEADLINE_PILLAR:
        if pillar in pillars and pattern.search(text):
            return pillar
    return None
