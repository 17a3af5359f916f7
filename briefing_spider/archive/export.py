"""Rows out of the archive as CSV, JSON or JSON Lines, written whole or not at all."""

from __future__ import annotations

import base64
import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from briefing_spider.archive.filters import release_filters
from briefing_spider.archive.query import QueryError, connect_readonly, run_query
from briefing_spider.archive.schema_doc import data_tables
from briefing_spider.archive.shared_files import as_user_expects

FORMATS = ("csv", "json", "jsonl")


class ExportError(ValueError):
    """The export can't be written: the message names the option or path at fault."""


@contextlib.contextmanager
def atomic_output(path: str | Path, *, newline: str | None = "") -> Iterator[IO[str]]:
    """A text file that appears at `path` only when the block finishes without error."""
    path = Path(path)
    try:
        handle = tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            newline=newline,
            delete=False,
            dir=path.parent,
            prefix=f".{path.name}.",
            suffix=".tmp",
        )
    except OSError as error:
        raise ExportError(f"--out {path}: cannot write there ({error.strerror or error})") from None
    try:
        with handle:
            yield handle
        as_user_expects(Path(handle.name))  # 0600 as made; what the user's umask gives a new file
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _plain(value):
    return base64.b64encode(value).decode() if isinstance(value, bytes) else value


def write_rows(handle: IO[str], fmt: str, columns: list[str], rows: Iterable[tuple], *, excel: bool = False) -> int:
    """Write `rows` to `handle` in `fmt`; returns how many."""
    count = 0
    if fmt == "csv":
        if excel:
            handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\r\n" if excel else "\n")
        writer.writerow(columns)
        for chunk in _chunks(rows):
            writer.writerows(chunk)
            count += len(chunk)
        return count
    if fmt == "json":
        handle.write("[")
    for row in rows:
        record = json.dumps(dict(zip(columns, map(_plain, row), strict=True)), ensure_ascii=False)
        separator = ("," if count else "") + "\n" if fmt == "json" else ""
        handle.write(separator + record + ("\n" if fmt == "jsonl" else ""))
        count += 1
    if fmt == "json":
        handle.write("\n]\n")
    return count


def _chunks(rows: Iterable[tuple], size: int = 5000) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def export_sql(
    connection,
    *,
    table: str | None,
    query: str | None,
    ministry: str | None,
    since: str | None,
    until: str | None,
    site: str | None = None,
    kind: str | None = None,
) -> tuple[str, dict]:
    """The SELECT (and params) an export runs: a whole table or view, filtered, or the query."""
    filtered = ministry or since or until or site or kind
    if query and (table or filtered):
        raise ExportError("--query can't be combined with --table, --since, --until, --ministry, --site or --kind")
    if query:
        return query, {}
    db = Database(connection)
    table = table or "releases"
    names = data_tables(db) + db.view_names()
    if table not in names:
        raise ExportError(f"--table {table!r}: no such table or view (one of: {', '.join(names)})")
    columns = {c.name for c in (db.view(table) if table in db.view_names() else db.table(table)).columns}
    if not filtered:
        return f"SELECT * FROM [{table}]", {}
    if "news_id" not in columns:
        raise ExportError(f"--table {table!r}: has no news_id, so --since/--until/--ministry/--site/--kind can't apply")
    where, params = release_filters(db, ministry=ministry, since=since, until=until, site=site, kind=kind)
    keyed = "(site, news_id)" if "site" in columns else "news_id"
    return (
        f"SELECT * FROM [{table}] WHERE {keyed} IN "
        f"(SELECT {'b.site, ' if 'site' in columns else ''}b.news_id FROM briefings b WHERE 1 = 1{where})"
    ), params


def export(
    db_path: str | Path,
    out: str | Path,
    fmt: str,
    *,
    table: str | None = None,
    query: str | None = None,
    ministry: str | None = None,
    since: str | None = None,
    until: str | None = None,
    excel: bool = False,
    site: str | None = None,
    kind: str | None = None,
) -> int:
    """Write the selected rows to `out`; returns the row count. Nothing is left half-written."""
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: one of {', '.join(FORMATS)}")
    if excel and fmt != "csv":
        raise ExportError("--excel applies to --format csv only")
    connection = connect_readonly(db_path)
    try:
        sql, params = export_sql(
            connection, table=table, query=query, ministry=ministry, since=since, until=until, site=site, kind=kind
        )
        columns, rows = run_query(connection, sql, params)
        if not columns:
            raise QueryError("--query returns no columns: it must be a SELECT")
        with atomic_output(out, newline="" if fmt == "csv" else None) as handle:
            return write_rows(handle, fmt, columns, rows, excel=excel)
    finally:
        connection.close()
