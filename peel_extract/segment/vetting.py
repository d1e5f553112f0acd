"""Rules of vetting, IT monitoring and counter-corruption reports (2022 on): the title line naming the force, "About
us", the introduction with the label line grading the force, and the report's parts ("2. How effectively does the
force vet its officers and staff?"), which hold the findings, lists and practice of the one area the report grades.

A text scrape writes a numbered heading as a numbered line ("2." then the heading), which the text reader reads as a
numbered item; an HTML page as a heading "2. How ...". Either gives the heading without its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..blocks import Block
from ..vocab import (
    ABOUT_US,
    INTRODUCTION,
    NO_GRADED_JUDGMENT,
    VETTING_AREA,
    VETTING_LABEL,
    VETTING_LABEL_NAME,
    VETTING_LABEL_VALUE,
    VETTING_QUESTION,
    VETTING_TITLE,
    force_of,
    report_grade,
)
from .publications import PublicationDraft, framing, sole_area
from .rule import accepts
from .sections import MAX_HEADING, looks_like_heading
from .state import State

_NUMBER = re.compile(r"^[0-9]{1,2}\.\s+(?=\S)")
_LONGEST_TITLE = 200


@dataclass(slots=True)
class VettingDraft(PublicationDraft):
    """A vetting report: its one area (in ``areas``) and how its grade is shown."""

    label: str | None = None
    """The label line, "Vetting, IT monitoring and counter-corruption: good", as the page writes it."""
    no_grade: bool = False
    """The label line says "no graded judgment"."""
    introduced: bool = False
    """The introduction's heading has been read: a numbered heading after it is a part of the report."""
    inspected: str | None = None
    """When the force was inspected, as the page writes it ("April 2023")."""
    absent_reason: str | None = None
    """The sentence saying why the page makes no graded judgment."""
    split_label: bool = False
    """The label's name was read, and its value is the next block (the label split in two)."""


def unnumbered(block: Block) -> str | None:
    """A heading's text without its number ("2. How ..." gives "How ..."); a numbered item's text; None for any
    other item, or a row."""
    if block.kind == "item":
        return block.text if block.depth == 0 and block.marker[:-1].isdigit() and block.marker[-1:] == "." else None
    if block.kind == "row":
        return None
    return _NUMBER.sub("", block.text, count=1)


@accepts(longest=_LONGEST_TITLE, phases=["preamble", "summary"])
def vetting_title(state: State[VettingDraft], block: Block) -> bool:
    """The title line (the h1, or a text scrape's first line) names the force: "A report into the effectiveness of
    vetting and counter-corruption arrangements in Warwickshire Police"."""
    page = state.page
    found = VETTING_TITLE.match(block.text)
    if found is None or page.heading is not None or page.header.summary or page.context_sections:
        return False
    page.heading, page.full_name = block.text, found["name"]
    page.name, page.name_source = force_of(found["name"]), "h1"
    return True


@accepts(longest=20, phases=["summary"])
def vetting_about(state: State[VettingDraft], block: Block) -> bool:
    """ "About us": the site's words on the inspectorate, a context section."""
    return framing(state, block, ABOUT_US)


@accepts(items=True, longest=20, phases=["summary"])
def vetting_intro(state: State[VettingDraft], block: Block) -> bool:
    """The introduction's heading ("1. Introduction"): its paragraphs are the page's summary."""
    text = unnumbered(block)
    if text is None or not INTRODUCTION.match(text):
        return False
    state.page.introduced = True
    state.question, state.section = None, None
    return True


@accepts(longest=100, phases=["summary", "questions"])
def vetting_label(state: State[VettingDraft], block: Block) -> bool:
    """The label line, "Vetting, IT monitoring and counter-corruption: requires improvement" (or "...: no graded
    judgment"): the area's grade. Where a page's markup splits it, its name and grade are the two cells of a
    table's row, or two blocks (a line break, a definition list, a heading over its grade)."""
    page = state.page
    if block.kind == "item" or page.label is not None:
        return False
    label = block.text
    if block.kind == "row" and len(block.cells) == 2:  # a table's row of two cells
        label = ": ".join(" ".join(cell) for cell in block.cells)
    following = state.peek(1)
    if VETTING_LABEL_NAME.match(label) and following is not None and VETTING_LABEL_VALUE.match(following.text):
        label, page.split_label = f"{label.rstrip(':')}: {following.text}", True  # its value is the next block
    found = VETTING_LABEL.match(label)
    if found is None:
        page.split_label = False
        return False
    page.label = label
    area = sole_area(page, VETTING_AREA, block.line)
    if NO_GRADED_JUDGMENT.match(found["value"]):
        page.no_grade = True
        return True
    area.judgment = report_grade(found["value"])
    area.judgment_source = "label" if area.judgment is not None else None
    if area.judgment is None:
        message = f"'{found['value']}' is not a grade of the five-tier scale; the judgment is left empty"
        state.warn("grade_out_of_scale", message, block.line)
    return True


@accepts(longest=30, phases=["summary", "questions"], after=["vetting_label"])
def vetting_label_value(state: State[VettingDraft], block: Block) -> bool:
    """The grade of a label split in two blocks ("Vetting, IT monitoring and counter-corruption:" over
    "inadequate"), read with its name."""
    if not state.page.split_label:
        return False
    state.page.split_label = False
    return True


@accepts(items=True, longest=MAX_HEADING, phases=["summary", "questions"])
def vetting_part(state: State[VettingDraft], block: Block) -> bool:
    """A part of the report: one of its questions ("How effectively does the force vet its officers and staff?"), a
    numbered heading after the introduction ("5. Summary of findings"), or any HTML heading right after the
    introduction. It is a section of the area's findings, its heading without its number."""
    text = unnumbered(block)
    if text is None or not _is_part(state, block, text):
        return False
    state.question = sole_area(state.page, VETTING_AREA, block.line)
    state.open_section(text, block.line)
    return True


def _is_part(state: State[VettingDraft], block: Block, text: str) -> bool:
    if VETTING_QUESTION.match(text):
        return True
    if not state.page.introduced:
        return False
    if text != block.text or block.kind == "item":  # numbered
        return looks_like_heading(state, block._replace(kind="para", text=text))
    return block.kind == "heading" and state.phase == "summary"
