"""Write stage: records as deterministic JSON and JSONL, and the analysis tables as CSV and SQLite."""

from __future__ import annotations

import csv
import errno
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import Any

from .errors import RecordsError
from .records import PageRecord, record_problem
from .tables import DICTIONARY, LIST_TABLES, TABLES, table_rows


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
    try:
        handle, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:  # say which output could not be written, not the temporary file's name
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    os.close(handle)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the output follows the umask as others do
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask, read without changing it (Linux); 0o022 where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


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
    with open(path, "rb") as lines:
        for number, data in enumerate(lines, start=1):
            if data.strip():
                yield _record(path, number, data)


def _record(path: str, number: int, data: bytes) -> dict[str, Any]:
    try:
        record = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RecordsError(path, f"not UTF-8 text (byte {exc.start + 1} of the line)", number) from None
    except RecursionError:
        raise RecordsError(path, "not a JSON record: it nests too deeply", number) from None
    except ValueError as exc:
        raise RecordsError(path, f"not a JSON record: {exc}", number) from None
    problem = record_problem(record)
    if problem is not None:
        problem = problem if len(problem) <= 300 else f"{problem[:150]} ... {problem[-100:]}"
        raise RecordsError(path, f"not a peel-extract record: {problem}", number)
    return record  # type: ignore[no-any-return]


def write_tables(
    records: Iterator[dict[str, Any]],
    csv_folder: str | Path | None = None,
    sqlite: str | Path | None = None,
    spreadsheet_safe: bool = False,
) -> dict[str, int]:
    """The analysis tables as one CSV file each in ``csv_folder`` and/or one SQLite database, in one pass.

    Every file is written to a temporary file first and renamed over its target only when all the
    records have been tabled, so a failed run leaves earlier outputs as they were.
    Returns the row count of each table.
    """
    counts = dict.fromkeys(TABLES, 0)
    with ExitStack() as stack:
        sinks = []
        if csv_folder is not None:
            sinks.append(stack.enter_context(_csv_tables(Path(csv_folder), spreadsheet_safe)))
        if sqlite is not None:
            sinks.append(stack.enter_context(_sqlite_tables(sqlite)))
        for table, row in table_rows(records):
            for sink in sinks:
                sink(table, row)
            counts[table] += 1
    return counts


def write_csv(records: Iterator[dict[str, Any]], folder: str | Path) -> dict[str, int]:
    """One CSV file per table in ``folder``; returns the row count of each table."""
    return write_tables(records, csv_folder=folder)


def write_sqlite(records: Iterator[dict[str, Any]], path: str | Path) -> dict[str, int]:
    """The same tables in one SQLite database (keys, foreign keys, indexes), written atomically."""
    return write_tables(records, sqlite=path)


Sink = Callable[[str, tuple[Any, ...]], None]
# A spreadsheet reads a cell starting with one of these as a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def _csv_tables(folder: Path, spreadsheet_safe: bool) -> Iterator[Sink]:
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        writers = {}
        for table, columns in TABLES.items():
            tmp = stack.enter_context(_replacing(folder / f"{table}.csv"))
            writers[table] = csv.writer(stack.enter_context(open(tmp, "w", encoding="utf-8", newline="")))
            writers[table].writerow(columns)

        def write(table: str, row: tuple[Any, ...]) -> None:
            writers[table].writerow(_defused(row) if spreadsheet_safe else row)

        yield write


def _defused(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Text cells a spreadsheet would run as a formula, with the usual quote prefix."""
    return tuple("'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in row)


@contextmanager
def _sqlite_tables(path: str | Path) -> Iterator[Sink]:
    with _replacing(path) as tmp, closing(sqlite3.connect(tmp)) as db:
        db.executescript(sqlite_schema())

        def write(table: str, row: tuple[Any, ...]) -> None:
            db.execute(_INSERTS[table], row)

        yield write
        db.executescript(_INDEXES)
        db.commit()


_REFERENCES = {"page_id": "pages", "question_id": "questions", "section_id": "sections"}


def sqlite_schema() -> str:
    """CREATE TABLE statements for every table, with the data dictionary's column types."""
    statements = []
    for table in DICTIONARY.values():
        parts = [f"{c.name} {c.type}" + (" PRIMARY KEY" if c.name == table.key else "") for c in table.columns]
        names = TABLES[table.name]
        for column, parent in _REFERENCES.items():
            if column in names and column != table.key:
                parts.append(f"FOREIGN KEY ({column}) REFERENCES {parent}({column})")
        if "parent_id" in names:
            parts.append(f"FOREIGN KEY (parent_id) REFERENCES {table.name}(item_id)")
        if "duplicate_of" in names:
            parts.append("FOREIGN KEY (duplicate_of) REFERENCES pages(page_id)")
        statements.append(f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(parts) + "\n);")
    return "\n".join(statements)


_INSERTS = {t: f"INSERT INTO {t} VALUES ({', '.join('?' * len(c))})" for t, c in TABLES.items()}
_INDEXES = "\n".join(
    [
        "CREATE INDEX pages_force_year ON pages(force, year);",
        "CREATE INDEX pillars_force_year ON pillars(force, year, pillar);",
        "CREATE INDEX questions_page ON questions(page_id);",
        "CREATE INDEX judgments_force_year ON judgments(force, year, pillar);",
        "CREATE INDEX judgments_question ON judgments(question_id);",
        "CREATE INDEX latest_judgments_force_year ON latest_judgments(force, year, pillar);",
        "CREATE INDEX warnings_page ON warnings(page_id);",
        "CREATE INDEX sections_question ON sections(question_id);",
        "CREATE INDEX section_list_items_section ON section_list_items(section_id);",
        *(f"CREATE INDEX {t}_question ON {t}(question_id);" for t in LIST_TABLES),
    ]
)
