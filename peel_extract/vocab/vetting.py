"""Vetting, IT monitoring and counter-corruption force reports (2022 on): one report per force, one graded judgment.

Seen in four real beginnings (2022: Kent, South Wales; 2023: Warwickshire, Cheshire); what follows their
introduction (lists, causes of concern, practice) only in our synthetic pages, written in the reports' grammar.
"""

from __future__ import annotations

import re

from .grades import _GRADE_WORDS
from .names import NAME

_COUNTER_CORRUPTION = r"counter[-‑ ]corruption"
# The title line (h1), naming the force in full (2022-2023): "A report into the effectiveness of vetting and
# counter-corruption arrangements in Warwickshire Police".
VETTING_TITLE = re.compile(
    r"^A report into the effectiveness of vetting and " + _COUNTER_CORRUPTION + r" arrangements in"
    r" (?:the )?(?P<name>" + NAME + r")$"
)
# Words in every line of these patterns (as written; VETTING_LABEL_WORDS lower-cased, for an IGNORECASE pattern):
# detection looks for them once a page before trying the patterns line by line.
VETTING_TITLE_WORDS = "effectiveness of vetting"
# The area the report grades, as its label line names it.
VETTING_AREA = "Vetting, IT monitoring and counter-corruption"
_AREA = r"[Vv]etting, IT monitoring and " + _COUNTER_CORRUPTION
# The label line under the introduction's heading (2022-2023): "Vetting, IT monitoring and counter-corruption:
# requires improvement", or ": no graded judgment" (research notes only: an inspection more than 12 months before
# publication). A line start and a colon: a judgments table's row "Vetting, ... counter-corruption Inadequate" of
# another kind's page is no label.
VETTING_LABEL = re.compile(
    r"^" + _AREA + r":\s*(?P<value>" + _GRADE_WORDS + r"|no graded judge?ment)\.?$", re.IGNORECASE
)
VETTING_LABEL_WORDS = "it monitoring"
# The same label in two blocks where a page's markup splits it (not seen: a line break, a definition list, a heading
# over its grade): "Vetting, IT monitoring and counter-corruption:" (the colon maybe left out), then "inadequate".
VETTING_LABEL_NAME = re.compile(r"^" + _AREA + r":?$", re.IGNORECASE)
VETTING_LABEL_VALUE = re.compile(r"^(?:" + _GRADE_WORDS + r"|no graded judge?ment)\.?$", re.IGNORECASE)
NO_GRADED_JUDGMENT = re.compile(r"^no graded judge?ment$", re.IGNORECASE)
# The grade as a sentence of the introduction, where the page has no label line (2023): "Warwickshire Police is
# adequate at vetting, IT monitoring and counter-corruption."
VETTING_SENTENCE = re.compile(
    r"^(?:The )?(?P<name>" + NAME + r") (?:is (?P<grade>outstanding|good|adequate|inadequate)"
    r"|(?P<ri>requires improvement)) (?:at|in) " + _AREA + r"\.?$"
)
# Why the page has no grade (research notes, 2022): "As our inspection took place more than 12 months ago, we
# provide no graded judgment."
ABSENT_REASON = re.compile(
    r"\b(?:provide|give|make|made) no graded judge?ment\b|\bnot (?:been )?given a graded judge?ment\b"
)
# The sentence naming when the force was inspected (2022-2023): "In April 2023, we inspected Warwickshire Police
# ...", "Between 31 January and 11 February, we inspected Kent Police ..." (no year); the force it names. An
# inspection over two months may be written "In January and February 2023" (not seen).
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
INSPECTED = re.compile(
    r"^(?:In (?P<month>" + _MONTH + r"(?: and " + _MONTH + r")? (?P<year>20[0-9][0-9]))"
    r"|(?P<period>(?:Between|From) [^,]{5,60}?)),?"
    r" (?:we|HMICFRS) inspected\b(?: (?:the )?(?P<force>" + NAME + r")(?<![.’'-]))?"
)
PERIOD_YEAR = re.compile(r"\b(?P<year>20[0-9][0-9])\b")
# What a page saved without its title shows first: the sentence every report's introduction opens with (2022-2023).
VETTING_CHANGE = re.compile(
    r"^In September 2021, (?:we|HMICFRS) changed the way (?:we|it) reports? on how effectively forces manage(?:d)?"
    r" vetting and " + _COUNTER_CORRUPTION + r"\b"
)
VETTING_CHANGE_WORDS = "In September 2021"
# The introduction's heading, numbered from 2023 ("1. Introduction"), and the headings of the report's parts:
# its questions ("2. How effectively does the force vet its officers and staff?"; unnumbered in 2022) and, in our
# synthetic pages, "5. Summary of findings".
INTRODUCTION = re.compile(r"^(?:1\.\s*)?Introduction$")
VETTING_QUESTION = re.compile(r"^(?:[0-9]{1,2}\.\s*)?How (?:effectively|well) does the force\b[^?]*\?$")
# The site's "About us" section, before the introduction (2022-2023).
ABOUT_US = re.compile(r"^About us$")
# Where a page saved without its title opens.
VETTING_OPENING = re.compile(r"^(?:About us|(?:1\.\s*)?Introduction)$")
# The lines whose meaning a field holds, kept in no text field (the title line is the record's heading; the label
# line its judgment_evidence).
VETTING_STRUCTURE = (INTRODUCTION,)
