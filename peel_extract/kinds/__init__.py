"""The registry of page kinds: the one place a kind is registered. Everything else derives from it: which kind a
page is (``detect``), the rules it is read with, the record models a record may be (and so the JSON Schema),
the words an "unsupported page type" error names it by, and the functions giving its table rows.

A kind is a module (``base.Kind``: see docs/design.md, "Adding a page kind"); adding one is writing its module and
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
    ncpi_reinspection,
    nho_peel_report,
    peel_overview,
    peel_pillar,
    peel_report,
    peel_spotlight,
    soc_report,
    vetting_report,
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
    _converted(vetting_report),
    _converted(nho_peel_report),
    _converted(monitoring_letter),
    _converted(custody_report),
    _converted(soc_report),
)
"""The kinds peel-extract converts. Their order is the JSON Schema's, and decides between two kinds whose signs
of the same strength meet on one block (a kind should make its signs exclusive instead)."""
RECOGNISED: tuple[Recognised, ...] = (
    _recognised(ncpi_reinspection),
    _recognised(peel_spotlight),
    _recognised(frs_other),
    _recognised(engage_list),
    _recognised(hmicfrs_other),
)
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
    """The ``page_type`` of each kind converted, in the registry's order (once each)."""
    return tuple(_by_type(KINDS))


def kind_of(page_type: str) -> Kind[Any]:
    """The kind of that ``page_type`` (the first registered, of a type two kinds share)."""
    return _by_type(KINDS)[page_type]


def record_adapter() -> TypeAdapter[PageRecord]:
    """Validation and JSON Schema of a record of any kind converted: for a page_type two kinds share, the wider of
    their record models (which validates the records of both)."""
    return _adapter(_models(KINDS))


def ungraded_kinds() -> dict[str, str]:
    """The ``page_type`` and description of each kind whose pages grade nothing (a kind says ``GRADES = False``)."""
    return {kind.SPEC.page_type: kind.DESCRIPTION for kind in KINDS if not getattr(kind, "GRADES", True)}


def table_rows_by_type() -> dict[str, RowsOf]:
    """Each ``page_type``'s function giving its records' table rows."""
    return {page_type: kind.table_rows for page_type, kind in _by_type(KINDS).items()}


@cache
def _by_type(kinds: tuple[Kind[Any], ...]) -> dict[str, Kind[Any]]:
    """Each page_type's kind (the first registered of a type two kinds share)."""
    by_type: dict[str, Kind[Any]] = {}
    for kind in kinds:
        first = by_type.setdefault(kind.SPEC.page_type, kind)
        if first is not kind and not _may_share(first, kind):
            raise ValueError(f"two kinds have the page_type {kind.SPEC.page_type!r}")
    return by_type


def _may_share(one: Kind[Any], other: Kind[Any]) -> bool:
    """Two kinds may share a page_type when their records are tabled alike (the same table rows) and one's record
    model widens the other's (the Home Office forces' PEEL reports and those of the forces outside that set)."""
    return one.table_rows is other.table_rows and (
        _widens(one.RECORD, other.RECORD) or _widens(other.RECORD, one.RECORD)
    )


def _widens(wide: type[PageRecord], narrow: type[PageRecord]) -> bool:
    """Every field of ``narrow`` is in ``wide`` with its type, and the fields only ``wide`` has may be left out: a
    record of either validates as ``wide``."""
    fields, narrow_fields = wide.model_fields, narrow.model_fields
    same = all(name in fields and fields[name].annotation == f.annotation for name, f in narrow_fields.items())
    return same and not any(f.is_required() for name, f in fields.items() if name not in narrow_fields)


def _models(kinds: tuple[Kind[Any], ...]) -> tuple[type[PageRecord], ...]:
    """The record model of each page_type, in the registry's order: of a type two kinds share, the wider."""
    widest: dict[str, type[PageRecord]] = {}
    for kind in kinds:
        known = widest.setdefault(kind.SPEC.page_type, kind.RECORD)
        if _widens(kind.RECORD, known):
            widest[kind.SPEC.page_type] = kind.RECORD
    return tuple(widest.values())


@cache
def _adapter(models: tuple[type[PageRecord], ...]) -> TypeAdapter[PageRecord]:
    return _record_adapter(models)
