"""The search index without a second copy of the pieces: archives indexed by the first layout of
m003 get the contentless one (new archives already have it); it is filled again when the archive
is next opened for writing (archive/search.py: refresh_search_index)."""

from __future__ import annotations

from sqlite_utils import Database

from briefing_spider.archive.migrations.search_m003 import CREATE_DOCUMENTS, CREATE_INDEX


def migrate(db: Database) -> None:
    if "search_documents" in db.table_names():
        return
    db.execute("DROP TABLE IF EXISTS search_index")
    db.execute(CREATE_DOCUMENTS)
    db.execute(CREATE_INDEX)
