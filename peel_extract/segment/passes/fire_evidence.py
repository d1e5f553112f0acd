"""Post-pass of fire and rescue pages (2018/19-2021/22): prose grades, the previous round's grade, the
grade scale and the service's full name.

Their grade sentences name the service ("Cornwall Fire and Rescue Service’s overall effectiveness
requires improvement."), sometimes at the end of a framing paragraph ("Overall, Essex Fire and Rescue
Service requires improvement at looking after its people.").
"""

from __future__ import annotations

from ...vocab import FRS_GRADES, PREVIOUS_GRADE, SERVICE_NAME, prose_grade, round_year
from ..drafts import HeaderDraft, QuestionDraft
from ..state import D, State
from .evidence import sentences, stated_grade

Graded = HeaderDraft | QuestionDraft
# The paragraphs that open a header or question and may hold its grade and previous-round sentences.
_OPENING = 3
_GRADED_FIELDS = ("judgment", "judgment_in_text", "previous_judgment")


def read_grades(target: Graded, paragraphs: list[str], reach: int) -> None:
    """The first grade sentence among the sentences of the first ``reach`` paragraphs, and the
    sentence giving the previous round's grade among the opening ones."""
    read_stated(target, paragraphs, reach)
    read_previous(target, paragraphs)


def read_stated(target: Graded, paragraphs: list[str], reach: int) -> None:
    """The first grade sentence among the sentences of the first ``reach`` paragraphs."""
    for paragraph in paragraphs[:reach]:
        found = next(((s, g) for s in sentences(paragraph) if (g := stated_grade(s)) is not None), None)
        if found is not None:
            target.judgment_evidence, target.judgment_in_text = found
            return


def read_previous(target: Graded, paragraphs: list[str]) -> None:
    """The previous round's grade, from "X was good in its 2018/19 assessment" among the opening paragraphs."""
    for paragraph in paragraphs[:_OPENING]:
        match = PREVIOUS_GRADE.search(paragraph)
        if match is not None:
            target.previous_judgment = prose_grade("requires improvement" if match["ri"] else match["grade"])
            target.previous_year = round_year(match["year"], match["end"])
            return


def check_scale(state: State[D], target: Graded, what: str) -> None:
    """A grade the four-tier scale of 2018/19-2021/22 does not have ("Adequate") is said, not kept."""
    for name in _GRADED_FIELDS:
        value = getattr(target, name)
        if value is not None and value not in FRS_GRADES:
            setattr(target, name, None)
            message = f"{what}: '{value}' is not a grade of the fire and rescue scale before 2023; {name} left empty"
            state.warn("grade_out_of_scale", message, target.line)


def full_name(state: State[D], texts: list[str]) -> None:
    """The service's full name, from the first sentence that writes it out with the title's short name."""
    page = state.page
    if page.name is None:
        return
    for text in texts:
        for match in SERVICE_NAME.finditer(text):
            start = match.group().find(page.name)
            if start >= 0:
                page.full_name = match.group()[start:]
                return
