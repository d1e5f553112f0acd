"""Rules of causes-of-concern letters: the title line, "Letter information" with its "From:", "To:" and
"Sent on:" blocks, "Our causes of concern and recommendations", each cause's heading naming its area, and the
sign-off ("Yours sincerely," with a name and titles).

Seen in one real letter (Nottinghamshire, 2025), cut inside its first cause; the rest of the grammar (a second
cause, findings, status sentences, the sign-off) is our synthetic letter's, in HMICFRS's wording elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..blocks import Block
from ..blocks.common import TERMINAL
from ..vocab import (
    CAUSE_HEADING,
    DATE_LINE,
    LETTER_CAUSES_HEADING,
    LETTER_INFORMATION,
    LETTER_LABEL,
    LETTER_TITLE,
    SIGN_OFF,
    force_of,
)
from .causes import CAUSE_RULES, CauseDraft, CausesDraft, open_cause
from .header import preamble
from .letterhead import contents_entry, contents_furniture, held_section, iso_date, publication_date_line, title_crumb
from .lists import list_item
from .prose import prose
from .rule import Rule, accepts
from .sections import subheading
from .state import State

Role = Literal["from", "to", "sent", "signed"]
_ROLES: dict[str, Role] = {"From": "from", "To": "to", "Sent on": "sent"}
_LONGEST_PARTY_LINE = 120


@dataclass(slots=True)
class PartyDraft:
    """Who sends, receives or signs the letter: a name, then titles (rank, office, force), a line each."""

    line: int
    name: str | None = None
    titles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LetterDraft(CausesDraft):
    """A causes-of-concern letter."""

    letter_date: str | None = None
    """ISO date from "Sent on:"."""
    parties: dict[str, PartyDraft] = field(default_factory=dict)
    """By role: "from", "to", "signed"."""
    role: Role | None = None
    """The block whose lines are being read ("Sent on:" awaits its date)."""
    inspected: str | None = None
    """When the force was inspected, as the opening says it ("January 2024")."""
    revisited: str | None = None
    """When it was revisited, as written ("Between 27 January and 7 February 2025")."""
    causes_stated: int | None = None
    """How many causes the inspection identified, as the opening states it."""


@accepts(longest=200, phases=["summary"])
def letter_title(state: State[LetterDraft], block: Block) -> bool:
    """The title line, "Nottinghamshire Police: PEEL causes of concern revisit letter", names the force."""
    found = LETTER_TITLE.match(block.text) if block.kind != "item" else None
    page = state.page
    if found is None or page.heading is not None:
        return False
    page.heading, page.full_name, page.name = block.text, found["name"], force_of(found["name"])
    page.name_source = "title"
    return True


@accepts(longest=40, phases=["summary"])
def letter_information(state: State[LetterDraft], block: Block) -> bool:
    """The heading "Letter information" over the letter's parties: structure, kept in no field."""
    if block.kind == "item" or not LETTER_INFORMATION.match(block.text):
        return False
    state.section = None
    return True


@accepts(longest=_LONGEST_PARTY_LINE, phases=["summary"])
def letter_party_label(state: State[LetterDraft], block: Block) -> bool:
    """ "From:", "To:", "Sent on:" (maybe with the first line after the colon), or the sign-off "Yours
    sincerely,": the lines after it are that block's."""
    found = LETTER_LABEL.match(block.text) if block.kind != "item" else None
    role: Role | None = _ROLES[found["label"]] if found else "signed" if SIGN_OFF.match(block.text) else None
    page = state.page
    if role is None or role in page.parties or (role == "sent" and page.letter_date is not None):
        return False
    page.role = role
    if role != "sent":
        page.parties[role] = PartyDraft(block.line)
    if role == "signed":
        page.cause, state.section = None, None  # the letter's causes end
    rest = found["rest"] if found else None
    if rest is not None:
        _party_line(state, rest)
    return True


@accepts(longest=_LONGEST_PARTY_LINE, phases=["summary"], after=["letter_party_label", "letter_party_line"])
def letter_party_line(state: State[LetterDraft], block: Block) -> bool:
    """A line of the block just opened: the date sent, or a name, then titles (no sentence)."""
    page, text = state.page, block.text
    if block.kind == "item" or page.role is None or text.endswith(TERMINAL):
        return False
    if page.role == "sent" and (page.letter_date is not None or not DATE_LINE.match(text)):
        return False
    _party_line(state, text)
    return True


def _party_line(state: State[LetterDraft], text: str) -> None:
    page = state.page
    if page.role == "sent":
        found = DATE_LINE.match(text)
        page.letter_date = iso_date(found) if found else None
        if page.letter_date is None:
            state.warn("bad_date", f"'{text}' is not a date; letter_date left empty", state.blocks[state.pos].line)
        return
    party = page.parties[page.role or "from"]
    if party.name is None:
        party.name = text
    else:
        party.titles.append(text)


@accepts(longest=60, phases=["summary"])
def letter_causes_heading(state: State[LetterDraft], block: Block) -> bool:
    """ "Our causes of concern and recommendations": the causes follow."""
    if block.kind == "item" or not LETTER_CAUSES_HEADING.match(block.text):
        return False
    state.page.cause = None
    held_section(state, block)
    return True


@accepts(longest=200, phases=["summary"])
def letter_cause_heading(state: State[LetterDraft], block: Block) -> bool:
    """ "Accelerated cause of concern: investigations": a cause, its area, and whether it was accelerated."""
    found = CAUSE_HEADING.match(block.text) if block.kind != "item" else None
    if found is None:
        return False
    cause = CauseDraft(block.line, block.text, found["area"], accelerated=found["accelerated"] is not None)
    open_cause(state, cause)
    return True


LETTER_RULES: tuple[Rule, ...] = (
    letter_title,
    preamble,
    title_crumb,
    publication_date_line,
    contents_furniture,
    contents_entry,
    letter_information,
    letter_party_label,
    letter_party_line,
    letter_causes_heading,
    letter_cause_heading,
    *CAUSE_RULES,
    subheading,
    list_item,
    prose,
)
