"""Records of the PEEL reports of forces outside the Home Office set (BTP, PSNI, CNC, NCA): a PEEL report's record
(``page_type`` "peel_report", as the Home Office forces' reports), with what these pages add."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..segment.nho import NhoDraft
from .common import SCHEMA_VERSION, Model, PageRecord, SourceInfo, Version
from .report import ReportBody, report_body

_ONLY = " Only on the reports of forces outside the Home Office set."


class _OtherForceHead(Model):
    schema_version: Version = SCHEMA_VERSION
    page_type: Literal["peel_report"]
    sector: Literal["police"] = "police"
    force: str | None = Field(
        description="The force's short name, e.g. 'Northumbria' for Northumbria Police; a force outside the Home"
        " Office set keeps its full name ('British Transport Police', 'Police Service of Northern Ireland')."
    )
    force_name: str | None = Field(
        default=None, description="The force's full name, as its title line writes it." + _ONLY
    )
    published: str | None = Field(
        default=None, description="ISO date of 'Published on: 22 February 2024'; null where not shown." + _ONLY
    )
    commissioned: str | None = Field(
        default=None, description="The year of 'In 2021, we were commissioned ... to inspect'." + _ONLY
    )


class OtherForceReportRecord(ReportBody, _OtherForceHead, PageRecord):
    """One PEEL report (a PEEL 2021/22 or 2023-25 report, or the report of a force outside the Home Office set) as
    data. A Home Office force's report has no force_name, published or commissioned (``PeelReportRecord``)."""


def other_force_report_record(draft: NhoDraft, source: SourceInfo) -> OtherForceReportRecord:
    """The record of a report of a force outside the Home Office set."""
    head = {
        "page_type": "peel_report",
        "force": draft.name,
        "force_name": draft.full_name,
        "published": draft.published,
        "commissioned": draft.commissioned,
    }
    return OtherForceReportRecord.model_validate(head | report_body(draft, source))
