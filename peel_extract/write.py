"""Write stage: records as deterministic JSON and JSONL, and the analysis tables as CSV and SQLite."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import Any

from .errors import RecordsError
from .records import PageRecord, record_problem
from .tables import KEYS, LIST_TABLES, TABLES, table_rows


def record_json(record: PageRecord, pretty: bool = False) -> str:
    """The record as JSON text: fields in contract order, non-ASCII characters kept."""
    return record.model_dump_json(indent=2 if pretty else None)


def schema_json(schema: dict[str, Any]) -> str:
    """A JSON Schema as stable, indented JSON."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    with _replacing(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")


@contextmanager
def _replacing(path: str | Path) -> Iterator[str]:
    """A temporary file beside ``path`` that replaces it when the block ends well, and is removed if not."""
    target = Path(path)
    handle, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class JsonlSink:
    """Appends whole lines to a JSONL file (or stdout), one system call per line.

    A killed run therefore leaves only whole lines; on resume a torn tail (a write cut by a
    crash of the machine itself) is cut back to the last whole line.
    """

    def __init__(self, path: str | None, resume: bool) -> None:
        self.path = path
        self._resume = resume
        self._fd: int | None = None

    def __enter__(self) -> JsonlSink:
        if self.path is not None and self.path != "-":
            if self._resume:
                _cut_torn_tail(self.path)
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if self._resume else os.O_TRUNC)
            self._fd = os.open(self.path, flags, 0o644)
        return self

    def existing(self) -> Iterator[str]:
        """The lines already in the file (on resume)."""
        if self.path is None or self.path == "-" or not os.path.exists(self.path):
            return
        with open(self.path, encoding="utf-8") as lines:
            for text in lines:
                if text.strip():
                    yield text

    def write(self, text: str) -> None:
        """Write one line."""
        data = (text + "\n").encode("utf-8")
        if self.path == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        elif self._fd is not None:
            while data:
                data = data[os.write(self._fd, data) :]

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
        self._fd = None


def _cut_torn_tail(path: str) -> None:
    if not os.path.exists(path):
        return
    with open(path, "rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)


def iter_jsonl(path: str) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, one at a time, each checked against the record schema."""
    with open(path, encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except ValueError as exc:
                raise RecordsError(path, f"not a JSON record: {exc}", number) from None
            problem = record_problem(record)
            if problem is not None:
                raise RecordsError(path, f"not a peel-extract record: {problem}", number)
            yield record


def write_csv(records: Iterator[dict[str, Any]], folder: str | Path) -> dict[str, int]:
    """One CSV file per table in ``folder``; returns the row count of each table."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(TABLES, 0)
    with ExitStack() as stack:
        writers = {}
        for table, columns in TABLES.items():
            handle = stack.enter_context(open(target / f"{table}.csv", "w", encoding="utf-8", newline=""))
            writers[table] = csv.writer(handle)
            writers[table].writerow(columns)
        for table, row in table_rows(records):
            writers[table].writerow(row)
            counts[table] += 1
    return counts


def write_sqlite(records: Iterator[dict[str, Any]], path: str | Path) -> dict[str, int]:
    """The same tables in one SQLite database (keys, foreign keys, indexes), written atomically."""
    counts = dict.fromkeys(TABLES, 0)
    with _replacing(path) as tmp, closing(sqlite3.connect(tmp)) as db:
        db.executescript(sqlite_schema())
        for table, row in table_rows(records):
            db.execute(_INSERTS[table], row)
            counts[table] += 1
        db.executescript(_INDEXES)
        db.commit()
    return counts


_INTEGER_COLUMNS = frozenset({"position", "number", "depth", "truncated", "warnings", "question_number", "paragraphs"})
_REFERENCES = {"page_id": "pages", "question_id": "questions"}


def sqlite_schema() -> str:
    """CREATE TABLE statements for every table."""
    statements = []
    for table, columns in TABLES.items():
        parts = []
        for column in columns:
            integer = column in _INTEGER_COLUMNS or column.endswith("_id")
            parts.append(f"{column} {'INTEGER' if integer else 'TEXT'}")
        key = KEYS.get(table)
        if key:
            parts[columns.index(key)] += " PRIMARY KEY"
        for column, parent in _REFERENCES.items():
            if column in columns and column != key:
                parts.append(f"FOREIGN KEY ({column}) REFERENCES {parent}({column})")
        if "parent_id" in columns:
            parts.append(f"FOREIGN KEY (parent_id) REFERENCES {table}(item_id)")
        statements.append(f"CREATE TABLE {table} (\n  " + ",\n  ".join(parts) + "\n);")
    return "\n".join(statements)


_INSERTS = {t: f"INSERT INTO {t} VALUES ({', '.join('?' * len(c))})" for t, c in TABLES.items()}
_INDEXES = "\n".join(
    [
        "CREATE INDEX pages_force_year ON pages(force, year);",
        "CREATE INDEX pillars_force_year ON pillars(force, year, pillar);",
        "CREATE INDEX questions_page ON questions(page_id);",
        "CREATE INDEX judgments_force_year ON judgments(force, year, pillar);",
        "CREATE INDEX judgments_question ON judgments(question_id);",
        "CREATE INDEX sections_question ON sections(question_id);",
        *(f"CREATE INDEX {t}_question ON {t}(question_id);" for t in LIST_TABLES),
    ]
)
