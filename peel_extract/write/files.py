"""Write stage: records as deterministic JSON, and the analysis tables as CSV and SQLite (JSON lines: ``jsonl.py``)."""

from __future__ import annotations

import csv
import errno
import fcntl
import json
import os
import re
import secrets
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, closing, contextmanager, suppress
from pathlib import Path
from typing import Any

from ..errors import OutputError, cannot_write
from ..read import escape_surrogates
from ..records import PageRecord
from ..tables import DICTIONARY, IS_LATEST, LATEST_VIEWS, LIST_TABLES, TABLES, table_rows


def record_json(record: PageRecord, pretty: bool = False) -> str:
    """The record as JSON text: fields in contract order, non-ASCII characters kept."""
    return record.model_dump_json(indent=2 if pretty else None)


def schema_json(schema: dict[str, Any]) -> str:
    """A JSON Schema as stable, indented JSON."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True)


STDOUT = "-"
STDOUT_LABEL = "<stdout>"


def write_output(text: str, path: str | Path | None) -> None:
    """Write ``text`` to stdout (None or '-') or a file; any failure is one OutputError.

    A regular file (or a new one) is replaced through a temporary file and a rename, so a failed
    write leaves it as it was; a symlink is written through to its target; a device or a pipe
    (``/dev/null``, a FIFO) is written directly.
    """
    write_parts([text], path)


def write_parts(parts: Iterable[str], path: str | Path | None) -> None:
    """Write the texts one after another, as they come, to stdout (None or '-') or a file (as
    ``write_output`` does: a file is replaced only once every part is written)."""
    if path is None or str(path) == STDOUT:
        for part in parts:
            write_stdout(_utf8(part))
        return
    try:
        target = Path(os.path.realpath(path))
        if target.exists() and not target.is_file():
            with open(target, "wb") as stream:
                for part in parts:
                    stream.write(_utf8(part))
            return
        with _replacing(target) as tmp, open(tmp, "wb") as stream:
            for part in parts:
                stream.write(_utf8(part))
    except OSError as exc:
        raise cannot_write(str(path), exc) from None


def _utf8(text: str) -> bytes:
    """The text as UTF-8; a lone surrogate (a name's byte that is not UTF-8) is written escaped."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return escape_surrogates(text).encode("utf-8")


def write_stdout(data: bytes) -> None:
    """Write and flush bytes on stdout; a reader that went away (EPIPE) is left to the caller."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise cannot_write(STDOUT_LABEL, exc) from None


@contextmanager
def _replacing(path: str | Path) -> Iterator[str]:
    """A temporary file beside ``path`` that replaces it when the block ends well, and is removed if not.

    The new file gets the mode of the one it replaces, or else the umask's (as a shell's ``>`` does).
    A symlink is followed: its target is replaced and the link kept. Only a regular file (or none) is
    replaced: a device or a folder is refused.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        raise IsADirectoryError(errno.EISDIR, "is a folder") if target.is_dir() else _not_a_file()
    sweep_stale(target)
    try:
        tmp, held = _new_file_beside(target)
    except OSError as exc:  # say which output could not be written, not the temporary file's name
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    try:
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, *(tmp + suffix for suffix in _SQLITE_SIDES)):
            Path(leftover).unlink(missing_ok=True)
        raise
    finally:
        os.close(held)


def _not_a_file() -> OSError:
    return OSError(errno.EINVAL, "not a regular file")


def _new_file_beside(target: Path) -> tuple[str, int]:
    """A new, empty, hidden file in ``target``'s folder, created with the umask's permissions, and
    an open descriptor that holds a lock on it while it is in use (see ``sweep_stale``)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            held = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        with suppress(OSError):  # a file system that cannot lock: the file is only not swept
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return str(tmp), held


_SQLITE_SIDES = ("-journal", "-wal", "-shm")
_SETTLED = 2.0
"""Seconds a temporary file is left alone after it is made (it is locked a moment after)."""


def sweep_stale(target: Path) -> None:
    """Remove the temporary files a run killed while writing ``target`` left beside it (with SQLite's
    journal): those no running peel-extract holds a lock on."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{12}}\.tmp")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        base = name.rsplit("-", 1)[0] if name.endswith(_SQLITE_SIDES) else name
        if not pattern.fullmatch(base):
            continue
        if base == name:
            _sweep(target.parent / name)
        elif not (target.parent / base).exists():
            (target.parent / name).unlink(missing_ok=True)  # a journal whose database is gone


def _sweep(tmp: Path) -> None:
    """Remove ``tmp`` (and its journal) when no run holds it. One made a moment ago may not be locked yet: it is
    looked at again once it has settled (a run killed outright just before this one left it)."""
    try:
        young = _SETTLED - (time.time() - tmp.stat().st_mtime)
    except OSError:
        return
    if not _unheld(tmp):
        return
    if young > 0:
        time.sleep(min(young, _SETTLED))
        if not _unheld(tmp):
            return
    for leftover in (tmp, *(Path(f"{tmp}{suffix}") for suffix in _SQLITE_SIDES)):
        leftover.unlink(missing_ok=True)


def _unheld(tmp: Path) -> bool:
    """Whether no running peel-extract holds a lock on ``tmp`` (False where the file system cannot say)."""
    try:
        fd = os.open(tmp, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # in use by a running run (or a file system that cannot say)
    finally:
        os.close(fd)
    return True


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
    try:
        with ExitStack() as stack:
            sinks = []
            if csv_folder is not None:
                sinks.append(stack.enter_context(_csv_tables(Path(csv_folder), spreadsheet_safe)))
            if sqlite is not None:
                sinks.append(stack.enter_context(_sqlite_tables(sqlite)))
            for table, row in table_rows(records):
                for sink in sinks:
                    sink(table, row)
                if table != IS_LATEST:
                    counts[table] += 1
    except BrokenPipeError:
        raise
    except (OSError, sqlite3.Error) as exc:  # the records are read as PeelErrors: this is an output's
        raise _tables_failure(exc, csv_folder, sqlite) from None
    return counts


def _tables_failure(
    exc: OSError | sqlite3.Error, csv_folder: str | Path | None, sqlite: str | Path | None
) -> OutputError:
    """The error naming the output that failed: the database for SQLite's errors and its own files."""
    target = str(sqlite if sqlite is not None and (csv_folder is None or _of_database(exc, sqlite)) else csv_folder)
    if isinstance(exc, OSError):
        return cannot_write(target, exc)
    return OutputError(target, f"cannot write: {exc}")


def _of_database(exc: OSError | sqlite3.Error, sqlite: str | Path) -> bool:
    """Whether the failure is SQLite's, or of the database's file (or its temporary file)."""
    if isinstance(exc, sqlite3.Error):
        return True
    name = os.path.basename(exc.filename or "") if isinstance(exc.filename, str) else ""
    ours = {Path(sqlite).name, Path(os.path.realpath(sqlite)).name}
    return name in ours or name.startswith(tuple(f".{n}." for n in ours))


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
        writers, files, latest = {}, {}, set()
        for table, columns in TABLES.items():
            tmp = stack.enter_context(_replacing(folder / f"{table}.csv"))
            files[table] = stack.enter_context(open(tmp, "w", encoding="utf-8", newline=""))
            writers[table] = csv.writer(files[table])
            writers[table].writerow(columns)

        def write(table: str, row: tuple[Any, ...]) -> None:
            if table == IS_LATEST:
                latest.add(row[0])
            else:
                writers[table].writerow(_defused(row) if spreadsheet_safe else row)

        yield write
        files["pages"].close()
        _mark_latest(files["pages"].name, latest)


def _mark_latest(path: str, latest: set[int]) -> None:
    """Rewrite pages.csv (rows written with is_latest 0) with is_latest 1 for the newest pages, row by row."""
    column = TABLES["pages"].index("is_latest")
    with (
        _replacing(path) as tmp,
        open(path, encoding="utf-8", newline="") as old,
        open(tmp, "w", encoding="utf-8", newline="") as new,
    ):
        rows, writer = csv.reader(old), csv.writer(new)
        writer.writerow(next(rows))
        for row in rows:
            row[column] = "1" if int(row[0]) in latest else "0"
            writer.writerow(row)


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
        if "cause_id" in names:
            parts.append("FOREIGN KEY (cause_id) REFERENCES causes_of_concern(item_id)")
        if "duplicate_of" in names:
            parts.append("FOREIGN KEY (duplicate_of) REFERENCES pages(page_id)")
        statements.append(f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(parts) + "\n);")
    for view, table_name in LATEST_VIEWS.items():
        statements.append(f"CREATE VIEW {view} AS SELECT t.* FROM {table_name} AS t\n"
                          "  JOIN pages AS p ON p.page_id = t.page_id WHERE p.is_latest = 1;")  # fmt: skip
    return "\n".join(statements)


_INSERTS = {t: f"INSERT INTO {t} VALUES ({', '.join('?' * len(c))})" for t, c in TABLES.items()}
_INSERTS[IS_LATEST] = "UPDATE pages SET is_latest = 1 WHERE page_id = ?"
_INDEXES = "\n".join(
    [
        "CREATE INDEX pages_force_year ON pages(force, year);",
        "CREATE INDEX pillars_force_year ON pillars(force, year, pillar);",
        "CREATE INDEX questions_page ON questions(page_id);",
        "CREATE INDEX judgments_force_year ON judgments(force, year, pillar);",
        "CREATE INDEX judgments_question ON judgments(question_id);",
        "CREATE INDEX latest_judgments_force_year ON latest_judgments(force, year, pillar);",
        "CREATE INDEX latest_judgments_name_round ON latest_judgments(name, round, level);",
        "CREATE INDEX warnings_page ON warnings(page_id);",
        "CREATE INDEX sections_question ON sections(question_id);",
        "CREATE INDEX section_list_items_section ON section_list_items(section_id);",
        *(f"CREATE INDEX {t}_question ON {t}(question_id);" for t in LIST_TABLES),
    ]
)
