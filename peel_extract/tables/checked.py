"""A record line to be tabled: validated strictly against the record models, then given as the values they hold.

Lax validation would take `"truncated": "false"` or `"number": true` and leave the raw JSON to be tabled
(as 1, or `True`); strict validation takes only the types a record has, so what is tabled is what was
validated. A number SQLite cannot hold (beyond 64 bits) and text that is not Unicode (a lone surrogate)
are refused too.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

_LARGEST = 2**63 - 1  # SQLite's INTEGER


class NotARecord(ValueError):
    """The line is not a peel-extract record; the message says the first thing wrong."""


def checked_record(line: bytes | str) -> dict[str, Any]:
    """The record on one JSON line, as the data its model holds; NotARecord if it is not a record."""
    from ..kinds import record_adapter  # the registry of kinds sits above the tables: asked when needed

    try:
        data = record_adapter().validate_json(line, strict=True).model_dump(mode="json")
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise NotARecord(f"{where}: {first['msg']}" if where else first["msg"]) from None
    large = _too_large(data, "")
    if large is not None:
        raise NotARecord(f"{large}: a number too large for a table (at most {_LARGEST})")
    return data


def _too_large(value: Any, where: str) -> str | None:
    """Where (a dotted path) the first integer beyond SQLite's range is, if any."""
    if isinstance(value, dict):
        found = (_too_large(v, f"{where}.{k}" if where else k) for k, v in value.items())
    elif isinstance(value, list):
        found = (_too_large(v, f"{where}.{i}") for i, v in enumerate(value))
    else:
        return where if isinstance(value, int) and not -_LARGEST - 1 <= value <= _LARGEST else None
    return next((w for w in found if w is not None), None)
