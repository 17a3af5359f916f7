"""`briefing status` says when the site changed its pages: the last run found most pages of a kind
lacking a field (crawl/gaps.py, `site_changed` in crawl_errors) — apart from parse errors, which a
page that still parses does not raise."""

from __future__ import annotations

from sqlite_utils import Database


def site_change_messages(db: Database, run_id: int) -> list[str]:
    rows = db.execute(
        "SELECT reason FROM crawl_errors WHERE run_id = ? AND kind = 'site_changed' ORDER BY id", [run_id]
    ).fetchall()
    return [reason for (reason,) in rows]
