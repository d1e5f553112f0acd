"""Post-pass of report pages: the name and round (h1, HTML title, else the text), the counts of areas, the
ungraded areas, each area's grade sentence, and what the page lacks (its table, a count that adds up).
"""

from __future__ import annotations

import re

from ...vocab import (
    FRAMEWORK_ROUND,
    GRADED_COUNT,
    REPORT_GRADES,
    ROUND_HEADING,
    UNGRADED_AREA,
    count,
    report_round,
    short_name,
)
from ..drafts import AreaDraft, Node, ReportDraft
from ..report import take_names, title_facts
from ..state import D, State
from .checks import Expected, mark_truncation, warn_missing
from .evidence import first_sentence
from .fire_evidence import read_stated

# An area's grade sentence opens its text: it is looked for in its first paragraphs only.
_AREA_REACH = 2


def finish_report(
    state: State[ReportDraft], count_sentence: re.Pattern[str], names: Expected, every_area_graded: bool
) -> None:
    """Everything only the whole report shows; ``every_area_graded``: the page grades each area it inspects."""
    mark_truncation(state)
    page = state.page
    if page.title is not None:
        take_names(page, title_facts(page.title), "title")
    counted = _read_counts(state, count_sentence)
    _read_round(state)
    _read_ungraded(state)
    for area in page.areas:
        area_grade_in_text(state, area)
        check_lists(state, area)
    _warn_table(state, every_area_graded)
    warn_missing(state, page, names)
    if not counted:
        state.warn("area_count_missing", "the page has no sentence counting the areas it inspected", None)


def _read_counts(state: State[ReportDraft], count_sentence: re.Pattern[str]) -> bool:
    """The counts and the name: "Our inspection assessed how good X is in nine areas ... in eight of these nine";
    False when the page has no count sentence."""
    summary = state.page.header.summary
    for index, paragraph in enumerate(summary):
        found = count_sentence.search(paragraph)
        if found is not None:
            # "We make graded judgments in eight of these nine" follows, maybe as a paragraph of its own.
            following = [first_sentence(p) for p in summary[index + 1 : index + 2]]
            graded = GRADED_COUNT.search(" ".join([paragraph[found.end() :], *following]))
            report = state.page
            report.areas_inspected = _count(state, found["inspected"], "areas_inspected")
            report.areas_graded = _count(state, graded["graded"], "areas_graded") if graded else None
            _take_name(state, found["name"])
            return True
    return False


def _count(state: State[ReportDraft], word: str, field: str) -> int | None:
    """The count a word of the count sentence gives; one that is no count ("²", a number past any page's) is said."""
    value = count(word)
    if value is None:
        state.warn("bad_count", f"'{word}' in the count sentence is no count of areas; {field} left empty", None)
    return value


def _take_name(state: State[ReportDraft], full: str) -> None:
    """The count sentence's name, unless the h1 or title gave one already (a different one is said)."""
    page, name = state.page, short_name(full)
    if page.name is not None and page.name != name:
        message = f"the {page.name_source} names {page.name}, the text names {name}; the first is kept"
        state.warn("name_disagrees", message, None)
    take_names(page, (name, full, None), "text")


def _read_round(state: State[ReportDraft]) -> None:
    """The round from a heading "PEEL 2023–2025", else from "the PEEL Assessment Framework 2021/22"."""
    page = report = state.page
    for section in report.context_sections:
        heading = ROUND_HEADING.match(section.heading or "")
        if heading is not None:
            take_names(page, (None, None, report_round(heading["year"], heading["end"])), "heading")
    texts = page.header.summary + [p for s in report.context_sections for p in s.paragraphs]
    for text in texts + (page.observations.paragraphs if page.observations else []):
        framework = FRAMEWORK_ROUND.search(text)
        if framework is not None:
            take_names(page, (None, None, report_round(framework["year"], framework["end"])), "text")


def _read_ungraded(state: State[ReportDraft]) -> None:
    """Areas not graded: "We also inspected how effective a service X gives to victims of crime. We don't make ..."."""
    for paragraph in state.page.header.summary:
        for found in UNGRADED_AREA.finditer(paragraph):
            state.page.ungraded.append((found["area"], found.group()))


def area_grade_in_text(state: State[D], area: AreaDraft) -> None:
    """The grade the area's opening sentences state; said when it is off the scale or differs from its grade."""
    read_stated(area, [p for s in area.sections for p in s.paragraphs], _AREA_REACH)
    stated = area.judgment_in_text
    if stated is not None and stated not in REPORT_GRADES:
        area.judgment_in_text = area.judgment_evidence = None
        message = f"area '{area.text}': '{stated}' is not a grade of the five-tier scale; judgment_in_text left empty"
        state.warn("grade_out_of_scale", message, area.line)
    elif stated is not None and area.judgment not in (None, stated):
        message = f"area '{area.text}': the {area.judgment_source} says {area.judgment}, the text says {stated}"
        state.warn("judgment_disagrees", message, area.line)


def check_lists(state: State[D], area: AreaDraft, label: str = "area ") -> None:
    """A cause of concern without recommendations, and recommendations without a cause, are said; the latter
    are kept in 'unplaced' (a report's recommendations belong to a cause). Messages name the area after
    ``label``."""
    named = f"{label}'{area.text}'"
    for cause in area.lists.get("causes_of_concern", []):
        if not cause.items and not area.truncated:
            message = f"{named}: a cause of concern shows no recommendations"
            state.warn("cause_without_recommendations", message, cause.line)
    orphans = flat(area.lists.pop("recommendations", []))
    if orphans:
        state.page.unplaced.extend((node.text, node.line) for node in orphans)
        message = f"{named}: recommendations under no cause of concern are kept in 'unplaced'"
        state.warn("recommendations_without_cause", message, orphans[0].line)


def flat(nodes: list[Node]) -> list[Node]:
    """The nodes and, after each, its nested items, in page order."""
    return [n for node in nodes for n in (node, *flat(node.items))]


def _warn_table(state: State[ReportDraft], every_area_graded: bool) -> None:
    """No graded-judgments table (every text scrape); graded areas that do not add up to the page's count."""
    page = report = state.page
    if report.table_line is None:
        message = "the page shows no graded-judgments table (text scrapes lose it); no area has a grade from it"
        state.warn("judgments_table_missing", message, None)
    expected = report.areas_graded
    if expected is None and every_area_graded:
        expected = report.areas_inspected
    found = sum(1 for area in report.areas if area.judgment or area.judgment_in_text)
    # Without a table, a page showing no graded area, or cut before the rest, is said by the warnings above.
    unread = report.table_line is None and (found == 0 or page.truncated)
    if expected is not None and found != expected and not (unread and found < expected):
        message = f"the page says {expected} areas are graded; {found} graded areas were found"
        state.warn("area_count_mismatch", message, report.table_line)
