"""peel-extract: saved HMICFRS PEEL inspection pages -> validated structured data."""

from .api import extract_file, extract_page, extract_source
from .errors import (
    DecodeError,
    EmptyInput,
    NotAPeelPage,
    PeelError,
    ReadError,
    UnsupportedPageType,
)
from .records import SCHEMA_VERSION, OverviewRecord, PageRecord, PillarRecord, json_schema

__all__ = [
    "SCHEMA_VERSION",
    "DecodeError",
    "EmptyInput",
    "NotAPeelPage",
    "OverviewRecord",
    "PageRecord",
    "PeelError",
    "PillarRecord",
    "ReadError",
    "UnsupportedPageType",
    "extract_file",
    "extract_page",
    "extract_source",
    "json_schema",
]
__version__ = "0.1.0"
