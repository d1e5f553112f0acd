"""Rules: the page header, "<Force> PEEL <year>", pillar line, headline, "Last updated", grade line."""

from __future__ import annotations

import datetime as dt

from ..blocks import Block
from ..vocab import LAST_UPDATED, MONTHS, PILLARS, QUESTIONS_HEADING, TITLE, grade
from .state import State

_OTHER_INSPECTIONS = "other inspections"


def preamble(state: State, block: Block) -> bool:
    """Before the title line everything is banners and chrome; the title gives force and year."""
    if state.phase != "preamble":
        return False
    match = TITLE.match(block.text) if len(block.text) < 120 else None
    if match is not None:
        state.page.force = match["force"]
        state.page.year = match["year"]
        state.phase = "header"
    return True


def pillar_line(state: State, block: Block) -> bool:
    """An optional line naming the pillar ("Legitimacy", or "Other inspections") under the title."""
    if state.phase != "header":
        return False
    name = block.text.casefold()
    if name in PILLARS:
        state.page.pillar = name
        state.page.pillar_source = "pillar_line"
        return True
    return name == _OTHER_INSPECTIONS


def headline(state: State, block: Block) -> bool:
    """The first block after the title (and pillar line) is the headline question."""
    if state.phase != "header":
        return False
    state.phase = "summary"
    text = block.text
    if block.kind == "item" or LAST_UPDATED.match(text) or grade(text) or QUESTIONS_HEADING.match(text):
        return False
    state.page.headline_question = text
    return True


def last_updated(state: State, block: Block) -> bool:
    """The "Last updated 21/01/2020" line before the first question, as an ISO date."""
    if state.question is not None or state.page.last_updated is not None:
        return False
    match = LAST_UPDATED.match(block.text)
    if match is None:
        return False
    month = match["month"] or str(MONTHS.get(match["month_name"].casefold(), 0))
    try:
        state.page.last_updated = dt.date(int(match["year"]), int(month), int(match["day"])).isoformat()
    except ValueError:
        state.warn("bad_date", f"'{block.text}' is not a real date; last_updated left empty", block.line)
    return True


def grade_line(state: State, block: Block) -> bool:
    """A grade word alone on its line, right after "Last updated" (or the headline) or a question."""
    value = grade(block.text) if block.kind != "item" else None
    if value is None:
        return False
    question = state.question
    if question is None and state.last_rule in ("last_updated", "headline") and state.page.judgment is None:
        state.page.judgment = value
        return True
    if question is not None and state.last_rule == "question" and question.judgment is None:
        question.judgment = value
        return True
    return False
