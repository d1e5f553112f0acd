"""Records stage: the output contract as pydantic v2 models, one module per page kind, built from the draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from ..segment import PageDraft
from .common import SCHEMA_VERSION, SourceInfo
from .fire import FrsOverviewRecord, FrsPillarRecord, frs_overview_record, frs_pillar_record
from .police import OverviewRecord, PillarRecord, overview_record, pillar_record
from .report import FrsReportRecord, PeelReportRecord, frs_report_record, peel_report_record

__all__ = [
    "SCHEMA_VERSION",
    "FrsOverviewRecord",
    "FrsPillarRecord",
    "FrsReportRecord",
    "OverviewRecord",
    "PageRecord",
    "PeelReportRecord",
    "PillarRecord",
    "SourceInfo",
    "build_record",
    "json_schema",
    "record_problem",
]

PageRecord = PillarRecord | OverviewRecord | FrsPillarRecord | FrsOverviewRecord | PeelReportRecord | FrsReportRecord
_ADAPTER: TypeAdapter[PageRecord] = TypeAdapter(Annotated[PageRecord, Field(discriminator="page_type")])
_BUILDERS: dict[str, Callable[[PageDraft, SourceInfo], PageRecord]] = {
    "peel_pillar": pillar_record,
    "peel_overview": overview_record,
    "frs_pillar": frs_pillar_record,
    "frs_overview": frs_overview_record,
    "peel_report": peel_report_record,
    "frs_report": frs_report_record,
}


def build_record(draft: PageDraft, source: SourceInfo) -> PageRecord:
    """Validate the draft into the output contract of its page kind."""
    return _BUILDERS[draft.page_type](draft, source)


def record_problem(data: object) -> str | None:
    """None when ``data`` is a valid record, else the first thing wrong with it."""
    try:
        _ADAPTER.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a page record (every page kind, told apart by page_type)."""
    return _ADAPTER.json_schema()
