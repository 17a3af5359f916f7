"""`briefing export-dataset`: every table as CSV plus a Frictionless Data Package descriptor."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from sqlite_utils import Database

from briefing_spider.archive.descriptions import describe
from briefing_spider.archive.export import ExportError, write_rows
from briefing_spider.archive.query import connect_readonly, run_query
from briefing_spider.archive.schema_doc import data_tables
from briefing_spider.archive.shared_files import as_user_expects
from briefing_spider.contract.registry import archive_title

SKIPPED = ("search_index", "search_documents")  # derived: rebuild it with rebuild_search_index
TYPES = {"INTEGER": "integer", "REAL": "number", "FLOAT": "number", "NUMERIC": "number", "BLOB": "string"}
DATETIME_COLUMNS = {
    "published_at",
    "first_seen_at",
    "updated_at",
    "superseded_at",
    "started_at",
    "finished_at",
    "fetched_at",
    "last_fetched_at",
    "at",
}


def _field(table: str, column) -> dict:
    kind = TYPES.get((column.type or "").upper(), "string")
    if column.name in DATETIME_COLUMNS:
        kind = "datetime"
    field = {"name": column.name, "type": kind, "description": describe(table, column.name)}
    return field | ({"format": "any"} if kind == "datetime" else {})


def resource(db: Database, table: str) -> dict:
    """The Data Package resource for one table: path, fields, primary and foreign keys."""
    t = db.table(table)
    schema: dict[str, object] = {"fields": [_field(table, c) for c in t.columns]}
    if t.pks != ["rowid"]:
        schema["primaryKey"] = t.pks
    foreign = foreign_keys(db, table)
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": table,
        "path": f"{table}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": describe(table),
        "schema": schema,
    }


def foreign_keys(db: Database, table: str) -> list[dict]:
    """The table's foreign keys as Data Package `foreignKeys`, a key of several columns as one."""
    keys: dict[int, dict] = {}
    for row in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall():
        key_id, _, other, column, other_column = row[:5]
        key = keys.setdefault(key_id, {"fields": [], "reference": {"resource": other, "fields": []}})
        key["fields"].append(column)
        key["reference"]["fields"].append(other_column)
    return list(keys.values())


def dataset_tables(db: Database) -> list[str]:
    return [t for t in data_tables(db) if t not in SKIPPED]


def export_dataset(db_path: str | Path, directory: str | Path) -> dict[str, int]:
    """Write `directory` (new or empty) whole, or leave it untouched; returns rows per table."""
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ExportError(f"{directory}: exists and is not an empty directory")
    connection = connect_readonly(db_path)
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.", suffix=".tmp"))
    except OSError as error:
        connection.close()
        raise ExportError(f"{directory}: cannot write there ({error.strerror or error})") from None
    try:
        db = Database(connection)
        counts = {table: _write_table(connection, table, staging) for table in dataset_tables(db)}
        package = {
            "name": "briefing-archive",
            "title": archive_title(),
            "profile": "tabular-data-package",
            "resources": [resource(db, table) for table in counts],
        }
        (staging / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        as_user_expects(staging, directory=True)  # 0700 as made; what the user's umask gives a new one
        if directory.exists():
            directory.rmdir()
        os.replace(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        connection.close()
    return counts


def _write_table(connection, table: str, staging: Path) -> int:
    columns, rows = run_query(connection, f"SELECT * FROM [{table}]")
    with (staging / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
        return write_rows(handle, "csv", columns, rows)
