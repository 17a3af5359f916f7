"""Records stored the way the writer of an older schema stored them: the live writer
(archive/save.py) serves today's schema only, so a test of a migration writes its "before" with
this — the columns and tables that schema has, the content hash of the record as given."""

from __future__ import annotations

import json

from sqlite_utils import Database

from briefing_spider.archive.save import MINISTRY_COLUMNS, SCALAR_FIELDS
from briefing_spider.records import Release


def write_as_before(db: Database, release: Release, *, seen: str, content_hash: str | None = None) -> None:
    record = release.to_dict()
    columns = db.table("briefings").columns_dict
    ministry = record["ministry"] or {}
    row = {
        "news_id": release.news_id,
        **{name: record[name] for name in SCALAR_FIELDS},
        **{column: ministry.get(key) for column, key in MINISTRY_COLUMNS.items()},
        "site": release.site,
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "content_hash": content_hash or release.content_hash(),
        "first_seen_at": seen,
        "updated_at": seen,
    }
    db["briefings"].insert({name: value for name, value in row.items() if name in columns})
    for table, items in record.items():
        if not isinstance(items, list) or not items or not db.table(table).exists():
            continue
        child = db.table(table).columns_dict
        for position, item in enumerate(items):
            values = {"site": release.site, "news_id": release.news_id, "position": position, **item}
            db[table].insert({name: value for name, value in values.items() if name in child})
