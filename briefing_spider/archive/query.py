"""Read-only SQL over an archive: the connection can't write, whatever the statement says."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path


class QueryError(ValueError):
    """The statement can't run: the message is one line saying why."""


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A connection opened with `mode=ro` (and `query_only`): writes fail inside SQLite."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no archive here (run `briefing crawl --db {path}` first)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        connection.execute("PRAGMA query_only = ON")
        connection.set_authorizer(_no_attach)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise QueryError(f"{path}: cannot open as SQLite ({error})") from None
    return connection


# Pragmas that change the file or the connection when given a value (on a read-only file SQLite
# answers some of them with a puzzling "disk I/O error"): refused, so the answer says read-only.
WRITING_PRAGMAS = frozenset(
    {
        "journal_mode",
        "wal_checkpoint",
        "user_version",
        "application_id",
        "schema_version",
        "optimize",
        "incremental_vacuum",
        "locking_mode",
        "auto_vacuum",
        "query_only",
        "writable_schema",
        "journal_size_limit",
    }
)


def _no_attach(action: int, *args) -> int:
    """ATTACH would open (or create) another file for writing, a pragma given a value may write:
    refuse them."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and args and str(args[0]).lower() in WRITING_PRAGMAS and args[1] is not None:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def explain_error(sql: str, error: sqlite3.Error | sqlite3.Warning) -> str:
    """One line for a failed statement, telling a write apart from a mistake."""
    message = str(error)
    if any(
        word in message for word in ("readonly", "query_only", "read-only", "not authorized", "authorization denied")
    ):
        return f"read-only: queries can't change the archive ({_first_words(sql)} …)"
    if "one statement at a time" in message:
        return "one statement at a time: run each statement separately"
    return f"SQL error: {message}"


def _first_words(sql: str) -> str:
    return " ".join(sql.split()[:2]).upper()


def run_query(connection: sqlite3.Connection, sql: str, params: dict | tuple = ()) -> tuple[list[str], Iterator[tuple]]:
    """(column names, row tuples) for one statement; QueryError with one line when it fails."""
    if not sql.strip():
        raise QueryError("SQL error: empty statement")
    try:
        cursor = connection.execute(sql, params)
    except (sqlite3.Error, sqlite3.Warning) as error:
        raise QueryError(explain_error(sql, error)) from None
    columns = [d[0] for d in cursor.description or ()]
    return columns, _rows(cursor, sql)


def _rows(cursor: sqlite3.Cursor, sql: str) -> Iterator[tuple]:
    try:
        yield from cursor
    except sqlite3.Error as error:  # errors found while stepping (e.g. a bad function argument)
        raise QueryError(explain_error(sql, error)) from None


def readonly_rows(path: str | Path, sql: str, params: dict | tuple = ()) -> tuple[list[str], list[tuple]]:
    """Run one statement on the archive at `path`; all rows, for small results and tests."""
    connection = connect_readonly(path)
    try:
        columns, rows = run_query(connection, sql, params)
        return columns, list(rows)
    finally:
        connection.close()
