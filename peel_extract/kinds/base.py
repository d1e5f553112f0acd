"""What a page kind is: one module that recognises its pages, reads them and writes their records and rows.

A module is a kind when it has what ``Kind`` lists (mypy checks each module of the registry against it):

- ``DESCRIPTION`` and ``detect(head, sign)``: how its pages show themselves (``detect.py``);
- ``SPEC``, ``RULES``, ``draft()`` and ``finish(state)``: how its pages are read (``segment/``);
- ``RECORD`` and ``build(draft, source)``: its record model and how a finished draft becomes one (``records/``);
- ``table_rows(tabler, page, record)``: the rows of the analysis tables its records give (``tables/``).
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from ..records.common import PageRecord, SourceInfo
from ..segment import KindRules, PageDraft
from ..tables.rows import Page, Row, Rows, Tabler
from .detect import Recognised

D = TypeVar("D", bound=PageDraft)


class Kind(Recognised, KindRules[D], Protocol[D]):
    """A page kind peel-extract converts (``D``: its draft)."""

    @property
    def RECORD(self) -> type[PageRecord]:  # noqa: N802 - a kind is a module; this is its constant
        """Its record model: a ``PageRecord`` whose ``page_type`` is the Literal of ``SPEC.page_type``."""

    def build(self, draft: D, source: SourceInfo) -> PageRecord:
        """The record of a finished draft (validated)."""

    def table_rows(self, tabler: Tabler, page: Page, record: Row) -> Rows:
        """The analysis-table rows its record (as plain data) gives, besides its `pages` and `warnings` rows."""
