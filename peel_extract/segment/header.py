"""Rules: a pillar header: title line, pillar-name line, headline, "Last updated", grade line.

On a pillar page the header is the page's top; on an overview page each pillar section has one.
"""

from __future__ import annotations

import datetime as dt
import re

from ..blocks import Block
from ..vocab import ASCII_DIGITS, LAST_UPDATED, OTHER_INSPECTIONS, QUESTIONS_HEADING, grade, month_number
from .rule import accepts
from .state import D, KindSpec, State

# The rules whose block a header's grade line directly follows: its date or headline (an overview pillar's
# pillar-name line or headline).
_BEFORE_GRADE = ("last_updated", "headline", "pillar_section", "pillar_headline")
_MAX_TITLE = 120


def match_title(kind: KindSpec, text: str) -> re.Match[str] | None:
    """The title-line match for this kind of page, if ``text`` is one."""
    if len(text) >= _MAX_TITLE or text[-1:] not in ASCII_DIGITS:  # every title line ends with its year
        return None
    for pattern in kind.titles:
        match = pattern.match(text)
        if match is not None:
            return match
    return None


@accepts(items=True, phases=["preamble"])
def title_line(state: State[D], block: Block) -> bool:
    """The title line ("Cleveland PEEL 2018", "Kent 2021/22") gives the name and year; the page goes on
    where its kind goes on after the title (``phases.ENTERS``)."""
    match = match_title(state.kind, block.text) if state.phase == "preamble" else None
    if match is None:
        return False
    page = state.page
    page.name, page.year, page.year_source = match["force"], state.kind.year(match["year"], match["end"]), "title"
    return True


@accepts(items=True, phases=["preamble"])
def preamble(state: State[D], block: Block) -> bool:
    """Before the title line everything is banners and chrome."""
    return state.phase == "preamble"


def is_pillar_line(text: str, pillars: tuple[str, ...]) -> bool:
    """A line naming a pillar ("Legitimacy"), or the "Other inspections" heading of 2015 pages."""
    name = text.casefold()
    return name in pillars or name == OTHER_INSPECTIONS


@accepts(longest=40, phases=["header"], continues=["header"])
def pillar_line(state: State[D], block: Block) -> bool:
    """An optional line naming the pillar under the title."""
    pillars = state.kind.pillars
    if state.phase != "header" or state.header.headline_question is not None or not is_pillar_line(block.text, pillars):
        return False
    name = block.text.casefold()
    if name in pillars:
        state.header.pillar, state.header.pillar_source = name, "pillar_line"
    return True


@accepts(phases=["header"])
def headline(state: State[D], block: Block) -> bool:
    """The first paragraph after the title (and pillar line) is the headline question."""
    text = block.text
    if state.phase != "header" or block.kind == "item":
        return False
    if LAST_UPDATED.match(text) or grade(text) or QUESTIONS_HEADING.match(text):
        return False
    state.header.headline_question = text
    return True


@accepts(longest=80, phases=["header", "summary"])
def last_updated(state: State[D], block: Block) -> bool:
    """The "Last updated 21/01/2020" line of a header, as an ISO date."""
    if state.question is not None or state.header.last_updated is not None or state.phase not in ("header", "summary"):
        return False
    match = LAST_UPDATED.match(block.text)
    if match is None:
        return False
    state.header.last_updated = _iso_date(match)
    if state.header.last_updated is None:
        state.warn("bad_date", f"'{block.text}' is not a real date; last_updated left empty", block.line)
    if match["grade"] and state.header.judgment is None:
        state.header.judgment = grade(match["grade"])
    return True


def _iso_date(match: re.Match[str]) -> str | None:
    """The ISO date a "Last updated" line gives, or None when it is no real date (31/02, a month "Mayday")."""
    month = int(match["month"]) if match["month"] else month_number(match["month_name"])
    try:
        return dt.date(int(match["year"]), month or 0, int(match["day"])).isoformat()
    except ValueError:
        return None


@accepts(longest=40, phases=["header", "summary", "questions"], after=_BEFORE_GRADE)
def grade_line(state: State[D], block: Block) -> bool:
    """A grade word alone on its line, right after a header's "Last updated" (or its headline)."""
    value = grade(block.text) if block.kind != "item" else None
    if value is None or state.question is not None or state.header.judgment is not None:
        return False
    state.header.judgment = value
    return True
