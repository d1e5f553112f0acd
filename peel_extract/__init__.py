"""peel-extract: saved HMICFRS inspection pages (police PEEL, fire and rescue) -> validated structured data."""

from .api import extract_file, extract_page, extract_source
from .batch import BatchOptions, Summary, iter_records, run_batch
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
from .outcome import Outcome
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
__version__ = "0.1.0"
