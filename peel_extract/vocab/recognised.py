"""HMICFRS publications peel-extract recognises only, to name them when it refuses them: national child protection
re-inspections (2022) and PEEL spotlight reports (national thematic reports, 2019-2022)."""

from __future__ import annotations

import re

from .names import NAME

# "Derbyshire – National child protection re‑inspection" (2022; a non-breaking hyphen, U+2011, in "re‑inspection").
NCPI_TITLE = re.compile(r"^(?P<name>" + NAME + r") [–—-] National child protection re[-‑]?inspection$")
NCPI_TITLE_WORDS = "National child protection re"  # in every NCPI_TITLE line (detection looks for them first)
# Its contents, for a page saved without its title: "Initial contact: Re-inspection findings".
NCPI_FINDINGS = re.compile(r"^[A-Z][^:]{2,80}: Re[-‑]?inspection findings$")
NCPI_FINDINGS_WORDS = "inspection findings"  # in every NCPI_FINDINGS line (detection looks for them first)
# "PEEL spotlight report: A system under pressure" (2022).
SPOTLIGHT_TITLE = re.compile(r"^PEEL spotlight report: \S")
SPOTLIGHT_TITLE_WORDS = "PEEL spotlight report: "  # in every SPOTLIGHT_TITLE line (detection looks for them first)
# Its foreword, for a page saved without its title: "This report gives an overview of the emerging themes from the
# first group of 2018/19 PEEL (police effectiveness, efficiency and legitimacy) inspections."
SPOTLIGHT_THEMES = re.compile(r"^This report gives an overview of the emerging themes from\b.{0,80}\bPEEL\b")
SPOTLIGHT_THEMES_WORDS = "emerging themes"  # in every SPOTLIGHT_THEMES line (detection looks for them first)
