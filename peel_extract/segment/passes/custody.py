"""Post-pass of custody reports: what the summary says (the force's full name, the partner inspectorate and the
month inspected, the previous inspection, the counts of recommendations and areas for improvement), the year,
and the counts checked against the lists of the summary section."""

from __future__ import annotations

from ...vocab import (
    ACHIEVED,
    FORCE_CUSTODY,
    JOINT_INSPECTION,
    LAST_INSPECTED,
    NO_LONGER_APPLICABLE,
    OUTSTANDING,
    PREVIOUS_MADE,
    PRISONS,
    STATED_AREAS_FOR_IMPROVEMENT,
    STATED_RECOMMENDATIONS,
    force_of,
    stated_number,
)
from ..custody import CustodyDraft, PreviousDraft
from ..state import State
from .checks import Expected, mark_truncation, warn_missing

EXPECTED: Expected = (
    ("name", "force_missing", "the report names no force (no title line, no summary naming its custody)"),
    ("year", "year_missing", "the report does not say when it inspected (its year published is kept apart)"),
)
# (what is counted, as messages name it; the draft's stated count)
COUNTED = (("recommendations", "stated_recommendations"), ("areas for improvement", "stated_areas_for_improvement"))


def finish_custody(state: State[CustodyDraft]) -> None:
    """Everything only the whole report shows."""
    mark_truncation(state)
    page = state.page
    if page.truncated and page.cause is not None:
        page.cause.truncated = True
    for paragraph in _summary_text(page):
        _read_names(state, paragraph)
        _read_joint(page, paragraph)
        _read_previous(state, paragraph)
        _read_counts(state, paragraph)
    if page.inspected is not None:  # never the year published: a report is often published the year after
        page.year, page.year_source = page.inspected[-4:], "inspected"
    for (what, _), stated, listed in zip(COUNTED, stated_counts(page), listed_counts(page), strict=True):
        _check_count(state, what, stated, listed)
    warn_missing(state, page, EXPECTED)


def _summary_text(page: CustodyDraft) -> list[str]:
    """The paragraphs where the summary's facts are read: the summary's, then those of its headed parts and of
    the page's other sections (a scrape that kept the contents' lines puts the summary in a section)."""
    sections = page.summary_sections + page.sections
    return page.header.summary + [paragraph for section in sections for paragraph in section.paragraphs]


def stated_counts(page: CustodyDraft) -> tuple[int | None, int | None]:
    """The recommendations and areas for improvement the summary says it makes (None: not stated)."""
    return page.stated_recommendations, page.stated_areas_for_improvement


def listed_counts(page: CustodyDraft) -> tuple[int | None, int | None]:
    """The recommendations and areas for improvement the summary section lists (None: the page does not show
    that list; a whole page showing the section without areas for improvement lists none)."""
    if not page.lists_seen:
        return None, None
    recommendations = sum(len(cause.recommendations) for cause in page.causes)
    if not page.afi_seen:
        return recommendations, None if page.truncated else 0
    return recommendations, sum(len(group.items) for group in page.afi_groups)


def counts_match(page: CustodyDraft) -> bool | None:
    """Whether the lists hold what the summary states: False when a count checked differs, True when every
    count stated was checked and agrees, else None (nothing stated, no list, or a cut page listing fewer)."""
    verdicts = [
        None if listed is None or (page.truncated and listed < stated) else stated == listed
        for stated, listed in zip(stated_counts(page), listed_counts(page), strict=True)
        if stated is not None
    ]
    if False in verdicts:
        return False
    return True if verdicts and None not in verdicts else None


def _check_count(state: State[CustodyDraft], what: str, stated: int | None, listed: int | None) -> None:
    """A stated count its list does not hold is said, naming both (a cut page may list fewer)."""
    page = state.page
    if stated is None or (page.truncated and (listed is None or listed < stated)):
        return
    if listed is None and stated == 0:
        return  # nothing to list
    if listed is None:
        message = f"the summary states {stated} {what}; the page shows no section listing them"
        state.warn("stated_list_missing", message, None)
    elif listed != stated:
        message = f"the summary states {stated} {what}; the list of {what} holds {listed}"
        state.warn("stated_count_mismatch", message, None)


def _read_names(state: State[CustodyDraft], paragraph: str) -> None:
    """ "an inspection of Surrey Police custody facilities": the full name (the title's name where it differs)."""
    found = FORCE_CUSTODY.search(paragraph)
    page = state.page
    if found is None or page.full_name is not None:
        return
    full, name = found["name"], force_of(found["name"])
    if page.name is None:
        page.name, page.name_source = name, "text"
    if name == page.name:
        page.full_name = full
    else:
        state.warn("name_disagrees", f"the title names {page.name}, the summary names {full}; the first is kept", None)


def _read_joint(page: CustodyDraft, paragraph: str) -> None:
    """ "conducted jointly by HMICFRS and HM Inspectorate of Prisons (HMIP) in September 2021"."""
    found = JOINT_INSPECTION.search(paragraph)
    if found is not None and page.partner is None:
        page.partner = "HMIP" if PRISONS in found["partner"] else "CQC"
        page.inspected = found["when"]


def _read_previous(state: State[CustodyDraft], paragraph: str) -> None:
    """The previous inspection's year and what became of its recommendations."""
    last, made = LAST_INSPECTED.search(paragraph), PREVIOUS_MADE.search(paragraph)
    if (last is None and made is None) or state.page.previous is not None:
        return
    previous = state.page.previous = PreviousDraft(year=last["year"] if last else None)
    if made is None:
        return
    previous.recommendations = _number(state, made["count"], "previous recommendations")
    achieved = ACHIEVED.match(paragraph, made.end())
    if achieved is not None:
        previous.achieved = _number(state, achieved["count"] or achieved["count_after"], "recommendations achieved")
    dropped, remaining = NO_LONGER_APPLICABLE.search(paragraph, made.end()), OUTSTANDING.search(paragraph, made.end())
    if dropped is not None:
        previous.no_longer_applicable = _number(state, dropped["count"], "recommendations no longer applicable")
    if remaining is not None:
        previous.outstanding = _number(state, remaining["count"], "recommendations outstanding")


def _read_counts(state: State[CustodyDraft], paragraph: str) -> None:
    """ "we have made 2 recommendations ... we have highlighted 20 additional areas for improvement"."""
    page = state.page
    recommendations = STATED_RECOMMENDATIONS.search(paragraph)
    if recommendations is not None and page.stated_recommendations is None:
        page.stated_recommendations = _number(state, recommendations["count"], "recommendations")
    improvements = STATED_AREAS_FOR_IMPROVEMENT.search(paragraph)
    if improvements is not None and page.stated_areas_for_improvement is None:
        page.stated_areas_for_improvement = _number(state, improvements["count"], "areas for improvement")


def _number(state: State[CustodyDraft], word: str, what: str) -> int | None:
    value = stated_number(word)
    if value is None:
        state.warn("bad_count", f"'{word}' is no count of {what}; left empty", None)
    return value
