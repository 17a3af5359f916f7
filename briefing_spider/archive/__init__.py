"""The SQLite archive: schema migrations, the raw store, writers and readers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from briefing_spider.archive.ministries_table import refresh_ministries
from briefing_spider.archive.schema import migrations
from briefing_spider.archive.search import refresh_search_index


class ArchiveError(RuntimeError):
    """The archive can't be opened or written: the message names the file and why."""


def open_archive(path: str | Path, *, create: bool = True) -> Database:
    """Open the archive at `path` for writing: migrate it, and refresh the `ministries` table
    from parse/ministries.csv; with `create=False` a missing file is an error."""
    path = Path(path)
    if not path.exists() and not create:
        raise ArchiveError(f"{path}: no archive here (run `briefing crawl --db {path}` first)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.enable_wal()
        # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits,
        # which the next crawl fetches again. FULL would fsync on every one of many small commits.
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
        refresh_ministries(db)  # the registry shipped with this version, not the one of the first migration
        refresh_search_index(db)  # derived: rebuilt when a migration made or changed its tables
    except OSError as error:
        raise ArchiveError(f"{path}: cannot open the archive ({error})") from error
    except sqlite3.DatabaseError as error:  # a file that is no archive, a read-only one, a full disk
        raise ArchiveError(f"{path}: cannot open the archive for writing ({error})") from error
    return db


def open_archive_read_only(path: str | Path) -> Database:
    """Open an existing archive for reading only (`mode=ro`): nothing is written, not even a
    migration. An archive at an older schema is an ArchiveError saying so in one line — a crawl
    or `briefing reparse` (which write) bring it up to date."""
    from briefing_spider.archive.query import QueryError, connect_readonly

    try:
        db = Database(connect_readonly(path))
    except QueryError as error:
        raise ArchiveError(str(error)) from None
    pending = migrations.pending(db)
    if pending:
        db.close()
        raise ArchiveError(
            f"{path}: the archive's schema is older than this version's ({len(pending)} "
            f"migration(s) pending, first {pending[0].name}); run `briefing reparse --db {path}` "
            f"or a crawl to upgrade it (reading never changes it)"
        )
    return db


def raw_dir_for(db_path: str | Path) -> Path:
    """Where the raw store of an archive lives: `data/briefings.db` → `data/briefings.raw/`."""
    return Path(db_path).with_suffix(".raw")
