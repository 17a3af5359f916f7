"""The one writer of `briefings` and its child tables: upsert by news id, children replaced in
the same transaction, the previous version kept in `revisions` when the content changed."""

from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive.schema import CHILD_TABLES
from briefing_spider.archive.search import index_briefing
from briefing_spider.records import Release

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"
SCALAR_FIELDS = ("kind", "url", "title", "published_at", "modified_at", "body_html", "body_text",
                 "body_source", "event_at")


def save_briefing(db: Database, release: Release, *, seen_at: datetime) -> str:
    """Store `release`; returns "new", "updated" or "unchanged". All or nothing."""
    content_hash = release.content_hash()
    with db.atomic():
        stored = next(db.table("briefings").rows_where("news_id = ?", [release.news_id]), None)
        if stored and stored["content_hash"] == content_hash:
            return UNCHANGED
        if stored:
            previous = load_briefing(db, release.news_id)
            db.table("revisions").insert({
                "news_id": release.news_id, "content_hash": stored["content_hash"],
                "record": json.dumps(previous, ensure_ascii=False),
                "changed_fields": json.dumps(_changed_fields(previous, release.to_dict())),
                "superseded_at": seen_at.isoformat(),
            })
        row = _briefing_row(release, content_hash)
        row["first_seen_at"] = stored["first_seen_at"] if stored else seen_at.isoformat()
        row["updated_at"] = seen_at.isoformat()
        db.table("briefings").upsert(row, pk="news_id")
        record = release.to_dict()
        for table in CHILD_TABLES:
            db.execute(f"DELETE FROM [{table}] WHERE news_id = ?", [release.news_id])
            rows = [{"news_id": release.news_id, "position": i, **item} for i, item in enumerate(record[table])]
            if rows:
                db.table(table).insert_all(rows)
        index_briefing(db, release.news_id)
    return UPDATED if stored else NEW


def load_briefing(db: Database, news_id: str) -> dict | None:
    """A stored record in the shape of `Release.to_dict()`."""
    row = next(db.table("briefings").rows_where("news_id = ?", [news_id]), None)
    if row is None:
        return None
    record = {"news_id": news_id, **{name: row[name] for name in SCALAR_FIELDS}}
    record["ministry"] = None if row["ministry"] is None else {
        "name": row["ministry"], "code": row["ministry_code"],
        "canonical": row["ministry_canonical"], "name_en": row["ministry_en"],
    }
    record["warnings"] = json.loads(row["warnings"] or "[]")
    for table in CHILD_TABLES:
        children = db.table(table).rows_where("news_id = ?", [news_id], order_by="position")
        record[table] = [{k: v for k, v in child.items() if k not in ("news_id", "position")} for child in children]
    return record


def _briefing_row(release: Release, content_hash: str) -> dict:
    record = release.to_dict()
    ministry = record["ministry"] or {}
    return {
        "news_id": release.news_id, **{name: record[name] for name in SCALAR_FIELDS},
        "ministry": ministry.get("name"), "ministry_code": ministry.get("code"),
        "ministry_canonical": ministry.get("canonical"), "ministry_en": ministry.get("name_en"),
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "content_hash": content_hash,
    }


def _changed_fields(previous: dict, current: dict) -> list[str]:
    return sorted(key for key in current if previous.get(key) != current.get(key))
