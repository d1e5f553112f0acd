"""The phases of a page, and every change of phase in one table.

A page starts in the ``preamble`` (banners before its title line). Its title line moves it to where its kind
goes on after the title (``KindSpec.after_title``: a pillar page's ``header``, an overview's ``intro``, a
report's ``summary``); a page saved without its title line enters that phase at the block its kind opens with.
Each rule in ``ENTERS`` moves the page to its phase when it takes a block; the ``header`` (a pillar's top,
between its title and its headline) ends at the first block that no rule continuing the header takes (it
becomes the ``summary``). No other rule changes the phase.
"""

from __future__ import annotations

from typing import Literal

Phase = Literal["preamble", "header", "summary", "questions", "intro", "observations"]
AfterTitle = Literal["after_title"]
AFTER_TITLE: AfterTitle = "after_title"
"""In ``ENTERS``: the phase the page's kind goes on in after its title."""

ENTERS: dict[str, Phase | AfterTitle] = {
    "title_line": AFTER_TITLE,
    "questions_heading": "questions",  # "Questions for Legitimacy"
    "question": "questions",
    "area_heading": "questions",  # a report's area is read as a question is
    "context_heading": "summary",  # a report's framing section ends any area
    "observations": "observations",  # "HMI's observations"
    "pillar_section": "header",  # an overview's pillar-name line: that pillar's header follows
    "pillar_headline": "summary",  # an overview pillar's headline: its summary follows
    "vetting_title": AFTER_TITLE,  # a vetting report's title line
    "vetting_about": "summary",  # its "About us"
    "vetting_intro": "summary",  # its introduction: the summary
    "vetting_part": "questions",  # a part of its findings ("2. How effectively does the force ...?")
    "nho_title": AFTER_TITLE,  # the title line of a report of a force outside the Home Office set
    "nho_framing": "summary",  # its framing ("Our commission"): it ends any area
    "sole_area_heading": "questions",  # a heading of the findings of a page's one area
    "soc_regional_findings": "questions",  # a SOC report's regional findings are read as an area is
    "soc_body_heading": "questions",  # and so is each body it grades
    "soc_body_part": "questions",
    "soc_context_heading": "summary",  # a SOC report's framing (an appendix) ends any body
}
"""The phase the page enters when each of these rules takes a block."""
HEADER_ENDS_IN: Phase = "summary"
