"""Grade words, the grade scales and the pillar names (2014-2025), shared by every page kind."""

from __future__ import annotations

import re
from typing import Literal, get_args

# Graded judgments (2014-2025), best first. "Adequate" from 2021; "Ungraded" on 2014 pillar pages; "To be graded"
# on 2016/2017 interim overviews. The records' grade fields take these words, and only these.
Grade = Literal["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate", "Ungraded", "To be graded"]
# The grades each scale admits. Police PEEL 2014-2018/19 pages take every word above ("Ungraded" and "To be
# graded" are police pages' own); fire and rescue 2018/19-2021/22 had four tiers (no Adequate); PEEL 2021/22 on and
# fire and rescue 2023-25 reports have five.
PoliceGrade = Grade
FrsGrade = Literal["Outstanding", "Good", "Requires improvement", "Inadequate"]
ReportGrade = Literal["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
POLICE_GRADES: tuple[PoliceGrade, ...] = get_args(PoliceGrade)
FRS_GRADES: tuple[FrsGrade, ...] = get_args(FrsGrade)
REPORT_GRADES: tuple[ReportGrade, ...] = get_args(ReportGrade)
# Each grade keyed by its case-folded spelling.
GRADES: dict[str, str] = {value.casefold(): value for value in get_args(Grade)}
_GRADE_WORDS = "|".join(re.escape(g) for g in GRADES.values())

# Pillar names as the pillar-name line and "Questions for X" give them: police 2014-2018/19, and
# fire and rescue 2018/19-2021/22 ("people": how well the service looks after its people).
PolicePillar = Literal["effectiveness", "efficiency", "legitimacy", "leadership"]
FrsPillar = Literal["effectiveness", "efficiency", "people"]
PILLARS: tuple[PolicePillar, ...] = get_args(PolicePillar)
FRS_PILLARS: tuple[FrsPillar, ...] = get_args(FrsPillar)
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
