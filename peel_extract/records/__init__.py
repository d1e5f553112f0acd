"""Records stage: the output contract as pydantic v2 models, built from the finished draft.

Each page kind's model is a ``PageRecord``; the models of the kinds held here are in ``police.py``, ``fire.py``
and ``report.py`` (a new kind may keep its model in its own module). Which models a record may be, and so
the JSON Schema, come from the registry of kinds (``kinds/``).
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from .common import SCHEMA_VERSION, PageRecord, SourceInfo
from .fire import FrsOverviewRecord, FrsPillarRecord
from .police import OverviewRecord, PillarRecord
from .report import FrsReportRecord, PeelReportRecord

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
    "json_schema",
    "record_problem",
]


def _adapter() -> TypeAdapter[PageRecord]:
    from ..kinds import record_adapter  # the registry of kinds sits above the records: asked when needed

    return record_adapter()


def record_problem(data: object) -> str | None:
    """None when ``data`` is a valid record (of any registered kind), else the first thing wrong with it."""
    try:
        _adapter().validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a page record (every registered kind, told apart by page_type)."""
    return _adapter().json_schema()
