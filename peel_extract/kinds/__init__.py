"""The registry of page kinds: the one place a kind is registered. Everything else derives from it: which kind a
page is (``detect``), the rules it is read with, the record models a record may be (and so the JSON Schema),
the words an "unsupported page type" error names it by, and the functions giving its table rows.

A kind is a module (``base.Kind``: see the README's "Adding a page kind"); adding one is writing its module and
naming it in ``KINDS`` below.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from ..blocks import Block
from ..errors import NotAPeelPage, UnsupportedPageType
from ..records.common import PageRecord
from ..records.common import record_adapter as _record_adapter
from ..tables.rows import Page, Row, Rows, Tabler
from . import (
    custody_report,
    engage_list,
    frs_other,
    frs_overview,
    frs_pillar,
    frs_report,
    hmicfrs_other,
    monitoring_letter,
    peel_overview,
    peel_pillar,
    peel_report,
    soc_report,
)
from .base import Kind
from .detect import Head, Recognised, Sign, strongest

__all__ = [
    "KINDS",
    "RECOGNISED",
    "Head",
    "Kind",
    "Recognised",
    "Sign",
    "detect",
    "kind_of",
    "page_types",
    "record_adapter",
    "table_rows_by_type",
    "ungraded_kinds",
]


def _converted(kind: Kind[Any]) -> Kind[Any]:
    """A kind converted (mypy checks each module against ``Kind`` here, and names what one lacks)."""
    return kind


def _recognised(kind: Recognised) -> Recognised:
    """A kind only recognised (mypy checks it against ``Recognised``)."""
    return kind


KINDS: tuple[Kind[Any], ...] = (
    _converted(peel_pillar),
    _converted(peel_overview),
    _converted(frs_pillar),
    _converted(frs_overview),
    _converted(peel_report),
    _converted(frs_report),
    _converted(monitoring_letter),
    _converted(custody_report),
    _converted(soc_report),
)
"""The kinds peel-extract converts. Their order is the JSON Schema's, and decides between two kinds whose signs
of the same strength meet on one block (a kind should make its signs exclusive instead)."""
RECOGNISED: tuple[Recognised, ...] = (_recognised(frs_other), _recognised(engage_list), _recognised(hmicfrs_other))
"""Kinds told apart only to say what a page looks like when it is refused; below every converted kind."""

RowsOf = Callable[[Tabler, Page, Row], Rows]


def detect(blocks: list[Block], label: str) -> Kind[Any]:
    """The kind of the page whose blocks these are; ``NotAPeelPage`` when nothing marks it as an HMICFRS page,
    ``UnsupportedPageType`` (naming what it looks like) when it is of a kind only recognised."""
    found = strongest((*KINDS, *RECOGNISED), Head(blocks))
    if found is None:
        raise NotAPeelPage(label, "not an HMICFRS PEEL page (no '<Force> PEEL <year>' title line)")
    for kind in KINDS:
        if kind is found:
            return kind
    raise UnsupportedPageType(label, f"unsupported page type: recognised {found.DESCRIPTION}")


def page_types() -> tuple[str, ...]:
    """The ``page_type`` of each kind converted, in the registry's order."""
    return tuple(_by_type(KINDS))


def kind_of(page_type: str) -> Kind[Any]:
    """The kind of that ``page_type``."""
    return _by_type(KINDS)[page_type]


def record_adapter() -> TypeAdapter[PageRecord]:
    """Validation and JSON Schema of a record of any kind converted."""
    return _adapter(tuple(kind.RECORD for kind in KINDS))


def ungraded_kinds() -> dict[str, str]:
    """The ``page_type`` and description of each kind whose pages grade nothing (a kind says ``GRADES = False``)."""
    return {kind.SPEC.page_type: kind.DESCRIPTION for kind in KINDS if not getattr(kind, "GRADES", True)}


def table_rows_by_type() -> dict[str, RowsOf]:
    """Each ``page_type``'s function giving its records' table rows."""
    return {page_type: kind.table_rows for page_type, kind in _by_type(KINDS).items()}


@cache
def _by_type(kinds: tuple[Kind[Any], ...]) -> dict[str, Kind[Any]]:
    by_type: dict[str, Kind[Any]] = {}
    for kind in kinds:
        if by_type.setdefault(kind.SPEC.page_type, kind) is not kind:
            raise ValueError(f"two kinds have the page_type {kind.SPEC.page_type!r}")
    return by_type


@cache
def _adapter(models: tuple[type[PageRecord], ...]) -> TypeAdapter[PageRecord]:
    return _record_adapter(models)
