"""Post-pass of causes-of-concern letters: what the opening sentences say (when the force was inspected and
revisited, how many causes), the force where no title names it, the year, each cause's status where a sentence
states it, and counts that do not add up."""

from __future__ import annotations

from ...vocab import CAUSE_CLOSED, CAUSE_OPEN, CAUSES_IDENTIFIED, FORCE_LINE, INSPECTED_IN, REVISITED, force_of
from ...vocab import stated_number as number
from ..causes import CauseDraft
from ..letter import LetterDraft
from ..state import State
from .checks import Expected, mark_truncation, warn_missing
from .evidence import sentences

EXPECTED: Expected = (
    ("name", "force_missing", "the letter names no force (no title line, no force under 'To:')"),
    ("year", "year_missing", "the letter shows no date (no 'Sent on:', no 'Published on:')"),
)


def finish_letter(state: State[LetterDraft]) -> None:
    """Everything only the whole letter shows."""
    mark_truncation(state)
    page = state.page
    if page.truncated and page.cause is not None:
        page.cause.truncated = True
    _read_opening(state)
    if page.name is None:
        _name_from_letter(page)
    if page.letter_date is not None or page.published is not None:
        page.year_source = "sent" if page.letter_date is not None else "published"
        page.year = (page.letter_date or page.published or "")[:4]
    for cause in page.causes:
        _status(state, cause)
        _check_recommendations(state, cause)
    _check_causes(state)
    warn_missing(state, page, EXPECTED)


def _read_opening(state: State[LetterDraft]) -> None:
    """ "In January 2024, we inspected X ... we identified three causes of concern."; "Between ..., we revisited"."""
    page = state.page
    for paragraph in page.header.summary + [p for section in page.sections for p in section.paragraphs]:
        inspected, revisited = INSPECTED_IN.search(paragraph), REVISITED.match(paragraph)
        counted = CAUSES_IDENTIFIED.search(paragraph)
        if inspected is not None and page.inspected is None:
            page.inspected = inspected["when"]
            if page.name is None and inspected["name"]:
                page.name, page.full_name, page.name_source = force_of(inspected["name"]), inspected["name"], "text"
        if revisited is not None and page.revisited is None:
            page.revisited = revisited["when"]
        if counted is not None and page.causes_stated is None:
            page.causes_stated = number(counted["count"])
            if page.causes_stated is None:
                state.warn("bad_count", f"'{counted['count']}' is no count of causes of concern", None)


def _name_from_letter(page: LetterDraft) -> None:
    """An untitled letter's force: the last line naming a force under "To:"."""
    to = page.parties.get("to")
    named = [found for line in (to.titles if to else []) if (found := FORCE_LINE.match(line))]
    if named:
        page.full_name = named[-1]["name"]
        page.name, page.name_source = force_of(page.full_name), "letter"


def _status(state: State[LetterDraft], cause: CauseDraft) -> None:
    """Open or closed, where a sentence of the cause's own text says it; two that disagree are said."""
    texts = cause.paragraphs + [p for section in cause.findings for p in section.paragraphs]
    stated = [
        ("closed" if CAUSE_CLOSED.search(s) else "open", s)
        for text in texts
        for s in sentences(text)
        if CAUSE_CLOSED.search(s) or CAUSE_OPEN.search(s)
    ]
    if len({status for status, _ in stated}) == 1:
        status, cause.status_evidence = stated[0]
        cause.status = "closed" if status == "closed" else "open"
    elif stated:
        message = f"cause of concern '{_named(cause)}': its sentences say it is open and closed; status left empty"
        state.warn("status_disagrees", message, cause.line)


def _check_recommendations(state: State[LetterDraft], cause: CauseDraft) -> None:
    stated, listed = cause.recommendations_stated, len(cause.recommendations)
    if stated is not None and stated != listed and not cause.truncated:
        message = f"cause of concern '{_named(cause)}': the letter states {stated} recommendations; {listed} are listed"
        state.warn("stated_count_mismatch", message, cause.line)


def _check_causes(state: State[LetterDraft]) -> None:
    page = state.page
    stated, listed = page.causes_stated, len(page.causes)
    if stated is not None and stated != listed and not page.truncated:
        message = f"the letter states {stated} causes of concern; {listed} are set out"
        state.warn("stated_count_mismatch", message, None)


def _named(cause: CauseDraft) -> str:
    return cause.area or (cause.text or "")[:60]
