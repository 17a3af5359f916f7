"""`briefings.subtitle`: the page's sub-title. NULL until the next crawl or `briefing reparse`
reads it; a record without one keeps its content hash."""

from __future__ import annotations

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute("ALTER TABLE briefings ADD COLUMN subtitle TEXT")
