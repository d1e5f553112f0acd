"""Causes-of-concern letters (police, 2023 on): HMICFRS writes to a force about the causes of concern it found,
each with its recommendations and their deadlines, and (after a revisit) whether each is open or closed. Letters
grade nothing.

A letter's background names the PEEL round it follows ("our PEEL 2023–25 inspection report"): its title line, or
its letter information, outranks that.
"""

from __future__ import annotations

import re

from ..records.letters import MonitoringLetterRecord, monitoring_letter_record
from ..segment.letter import LETTER_RULES, LetterDraft
from ..segment.passes.letter import finish_letter
from ..segment.rule import Rule
from ..segment.state import KindSpec, State
from ..tables.rows import Page, Row, Rows, Tabler
from ..vocab import LETTER_INFORMATION, LETTER_LABEL, LETTER_TITLE
from .detect import Head, Sign

DESCRIPTION = "a causes-of-concern letter"
_NO_AREAS_FOR_IMPROVEMENT = re.compile(r"(?!)")  # letters have none
SPEC = KindSpec(
    "monitoring_letter", (), lambda year, _: year, (), "summary", _NO_AREAS_FOR_IMPROVEMENT, opening=LETTER_TITLE
)
RULES: tuple[Rule, ...] = LETTER_RULES
GRADES = False
"""Letters grade nothing: the grade page lists them apart from its grid."""
RECORD = MonitoringLetterRecord
build = monitoring_letter_record
_LONGEST_TITLE = 200
_LABEL_REACH = 2


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("Nottinghamshire Police: PEEL causes of concern revisit letter"), or (a letter saved
    without its title) its "Letter information" heading with "From:" under it."""
    if sign is not Sign.TITLE_LINE:
        return None
    titled = head.first(lambda t: len(t) < _LONGEST_TITLE and LETTER_TITLE.match(t))
    return titled if titled is not None else _letter_information(head.texts)


def _letter_information(texts: list[str]) -> int | None:
    for index, text in enumerate(texts):
        if LETTER_INFORMATION.match(text):
            following = texts[index + 1 : index + 1 + _LABEL_REACH]
            if any((found := LETTER_LABEL.match(t)) and found["label"] == "From" for t in following):
                return index
    return None


def draft() -> LetterDraft:
    return LetterDraft()


def finish(state: State[LetterDraft]) -> None:
    finish_letter(state)


def table_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    """Its sections, and its causes of concern with their recommendations (deadlines, status) and findings."""
    yield from tabler.sections(page, page.where, record["sections"])
    yield from cause_rows(tabler, page, record["causes_of_concern"])


def cause_rows(tabler: Tabler, page: Page, causes: list[Row]) -> Rows:
    """Causes of concern, each with its recommendations (linked by `cause_id`) and findings; a letter's cause
    gives its area to its rows."""
    for position, cause in enumerate(causes, start=1):
        where = {**page.where, **({"area": cause["area"]} if cause["area"] else {})}
        inner, cause_id, status = (
            {"page_id": page.page_id, **where},
            tabler.new_id("causes_of_concern"),
            cause["status"],
        )
        text = "\n\n".join(t for t in (cause["text"], *cause["paragraphs"]) if t) or None
        accelerated = None if cause["accelerated"] is None else int(cause["accelerated"])
        yield "causes_of_concern", {"item_id": cause_id, **inner, "position": position, "parent_id": None, "depth": 0,
                                    "text": text, "accelerated": accelerated, "status": status,
                                    "status_evidence": cause["status_evidence"]}  # fmt: skip
        answering = {**inner, "cause_id": cause_id, "status": status}
        for number, recommendation in enumerate(cause["recommendations"], start=1):
            yield from _recommendation(tabler, answering, number, recommendation)
        yield from tabler.sections(page, where, cause["findings"])


def _recommendation(tabler: Tabler, where: Row, position: int, recommendation: Row) -> Rows:
    item_id = tabler.new_id("recommendations")
    dated = {**where, "deadline": recommendation["deadline"], "deadline_date": recommendation["deadline_date"]}
    bullet = {"position": position, "parent_id": None, "depth": 0, "text": recommendation["text"]}
    yield "recommendations", {"item_id": item_id, **dated, **bullet}
    yield from tabler.items("recommendations", dated, recommendation["items"], item_id, 1)
