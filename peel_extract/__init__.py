"""peel-extract: saved HMICFRS inspection pages (police PEEL, fire and rescue) -> validated structured data.

The names below are imported when first used, so that the command line starts fast: ``--help``
needs none of the record models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Where each public name lives.
_EXPORTS = {
    **dict.fromkeys(("extract_file", "extract_page", "extract_source"), ".api"),
    **dict.fromkeys(("BatchOptions", "Summary", "iter_records", "run_batch"), ".batch.run"),
    **dict.fromkeys(
        (
            "ArchiveError DecodeError EmptyInput InputTooLarge NotAPeelDatabase NotAPeelPage OutputError "
            "OutputRefused PeelError ReadError RecordsError UnsupportedPageType WorkerDied"
        ).split(),
        ".errors",
    ),
    "Limits": ".options",
    "Outcome": ".batch.outcome",
    **dict.fromkeys(
        (
            "SCHEMA_VERSION FrsOverviewRecord FrsPillarRecord FrsReportRecord OverviewRecord PageRecord "
            "PeelReportRecord PillarRecord json_schema"
        ).split(),
        ".records",
    ),
}
__all__ = [
    "SCHEMA_VERSION",
    "ArchiveError",
    "BatchOptions",
    "DecodeError",
    "EmptyInput",
    "FrsOverviewRecord",
    "FrsPillarRecord",
    "FrsReportRecord",
    "InputTooLarge",
    "Limits",
    "NotAPeelDatabase",
    "NotAPeelPage",
    "Outcome",
    "OutputError",
    "OutputRefused",
    "OverviewRecord",
    "PageRecord",
    "PeelError",
    "PeelReportRecord",
    "PillarRecord",
    "ReadError",
    "RecordsError",
    "Summary",
    "UnsupportedPageType",
    "WorkerDied",
    "extract_file",
    "extract_page",
    "extract_source",
    "iter_records",
    "json_schema",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'peel_extract' has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)


if TYPE_CHECKING:
    from .api import extract_file, extract_page, extract_source
    from .batch.outcome import Outcome
    from .batch.run import BatchOptions, Summary, iter_records, run_batch
    from .errors import (
        ArchiveError,
        DecodeError,
        EmptyInput,
        InputTooLarge,
        NotAPeelDatabase,
        NotAPeelPage,
        OutputError,
        OutputRefused,
        PeelError,
        ReadError,
        RecordsError,
        UnsupportedPageType,
        WorkerDied,
    )
    from .options import Limits
    from .records import (
        SCHEMA_VERSION,
        FrsOverviewRecord,
        FrsPillarRecord,
        FrsReportRecord,
        OverviewRecord,
        PageRecord,
        PeelReportRecord,
        PillarRecord,
        json_schema,
    )
