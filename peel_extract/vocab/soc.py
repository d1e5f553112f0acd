"""Serious and organised crime (SOC) regional reports (2022 on): one page per region grades the region's regional
organised crime unit (ROCU) and each of its forces; the region itself is not graded.

The five real pages held (2023-2024; ``docs/other-kinds.md`` 2) are beginnings cut before any body or grade: the
title, date and framing sentences below are seen in them. How a body's section and grade are written is seen in
no real page: from the research notes (one report's contents) and the news pages' grade lists, and the
grammar the other kinds share (a grade line, a label "<X>: <grade>", a grade sentence).
"""

from __future__ import annotations

import re

from .letters import PUBLISHED_ON, SITE_FURNITURE
from .names import NAME

# The title line (the h1), all five pages (2023-2024): "An inspection of the south-east regional response to
# serious and organised crime"; the region as the page writes it ("south-east", "eastern", "east midlands",
# "north-west"; ours "Wessex"; "the <region> region's response" is taken too). SOC_TITLE_WORDS finds it inside an
# HTML <title> ("... - HMICFRS").
_TITLE = (
    r"An inspection of the (?P<region>[A-Za-z][\w’' \u2010\u2011-]{0,40}?) (?:regional|region[’']s) response to"
    r" serious (?:and|&)"
    r" organi[sz]ed crime"
)
SOC_TITLE = re.compile(r"^" + _TITLE + r"(?: \(SOC\))?$", re.IGNORECASE)
SOC_TITLE_WORD = "response to serious"  # lower-cased, in every SOC_TITLE line (detection looks for it first)
SOC_TITLE_WORDS = re.compile(r"\b" + _TITLE + r"\b", re.IGNORECASE)
# The sentences only these pages write, which mark one saved without its title (all five, 2023-2024): "The
# performance of the region isn’t given a graded judgment" ("is not", "judgement" in 063, 064, 071), "We give the
# ROCU and each individual force a graded judgment" / "the ROCU and each individual force are given a graded
# judgment", "to incorporate inspections of the ten regions, as well as the nine regional organised crime units".
SOC_REGION_SENTENCE = re.compile(
    r"\bThe performance of the region (?:isn[’']t|is not) given a graded judge?ment"
    r"|\bthe ROCU and each individual force (?:a graded judge?ment|(?:are|is) given a graded judge?ment)"
    r"|\bto incorporate inspections of the ten regions, as well as the nine regional organised crime units\b",
    re.IGNORECASE,
)
# "Published on: 30 August 2024" under the title (061, 063, 071) and "Contents", "Print this document" (all five)
# are the letters' wording (vocab.letters: PUBLISHED_ON, SITE_FURNITURE).
# A saved HTML page may keep the list of contents under "Contents" (not seen: the text scrapes lose it), naming
# the page's headings, each body's among them (p2-069's contents, in the research notes).
SOC_CONTENTS = re.compile(r"^Contents$", re.IGNORECASE)
# "We inspected the region between October and December 2023." (ours; not seen), "In March 2023, we inspected
# the region ..." (the vetting reports' wording).
SOC_INSPECTED = re.compile(
    r"\bWe inspected (?:the|this) (?:[\w’' -]{1,40} )?region\b[^.]*? (?:in |during )?"
    r"(?P<when>(?:between |from )?(?:[0-9]{1,2} )?[A-Z][a-z]+(?: (?:and|to) (?:[0-9]{1,2} )?[A-Z][a-z]+)?"
    r" (?:19|20)[0-9][0-9])\b"
    r"|^In (?P<month>[A-Z][a-z]+ (?:19|20)[0-9][0-9]), we inspected\b"
)

# The framing headings (all five): "About our report" describes the report's two parts under the headings
# "Regional findings" and "The ROCU and individual forces" (060, 061), or in two bullets (063, 064, 071).
SOC_ABOUT_REPORT = re.compile(r"^About (?:our|this|the) report$", re.IGNORECASE)
SOC_REGIONAL_FINDINGS = re.compile(r"^Regional findings:?$", re.IGNORECASE)
SOC_BODIES_HEADING = re.compile(r"^The ROCU and (?:the )?(?:individual|constituent) forces:?$", re.IGNORECASE)
# Headings that end the bodies' part (not seen; the report's map is "in Appendix 1", all five).
SOC_CLOSING_HEADING = re.compile(r"^(?:Appendix|Annex)\b|^(?:Glossary|About the data)$", re.IGNORECASE)

# A graded body's name as its heading writes it (not seen: one report's contents, p2-069, "Regional Organised
# Crime Unit for the West Midlands"; the units call themselves "... Regional Organised Crime Unit", "... ROCU",
# "... Special Operations Unit" (the eastern and east midlands units), maybe with their acronym in brackets).
_WORD = r"[A-Z][\w’'.-]*"
_BODY_NAME = _WORD + r"(?: (?:(?:and|of|for|the|upon|&) )*" + _WORD + r")*(?: \([A-Za-z]{2,12}\))?"
SOC_BODY_NAME = re.compile(r"^(?:The )?(?P<name>" + _BODY_NAME + r")$")
SOC_ROCU_WORDS = re.compile(
    r"\b(?:Regional Organi[sz]ed Crime Unit|ROCU|Special Operations Unit|Organi[sz]ed Crime Unit)\b"
)
# A force's full name: "Casterbridge Constabulary", "Thames Valley Police", "Metropolitan Police Service".
SOC_FORCE = re.compile(r"^(?:The )?(?P<name>" + NAME + r" (?:Police Service|Police|Constabulary))$")
# A force named in running text, where the first word is not a sentence's ("In Kent Police" names Kent Police) and
# two names joined by "and" stay two ("Sandbourne Police and Wessex Police"; "Avon and Somerset Constabulary" is one).
_NOT_A_NAME = r"(?!(?:The|In|Both|Each|All|And|Of|For|With|At|By|From|To|On|As|When|While|Unlike|Like|Only|Across)\b)"
_NAME_WORD = r"(?!(?:Police|Constabulary|ROCU)\b)[A-Z][\w’'.-]*"
SOC_FORCE_IN_TEXT = re.compile(
    r"\b" + _NOT_A_NAME + r"(?P<name>" + _NAME_WORD + r"(?: (?:(?:and|of|upon|&) )?" + _NAME_WORD + r")*"
    r" (?:Police Service|Police|Constabulary))\b"
)
# A sentence naming the region's forces (not seen; ours: "The Wessex Regional Organised Crime Unit (WROCU) serves
# four forces: Casterbridge Constabulary, ..."): it speaks of forces and of the region or its unit.
SOC_FORCES_WORDS = re.compile(r"\bforces\b", re.IGNORECASE)
SOC_REGION_WORDS = re.compile(
    r"\b(?:region|regional|ROCU|serves?|constituent|comprises?|covers?|made up of|consists? of)\b", re.IGNORECASE
)

# The three parts of each body's section (p2-069's contents; ours): "Resources and skills: Wessex Police".
SOC_PARTS = (
    "understanding soc and setting priorities to tackle it",
    "resources and skills",
    "tackling soc and safeguarding people and communities",
)
SOC_PART = re.compile(r"^(?P<part>[A-Z][^:]{2,80}?):\s+(?P<body>[A-Z].{1,120})$")

# A body's grade (not seen in any SOC page). As a label line under the body's heading: "Wessex Police: adequate",
# "Serious and organised crime: adequate" (the vetting reports' form); as the news pages list them
# ("Staffordshire Police has been graded as requires improvement"); as the reports' grade sentence ("Wessex Police
# is good at tackling serious and organised crime."). A grade stated of anything but the body is none of its.
_GRADES = r"(?P<grade>outstanding|good|adequate|inadequate|requires improvement)"
SOC_GRADE_LABEL = re.compile(r"^(?P<label>[A-Z][^:]{1,120}?)\s*:\s*" + _GRADES + r"\.?$", re.IGNORECASE)
SOC_LABEL_TOPIC = re.compile(
    r"^(?:(?:Tackling )?serious and organised crime(?: \(SOC\))?|SOC|(?:Our |Overall |Graded )*(?:judge?ment|grade))$",
    re.IGNORECASE,
)
SOC_GRADE_SENTENCE = re.compile(
    r"^(?:Overall,? |We found that )?(?P<subject>[A-Z][^,;:]{1,120}?) "
    r"(?:is (?P<grade>outstanding|good|adequate|inadequate)|(?P<ri>requires improvement)) (?:at|in) (?P<what>.+)$"
)
SOC_GRADED_AS = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{1,120}?) (?:has been|was|is|have been) (?:graded|judged|assessed) (?:as )?"
    + _GRADES
    + r"\b[;.]?(?: and)?$",
    re.IGNORECASE,
)
# What a grade sentence must be about to be the SOC grade ("... at tackling serious and organised crime").
SOC_TOPIC = re.compile(r"\bserious and organised crime\b|\bSOC\b|\borganised crime\b", re.IGNORECASE)
# The subjects that name the body whose section a sentence opens, besides its name.
SOC_FORCE_SUBJECTS = ("the force", "the constabulary")
SOC_ROCU_SUBJECTS = ("the rocu", "the unit", "the regional organised crime unit")

# An area for improvement written as a paragraph: it asks something of the region, unit or force in its first
# words ("The region should make sure ...", "The ROCU should ...", "Casterbridge Constabulary should ...").
SOC_AFI_SENTENCE = re.compile(r"^(?:[\w’'-]+ ){1,10}?(?:should|must|needs? to)\b")
# Lines whose meaning the record holds in a field: the published date, the furniture, a grade label.
SOC_STRUCTURE = (PUBLISHED_ON, SITE_FURNITURE, SOC_GRADE_LABEL)
