"""Which dates a crawl covers when the user names none: continue from the archive."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from briefing_spider.contract.registry import DEFAULT_SITE

TRAILING_DAYS = 7  # re-read the days before the last run: late posts and edits
EMPTY_ARCHIVE_DAYS = 7


class WindowError(ValueError):
    pass


def parse_day(value: str, *, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WindowError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def crawl_window(
    db_path: str | Path,
    *,
    today: date,
    since: date | None = None,
    until: date | None = None,
    trailing_days: int = TRAILING_DAYS,
    site: str | None = None,
) -> tuple[date, date]:
    """(since, until): the given dates, else from the newest day any finished crawl covered (or
    the newest archived release) minus `trailing_days`, or the last week on an empty archive, up
    to `today` (Asia/Seoul). A finished backfill of an old range does not move the window back.
    With `site`, only that site's crawls and releases count."""
    until = until or today
    if since is None:
        anchor = newest_finished_day(db_path, today=today, site=site) or newest_release_day(db_path, site=site)
        since = anchor - timedelta(days=trailing_days) if anchor else today - timedelta(days=EMPTY_ARCHIVE_DAYS - 1)
        since = min(since, until)
    if since > until:
        raise WindowError(f"--since {since} is after --until {until}")
    return since, until


def newest_finished_day(db_path: str | Path, *, today: date, site: str | None = None) -> date | None:
    """The newest day, up to `today`, that any finished crawl covered (its `until`): whichever
    run finished last — a nightly, a backfill of 2020, a past range — it is the newest coverage
    that counts. (`today` bounds it so that `--today` can replay a past night.)"""
    db = _archive(db_path)
    if db is None or not db.table("crawl_runs").exists():
        return None
    newest = None
    for row in db.query("SELECT arguments FROM crawl_runs WHERE status = 'finished'"):
        arguments = json.loads(row["arguments"] or "{}")
        if site is not None and arguments.get("site", DEFAULT_SITE) != site:  # runs before sites: the default's
            continue
        until = arguments.get("until")
        day = date.fromisoformat(until) if until else None
        if day and day <= today and (newest is None or day > newest):
            newest = day
    return newest


def newest_release_day(db_path: str | Path, *, site: str | None = None) -> date | None:
    db = _archive(db_path)
    if db is None or not db.table("briefings").exists():
        return None
    of_site = site is not None and "site" in db.table("briefings").columns_dict
    row = next(
        iter(
            db.query(
                "SELECT max(published_at) AS newest FROM briefings" + (" WHERE site = ?" if of_site else ""),
                [site] if of_site else [],
            )
        ),
        None,
    )
    return date.fromisoformat(row["newest"][:10]) if row and row["newest"] else None


def _archive(db_path: str | Path) -> Database | None:
    return Database(db_path) if Path(db_path).exists() else None
