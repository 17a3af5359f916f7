"""The query layer: the ministries table, indexes, the first views (views_m002.py)."""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.archive.migrations.views_m002 import VIEWS


def migrate(db: Database) -> None:
    """The `ministries` registry table (filled from the registry whenever the archive is opened for
    writing: archive/views.py refresh_ministries), indexes for people and ministries, and the views."""
    db.table("ministries").create(
        {
            "id": int,
            "lineage": str,
            "code": str,
            "name": str,
            "name_en": str,
            "short_forms": str,
            "valid_from": str,
            "valid_to": str,
            "successor": str,
            "predecessors": str,
        },
        pk="id",
        not_null={"lineage", "name"},
    )
    db.table("ministries").create_index(["name"])
    db.table("ministries").create_index(["lineage"])
    db.table("attendees").create_index(["name"])
    db.table("attendees").create_index(["organization", "title"])
    db.table("contacts").create_index(["name"])
    db.table("briefings").create_index(["ministry_code"])
    db.table("revisions").create_index(["superseded_at"])
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip())
