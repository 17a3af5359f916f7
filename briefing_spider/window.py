"""Which dates a crawl covers when the user names none: continue from the archive."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

OVERLAP_DAYS = 3  # re-read the newest days: releases are edited after publication
EMPTY_ARCHIVE_DAYS = 7


class WindowError(ValueError):
    pass


def parse_day(value: str, *, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WindowError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def crawl_window(db_path: str | Path, *, today: date, since: date | None = None,
                 until: date | None = None) -> tuple[date, date]:
    """(since, until): the given dates, else from the newest archived release minus the overlap
    (or the last week on an empty archive) up to `today` (Asia/Seoul)."""
    until = until or today
    if since is None:
        newest = newest_release_day(db_path)
        since = newest - timedelta(days=OVERLAP_DAYS) if newest else today - timedelta(days=EMPTY_ARCHIVE_DAYS - 1)
        since = min(since, until)
    if since > until:
        raise WindowError(f"--since {since} is after --until {until}")
    return since, until


def newest_release_day(db_path: str | Path) -> date | None:
    if not Path(db_path).exists():
        return None
    db = Database(db_path)
    if not db.table("briefings").exists():
        return None
    row = next(iter(db.query("SELECT max(published_at) AS newest FROM briefings")), None)
    return date.fromisoformat(row["newest"][:10]) if row and row["newest"] else None
