"""Rules: the lines under the title of a causes-of-concern letter or a custody report: "Published on: 4 April
2025", and the site's "Contents" and "Print this document" (furniture, kept in no field).

Also the draft parts both kinds share: the title, the publication date, and the sections held open for a
heading whose text is in a field (kept in the record only when text follows them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, TypeVar

from ..blocks import Block
from ..vocab import CONTENTS, PRINT_LINE, PUBLISHED_ON, SITE_FURNITURE, month_number
from .drafts import PageDraft, SectionDraft
from .rule import accepts
from .sections import MAX_HEADING
from .state import State


@dataclass(slots=True)
class DatedDraft(PageDraft):
    """A page whose title line names it, with a publication date under it."""

    heading: str | None = None
    """The title line as the page shows it."""
    name_source: str | None = None
    published: str | None = None
    """ISO date from "Published on: 4 April 2025"."""


def iso_date(found: re.Match[str]) -> str | None:
    """The ISO date a match with the groups ``day``, ``month`` (a month's name) and ``year`` gives; None when it
    is no real date (31 February)."""
    try:
        return dt.date(int(found["year"]), month_number(found["month"]) or 0, int(found["day"])).isoformat()
    except ValueError:
        return None


@accepts(longest=60, phases=["summary"])
def publication_date_line(state: State[DatedDraft], block: Block) -> bool:
    """ "Published on: 4 April 2025" gives the publication date (a date that is none is said)."""
    found = PUBLISHED_ON.match(block.text) if block.kind != "item" else None
    if found is None or state.page.published is not None:
        return False
    state.page.published = iso_date(found)
    if state.page.published is None:
        state.warn("bad_date", f"'{block.text}' is not a real date; published left empty", block.line)
    return True


@accepts(longest=20, phases=["summary"])
def contents_furniture(state: State[DatedDraft], block: Block) -> bool:
    """ "Contents" and "Print this document": the site's furniture, no content."""
    return block.kind != "item" and SITE_FURNITURE.match(block.text) is not None


@accepts(items=True, paragraphs=False, phases=["summary"])
def title_crumb(state: State[Any], block: Block) -> bool:
    """The last entry of a breadcrumb trail kept as a list (an ``ol`` outside any nav) names the page: a list
    item whose text is the heading right after it, the page's title. Site chrome, like the trail's other entries
    before it (banners before the title)."""
    following = state.peek(1)
    return (
        block.kind == "item" and following is not None and following.kind == "heading" and following.text == block.text
    )


_LONGEST_CONTENTS = 80
"""The most lines a list of contents kept as lines may run to."""
_NO_ENTRY_END = tuple(".:;,!")


@accepts(
    items=True, longest=MAX_HEADING, phases=["summary"], after=["contents_furniture", "contents_entry", "preamble"]
)
def contents_entry(state: State[DatedDraft], block: Block) -> bool:
    """The list of contents a page saved from a browser keeps under "Contents", each entry one of the page's own
    headings again (sub-entries nested): furniture like "Contents" itself. Read as the page's lists or headings,
    they would open its parts before its text. A list right after "Contents"; or, where a scrape kept the list
    as lines, a run of lines like headings that ends at "Print this document". (On a page saved without its title,
    "Contents" may fall in the banners before where the page opens: its list still follows it.)"""
    if len(block.text) > MAX_HEADING:
        return False
    if state.last_rule != "contents_entry" and not (state.pos and CONTENTS.match(state.blocks[state.pos - 1].text)):
        return False
    return block.kind == "item" or _runs_to_print(state)


def _runs_to_print(state: State[DatedDraft]) -> bool:
    """The current line and those after it look like headings up to a "Print this document" line."""
    for offset in range(_LONGEST_CONTENTS):
        following = state.peek(offset)
        if following is None:
            return False
        text = following.text
        if offset and PRINT_LINE.match(text):
            return True
        if len(text) > MAX_HEADING or not text[:1].isalnum() or text.endswith(_NO_ENTRY_END):
            return False
    return False


DD = TypeVar("DD", bound=DatedDraft)


def held_section(state: State[DD], block: Block) -> None:
    """Open a page section under a heading whose meaning a field holds, so any text after it has a place;
    ``kept_sections`` drops it when nothing follows."""
    state.open_section(block.text, block.line)


def kept_sections(sections: list[SectionDraft], held: tuple[re.Pattern[str], ...]) -> list[SectionDraft]:
    """The sections worth a record: those with text, or with a heading that is content (not one of ``held``)."""
    return [s for s in sections if s.paragraphs or s.lists or not (s.heading is None or _held(s.heading, held))]


def _held(heading: str, held: tuple[re.Pattern[str], ...]) -> bool:
    return any(pattern.match(heading) for pattern in held)
