"""The first tables: releases, their attachments, contacts, footnotes and attendees, the raw
store's index, revisions, and the crawl run log."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.table("briefings").create(
        {
            "news_id": str,
            "kind": str,
            "url": str,
            "title": str,
            "published_at": str,
            "modified_at": str,
            "ministry": str,
            "ministry_code": str,
            "ministry_canonical": str,
            "ministry_en": str,
            "body_html": str,
            "body_text": str,
            "body_source": str,
            "event_at": str,
            "warnings": str,
            "content_hash": str,
            "first_seen_at": str,
            "updated_at": str,
        },
        pk="news_id",
        not_null={"kind", "url", "title", "published_at", "content_hash"},
    )
    db.table("briefings").create_index(["published_at"])
    db.table("briefings").create_index(["ministry_canonical", "published_at"])
    db.table("briefings").create_index(["kind", "published_at"])
    _child(
        db,
        "attachments",
        {
            "name": str,
            "url": str,
            "kind": str,
            "sha256": str,
            "size": int,
            "text": str,
            "pages": int,
            "paragraphs": int,
            "error": str,
        },
    )
    _child(db, "contacts", {"department": str, "role": str, "title": str, "name": str, "phone": str, "raw": str})
    _child(db, "footnotes", {"marker": str, "text": str, "raw": str})
    _child(db, "attendees", {"group": str, "organization": str, "name": str, "title": str, "role": str, "raw": str})
    db.table("raw_responses").create(
        {
            "url": str,
            "sha256": str,
            "status": int,
            "headers": str,
            "size": int,
            "kind": str,
            "role": str,
            "news_id": str,
            "error": str,
            "fetched_at": str,
            "last_fetched_at": str,
        },
        pk=("url", "sha256"),
    )
    db.table("raw_responses").create_index(["news_id", "role"])
    db.table("raw_responses").create_index(["url", "last_fetched_at"])
    db.table("revisions").create(
        {"id": int, "news_id": str, "content_hash": str, "record": str, "changed_fields": str, "superseded_at": str},
        pk="id",
        foreign_keys=[("news_id", "briefings", "news_id")],
    )
    db.table("revisions").create_index(["news_id"])
    db.table("crawl_runs").create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "arguments": str,
            "status": str,
            "pages": int,
            "new": int,
            "updated": int,
            "unchanged": int,
            "errors": int,
            "bytes": int,
        },
        pk="id",
    )
    db.table("crawl_errors").create(
        {"id": int, "run_id": int, "url": str, "kind": str, "reason": str, "at": str},
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )


def _child(db: Database, name: str, columns: dict) -> None:
    db.table(name).create(
        {"news_id": str, "position": int, **columns},
        pk=("news_id", "position"),
        foreign_keys=[("news_id", "briefings", "news_id")],
    )
