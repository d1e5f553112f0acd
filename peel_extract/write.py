"""Write stage: records as deterministic JSON, written atomically so no torn file is left."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .records import PageRecord


def record_json(record: PageRecord, pretty: bool = False) -> str:
    """The record as JSON text: fields in contract order, non-ASCII characters kept."""
    return record.model_dump_json(indent=2 if pretty else None)


def schema_json(schema: dict[str, Any]) -> str:
    """A JSON Schema as stable, indented JSON."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    handle, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
