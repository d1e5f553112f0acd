"""Serious and organised crime regional report records: one page grades several bodies (its ROCU, each force), so
its grades are keyed by body, never by the page or its region (which is not graded)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..segment import AreaDraft, Node
from ..segment.causes import Lead, inline_deadline, lead_of
from ..segment.soc import BodyDraft, SocDraft
from ..vocab import SOC_FORCE, ReportGrade, short_name
from .common import (
    SCHEMA_VERSION,
    ContentList,
    ListItem,
    Model,
    PageRecord,
    Practice,
    RecordWarning,
    Section,
    SourceInfo,
    UnplacedText,
    Version,
    items,
    practice_fields,
    provenance,
    publication,
    section,
)
from .letters import DeadlinedRecommendation


class SocCause(Model):
    """A cause of concern and the recommendations that come with it."""

    text: str
    recommendations: list[DeadlinedRecommendation]


class _SocFindings(Model):
    areas_for_improvement: list[ListItem]
    causes_of_concern: list[SocCause]
    promising_practice: list[Practice]
    innovative_practice: list[Practice]
    sections: list[Section] = Field(description="Findings under their headings (the first may have none).")
    truncated: bool = Field(description="True when the page stops inside this section.")


class _SocRegionalHead(Model):
    heading: str = Field(description="As the page writes it: 'Regional findings'.")


class SocRegionalFindings(_SocFindings, _SocRegionalHead):
    """The "Regional findings": what involves the region's unit and forces together. Never graded."""


class _SocBodyHead(Model):
    name: str = Field(description="As the body's heading (or the sentence grading it) writes it.")
    type: Literal["rocu", "force"] | None = Field(
        description="'force' for a force's full name ('... Police', '... Constabulary'), 'rocu' for a unit's"
        " ('... Regional Organised Crime Unit', '... ROCU', '... Special Operations Unit'); null when neither."
    )
    force: str | None = Field(description="A force's short name ('Casterbridge'); null for a unit.")
    judgment: ReportGrade | None = Field(description="The body's grade as the page states it; never guessed.")
    judgment_source: Literal["grade_line", "label", "sentence"] | None = Field(
        description="A grade line under its heading, a label line ('<Body>: adequate', 'Serious and organised"
        " crime: adequate'), or a sentence naming the body ('<Body> is adequate at tackling serious and organised"
        " crime.', '<Body> has been graded as adequate')."
    )
    judgment_in_text: ReportGrade | None = Field(
        description="The grade its sentence states where a grade line or label gave the judgment."
    )
    judgment_evidence: str | None = Field(description="The sentence (or label line) the grade was read from.")


class SocBody(_SocFindings, _SocBodyHead):
    """A body the page grades: its regional organised crime unit, or one of its forces."""


class SocNamedForce(Model):
    """A force the page names as one of the region's."""

    force: str = Field(description="Its short name ('Casterbridge').")
    name: str = Field(description="Its full name as the page writes it.")
    evidence: str = Field(description="The sentence (or the body's heading) naming it.")


class SocReportRecord(PageRecord):
    """One serious and organised crime regional report (2022 on) as data."""

    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["soc_report"]
    sector: Literal["police"] = "police"
    force: None = Field(description="Always null: the page is a region's; its bodies carry the forces.")
    region: str | None = Field(description="As the title writes it: 'south-east', 'east midlands'.")
    forces: list[SocNamedForce] = Field(
        description="The forces the page itself names as the region's (never a table of regions of ours)."
    )
    heading: str | None = Field(description="The title line (the h1).")
    contents: list[str] = Field(
        description="The entries of the list of contents under 'Contents', where the saved page kept it (HTML)."
    )
    title: str | None = Field(description="The page's HTML <title>, where it has one.")
    published: str | None = Field(description="ISO date of 'Published on: ...'; null where the page has none.")
    year: str | None = Field(description="The year of publication; null when the page shows no date.")
    year_source: Literal["published"] | None
    inspected: str | None = Field(description="When the region was inspected, as the page says it.")
    truncated: bool = Field(description="True when the page stops mid-sentence.")
    summary: list[str] = Field(description="Paragraphs before the first heading.")
    summary_lists: list[ContentList]
    context_sections: list[Section] = Field(
        description="The framing: 'Introduction', 'About our inspection', 'About us', 'About our report', 'About"
        " ROCUs', 'Terminology used in this report', appendices ..."
    )
    regional_findings: SocRegionalFindings | None = Field(description="Null when the page shows none.")
    bodies: list[SocBody] = Field(description="In page order; each graded body is its own judgment.")
    sections: list[Section] = Field(description="Other headed sections outside any body.")
    unplaced: list[UnplacedText]
    warnings: list[RecordWarning]
    source: SourceInfo


def soc_report_record(draft: SocDraft, source: SourceInfo) -> SocReportRecord:
    """A serious and organised crime report's record."""
    fields: dict[str, Any] = {
        "page_type": "soc_report",
        "force": None,
        "region": draft.region,
        "forces": [{"force": short_name(name), "name": name, "evidence": said} for name, said in draft.forces],
        "contents": draft.contents,
        "context_sections": [section(s) for s in draft.context_sections],
        "regional_findings": _regional(draft.regional) if draft.regional is not None else None,
        "bodies": [_body(b) for b in draft.bodies],
        "sections": [section(s) for s in draft.sections],
    }
    return SocReportRecord.model_validate(fields | publication(draft) | provenance(draft, source))


def _findings(area: AreaDraft) -> dict[str, Any]:
    return {
        "areas_for_improvement": items(area.lists.get("areas_for_improvement", [])),
        "causes_of_concern": [_cause(n) for n in area.lists.get("causes_of_concern", [])],
        **practice_fields(area),
        "sections": [section(s) for s in area.sections],
        "truncated": area.truncated,
    }


def _regional(area: AreaDraft) -> dict[str, Any]:
    return {"heading": area.text, **_findings(area)}


def _body(body: BodyDraft) -> dict[str, Any]:
    force = SOC_FORCE.match(body.text) if body.type == "force" else None
    return {
        "name": body.text,
        "type": body.type,
        "force": short_name(force["name"]) if force is not None else None,
        "judgment": body.judgment,
        "judgment_source": body.judgment_source,
        "judgment_in_text": body.judgment_in_text,
        "judgment_evidence": body.judgment_evidence,
        **_findings(body),
    }


def _cause(node: Node) -> dict[str, Any]:
    """A cause of concern and its recommendations: the bullets under a lead line ("By ..., the force should:")
    each carry the lead's deadline; a recommendation written whole carries its own."""
    recommendations: list[dict[str, Any]] = []
    for entry in node.items:
        if entry.text.endswith(":") and entry.items:
            lead = lead_of(entry.text)
            recommendations += [_recommendation(child, entry.text, lead) for child in entry.items]
        else:
            recommendations.append(_recommendation(entry, None, inline_deadline(entry.text)))
    return {"text": node.text, "recommendations": recommendations}


def _recommendation(node: Node, lead: str | None, deadline: Lead | None) -> dict[str, Any]:
    return {
        "text": node.text,
        "items": items(node.items),
        "lead": lead,
        "deadline": deadline.deadline if deadline is not None else None,
        "deadline_date": deadline.deadline_date if deadline is not None else None,
    }
