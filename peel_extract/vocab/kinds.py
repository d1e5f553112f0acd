"""What tells the page kinds apart: police or fire and rescue, pillar page or report (2014-2025)."""

from __future__ import annotations

import re

from .names import _FIRE_NAME, _POLICE_NAME

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
