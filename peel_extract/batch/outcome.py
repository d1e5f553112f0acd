"""One page's outcome in a batch (its record, or why it has none), and the conversion that gives it.

``convert`` is what a worker process runs: every failure, expected or not, comes back as data.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from dataclasses import dataclass
from typing import Any

from ..api import extract_source
from ..errors import PeelError
from ..options import DEFAULT_LIMITS, Limits
from ..read import Source, escape_name, source_label


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one page: its record (as a JSON line), or why it has none."""

    where: dict[str, str | None]
    """The page's ``path``, ``member`` and ``url``."""
    record: str | None = None
    """The record as one line of JSON; None when the page gives no record."""
    code: str | None = None
    """Why there is no record: an error code (see ``errors.py``), ``duplicate`` or ``skipped``."""
    message: str | None = None
    line: int | None = None
    digest: str | None = None
    """SHA-256 of the page's bytes, when they could be read (duplicates are told by it)."""
    traceback: str | None = None
    """For an ``internal_error`` (a bug): the traceback, for the bug report."""

    @property
    def label(self) -> str:
        """How messages name the page: ``archive.zip!member.html`` or the path."""
        return source_label(str(self.where["path"]), self.where["member"])

    def record_data(self) -> dict[str, Any] | None:
        """The record as a dict (parsed from its JSON line, not validated again)."""
        return None if self.record is None else dict(json.loads(self.record))

    def failure(self) -> str:
        """The page and why it has no record, as the CLI prints it: ``source[:line]: message``."""
        where = self.label if self.line is None else f"{self.label}:{self.line}"
        return f"{where}: {escape_name(str(self.message))}"

    def log_entry(self) -> str:
        """The page's line in the error log; its ``source`` carries the bytes' ``sha256`` (for resume)."""
        entry: dict[str, Any] = {
            "source": {**self.where, "sha256": self.digest},
            "code": self.code,
            "message": None if self.message is None else escape_name(self.message),
            "line": self.line,
        }
        if self.traceback is not None:
            entry["traceback"] = self.traceback
        return json.dumps(entry, ensure_ascii=False)


def where(source: Source) -> dict[str, str | None]:
    """The ``path``, ``member`` and ``url`` an outcome names its page by, escaped as records show them."""
    return {"path": escape_name(source.name), "member": _escaped(source.member), "url": _escaped(source.url)}


def _escaped(name: str | None) -> str | None:
    return None if name is None else escape_name(name)


def convert(task: Source | Outcome, limits: Limits = DEFAULT_LIMITS) -> Outcome:
    """Read, hash and convert one page; every failure, expected or not, becomes data."""
    if isinstance(task, Outcome):
        return task
    source = task.loaded(limits)
    place = where(source)
    digest = hashlib.sha256(source.data).hexdigest() if source.data is not None else None
    try:
        record = extract_source(source, limits, digest).model_dump_json()
        return Outcome(place, record=record, digest=digest)
    except PeelError as error:
        return Outcome(place, code=error.code, message=error.message, line=error.line, digest=digest)
    except Exception as exc:  # one page's bug must not stop the batch: it is reported as data
        message = f"{type(exc).__name__}: {exc}"
        return Outcome(place, code="internal_error", message=message, digest=digest, traceback=traceback.format_exc())


def convert_chunk(tasks: list[Source | Outcome], limits: Limits) -> list[Outcome]:
    """Convert a chunk of pages (one round trip to a worker process)."""
    return [convert(task, limits) for task in tasks]
