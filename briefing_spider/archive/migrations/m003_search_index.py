"""Korean full-text search (docs/search.md): the index's tables. The index is derived data: it is
filled from the releases already archived when the archive is next opened for writing
(archive/search.py: refresh_search_index), by the code that keeps it filled."""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.archive.migrations.search_m003 import CREATE_DOCUMENTS, CREATE_INDEX


def migrate(db: Database) -> None:
    db.execute(CREATE_DOCUMENTS)
    db.execute(CREATE_INDEX)
