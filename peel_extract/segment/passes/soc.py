"""Post-pass of serious and organised crime reports: the region from the HTML title, the year, when the region was
inspected, each body's grade sentence (and grades stated of bodies elsewhere, "X has been graded as ..."), the
forces the page names as the region's, and what the page lacks."""

from __future__ import annotations

from collections.abc import Iterator

from ...vocab import (
    SOC_FORCE,
    SOC_FORCE_IN_TEXT,
    SOC_FORCES_WORDS,
    SOC_INSPECTED,
    SOC_REGION_WORDS,
    SOC_TITLE_WORDS,
    short_name,
)
from ..drafts import SectionDraft
from ..soc import BodyDraft, SocDraft
from ..soc_bodies import body_type, same_body, stated_grade, stated_of
from ..state import State
from .checks import mark_truncation
from .evidence import first_sentence, sentences
from .report import check_lists, flat

# A body's grade sentence opens its section: it is looked for in its first paragraphs only.
_BODY_REACH = 2


def finish_soc(state: State[SocDraft]) -> None:
    """Everything only the whole page shows, then warnings for what it lacks."""
    mark_truncation(state)
    page = state.page
    if page.region is None and page.title is not None:
        found = SOC_TITLE_WORDS.search(page.title)
        page.region = found["region"] if found is not None else None
    if page.published is not None:
        page.year, page.year_source = page.published[:4], "published"
    page.inspected = _inspected(page)
    for body in page.bodies:
        _body_sentence(state, body)
    _graded_elsewhere(state)
    for area in [page.regional, *page.bodies]:
        if area is not None:
            check_lists(state, area, "")
    page.forces = _forces(page)
    _warn_missing(state)


def _framing(page: SocDraft) -> list[SectionDraft]:
    """The sections outside any body: the framing, the regional findings' and the page's own."""
    regional = page.regional.sections if page.regional is not None else []
    return [*page.context_sections, *regional, *page.sections]


def _texts(page: SocDraft) -> Iterator[str]:
    """Every paragraph and bullet outside the bodies."""
    yield from page.header.summary
    for section in _framing(page):
        yield from section.paragraphs
        for listed in section.lists:
            yield from (node.text for node in flat(listed.items))
    yield from (node.text for listed in page.header.summary_lists for node in flat(listed.items))


def _inspected(page: SocDraft) -> str | None:
    """When the region was inspected, as the page says it ("between October and December 2023")."""
    for text in _texts(page):
        found = SOC_INSPECTED.search(text)
        if found is not None:
            return found["when"] or found["month"]
    return None


def _body_sentence(state: State[SocDraft], body: BodyDraft) -> None:
    """The grade sentence opening the body's section: the body's grade when it shows no grade line or label,
    else kept beside it in ``judgment_in_text`` (a different one is said)."""
    paragraphs = [p for section in body.sections[:1] for p in section.paragraphs[:_BODY_REACH]]
    for paragraph in paragraphs:
        sentence = first_sentence(paragraph)
        value = stated_of(sentence, body.text, body.type)
        if value is not None:
            _take(state, body, value, sentence)
            return


def _take(state: State[SocDraft], body: BodyDraft, value: str, sentence: str) -> None:
    if body.judgment is None:
        body.judgment, body.judgment_source, body.judgment_evidence = value, "sentence", sentence
        return
    if body.judgment_source != "sentence":
        body.judgment_in_text, body.judgment_evidence = value, sentence
    if body.judgment != value:
        message = f"body '{body.text}': the {body.judgment_source} says {body.judgment}, '{sentence}' says {value}"
        state.warn("judgment_disagrees", message, body.line)


def _graded_elsewhere(state: State[SocDraft]) -> None:
    """Grades stated of a body by name outside its section (as the news pages list them, "Staffordshire Police has
    been graded as requires improvement;"): the body's, which the page may show nowhere else."""
    page = state.page
    for text in _texts(page):
        for sentence in sentences(text):
            stated = stated_grade(sentence)
            if stated is None or body_type(stated[0]) is None:
                continue
            name, value = stated
            body = next((b for b in page.bodies if same_body(b.text, name)), None)
            if body is None:
                body = BodyDraft(number=None, text=name, line=1, type=body_type(name))
                page.bodies.append(body)
            if stated_of(sentence, body.text, body.type, generic=False) is not None:
                _take(state, body, value, sentence)


def _forces(page: SocDraft) -> list[tuple[str, str]]:
    """The forces the page names as the region's: in a sentence speaking of the region's (or its unit's) forces,
    as a bullet under such a sentence, an entry of its list of contents, or a graded body; each once."""
    found: dict[str, tuple[str, str]] = {}
    for text in _texts(page):
        for sentence in sentences(text):
            if SOC_FORCES_WORDS.search(sentence) and SOC_REGION_WORDS.search(sentence):
                for name in SOC_FORCE_IN_TEXT.finditer(sentence):
                    found.setdefault(short_name(name["name"]), (name["name"], sentence))
    for section in _framing(page):
        for listed in section.lists:
            if listed.intro is None or not SOC_FORCES_WORDS.search(listed.intro):
                continue
            for node in listed.items:
                whole = SOC_FORCE.match(node.text.rstrip(";,. ").removesuffix(" and").rstrip(";, "))
                if whole is not None:
                    found.setdefault(short_name(whole["name"]), (whole["name"], listed.intro))
    for entry in page.contents:
        whole = SOC_FORCE.match(entry)
        if whole is not None:
            found.setdefault(short_name(whole["name"]), (whole["name"], entry))
    for body in page.bodies:
        named = SOC_FORCE.match(body.text) if body.type == "force" else None
        if named is not None:
            full = named["name"]
            found.setdefault(short_name(full), (full, body.text))
    return list(found.values())


def _warn_missing(state: State[SocDraft]) -> None:
    """The region, the year, a body's grade or type, or any body, where the page does not show them."""
    page = state.page
    if page.region is None:
        state.warn("region_missing", "the page names no region (no title line)", None)
    if page.year is None:
        message = "the page shows no publication date (compact renderings do not); year left empty"
        state.warn("year_missing", message, None)
    for body in page.bodies:
        if body.type is None:
            message = f"body '{body.text}': its name says neither a force nor a regional unit; type left empty"
            state.warn("body_type_unknown", message, body.line)
        if body.judgment is None and not body.truncated:
            state.warn("judgment_missing", f"body '{body.text}': no grade is shown or stated", body.line)
    if not page.bodies and not page.truncated:
        state.warn("bodies_missing", "the page shows no graded body (no ROCU's or force's section)", None)
