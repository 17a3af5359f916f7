"""The `tables` rows of records (m013), for the one writer (`save.py`): a record's tables written
with it, their header and rows as JSON beside their counts, and read back in the shape of
`ReleaseTable` in `Release.to_dict()`."""

from __future__ import annotations

import json
import sqlite3

from briefing_spider.archive.search import placeholders

TABLES = "tables"  # a release's tables as data (m013): header and rows stored as JSON
TABLE_COLUMNS = (
    "site",
    "news_id",
    "position",
    "attachment_position",
    "number",
    "caption",
    "unit",
    "header",
    "rows",
    "n_rows",
    "n_columns",
)
_INSERT_TABLE = (
    f"INSERT INTO [{TABLES}] ({', '.join(f'[{c}]' for c in TABLE_COLUMNS)}) VALUES ({placeholders(TABLE_COLUMNS)})"
)


def insert_tables(conn: sqlite3.Connection, records: list[dict]) -> None:
    rows = [row for record in records for row in table_rows(record)]
    if rows:
        conn.executemany(_INSERT_TABLE, rows)


def table_rows(record: dict) -> list[tuple]:
    """The `tables` rows of a record: header and rows as JSON, their counts beside them."""
    return [
        (
            record["site"],
            record["news_id"],
            position,
            table["attachment_position"],
            table["number"],
            table["caption"],
            table["unit"],
            json.dumps(table["header"], ensure_ascii=False),
            json.dumps(table["rows"], ensure_ascii=False),
            len(table["rows"]),
            len(table["header"]),
        )
        for position, table in enumerate(record.get(TABLES, []))
    ]


def table_item(row: dict) -> dict:
    """A stored `tables` row in the shape of `ReleaseTable` in `to_dict()`."""
    return {
        "number": row["number"],
        "caption": row["caption"],
        "unit": row["unit"],
        "header": json.loads(row["header"] or "[]"),
        "rows": json.loads(row["rows"] or "[]"),
        "attachment_position": row["attachment_position"],
    }
