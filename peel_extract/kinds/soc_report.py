"""Serious and organised crime regional reports (2022 on): one page per region grades its regional organised crime
unit (ROCU) and each of its forces; the region is not graded. Each graded body is its own judgment, keyed by the
body (a force's grade is that force's), never by the page's region.

Every real page held is a beginning cut before any body; the body sections follow the research notes' grammar.
"""

from __future__ import annotations

from ..records.soc import SocReportRecord, soc_report_record
from ..segment.header import preamble
from ..segment.letterhead import title_crumb
from ..segment.lists import list_heading, list_item, list_paragraph
from ..segment.passes.soc import finish_soc
from ..segment.practice import practice_heading, practice_text
from ..segment.prose import prose
from ..segment.rule import Rule
from ..segment.sections import subheading
from ..segment.soc import (
    SocDraft,
    soc_body_grade,
    soc_body_heading,
    soc_body_label,
    soc_body_part,
    soc_cause,
    soc_contents_item,
    soc_context_heading,
    soc_furniture,
    soc_published,
    soc_regional_findings,
    soc_title,
)
from ..segment.state import KindSpec, State
from ..tables.rows import Page, Row, Rows, Tabler
from ..vocab import SOC_AFI_SENTENCE, SOC_REGION_SENTENCE, SOC_TITLE, SOC_TITLE_WORD
from .detect import Head, Sign

DESCRIPTION = "a serious and organised crime regional report"
SIGNS = (Sign.TITLE_LINE, Sign.NAMED)
# No title line of the pillar kinds (none ends with a year): the page opens at its own title line, else at once.
SPEC = KindSpec("soc_report", (), lambda year, _: year, (), "summary", SOC_AFI_SENTENCE, opening=SOC_TITLE)
RULES: tuple[Rule, ...] = (
    soc_title,
    preamble,
    title_crumb,
    soc_published,
    soc_furniture,
    soc_contents_item,
    soc_regional_findings,
    soc_body_heading,
    soc_body_part,
    soc_body_grade,
    soc_body_label,
    soc_context_heading,
    list_heading,
    practice_heading,
    list_item,
    practice_text,
    soc_cause,
    subheading,
    list_paragraph,
    prose,
)
RECORD = SocReportRecord
build = soc_report_record


def detect(head: Head, sign: Sign) -> int | None:
    """Its title line ("An inspection of the <region> regional response to serious and organised crime"), else
    the sentences only its pages write ("The performance of the region isn’t given a graded judgment"). The words
    "serious and organised crime" alone, in every PEEL report and the BTP pages, are no sign."""
    if sign is Sign.TITLE_LINE:
        return head.first(SOC_TITLE.match, words=SOC_TITLE_WORD, any_case=True)
    if sign is Sign.NAMED:
        return head.first(SOC_REGION_SENTENCE.search)
    return None


def draft() -> SocDraft:
    return SocDraft()


def finish(state: State[SocDraft]) -> None:
    """The year, the bodies' grade sentences, the forces named, and what the page lacks."""
    finish_soc(state)


def table_rows(tabler: Tabler, page: Page, record: Row) -> Rows:
    """Each body's grade as its own graded thing, keyed by the body (`name` and `force`: a force's short name, a
    unit's full name; `level` its type), with its lists and findings; the regional findings' lists and findings
    (area "Regional findings", no name); the framing sections. The region has no grade row."""
    yield from tabler.sections(page, page.where, record["context_sections"] + record["sections"])
    regional = record["regional_findings"]
    if regional is not None:
        yield from _findings(tabler, page, {**page.where, "area": regional["heading"]}, regional)
    for body in record["bodies"]:
        name = body["force"] or body["name"]
        where = {**page.where, "name": name, "force": name, "area": AREA}
        yield from tabler.graded(page, where, _as_judged(body), None, body["type"])
        yield from _findings(tabler, page, where, body)


AREA = "Serious and organised crime"
"""The area a body's grade (and its findings) is tabled under."""


def _as_judged(body: Row) -> Row:
    """The body's grades as the `judgments` table writes them: a grade sentence is `text` (with the sentence),
    a label line a `grade_line` (a grade shown on a line of its own, its subject before it)."""
    if body["judgment_source"] == "sentence":
        return {"judgment_in_text": body["judgment"], "judgment_evidence": body["judgment_evidence"]}
    evidence = body["judgment_evidence"] if body["judgment_in_text"] else None
    return {"judgment": body["judgment"], "judgment_in_text": body["judgment_in_text"], "judgment_evidence": evidence}


def _findings(tabler: Tabler, page: Page, where: Row, part: Row) -> Rows:
    inner = {"page_id": page.page_id, **where}
    yield from tabler.items("areas_for_improvement", inner, part["areas_for_improvement"])
    yield from tabler.causes(inner, part["causes_of_concern"])
    yield from tabler.practices(page, where, part)
    yield from tabler.sections(page, where, part["sections"])
