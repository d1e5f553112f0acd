"""Post-pass: grades stated in prose and inspection statements, kept apart from grade lines.

A grade line is what the page shows as a grade (``judgment``); a grade in HMICFRS's standard
sentences is ``judgment_in_text``, always with the sentence it came from as evidence.
"""

from __future__ import annotations

import re
from itertools import islice

from ...vocab import (
    ASSESSMENT_ORDINAL,
    CARRIED_OVER,
    EVIDENCE_LIST,
    EXTENT_SENTENCE,
    GRADE_SENTENCE,
    GRADE_WORD_IN_PROSE,
    LAST_YEAR_STANDS,
    NOT_INSPECTED,
    ORDINAL_YEARS,
    STATEMENT_WORDS,
    pillar_named_in,
    prose_grade,
)
from ..drafts import HeaderDraft, OverviewDraft, PillarPageDraft, QuestionDraft
from ..state import State

# Grade lines that say there is no pillar grade (2014 "Ungraded"): the lead sentence then
# speaks of areas within the pillar, not of the pillar, and is not read as its grade.
UNGRADED = ("Ungraded",)
_STATEMENT_PARAGRAPHS = 2
# A sentence's stop and the white space after it, before the next sentence's capital (a pattern that starts with
# the stop is found at once; one that starts with a look behind it is tried at every character).
_SENTENCE_STOP = re.compile(r"[.!?]\s*(?=[A-Z])")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (also where a scrape fused them: "over.There")."""
    pieces, start = [], 0
    for stop in _SENTENCE_STOP.finditer(text):
        pieces.append(text[start : stop.start() + 1])
        start = stop.end()
    pieces.append(text[start:])
    return [s.strip() for s in pieces if s.strip()]


def first_sentence(text: str) -> str:
    """A paragraph's first sentence."""
    stop = _SENTENCE_STOP.search(text)
    return (text[: stop.start() + 1] if stop else text).strip()


def stated_grade(sentence: str) -> str | None:
    """The grade a standard HMICFRS sentence states, if it is one."""
    match = EXTENT_SENTENCE.match(sentence) or GRADE_SENTENCE.match(sentence)
    return prose_grade(match["grade"]) if match else None


def read_pillar_page(state: State[PillarPageDraft]) -> None:
    """Prose grades of the page and of each question, and each question's inspection statement."""
    page = state.page
    if page.header.summary and page.header.judgment not in UNGRADED:
        _lead_grade(page.header, page.header.summary[0])
    for question in page.questions:
        # Only the first paragraphs are read (the lead sentence, the statement): the rest is not gathered.
        paragraphs = list(islice((p for s in question.sections for p in s.paragraphs), _STATEMENT_PARAGRAPHS))
        if paragraphs:
            _lead_grade(question, paragraphs[0])
        _inspection(question, paragraphs)


def _lead_grade(target: HeaderDraft | QuestionDraft, paragraph: str) -> None:
    lead = first_sentence(paragraph)
    value = stated_grade(lead)
    if value is not None:
        target.judgment_in_text, target.judgment_evidence = value, lead


def _inspection(question: QuestionDraft, paragraphs: list[str]) -> None:
    """The statement opens the question's body (2015-2018/19): only its first paragraphs are read."""
    for paragraph in paragraphs[:_STATEMENT_PARAGRAPHS]:
        if not any(word in paragraph for word in STATEMENT_WORDS):
            continue
        for sentence in sentences(paragraph):
            carried = CARRIED_OVER.search(sentence)
            if carried or LAST_YEAR_STANDS.search(sentence) or NOT_INSPECTED.search(sentence):
                question.inspection_statement = sentence
                question.carried_over_from = carried["year"] if carried else None
                return


def read_overview(state: State[OverviewDraft]) -> None:
    """Pillars stated in the overview's summary sentences (paragraphs, or the items of a list) join (or precede)
    its pillar sections."""
    page, pillars = state.page, state.kind.pillars
    listed = [item.text for found in page.header.summary_lists for item in found.items]
    stated = _extent_statements(page.header.summary + listed, pillars) + _evidence_list(page.header, pillars)
    by_pillar = {p.pillar: p for p in page.pillars if p.pillar}
    ordered: list[HeaderDraft] = []
    for pillar, value, sentence in stated:
        entry = by_pillar.get(pillar)
        if entry is not None and entry.judgment_evidence is not None:
            state.warn("repeated_statement", f"the {pillar} statement appears again: '{sentence}'", None)
            continue
        if entry is None:
            entry = by_pillar[pillar] = HeaderDraft(line=1, pillar=pillar, pillar_source="summary_sentence")
        entry.judgment_in_text, entry.judgment_evidence = value, sentence
        ordered.append(entry)
    for section in page.pillars:
        if section.judgment_evidence is None and section.summary and section.judgment not in UNGRADED:
            _lead_grade(section, section.summary[0])
    page.pillars = ordered + [p for p in page.pillars if p not in ordered]


Statement = tuple[str, str | None, str]
"""(pillar, grade or None, the sentence)"""


def _extent_statements(paragraphs: list[str], pillars: tuple[str, ...]) -> list[Statement]:
    found: list[Statement] = []
    for paragraph in paragraphs:
        match = EXTENT_SENTENCE.match(paragraph)
        pillar = pillar_named_in(paragraph, pillars) if match else None
        if match and pillar:
            found.append((pillar, prose_grade(match["grade"]), paragraph))
    return found


def _evidence_list(header: HeaderDraft, pillars: tuple[str, ...]) -> list[Statement]:
    """2014: "The available evidence indicates that:" then one line per pillar (maybe several grades)."""
    lines: list[str] = []
    summary = header.summary
    for index, paragraph in enumerate(summary):
        if EVIDENCE_LIST.match(paragraph):
            lines = _while_pillars(summary[index + 1 :], pillars)
    for listed in header.summary_lists:
        if listed.intro and EVIDENCE_LIST.match(listed.intro):
            lines = [item.text for item in listed.items]
    found: list[Statement] = []
    for line in lines:
        grades = {prose_grade(m["grade"] or m["ri"]) for m in GRADE_WORD_IN_PROSE.finditer(line)}
        pillar = pillar_named_in(line, pillars)
        if pillar:
            found.append((pillar, grades.pop() if len(grades) == 1 else None, line))
    return found


def _while_pillars(paragraphs: list[str], pillars: tuple[str, ...]) -> list[str]:
    taken = []
    for paragraph in paragraphs:
        if pillar_named_in(paragraph, pillars) is None:
            break
        taken.append(paragraph)
    return taken


def year_from_ordinal(page: OverviewDraft) -> None:
    """No title line: "this first PEEL Assessment of X" still dates the page (kept as year_source)."""
    if page.year is not None:
        return
    texts = page.header.summary + (page.observations.paragraphs if page.observations else [])
    for text in texts:
        match = ASSESSMENT_ORDINAL.search(text)
        if match is not None:
            page.year, page.year_source = ORDINAL_YEARS[match["ordinal"].casefold()], "assessment_ordinal"
            return
